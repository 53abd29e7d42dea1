"""Framework profiles: each report kind is declared as data, not control flow.

A profile says how to recognise the kind on page 1, which judgements it must have and where
they are printed (summary table rows, graded headings, sentences), its grade scale, its
improvement-list headings and how to read its metadata. Adding a framework means adding a
module here that builds a `Profile` and listing it in `PROFILES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..record import RecommendationKind

# Grade phrase as printed; `grades.canonical_grade` maps it to a canonical id.
GRADE = (
    r"(?:outstanding|good|adequate|inadequate"
    r"|requires?\s+improvement(?:\s+to\s+be\s+good)?|not\s+judged)"
)
# Typographic or straight apostrophe.
APOS = "['’]"

ItemStyle = Literal["bullets", "numbered", "paragraphs"]


@dataclass(frozen=True, slots=True)
class JudgementSpec:
    """One judgement: its key, how its label reads, and sentences that state its grade.

    `label` matches the printed row/heading label (summary table, graded section heading).
    `sentences` are regexes with a named group `grade`, searched in headings and paragraphs.
    `required_in` lists the variants that must have it (empty: every variant).
    """

    key: str
    label: str | None = None
    sentences: tuple[str, ...] = ()
    required: bool = True
    required_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Variant:
    """A framework era; `marker` is searched in page-1 text (None: the default variant)."""

    name: str
    marker: str | None = None
    # Judgement keys this variant does not have at all.
    absent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ListHeading:
    """A heading that opens a list of what must improve."""

    pattern: str
    kind: RecommendationKind = "improvement"
    item_style: ItemStyle = "bullets"


@dataclass(frozen=True, slots=True)
class Profile:
    kind: str
    name: str
    # Page-1 regexes: any match identifies the kind; `exclude` vetoes it.
    title_patterns: tuple[str, ...]
    exclude_patterns: tuple[str, ...] = ()
    # Higher wins when several profiles match page 1.
    priority: int = 0
    graded: bool = True
    grades: tuple[str, ...] = ("outstanding", "good", "requires_improvement", "inadequate")
    judgements: tuple[JudgementSpec, ...] = ()
    variants: tuple[Variant, ...] = (Variant("default"),)
    # Where the summary table starts (regex on a page-1 line); None: anywhere on page 1.
    table_header: str | None = None
    # 0: search every page for the table header.
    table_pages: int = 1
    # Which source is authoritative when table and narrative disagree (the other is a check).
    primary_source: Literal["table", "narrative"] = "table"
    list_headings: tuple[ListHeading, ...] = ()
    # False where some reports of the kind have no improvement list at all (no warning then).
    expects_list: bool = True
    # Lines that are never items inside an improvement list (e.g. "none" sentences).
    list_skip: tuple[str, ...] = (r"^there (are|were) no (areas for )?priority actions?",)
    section_headings: tuple[str, ...] = ()
    # Regexes with a `provider` group, tried in order on page-1 text joined with spaces.
    provider_patterns: tuple[str, ...] = ()
    # Regexes with a `dates` group.
    date_patterns: tuple[str, ...] = (r"Inspection dates?:?\s+(?P<dates>[^\n]+)",)
    # False where the framework prints no inspection dates (no warning when none are found).
    expects_dates: bool = True
    # Regexes with a `name` group, matched per line (anchored at line start).
    lead_patterns: tuple[str, ...] = (
        r"^Lead inspectors?:?\s+(?P<name>.+)$",
        r"^Reporting inspector:?\s+(?P<name>.+)$",
    )
    # Regexes with a `name` group searched in the running text (letters name the lead in prose).
    lead_search_patterns: tuple[str, ...] = ()
    # A letter: its date line supplies a year the visit dates leave out.
    letter: bool = False
    # Take the provider match that comes first in the text, whichever pattern made it
    # (default: the first pattern that matches anywhere).
    provider_earliest: bool = False
    # Unbulleted paragraphs after a list's bullets are items too (school reports).
    list_items_after_bullets: bool = False
    # Whose codes the record's `report.authority` gives: a council matched from the provider
    # text, or a school from its printed identifiers (`identifier_patterns`: regexes with
    # `urn` and `local_authority` groups, searched in the whole text).
    authority_type: Literal["local_authority", "school"] = "local_authority"
    identifier_patterns: tuple[str, ...] = ()
    published_patterns: tuple[str, ...] = (
        r"(?:Report )?[Pp]ublished:?\s+(?P<date>\d{1,2}\s+\w+\s+\d{4})",
    )

    def compiled(self, attr: str) -> list[re.Pattern[str]]:
        return _compile(tuple(getattr(self, attr)))


@cache
def _compile(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.I | re.M) for p in patterns]


def _load() -> tuple[Profile, ...]:
    from . import (
        area_send,
        child_protection_2012,
        ilacs,
        ilacs_focused_visit,
        joint_area_review,
        jtai,
        looked_after_children_2012,
        lscb_review,
        school_section5,
        sif,
    )

    return (
        child_protection_2012.PROFILE,
        looked_after_children_2012.PROFILE,
        sif.PROFILE,
        lscb_review.PROFILE,
        ilacs.PROFILE,
        ilacs_focused_visit.PROFILE,
        jtai.PROFILE,
        joint_area_review.PROFILE,
        area_send.PROFILE,
        school_section5.PROFILE,
    )


@cache
def profiles() -> tuple[Profile, ...]:
    return _load()


def get(kind: str) -> Profile | None:
    return next((p for p in profiles() if p.kind == kind), None)


@cache
def known_headings() -> list[re.Pattern[str]]:
    """Every profile's section and list headings, for the segmenter (anchored, whole line)."""
    pats: list[str] = []
    for profile in profiles():
        pats.extend(profile.section_headings)
        # A list heading may end in a colon ("Areas for improvement:"). A pattern with "|" is
        # grouped first; one without keeps its plain first letter (see segment.headings).
        pats.extend(
            rf"(?:{h.pattern})\s*:?" if "|" in h.pattern else rf"{h.pattern}\s*:?"
            for h in profile.list_headings
        )
    return [re.compile(rf"^(?:{p})\s*$", re.I) for p in dict.fromkeys(pats)]
