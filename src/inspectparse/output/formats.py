"""The output formats: one registry line each.

`--format` choices (of `extract` and `batch`), the options' validation and the opening of a
format's sink all read `FORMATS`. A new format is one module with a sink (a class with
`to_path` and `to_stream`, see `sink.SinkFactory`) and one line here.

An entry names its sink as "module:Class" (".module" inside `inspectparse.output`), imported
when the format is used: the command line reads this registry for `--help`, which must not pay for
every output's libraries (a test checks that each entry resolves to a sink).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

if TYPE_CHECKING:
    from .sink import SinkFactory

__all__ = [
    "FORMATS",
    "SQLITE_EXTENSIONS",
    "Command",
    "OutputFormat",
    "choose_format",
    "choose_output_format",
    "format_names",
    "named_format",
]

# An output file named so is an SQLite database (`batch -o reports.db` means `--sqlite`).
SQLITE_EXTENSIONS = (".db", ".sqlite", ".sqlite3")

Command = Literal["extract", "batch"]


class OutputFormat(NamedTuple):
    name: str
    factory: str  # "module:Class"; a ".module" is one of inspectparse.output
    help: str
    commands: tuple[Command, ...] = ("extract", "batch")  # whose `--format` offers it
    tables: bool = False  # can write a long table (`--table`)
    extensions: tuple[str, ...] = ()  # an output file named so is in this format

    @property
    def sink(self) -> SinkFactory:
        module, _, name = self.factory.partition(":")
        return cast("SinkFactory", getattr(importlib.import_module(module, __package__), name))


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat(
            "json", ".jsonl:JsonSink", "the full record", ("extract",), extensions=(".json",)
        ),
        OutputFormat(
            "jsonl",
            ".jsonl:JsonlSink",
            "one record per line",
            ("batch",),
            extensions=(".jsonl", ".ndjson"),
        ),
        OutputFormat(
            "csv",
            ".csvfile:CsvSink",
            "one row per report, a column per judgement",
            tables=True,
            extensions=(".csv",),
        ),
        OutputFormat(
            "xlsx",
            ".xlsx:XlsxSink",
            "an Excel workbook: reports and item sheets",
            extensions=(".xlsx",),
        ),
    )
}


def format_names(command: Command) -> tuple[str, ...]:
    """The formats `command --format` offers, in registry order."""
    return tuple(f.name for f in FORMATS.values() if command in f.commands)


def choose_format(command: Command, name: str | None, *, table: str | None = None) -> OutputFormat:
    """The format `command` writes for `--format name` (None: its default) and `--table`.

    The default is the command's first format, or with a table the first that writes tables.
    ValueError for a format the command does not offer, or one that cannot write the table.
    """
    offered = format_names(command)
    if name is not None and name not in offered:
        choices = f"{', '.join(offered[:-1])} or {offered[-1]}" if len(offered) > 1 else offered[0]
        raise ValueError(f"format must be {choices}, not {name!r}")
    if table is not None:
        tabular = [n for n in offered if FORMATS[n].tables]
        if name is not None and name not in tabular:
            writes = " or ".join(n.upper() for n in tabular)
            raise ValueError(f"--table writes {writes}; it cannot be combined with --format {name}")
        name = name or tabular[0]
    return FORMATS[name or offered[0]]


def named_format(path: str | None) -> str | None:
    """The format a file name says ("csv" for x.csv, "sqlite" for x.db), or None."""
    if not path or path == "-":
        return None
    suffix = "." + path.rpartition(".")[2].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if suffix in SQLITE_EXTENSIONS:
        return "sqlite"
    return next((f.name for f in FORMATS.values() if suffix in f.extensions), None)


def choose_output_format(
    command: Command, name: str | None, *, table: str | None = None, path: str | None = None
) -> OutputFormat:
    """`choose_format`, with the output's file name taken into account.

    Without `--format`, a name ending .csv, .xlsx (or .jsonl for batch, .json for extract) picks
    that format; a `--format` (or `--table`) the name contradicts is refused (ValueError), so
    one file never mixes two formats. Other names keep the command's default.
    """
    named = named_format(path)
    offered = format_names(command)
    if named is not None and named not in offered:
        named = None if named in ("json", "jsonl") else named  # .json for batch: JSON Lines
    if named == "sqlite":
        raise ValueError(
            f"{path} is named as an SQLite database; use --sqlite {path} for SQLite, "
            "or another name"
        )
    if named is not None:
        chosen = choose_format(command, name, table=table)
        if (name is not None or table is not None) and chosen.name != named:
            raise ValueError(
                f"{path} is named as {named.upper()} but the output format is {chosen.name}; "
                f"rename the file or drop --format"
            )
        return choose_format(command, named, table=table)
    return choose_format(command, name, table=table)
