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

from dataclasses import dataclass, field, replace

from ..document import Line
from ..segment import is_terminal

# Lines on one row of a table sit within this many points of each other.
_SAME_ROW = 3.0
# A gap above a line wider than this many line pitches separates rows (or body cells).
_ROW_GAP = 1.25
# A line left of the action column by more than this is in the responsible-body column.
_COLUMN_SLACK = 4.0
_BULLETS = "•–-"


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


def table_rows(lines: list[Line], column: float | None) -> list[TableRow] | None:
    """The rows of a table region (header row already removed); `column` is the x0 of the
    action column where a header cell gave it. None when the lines have no geometry."""
    if not lines or any(ln.top is None or ln.x0 is None for ln in lines):
        return None
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
        return _rows_by_body_cells(action, body, pitch)
    return _rows_by_padding(action, pitch)


def _char_width(lines: list[Line]) -> float | None:
    """The median width of a character in these lines, in points."""
    widths = sorted(
        ((ln.x1 or 0.0) - _x0(ln)) / len(text)
        for ln in lines
        if len(text := ln.text.strip()) >= 20
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


def _rows_by_body_cells(action: list[Line], body: list[Line], pitch: float) -> list[TableRow]:
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
        if not _below_gap(prev, line, pitch) and text not in first_lines:
            return False
        if prev is not None and prev.page != line.page:
            # At the top of a page the body cell may run on from the page before: a new row
            # only when the action text before it had finished its sentence.
            last = action_before(line)
            if last is not None and not is_terminal(last.text):
                return False
        first_lines.add(text)
        return True

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
    rows = [TableRow([action[0]])]
    for prev, ln in pairs:
        starts = False
        if may_start(prev, ln):
            if prev.page != ln.page or not padded:
                starts = is_terminal(prev.text)
            else:
                starts = _top(ln) - _top(prev) > pitch * _ROW_GAP
        if starts:
            rows.append(TableRow())
        rows[-1].lines.append(ln)
    return rows
