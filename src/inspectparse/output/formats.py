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

__all__ = ["FORMATS", "Command", "OutputFormat", "choose_format", "format_names"]

Command = Literal["extract", "batch"]


class OutputFormat(NamedTuple):
    name: str
    factory: str  # "module:Class"; a ".module" is one of inspectparse.output
    help: str
    commands: tuple[Command, ...] = ("extract", "batch")  # whose `--format` offers it
    tables: bool = False  # can write a long table (`--table`)

    @property
    def sink(self) -> SinkFactory:
        module, _, name = self.factory.partition(":")
        return cast("SinkFactory", getattr(importlib.import_module(module, __package__), name))


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("json", ".jsonl:JsonSink", "the full record", commands=("extract",)),
        OutputFormat("jsonl", ".jsonl:JsonlSink", "one record per line", commands=("batch",)),
        OutputFormat(
            "csv", ".csvfile:CsvSink", "one row per report, a column per judgement", tables=True
        ),
        OutputFormat("xlsx", ".xlsx:XlsxSink", "an Excel workbook: reports and item sheets"),
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
