"""The output record: validated pydantic models. Field names are a contract: add, never rename.

`inspectparse schema` prints `Record.model_json_schema()`; `inspectparse schema --batch-line`
prints `batch_line_schema()`, the shape of one line of `inspectparse batch`'s JSON Lines: a
`Record` (a converted input), or an `ErrorLine` (a failed one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from .errors import ErrorCode
from .grades import GRADE_CODES, Grade
from .urgency import Urgency, urgency

# 1.5: the record's shape is as in 1.4, its meaning is not: judgement labels are the labels as
# printed, an area SEND item's responsible body is its actor (never in its text), and new
# review warnings say where a value is missing or implausible (WARNING_CODES).
SCHEMA_VERSION = "1.5"

TextLayout = Literal["layout", "markdown", "reading_order"]
RecommendationKind = Literal["priority_action", "improvement", "recommendation"]
# How soon an item is to be acted on: its printed timescale read onto one scale, or
# `immediate` under a priority-action heading (`urgency.urgency` reads it).
# info: a repair made with certainty (the value is right); review: a person should look.
Severity = Literal["info", "review"]


@dataclass(frozen=True, slots=True)
class WarningCode:
    """What a warning code means, the record field it concerns by default, and how sure."""

    field: str
    severity: Severity
    meaning: str


# Every warning code a record can carry, declared once: the stages raise codes from this list
# (an unknown code fails when the record is built) and the README's table is checked against it.
WARNING_CODES: dict[str, WarningCode] = {
    "engine_fallback": WarningCode(
        "source.engine", "info", "the default PDF engine failed; the other engine read the file"
    ),
    "truncated_pdf": WarningCode(
        "source", "review", "the PDF has no end-of-file marker: pages or text may be missing"
    ),
    "kind_unknown": WarningCode(
        "report.kind", "review", "page 1 matches no known framework: structure only"
    ),
    "kind_from_prose": WarningCode(
        "report.kind",
        "review",
        "no page-1 title matches a framework: the kind was read from text that may be prose",
    ),
    "kind_conflict": WarningCode(
        "report.kind",
        "review",
        "page 1 opens a line like another framework's title above the title read",
    ),
    "cover_running_lines_kept": WarningCode(
        "report.kind",
        "info",
        "page 1's lines that head later pages were read as its title, not as a running header",
    ),
    "provider_missing": WarningCode(
        "report.provider", "review", "the framework names a provider but none was found"
    ),
    "authority_unmatched": WarningCode(
        "report.authority", "review", "no single official authority matched the provider"
    ),
    "dates_missing": WarningCode(
        "report.inspection_start", "review", "the framework gives dates but none were found"
    ),
    "dates_impossible": WarningCode(
        "report.inspection_start",
        "review",
        "the printed dates cannot be real (no such day, or a start after its end): left empty",
    ),
    "dates_implausible": WarningCode(
        "report.inspection_start",
        "review",
        "the dates read are unlikely for the framework (visit length, or far from the letter "
        "or publication date)",
    ),
    "provider_generic": WarningCode(
        "report.provider", "review", "the provider read is only a generic word (e.g. 'Council')"
    ),
    "provider_words_before_name": WarningCode(
        "report.provider",
        "review",
        "the provider read is no authority's name, but its last words are one: a line above "
        "the name may have run into it",
    ),
    "lead_missing": WarningCode(
        "report.lead_inspector",
        "review",
        "the framework's reports name a lead inspector but none was found",
    ),
    "lead_rank_word": WarningCode(
        "report.lead_inspector", "review", "the lead inspector read holds a rank or role word"
    ),
    "lead_not_a_name": WarningCode(
        "report.lead_inspector",
        "review",
        "the lead inspector read holds a word no name holds (a field or table heading, a "
        "lower-case word): text after the name ran on into it",
    ),
    "lead_incomplete": WarningCode(
        "report.lead_inspector",
        "review",
        "the lead inspector read (or the last of two) is one word: a name goes on elsewhere",
    ),
    "judgement_missing": WarningCode(
        "judgements", "review", "a judgement the framework requires was not found; left empty"
    ),
    "judgement_not_judged": WarningCode(
        "judgements", "info", "the summary table prints 'Not judged' for it: no grade, as printed"
    ),
    "judgement_era_unsure": WarningCode(
        "judgements",
        "review",
        "judgements the report's era requires were not found, so the era itself is in doubt: "
        "a judgement only another era has was not looked for; check the summary table",
    ),
    "grade_out_of_scale": WarningCode(
        "judgements", "review", "a grade not on the framework's scale was read and dropped"
    ),
    "judgement_conflict": WarningCode(
        "judgements", "review", "two rules read different grades; the primary one is kept"
    ),
    "improvement_list_empty": WarningCode(
        "recommendations",
        "review",
        "an improvement-list heading was found but no item under it (and no sentence saying "
        "the list is empty)",
    ),
    "improvement_list_missing": WarningCode(
        "recommendations",
        "review",
        "the framework always gives an improvement list but none was found (a heading with "
        "nothing under it, such as a table of contents' entry, is no list)",
    ),
    "improvement_list_unread": WarningCode(
        "recommendations",
        "review",
        "a line reads like a list heading the rules do not know, or a heading they do not know "
        'heads a run of items worded as instructions ("Ensure ...", "Leaders should ..."): its '
        "items are missing from the list, or counted in the list it interrupts",
    ),
    "improvement_list_numbering_gap": WarningCode(
        "recommendations",
        "review",
        "text input without fonts: a list's item numbers jump, so its end or a topic "
        "subheading in it may be misread",
    ),
    "improvement_list_end_unsure": WarningCode(
        "recommendations",
        "review",
        "text input without fonts: a numbered list stops at a heading that is no known section, "
        "before a numbered paragraph; the heading may be a topic of the list",
    ),
    "improvement_list_bullets_apart": WarningCode(
        "recommendations",
        "review",
        "text input in reading order: bullet glyphs stand apart from their items and could "
        "not be paired with them in order, so items may be missing or merged",
    ),
    "improvement_list_numbers_apart": WarningCode(
        "recommendations",
        "review",
        "text input in reading order: item numbers stand apart from their items and could not "
        "be paired with them in order, so items may be missing",
    ),
    "improvement_table_rows_unsure": WarningCode(
        "recommendations",
        "review",
        "text input without table geometry: a table's responsible-body cells and the rows read "
        "from its text disagree, so rows may be split or joined wrongly",
    ),
    "improvement_items_unlike_actions": WarningCode(
        "recommendations",
        "review",
        "a list the framework words as instructions holds items that read as findings: the "
        "list may run on past its end, or its heading may stand away from its items",
    ),
    "paragraph_number_gap": WarningCode(
        "paragraphs", "review", "paragraph numbers are missing from the run and not restored"
    ),
    "paragraphs_unnumbered": WarningCode(
        "paragraphs",
        "review",
        "the framework numbers every report's paragraphs (SIF from 2015) but no numbered "
        "paragraph was found: the numbers may be lost",
    ),
    "paragraph_run_short": WarningCode(
        "paragraphs",
        "review",
        "the numbered paragraphs stop long before the body text ends: later paragraphs are "
        "missing from the run",
    ),
    "report_end_missing": WarningCode(
        "recommendations",
        "review",
        "none of the ways a report of the kind ends (Ofsted's back page, a letter's sign-off) "
        "is in its last lines: pages may be missing, so its lists, paragraphs and the "
        "judgements only some reports give may be incomplete",
    ),
    "paragraph_number_inferred": WarningCode(
        "paragraphs", "info", "a lost paragraph number was restored from its neighbours"
    ),
    "paragraph_number_displaced_into_line": WarningCode(
        "paragraphs", "info", "a paragraph number displaced into its line was moved back"
    ),
    "paragraph_bullet_before_number": WarningCode(
        "paragraphs", "info", "a bullet before a paragraph number was removed"
    ),
    "paragraph_number_without_full_stop": WarningCode(
        "paragraphs", "info", "a paragraph number had no full stop"
    ),
    "text_without_page_breaks": WarningCode(
        "source.pages",
        "review",
        "text input without page breaks: every item is on page 1 and running headers and "
        "footers stay in the body",
    ),
    "text_pages_from_page_numbers": WarningCode(
        "source.pages",
        "info",
        "text input without page breaks: pages were cut after its printed page numbers, so "
        "the pages before the first number count as one",
    ),
    "judgement_pairing_ambiguous": WarningCode(
        "judgements",
        "review",
        "text input: the summary table's labels and grades cannot be paired unambiguously; "
        "left empty, not guessed",
    ),
    "judgement_grade_cut": WarningCode(
        "judgements",
        "review",
        "text input: a summary-table grade cell has lost its first words ('improvement to be "
        "good' without 'Requires'); left empty, not guessed",
    ),
    "paragraph_continuation_after_page_break_dash": WarningCode(
        "paragraphs", "info", "text after a page break behind a '- ' artefact was joined back"
    ),
    "timescale_unrecognised": WarningCode(
        "recommendations",
        "review",
        "a printed timescale is not on the urgency scale: its urgency is left 'unspecified'",
    ),
}


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
    text_layout: TextLayout | None = Field(
        None,
        description="text input: the shape that was read. layout: columns kept with spaces "
        "(pdftotext -layout); markdown: markdown syntax (headings, bullets, pipe tables); "
        "reading_order: one column in reading order (plain pdftotext, copy and paste). "
        "None for PDF input",
    )
    member: str | None = Field(None, description="member name inside an archive (batch)")


class InspectionPeriod(_Model):
    start: dt.date
    end: dt.date


class Authority(_Model):
    """Official codes of the report's subject, for joins to DfE and ONS data."""

    type: Literal["local_authority", "school"]
    name: str = Field(
        description="council: the lookup's canonical name (DfE's spelling); school: as printed"
    )
    gss_code: str | None = Field(None, description="ONS GSS code (a school: its council's)")
    dfe_code: str | None = Field(None, description="DfE 3-digit LA code (a school: its council's)")
    ofsted_urn: str | None = Field(
        None, description="Ofsted URN: the council's children's services, or the school's"
    )
    region_code: str | None = Field(None, description="ONS region code")
    region_name: str | None = None
    matched_from: str | None = Field(None, description="the provider text the codes matched")
    rule: str | None = Field(None, description="the matching rule that fired")
    lookup_version: str = Field(description="version of the bundled authority lookup")


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
    authority: Authority | None = Field(
        None, description="official codes; null (with a review warning) when none matched"
    )


class Judgement(_Model):
    key: str = Field(description="judgement key, e.g. overall_effectiveness")
    label: str = Field(description="the label as printed")
    grade: Grade
    grade_code: int = Field(
        description="Ofsted's numeric code: 1 outstanding .. 4 inadequate; area SEND 1-3 "
        "(derived from `grade`, so records saved before it existed still load)"
    )
    grade_text: str = Field(description="the grade as printed")
    rule: str = Field(description="id of the rule that matched")
    confirmed_by: list[str] = Field(
        default_factory=list, description="other rules that found the same grade"
    )
    provenance: Provenance

    @model_validator(mode="before")
    @classmethod
    def _grade_code_from_grade(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("grade") in GRADE_CODES:
            code = GRADE_CODES[data["grade"]]
            if data.setdefault("grade_code", code) != code:
                raise ValueError(f"grade_code {data['grade_code']} is not {data['grade']}'s {code}")
        return data


class Recommendation(_Model):
    text: str
    kind: RecommendationKind = "improvement"
    timescale: str | None = Field(
        None, description="as printed, e.g. 'Immediately', 'Within three months'"
    )
    urgency: Urgency = Field(
        description="the timescale on one scale: immediate, within_3_months, within_6_months "
        "or unspecified; items under 'Priority and immediate action' or 'Areas for priority "
        "action' are immediate (derived from the timescale and heading when a record saved "
        "before it existed is loaded)"
    )
    actor: str | None = Field(None, description="who must act, where the text names one")
    heading: str | None = Field(None, description="the list heading the item sits under")
    number: int | None = Field(None, description="paragraph number when items are numbered")
    sub_items: list[str] = Field(default_factory=list)
    rule: str
    provenance: Provenance

    @model_validator(mode="before")
    @classmethod
    def _urgency_from_timescale(cls, data: Any) -> Any:
        if isinstance(data, dict) and "urgency" not in data:
            data = {
                **data,
                "urgency": urgency(data.get("timescale"), data.get("heading"), data.get("kind")),
            }
        return data


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
    code: str = Field(description="what happened; `record.WARNING_CODES` lists every code")
    message: str
    field: str | None = Field(
        None,
        description="the record path it concerns: report.kind, report.provider, "
        "report.inspection_start, report.inspection_end, report.lead_inspector, "
        "judgements.<key>, recommendations, paragraphs, source",
    )
    severity: Severity = Field(
        "review",
        description="info: a repair made with certainty; review: a person should check the field",
    )
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
    needs_review: bool = Field(
        False, description="true when any warning has severity 'review': check before citing"
    )

    def judgement(self, key: str) -> Judgement | None:
        return next((j for j in self.judgements if j.key == key), None)

    @property
    def grades(self) -> dict[str, str]:
        return {j.key: j.grade for j in self.judgements}

    def __repr__(self) -> str:
        # Short: the whole record (tens of kilobytes) is `model_dump_json`, the readable view
        # `inspectparse.show.plain_text` (or this object in a notebook, `_repr_html_`).
        rep = self.report
        when = rep.inspection_end or rep.letter_date or rep.published
        return (
            f"Record(kind={rep.kind!r}, provider={rep.provider!r}, "
            f"date={None if when is None else when.isoformat()!r}, "
            f"grades={self.grades!r}, recommendations={len(self.recommendations)}, "
            f"paragraphs={len(self.paragraphs)}, warnings={len(self.warnings)}, "
            f"needs_review={self.needs_review})"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """The record as a person reads it, for notebooks (Jupyter calls this)."""
        from .show import to_html

        return to_html(self)

    def __rich__(self) -> Any:
        """The same view for `rich.print(record)`."""
        from rich.console import Group

        from .show import render, view

        return Group(*render(view(self)))


class InputSource(_Model):
    """Which input a batch error line is about."""

    path: str | None = Field(description="the input's path as found, or '-' for stdin")
    sha256: str | None = Field(description="sha256 of its bytes; null when none could be read")
    member: str | None = Field(None, description="member name inside an archive")


class InputError(_Model):
    code: ErrorCode = Field(description="a stable error code (`inspectparse.ErrorCode`)")
    message: str | None = Field(None, description="what is wrong and what to try")


class ErrorLine(_Model):
    """The batch line of an input that failed: which input, and why."""

    source: InputSource
    error: InputError


def batch_line_schema() -> dict[str, Any]:
    """JSON Schema of one batch line: the input's `Record`, or an `ErrorLine`."""
    schema: dict[str, Any] = TypeAdapter(Record | ErrorLine).json_schema()
    schema["title"] = "inspectparse batch line"
    schema["description"] = (
        "One line of `inspectparse batch` JSON Lines (schema_version "
        f"{SCHEMA_VERSION}): a converted input's record, exactly as `inspectparse extract` "
        "prints it, or {source, error} for an input that failed. Record lines have `report`; "
        "error lines have `error`."
    )
    return schema
