"""Command line: maps flags to options, calls the library, hands the result to a writer.

stdout carries data only; every message goes to stderr. Exit codes: `inspectparse.errors.ExitCode`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from . import __version__
from .errors import ExitCode, InspectparseError, OutputNotWritableError

ENGINE_CHOICE = click.Choice(["auto", "pdfium", "pdfplumber"])
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def fail(error: InspectparseError) -> None:
    click.echo(f"inspectparse: error: {error.message}", err=True)
    sys.exit(int(error.exit_code))


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="inspectparse")
def main() -> None:
    """Extract judgements, recommendations and numbered paragraphs from UK inspection
    reports (Ofsted PDFs or their text) as validated JSON.

    \b
    Exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable input, 4 encrypted PDF,
    5 output not writable, 6 batch partly failed, 7 timeout, 8 no text layer,
    9 batch all failed, 130 interrupted.
    """


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Write to this file instead of stdout.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: the full record; csv: one row of metadata and one column per judgement.",
)
@click.option(
    "--table",
    type=click.Choice(["judgements", "recommendations", "paragraphs"]),
    default=None,
    help="Write this long table as CSV instead (one row per item).",
)
@click.option(
    "--sqlite",
    "sqlite_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also add the record to this SQLite file (normalised tables).",
)
@click.option(
    "--engine",
    type=ENGINE_CHOICE,
    default="auto",
    show_default=True,
    help="PDF text engine; auto uses pdfium and falls back to pdfplumber.",
)
@click.option(
    "--input-format",
    "input_format",
    type=click.Choice(["pdf", "text"]),
    default=None,
    help="Skip content sniffing and read the input as this format.",
)
def extract(
    source: str,
    pretty: bool,
    output: str,
    output_format: str,
    table: str | None,
    sqlite_path: str | None,
    engine: str,
    input_format: str | None,
) -> None:
    """Extract one report (a PDF or text file, or - for stdin) and print its record.

    \b
    Example:
        inspectparse extract report.pdf | jq '.judgements[] | {key, grade}'
        pdftotext report.pdf - | inspectparse extract -
        inspectparse extract --table recommendations report.pdf > recs.csv
    """
    from .api import extract as extract_record
    from .writers import write_json, write_report_csv, write_sqlite, write_table_csv

    options: dict[str, Any] = {"engine": engine, "format": input_format}
    try:
        if source == "-":
            record = extract_record(sys.stdin.buffer, path="-", **options)
        else:
            record = extract_record(source, **options)
    except InspectparseError as exc:
        fail(exc)
        return
    try:
        with _open_output(output) as stream:
            if table:
                write_table_csv([record], table, stream)
            elif output_format == "csv":
                write_report_csv([record], stream)
            else:
                write_json(record, stream, pretty=pretty)
        if sqlite_path:
            write_sqlite([record], sqlite_path)
    except BrokenPipeError:
        # The reader went away (`| head`): not an error worth a traceback.
        _silence_stdout()
        sys.exit(int(ExitCode.ERROR))
    except OSError as exc:
        target = sqlite_path if sqlite_path and output == "-" else output
        fail(OutputNotWritableError(f"{target}: cannot write ({exc.strerror}); check the path"))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush cannot raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def _open_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        yield stream


@main.command()
def schema() -> None:
    """Print the JSON Schema of the record that `extract` prints."""
    from .record import Record

    click.echo(json.dumps(Record.model_json_schema(), indent=2))


def _register() -> None:
    from .cli_batch import batch

    main.add_command(batch)


_register()
