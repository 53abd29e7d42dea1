"""Rows of an improvement table with a responsible-body column (area SEND) in text without
geometry: reading-order converters (plain pdftotext, markitdown) and markdown pipe tables.

Reading order gives the table's cells as runs of lines: a run of body cells ("<Area> Council
and NHS <X> ICB", repeated on every row), then the action text of the rows they head, page by
page, with page furniture between (already removed by `clean`). So:

- a body cell is a run of lines in the profile's name shape (`BodyColumn.line`) that names an
  organisation or its leaders (`BodyColumn.names`); a run splits into cells where the table's
  first cell's first line comes again (the body is repeated on every row);
- a run at the top of a page that finishes the cell the page before cut off (that cell ended
  on a joining word, or is a shorter copy of another cell) continues it; so does a run that
  stands inside a sentence of the action text (a converter that interleaved the two columns);
- each run of k new cells heads the action text after it: k rows start there. The first line
  starts a row where it starts a sentence; the others are the lines that start a sentence with
  the shape of a recommendation ("<Actor> should ..."): not a bullet, not a pronoun's
  sentence ("They should ..."), not a continuation ("... should also ...").

Where more lines have that shape than the cells allow, the ones with a blank line above
(the row's padding) are taken if they are exactly as many. A body column read after the whole
action column pairs with the rows in order where the counts agree. Where the rows found and
the body cells disagree the reading is unsure: a doubt is returned for a review warning, never
a silent guess. A markdown pipe table keeps a row per text line, its cells split by tabs: the
first cell is the body, the rest the action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from ..document import Line
from ..profiles import BodyColumn
from ..segment import is_terminal
from .table_rows import JOINING_WORD, TableRow, opens_recommendation

_BULLET_START = re.compile(r"^[•–\-◼▪]")
# How much of the text after a row's first line the sentence shape is tested on.
_SENTENCE_REACH = 3


@dataclass(slots=True)
class TextTable:
    rows: list[TableRow]
    # Why the rows may be misread (body cells and rows disagree); empty when they agree.
    doubts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Cell:
    lines: list[Line]
    new: bool = True  # False: it continues the cell before (a page break, interleaved text)

    @property
    def text(self) -> str:
        return " ".join(" ".join(ln.text.split()) for ln in self.lines)


@cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _norm(text: str) -> str:
    return " ".join(text.split())


def is_body_line(text: str, column: BodyColumn) -> bool:
    """Whether a line has the shape of a line of a responsible-body cell."""
    text = _norm(text)
    return (
        bool(text)
        and not is_terminal(text)
        and _compiled(column.line).fullmatch(text) is not None
        and any(c.isupper() for c in text)
    )


def _classify(lines: list[Line], title: str, column: BodyColumn) -> list[tuple[str, Line]]:
    """Each line as "header", "body" or "action". The line after the action column's header
    (the title repeated) is the first row's action text whatever its shape."""
    out: list[tuple[str, Line]] = []
    after_title = False
    for ln in lines:
        text = _norm(ln.text)
        if text.lower() == title.lower() or _compiled(column.header, re.I).fullmatch(text):
            out.append(("header", ln))
            after_title = text.lower() == title.lower()
            continue
        kind = "body" if not after_title and is_body_line(text, column) else "action"
        after_title = False
        out.append((kind, ln))
    return out


def _runs(kinds: list[tuple[str, Line]]) -> list[tuple[int, list[Line]]]:
    """Runs of consecutive body lines, each with the index of its first line."""
    runs: list[tuple[int, list[Line]]] = []
    for k, (kind, ln) in enumerate(kinds):
        if kind != "body":
            continue
        if runs and kinds[k - 1][0] in ("body", "header") and runs[-1][1][-1].page == ln.page:
            runs[-1][1].append(ln)
        else:
            runs.append((k, [ln]))
    return runs


def _cells(kinds: list[tuple[str, Line]], column: BodyColumn) -> dict[int, list[_Cell]]:
    """The body cells of each run, by the index of the run's first line. A run naming no
    organisation, or standing inside a sentence before any cell, is action text after all
    (its kind is changed in `kinds`)."""
    first_line: str | None = None
    cells: dict[int, list[_Cell]] = {}
    for start, lines in _runs(kinds):
        opening = first_line or _norm(lines[0].text)  # the table's first cell's first line
        split: list[_Cell] = []
        for ln in lines:
            if not split or _norm(ln.text) == opening:
                split.append(_Cell([ln]))
            else:
                split[-1].lines.append(ln)
        named = any(_compiled(column.names).search(c.text) for c in split)
        if (not named and not _continues_cell(cells)) or (
            not cells and _inside_sentence(kinds, start, len(lines))
        ):
            for k in range(start, start + len(lines)):
                kinds[k] = ("action", kinds[k][1])
            continue
        first_line = opening
        cells[start] = split
    if first_line is not None:
        _mark_continuations(cells, kinds, first_line)
    return cells


def _inside_sentence(kinds: list[tuple[str, Line]], start: int, length: int) -> bool:
    """Whether the lines at `start` stand inside a sentence of the action text: after an
    unfinished action line on their page, before one going on in lower case."""
    before = _action_before(kinds, start)
    after = _action_after(kinds, start + length)
    return (
        before is not None
        and after is not None
        and before.page == kinds[start][1].page
        and not is_terminal(before.text)
        and after.text.strip()[:1].islower()
    )


def _continues_cell(cells: dict[int, list[_Cell]]) -> bool:
    """Whether a run naming nothing may finish the last cell, cut off on a joining word."""
    return bool(cells) and _joins_last(list(cells.values())[-1][-1])


def _joins_last(cell: _Cell) -> bool:
    return JOINING_WORD.search(cell.text) is not None


def _action_before(kinds: list[tuple[str, Line]], k: int) -> Line | None:
    return next((ln for kind, ln in reversed(kinds[:k]) if kind == "action"), None)


def _action_after(kinds: list[tuple[str, Line]], k: int) -> Line | None:
    return next((ln for kind, ln in kinds[k:] if kind == "action"), None)


def _mark_continuations(
    cells: dict[int, list[_Cell]], kinds: list[tuple[str, Line]], first_line: str
) -> None:
    """A run's first cell continues the cell before it where the run opens its page's table
    text and that cell was cut off (it ends on a joining word, or is a shorter copy of another
    cell), or where the run stands inside a sentence of the action text."""
    texts = [c.text for run in cells.values() for c in run]
    previous: _Cell | None = None
    for start, run in cells.items():
        head = run[0]
        line = head.lines[0]
        before = _action_before(kinds, start)
        page_top = before is None or before.page != line.page
        cut = previous is not None and (
            _joins_last(previous)
            or any(t != previous.text and t.startswith(previous.text) for t in texts)
        )
        inside_sentence = _inside_sentence(kinds, start, sum(len(c.lines) for c in run))
        if (
            previous is not None
            and _norm(line.text) != first_line
            and ((page_top and cut) or inside_sentence)
        ):
            head.new = False
        previous = run[-1]


def _starts_sentence(line: Line, before: Line | None) -> bool:
    text = line.text.strip()
    return (
        bool(text)
        and (text[0].isupper() or text[0].isdigit())
        and _BULLET_START.match(text) is None
        and (before is None or is_terminal(before.text))
    )


def _row_start_shape(lines: list[Line], k: int) -> bool:
    """Whether the sentence opening at `lines[k]` reads as a new recommendation."""
    return opens_recommendation(" ".join(_norm(ln.text) for ln in lines[k : k + _SENTENCE_REACH]))


def text_table_rows(lines: list[Line], title: str, column: BodyColumn) -> TextTable | None:
    """The rows of a table region (from its list heading to the list's end). None when the
    region holds no responsible-body cell: a one-column table, left to the sentence rule."""
    tabbed = _tab_rows(lines, column)
    if tabbed is not None:
        return TextTable(tabbed)
    kinds = _classify(lines, title, column)
    cells = _cells(kinds, column)
    if not cells:
        return None
    action: list[Line] = []
    heads: dict[int, list[_Cell]] = {}  # action line index -> the new cells heading it
    pending: list[_Cell] = []
    last: _Cell | None = None
    for k, (kind, ln) in enumerate(kinds):
        for cell in cells.get(k, []):
            if cell.new or last is None:
                pending.append(cell)
                last = cell
            else:
                last.lines.extend(cell.lines)  # a cut-off cell's end: one actor
        if kind == "action":
            if pending:
                heads[len(action)] = pending
                pending = []
            action.append(ln)
    return _assemble(action, heads, pending)


def _assemble(
    action: list[Line], heads: dict[int, list[_Cell]], trailing: list[_Cell]
) -> TextTable:
    """Rows from the action lines and the cells heading each stretch of them."""
    doubts: list[str] = []
    bounds = sorted(heads)
    if not bounds or bounds[0] > 0:
        bounds.insert(0, 0)  # action text before any body cell: rows by sentence shape only
    starts: dict[int, _Cell | None] = {}
    for j, h in enumerate(bounds):
        end = bounds[j + 1] if j + 1 < len(bounds) else len(action)
        run = heads.get(h, [])
        first = h < len(action) and _starts_sentence(action[h], action[h - 1] if h else None)
        shaped = [
            i
            for i in range(h + 1, end)
            if _starts_sentence(action[i], action[i - 1]) and _row_start_shape(action, i)
        ]
        need = len(run) - int(first) if run else len(shaped)
        if need > 0 and len(shaped) > need:
            # A blank line (or a short line) above a row's start is the row's padding: where
            # exactly the rows needed have one, they are the rows.
            spaced = [i for i in shaped if action[i].gap_before]
            shaped = spaced if len(spaced) == need else shaped
        # More sentences of a recommendation's shape than the cells allow is no doubt where
        # the stretch's first line starts its only row (a row's later sentences), only where
        # some of them must be chosen.
        if run and (len(shaped) < need or (need > 0 and len(shaped) > need)):
            doubts.append(
                f"{len(run)} responsible-body cell(s) head a stretch of action text where "
                f"{len(shaped) + int(first)} row start(s) were read"
            )
        chosen = ([h] if first else []) + shaped[: max(need, 0)]
        for n, i in enumerate(chosen):
            starts[i] = run[n] if n < len(run) else None
    rows: list[TableRow] = []
    for i, ln in enumerate(action):
        if i in starts or not rows:
            cell = starts.get(i)
            rows.append(TableRow(body=list(cell.lines) if cell is not None else []))
        rows[-1].lines.append(ln)
    if trailing and not heads and len(trailing) == len(rows):
        # The body column read after the whole action column: one cell per row, in order.
        for row, cell in zip(rows, trailing, strict=True):
            row.body = list(cell.lines)
    elif trailing:
        doubts.append(
            f"{len(trailing)} responsible-body cell(s) after the table's last action text"
        )
    return TextTable(rows, doubts)


def _tab_rows(lines: list[Line], column: BodyColumn) -> list[TableRow] | None:
    """A markdown pipe table's rows (cells joined by tabs): a row whose first cell names a
    body starts an item; lines without tabs go on with the row before. None when no row of
    the region has a body cell."""
    if not any(_tab_body(ln, column) for ln in lines):
        return None
    rows: list[TableRow] = []
    for ln in lines:
        if "\t" not in ln.text:
            if rows and _norm(ln.text):
                rows[-1].lines.append(ln)
            continue
        first, rest = ln.text.split("\t", 1)
        if _tab_body(ln, column):
            body = _with_text(ln, first)
            rows.append(TableRow([_with_text(ln, rest.replace("\t", " "))], [body]))
    return rows


def _tab_body(line: Line, column: BodyColumn) -> bool:
    first = line.text.split("\t", 1)[0]
    return (
        "\t" in line.text
        and _compiled(column.names).search(first) is not None
        and is_body_line(first, column)
    )


def _with_text(line: Line, text: str) -> Line:
    return replace(line, text=text.strip())
