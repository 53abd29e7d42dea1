"""The output record: validated pydantic models. Field names are a contract: add, never rename.

`inspectparse schema` prints `Record.model_json_schema()`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Grade = Literal[
    "outstanding",
    "good",
    "requires_improvement",
    "adequate",
    "inadequate",
    "positive",
    "inconsistent",
    "significant_concerns",
]
RecommendationKind = Literal["priority_action", "improvement", "recommendation"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Model):
    """Where an item came from, so an analyst can cite and check it."""

    page: int | None = Field(None, description="1-based page the item starts on")
    page_end: int | None = Field(None, description="1-based page the item ends on")
    paragraph: int | None = Field(None, description="the report's own paragraph number, if any")
    line_start: int | None = Field(None, description="index of the first line within `page`")
    line_end: int | None = Field(None, description="index of the last line within `page_end`")
    char_start: int | None = Field(
        None, description="offset of `text` in the paragraph (or block) text it was found in"
    )
    char_end: int | None = Field(None, description="end offset (exclusive) of `text`")
    text: str | None = Field(None, description="the verbatim text the item was read from")


class Source(_Model):
    path: str | None = Field(None, description="path as given, or '-' for stdin")
    sha256: str = Field(description="sha256 of the input bytes")
    format: Literal["pdf", "text"]
    pages: int = Field(description="number of pages (text input: form-feed separated pages)")
    engine: str = Field(description="text engine used: pdfplumber, pdfium or text")
    member: str | None = Field(None, description="member name inside an archive (batch)")


class InspectionPeriod(_Model):
    start: dt.date
    end: dt.date


class ReportMeta(_Model):
    kind: str = Field(description="report kind id, as in the corpus README; 'unknown' if none")
    kind_rule: str | None = Field(None, description="the profile pattern that identified the kind")
    variant: str | None = Field(None, description="framework variant within the kind")
    title: str | None = None
    provider: str | None = Field(None, description="local authority, partnership or school")
    inspection_start: dt.date | None = None
    inspection_end: dt.date | None = None
    inspection_periods: list[InspectionPeriod] = Field(
        default_factory=list, description="each separate on-site period, when there are several"
    )
    lead_inspector: str | None = Field(None, description="name only, without HMI titles")
    published: dt.date | None = None
    letter_date: dt.date | None = None


class Judgement(_Model):
    key: str = Field(description="judgement key, e.g. overall_effectiveness")
    label: str = Field(description="the label as printed")
    grade: Grade
    grade_text: str = Field(description="the grade as printed")
    rule: str = Field(description="id of the rule that matched")
    confirmed_by: list[str] = Field(
        default_factory=list, description="other rules that found the same grade"
    )
    provenance: Provenance


class Recommendation(_Model):
    text: str
    kind: RecommendationKind = "improvement"
    timescale: str | None = Field(None, description="e.g. 'Immediately', 'Within three months'")
    actor: str | None = Field(None, description="who must act, where the text names one")
    heading: str | None = Field(None, description="the list heading the item sits under")
    number: int | None = Field(None, description="paragraph number when items are numbered")
    sub_items: list[str] = Field(default_factory=list)
    rule: str
    provenance: Provenance


class Paragraph(_Model):
    number: int | None = Field(None, description="the inspectors' paragraph number")
    number_inferred: bool = Field(False, description="number restored from its neighbours")
    section: str | None = None
    text: str
    provenance: Provenance


class Section(_Model):
    title: str
    page: int | None = None
    paragraphs: list[int] = Field(default_factory=list, description="numbered paragraphs in it")


class RecordWarning(_Model):
    code: str
    message: str
    provenance: Provenance | None = None


class Record(_Model):
    """One extracted inspection report."""

    schema_version: str = SCHEMA_VERSION
    parser_version: str
    source: Source
    report: ReportMeta
    judgements: list[Judgement] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)

    def judgement(self, key: str) -> Judgement | None:
        return next((j for j in self.judgements if j.key == key), None)

    @property
    def grades(self) -> dict[str, str]:
        return {j.key: j.grade for j in self.judgements}
