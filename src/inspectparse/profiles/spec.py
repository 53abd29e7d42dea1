"""What a profile is made of: the dataclasses a framework module fills in, and helpers.

A profile module imports from here (never from the package), so the registry in
`profiles/__init__.py` can import every profile without a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..grades import AREA_SEND_OUTCOMES, FOUR_POINT, FOUR_POINT_TO_2013, GRADE_PHRASE, Grade
from ..record import RecommendationKind

__all__ = [
    "ALONE_AFTER",
    "APOS",
    "AREA_SEND_OUTCOMES",
    "BACK_PAGE_ENDINGS",
    "COLON_OR_VERB",
    "FOUR_POINT",
    "FOUR_POINT_TO_2013",
    "GRADE",
    "INSPECTOR_RANK",
    "IS_OR_ARE",
    "NAME_TAIL_WORDS",
    "NAME_LINE",
    "NUMBERED_IN_BRACKETS",
    "PERSON_NAME",
    "GradeAfter",
    "ItemStyle",
    "JudgementSpec",
    "LETTER_ENDINGS",
    "ListHeading",
    "Profile",
    "Variant",
    "WRAPPED_NAME",
    "judgement",
    "wrapped_name",
]

# Grade phrase as printed (the shared scales' words, or "not judged");
# `classify.grades.canonical_grade` maps it to a canonical id.
GRADE = GRADE_PHRASE
# Typographic or straight apostrophe.
APOS = "['’]"
# Words that end an authority's name and never name one on their own: a line of only these
# is the wrapped end of the name on the line above.
NAME_TAIL_WORDS = r"(?:Metropolitan|Borough|County|City|District|Council|Royal|of|and|the)"
# A person's name as printed: two to four capitalised words, with the lower-case particles some
# surnames carry between them ("Ian de Souza", "Rebecca van der Berg"); in a case-sensitive
# search the particles are what let such a name through whole. Initials stand for words before
# the surname ("Jane M. Smith", "J R Smith"), and an honorific is part of the name as printed
# ("Mr Charlie Fordham", "Dr. Ada Quill"), so neither cuts a name short.
NAME_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|del|della|dos|bin|ibn|al|el|ter|ten)"
# A word before the surname: a name, an initial, or an honorific's abbreviation ("Dr.", "Mrs.").
# Every form opens with the capital, so a search skips to capitals (a pattern that opens with an
# optional group is tried at every position: twice the time over a letter).
_NAME_WORD = r"[A-Z][\w’'-]+"
_GIVEN = r"[A-Z](?:[a-z]{1,2}\.(?=\s)|[\w’'-]+|\.?(?=\s))"
PERSON_NAME = (
    rf"{_GIVEN}(?:\s+(?:{NAME_PARTICLE}\s+)*{_GIVEN}){{0,2}}\s+(?:{NAME_PARTICLE}\s+)*{_NAME_WORD}"
)
# An inspector's rank as printed beside a name ("His Majesty's Inspector", "HMI", "Ofsted
# Inspector"); a pattern that uses it allows a "Senior" before it where the reports print one.
INSPECTOR_RANK = (
    r"(?:(?:Her|His)\s+Majesty['’]s\s+(?:Senior\s+)?Inspectors?|\bHMI\b"
    r"|Ofsted\s+(?:HMI\s+)?(?:Lead\s+)?Inspector|Social\s+Care\s+Regulatory\s+Inspector)"
)
# A line that names a provider under a title: any line but a title page's field ("Inspection
# dates: ...", "Age group:"), which is where the name is when a title page prints none.
NAME_LINE = r"(?![^\n:]{1,40}:)[^\n]+"
# A title page's field labels as reports word them ("Inspection dates", "Dates of inspection";
# "Lead inspector", "Lead inspectors", "Lead inspector(s)").
DATES_LABEL = r"(?:Inspection\s+dates?|Dates?\s+of\s+(?:the\s+)?inspection)"
LEAD_LABEL = r"Lead\s+inspectors?(?:\(s\))?"
# The title page's first field, printed straight after a title: the dates, or the lead
# inspector. Title patterns end at it; the title read stops before it.
TITLE_PAGE_FIRST_FIELD = rf"(?:{DATES_LABEL}|{LEAD_LABEL})"


def wrapped_name(tail_words: str, line: str = r"[^\n]+") -> str:
    """A name on one `line`, or on two when the second holds only `tail_words` (the words such
    names end in, which never name one on their own)."""
    return rf"(?:{line}\n[ \t]*{tail_words}(?:[ \t]+{tail_words})*[ \t]*|{line})"


# A provider name on one line, or on two when the second holds only tail words.
WRAPPED_NAME = wrapped_name(NAME_TAIL_WORDS)

ItemStyle = Literal["bullets", "numbered", "paragraphs"]

# How a complete report ends (`Profile.endings`, searched in its last lines by
# `classify.checks.ending_checks`): Ofsted's back page (the Crown copyright line, the licence,
# the alternative-format offer, where it is published, Ofsted's description of itself).
BACK_PAGE_ENDINGS = (
    r"©\s*Crown copyright",
    r"Open Government Licence",
    r"If you would like a copy of this document in a different format",
    r"This publication is available at",
    r"Children.s Services and Skills \(Ofsted\) regulates and inspects",
)
# A letter ends with its sign-off, or with the signatory's name and rank when the sign-off is
# an image; some carry the back page too.
LETTER_ENDINGS = BACK_PAGE_ENDINGS + (
    r"^Yours (?:sincerely|faithfully)",
    r"^(?:Her|His) Majesty.s Inspector\b",
    r"^(?:Senior )?HMI$",
)


@dataclass(frozen=True, slots=True)
class JudgementSpec:
    """One judgement: its key, how its label reads, and sentences that state its grade.

    `label` matches the printed row/heading label (summary table, graded section heading).
    `sentences` are regexes with a named group `grade`, searched in headings and paragraphs.
    `required_in` lists the variants that must have it (empty: every variant).
    `expected_if`, for a judgement not every report has (`required=False`): text that shows
    this report has it (the part of the report that grades it), so that not finding its
    grade is reported, never silent.
    """

    key: str
    label: str | None = None
    sentences: tuple[str, ...] = ()
    # The record's `label` when the grade is read from a sentence that prints no label
    # ("Children's services in X are good"): the framework's own name for the judgement.
    title: str | None = None
    required: bool = True
    required_in: tuple[str, ...] = ()
    expected_if: str | None = None


@dataclass(frozen=True, slots=True)
class Variant:
    """A framework era; `marker` is searched in page-1 text (None: the default variant)."""

    name: str
    marker: str | None = None
    # Judgement keys this variant does not have at all.
    absent: tuple[str, ...] = ()
    # The year its first inspections took place: a report of an earlier visit read as this
    # era (a variant told by a judgement's absence) may have lost that judgement's label.
    first_year: int | None = None


@dataclass(frozen=True, slots=True)
class ListHeading:
    """A heading that opens a list of what must improve.

    `imperative`: the framework words every item as an instruction ("Ensure that ...",
    "strengthen ...", "The board should ..."), so items that read as findings ("The board
    demonstrates ...") mean the list ran on past its end (`classify/list_checks.py`).
    """

    pattern: str
    kind: RecommendationKind = "improvement"
    item_style: ItemStyle = "bullets"
    imperative: bool = False


@dataclass(frozen=True, slots=True)
class BodyColumn:
    """An improvement table's responsible-body column (area SEND), as text without geometry
    shows it: a run of short lines naming an organisation, apart from the action text.

    `header`: the column's header cell. `line`: a line of a body cell (names, connectors, no
    sentence). `names`: what a whole cell must name (an organisation or its leaders).
    `name_end`: how a body's name ends ("... Council", "... ICB"): a cell line ending so, then
    a line opening with a capital, are two cells (rows naming different bodies, one run).
    """

    header: str
    line: str
    names: str
    name_end: str | None = None


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
    grades: tuple[Grade, ...] = FOUR_POINT
    judgements: tuple[JudgementSpec, ...] = ()
    variants: tuple[Variant, ...] = (Variant("default"),)
    # Where the summary table starts (regex on a page-1 line); None: anywhere on page 1.
    table_header: str | None = None
    # 0: search every page for the table header.
    table_pages: int = 1
    # Which source is authoritative when table and narrative disagree (the other is a check).
    primary_source: Literal["table", "narrative"] = "table"
    list_headings: tuple[ListHeading, ...] = ()
    # The responsible-body column of the improvement tables, where they have one.
    body_column: BodyColumn | None = None
    # False where some reports of the kind have no improvement list at all (no warning then).
    expects_list: bool = True
    # Lines that are never items inside an improvement list (e.g. "none" sentences).
    list_skip: tuple[str, ...] = (r"^there (are|were) no (areas for )?priority actions?",)
    section_headings: tuple[str, ...] = ()
    # Regexes with a `provider` group, tried in order on page-1 text joined with spaces.
    provider_patterns: tuple[str, ...] = ()
    # Regexes with a `dates` group, tried in order on page-1 text joined with spaces. The
    # second reads a label column in reading order: "Inspection dates" then the table's other
    # row labels (words only: no digits, no sentence end), then the dates in the value column.
    date_patterns: tuple[str, ...] = (
        rf"{DATES_LABEL}:?\s+(?P<dates>[^\n]+)",
        rf"{DATES_LABEL}:?\s+(?:[A-Za-z’',&-]+\s+){{1,40}}?(?P<dates>\d{{1,2}}\b[^\n]+)",
    )
    # False where the framework prints no inspection dates (no warning when none are found).
    expects_dates: bool = True
    # How many calendar days one on-site period of this framework lasts (first and last day
    # counted), and the most from the first day to the last over split periods: a period
    # outside them is a likely misread (`classify.checks`). None: no expectation.
    visit_days: tuple[int, int] | None = None
    visit_span_days: int | None = None
    # False where the framework's reports usually name no lead inspector (letters).
    expects_lead: bool = True
    # The year from which every report of the framework numbers its paragraphs (None: not
    # every report does): a report of that year or later with no numbered paragraph lost its
    # numbers (`classify.checks`). 0: every report, whatever its year.
    numbers_paragraphs_from: int | None = None
    # Regexes with a `name` group, matched per line (anchored at line start).
    lead_patterns: tuple[str, ...] = (
        rf"^{LEAD_LABEL}:?\s+(?P<name>.+)$",
        r"^Reporting inspector:?\s+(?P<name>.+)$",
    )
    # Regexes with a `name` group searched in the running text (letters name the lead in prose).
    lead_search_patterns: tuple[str, ...] = ()
    # A letter: its date line supplies a year the visit dates leave out.
    letter: bool = False
    # Regexes (per line) of what a complete report of the kind ends with: where none is in
    # its last lines, pages may be missing (a review warning on its lists and paragraphs).
    endings: tuple[str, ...] = BACK_PAGE_ENDINGS
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
    # The judgement that carries a council's overall effectiveness in this framework, where
    # it is one link of the lineage `history` follows across frameworks (2012 child
    # protection -> SIF -> ILACS): a council's grade here follows on from its grade in the
    # last framework (history.py, README "History across inspections"). None: not in it.
    overall_lineage: str | None = None

    def compiled(self, attr: str) -> list[re.Pattern[str]]:
        return _compile(tuple(getattr(self, attr)))


@cache
def _compile(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.I | re.M) for p in patterns]


@dataclass(frozen=True, slots=True)
class GradeAfter:
    """How a grade is printed after its judgement's label: `between` them, `end` after it."""

    between: str
    end: str = ""

    def sentence(self, label: str) -> str:
        """The regex of the label followed by its grade, anchored at the start of a line."""
        return rf"^{label}{self.between}(?P<grade>{GRADE}){self.end}"


# "The impact of leaders ...: good", "... is good", "... good" (headings and sentences).
COLON_OR_VERB = GradeAfter(r"(?:\s*:|\s+is|\s+are)?\s*")
# "The quality of practice is good".
IS_OR_ARE = GradeAfter(r" (?:is|are)\s+")
# A table row read as one line: "Outcomes for pupils   Good".
ALONE_AFTER = GradeAfter(r"\s+", r"\s*$")
# "Leadership and management   Grade 2 (good)" (2012-13 frameworks).
NUMBERED_IN_BRACKETS = GradeAfter(r"\s+Grade\s+\d\s*\(\s*", r"\s*\)")


def judgement(
    key: str,
    label: str,
    after: GradeAfter,
    *,
    required: bool = True,
    required_in: tuple[str, ...] = (),
) -> JudgementSpec:
    """A judgement whose grade is printed after its label: the label is written once and the
    grade sentence is built from it."""
    return JudgementSpec(
        key,
        label=label,
        sentences=(after.sentence(label),),
        required=required,
        required_in=required_in,
    )
