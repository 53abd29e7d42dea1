"""Engine-neutral line building: positioned words -> rows -> cells (lines) in reading order.

Both PDF engines produce `Word`s; this module groups them into rows by vertical overlap and
splits a row wherever the horizontal gap is wide enough to be a column break, so a table's
label and grade cells (or a letterhead's two columns) become separate `Line`s that share a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from math import floor as _floor
from operator import attrgetter
from typing import TypeVar

from ..document import Line

# A gap wider than this many font sizes between words on one row is a column break.
COLUMN_GAP_EMS = 1.2
# Rows whose tops differ by less than this fraction of the font size are one row.
ROW_TOLERANCE_EMS = 0.45
# A vertical gap above a row larger than this fraction of its height is a visible break.
GAP_BEFORE_RATIO = 0.75

_T = TypeVar("_T")
_BY_TOP_X0 = attrgetter("top", "x0")
_BY_X0 = attrgetter("x0")

_BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")
# A list marker (paragraph number, bullet glyph) stays with the text after it, however wide
# the hanging indent between them.
_MARKER = re.compile(
    r"^(?:\(?\d{1,3}[.)]?|\(?[a-z][.)]|[\uf06e\uf0b7\uf0a7\uf02d\u25fc\u25aa\u25a0\u25cf\u2022\u2212\u2013\u0083-])$"
)


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str | None = None
    # How many whitespace-separated words this stands for: an engine may pass a run of words
    # that share one baseline and font as one Word (far fewer objects to sort); votes count words.
    tokens: int = 1


@lru_cache(maxsize=4096)  # asked of nearly every line's first word: a handful of short words
def is_list_marker(token: str) -> bool:
    """Whether a whitespace-free token is a list marker (the longest is "(123)")."""
    return len(token) <= 5 and _MARKER.match(token) is not None


@lru_cache(maxsize=512)  # a document has a handful of fonts and a few thousand lines
def is_bold_font(font: str | None) -> bool | None:
    if not font:
        return None
    name = font.lower()
    return any(marker in name for marker in _BOLD_MARKERS)


def build_lines(words: list[Word], page_number: int) -> list[Line]:
    """Group words into rows, split rows into cells at column gaps, mark visible breaks."""
    if not words:
        return []
    lines: list[Line] = []
    append = lines.append
    previous_bottom: float | None = None
    for row in _rows(words):
        single = len(row) == 1  # most rows are one Word (pdfium passes whole runs): one cell
        if single:
            top, bottom = row[0].top, row[0].bottom
        else:
            row.sort(key=_BY_X0)
            top = min([w.top for w in row])
            bottom = max([w.bottom for w in row])
        height = bottom - top
        if height < 1.0:
            height = 1.0
        gap = previous_bottom is not None and top - previous_bottom > GAP_BEFORE_RATIO * height
        previous_bottom = bottom
        if single:
            append(_cell_line(row, page_number, len(lines), gap))
            continue
        for cell in _cells(row):
            append(_cell_line(cell, page_number, len(lines), gap))
    return lines


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words sorted top to bottom, grouped into rows: a word whose top is within a fraction of
    the larger font size of the row's first word is on that row."""
    rows: list[list[Word]] = []
    row: list[Word] = []
    row_top = row_size = 0.0
    for word in sorted(words, key=_BY_TOP_X0):
        size = word.size or (word.bottom - word.top) or 10.0
        if row and abs(word.top - row_top) <= ROW_TOLERANCE_EMS * (
            row_size if row_size > size else size
        ):
            row.append(word)
            continue
        row = [word]
        rows.append(row)
        row_top, row_size = word.top, size
    return rows


def _cells(row: list[Word]) -> list[list[Word]]:
    """A row (sorted left to right) cut at column gaps, never right after a lone list marker."""
    cells: list[list[Word]] = [[row[0]]]
    for word in row[1:]:
        last = cells[-1][-1]
        size = max(last.size, word.size) or 10.0
        # The marker regex only where it decides: after a gap wide enough to split.
        if word.x0 - last.x1 > COLUMN_GAP_EMS * size and not (
            len(cells[-1]) == 1 and is_list_marker(last.text)  # `_MARKER`, memoised
        ):
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def _cell_line(cell: list[Word], page_number: int, index: int, gap: bool) -> Line:
    """One cell as a `Line`: its words joined, size and font by majority of words."""
    if len(cell) == 1:  # most cells are one Word (pdfium passes whole runs): no votes
        only = cell[0]
        size, font, text = only.size or None, only.font or None, only.text
        x1, top, bottom = only.x1, only.top, only.bottom
    else:
        size = _majority([(w.size, w.tokens) for w in cell if w.size])
        font = _majority([(w.font, w.tokens) for w in cell if w.font])
        text = _join_words(cell)
        x1 = max([w.x1 for w in cell])
        top = min([w.top for w in cell])
        bottom = max([w.bottom for w in cell])
    # Coordinates are rounded half up to 0.01 pt, written out: a call per coordinate would
    # cost more than the arithmetic.
    return Line(
        text,
        page_number,
        index,
        _floor(cell[0].x0 * 100.0 + 0.5) / 100.0,
        _floor(x1 * 100.0 + 0.5) / 100.0,
        _floor(top * 100.0 + 0.5) / 100.0,
        _floor(bottom * 100.0 + 0.5) / 100.0,
        _floor(size * 100.0 + 0.5) / 100.0 if size else None,
        is_bold_font(font),
        font,
        gap,
    )


def _majority(votes: list[tuple[_T, int]]) -> _T | None:
    """The value with the most words; a tie goes to the value met first (a set's order of
    strings would change with the hash seed, making the font of a line vary between runs)."""
    if len(votes) == 2:  # most cells of several words: a list marker and its text
        (first, first_weight), (second, second_weight) = votes
        return first if first == second or first_weight >= second_weight else second
    tally: dict[_T, int] = {}
    for value, weight in votes:
        tally[value] = tally.get(value, 0) + weight
    return max(tally, key=tally.__getitem__) if tally else None


def _join_words(cell: list[Word]) -> str:
    """Join words with one space, but glue pieces that touch (a superscript footnote digit)."""
    parts = [cell[0].text]
    for prev, word in zip(cell, cell[1:], strict=False):
        touching = word.x0 - prev.x1 < 0.12 * (word.size or 10.0)
        parts.append(word.text if touching else " " + word.text)
    return "".join(parts)
