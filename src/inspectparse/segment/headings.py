"""Which lines are headings: known heading patterns, font and layout cues, timescale
subheadings, and the entries of a table of contents."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..document import Line
from ..pattern_facts import may_start_with, plain_first_letter
from .joins import ENDS_MID_PHRASE, is_terminal

CONTENTS_HEADING = re.compile(r"^(table of )?contents$", re.I)
_CONTENTS_ENTRY = re.compile(r"(\t|\s\.{2,}\s*|\s{2,}|\s)(?P<page>\d{1,3})\s*$")
_LABEL_VALUE = re.compile(r"^[A-Z][A-Za-z ’']{2,40}:\s+\S")
TIMESCALE = re.compile(
    r"^(immediately|within\s+(\w+|\d+)\s+(weeks?|months?)|longer\s+term)\s*:?$", re.I
)
# The first letters of `TIMESCALE`'s words, compared as `re.I` compares them.
_TIMESCALE_START = re.compile(r"i|w|l", re.I)
# A footnote marker glued to the end of a line ("What needs to improve?1", "good.2"), or set
# one space after a question mark ("improve? 1"; after a word, "Annex 2", the digit is its own).
FOOTNOTE_TAIL = re.compile(r"(?:(?<=[A-Za-z?:.])|(?<=\?)\s)\d$")
_NUMBER_ONLY = re.compile(r"(?P<page>\d{1,3})")


@cache
def may_be_timescale(first: str) -> bool:
    """Whether a line starting with `first` can match `TIMESCALE` (memoised: it runs per line)."""
    return _TIMESCALE_START.match(first) is not None


@cache
def _alternation(patterns: tuple[str, ...]) -> Callable[[str], re.Match[str] | None] | None:
    """The `match` of one alternation instead of a loop over patterns (it runs for every line);
    None for no patterns, so that a caller skips the regex call altogether."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I).match


# A known-heading pattern as `profiles.known_headings` builds it: "^(?:BODY)\s*$".
_WRAPPED_HEADING = re.compile(r"\^\(\?:(?P<body>.*)\)\\s\*\$", re.S)


def leading_letter(pattern: str) -> str | None:
    """The letter every match of a known-heading pattern starts with, where that is plain
    (see `plain_first_letter`); None for a pattern not in the known-heading wrapper."""
    m = _WRAPPED_HEADING.fullmatch(pattern)
    return plain_first_letter(m["body"]) if m is not None else None


_UNSEEN_FIRST: Any = object()  # Any: it stands in for a `match` method in one dict


class KnownHeadings:
    """Whole-line heading patterns, each line tried only against those its first character allows.

    One alternation of every pattern costs ~1.5 µs a line, and nearly every line is tried. Most
    patterns start with a fixed letter, so each first character gets (once) the alternation of
    the patterns that can start with it (compared case-insensitively, as `re` compares) and of
    the few with no plain first letter: the same answer from a fraction of the branches.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self._patterns = [(p, leading_letter(p)) for p in patterns]
        # First character -> the `match` method of its alternation (None: no pattern can match).
        self._by_first: dict[str, Callable[[str], re.Match[str] | None] | None] = {}

    def match(self, text: str) -> bool:
        first = text[:1]
        match = self._by_first.get(first, _UNSEEN_FIRST)
        if match is _UNSEEN_FIRST:
            allowed = tuple(p for p, letter in self._patterns if may_start_with(letter, first))
            # None when no pattern can start with this character (a digit, a bullet).
            match = self._by_first[first] = _alternation(allowed)
        return match is not None and match(text) is not None


@cache
def known_headings_matcher(patterns: tuple[str, ...]) -> KnownHeadings:
    """One per set of patterns, so its per-character alternations serve every document."""
    return KnownHeadings(patterns)


def strip_footnote(text: str) -> str:
    """The text without a footnote marker glued to its end (stripped)."""
    text = text.strip()
    # Most texts end in no digit: the regex (a scan of every position) only where it can match.
    return FOOTNOTE_TAIL.sub("", text) if text[-1:].isdigit() else text


def heading_title(text: str) -> str:
    """A heading's words as its title: no footnote marker, no trailing colon. A list heading
    printed "Areas for priority action:" heads a table whose header cell repeats it without
    the colon, and the two are the same title."""
    return strip_footnote(text).rstrip(" :")


def heading_text(known: KnownHeadings, text: str) -> str:
    """A heading's text without a footnote marker glued to it, where the known heading is the
    text without it ("What needs to improve?1" is "What needs to improve?"); any other
    heading's digits are its own ("Annex 2")."""
    if text[-1:].isdigit() and FOOTNOTE_TAIL.search(text):
        bare = strip_footnote(text)
        if known.match(bare):
            return bare
    return text


def looks_like_heading(
    known: KnownHeadings,
    line: Line,
    text: str,
    prev: Line | None,
    nxt: Line | None,
    geometric: bool,
) -> bool:
    """`text` is the line's stripped text, already known not to be numbered or a bullet."""
    if len(text) > 160:
        return False
    # A line in lower case under a line of its page that has not ended its sentence goes on
    # with it, whatever words it opens with ("... an impact on / outcomes for looked after
    # children ..."), straight under it or after a blank line a converter put in between.
    if (
        text[:1].islower()
        and prev is not None
        and prev.page == line.page
        and (not line.gap_before or not is_terminal(prev.text))
    ):
        return False
    # A footnote digit may be glued to a known heading ("improve?1").
    if known.match(strip_footnote(text) if text[-1:].isdigit() else text):
        return True
    # Font facts decide where the loader knows them; text laid out with spaces has
    # pseudo-geometry but no fonts (bold None), and is judged by the textual rule below.
    fonts = geometric and line.bold is not None
    if fonts and not line.bold:
        return False  # with fonts, only a bold line is a heading beyond the known ones
    if not text[:1].isupper() or text.endswith((".", ",")) or "\t" in text:
        return False
    if ":" in text and _LABEL_VALUE.match(text):
        return False
    if fonts:
        return len(text) < 130
    # Text input: a short line standing alone between breaks. At a page's foot the break is
    # the page's own: a line stopping mid-phrase there ("... in order to"), or that the next
    # page goes on with in lower case, is a sentence going on over the page.
    if nxt is not None and nxt.page != line.page:
        next_breaks = not (ENDS_MID_PHRASE.search(text) or nxt.text.lstrip()[:1].islower())
    else:
        next_breaks = nxt is None or nxt.gap_before
    # At a page's head the break is the page's own where the page before ends a sentence.
    turned = prev is not None and prev.page != line.page and is_terminal(prev.text)
    return (line.gap_before or prev is None or turned) and next_breaks and len(text) < 120


def contents_entry_page(lines: list[Line], i: int) -> int | None:
    """The page number line i of a table of contents gives, if it is an entry: it ends in its
    page number, is the number alone, or has the number as a cell on its row (the next line).
    None when it is no entry."""
    line = lines[i]
    text = line.text.strip()
    if (m := _CONTENTS_ENTRY.search(text)) or (m := _NUMBER_ONLY.fullmatch(text)):
        return int(m.group("page"))
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if (
        nxt is not None
        and (m := _NUMBER_ONLY.fullmatch(nxt.text.strip())) is not None
        and nxt.top is not None
        and line.top is not None
        and nxt.page == line.page
        and abs(nxt.top - line.top) < max(line.height, 4.0)
    ):
        return int(m.group("page"))
    return None
