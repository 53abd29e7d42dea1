"""Rows printed for a person or a program: `history` and `search` answers.

`--format table` is a table for reading: in colour on a terminal (grades coloured, matched words
highlighted), plain text in a pipe or when NO_COLOR is set (no escape codes, no trailing
spaces). `csv` and `json` carry every column, for programs: CSV with a header line, JSON an
array of objects, one per line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from typing import IO, Any, Literal, NamedTuple

__all__ = ["FORMATS", "Field", "ListingFormat", "print_rows"]

ListingFormat = Literal["table", "csv", "json"]
FORMATS: tuple[ListingFormat, ...] = ("table", "csv", "json")


class Field(NamedTuple):
    """A column of the reading table: the row's key and its header."""

    key: str
    header: str
    style: Literal["", "grade", "snippet", "dim"] = ""


def print_rows(
    rows: Sequence[Mapping[str, Any]],
    file: IO[str],
    fmt: ListingFormat,
    *,
    fields: Sequence[Field] = (),
    columns: Sequence[str] = (),
    color: bool | None = None,
    mark: str = "**",
) -> None:
    """Print `rows`: as a table of `fields`, or every one of `columns` as CSV or JSON."""
    if fmt == "csv":
        writer = csv.DictWriter(
            file, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(
            {k: "" if row.get(k) is None else row.get(k) for k in columns} for row in rows
        )
    elif fmt == "json":
        lines = [json.dumps({k: row.get(k) for k in columns}, ensure_ascii=False) for row in rows]
        file.write("[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n"))
    else:
        _print_table(rows, file, fields, color=color, mark=mark)
    file.flush()


def _cell(value: Any, style: str, color: bool, mark: str) -> Any:
    from rich.text import Text

    from .show import GRADE_STYLES

    text = "" if value is None else str(value)
    if style == "grade" and color:
        return Text(text.replace("_", " "), style=GRADE_STYLES.get(text, ""))
    if style == "grade":
        return text.replace("_", " ")
    if style == "snippet" and color:
        out = Text()
        for i, part in enumerate(text.split(mark)):
            out.append(part, style="bold yellow" if i % 2 else "")
        return out
    if style == "dim" and color:
        return Text(text, style="dim")
    return text


def _print_table(
    rows: Sequence[Mapping[str, Any]],
    file: IO[str],
    fields: Sequence[Field],
    *,
    color: bool | None,
    mark: str,
) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    terminal = file.isatty()
    if color is None:
        color = terminal and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size().columns if terminal else _columns()
    table = Table(box=box.SIMPLE_HEAD if color else None, show_edge=False, pad_edge=False)
    for field in fields:
        table.add_column(
            field.header,
            no_wrap=field.style not in ("snippet",),
            overflow="fold",
            header_style="bold" if color else "",
        )
    for row in rows:
        table.add_row(*(_cell(row.get(f.key), f.style, color, mark) for f in fields))
    target: IO[str] = file if color else io.StringIO()
    console = Console(
        file=target,
        width=width,
        color_system="auto" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table)
    if not color:  # plain: each line without its padding
        assert isinstance(target, io.StringIO)
        file.write("".join(line.rstrip() + "\n" for line in target.getvalue().splitlines()))


def _columns() -> int:
    try:
        return max(int(os.environ.get("COLUMNS", "")), 40)
    except ValueError:
        return 120
