"""A council's overall grade across its inspections: the `history` table, view and command.

One row per report of a local authority (a school's report, or one whose council was not
matched, has none): its date, kind, overall grade (word and Ofsted's code), the overall grade
before it for the same council, whether that improved, declined or stayed the same, since when
the grade has stood, and whether it is the council's latest report in the lineage.

Overall effectiveness is one lineage across frameworks: the judgement each profile names as its
`overall_lineage` (2012 child protection, SIF, ILACS) follows on from the last one, compared by
grade code (1 outstanding ... 4 inadequate; "adequate" before 2013 is 3, as "requires
improvement" after). An ILACS of the 2026 format has no overall grade: its row has none, and is
never a "previous" grade. A council is followed by its DfE code, so Northamptonshire (928) and
North Northamptonshire (940) are two histories, as are Bournemouth, Poole and BCP.

The reading across reports is one SQL query (`HISTORY_SQL`), run by the SQLite `history` view
over the `reports` and `judgements` tables and, for `--table history` and JSON Lines, over rows
read from records (`rows.history_values`) in an in-memory database: one implementation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .output.rows import HISTORY_ACROSS, HISTORY_COLUMNS, HISTORY_REPORT, INPUT_COLUMNS

__all__ = [
    "HISTORY_SQL",
    "ORDER_BY",
    "across",
    "base_sql",
    "lineage",
    "matches_authority",
    "overall_judgement",
    "overall_missing",
    "read_history",
    "readable",
    "view_sql",
]


@cache
def lineage() -> dict[str, str]:
    """Report kind -> the judgement key that carries its overall effectiveness (from profiles)."""
    from .profiles import profiles

    return {p.kind: p.overall_lineage for p in profiles() if p.overall_lineage}


def overall_missing(rec: Mapping[str, Any]) -> bool:
    """Whether the record says its lineage judgement was expected and not found."""
    key = lineage().get((rec.get("report") or {}).get("kind") or "")
    field = f"judgements.{key}"
    return key is not None and any(
        w.get("code") == "judgement_missing" and w.get("field") == field
        for w in rec.get("warnings") or ()
    )


def overall_judgement(rec: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """A record's judgement in the overall-effectiveness lineage, if its kind has one."""
    key = lineage().get((rec.get("report") or {}).get("kind") or "")
    if key is None:
        return None
    return next((j for j in rec.get("judgements") or () if j.get("key") == key), None)


# The `review` column: where a grade the lineage expects was not found (the report has a
# `judgement_missing` warning), the history says so rather than skip over it.
MISSING = "overall grade not found in this report: see its warnings"
PREVIOUS_MISSING = "the overall grade before this one was not found: see that report"

NOT_FOUND = "not found"  # the table to read shows a missing grade so (csv/json: `review`)


def readable(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row for the table a person reads: a grade the lineage expects but was not found is
    shown as "not found", not left blank (blank: the report has no overall grade to give)."""
    out = dict(row)
    if row.get("overall_missing"):
        out["overall_grade"] = NOT_FOUND
    if row.get("review") == PREVIOUS_MISSING:
        out["previous_grade"] = NOT_FOUND
    return out


# The order of a council's reports: by date, then kind and key so that ties are stable.
_ORDER = "date, report_kind, sha256, member"


def history_sql(base: str) -> str:
    """The history rows over `base`, a query giving the input and `HISTORY_REPORT` columns
    and `lineage` (1 for a report of a kind in the lineage)."""
    computed = {
        "change": "CASE WHEN s.previous_grade_code IS NULL OR k.overall_grade_code IS NULL "
        "THEN NULL "
        "WHEN k.overall_grade_code < s.previous_grade_code THEN 'improved' "
        "WHEN k.overall_grade_code > s.previous_grade_code THEN 'declined' ELSE 'same' END",
        "latest": "coalesce(l.latest, 0)",
        "review": f"CASE WHEN k.overall_missing = 1 THEN '{MISSING}' "
        f"WHEN s.previous_missing = 1 THEN '{PREVIOUS_MISSING}' END",
    }
    across = ", ".join(f"{computed.get(c.name, f's.{c.name}')} AS {c.name}" for c in HISTORY_ACROSS)
    return f"""
WITH base AS ({base}),
keyed AS (SELECT *, coalesce(dfe_code, gss_code, authority_name) AS authority_key FROM base),
graded AS (
    SELECT sha256, member, authority_key, date, report_kind, overall_grade_code, overall_missing,
        lag(date) OVER w AS previous_date,
        lag(report_kind) OVER w AS previous_kind,
        lag(overall_grade) OVER w AS previous_grade,
        lag(overall_grade_code) OVER w AS previous_grade_code,
        coalesce(lag(overall_missing) OVER w, 0) AS previous_missing
    FROM keyed
    WHERE lineage = 1 AND date IS NOT NULL
        AND (overall_grade_code IS NOT NULL OR overall_missing = 1)
    WINDOW w AS (PARTITION BY authority_key ORDER BY {_ORDER})
),
runs AS (
    SELECT *, sum(CASE WHEN previous_grade_code = overall_grade_code THEN 0 ELSE 1 END)
        OVER (PARTITION BY authority_key ORDER BY {_ORDER} ROWS UNBOUNDED PRECEDING) AS run
    FROM graded
),
stood AS (
    SELECT *,
        CASE WHEN overall_grade_code IS NULL OR first_value(previous_missing) OVER r = 1
            THEN NULL ELSE min(date) OVER r END AS grade_since
    FROM runs
    WINDOW r AS (PARTITION BY authority_key, run ORDER BY {_ORDER}
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
latest AS (
    SELECT sha256, member, row_number() OVER (
        PARTITION BY authority_key ORDER BY date DESC, report_kind DESC, sha256 DESC, member DESC
    ) = 1 AS latest
    FROM keyed WHERE lineage = 1 AND date IS NOT NULL
)
SELECT {", ".join(f"k.{name}" for name in INPUT_COLUMNS)},
    {", ".join(f"k.{c.name}" for c in HISTORY_REPORT)},
    {across}
FROM keyed k
LEFT JOIN stood s ON s.sha256 = k.sha256 AND s.member = k.member
LEFT JOIN latest l ON l.sha256 = k.sha256 AND l.member = k.member"""


def _lineage_case() -> str:
    whens = " ".join(f"WHEN '{kind}' THEN '{key}'" for kind, key in sorted(lineage().items()))
    return f"CASE r.kind {whens} END"


def _overall_sql(column: str) -> str:
    return (
        f"(SELECT j.{column} FROM judgements j WHERE j.sha256 = r.sha256 AND "
        f"j.member = r.member AND j.key = {_lineage_case()} ORDER BY j.idx LIMIT 1)"
    )


def _base_expressions() -> dict[str, str]:
    """How the view reads the `HISTORY_REPORT` columns that are not `reports` columns."""
    return {
        "date": "coalesce(r.inspection_start, r.letter_date, r.published)",
        "report_kind": "r.kind",
        "overall_grade": _overall_sql("grade"),
        "overall_grade_code": _overall_sql("grade_code"),
        "overall_missing": "EXISTS (SELECT 1 FROM warnings w WHERE w.sha256 = r.sha256 AND "
        "w.member = r.member AND w.code = 'judgement_missing' AND "
        f"w.field = 'judgements.' || {_lineage_case()})",
    }


def base_sql() -> str:
    """The view's base: each report of a council, read from `reports` and `judgements`."""
    from .output.rows import REPORT

    stored = {c.name for c in REPORT if c.sqlite}
    expressions = _base_expressions()
    columns = [f"r.{name} AS {name}" for name in INPUT_COLUMNS]
    for c in HISTORY_REPORT:
        if c.name not in expressions and c.name not in stored:
            raise ValueError(f"history column {c.name} is neither stored nor read by the view")
        columns.append(f"{expressions.get(c.name, f'r.{c.name}')} AS {c.name}")
    kinds = ", ".join(f"'{kind}'" for kind in sorted(lineage()))
    columns.append(f"(r.kind IN ({kinds})) AS lineage")
    return f"SELECT {', '.join(columns)} FROM reports r WHERE r.authority_type = 'local_authority'"


def view_sql() -> str:
    return f"CREATE VIEW history AS {history_sql(base_sql())}"


# `across` reads the rows it is given from this in-memory table.
HISTORY_SQL = history_sql("SELECT * FROM history_base")


def _blank(value: Any) -> Any:
    return None if value == "" else value


def across(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """History rows (`rows.HISTORY_COLUMNS`) from each report's row (`rows.history_values`,
    or a history CSV read back, whose empty cells are None), ordered by council and date.

    A report is its content (sha256 and archive member), as in the SQLite output: the same
    file met at two paths (a copy in another folder or archive) is one inspection, listed
    once under the first path given, never its own previous grade."""
    rows = _first_of_each_report(rows)
    names = [*INPUT_COLUMNS, *(c.name for c in HISTORY_REPORT)]
    types = {c.name: c.sql for c in HISTORY_REPORT}
    conn = sqlite3.connect(":memory:")
    try:
        columns = ", ".join(f"{n} {types.get(n, 'TEXT')}" for n in names)
        conn.execute(f"CREATE TABLE history_base ({columns}, lineage INTEGER)")
        kinds = lineage()
        conn.executemany(
            f"INSERT INTO history_base VALUES ({', '.join('?' for _ in names)}, ?)",
            [
                (*(_blank(row.get(n)) for n in names), int(row.get("report_kind") in kinds))
                for row in rows
            ],
        )
        # `member` is '' (not NULL) outside archives, as in the SQLite output: keys compare.
        conn.execute("UPDATE history_base SET member = '' WHERE member IS NULL")
        cursor = conn.execute(f"SELECT * FROM ({HISTORY_SQL}) ORDER BY {ORDER_BY}")
        header = [d[0] for d in cursor.description]
        assert tuple(header) == HISTORY_COLUMNS, header
        return [dict(zip(header, row, strict=True)) for row in cursor]
    finally:
        conn.close()


def _first_of_each_report(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    seen: set[tuple[Any, Any]] = set()
    first = []
    for row in rows:
        key = (row.get("sha256"), row.get("member") or "")
        if key not in seen:
            seen.add(key)
            first.append(row)
    return first


# The order rows are listed in: each council's reports together, oldest first.
ORDER_BY = "authority_name, date, report_kind, path, member"


def matches_authority(row: Mapping[str, Any], wanted: str) -> bool:
    """`--authority`: a code (DfE, GSS or Ofsted URN) exactly, or words of the name (official
    or as printed), case-insensitively."""
    text = wanted.strip().casefold()
    codes = (row.get("dfe_code"), row.get("gss_code"), row.get("ofsted_urn"))
    if any(str(code).casefold() == text for code in codes if code):
        return True
    names = (row.get("authority_name"), row.get("provider"))
    return any(text in str(name).casefold() for name in names if name)


SQLITE_HEADER = b"SQLite format 3\x00"


def read_history(
    path: str | Path, *, authority: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The history of an SQLite output (its view) or of batch JSON Lines, council by council,
    oldest first; only the councils `authority` names (`matches_authority`), if given.

    Also returns how many reports are left out because no council was matched to them (each
    has a `review` warning on `report.authority`)."""
    from .errors import InputNotFoundError

    target = Path(path)
    if not target.is_file():
        raise InputNotFoundError(f"{path}: no such file; check the path", path=str(path))
    with target.open("rb") as fh:
        sqlite = fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    rows, unmatched = _from_database(target) if sqlite else _from_jsonl(target)
    if authority is not None:
        rows = [row for row in rows if matches_authority(row, authority)]
    return rows, unmatched


def _from_database(path: Path) -> tuple[list[dict[str, Any]], int]:
    from .output.sqlindex import open_database

    conn = open_database(path)
    try:
        cursor = conn.execute(f"SELECT * FROM history ORDER BY {ORDER_BY}")
        header = [d[0] for d in cursor.description]
        rows = [dict(zip(header, row, strict=True)) for row in cursor]
        unmatched = conn.execute(
            "SELECT count(*) FROM reports WHERE authority_type IS NULL"
        ).fetchone()[0]
    finally:
        conn.close()
    return rows, int(unmatched)


def _from_jsonl(path: Path) -> tuple[list[dict[str, Any]], int]:
    from .errors import InputUnreadableError
    from .outcome import Outcome
    from .output.jsonl import iter_jsonl
    from .output.rows import history_values

    base: list[dict[str, Any]] = []
    unmatched = lines = 0
    for obj in iter_jsonl(path):
        try:
            outcome = Outcome.from_line(obj)
        except ValueError:
            continue
        lines += 1
        if outcome.record is None:
            continue
        if not (outcome.record.get("report") or {}).get("authority"):
            unmatched += 1
        base += history_values(outcome)
    if not lines:
        raise InputUnreadableError(
            f"{path}: neither an SQLite output nor batch JSON Lines; give the file written by "
            "'inspectparse batch --sqlite FILE' or 'inspectparse batch -o FILE.jsonl'",
            path=str(path),
        )
    return across(base), unmatched
