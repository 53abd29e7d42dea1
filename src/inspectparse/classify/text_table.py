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
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from ..document import Line
from ..profiles import BodyColumn
from ..segment import is_terminal
from .table_rows import JOINING_WORD, TableRow, opens_recommendation

_BULLET_START = re.compile(r"^[•–\-◼▪]")
# How much of the text after a row's first line the sentence shape is tested on.
_SENTENCE_REACH = 3
# A body line is at most this share of the action lines' median length (the body column is
# about half as wide: 0.48-0.54 in every table seen), judged over at least this many lines.
_BODY_WIDTH_SHARE = 0.7
_MIN_ACTION_LINES = 6


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
    (the title repeated) is the first row's action text whatever its shape, unless the body
    column's header stands right above that header (the header row read before the first
    cell, down or across) or the line is a body line that comes again in the region (the
    body is repeated on every row, action text is not)."""
    out: list[tuple[str, Line]] = []
    after_title = False
    seen = Counter(_norm(ln.text) for ln in lines)
    body_header = _compiled(column.header, re.I)
    for ln in lines:
        text = _norm(ln.text)
        if _header_row(text, title, column):
            # Both headers on one line (the table's header row read across): the body cells
            # follow it, as after the body header alone.
            out.append(("header", ln))
            after_title = False
            continue
        if text.lower() == title.lower() or body_header.fullmatch(text):
            below_body_header = (
                bool(out)
                and out[-1][0] == "header"
                and body_header.fullmatch(_norm(out[-1][1].text)) is not None
            )
            out.append(("header", ln))
            after_title = text.lower() == title.lower() and not below_body_header
            continue
        body = is_body_line(text, column) and (not after_title or seen[text] > 1)
        kind = "body" if body else "action"
        after_title = False
        out.append((kind, ln))
    return out


def _header_row(text: str, title: str, column: BodyColumn) -> bool:
    """Whether a line is the table's header row read across: the body column's header and
    the action column's (the list's title), in either order."""
    heads = (column.header, re.escape(title))
    return any(
        _compiled(rf"(?i)(?:{first})\s+(?:{second})").fullmatch(text) is not None
        for first, second in (heads, heads[::-1])
    )


def _wide_lines_as_action(kinds: list[tuple[str, Line]]) -> list[tuple[str, Line]]:
    """A body line is no wider than the body column, about half the action column (its
    lines reach half the action lines' usual length in every table seen): a line of names
    reaching well past that is action text set in the name shape ("Leaders, NHS Fenland
    and Northwick" opening a row's sentence). Only where enough action lines show their
    usual length."""
    lengths = sorted(len(_norm(ln.text)) for kind, ln in kinds if kind == "action")
    if len(lengths) < _MIN_ACTION_LINES:
        return kinds
    limit = _BODY_WIDTH_SHARE * lengths[len(lengths) // 2]
    return [
        ("action", ln) if kind == "body" and len(_norm(ln.text)) > limit else (kind, ln)
        for kind, ln in kinds
    ]


def _split_interleaved(kinds: list[tuple[str, Line]], column: BodyColumn) -> list[tuple[str, Line]]:
    """Where a converter interleaves a body cell with its row's text line by line, one line
    can hold both: a body line's words, then the action text going on ("Cumbria ICB and
    Fenshire to work together ..."). Such an action line, with body lines close above and
    below it (a cell read across it) and after an unfinished sentence, is split into its
    body words and its action text."""
    out = list(kinds)
    for k in range(len(kinds) - 1, -1, -1):
        kind, line = kinds[k]
        near_above = any(kd == "body" for kd, _ in kinds[max(0, k - 2) : k])
        near_below = any(kd == "body" for kd, _ in kinds[k + 1 : k + 3])
        before = _action_before(kinds, k)
        if kind != "action" or not (near_above and near_below):
            continue
        if before is None or is_terminal(before.text):
            continue
        split = _body_prefix(line.text, column)
        if split is not None:
            body, rest = split
            out[k : k + 1] = [("body", _with_text(line, body)), ("action", _with_text(line, rest))]
    return out


def _body_prefix(text: str, column: BodyColumn) -> tuple[str, str] | None:
    """(body words, action text) of a line that opens with two or more words of a body line
    naming an organisation and goes on in lower case; None for any other line."""
    words = text.split()
    for n in range(len(words) - 1, 1, -1):  # the longest body prefix first
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        if (
            rest[:1].islower()
            and is_body_line(head, column)
            and _compiled(column.names).search(head)
            and not JOINING_WORD.search(head)
        ):
            return head, rest
    return None


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
        # Where the first line comes again the body repeats row by row: cells by repetition.
        repeats = sum(_norm(ln.text) == opening for ln in lines) > 1
        for ln in lines:
            ended = not repeats and _name_ended(split[-1], ln, column) if split else False
            if not split or _norm(ln.text) == opening or ended:
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


def _name_ended(cell: _Cell, line: Line, column: BodyColumn) -> bool:
    """Whether a body line starts a new cell because the cell above ends a body's name and
    the line opens another with a capital: rows naming different bodies ("Northwick
    Council" / "NHS Fenland ICB") that reading order gives as one run of names. A cell that
    really holds two names without a joining word then gives one cell too many: a doubt."""
    if column.name_end is None or not line.text.strip()[:1].isupper():
        return False
    return _compiled(column.name_end).search(_norm(cell.lines[-1].text)) is not None


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
    # By index: a slice of the lines before k, at each of a long table's runs, was quadratic.
    return next((kinds[j][1] for j in range(k - 1, -1, -1) if kinds[j][0] == "action"), None)


def _action_after(kinds: list[tuple[str, Line]], k: int) -> Line | None:
    # By index, as `_action_before`: a slice of the lines after k copied them at each run.
    return next((kinds[j][1] for j in range(k, len(kinds)) if kinds[j][0] == "action"), None)


def _mark_continuations(
    cells: dict[int, list[_Cell]], kinds: list[tuple[str, Line]], first_line: str
) -> None:
    """A run's first cell continues the cell before it where the run opens its page's table
    text and that cell was cut off (it ends on a joining word, or is a shorter copy of another
    cell), or where the run stands inside a sentence of the action text."""
    # Sorted, the texts that start with a text and are longer come straight after its copies.
    texts = sorted(c.text for run in cells.values() for c in run)
    previous: _Cell | None = None
    for start, run in cells.items():
        head = run[0]
        line = head.lines[0]
        before = _action_before(kinds, start)
        page_top = before is None or before.page != line.page
        cut = previous is not None and (_joins_last(previous) or _has_longer(texts, previous.text))
        inside_sentence = _inside_sentence(kinds, start, sum(len(c.lines) for c in run))
        if (
            previous is not None
            and _norm(line.text) != first_line
            and ((page_top and cut) or inside_sentence)
        ):
            head.new = False
        previous = run[-1]


def _has_longer(texts: list[str], text: str) -> bool:
    """Whether a text of sorted `texts` is `text` and more (one search, not a scan per cell)."""
    k = bisect_right(texts, text)
    return k < len(texts) and texts[k].startswith(text)


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
    kinds = _split_interleaved(_wide_lines_as_action(_classify(lines, title, column)), column)
    cells = _cells(kinds, column)
    if not cells:
        return _cells_unread(kinds, title, column)
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


def _cells_unread(
    kinds: list[tuple[str, Line]], title: str, column: BodyColumn
) -> TextTable | None:
    """A table whose body column's header is read but none of its cells (a converter that
    ran each row's cells into one line: "Northwick Borough Leaders across the ..."): rows by
    the recommendation's shape, with a doubt, for the cells' words may be in the text and the
    rows misread. None for a table with no body column (one column, the sentence rule's)."""
    header = _compiled(rf"(?i)(?:{column.header})")
    if not any(
        kind == "header"
        and (header.fullmatch(_norm(ln.text)) or _header_row(_norm(ln.text), title, column))
        for kind, ln in kinds
    ):
        return None
    table = _assemble([ln for kind, ln in kinds if kind != "header"], {}, [])
    table.doubts.append(
        "the responsible-body column's header is read but none of its cells could be told "
        "apart from the action text"
    )
    return table


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
