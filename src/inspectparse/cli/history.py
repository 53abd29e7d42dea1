"""`inspectparse history`: a council's overall grade across its inspections, as a table."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .errors import handle_errors
from .options import CONTEXT_SETTINGS, listing_format_option

if TYPE_CHECKING:
    from ..listing import ListingFormat

__all__ = ["history"]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("source", metavar="REPORTS.db|REPORTS.jsonl", type=click.Path(dir_okay=False))
@click.option(
    "--authority",
    metavar="NAME|CODE",
    default=None,
    help="Only this council: its DfE code, GSS code or Ofsted URN, or words of its name.",
)
@listing_format_option
def history(source: str, authority: str | None, output_format: ListingFormat) -> None:
    """Show each council's overall grade across its inspections: date, kind, grade, the grade
    before it, whether it improved, declined or stayed the same, and since when it has stood.

    SOURCE is the SQLite file of 'inspectparse batch --sqlite' or the JSON Lines of
    'inspectparse batch -o'. Overall effectiveness is followed across frameworks (2012 child
    protection, SIF, ILACS). A table in colour on a terminal, plain in a pipe or when NO_COLOR
    is set; --format csv or json gives every column.

    \b
    Example:
        inspectparse history reports.db --authority 302
        inspectparse history reports.jsonl --format csv > history.csv
    """
    from ..history import read_history
    from ..listing import Field, print_rows
    from ..output.rows import HISTORY_COLUMNS

    with handle_errors(output=source):
        rows, unmatched = read_history(source, authority=authority)
        fields = (
            Field("authority_name", "Council"),
            Field("dfe_code", "DfE", "dim"),
            Field("date", "Date"),
            Field("report_kind", "Kind"),
            Field("overall_grade", "Overall", "grade"),
            Field("previous_grade", "Before", "grade"),
            Field("change", "Change"),
            Field("grade_since", "Since"),
        )
        print_rows(rows, sys.stdout, output_format, fields=fields, columns=HISTORY_COLUMNS)
    if unmatched:
        click.echo(
            f"inspectparse: {unmatched} report(s) left out: no council was matched to them "
            "(see the review warning on report.authority)",
            err=True,
        )
    if authority is not None and not rows:
        click.echo(f"inspectparse: no council matches {authority!r}", err=True)
