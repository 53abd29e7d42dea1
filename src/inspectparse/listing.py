"""Rows printed for a person or a program: `history` and `search` answers.

`--format table` is a table for reading: in colour on a terminal (grades coloured, matched words
highlighted), plain text in a pipe or when NO_COLOR is set (no escape codes, no trailing
spaces). `csv` and `json` carry every column, for programs: CSV with a header line, JSON an
array of objects, one per line.
"""

from __future__ import annotations

import csv
import json
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
    from rich.table import Table

    from .text_output import TextOutput

    out = TextOutput(file, color=color, width=None, default_width=120)
    table = Table(box=box.SIMPLE_HEAD if out.color else None, show_edge=False, pad_edge=False)
    for field in fields:
        table.add_column(
            field.header,
            no_wrap=field.style not in ("snippet",),
            overflow="fold",
            header_style="bold" if out.color else "",
        )
    for row in rows:
        table.add_row(*(_cell(row.get(f.key), f.style, out.color, mark) for f in fields))
    out.console.print(table)
    out.flush()
