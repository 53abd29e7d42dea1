"""Framework detection from page 1: the highest-priority profile whose title pattern matches."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from ..document import Document, Line
from ..profiles import GRADE, Profile, profiles
from .text import flat, label_regex

# Grade phrases as whole words: taken out of page-1 text before looking for an era's labels.
_GRADE_WORDS = re.compile(rf"\b{GRADE}\b", re.I)


def front_text(document: Document, min_chars: int = 400) -> str:
    """Page-1 body text, plus following pages while page 1 is nearly empty, plus a letter's
    opening (`letter_opening`) where its addressees pushed the subject line onto a later page."""
    parts: list[str] = []
    read = 0  # the number of the last page read
    for page in document.pages:
        read = page.number
        parts.extend(line.text for line in page.body_lines)
        if sum(len(p) for p in parts) >= min_chars:
            break
    opening = letter_opening(document)
    if len(opening) > 1 and opening[1].page > read:  # the subject line is on a later page
        parts.extend(line.text for line in opening if line.page > read)
    return "\n".join(parts)


# A letter's salutation, a short line ("Dear local partnership", "Dear Ms Example,"): its
# subject line, the title, comes straight after it, however long the stack of addressees
# above. Six agencies' heads with their addresses can fill a joint inspection letter's page 1.
_SALUTATION = re.compile(r"\s*Dear\s+\w.{0,80}$")
# The pages a letter's head (address block, date, addressees) may fill before its salutation.
_LETTER_HEAD_PAGES = 2


# Title patterns are looked for only this far into page 1: the body often names other
# inspections ("the focused visit in 2018"), which must not decide the kind.
TITLE_ZONE_CHARS = 1500


def letter_opening(document: Document) -> list[Line]:
    """A letter's opening: its salutation (on one of the first `_LETTER_HEAD_PAGES` pages)
    and the lines after it, across a page break too, up to `TITLE_ZONE_CHARS` characters.
    Empty for a report that is no letter."""
    head = [line for page in document.pages[:_LETTER_HEAD_PAGES] for line in page.body_lines]
    start = next((i for i, line in enumerate(head) if _SALUTATION.match(line.text)), None)
    if start is None:
        return []
    following = document.pages[_LETTER_HEAD_PAGES : _LETTER_HEAD_PAGES + 1]
    opening: list[Line] = []
    total = 0
    for line in [*head[start:], *(ln for page in following for ln in page.body_lines)]:
        opening.append(line)
        total += len(line.text) + 1
        if total >= TITLE_ZONE_CHARS:
            break
    return opening


# Characters a title may be preceded by on its line: indentation, a markdown heading mark,
# a page or footnote number.
_LINE_LEAD = re.compile(r"[\s#*>\d.]*")


@dataclass(frozen=True, slots=True)
class KindMatch:
    """The framework whose title page 1 prints, the pattern that matched, and `earlier`: the
    kind of another framework whose title pattern matches a line above that title (a title
    tops its page, so one of the two is prose or a quotation: a person should look)."""

    profile: Profile | None
    pattern: str | None
    earlier: str | None = None


def detect_kind(document: Document) -> KindMatch:
    """The highest-priority framework whose title page 1 prints (`KindMatch`, empty when none).

    Only title and heading evidence counts: a match must begin a line and with a capital
    letter, as titles do. Prose on page 1 that names another kind of inspection ("... a
    focused visit to the front door ...") neither decides nor vetoes the kind.
    """
    text, starts = _title_zone(document)
    # The text from each line start with a capital letter, cut once for every pattern.
    openings = [text[start:] for start in starts if text[start : start + 1].isupper()]
    # A letter's subject line is its title wherever the addressees above pushed it.
    subject = _subject_line(document)
    if subject:
        openings.append(subject)
    for profile in _by_priority():
        if any(_is_title(p, openings) for p in profile.exclude_patterns):
            continue
        for pattern in profile.title_patterns:
            line = _title_line(pattern, openings)
            if line is not None:
                return KindMatch(profile, pattern, _earlier_title(profile, openings[:line]))
    return KindMatch(None, None)


def _earlier_title(chosen: Profile, openings: list[str]) -> str | None:
    """The kind of another framework whose title (its excludes aside) opens one of these
    lines, all above the chosen title."""
    for profile in _by_priority():
        if profile.kind != chosen.kind and any(
            _is_title(pattern, openings) for pattern in profile.title_patterns
        ):
            return profile.kind
    return None


def detect_kind_in_prose(document: Document) -> tuple[Profile | None, str | None]:
    """The fallback when no title matched: a title pattern anywhere in page 1's opening, or in
    a letter's opening, however far its addressees pushed it (`letter_opening`).

    For titles a converter broke up (an address block printed over the subject line); the
    record carries a `kind_from_prose` review warning.
    """
    opening = "\n".join(line.text for line in letter_opening(document))
    text = f"{flat(front_text(document))[:TITLE_ZONE_CHARS]}\n\n{flat(opening)}"
    for profile in _by_priority():
        if any(_compile(p).search(text) for p in profile.exclude_patterns):
            continue
        for pattern in profile.title_patterns:
            if _compile(pattern).search(text):
                return profile, pattern
    return None, None


def _title_zone(document: Document) -> tuple[str, list[int]]:
    """Page-1 text joined with spaces (titles wrap), and where each line's text starts."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for raw in front_text(document).split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        lead = _LINE_LEAD.match(line)
        starts.append(pos + (lead.end() if lead else 0))
        parts.append(line)
        pos += len(line) + 1
        if pos >= TITLE_ZONE_CHARS:
            break
    return " ".join(parts), starts


def _subject_line(document: Document) -> str | None:
    """A letter's text from the line after its salutation (lines joined with spaces, as titles
    wrap), if that opens with a capital letter."""
    lines = [" ".join(line.text.split()) for line in letter_opening(document)[1:]]
    text = " ".join(line for line in lines if line)
    lead = _LINE_LEAD.match(text)
    text = text[lead.end() if lead else 0 :]
    return text if text[:1].isupper() else None


def _is_title(pattern: str, openings: list[str]) -> bool:
    """Whether `pattern` matches at the start of a line (`openings`: the title zone from each
    line start that begins with a capital letter)."""
    return _title_line(pattern, openings) is not None


def _title_line(pattern: str, openings: list[str]) -> int | None:
    """The first of `openings` that `pattern` matches at its start, if any."""
    match = _compile(pattern).match
    return next((k for k, opening in enumerate(openings) if match(opening)), None)


def _by_priority() -> list[Profile]:
    """The profiles, highest priority first (the order every title search tries them in);
    not cached: a profile may be registered at run time."""
    return sorted(profiles(), key=lambda p: -p.priority)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def column_text(document: Document) -> str:
    """Page-1 text with the left column first, so wrapped table labels read whole."""
    lines = document.cover_lines
    if not lines or not lines[0].has_geometry:
        return front_text(document)
    left = min(ln.x0 or 0.0 for ln in lines)
    ordered = sorted(lines, key=lambda ln: ((ln.x0 or 0.0) > left + 60, ln.top or 0.0))
    return "\n".join(ln.text for ln in ordered)


def detect_variant(
    profile: Profile,
    document: Document,
    table_labels: str | None = None,
    table_keys: Collection[str] = (),
) -> str | None:
    """The first variant whose marker is in the table's row labels or page-1 text; else the
    variant without a marker, unless page 1 prints the label of a judgement it lacks.

    Only variants the table agrees with are candidates: one that lacks a judgement the table
    graded (`table_keys`) is not this report's era. Page-1 text is read without its grade
    words, which text without geometry can set inside a wrapped label ("children in care and
    care Good leavers"). So a table read only in part never makes a report look like an era
    without a judgement it grades, whose absence would then go unreported."""
    if not profile.variants:
        return None
    labels = flat(table_labels) if table_labels else ""
    page = flat(_GRADE_WORDS.sub(" ", column_text(document)))
    candidates = [v for v in profile.variants if not set(table_keys) & set(v.absent)]
    text = f"{labels}\n{page}"
    for variant in candidates:
        if variant.marker is not None and re.search(variant.marker, text, re.I):
            return variant.name
    for variant in candidates:
        if variant.marker is None and not _labels_printed(profile, variant.absent, page):
            return variant.name
    return profile.variants[-1].name


def _labels_printed(profile: Profile, keys: Collection[str], text: str) -> bool:
    """Whether `text` prints the label of one of the judgements `keys`."""
    return any(
        spec.label is not None and label_regex(spec.label).search(text)
        for spec in profile.judgements
        if spec.key in keys
    )
