"""`inspectparse show`: a report, a saved record or batch lines, as a person reads them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import handle_errors
from .options import CONTEXT_SETTINGS, engine_option, input_format_option, limit_options

if TYPE_CHECKING:
    from ..document import SourceFormat
    from ..load import Engine

__all__ = ["show"]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("source", metavar="FILE|RECORD.json|-", type=click.Path(allow_dash=True))
@click.option("--paragraphs", is_flag=True, help="Also list the numbered paragraphs, in full.")
@click.option(
    "--width",
    type=click.IntRange(min=40),
    default=None,
    help="Lay out for this many columns. Default: the terminal's width (80 in a pipe, or "
    "$COLUMNS).",
)
@engine_option
@input_format_option
@limit_options
def show(
    source: str,
    paragraphs: bool,
    width: int | None,
    engine: Engine,
    input_format: SourceFormat | None,
    max_bytes: int,
    max_memory: int,
    timeout: float,
) -> None:
    """Show a report as a person reads it: who, when, the grades, what must improve by when
    and who must act, and what to check by hand.

    FILE is a report (PDF or text), a record saved by `extract`, or JSON Lines from `batch`
    (every line is shown); - reads stdin. Colour on a terminal; plain text in a pipe or
    when NO_COLOR is set.

    \b
    Example:
        inspectparse show report.pdf
        inspectparse show --paragraphs report.pdf | less
        grep -h Northwick reports.jsonl | inspectparse show -
    """
    from ..errors import InputNotFoundError, InputUnreadableError
    from ..limits import read_capped
    from ..show import print_outcomes, read_outcomes

    with handle_errors(source=source):
        if source == "-":
            data = read_capped(sys.stdin.buffer, max_bytes or None, what="stdin: ")
        else:
            path = Path(source)
            if not path.exists():
                raise InputNotFoundError(f"{source}: no such file; check the path", path=source)
            if path.is_dir():
                raise InputUnreadableError(
                    f"{source}: a folder; show takes one file (inspectparse batch converts "
                    "folders)",
                    path=source,
                )
            with path.open("rb") as stream:
                data = read_capped(stream, max_bytes or None, what=f"{source}: ")
        outcomes = read_outcomes(
            data,
            path=source,
            engine=engine,
            input_format=input_format,
            max_memory=max_memory or None,
            timeout=timeout or None,
        )
        print_outcomes(outcomes, sys.stdout, width=width, paragraphs=paragraphs)
