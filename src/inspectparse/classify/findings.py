"""Plain data produced by the classify stage, turned into the record by `validate`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..authority import Authority
from ..document import Evidence, Note
from ..profiles import Profile

__all__ = [
    "Evidence",
    "Findings",
    "JudgementFinding",
    "Meta",
    "RecommendationFinding",
    "read_from_table",
    "table_rule",
]

# The rule of a judgement read from a summary table: "<kind>.table.<key>".
_TABLE = "table"


def table_rule(kind: str, key: str) -> str:
    """The rule naming a judgement read from a report's summary table."""
    return f"{kind}.{_TABLE}.{key}"


def read_from_table(rule: str) -> bool:
    """Whether a judgement's rule says it was read from a summary table (`table_rule`)."""
    return rule.split(".")[1:2] == [_TABLE]


@dataclass(slots=True)
class JudgementFinding:
    key: str
    label: str
    grade: str
    grade_text: str
    rule: str
    evidence: Evidence
    confirmed_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RecommendationFinding:
    text: str
    kind: str
    timescale: str | None
    actor: str | None
    heading: str
    number: int | None
    sub_items: list[str]
    rule: str
    evidence: Evidence


@dataclass(slots=True)
class Meta:
    title: str | None = None
    provider: str | None = None
    periods: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    # Why the printed inspection dates cannot be real (then `periods` is empty).
    date_problem: str | None = None
    lead_inspector: str | None = None
    published: dt.date | None = None
    letter_date: dt.date | None = None


@dataclass(slots=True)
class Findings:
    kind: str
    profile: Profile | None
    kind_rule: str | None = None
    variant: str | None = None
    meta: Meta = field(default_factory=Meta)
    authority: Authority | None = None
    judgements: list[JudgementFinding] = field(default_factory=list)
    recommendations: list[RecommendationFinding] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
