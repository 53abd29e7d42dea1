"""Options shared by the commands; every choice is read from the library's own declarations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, get_args

import click

from ..document import SourceFormat
from ..listing import FORMATS as LISTING_FORMATS
from ..load import ENGINES
from ..output import FORMATS, TABLES
from ..output.formats import Command, format_names

__all__ = [
    "SizeParam",
    "CONTEXT_SETTINGS",
    "engine_option",
    "excel_option",
    "format_option",
    "input_format_option",
    "limit_options",
    "listing_format_option",
    "table_option",
]

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def engine_option(func: F) -> F:
    return click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="auto",
        show_default=True,
        help="PDF text engine; auto uses pdfium and falls back to pdfplumber.",
    )(func)


def input_format_option(func: F) -> F:
    return click.option(
        "--input-format",
        "input_format",
        type=click.Choice(get_args(SourceFormat)),
        default=None,
        help="Skip content sniffing and read the input as this format.",
    )(func)


def table_option(help: str) -> Callable[[F], F]:
    help += " history: a row per report of a council, with the overall grade before it."
    return click.option("--table", type=click.Choice(TABLES), default=None, help=help)


def excel_option(func: F) -> F:
    return click.option(
        "--excel",
        is_flag=True,
        help="CSV for Excel (implies --format csv): UTF-8 with a byte-order mark, so Excel "
        "shows every character (curly apostrophes, accents) as printed.",
    )(func)


def format_option(command: Command, lead: str) -> Callable[[F], F]:
    """`--format`, offering the formats the registry gives `command`, each with its help."""
    names = format_names(command)
    described = ", ".join(f"{n} ({FORMATS[n].help})" for n in names)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(names),
        default=None,
        help=f"{lead}: {described}; the first is the default.",
    )


class SizeParam(click.ParamType[int]):
    """A size in bytes, or with a unit: 256M, 2G, 1.5GiB; 0 for no limit."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        from ..limits import parse_size

        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def limit_options(func: F) -> F:
    """`--max-bytes`, `--max-memory` and `--timeout`: the same limits, and defaults, for every
    command that converts reports."""
    from ..limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, human

    func = click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        metavar="SECONDS",
        help="Stop converting one input after this long: it fails with 'timeout' (exit 7; in "
        "a batch, an error record); 0 for no limit.",
    )(func)
    func = click.option(
        "--max-memory",
        type=SizeParam(),
        default=DEFAULT_MAX_MEMORY,
        metavar="SIZE",
        help=f"Memory one conversion may use (default {human(DEFAULT_MAX_MEMORY)}; e.g. 4G, 0 for "
        "no limit); past it the input fails with 'too_large' instead of taking the machine.",
    )(func)
    return click.option(
        "--max-bytes",
        type=SizeParam(),
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"Largest input read (default {human(DEFAULT_MAX_BYTES)}; e.g. 512M, 0 for no "
        "limit); a larger one fails with 'too_large'.",
    )(func)


def listing_format_option(func: F) -> F:
    """`--format` of `history` and `search`: a table to read, or every column as CSV or JSON."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(LISTING_FORMATS),
        default=LISTING_FORMATS[0],
        show_default=True,
        help="table (to read: colour on a terminal, plain in a pipe), csv or json (every "
        "column, for programs).",
    )(func)
