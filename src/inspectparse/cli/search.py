"""`inspectparse search`: paragraphs and recommendations of an SQLite output, best match first."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

import click

from ..search import WHERE
from ..urgency import URGENCIES
from .errors import handle_errors
from .options import CONTEXT_SETTINGS, listing_format_option

if TYPE_CHECKING:
    from ..listing import ListingFormat
    from ..search import Where
    from ..urgency import Urgency

__all__ = ["search"]


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("database", metavar="REPORTS.db", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option(
    "--kind", metavar="KIND", default=None, help="Only reports of this kind (e.g. ilacs)."
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Only reports inspected on or after this day.",
)
@click.option(
    "--in",
    "within",
    type=click.Choice(WHERE),
    default=None,
    help="Search only paragraphs or only recommendations. Default: both.",
)
@click.option(
    "--urgency",
    type=click.Choice(URGENCIES),
    default=None,
    help="Only recommendations with this urgency (immediate: 'Priority and immediate action' "
    "and 'Immediately' timescales).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    metavar="N",
    help="At most this many hits; 0 for all.",
)
@listing_format_option
def search(
    database: str,
    query: str,
    kind: str | None,
    since: dt.datetime | None,
    within: Where | None,
    urgency: Urgency | None,
    limit: int,
    output_format: ListingFormat,
) -> None:
    """Search the text of the reports in an SQLite output (from 'inspectparse batch --sqlite').

    QUERY is words (all must occur; "exploited" also finds "exploitation"), "a phrase" in
    double quotes, OR / NOT / NEAR(a b), or a prefix*. Each hit gives the council, the
    report's date and kind, the paragraph number and page, and a snippet with the matched
    words marked (**so** in plain text), best match first; csv and json also give the whole
    text, a recommendation's urgency and the report's path.

    \b
    Example:
        inspectparse search reports.db '"child exploitation"' --since 2020-01-01
        inspectparse search reports.db exploitation --urgency immediate
        inspectparse search reports.db 'missing NEAR(children home)' --format csv > hits.csv
    """
    from ..listing import Field, print_rows
    from ..output.sqlindex import open_database
    from ..profiles import profiles
    from ..search import HIT_COLUMNS
    from ..search import search as run_search

    kinds = [p.kind for p in profiles()]
    if kind is not None and kind not in kinds:
        raise click.BadParameter(f"{kind!r} is not one of {', '.join(kinds)}", param_hint="--kind")
    if urgency is not None and within == "paragraphs":
        raise click.UsageError("--urgency is a recommendation's; it cannot narrow --in paragraphs")
    with handle_errors(output=database):
        conn = open_database(database)
        try:
            hits = run_search(
                conn,
                query,
                kind=kind,
                since=since.date() if since else None,
                within=(within,) if within else WHERE,
                limit=limit,
                urgency=urgency,
            )
        finally:
            conn.close()
        fields = (
            Field("authority", "Council"),
            Field("date", "Date"),
            Field("kind", "Kind"),
            Field("paragraph", "Para", "dim"),
            Field("page", "Page", "dim"),
            Field("snippet", "Found", "snippet"),
        )
        print_rows(
            [h.as_dict() for h in hits],
            sys.stdout,
            output_format,
            fields=fields,
            columns=HIT_COLUMNS,
        )
    if not hits:
        click.echo(f"inspectparse: nothing found for {query!r}", err=True)
