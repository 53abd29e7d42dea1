"""Plausibility of the metadata read: a missing or unlikely value becomes a review warning.

A value the framework's reports always give (provider, dates, a lead where the kind names
one) that the rules cannot find is flagged on its field, and so is a value that is there but
unlikely: a visit shorter or longer than the framework's (profile data), dates far from the
letter or publication date, a provider that is only a generic word, a lead holding a rank.
"""

from __future__ import annotations

import datetime as dt
import re

from ..document import Document, Note
from ..profiles import Profile
from ..profiles.spec import NAME_PARTICLE, NAME_TAIL_WORDS
from .findings import Meta
from .metadata import RANK_WORD, is_cut_short

# Dates this far from the letter or publication date are unlikely to be the visit's.
MAX_DAYS_BEFORE_ANCHOR = 366
# A report can be dated a few days before the visit's end (a letter written on the last day).
MAX_DAYS_AFTER_ANCHOR = 7

_GENERIC_PROVIDER = re.compile(
    rf"^(?:(?:{NAME_TAIL_WORDS}|Local|Authority|Area|Partnership|Children['’]?s?|Services?"
    rf"|Safeguarding|Board|Trust)\s*)+$",
    re.I,
)
# Words no inspector's name holds: the headings of the fields and tables a title page sets
# after the lead's line ("Judgement", "Age group"), and any lower-case word but a surname's
# particle ("de", "van") or the "and" between two leads. A converter that loses the line break
# runs the name on into them.
_NOT_NAME_WORD = re.compile(
    r"\b(?:Judgements?|Grades?|Inspection|Dates?|Published|Report|Summary|Contents|Age|Type"
    rf"|Overall|Effectiveness)\b|(?<!\S)(?!(?:{NAME_PARTICLE}|and)\b)[a-z][\w'’-]*"
)
_DATE_FIELDS = ("report.inspection_start", "report.inspection_end")
# A complete report's ending (`Profile.endings`) lies within this many lines of its end: the
# most after it in the corpus is 20 (a joint letter's signatories after "Yours sincerely").
ENDING_WINDOW_LINES = 40


def metadata_checks(profile: Profile, meta: Meta) -> list[Note]:
    notes = _provider_notes(meta)
    notes += _date_notes(profile, meta)
    notes += _lead_notes(profile, meta)
    return notes


def _provider_notes(meta: Meta) -> list[Note]:
    if meta.provider is None:
        return [Note("provider_missing", "no provider name found on page 1")]
    if _GENERIC_PROVIDER.match(meta.provider):
        return [
            Note(
                "provider_generic",
                f"the provider read, {meta.provider!r}, is only a generic word: the name may "
                "wrap onto a line that was not read",
            )
        ]
    return []


def _date_notes(profile: Profile, meta: Meta) -> list[Note]:
    if meta.date_problem:
        message = f"printed inspection dates cannot be real: {meta.date_problem}"
        return [Note("dates_impossible", message, f) for f in _DATE_FIELDS]
    if not meta.periods:
        if not profile.expects_dates:
            return []
        return [
            Note("dates_missing", f"no inspection {f.rsplit('_', 1)[1]} date found on page 1", f)
            for f in _DATE_FIELDS
        ]
    doubts = _visit_length_doubts(profile, meta.periods) + _anchor_doubts(meta)
    return [Note("dates_implausible", doubt, f) for doubt in doubts for f in _DATE_FIELDS]


def _visit_length_doubts(profile: Profile, periods: list[tuple[dt.date, dt.date]]) -> list[str]:
    doubts: list[str] = []
    if profile.visit_days is not None:
        shortest, longest = profile.visit_days
        for start, end in periods:
            days = (end - start).days + 1
            if not shortest <= days <= longest:
                doubts.append(
                    f"a visit of {days} day(s) from {start}; {profile.name} visits last "
                    f"{shortest} to {longest} days"
                )
    span = (periods[-1][1] - periods[0][0]).days + 1
    if profile.visit_span_days is not None and span > profile.visit_span_days:
        doubts.append(
            f"the dates span {span} days; {profile.name} visits span at most "
            f"{profile.visit_span_days}"
        )
    return doubts


def _anchor_doubts(meta: Meta) -> list[str]:
    anchor, what = (
        (meta.letter_date, "letter date") if meta.letter_date else (meta.published, "publication")
    )
    if anchor is None:
        return []
    start, end = meta.periods[0][0], meta.periods[-1][1]
    if (end - anchor).days > MAX_DAYS_AFTER_ANCHOR:
        return [f"the visit ends {end}, after the {what} {anchor}"]
    if (anchor - start).days > MAX_DAYS_BEFORE_ANCHOR:
        return [f"the visit starts {start}, over a year before the {what} {anchor}"]
    return []


def _lead_notes(profile: Profile, meta: Meta) -> list[Note]:
    if meta.lead_inspector is None:
        if not profile.expects_lead:
            return []
        return [Note("lead_missing", f"no lead inspector found; {profile.name} reports name one")]
    if RANK_WORD.search(meta.lead_inspector):
        return [
            Note(
                "lead_rank_word",
                f"the lead inspector read, {meta.lead_inspector!r}, holds a rank or role word",
            )
        ]
    if stray := _NOT_NAME_WORD.search(meta.lead_inspector):
        return [
            Note(
                "lead_not_a_name",
                f"the lead inspector read, {meta.lead_inspector!r}, holds {stray.group(0)!r}, "
                "which no name holds: the text after the name may have run on into it",
            )
        ]
    if is_cut_short(meta.lead_inspector):
        return [
            Note(
                "lead_incomplete",
                f"the lead inspector read, {meta.lead_inspector!r}, is one word: the rest of "
                "the name may be on a line not read",
            )
        ]
    return []


def paragraph_checks(profile: Profile, meta: Meta, numbered: int) -> list[Note]:
    """A review warning when a report of a framework that numbers every report's paragraphs
    (`Profile.numbers_paragraphs_from`; `numbered`: how many were read) has none: their
    numbers were lost (a converter, a layout the rules do not know)."""
    since = profile.numbers_paragraphs_from
    if since is None or numbered:
        return []
    year = next(
        (d.year for d in (meta.periods[0][0] if meta.periods else None, meta.published) if d),
        None,
    )
    if since and (year is None or year < since):
        return []
    return [
        Note(
            "paragraphs_unnumbered",
            f"no numbered paragraph found, but {profile.name} reports number their paragraphs: "
            "the numbers may be lost or printed in a form the rules do not read",
        )
    ]


def ending_checks(profile: Profile, document: Document, graded: set[str]) -> list[Note]:
    """Review warnings when none of the ways a report of the kind ends is in its last lines:
    pages may be missing (a text cut short, a PDF missing its last pages), so the lists and
    paragraphs read from what is left may be short, and a judgement only some reports give
    (not in `graded`) may be on the missing pages."""
    patterns = profile.compiled("endings")
    if not patterns:
        return []
    tail: list[str] = []
    for page in reversed(document.pages):
        for line in reversed(page.lines):
            if text := line.text.strip():
                tail.append(text)
        if len(tail) >= ENDING_WINDOW_LINES:
            break
    if any(p.search(text) for text in tail[:ENDING_WINDOW_LINES] for p in patterns):
        return []
    what = "its sign-off or Ofsted's back page" if profile.letter else "Ofsted's back page"
    cause = f"the end of the report ({what}) is not in its last {ENDING_WINDOW_LINES} lines"
    fields = (["recommendations"] if profile.list_headings else []) + ["paragraphs"]
    notes = [
        Note(
            "report_end_missing",
            f"{cause}: pages may be missing, so the {field} read may be incomplete",
            field,
        )
        for field in fields
    ]
    notes += [
        Note(
            "report_end_missing",
            f"{cause}: '{spec.key}', which only some reports give, may be on a missing page",
            f"judgements.{spec.key}",
        )
        for spec in profile.judgements
        if not spec.required and spec.key not in graded
    ]
    return notes
