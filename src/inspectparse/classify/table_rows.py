"""Rows of an improvement table (area SEND): one item per drawn row, however many sentences,
bullets or pages its cell spans.

The loaders give text lines, not the table's drawn rules, so a row is found from the layout the
rules leave behind:

- a two-column table ("Responsible body" | "Areas for priority action") repeats the body on
  every row: a row starts where a body cell starts level with a line of the action column
  (a body line well below the body line before it, or the first on its page, or one repeating
  the first line of a cell that opened a row before);
- a one-column table pads its rows: a row starts at a line (not a bullet) standing further below
  the line before it than the table's line pitch allows, or after a page break when the row
  before ended its sentence and the line starts with a capital.

The body cell is the item's actor and never part of its text. Lines without geometry (text
input) are left to the caller's sentence rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..document import Line
from ..segment import is_terminal
from ..segment.geometry import same_row
from ..segment.headings import heading_title
from .list_lines import ITEM_NUMBER

# A gap above a line wider than this many line pitches separates rows (or body cells).
_ROW_GAP = 1.25
# A line left of the action column by more than this is in the responsible-body column.
_COLUMN_SLACK = 4.0
_BULLETS = "•–-"
# Column-layout text: how many rows above and below a row show its action column.
_GRID_WINDOW = 6
# A sentence of a row's text that goes on with the row before: a pronoun or pointer as its
# subject, or "also" after the modal verb.
_CONTINUES = re.compile(
    r"^(?:They|This|These|That|Those|It|Their|Its|He|She|In particular|In addition|Also)\b"
    r"|\b(?:should|must|needs? to|will)\s+also\b",
    re.I,
)
# "<Actor> should|must|need(s) to ..." within the sentence's first words.
_RECOMMENDATION = re.compile(
    r"^[A-Z0-9][^.;:!?]{0,160}?\b(?:should|must|needs? to|is required to|are required to)\b"
)
# A bullet glyph and its text: a glyph the text loader joined to this line opens an item.
_BULLETED_LINE = re.compile(r"^•\s*\S")
# A body cell's line that the next line goes on with.
JOINING_WORD = re.compile(r"(?:\band|\bof|\bthe|\bfor|&|,)$", re.I)


def opens_recommendation(sentence: str) -> bool:
    """Whether text opening at a line start reads as a new recommendation ("<Actor> should
    ..."), not as a sentence going on with the one before."""
    sentence = ITEM_NUMBER.sub("", sentence)
    first = re.split(r"(?<=[.;:!?])\s", sentence, maxsplit=1)[0]
    return _RECOMMENDATION.match(sentence) is not None and _CONTINUES.search(first) is None


# Characters a line may fall short of the column's widest line and still have been broken by
# the column's edge (the next word did not fit) rather than by the end of its text.
_WIDTH_SLACK = 3
# How many lines from a row's first the recommendation shape is looked for in.
_SHAPE_REACH = 3


def rows_by_sentence(lines: list[Line]) -> list[list[Line]]:
    """Rows of a one-column table in text without geometry (no drawn rules, no padding).

    A row starts at an item number, or at a line that begins with a capital after a line
    that ends a sentence, when that break cannot be the column's edge: a blank line before
    it, or a line before it that stops short of the column's width (the text ended there).
    After a full line, the column's edge may have broken a row's text between its sentences
    ("... plain language." / "They should ..."): a row starts there only where the line opens
    a recommendation ("<Actor> should ..."); otherwise the sentence goes on with its row.
    A bullet glyph the text loader joined to a line is read past: a cell's own bullets
    ("... so that:" / "• families know ...") go on with their row, and a glyph paired with a
    row's first line does not hide where the row starts.
    """
    texts = [past_glyph(ln.text.strip()) for ln in lines]
    width = max((len(text) for text in texts), default=0)
    rows: list[list[Line]] = []
    for k, ln in enumerate(lines):
        text = texts[k]
        if rows and not ITEM_NUMBER.match(text):
            before = texts[k - 1]
            if not (is_terminal(before) and text[:1].isupper()):
                rows[-1].append(ln)
                continue
            word = len(text.split()[0])
            ended_short = len(before) + 1 + word + _WIDTH_SLACK < width
            shape = " ".join(texts[k : k + _SHAPE_REACH])
            if not (ln.gap_before or ended_short or opens_recommendation(shape)):
                rows[-1].append(ln)
                continue
        rows.append([ln])
    return rows


def past_glyph(text: str) -> str:
    """The text without a bullet glyph the text loader joined to its start."""
    return text[1:].lstrip() if _BULLETED_LINE.match(text) else text


@dataclass(slots=True)
class TableRow:
    lines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)  # the responsible-body cell, if any


def _top(line: Line) -> float:
    return line.top if line.top is not None else 0.0


def _x0(line: Line) -> float:
    return line.x0 if line.x0 is not None else 0.0


def line_pitch(lines: list[Line]) -> float | None:
    """The usual distance between consecutive lines on a page (the lower quartile of the gaps,
    so that row padding and bullet spacing do not count)."""
    steps = sorted(
        _top(b) - _top(a)
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and _top(b) - _top(a) > 1.0
    )
    return steps[len(steps) // 4] if steps else None


def table_rows(
    lines: list[Line], column: float | None, *, grid: bool = False
) -> list[TableRow] | None:
    """The rows of a table region (header row already removed); `column` is the x0 of the
    action column where a header cell gave it. None when the lines have no geometry.

    `grid`: the positions are a column-layout text's character grid (rows set without
    padding, the action column placed afresh for each block of rows): cells are realigned
    first, and a body line also opens a row where the action line level with it opens a
    recommendation after a finished sentence."""
    if not lines or any(ln.top is None or ln.x0 is None for ln in lines):
        return None
    if grid and column is not None:
        lines = _grid_aligned(lines, column)
    cells = [ln for ln in lines if any(c.isalnum() for c in ln.text)]  # a lone glyph is none
    limit = column - _COLUMN_SLACK if column is not None else None
    action = [ln for ln in cells if limit is None or _x0(ln) >= limit]
    if not action:
        return []
    body: list[Line] = []
    if column is not None:
        width = _char_width(action)
        for ln in cells:
            if _x0(ln) >= column - _COLUMN_SLACK:
                continue
            joined = (ln.x1 or 0.0) > column + _COLUMN_SLACK
            split = _split_at(ln, column, width) if joined else None
            if split is None:
                body.append(ln)
            else:
                body.append(split[0])
                action.append(split[1])
        action.sort(key=lambda x: (x.page, _top(x)))
    pitch = line_pitch(action) or 0.0
    if body:
        return _rows_by_body_cells(action, body, pitch, grid)
    return _rows_by_padding(action, pitch)


def _grid_aligned(lines: list[Line], column: float) -> list[Line]:
    """Column-layout text places the action column afresh for each block of rows, and joins
    a body line that reaches it to the action text. A row of two cells shows where the
    action column is; a row of one cell takes the column of the nearest such row on its
    page (the leftmost within a few rows). Action cells are moved to `column`, joined lines
    split at the local column; a body cell beside an action cell ends before `column`."""
    rows: dict[tuple[int, float], list[Line]] = {}
    for ln in lines:
        rows.setdefault((ln.page, _top(ln)), []).append(ln)
    anchors = [
        (page, top, _x0(sorted(cells, key=_x0)[1]))
        for (page, top), cells in rows.items()
        if len(cells) > 1
    ]
    width = _char_width(lines)
    window = (line_pitch(lines) or 0.0) * _GRID_WINDOW
    out: list[Line] = []
    for (page, top), cells in rows.items():
        # The leftmost action cell of the rows around: a bullet's text is indented further.
        near = sorted((abs(t - top), x) for p, t, x in anchors if p == page)
        close = [x for d, x in near if d <= window]
        local = min(close) if close else near[0][1] if near else column
        shift = column - local
        for ln in sorted(cells, key=_x0):
            if _x0(ln) >= local - _COLUMN_SLACK:
                out.append(replace(ln, x0=_x0(ln) + shift, x1=(ln.x1 or 0.0) + shift))
            elif len(cells) == 1 and (ln.x1 or 0.0) > local + _COLUMN_SLACK:
                split = _split_at(ln, local, width)
                if split is None:
                    out.append(ln)
                    continue
                right = split[1]
                out += [split[0], replace(right, x0=local + shift, x1=(right.x1 or 0.0) + shift)]
            elif len(cells) > 1:
                # A cell of its own beside the action text (the loader split them at their
                # gap): the body cell whole, however far its words reach past the header.
                out.append(replace(ln, x1=min(ln.x1 or 0.0, column - _COLUMN_SLACK)))
            else:
                out.append(ln)
    return out


def _char_width(lines: list[Line]) -> float | None:
    """The median width of a character in these lines, in points."""
    widths = sorted(
        ((ln.x1 or 0.0) - _x0(ln)) / len(text) for ln in lines if len(text := ln.text.strip()) >= 20
    )
    return widths[len(widths) // 2] if widths else None


def _split_at(line: Line, column: float, char_width: float | None) -> tuple[Line, Line] | None:
    """A body cell and an action cell the loader joined into one line (their gap was no wider
    than a space), split at the word where the action column starts. The action cell runs from
    the column to the line's end, so its length in characters is estimated from that width and
    the table's usual character width (the gap between the cells is left out of the estimate);
    the split is at the space nearest that estimate."""
    text = line.text.strip()
    if char_width is None or char_width <= 0:
        return None
    estimate = len(text) - round(((line.x1 or 0.0) - column) / char_width)
    spaces = [k for k, c in enumerate(text) if c == " "]
    if not spaces:
        return None
    cut = min(spaces, key=lambda k: abs(k - estimate))
    left = replace(line, text=text[:cut], x1=column - _COLUMN_SLACK)
    return left, replace(line, text=text[cut + 1 :], x0=column)


def _below_gap(prev: Line | None, line: Line, pitch: float) -> bool:
    """Whether `line` starts a new block of its column: first, first on its page, or further
    below the line before than the pitch allows."""
    if prev is None or prev.page != line.page:
        return True
    return _top(line) - _top(prev) > pitch * _ROW_GAP


def _rows_by_body_cells(
    action: list[Line], body: list[Line], pitch: float, grid: bool = False
) -> list[TableRow]:
    levels = {(a.page, round(_top(a))) for a in action}

    def level_with_action(line: Line) -> bool:
        top = round(_top(line))
        return any((line.page, t) in levels for t in range(top - 3, top + 4))

    def action_before(line: Line) -> Line | None:
        key = (line.page, _top(line))
        before = [a for a in action if (a.page, _top(a)) < key]
        return before[-1] if before else None

    # The body is repeated on every row, so a cell's first line is met again at each row start
    # (a table with no row padding shows no gap above it).
    first_lines: set[str] = set()

    def opens_row(k: int) -> bool:
        line = body[k]
        prev = body[k - 1] if k else None
        if not level_with_action(line):
            return False
        text = " ".join(line.text.split())
        padded = _below_gap(prev, line, pitch) or text in first_lines
        if not padded and not (grid and prev is not None and _opens_level(line, prev)):
            return False
        if prev is not None and prev.page != line.page:
            # At the top of a page the body cell may run on from the page before: a new row
            # only when the action text before it had finished its sentence.
            last = action_before(line)
            if last is not None and not is_terminal(last.text):
                return False
        first_lines.add(text)
        return True

    def _opens_level(line: Line, prev: Line) -> bool:
        """The action line level with a body line opens a recommendation after a finished
        sentence, and the body line before does not run on into this one."""
        level = [a for a in action if a.page == line.page and abs(_top(a) - _top(line)) <= 3]
        if not level or JOINING_WORD.search(prev.text.strip()):
            return False
        before = action_before(level[0])
        k = action.index(level[0])
        text = " ".join(" ".join(a.text.split()) for a in action[k : k + 3])
        return (before is None or is_terminal(before.text)) and opens_recommendation(text)

    starts = {id(ln) for k, ln in enumerate(body) if opens_row(k)}
    in_body = {id(ln) for ln in body}
    rows: list[TableRow] = []
    for ln in sorted(action + body, key=lambda x: (x.page, _top(x), _x0(x))):
        if id(ln) in starts or not rows:
            rows.append(TableRow())
        (rows[-1].body if id(ln) in in_body else rows[-1].lines).append(ln)
    return [r for r in rows if r.lines]


def _rows_by_padding(action: list[Line], pitch: float) -> list[TableRow]:
    """One-column rows. Where the table pads its rows, a row starts at a padded gap (or after a
    page break, at a capital after a finished sentence); a table with no padding at all gives
    one row per paragraph by the sentence rule."""

    def may_start(prev: Line, line: Line) -> bool:
        first = line.text.strip()[:1]
        return first not in _BULLETS and (first.isupper() or first.isdigit())

    pairs = list(zip(action, action[1:], strict=False))
    padded = any(
        p.page == ln.page and _top(ln) - _top(p) > pitch * _ROW_GAP and may_start(p, ln)
        for p, ln in pairs
    )
    if not padded:  # column-layout text: the rows' padding is lost with the blank lines
        return [TableRow(row) for row in rows_by_sentence(action)]
    rows = [TableRow([action[0]])]
    for prev, ln in pairs:
        starts = False
        if may_start(prev, ln):
            if prev.page != ln.page:
                starts = is_terminal(prev.text)
            else:
                starts = _top(ln) - _top(prev) > pitch * _ROW_GAP
        if starts:
            rows.append(TableRow())
        rows[-1].lines.append(ln)
    return rows


def rows_under_header(region: list[Line], title: str, *, grid: bool) -> list[TableRow] | None:
    """Rows of a table with positions (a PDF; with `grid`, a column-layout text). A header
    cell repeating the list's title is dropped with its row; its left edge is the action
    column only where a body column's header stands to its left (a one-column table has
    none). None when the lines have no positions after all."""
    header = next((ln for ln in region if heading_title(ln.text).lower() == title.lower()), None)
    column = None
    if header is not None:
        beside = [ln for ln in region if ln is not header and same_row(ln, header)]
        if any(_x0(ln) < _x0(header) for ln in beside):
            column = header.x0
        region = [ln for ln in region if ln is not header and ln not in beside]
    return table_rows(region, column, grid=grid)
