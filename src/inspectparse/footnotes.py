"""Clean stage, footnotes: the small print at a page's foot that the text refers to, moved to the
`footnote` layer (out of the body's flow, so a paragraph a page break cuts joins up across it;
`segment` gives each footnote a paragraph of its own).

A PDF's footnotes are told by their size (smaller than the body's text) and place; text without
sizes tells them by place alone: the page's last lines, from a marker the text refers to.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from operator import attrgetter

from .document import Document, Line, Page
from .load.bullets import BULLETED, LONE_BULLET

__all__ = ["FOOTNOTE_MARKER", "mark_footnotes"]


# A footnote's first line opens with its marker: "1 This joint inspection ...", "2The ...", or
# the number alone above its text (a superscript set on a row of its own).
FOOTNOTE_MARKER = re.compile(r"^(\d{1,2})(?:\s+\S|$|(?=[A-Z‘“(]))")
# Footnotes are set smaller than the body text (9-10 pt under 12 pt) ...
FOOTNOTE_SIZE_RATIO = 0.88
# ... below the middle of the page.
FOOTNOTE_ZONE = 0.5
# Points by which the sizes of one page's footnote lines may differ.
_SIZE_TOL = 0.5
# Text without sizes: a page's footnotes are among its last this many lines (a report's page
# holds up to three footnotes of one to three lines).
FOOTNOTE_TEXT_LINES = 10
# A letter's date line ("1 December 2031") opens with a number, not a marker.
_DATE = re.compile(
    r"^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
)
# Text a lone number follows is its footnote only where it ends a sentence: a table's label
# over the number ends none.
_ENDS_SENTENCE = re.compile(r"[.?!][)’”'\]]?\s*$")
# A line this short after a lone marker, with a break under it, is the rest of the marker's
# row (a table's cell), not its footnote's first line.
_SHORTER_THAN_FOOTNOTE = 50


def mark_footnotes(document: Document) -> None:
    """Move the footnotes at each page's foot to the `footnote` layer.

    A page's footnotes are the lines at the end of its body, each below the page's middle
    and in a font smaller than the body text's, from a line after a visible break that opens
    with a marker number the text of the page (or the page before, where a reference at a
    page's end pushed its footnote over) refers to (the number set on a word: "inspection1",
    "improve?1"), as far as the last of them. A marker alone on its row that furniture
    took for a page number, among them, is theirs. Text without font sizes cannot tell its
    small print from its body: there the footnotes are the page's last lines, no more than
    FOOTNOTE_TEXT_LINES, from a marker line after a break (`_footnote_run_unsized`)."""
    # Text laid out in columns has sizes, but made up (every line one size).
    size = _body_size(document) if document.format == "pdf" else None
    limit = FOOTNOTE_SIZE_RATIO * size if size is not None else None
    for k, page in enumerate(document.pages):
        pages = document.pages[max(k - 1, 0) : k + 1]
        if limit is not None:
            run = _footnote_run(page, limit)
            if run and not _referred_run(run, pages):
                continue
        else:
            run = _footnote_run_unsized(page, pages)
        for ln in run:
            ln.layer, ln.furniture_reason = "footnote", None


def _referred_run(run: list[Line], pages: list[Page]) -> bool:
    """Whether a run opens with a marker after a break that the text of `pages` (outside the
    run) refers to."""
    marker = FOOTNOTE_MARKER.match(run[0].text)
    if marker is None or not run[0].gap_before:
        return False
    return _refers_to(_texts_outside(pages, run), marker.group(1))


_SIZE = attrgetter("size")


def _body_size(document: Document) -> float | None:
    """The font size most of the text is set in; None for text without sizes."""
    # Counted by lines, in C (`map`): a count by characters reads the same on reports, at
    # several times the cost.
    sizes = Counter(map(_SIZE, chain.from_iterable(page.lines for page in document.pages)))
    sizes.pop(None, None)
    return sizes.most_common(1)[0][0] if sizes else None


def _footnote_run(page: Page, limit: float) -> list[Line]:
    """The small-print lines that end the page's body, in page order (page foot furniture
    below them aside), from the first that opens with a marker."""
    run: list[Line] = []
    started = False
    for ln in reversed(page.lines):
        if not started and ln.layer == "furniture":
            continue  # the running footer and page number below the footnotes
        started = True
        small = ln.size is not None and ln.size <= limit
        low = ln.top is not None and ln.top >= FOOTNOTE_ZONE * page.height
        if not (small and low and (ln.layer == "body" or _lone_marker(ln))):
            break
        run.append(ln)
    run.reverse()
    while run and not (run[0].layer == "body" and FOOTNOTE_MARKER.match(run[0].text)):
        run.pop(0)
    # Footnotes share one size (a marker alone on its row may be smaller): a line in another
    # below them (a running footer in small print) is none of theirs.
    sizes = [(k, ln.size or 0.0) for k, ln in enumerate(run) if not ln.text.strip().isdecimal()]
    cut = next((k for k, size in sizes if abs(size - sizes[0][1]) > _SIZE_TOL), None)
    if cut is not None:
        del run[cut:]
    return run


def _footnote_run_unsized(page: Page, pages: list[Page]) -> list[Line]:
    """Text without sizes: the page's footnotes, from the first of its last lines (page foot
    furniture below them aside) that opens with a marker the text refers to, after a break
    (or a lone marker with a break under it), to the end of its body; none where no such
    line is that near its end. A reading-order converter can set a lone marker (a
    superscript) after its footnote's text instead: as the body's last line, or among the
    page foot's numbers (a second lone number there); the last block of the body (from its
    last break) is then its footnote."""
    tail: list[Line] = []
    foot_numbers: list[Line] = []
    for ln in reversed(page.lines):
        lone_marker = _lone_marker(ln)
        if not tail and ln.layer == "furniture":
            if lone_marker:
                foot_numbers.append(ln)
            continue  # the running footer and page number below the footnotes
        if (ln.layer != "body" and not lone_marker) or len(tail) == FOOTNOTE_TEXT_LINES:
            break
        tail.append(ln)
    tail.reverse()
    for k, ln in enumerate(tail):
        lone = ln.text.strip().isdecimal() and k + 1 < len(tail) and tail[k + 1].gap_before
        marker = FOOTNOTE_MARKER.match(ln.text)
        if (ln.gap_before or lone) and marker:
            run = _before_list_items(_beside_lone_marker_left(tail[k:]))
            if not _DATE.match(ln.text) and _refers_to(_texts_outside(pages, run), marker[1]):
                return run
    # A marker after its text: the body's last line, or the second of the foot's numbers
    # (the lowest is the page's own).
    if tail and tail[-1].text.strip().isdecimal() and len(tail[-1].text.strip()) <= 2:
        after, tail = tail[-1], tail[:-1]
    elif len(foot_numbers) >= 2:
        after = foot_numbers[1]
    else:
        return []
    start = max((k for k, ln in enumerate(tail) if ln.gap_before), default=None)
    if start is None:
        return []
    block = tail[start:]
    if not _ENDS_SENTENCE.search(block[-1].text) or not _refers_to(
        _texts_outside(pages, block), after.text.strip()
    ):
        return []
    return [*block, after]


def _lone_marker(line: Line) -> bool:
    """A footnote's marker alone on its row, which furniture took for a page number."""
    return line.furniture_reason == "page-number" and FOOTNOTE_MARKER.match(line.text) is not None


def _before_list_items(run: list[Line]) -> list[Line]:
    """A run up to its first list item: a footnote holds no bulleted line, and a converter can
    set a footnote before the list that ends its page's body (its text objects' order)."""
    for k, ln in enumerate(run):
        if k and (BULLETED.match(ln.text) or LONE_BULLET.match(ln.text)):
            return run[:k]
    return run


def _beside_lone_marker_left(run: list[Line]) -> list[Line]:
    """A run from a lone marker, less the short line straight after it where the footnote's
    text comes after that line's break: reading order can put a superscript marker before
    the rest of its row (the last cell of a table set above the footnotes)."""
    if (
        len(run) > 2
        and run[0].text.strip().isdecimal()
        and run[1].gap_before
        and run[2].gap_before
        and len(run[1].text) < _SHORTER_THAN_FOOTNOTE
    ):
        return [run[0], *run[2:]]
    return run


def _texts_outside(pages: list[Page], run: list[Line]) -> list[str]:
    """The body texts of `pages` but the lines of `run`."""
    ids = {id(ln) for ln in run}
    return [ln.text for p in pages for ln in p.lines if ln.layer == "body" and id(ln) not in ids]


def _refers_to(texts: list[str], number: str) -> bool:
    """Whether a text refers to footnote `number`: the number set on a word or on the
    punctuation after it ("inspection1", "improve?1", "Hull.3"), not a number of its own
    nor one in brackets, a ratio or an amount ("(1)", "1:1", "£1"), nor a postcode's or a
    key stage's ("M1 2WD", "KS2": one or two letters before it)."""
    reference = re.compile(rf"(?:[^\W\d_]{{3}}|[^\W\d_][.,;:?!’”')\]]){number}(?!\d)")
    return any(number in text and reference.search(text) for text in texts)
