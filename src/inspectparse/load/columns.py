"""Column-layout text (`pdftotext -layout` and the like) -> lines split into cells, with
pseudo-geometry.

A converter that keeps the page's columns with spaces puts a table's label and grade on one
text row, separated by a run of spaces. Each row is split into cells at such gaps, as
`load/layout.py` splits a PDF row at wide horizontal gaps, and every cell is given
*pseudo-geometry*: `x0`/`x1` from its character columns and `top`/`bottom` from its row's
index on the page, in nominal points (`CHAR_WIDTH`, `ROW_PITCH`). This is not the PDF's
geometry, only the text's own grid scaled to the units the geometric rules expect: cells on
one row share a top, a grade cell that wraps over the rows around its label overlaps it, and
and a page's first and last rows are where `clean` looks for headers and footers. Font facts stay
unknown (`size` is nominal, `bold` None), so headings are judged by the textual rules.
"""

from __future__ import annotations

import re

from ..document import Line, Page
from .layout import is_list_marker

# Nominal points per character column and per text row (a 10 pt font's average advance is
# about half its size; rows are set at 1.2 times the size).
CHAR_WIDTH = 5.0
ROW_PITCH = 12.0
FONT_SIZE = 10.0
# A run of at least this many spaces inside a row is a column gap.
MIN_GAP = 3
_GAP = re.compile(" {" + str(MIN_GAP) + ",}")


def split_cells(row: str) -> list[tuple[int, str]]:
    """(start column, text) of each cell of a row.

    A list marker ("12.", a bullet glyph) stays with the text after it however wide the hanging
    indent, and a label ending in a colon keeps its value ("Lead inspector:   Name"), as one
    would read them.
    """
    cells: list[tuple[int, str]] = []
    stripped = row.rstrip()
    start = len(stripped) - len(stripped.lstrip())
    pos = start
    for gap in _GAP.finditer(stripped, start):
        if gap.start() == start:
            continue
        text = stripped[pos : gap.start()]
        cells.append((pos, text))
        pos = gap.end()
    cells.append((pos, stripped[pos:]))
    merged: list[tuple[int, str]] = []
    for col, text in cells:
        if merged:
            prev_col, prev = merged[-1]
            if (" " not in prev and is_list_marker(prev)) or prev.endswith(":"):
                merged[-1] = (prev_col, f"{prev} {text}")
                continue
        merged.append((col, text))
    return merged


def layout_page(chunk: str, number: int) -> Page:
    rows = chunk.split("\n")
    while rows and not rows[-1].strip():
        rows.pop()
    page = Page(number=number)
    gap = False
    for r, row in enumerate(rows):
        if not row.strip():
            gap = True
            continue
        top = r * ROW_PITCH
        for col, text in split_cells(row):
            end = col + len(text)
            page.lines.append(
                Line(
                    text=text,
                    page=number,
                    index=len(page.lines),
                    x0=col * CHAR_WIDTH,
                    x1=end * CHAR_WIDTH,
                    top=top,
                    bottom=top + FONT_SIZE,
                    size=FONT_SIZE,
                    gap_before=gap,
                )
            )
        gap = False
    # The page's size is unknown: the text keeps only the rows that have something on them
    # (page zones are then taken by rows, see `clean`).
    return page
