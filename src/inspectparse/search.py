"""Full-text search of an SQLite output: paragraphs and recommendations, best match first.

The indexes are the FTS5 tables of `output/sqlindex.py`; a query is FTS5's own syntax (words,
"a phrase", AND / OR / NOT, NEAR(a b), prefix*). Each hit names its report (council, date,
kind, path), where in it (paragraph number, page) and a snippet with the matched words
between `**`. Hits are ranked by bm25 over both indexes together.

`output.sqlindex.open_database` opens the database (adding the indexes to one written by an
earlier version).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal

from .errors import InputUnreadableError, SearchQueryError
from .urgency import URGENCIES, Urgency

if TYPE_CHECKING:  # sqlite3 is imported when a search runs: `--help` reads WHERE only
    import sqlite3

__all__ = ["HIT_COLUMNS", "MARK", "WHERE", "Hit", "Where", "search"]

Where = Literal["paragraphs", "recommendations"]
WHERE: tuple[Where, ...] = ("paragraphs", "recommendations")
MARK = "**"  # around each matched word in a snippet
_SNIPPET_WORDS = 24
# How SQLite words an FTS5 query it cannot read (any other error is not the query's).
_QUERY_ERRORS = ("fts5:", "no such column", "unterminated string", "unknown special query")


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching paragraph or recommendation."""

    authority: str | None  # the official name, or the provider as printed when unmatched
    dfe_code: str | None
    date: str | None  # the inspection's first day (a letter's date when it prints none)
    kind: str | None  # the report's kind
    found_in: str  # paragraph or recommendation
    paragraph: int | None  # the paragraph's number (a recommendation's, when it has one)
    page: int | None
    snippet: str
    urgency: str | None  # a recommendation's (immediate, within_3_months, ...)
    text: str  # the whole paragraph or recommendation
    path: str | None
    score: float  # bm25: lower is better

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# Every column of a hit, in order (`--format csv` and `json`).
HIT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Hit))


def _select(where: Where, *, full: bool, filtered: bool = True) -> str:
    """A hit's row (`full`: every `Hit` column, then the index row's id) or its rank only
    (where, id, score): snippets are made for the best only. Not `filtered` (no --kind,
    --since nor --urgency): the rank is read from the index alone."""
    fts, keys = f"{where}_fts", f"{where}_fts_keys"
    paragraph = "t.number" if where == "paragraphs" else "t.paragraph"
    date = "coalesce(t.inspection_start, t.letter_date, r.published)"
    if full:
        urgency = "NULL" if where == "paragraphs" else "t.urgency"
        columns = (
            f"coalesce(t.authority_name, t.provider) AS authority, t.dfe_code, {date} AS date, "
            f"t.report_kind AS kind, '{where.removesuffix('s')}' AS found_in, "
            f"{paragraph} AS paragraph, t.page, "
            f"snippet({fts}, -1, '{MARK}', '{MARK}', '…', {_SNIPPET_WORDS}) AS snippet, "
            f"{urgency} AS urgency, t.text, t.path, bm25({fts}) AS score, {fts}.rowid AS id"
        )
    else:
        columns = f"'{where}' AS found_in, {fts}.rowid AS id, bm25({fts}) AS score"
        if not filtered:  # the index alone: no join for each of a common word's matches
            return f"SELECT {columns} FROM {fts} WHERE {fts} MATCH :query"
    return (
        f"SELECT {columns} "
        f"FROM {fts} JOIN {keys} k ON k.id = {fts}.rowid "
        f"JOIN {where} t ON t.sha256 = k.sha256 AND t.member = k.member AND t.idx = k.idx "
        f"JOIN reports r ON r.sha256 = t.sha256 AND r.member = t.member "
        f"WHERE {fts} MATCH :query "
        "AND (:kind IS NULL OR t.report_kind = :kind) "
        f"AND (:since IS NULL OR {date} >= :since)"
        + (" AND (:urgency IS NULL OR t.urgency = :urgency)" if where == "recommendations" else "")
    )


# Best first; ties (equal scores) in a fixed order: paragraphs first, then as indexed.
_ORDER = "ORDER BY score, found_in, id"


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    kind: str | None = None,
    since: dt.date | str | None = None,
    within: Iterable[Where] = WHERE,
    limit: int | None = 20,
    urgency: Urgency | None = None,
) -> list[Hit]:
    """Hits for an FTS5 `query`, best first, at most `limit` (None or 0: all); `kind` and
    `since` (a date) narrow them to reports of that kind, inspected on or after that day;
    `urgency` to recommendations of that urgency (paragraphs have none: they are left out).
    `SearchQueryError` for a query FTS5 cannot read; ValueError for an unknown urgency."""
    if urgency is not None and urgency not in URGENCIES:
        raise ValueError(f"urgency must be one of {', '.join(URGENCIES)}, not {urgency!r}")
    chosen = [w for w in WHERE if w in set(within) and (urgency is None or w != "paragraphs")]
    if not query.strip():
        raise SearchQueryError('the search query is empty; give words or "a phrase"')
    params = {
        "query": query,
        "kind": kind,
        "since": since.isoformat() if isinstance(since, dt.date) else since,
        "urgency": urgency,
    }
    if not limit:
        union = " UNION ALL ".join(_select(w, full=True) for w in chosen)
        return [Hit(*row[:-1]) for row in _run(conn, f"SELECT * FROM ({union}) {_ORDER}", params)]
    # Ranked first, then the snippets of the best `limit` only (a snippet costs more than the
    # match: this keeps a common word on a large archive well under a second).
    filtered = kind is not None or since is not None or urgency is not None
    union = " UNION ALL ".join(_select(w, full=False, filtered=filtered) for w in chosen)
    ranked = _run(conn, f"SELECT * FROM ({union}) {_ORDER} LIMIT {int(limit)}", params)
    rows: dict[tuple[str, int], tuple[Any, ...]] = {}
    for where in chosen:
        ids = [str(int(row[1])) for row in ranked if row[0] == where]
        if ids:
            sql = f"{_select(where, full=True)} AND {where}_fts.rowid IN ({', '.join(ids)})"
            rows.update(((where, row[-1]), row[:-1]) for row in _run(conn, sql, params))
    return [Hit(*rows[(row[0], row[1])]) for row in ranked]


def _run(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    import sqlite3

    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if not message.startswith(_QUERY_ERRORS) and "no such table" not in message:
            raise
        if "no such table" in message:
            raise InputUnreadableError(
                "this database has no search index (this Python's SQLite has no FTS5); "
                "write it with a Python whose SQLite has FTS5"
            ) from None
        raise SearchQueryError(
            f"cannot read the search query {params['query']!r} "
            f"({message.removeprefix('fts5: ')}); put a phrase in double quotes, e.g. "
            '"child exploitation", and join words with AND, OR or NOT'
        ) from None
