"""Metadata: title, provider, inspection dates, lead inspector, publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache

from ..document import Document, Line
from ..pattern_facts import may_start_with, plain_first_letter
from ..profiles import Profile
from ..profiles.spec import INSPECTOR_RANK, PERSON_NAME, TITLE_PAGE_FIRST_FIELD
from .dates import DateRead, parse_date, plain_day_numbers, read_periods
from .detect import front_text
from .findings import Meta
from .text import flat, hide_abbreviation_dots, show_abbreviation_dots

# Ranks and roles printed beside a name: never part of it. "Senior" alone is a rank only
# before another rank or after a comma at the end ("Senior" is also a surname).
_RANK = rf"(?:{INSPECTOR_RANK}|\b(?:Deputy\s+)?Lead\s+inspector|\bTeam\s+inspector)"
# The rank cut at the line's end ("Name, His Majesty's" / "Inspector", or "Name, His" /
# "Majesty's Inspector", on the next line).
_RANK_CUT = r",\s*(?:Her|His)(?:\s+Majesty['’]s)?(?:\s+Senior)?\s*$"
_INSPECTOR_TITLES = re.compile(
    rf",?\s*\(?(?:\bSenior\s+)?{_RANK}\)?,?|,\s*Senior\s*(?=,|$| and )|{_RANK_CUT}",
    re.I,
)
# A rank or role word left in a name after cleaning: the name is in doubt.
RANK_WORD = re.compile(rf"{_RANK}|\bInspectors?\b|\bMajesty\b|\bSenior\s*$", re.I)


_LEADING_ARTICLE = re.compile(r"^the\s+", re.I)
_ROLE_AFTER = re.compile(r"\s*[,(]")
_ABBREVIATION_GLOSS = re.compile(r"\s*\((?-i:[A-Z]{2,6})\)$")


def tidy(value: str) -> str:
    """Metadata values: one space between words, straight apostrophes (easier to join on)."""
    return re.sub(r"\s+", " ", show_abbreviation_dots(value).replace("’", "'")).strip(" ,")


def clean_name(raw: str) -> str | None:
    name = _INSPECTOR_TITLES.sub(" ", raw.strip())
    # A label may be set off by a dash instead of a colon ("Lead inspector – Pat Example"):
    # no name opens or ends with one.
    name = re.sub(r"\s*,?\s+and\s+", " and ", tidy(name)).strip(" ,;:.-–—")
    # A name holds no comma or bracket: what follows one is a role the ranks above do not
    # list ("Regional Director", "(Social Care)"), never part of the name. Joint leads are
    # joined by "and" by now.
    name = " and ".join(_ROLE_AFTER.split(part, maxsplit=1)[0] for part in name.split(" and "))
    if not name or len(name) > 80 or not re.search(r"[A-Za-z]", name):
        return None
    return name


def extract_metadata(document: Document, profile: Profile) -> Meta:
    meta = Meta()
    lined = hide_abbreviation_dots(plain_day_numbers(front_text(document)))
    flat_text = flat(lined)
    for pattern in profile.title_patterns:
        m = re.search(pattern, flat_text, re.I)
        if m:
            meta.title = _AFTER_TITLE.sub("", m.group(0)).strip()
            break
    if profile.provider_earliest:
        meta.provider = _earliest_group(
            profile.provider_patterns, flat_text, "provider", _names_something
        )
    else:
        meta.provider = _first_group(
            profile.provider_patterns, (lined, flat_text), "provider", _names_something
        )
    if meta.provider:
        # The abbreviation a sentence glosses the name with ("... and Poole (BCP)") is no
        # part of the name, nor is an article before it ("the Isles of Scilly"), which a
        # title's own pattern leaves out and a line of its own can print.
        meta.provider = _ABBREVIATION_GLOSS.sub("", _LEADING_ARTICLE.sub("", tidy(meta.provider)))
    if meta.title:
        meta.title = tidy(meta.title)
    published = _first_group(profile.published_patterns, (lined,), "date")
    meta.published = parse_date(published) if published else None
    if profile.letter:
        meta.letter_date = letter_date(document)
    anchor = meta.letter_date or meta.published
    dates = _find_periods(profile, _front_then_body(flat_text, document), anchor)
    meta.periods, meta.date_problem = dates.periods, dates.problem
    meta.lead_inspector = find_lead(document, profile)
    return meta


def _front_then_body(front: str, document: Document) -> Callable[[], Iterator[str]]:
    """The texts dates are looked for in, in turn: the front page's, then the body's. The body's
    is read on first use only (most reports print their dates on the front page)."""
    body: list[str] = []

    def texts() -> Iterator[str]:
        yield front
        if not body:
            body.append(flat(hide_abbreviation_dots(plain_day_numbers(body_text(document)))))
        yield body[0]

    return texts


def _find_periods(
    profile: Profile, texts: Callable[[], Iterator[str]], anchor: dt.date | None
) -> DateRead:
    """The first date pattern match that reads as dates; text with no dates in it is skipped.

    Printed dates that cannot be real end the search: a later match (another visit, an
    earlier inspection) would be a wrong answer, so the problem is reported instead.
    """
    for pattern in profile.date_patterns:
        for text in texts():
            for m in re.finditer(pattern, text, re.I | re.M):
                dates = m.group("dates")
                read = read_periods(dates, default_year=anchor.year if anchor else None)
                if read.periods and anchor and read.periods[0][0] > anchor:
                    # A visit cannot follow its own letter: a missing year is the one before.
                    earlier = read_periods(dates, default_year=anchor.year - 1)
                    read = earlier if earlier.periods else read
                if read.periods or read.problem:
                    return read
    return DateRead()


_DATE_LINE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$")


def letter_date(document: Document) -> dt.date | None:
    """The date line of a letter: the first line on page 1 that is only a date."""
    for line in document.cover_lines:
        text = plain_day_numbers(line.text.strip())
        if _DATE_LINE.match(text):
            return parse_date(text)
    return None


def body_text(document: Document, max_chars: int = 6000) -> str:
    out: list[str] = []
    total = 0
    # Body lines read lazily: only the first few thousand characters are wanted.
    for line in document.iter_lines():
        out.append(line.text)
        total += len(line.text)
        if total > max_chars:
            break
    return "\n".join(out)


def _first_group(
    patterns: tuple[str, ...],
    texts: tuple[str, ...],
    group: str,
    usable: Callable[[str], bool] | None = None,
) -> str | None:
    for pattern in patterns:
        for text in texts:
            for m in re.finditer(pattern, text, re.I | re.M):
                if value := _value(m, group, usable):
                    return value
    return None


def _earliest_group(
    patterns: tuple[str, ...], text: str, group: str, usable: Callable[[str], bool]
) -> str | None:
    """The usable value that comes first in the text, whichever pattern found it."""
    best: tuple[int, str] | None = None
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.I | re.M):
            if value := _value(m, group, usable):
                if best is None or m.start() < best[0]:
                    best = (m.start(), value)
                break
    return best[1] if best else None


def _value(m: re.Match[str], group: str, usable: Callable[[str], bool] | None) -> str | None:
    value = (m.group(group) or "").strip()
    return value if value and (usable is None or usable(value)) else None


def _names_something(value: str) -> bool:
    """Whether a provider read could be a name: it holds a letter, no field label's colon, no
    title's words ("inspection of", "visit to") and no more than a long name's length. A title
    repeated in a running header can be followed by its page number; a pattern that runs past
    a title broken by the converter reaches into the title page's fields ("... Inspection
    dates: ..."); a title line printed twice (overprinted to look bold) runs into its copy ("X
    Inspection of X"), and a sentence whose line break was lost runs into the title after it
    ("X Focused visit to X"). None is a name."""
    return (
        len(value) <= _LONGEST_NAME
        and ":" not in value
        and _LETTER.search(value) is not None
        and _TITLE_WORDS.search(value) is None
    )


# The longest names are trusts and partnerships ("Achieving for Children (Kingston upon Thames
# and Richmond upon Thames)", 70 characters).
_LONGEST_NAME = 120
_LETTER = re.compile(r"[^\W\d_]")
# A title's words ("Inspection of X", "Focused visit to X", "Joint targeted area inspection
# of X"): no name holds them.
_TITLE_WORDS = re.compile(r"\b(?:inspection\s+of|visit\s+to)\b", re.I)


# Points two lines' tops may differ by and still be set on one baseline.
_SAME_BASELINE = 2.0


class _LeadPatterns:
    """Line-start patterns (compiled re.I | re.M), listed per first character of a line.

    `find_lead` tries every body line: a line is tried, in the original order, against only
    the patterns that can match text starting with its first character (a pattern with no
    plain first letter is kept for every character).
    """

    def __init__(self, profile: Profile) -> None:
        sources, compiled = profile.lead_patterns, profile.compiled("lead_patterns")
        # `match` anchors at the start, so a leading "^" adds nothing to what can come first.
        self._patterns = [
            (pattern, plain_first_letter(source.removeprefix("^")))
            for source, pattern in zip(sources, compiled, strict=True)
        ]
        self._by_first: dict[str, list[re.Pattern[str]]] = {}

    def for_first(self, first: str) -> list[re.Pattern[str]]:
        found = self._by_first.get(first)
        if found is None:
            found = self._by_first[first] = [
                compiled for compiled, letter in self._patterns if may_start_with(letter, first)
            ]
        return found


@cache
def _lead_patterns(profile: Profile) -> _LeadPatterns:
    """One per profile, so its per-character lists serve every document."""
    return _LeadPatterns(profile)


def find_lead(document: Document, profile: Profile) -> str | None:
    """First explicit lead label at the start of a line; never a deputy or a signatory."""
    running = flat(body_text(document, 20000)) if profile.lead_search_patterns else ""
    # The name nearest the start wins, whichever pattern found it: in "A, lead inspector, B,
    # team inspector" the lead is A, not the name after the role.
    found = [m for p in profile.lead_search_patterns for m in re.finditer(p, running)]
    for hit in sorted(found, key=lambda m: m.start()):
        name = clean_name(hit.group("name"))
        if name:
            return name
    patterns = _lead_patterns(profile)
    lines = document.lines()
    for i, line in enumerate(lines):
        text = line.text.strip()
        if text.count(":") > 1:  # two fields on one line at most; most lines hold no colon
            *before, text = _fields(text)
            for field in before:  # the fields before the last end where the next begins
                for lead in patterns.for_first(field[:1]):
                    if (m := lead.match(field)) and (name := clean_name(m.group("name"))):
                        return name
        # Most lines start with a letter no lead pattern can: they skip the loop below.
        compiled = patterns.for_first(text[:1])
        if not compiled:
            continue
        # A list of leads wraps: "A, His Majesty's Inspector, and B," / "His Majesty's Inspector",
        # or inside a rank: "A, His" / "Majesty's Inspector, and B".
        end = i + 1
        if _LABEL_CUT.match(text) and end < len(lines):
            # A label broken inside its own words ("Lead" / "inspector: Ada Quill").
            text, end = f"{text} {lines[end].text.strip()}", end + 1
        if text.endswith(_LABEL_ENDS) and (value := _value_column(lines, i)):
            text = f"{text} {value}"
        else:
            while _GOES_ON.search(text) and end < len(lines) and end - i <= _MAX_LEAD_LINES:
                text = f"{text} {lines[end].text.strip()}"
                end += 1
        for lead in compiled:
            m = lead.match(text)
            if m:
                name = clean_name(m.group("name"))
                if name and is_cut_short(name) and end < len(lines):
                    name = _completed(lead, text, lines[end].text.strip()) or name
                if name:
                    return name
    return None


# The title page's first field, which a title pattern may reach into: no part of the title.
_AFTER_TITLE = re.compile(rf"\s+{TITLE_PAGE_FIRST_FIELD}\b.*$", re.I | re.S)

# A field's label after other text on its line: a capitalised word and up to three more
# before a colon ("... 1 May 2026 Lead inspector: ...", "... Ada Quill Inspection dates: ...").
_LATER_FIELD = re.compile(r"\s(?=[A-Z][a-z]+(?:\s+[a-z]+){0,3}:\s)")


def _fields(text: str) -> list[str]:
    """A line that opens with a field, cut before each later field's label: a converter that
    loses the break between two fields (or sets two on one row) runs them into one line."""
    first = _FIELD.match(text)
    if not first:
        return [text]
    # After the first field's own label ("Lead Inspector:" holds a capitalised "Inspector:").
    cuts = [m.start() for m in _LATER_FIELD.finditer(text, first.end())]
    return [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


# A line that is only the first word of the lead's label ("Lead inspector:"), the rest on
# the next line.
_LABEL_CUT = re.compile(r"^Lead$", re.I)
# A lead's line that goes on: it ends in a comma, "and", or a rank cut short.
_GOES_ON = re.compile(rf"(?:,|\sand)\s*$|{_RANK_CUT}")
_MAX_LEAD_LINES = 3


def is_cut_short(name: str) -> bool:
    """Whether a lead read (leads joined with " and ") ends in a one-word name: every name
    has two words at least, so the rest is on another line ("Lead inspector: Pat" /
    "Example, His Majesty's Inspector")."""
    return " " not in name.rsplit(" and ", 1)[-1]


def _completed(pattern: re.Pattern[str], text: str, following: str) -> str | None:
    """The lead read again with the next line joined, when that line goes on with a name:
    it opens with a capital, is no field ("Inspection dates: ..."), and the whole reads as
    names."""
    if not following[:1].isupper() or _FIELD.match(following):
        return None
    m = pattern.match(f"{text} {following}")
    name = clean_name(m.group("name")) if m else None
    return name if name and _NAMES.fullmatch(name) else None


_FIELD = re.compile(r"[^:]{1,40}:")
# One or more people's names as a lead is recorded ("A and B").
_NAMES = re.compile(rf"{PERSON_NAME}(?: and {PERSON_NAME})*")


# How a label ends before its value: a colon, or a dash set off by a space ("Lead inspector -").
_LABEL_ENDS = (":", " -", " –", " —")


def _value_column(lines: list[Line], i: int) -> str | None:
    """The value set beside a label ending in ':' or a dash ("Lead inspector:" <tab> "Name").

    With positions: the next line when it sits on the label's baseline, to its right. Text
    input has no positions: the next line, unless it is another label or a sentence.
    """
    label = lines[i]
    if i + 1 >= len(lines):
        return None
    value = lines[i + 1]
    text = value.text.strip()
    if label.has_geometry and value.has_geometry:
        assert label.top is not None and value.top is not None
        beside = value.page == label.page and abs(value.top - label.top) <= _SAME_BASELINE
        return text if beside and (value.x0 or 0.0) >= (label.x1 or 0.0) else None
    if text.endswith((":", ".")) or len(text.split()) > 8:
        return None
    return text
