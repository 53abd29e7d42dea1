"""`inspectparse extract`: one report -> its record, on stdout or in a file (and SQLite)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

import click

from ..output.formats import choose_output_format
from .errors import handle_errors
from .options import (
    CONTEXT_SETTINGS,
    engine_option,
    excel_option,
    format_option,
    input_format_option,
    limit_options,
    table_option,
)

if TYPE_CHECKING:
    from ..document import SourceFormat
    from ..load import Engine

__all__ = ["extract"]


@click.command(context_settings=CONTEXT_SETTINGS)
# A plain string, not click.Path: a folder, a FIFO or an unreadable file is the library's to
# refuse, with its own exit code (3) and hint, not click's usage error (2).
@click.argument("source")
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Write to this file instead of stdout.",
)
@format_option("extract", "Output format")
@table_option("Write this long table as CSV instead (one row per item).")
@excel_option
@click.option(
    "--sqlite",
    "sqlite_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also add the record to this SQLite file (normalised tables).",
)
@engine_option
@input_format_option
@limit_options
def extract(
    source: str,
    pretty: bool,
    output: str,
    output_format: str | None,
    table: str | None,
    excel: bool,
    sqlite_path: str | None,
    engine: Engine,
    input_format: SourceFormat | None,
    max_bytes: int,
    max_memory: int,
    timeout: float,
) -> None:
    """Extract one report (a PDF or text file, or - for stdin) and print its record.

    \b
    Example:
        inspectparse extract report.pdf | jq '.judgements[] | {key, grade}'
        pdftotext report.pdf - | inspectparse extract -
        inspectparse extract --table recommendations report.pdf > recs.csv
        inspectparse extract --format xlsx report.pdf -o report.xlsx
    """
    if excel and output_format is None:
        output_format = "csv"  # --excel alone asks for CSV
    try:
        fmt = choose_output_format("extract", output_format, table=table, path=output)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if excel and fmt.name != "csv":
        raise click.UsageError(
            f"--excel is for CSV output (a UTF-8 byte-order mark), not {fmt.name}"
        )
    from ..api import extract as extract_record
    from ..output import Outcome, SinkOptions, write_sqlite
    from ..output.target import check_file_target, check_sqlite_target

    writing = sqlite_path if sqlite_path and output == "-" else output
    with handle_errors(output=writing, source=source):
        # Outputs are checked before the input is read: nothing is printed for a run that
        # cannot finish.
        if output != "-":
            check_file_target(output)
        if sqlite_path:
            check_sqlite_target(sqlite_path)
        record = extract_record(
            sys.stdin.buffer if source == "-" else source,
            path="-" if source == "-" else None,
            engine=engine,
            input_format=input_format,
            max_bytes=max_bytes or None,
            max_memory=max_memory or None,
            timeout=timeout or None,
        )
        with _open_output(output) as stream:
            options = SinkOptions(force=True, pretty=pretty, table=table, excel=excel)
            sink = fmt.sink.to_stream(stream, options)
            sink.write(Outcome.from_record(record))
            sink.close()
        if sqlite_path:
            write_sqlite([record], sqlite_path)


@contextlib.contextmanager
def _open_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        yield stream
