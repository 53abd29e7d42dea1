#!/usr/bin/env python3
"""Substitution probes: each corpus report rewritten about another area, led by another
inspector, graded otherwise, dated other years, or with its title wrapped elsewhere.

    .venv/bin/python scripts/substitution.py [--corpus ../shared/corpus]
        [--converter pdftotext ...] [--probe provider ...] [--show]

Unseen reports are mostly the same layouts about other councils, inspectors, grades and years.
Where scripts/metamorphic.py keeps a report's meaning (the same gold must come out), each
substitution here changes one fact in a known way, so the record expected is the original
text's record with that fact changed (the original's facts, not the gold, so a report the
rules misread does not count twice). A variant is *as predicted* when its facts are exactly
that; else *warned* when the variant carries a review warning on each fact that differs; else
*silent*, the defect this exists to find. The texts are made in memory and never written: they
are the reports' own sentences.

- provider: the area's name (an official authority name found in the provider read) replaced
  throughout by each of `AREAS`: names with "and", "upon", hyphens, a comma, several words.
  In column-laid text the gap after the name is resized, so columns stay aligned; a name too
  long for its column is not substituted there (a converter would wrap it inside its cell).
  In reading-order text a longer name makes a table cell's line longer than its column ever
  is, which can unsettle a responsible-body column: such variants are warned, not silent.
- name: the provider read replaced whole, throughout, by each of `PRINTED_NAMES`: names as
  reports print them that hold no authority's name to substitute (a trust's brand), or that
  hold a full stop ("St. Helens"), a "County" before the place, an ampersand, an article
  ("the Isles of Scilly", read without it).
- lead: the lead inspector's name replaced throughout by each of `LEADS` (particles, hyphens,
  apostrophes, accents, initials, honorifics).
- rank: the rank printed after the lead's name, where it ends its line, reprinted as each of
  `RANKS` (", HMI", ", His Majesty's Inspector", ", Senior HMI", " (HMI)", ...). Expected: the
  same lead.
- grade: two grades of the framework's scale (its profile's `grades`) swapped throughout
  (pairs in `GRADE_PAIRS`); not on `pdftotext-layout`, whose summary-table cells interleave
  with their labels, so a wrapped grade phrase cannot be swapped whole.
- year: every year (19xx, 20xx) moved by each of `YEAR_SHIFTS`.
- dates: the first phrase that prints the visit's dates (from a day number to a year, reading
  as exactly the record's first and last days) reprinted, wherever it occurs, in each shape
  reports use: "8 October 2018 to 12 October 2018", "8 to 12 October 2018", "8–12 October
  2018", "8th to 12th October 2018", "8 and 9 October 2018", "30 September – 4 October 2018".
  Expected: the same facts.
- title: the title read, broken over two or three lines at each word.
- line: each page-1 line that holds a fact (a field, a date, a grade, a list heading) broken
  in two at each word. Expected: the same facts; breaking a label's own words can lose its
  value, which must then be warned.
- heading: each improvement-list heading reprinted with a colon after it, in capitals, in
  title case, with its question mark added or dropped (a question's heading): expected, the
  same facts. Reprinted in words no profile knows: "Areas for development" (worded like a
  list heading), and over a list of two or more instructions "Actions needed": expected, the
  same facts or a review warning on `recommendations` (a single instruction under a heading
  reads as a paragraph of prose; a list of findings under a heading worded like none reads
  as any other section).
- label: each judgement's label reprinted throughout in title case and in capitals.
  Expected: the same facts.
- number: every number that opens a line's text ("25. Some ...") glued to it ("25.Some"),
  then every other one. Expected: the same facts, or a review warning on each that differs.
- drop: each such line deleted. Expected: the same kind, provider, dates and judgements, or
  a review warning on each that differs (a judgement whose whole table row was on the line
  may go without one: the text is then a report without it). Never a neighbour's value: a
  grade filled by position is silent. A warning on one judgement does not cover another's
  grade, in every probe; a provider named in full or short, of the same authority, is the
  same provider.
- double: each such line printed twice (text overprinted to look bold). Expected as for drop.
- join: each such line run on into the next line with text (a lost line break). Expected: the
  same facts, the lead too, or a review warning on each that differs.
- swap: each page-1 grade cell line swapped with the line with text next to it that is no
  grade (a reading-order error: a cell set level with its neighbour's first line). Not on
  `pdftotext-layout`, which sets every line at its place on the page. Expected as for drop.
- break: a page break before each such line, with the running footer and header the report
  prints at its other page breaks. Expected: the same facts, the lead too, or a review
  warning on each that differs.
- flow: a page break, with the running footer and header, before and inside each improvement
  item and numbered paragraph past page 1 (at most `_FLOW_BREAKS` a report, three body lines
  or more down their page, never between a marker set alone and its text); the later pages
  renumbered. Expected: every fact the same, the item count and the paragraph run too, or a
  review warning on each that differs.
- mark: every bullet glyph (alone on its line or before its item) written as each of
  `MARKS`, as other converters and fonts write it: "-" and "*", expected the same facts;
  "–", the sub-bullets' glyph (not where the report has en-dash sub-bullets of its own),
  expected the same facts or a review warning on `recommendations`: dashes with no item
  above them cannot be told from sub-items whose item lost its glyph. Then every glyph
  dropped: the same facts or a review warning on `recommendations` (items without a glyph
  read as prose).
- field: each title-page field label ("Lead inspector:", "Inspection dates:") set off from
  its value by " -" or " –" instead of the colon, then by nothing; then worded as other
  reports word it ("Lead inspectors:", "Dates of inspection:", ...). Expected: the same facts,
  or a review warning on each that differs.
- head: a letter's head made longer, as copies to more people make it: addressee lines
  (names, roles, agencies, no place name) added before the greeting until the subject line
  starts past the first 1,500 characters; then a page break before the greeting, and one
  straight after it (the subject line tops page 2). Expected: the same facts.
- more: each bulleted improvement-list item printed twice, the copy straight after it (a
  longer list). Expected: one item more, the rest the same.
- item: each improvement-list item deleted whole (its text and the number or bullet on a line
  of its own above it), where its list keeps another. Expected: one item fewer, the rest the
  same (an item whose number a converter set apart from it, in a run of numbers, cannot be
  deleted with it: such variants are warned).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import inspectparse
from inspectparse.accuracy.measure import facts, review_fields
from inspectparse.classify.dates import read_periods
from inspectparse.classify.recommendations import match_list_heading
from inspectparse.classify.summary_table import grade_fragment
from inspectparse.load.bullets import BULLET_GLYPHS
from inspectparse.profiles import get as get_profile

CONVERTERS = ("markitdown", "pdftotext", "pdftotext-layout")
AREAS = (
    "Barking and Dagenham",
    "Kingston upon Thames",
    "Stoke-on-Trent",
    "Bath and North East Somerset",
    "St Helens",
    "Telford and Wrekin",
    "Richmond upon Thames",
    "North East Lincolnshire",
    "Isle of Wight",
    "Southend-on-Sea",
    "Blackburn with Darwen",
    "Westmorland and Furness",
    "Bournemouth, Christchurch and Poole",
    "Kensington and Chelsea",
    "East Riding of Yorkshire",
    "Sutton",
)
LEADS = (
    "Mary-Jane O'Connor",
    "Siân Llewellyn-Jones",
    "Rebecca van der Berg",
    "Ian de Souza",
    "Ann Lee",
    "Oluwaseun Adeyemi-Brown",
    "Zoë Ng",
    "Chris Shaw Mitchell",
    "Amara J. Okafor",
    "J R Hartley",
    "Dr. Helen Price",
)
# Providers as reports print them (`name` probe): trusts by their brands, a full stop, an
# ampersand, "County" first, a corporation, council names in full.
PRINTED_NAMES = (
    "Achieving for Children",
    "Birmingham Children's Trust",
    "Slough Children First",
    "Together for Children Sunderland",
    "St. Helens",
    "St. Helens Council",
    "County Durham",
    "City of London Corporation",
    "Royal Borough of Greenwich",
    "Kingston upon Hull City Council",
    "City of Bradford Metropolitan District Council",
    "Brighton & Hove City Council",
    "the Isles of Scilly",
)
_LEADING_ARTICLE = re.compile(r"^the\s+", re.I)
# Grade phrases as printed, by canonical grade; the first is the one written in.
GRADE_PHRASES = {
    "requires_improvement": (
        "requires improvement to be good",
        "require improvement to be good",
        "requires improvement",
        "require improvement",
    ),
    "outstanding": ("outstanding",),
    "good": ("good",),
    "inadequate": ("inadequate",),
    "adequate": ("adequate",),
}
GRADE_PAIRS = (
    ("good", "inadequate"),
    ("good", "outstanding"),
    ("requires_improvement", "outstanding"),
    ("requires_improvement", "inadequate"),
    ("requires_improvement", "good"),
    ("adequate", "good"),
)
YEAR_SHIFTS = (-3, -1, 1)
# A fact of `accuracy.measure.facts` -> the record fields a warning about it names.
FACT_FIELDS = {
    "kind": ("report.kind",),
    "provider": ("report.provider",),
    "dates": ("report.inspection_start", "report.inspection_end"),
    "lead": ("report.lead_inspector",),
    "judgements": ("judgements",),
    "recommendations": ("recommendations",),
    "paragraphs": ("paragraphs",),
    "text_layout": ("source",),
}


class Variant(NamedTuple):
    label: str
    text: str
    expected: dict[str, Any]  # the facts (`accuracy.measure.facts`) the variant must give
    # Judgements the variant's text no longer holds at all (a whole table row dropped): each
    # may be missing without a warning, as in a report of an era that lacks it.
    optional: tuple[str, ...] = ()


Probe = Callable[[str, dict[str, Any], str, list[str]], Iterator[Variant]]


def _words_pattern(phrase: str) -> re.Pattern[str]:
    """`phrase` as printed: any white space between its words, either apostrophe."""
    words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])")


def probe_provider(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    provider = original["provider"] or ""
    base = max((a for a in areas if _words_pattern(a).search(provider)), key=len, default=None)
    if not base:
        return
    pattern = _words_pattern(base)
    yield from _renamed(
        text, base, AREAS, lambda new: dict(original, provider=pattern.sub(new, provider))
    )


def probe_name(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    provider = original["provider"]
    if not provider:
        return
    # Another body: its name is read as printed (no article before it), never matched to
    # the old authority.
    yield from _renamed(
        text,
        provider,
        PRINTED_NAMES,
        lambda new: dict(original, provider=_LEADING_ARTICLE.sub("", new), _authority=None),
    )


def _renamed(
    text: str, old: str, names: Iterable[str], expected: Callable[[str], dict[str, Any]]
) -> Iterator[Variant]:
    """A variant for each of `names` printed wherever `old` is (`_resize_gaps`), expecting
    `expected(name)`; none for a name that is `old`, or where `old` is not printed."""
    pattern = _words_pattern(old)
    for new in names:
        if new.lower() == old.lower():
            continue
        variant = _resize_gaps(pattern, new, text)
        if variant is not None and variant != text:
            yield Variant(f"{old} -> {new}", variant, expected(new))


def _resize_gaps(pattern: re.Pattern[str], new: str, text: str) -> str | None:
    """Every match of `pattern` replaced by `new`. In column-laid text the next gap of two or
    more spaces on the line is resized by the change in length, so the next column stays
    where it was; None where a longer name leaves no gap of two (a converter would have
    wrapped it inside its cell, which a substitution cannot do)."""
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        out.append(new)
        pos = m.end()
        line_end = text.find("\n", pos)
        gap = _GAP.search(text, pos, len(text) if line_end < 0 else line_end)
        if gap:
            width = len(gap.group()) + len(m.group()) - len(new)
            if width < 2:
                return None
            out.append(text[pos : gap.start()])
            out.append(" " * width)
            pos = gap.end()
    out.append(text[pos:])
    return "".join(out)


_GAP = re.compile(r" {2,}")


def probe_lead(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    lead = original["lead"]
    if not lead or " and " in lead:
        return
    # Metadata values are written with straight apostrophes.
    yield from _renamed(text, lead, LEADS, lambda new: dict(original, lead=new.replace("’", "'")))


def probe_rank(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    lead = original["lead"]
    if not lead or " and " in lead:
        return
    pattern = re.compile(_words_pattern(lead).pattern + _RANK_AFTER.pattern, re.M)
    printed = {m.group("rank") for m in pattern.finditer(text)}
    if not printed:
        return
    for new in RANKS:
        if printed == {new}:
            continue

        def reranked(m: re.Match[str], new: str = new) -> str:
            return m.group()[: m.start("rank") - m.start()] + new

        yield Variant(
            f"{lead}: {sorted(printed)} -> {new!r}", pattern.sub(reranked, text), original
        )


# Ranks as reports print them after an inspector's name (`rank` probe).
RANKS = (
    ", HMI",
    " HMI",
    ", Senior HMI",
    ", His Majesty's Inspector",
    ", Her Majesty’s Inspector",
    ", Ofsted Inspector",
    ", Social Care Regulatory Inspector",
    " (HMI)",
)
# A rank printed after a name, where it ends its line (so no column after it moves).
_RANK_AFTER = re.compile(
    r"(?P<rank>,?[ \t]*\(?(?:Senior[ \t]+)?(?:HMI\b|(?:Her|His)[ \t]+Majesty['’]s[ \t]+"
    r"(?:Senior[ \t]+)?Inspector|Ofsted[ \t]+Inspector|Social[ \t]+Care[ \t]+Regulatory[ \t]+"
    r"Inspector)\)?)(?=[ \t]*$)"
)


_ANY_GRADE = re.compile(
    r"(?<![\w-])("
    + "|".join(
        r"\s+".join(map(re.escape, p.split()))
        for p in sorted({p for ps in GRADE_PHRASES.values() for p in ps}, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.I,
)


def _grade_of(phrase: str) -> str:
    low = " ".join(phrase.lower().split())
    return next(g for g, ps in GRADE_PHRASES.items() if low in ps)


def _swap_grades(text: str, a: str, b: str) -> str:
    to = {a: GRADE_PHRASES[b][0], b: GRADE_PHRASES[a][0]}

    def repl(m: re.Match[str]) -> str:
        old = m.group()
        new = to.get(_grade_of(old))
        if new is None:
            return old
        if old.isupper() and len(old) > 1:
            return new.upper()
        return new[:1].upper() + new[1:] if old[:1].isupper() else new

    return _ANY_GRADE.sub(repl, text)


def probe_grade(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    grades = original["judgements"]
    profile = get_profile(kind)
    scale = set(profile.grades) if profile is not None else set()
    for a, b in GRADE_PAIRS:
        # Both on the framework's scale (area SEND outcomes are none of these), one given.
        if not {a, b} <= scale or not {a, b} & set(grades.values()):
            continue
        swapped = {k: b if v == a else a if v == b else v for k, v in grades.items()}
        yield Variant(f"{a} <-> {b}", _swap_grades(text, a, b), dict(original, judgements=swapped))


_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?!\d)|(?<=\d/)(?:19|20)\d\d(?!\d)")


def probe_year(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    start, end = original["dates"]
    for k in YEAR_SHIFTS:
        moved = _YEAR.sub(partial(_add_years, k), text)
        dates = tuple(_shift(d, k) for d in (start, end))
        yield Variant(f"years {k:+d}", moved, dict(original, dates=dates))


def _add_years(k: int, m: re.Match[str]) -> str:
    return str(int(m.group()) + k)


def _shift(iso: str | None, k: int) -> str | None:
    if iso is None:
        return None
    day = dt.date.fromisoformat(iso)
    try:
        return day.replace(year=day.year + k).isoformat()
    except ValueError:  # 29 February
        return None


def probe_dates(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    if not all(original["dates"]):
        return
    start, end = (dt.date.fromisoformat(d) for d in original["dates"])
    printed = _printed_dates(text, start, end)
    if printed is None:
        return
    pattern = _words_pattern(printed)
    for style in _date_styles(start, end):
        if " ".join(printed.split()) == style:
            continue
        variant = _resize_gaps(pattern, style, text)
        if variant is not None:
            yield Variant(f"{' '.join(printed.split())!r} -> {style!r}", variant, original)


# A day number, where a printed visit's dates may begin; a year, where they may end.
_DAY = re.compile(r"(?<![\d/])\d{1,2}(?![\d/])")
_YEAR_END = re.compile(r"\b(?:19|20)\d\d\b")
_DATES_REACH = 90


def _printed_dates(text: str, start: dt.date, end: dt.date) -> str | None:
    """The first phrase in `text` from a day number to a year that reads as exactly the visit
    `start` to `end` (dates.read_periods), within one sentence. The word before it is read
    with it ("Between 8 October and 12 October" is one visit) but is no part of it."""
    for day in _DAY.finditer(text):
        window = text[day.start() : day.start() + _DATES_REACH]
        lead = _DATES_LEAD.search(text, max(0, day.start() - 12), day.start())
        for year in _YEAR_END.finditer(window):
            phrase = window[: year.end()]
            if "." in phrase:
                break
            read = f"{lead.group() if lead else ''}{phrase}"
            if read_periods(read).periods == [(start, end)]:
                return phrase
    return None


_DATES_LEAD = re.compile(r"\b(?:between|from)\s+$", re.I)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _date_styles(start: dt.date, end: dt.date) -> list[str]:
    """A visit's dates in the shapes reports print them (`dates` probe)."""

    def full(d: dt.date) -> str:
        return f"{d.day} {d:%B} {d.year}"

    if start == end:
        return [full(start), f"{_ordinal(start.day)} {start:%B} {start.year}"]
    styles = [f"{full(start)} to {full(end)}"]
    if start.year == end.year:
        styles.append(f"{start.day} {start:%B} to {full(end)}")
        styles.append(f"{start.day} {start:%B} – {full(end)}")
    if (start.year, start.month) == (end.year, end.month):
        styles.append(f"{start.day} to {full(end)}")
        styles.append(f"{start.day}–{full(end)}")
        styles.append(f"{_ordinal(start.day)} to {_ordinal(end.day)} {end:%B} {end.year}")
        if (end - start).days == 1:
            styles.append(f"{start.day} and {full(end)}")
    return styles


def probe_title(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    title = original.get("_title")
    if not title:
        return
    m = _words_pattern(title).search(text)
    if not m:
        return
    words = m.group().split()
    seen: set[str] = set()
    for i in range(1, len(words)):
        for j in (None, i + 2):
            if j is not None and j >= len(words):
                continue
            cuts = [0, i] + ([j] if j else []) + [len(words)]
            wrapped = "\n".join(" ".join(words[a:b]) for a, b in pairwise(cuts))
            if wrapped not in seen:
                seen.add(wrapped)
                label = wrapped.replace("\n", " / ")
                yield Variant(label, text[: m.start()] + wrapped + text[m.end() :], original)


# A line's markup around its text (markdown's "#", "**", a converter's indent).
_MARKUP = re.compile(r"^(?P<pre>[\s#*_>]*)(?P<text>.*?)(?P<post>[\s*_]*)$")


_QUESTION = re.compile(r"(?:what|how|where|why|which)\b", re.I)


def _restyled(phrase: str) -> dict[str, str]:
    """`phrase` as other reports print it: with a colon after it, in capitals, in title case,
    with its question mark added or dropped."""
    bare = phrase.rstrip(" :?")
    title = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in bare.split())
    styles = {
        "colon": bare + ":",
        "capitals": phrase.upper(),
        "title case": title + phrase[len(bare) :],
    }
    if _QUESTION.match(bare):
        styles["question mark"] = bare if phrase.endswith("?") else bare + "?"
    return {k: v for k, v in styles.items() if v != phrase}


def probe_heading(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each improvement-list heading (a line that is one of the profile's list headings)
    reprinted as other reports print it (`_restyled`). Expected: the same facts."""
    profile = get_profile(kind)
    if profile is None:
        return
    lines = text.split("\n")
    pos = 0  # where line i starts in text
    for i, line in enumerate(lines):
        pos += len(lines[i - 1]) + 1 if i else 0
        m = _MARKUP.match(line)
        phrase = m.group("text") if m else ""
        heading = match_list_heading(phrase, profile) if phrase else None
        if heading is None:
            continue
        styles = _restyled(phrase)
        # Headings no profile knows: the list's items are lost, which must be warned. One is
        # worded like a list heading; the other is not, and is tried only over items worded as
        # instructions (a list of findings under it reads as any other section of prose).
        # A single instruction under a heading reads as a paragraph of prose: a run of two
        # or more is a list (`classify.list_lines`).
        styles["unknown wording"] = "Areas for development"
        if (
            heading.imperative
            and _items_under(original, phrase, text.count("\f", 0, pos + len(line))) >= 2
        ):
            styles["unknown heading"] = "Actions needed"
        for style, new in styles.items():
            reprinted = m.group("pre") + new + m.group("post")
            variant = "\n".join([*lines[:i], reprinted, *lines[i + 1 :]])
            yield Variant(f"line {i + 1} {phrase!r} in {style}", variant, original)


# A paragraph or item number at a line's start, with the text after it on the line.
_LINE_NUMBER = re.compile(r"(?m)^(?P<lead>[ \t]*\d{1,3}\.)[ \t]+(?=[A-Z])")


def probe_number(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Every number that opens a line's text glued to it ("25.Some ..."), as a converter that
    loses the space gives it; then only every other one (a few glued among the rest).
    Expected: the same facts, the paragraph run and the item count too, or a review warning
    on each that differs."""
    if _LINE_NUMBER.search(text) is None:
        return
    yield Variant("every number glued", _LINE_NUMBER.sub(r"\g<lead>", text), original)
    nth = itertools.count()
    some = _LINE_NUMBER.sub(lambda m: m["lead"] if next(nth) % 2 else m.group(), text)
    yield Variant("every other number glued", some, original)


def _items_under(original: dict[str, Any], heading: str, breaks: int) -> int:
    """How many items the record reads under `heading` printed after `breaks` page breaks:
    those of that heading starting on its page or the next two (a framework printing the
    same heading twice prints them pages apart)."""
    page = breaks + 1
    return sum(
        1
        for _text, title, first, *_ in original["_items"]
        if title == heading and 0 <= first - page <= 2
    )


def probe_label(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each judgement's label, as the record reads it, reprinted throughout in title case
    and in capitals (older tables and headings print them so). Expected: the same facts."""
    for key, label in original["_labels"].items():
        if not label or len(label.split()) < 2:
            continue
        pattern = _words_pattern(label)
        if not pattern.search(text):
            continue
        styles = _restyled(label)
        for style in ("title case", "capitals"):
            if style in styles:
                variant = pattern.sub(lambda _m, new=styles[style]: new, text)
                yield Variant(f"{key} label in {style}", variant, original)


# A page-1 line that holds a fact: a field's label, a month, a grade word, a list heading's.
_FACT_LINE = re.compile(
    r"inspector|effectiveness|experiences|impact of|leadership|improve|priority|recommendation"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|good|inadequate|outstanding|adequate|requires?|visit to|inspection of|between|took place",
    re.I,
)
_PAGE_ONE_LINES = 60


def probe_line(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each page-1 line that holds a fact broken in two at each word: another converter, or a
    narrower layout, wraps lines elsewhere. Table rows laid out in columns are left whole."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:_PAGE_ONE_LINES]):
        if "\f" in line:
            break
        words = line.split()
        if not 2 <= len(words) <= 16 or not _FACT_LINE.search(line) or _GAP.search(line.strip()):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        for k in range(1, len(words)):
            broken = f"{indent}{' '.join(words[:k])}\n{indent}{' '.join(words[k:])}"
            variant = "\n".join([*lines[:i], broken, *lines[i + 1 :]])
            yield Variant(f"line {i + 1} broken after word {k}", variant, original)


# Facts a dropped line may change as the text now says (one of two joint leads, a list item,
# a paragraph): the drop probe checks the others.
_DROP_KEEPS = ("kind", "provider", "dates", "judgements")


def _page_one(lines: list[str]) -> int:
    """How many of the first lines the probes change are page 1's (up to `_PAGE_ONE_LINES`)."""
    return next(
        (i for i, ln in enumerate(lines[:_PAGE_ONE_LINES]) if "\f" in ln),
        len(lines[:_PAGE_ONE_LINES]),
    )


def _fact_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) of each page-1 line that holds a fact."""
    lines = text.split("\n")
    for i, line in enumerate(lines[: _page_one(lines)]):
        if _FACT_LINE.search(line):
            yield i, line


def _next_with_text(lines: list[str], i: int, end: int) -> int | None:
    """The index of the first line after `i` (and before `end`) with text, if any."""
    return next((j for j in range(i + 1, end) if lines[j].strip()), None)


def probe_drop(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each page-1 line that holds a fact deleted, as a converter that loses a line (an
    overprinted field, a table row drawn as an image) leaves it. Expected: the same facts, or
    a fact missing or changed with a review warning on it, never a neighbour's value taken in
    its place (a grade filled by position)."""
    lines = text.split("\n")
    expected = {k: original[k] for k in (*_DROP_KEEPS, "_authority")}
    for i, line in _fact_lines(text):
        variant = "\n".join([*lines[:i], *lines[i + 1 :]])
        rows = tuple(k for k, label in original["_labels"].items() if _whole_row(label, line))
        yield Variant(f"line {i + 1} dropped", variant, expected, rows)


def probe_double(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each page-1 line that holds a fact printed twice, as a converter gives text overprinted
    to look bold. Expected: the same facts, or a review warning on each that differs."""
    lines = text.split("\n")
    expected = {k: original[k] for k in (*_DROP_KEEPS, "_authority")}
    for i, line in _fact_lines(text):
        variant = "\n".join([*lines[: i + 1], line, *lines[i + 1 :]])
        yield Variant(f"line {i + 1} doubled", variant, expected)


def probe_join(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each page-1 line that holds a fact run on into the next line with text, as a converter
    that loses a line break (a field and its value, two table cells) gives it. Expected: the
    same facts, or a review warning on each that differs."""
    lines = text.split("\n")
    expected = {k: original[k] for k in (*_DROP_KEEPS, "lead", "_authority")}
    for i, line in _fact_lines(text):
        j = _next_with_text(lines, i, len(lines))
        if j is None or "\f" in lines[j] or not line.strip():
            continue
        joined = f"{line.rstrip()} {lines[j].strip()}"
        variant = "\n".join([*lines[:i], joined, *lines[j + 1 :]])
        yield Variant(f"line {i + 1} joined to line {j + 1}", variant, expected)


def probe_swap(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each page-1 grade cell line swapped with the line with text next to it, as a converter's
    reading order sets a cell level with its neighbour's first line (a grade centred on a
    two-line label) before or after that line. Lines of one block (a title, a sentence, one
    cell) keep their order in every converter: they are not swapped. Expected as for drop."""
    lines = text.split("\n")
    expected = {k: original[k] for k in (*_DROP_KEEPS, "_authority")}
    page_one = _page_one(lines)
    for i in range(page_one):
        j = _next_with_text(lines, i, page_one)
        if j is None or not lines[i].strip():
            continue
        if (grade_fragment(lines[i].strip()) is None) == (grade_fragment(lines[j].strip()) is None):
            continue  # two grade lines (one cell) or two lines of text
        variant = "\n".join([*lines[:i], lines[j], *lines[i + 1 : j], lines[i], *lines[j + 1 :]])
        yield Variant(f"line {i + 1} swapped with line {j + 1}", variant, expected)


def probe_break(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """A page break before each page-1 line that holds a fact, with the running footer and
    header the report prints at its other page breaks (a longer name or a bigger font pushes
    the title page's fields or its summary table across a page). Expected: the same facts, the
    lead too, or a review warning on each that differs."""
    lines = text.split("\n")
    footer, header = _furniture(text)
    expected = {k: original[k] for k in (*_DROP_KEEPS, "lead", "_authority")}
    page_break = [*footer, "\f" + (header[0] if header else ""), *header[1:]]
    for i, _ in _fact_lines(text):
        if i == 0:
            continue
        variant = "\n".join([*lines[:i], *page_break, *lines[i:]])
        yield Variant(f"page break before line {i + 1}", variant, expected)


# The most page breaks the flow probe puts into one report's body (spread evenly).
_FLOW_BREAKS = 40
# The fewest body lines the flow probe leaves on the page before its break.
_FLOW_MIN_LINES = 3
# A page number: a line's only text, or set after a wide gap at its end (column-laid text).
_PAGE_NUMBER = re.compile(r"(^\s*|\s{2,})(\d{1,3})(\s*)$")
_NUMBERED_START = re.compile(r"^\s*\d{1,3}\.?(?:\s+\S|\s*$)")


def probe_flow(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """A page break, with the report's running footer and header, before a body line past page
    1: before and inside each improvement item, and before and inside numbered paragraphs (a
    report set in another size or with more text above breaks its pages elsewhere). The pages
    after the break are renumbered. Expected: every fact the same, the item count and the
    paragraph run too, or a review warning on each that differs."""
    lines = text.split("\n")
    footer, header = _furniture(text)
    page_one = _page_one(lines)
    spots: set[int] = set()
    for item_text, *_ in original["_items"]:
        span = _item_lines(lines, item_text)
        if span is not None:
            first, count = span
            spots.update(range(first, first + count))
    for i in range(page_one, len(lines)):
        if _NUMBERED_START.match(lines[i]):
            # The number's line and the next two with text: inside the paragraph.
            spots.add(i)
            j: int | None = i
            for _ in range(2):
                j = _next_with_text(lines, j, len(lines)) if j is not None else None
                if j is not None:
                    spots.add(j)
    # Each body line's place among its page's body lines: a page holds a few lines of text
    # before it breaks (a page of one line is none a longer or shorter report prints).
    pages = _text_lines_by_page(lines)
    place = {i: k for page in _body_lines(lines, pages) for k, i in enumerate(page)}
    # A marker a converter set on a line of its own shares its row with the text after it:
    # no page break falls between them.
    ordered = sorted(
        i
        for i in spots
        if page_one < i and place.get(i, 0) >= _FLOW_MIN_LINES and not _after_marker(lines, i)
    )
    step = max(1, -(-len(ordered) // _FLOW_BREAKS))
    expected = {k: v for k, v in original.items() if k in FACT_FIELDS or k == "_authority"}
    ends = [page[-1] for page in pages if page]
    for i in ordered[::step]:
        if "\f" in lines[i]:
            continue  # already a page's first line
        yield Variant(
            f"page break before body line {i + 1}",
            "\n".join(_break_page(lines, i, ends, footer, header)),
            expected,
        )


def _after_marker(lines: list[str], i: int) -> bool:
    """Whether the line with text before line i is a list marker alone ("97.", a glyph)."""
    k = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    return k is not None and _MARKER_LINE.fullmatch(lines[k].strip()) is not None


def _running_key(line: str) -> str:
    """A line as running lines repeat it: digits and spacing aside."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _text_lines_by_page(lines: list[str]) -> list[list[int]]:
    """The indices of each page's lines with text (a form feed opens a page)."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if "\f" in line:
            pages.append([])
        if line.strip():
            pages[-1].append(i)
    return pages


def _body_lines(lines: list[str], pages: list[list[int]]) -> list[list[int]]:
    """Each page's lines with text that come before its running footer (by index): a page
    break falls between body lines, never between the body and the footer or inside it."""
    seen = Counter(key for page in pages for key in {_running_key(lines[i]) for i in page})
    body: list[list[int]] = []
    for page in pages:
        end = len(page)
        while end and seen[_running_key(lines[page[end - 1]])] >= 3:
            end -= 1  # a running line: digits aside, on three pages or more
        body.append(page[:end])
    return body


def _break_page(
    lines: list[str], i: int, ends: list[int], footer: list[str], header: list[str]
) -> list[str]:
    """The lines with a page break before line i: the page's footer (numbered as its page),
    the next page's header, and every page number after the break one more. `ends`: the last
    line with text of each page."""
    here = next((j for j in ends if j >= i), None)
    number = _PAGE_NUMBER.search(lines[here]) if here is not None else None
    new_footer = [
        _renumber(ln, int(number.group(2))) if number else ln
        for ln in footer
        if number or not _PAGE_NUMBER.search(ln)
    ]
    out = list(lines)
    for j in ends:
        m = _PAGE_NUMBER.search(out[j])
        if j >= i and m:
            out[j] = _renumber(out[j], int(m.group(2)) + 1)
    page_break = [*new_footer, "\f" + (header[0] if header else ""), *header[1:]]
    return [*out[:i], *page_break, *out[i:]]


def _renumber(line: str, number: int) -> str:
    """The line with its page number (`_PAGE_NUMBER`) made `number`, if it has one."""
    return _PAGE_NUMBER.sub(lambda m: f"{m.group(1)}{number}{m.group(3)}", line)


def _furniture(text: str) -> tuple[list[str], list[str]]:
    """(footer, header): the lines that end, and that start, most of pages 2 to 9 alike (their
    digits aside; a page whose footer a converter ran into its last line does not count), as
    the first page that prints them all gives them, with its page number made 1."""
    pages = [[ln for ln in page.split("\n") if ln.strip()] for page in text.split("\f")[1:9]]
    pages = [page for page in pages if page]
    if len(pages) < 3:
        return [], []

    def shared(pick: Callable[[list[str], int], str]) -> list[str]:
        """The keys of the lines at depths 0, 1, ... that most pages share."""
        keys: list[str] = []
        while True:
            k = len(keys)
            votes = Counter(_running_key(pick(p, k)) for p in pages if len(p) > k + 1)
            if not votes:
                return keys
            top, n = votes.most_common(1)[0]
            # A paragraph's number opening most pages ("#.") is the body's, not furniture.
            if 3 * n < 2 * len(pages) or re.fullmatch(r"#[.)]", top):
                return keys
            keys.append(top)

    def template(pick: Callable[[list[str], int], str], keys: list[str]) -> list[str]:
        for page in pages:
            if len(page) > len(keys) and all(
                _running_key(pick(page, k)) == w for k, w in enumerate(keys)
            ):
                return [pick(page, k) for k in range(len(keys))]
        return []

    tail = shared(lambda p, k: p[-1 - k])
    footer = [
        re.sub(r"^(\s*)\d+(\s*)$", r"\g<1>1\2", ln)
        for ln in reversed(template(lambda p, k: p[-1 - k], tail))
    ]
    return footer, template(lambda p, k: p[k], shared(lambda p, k: p[k]))


def _whole_row(label: str, line: str) -> bool:
    """Whether `line` holds a judgement's whole table row: its label and a grade."""
    flat = " ".join(line.split()).lower()
    return " ".join(label.split()).lower() in flat and _ANY_GRADE.search(line) is not None


def probe_item(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each improvement-list item deleted whole (its lines and its sub-items', found by their
    text, and a marker on a line of its own above them), where its list keeps another item.
    Expected: one item fewer and every other fact the same. Unbulleted paragraph items (area
    SEND table rows) are left: a row's responsible-body cell cannot be deleted with it in
    reading order."""
    items = original["_items"]
    per_list = Counter((heading, page) for _, heading, page, _, _ in items)
    lines = text.split("\n")
    for item_text, heading, page, page_end, rule in items:
        if per_list[(heading, page)] < 2 or page != page_end or rule.endswith(".paragraphs"):
            continue
        span = _item_lines(lines, item_text)
        if span is None:
            continue
        start, count = span
        variant = "\n".join([*lines[:start], *lines[start + count :]])
        expected = dict(original, recommendations=original["recommendations"] - 1)
        yield Variant(f"item at line {start + 1} dropped", variant, expected)


def probe_more(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Each bulleted improvement-list item printed twice, its copy straight after it (found as
    the item probe finds it, with its glyph): a longer list. Expected: one item more and every
    other fact the same."""
    lines = text.split("\n")
    for item_text, _heading, page, page_end, rule in original["_items"]:
        # A numbered item's copy would repeat its number: a list one item longer numbers on.
        if page != page_end or not rule.endswith(".bullets"):
            continue
        span = _item_lines(lines, item_text)
        if span is None:
            continue
        start, count = span
        copy = lines[start : start + count]
        variant = "\n".join([*lines[: start + count], *copy, *lines[start + count :]])
        expected = dict(original, recommendations=original["recommendations"] + 1)
        yield Variant(f"item at line {start + 1} printed twice", variant, expected)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


_MARKER_LINE = re.compile(r"\(?\w{1,3}[.)]|[^\w\s]{1,2}")


def _item_lines(lines: list[str], item: str) -> tuple[int, int] | None:
    """(first line, count) of the one run of lines that spells the item (joined, with the
    de-hyphenation and bullets the record has undone), with a marker line above it; None
    where no run or several do."""
    target = _squash(item)
    found = []
    for i, line in enumerate(lines):
        spelled = _squash(line)
        if len(spelled) < 12 or not target.startswith(spelled):
            continue
        j = i + 1
        while (
            spelled != target and j < len(lines) and target.startswith(spelled + _squash(lines[j]))
        ):
            spelled += _squash(lines[j])
            j += 1
        if spelled != target:
            continue
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        first = k if k >= 0 and _MARKER_LINE.fullmatch(lines[k].strip()) else i
        found.append((first, j - first))
    return found[0] if len(found) == 1 else None


# A title page's field label and its colon.
_FIELD_LABEL = re.compile(r"\b((?:Lead inspector|Inspection dates?|Visit dates?))[ \t]*:", re.I)
# What reports set a label off its value with besides a colon.
FIELD_SEPARATORS = (" -", " –", "")
# The labels as other reports word them.
_LEAD_LABEL = re.compile(r"\bLead inspector(?=[ \t]*:)", re.I)
_DATES_LABEL = re.compile(r"\bInspection dates?(?=[ \t]*:)", re.I)
FIELD_WORDINGS = (
    (_LEAD_LABEL, ("Lead Inspector", "Lead inspectors", "Lead inspector(s)")),
    (_DATES_LABEL, ("Dates of inspection", "Date of inspection", "Inspection date")),
)


def probe_field(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    if not _FIELD_LABEL.search(text):
        return
    for separator in FIELD_SEPARATORS:
        variant = _FIELD_LABEL.sub(rf"\g<1>{separator}", text)
        yield Variant(f"field labels set off by {separator.strip()!r}", variant, original)
    for label, wordings in FIELD_WORDINGS:
        for wording in wordings:
            variant = label.sub(wording, text)
            if variant != text:
                yield Variant(f"label worded {wording!r}", variant, original)


# What converters and fonts write for a bullet glyph besides the glyph itself.
MARKS = ("-", "*", "–")
# The glyphs reports set their bullets with (`clean` reads each as the bullet).
_GLYPH = f"[{BULLET_GLYPHS}]"
_LONE_GLYPH = re.compile(rf"^([ \t\f]*){_GLYPH}[ \t]*$", re.M)
_LEADING_GLYPH = re.compile(rf"^([ \t\f]*){_GLYPH}[ \t]*", re.M)
# A line opened by an en-dash sub-bullet (or the glyphs `clean` reads as one).
_SUB_BULLET_LINE = re.compile(r"^[ \t\f]*[–\uf02d\u2212]", re.M)


def probe_mark(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    if not _LEADING_GLYPH.search(text):
        return
    for mark in MARKS:
        if mark == "–" and _SUB_BULLET_LINE.search(text):
            continue
        marked = _LEADING_GLYPH.sub(rf"\g<1>{mark} ", _LONE_GLYPH.sub(rf"\g<1>{mark}", text))
        yield Variant(f"bullets written {mark!r}", marked, original)
    dropped = _LEADING_GLYPH.sub(r"\1", _LONE_GLYPH.sub(r"\1", text))
    yield Variant("bullet glyphs dropped", dropped, original)


# A letter's greeting line ("Dear local partnership", "Dear Ms Example").
_GREETING = re.compile(r"^\s*Dear\s+\w.{0,80}$")
# An addressee as letters stack them: a name, a role and an agency, no place or number.
_ADDRESSEE = "Chris Example, Head of Partnerships, Partner Agency"


def probe_head(
    text: str, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines[:200]) if _GREETING.match(line)), None)
    if at is None:
        return
    before = sum(len(line) + 1 for line in lines[:at])
    extra = [_ADDRESSEE] * (1 + max(0, 1600 - before) // (len(_ADDRESSEE) + 1))
    head, rest = lines[:at], lines[at:]
    yield Variant(f"{len(extra)} addressees more", "\n".join([*head, *extra, "", *rest]), original)
    yield Variant(
        "page break before the greeting", "\n".join([*head, "\f" + rest[0], *rest[1:]]), original
    )
    after = next((k for k in range(1, len(rest)) if rest[k].strip()), None)
    if after is not None:
        broken = [*rest[:after], "\f" + rest[after], *rest[after + 1 :]]
        yield Variant("page break after the greeting", "\n".join([*head, *broken]), original)


PROBES: dict[str, Probe] = {
    "item": probe_item,
    "more": probe_more,
    "drop": probe_drop,
    "double": probe_double,
    "join": probe_join,
    "break": probe_break,
    "flow": probe_flow,
    "swap": probe_swap,
    "provider": probe_provider,
    "name": probe_name,
    "lead": probe_lead,
    "rank": probe_rank,
    "grade": probe_grade,
    "year": probe_year,
    "dates": probe_dates,
    "title": probe_title,
    "line": probe_line,
    "heading": probe_heading,
    "label": probe_label,
    "number": probe_number,
    "head": probe_head,
    "mark": probe_mark,
    "field": probe_field,
}
# Probes a converter's layout rules out (see the module doc).
NOT_ON = {"grade": ("pdftotext-layout",), "swap": ("pdftotext-layout",)}


def area_names(reference: Path) -> list[str]:
    """Official authority names, as Ofsted prints them ("Bristol", not "Bristol, City of")."""
    names = set()
    with (reference / "dfe-las.csv").open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            name = re.sub(r",\s*(?:City|County) of$", "", row["la_name"]).replace("St. ", "St ")
            if "/" not in name:
                names.add(name.strip())
    return sorted(names)


def record_facts(text: str) -> tuple[dict[str, Any], set[str], str | None]:
    record = inspectparse.extract(text.encode()).model_dump(mode="json")
    return probe_facts(record), review_fields(record), record["report"].get("title")


def probe_facts(record: dict[str, Any]) -> dict[str, Any]:
    """A record's facts (`accuracy.measure.facts`) and what the probes need besides ("_"
    keys, never compared): its authority's code, its judgements' labels, its items."""
    found = facts(record)
    authority = record["report"].get("authority") or {}
    found["_authority"] = authority.get("gss_code")
    found["_labels"] = {j["key"]: j["label"] for j in record["judgements"]}
    found["_items"] = [
        (
            # The item's lines: its own and its sub-items' (which its provenance leaves out).
            " ".join([r["provenance"]["text"] or "", *r["sub_items"]]),
            r["heading"],
            r["provenance"]["page"],
            r["provenance"]["page_end"],
            r["rule"],
        )
        for r in record["recommendations"]
    ]
    return found


def _differs(fact: str, expected: dict[str, Any], got: dict[str, Any]) -> bool:
    """Whether a fact differs. A provider named in full where it was short, or short where
    it was in full, of the same authority ("Tameside" and "Tameside Metropolitan Borough
    Council", read from another sentence) is the same provider."""
    want, have = expected[fact], got.get(fact)
    if want == have:
        return False
    if fact == "provider" and want and have and expected.get("_authority"):
        a, b = want.lower(), have.lower()
        return not (expected["_authority"] == got.get("_authority") and (a in b or b in a))
    return True


def outcome(
    expected: dict[str, Any],
    got: dict[str, Any],
    warned: set[str],
    optional: tuple[str, ...] = (),
) -> str:
    if optional and "judgements" in expected:
        have = got.get("judgements") or {}
        want = {k: v for k, v in expected["judgements"].items() if k in have or k not in optional}
        expected = dict(expected, judgements=want)
    differ = [k for k in expected if not k.startswith("_") and _differs(k, expected, got)]
    if not differ:
        return "predicted"
    if got.get("kind") == "unknown" and "report.kind" in warned:
        return "warned"  # the record reads structure only and says so
    return "warned" if all(_flagged(k, expected, got, warned) for k in differ) else "silent"


def _flagged(fact: str, expected: dict[str, Any], got: dict[str, Any], warned: set[str]) -> bool:
    """A review warning names the differing fact; for judgements, each judgement that differs
    (a warning on one judgement does not cover another's grade)."""
    if fact == "judgements":
        want, have = expected[fact], got.get(fact) or {}
        keys = {k for k in want.keys() | have.keys() if want.get(k) != have.get(k)}
        return all({"judgements", f"judgements.{k}"} & warned for k in keys)
    return any(w == f or w.startswith(f + ".") for w in warned for f in FACT_FIELDS[fact])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--converter", action="append", choices=CONVERTERS)
    parser.add_argument("--probe", action="append", choices=sorted(PROBES))
    parser.add_argument("--show", action="store_true", help="list every variant not predicted")
    args = parser.parse_args()
    if not (args.corpus / "gold.jsonl").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    areas = area_names(args.corpus.parent / "reference")
    gold = [json.loads(line) for line in (args.corpus / "gold.jsonl").open(encoding="utf-8")]
    probes = args.probe or list(PROBES)
    rows = [
        "| probe | converter | variants | as predicted | warned | silent |",
        "|---|---|---|---|---|---|",
    ]
    silent_total = 0
    for converter in args.converter or CONVERTERS:
        counts = {p: {"predicted": 0, "warned": 0, "silent": 0} for p in probes}
        for entry in gold:
            path = args.corpus / "text" / converter / f"{entry['file']}.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            original, _, title = record_facts(text)
            original["_title"] = title
            for name in probes:
                if converter in NOT_ON.get(name, ()):
                    continue
                for variant in PROBES[name](text, original, entry["kind"], areas):
                    got, warned, _ = record_facts(variant.text)
                    result = outcome(variant.expected, got, warned, variant.optional)
                    counts[name][result] += 1
                    if result != "predicted" and (args.show or result == "silent"):
                        differ = {
                            k: (variant.expected[k], got.get(k))
                            for k in variant.expected
                            if not k.startswith("_") and variant.expected[k] != got.get(k)
                        }
                        where = f"{name} {converter} {entry['file']}: {variant.label}"
                        print(f"{result}: {where}: {differ}", file=sys.stderr)
        for name in probes:
            c = counts[name]
            n = sum(c.values())
            if n:
                counted = f"{c['predicted']} | {c['warned']} | {c['silent']}"
                rows.append(f"| {name} | {converter} | {n} | {counted} |")
            silent_total += c["silent"]
    print("\n".join(rows))
    return 1 if silent_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
