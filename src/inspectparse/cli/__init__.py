"""Command line: maps flags to options, calls the library, hands the result to a writer.

stdout carries data only; every message goes to stderr. Exit codes: `inspectparse.ExitCode`,
listed in `main`'s help from the enum itself. Commands: `extract` (cli/extract.py), `show`
(cli/show.py), `batch` (cli/batch.py), `history` (cli/history.py), `search` (cli/search.py) and
`schema` (here).
"""

from __future__ import annotations

import json
import textwrap

import click

from .._compiled import build_description
from .._version import __version__
from ..errors import ExitCode
from .batch import batch
from .extract import extract
from .history import history
from .options import CONTEXT_SETTINGS
from .search import search
from .show import show

__all__ = ["main"]


def _print_version(ctx: click.Context) -> None:
    # The build is looked up on disk only when asked, not at every start-up.
    click.echo(f"inspectparse {__version__} ({build_description()})")
    ctx.exit()


_EXIT_CODES = textwrap.fill(
    "Exit codes: " + ", ".join(f"{int(c)} {c.summary}" for c in ExitCode) + ".",
    width=88,
    subsequent_indent="    ",
)


@click.group(
    context_settings=CONTEXT_SETTINGS,
    help=f"""Extract judgements, recommendations and numbered paragraphs from UK inspection
    reports (Ofsted PDFs or their text) as validated JSON.

    \b
    {_EXIT_CODES}
    """,
)
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=lambda ctx, _param, value: _print_version(ctx) if value else None,
    help="Show the version and the build (compiled or pure Python), and exit.",
)
def main() -> None:
    pass


@main.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--batch-line",
    is_flag=True,
    help="The schema of one line of `batch` JSON Lines instead: a record, or {source, error}.",
)
def schema(batch_line: bool) -> None:
    """Print the JSON Schema of the record that `extract` prints (and `batch` writes per line)."""
    from ..record import Record, batch_line_schema

    document = batch_line_schema() if batch_line else Record.model_json_schema()
    click.echo(json.dumps(document, indent=2))


main.add_command(extract)
main.add_command(show)
main.add_command(batch)
main.add_command(history)
main.add_command(search)
