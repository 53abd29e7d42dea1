"""Every output column, declared once: its name, its SQLite type and how it is read.

The CSV report row (a grade and a grade-code column per judgement: `JUDGEMENT_CELLS`), the
long tables (`--table`), the SQLite schema (`CREATE TABLE`, the added columns of an older
database, the named-column INSERTs) and the xlsx sheets are all generated from these
declarations. A new record field is one `Column` line here (plus `record.py` and its
extractor); `csv=False` / `sqlite=False` keep a column out of the flat files (CSV and xlsx) or
out of SQLite.

Long tables stand alone: every row of every item table (`--table`, the SQLite item tables, the
xlsx sheets) repeats the report's context, the `REPORT` columns marked `context`
(`CONTEXT_COLUMNS`: the report's kind as `report_kind`, provider, authority codes, dates), so
"the immediate recommendations with their council and date" needs no join.

Columns read a record as its JSON dict (`Rec`), or one item of its lists (`judgements`, ...).
Values are returned raw (dates as ISO text, lists joined with "; ": no cell holds JSON); each
output encodes them (`cell` for CSV, `sql_value` for SQLite, the xlsx sink its own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .text import dumps

if TYPE_CHECKING:
    from ..outcome import Outcome

__all__ = [
    "CONTEXT_COLUMNS",
    "HISTORY_ACROSS",
    "HISTORY_COLUMNS",
    "HISTORY_REPORT",
    "INPUT_COLUMNS",
    "ITEM_TABLES",
    "JUDGEMENT_CELLS",
    "REPORT",
    "REPORT_COLUMNS",
    "TABLES",
    "TABLE_COLUMNS",
    "Column",
    "ItemTable",
    "Table",
    "cell",
    "context_of",
    "history_values",
    "item_table",
    "joined",
    "judgement_column",
    "judgement_columns",
    "report_columns",
    "report_row",
    "report_values",
    "sql_value",
    "table_columns",
    "table_rows",
    "table_values",
]

Rec = Mapping[str, Any]  # a record, or one item of it, as its JSON dict
SqlType = Literal["TEXT", "INTEGER"]


# NamedTuples, not dataclasses: the command line imports this module for `--help`, and a
# dataclass costs ~1 ms to create.
class Column(NamedTuple):
    """One output column: `get` reads its value from a record (or an item) dict."""

    name: str
    sql: SqlType
    get: Callable[[Rec], Any]
    csv: bool = True  # in the flat files: the CSV report row / long table, the xlsx sheets
    sqlite: bool = True  # in the SQLite table
    not_null: bool = False  # SQLite: NOT NULL in a new database
    # A report column repeated on each row of the long tables (a str: under that name there).
    context: bool | str = False
    date: bool = False  # an ISO date (xlsx writes a real date)


def _report(key: str) -> Callable[[Rec], Any]:
    return lambda rec: (rec.get("report") or {}).get(key)


def _source(key: str) -> Callable[[Rec], Any]:
    return lambda rec: (rec.get("source") or {}).get(key)


def _authority(key: str) -> Callable[[Rec], Any]:
    return lambda rec: ((rec.get("report") or {}).get("authority") or {}).get(key)


def _top(key: str) -> Callable[[Rec], Any]:
    return lambda rec: rec.get(key)


def _count(key: str) -> Callable[[Rec], int]:
    return lambda rec: len(rec.get(key) or ())


def _item(key: str) -> Callable[[Rec], Any]:
    return lambda item: item.get(key)


def joined(items: Iterable[Any] | None) -> str | None:
    """A list as one cell: its items joined with "; " (a trailing ";" of an item is the joint's
    own); None for an empty list. No cell of any output holds a JSON list."""
    parts = [str(item).strip().removesuffix(";").rstrip() for item in items or ()]
    return "; ".join(parts) or None


def _joined(key: str) -> Callable[[Rec], Any]:
    return lambda item: joined(item.get(key))


def _periods(rec: Rec) -> str | None:
    """Separate on-site periods, when there are several: ISO intervals, "start/end; ..."."""
    periods = (rec.get("report") or {}).get("inspection_periods") or ()
    return joined(f"{p.get('start')}/{p.get('end')}" for p in periods)


def _prov(key: str) -> Callable[[Rec], Any]:
    return lambda item: (item.get("provenance") or {}).get(key)


# One row per report: the CSV report row (after its input and status columns), the xlsx
# Reports sheet and the SQLite `reports` table (after its keys, sha256 and member, and the path).
REPORT: tuple[Column, ...] = (
    Column("kind", "TEXT", _report("kind"), context="report_kind"),
    Column("kind_rule", "TEXT", _report("kind_rule"), csv=False),
    Column("variant", "TEXT", _report("variant")),
    Column("title", "TEXT", _report("title")),
    Column("provider", "TEXT", _report("provider"), context=True),
    # report.authority: official codes to join on (null when no authority matched).
    Column("authority_type", "TEXT", _authority("type")),
    Column("authority_name", "TEXT", _authority("name"), context=True),
    Column("gss_code", "TEXT", _authority("gss_code"), context=True),
    Column("dfe_code", "TEXT", _authority("dfe_code"), context=True),
    Column("ofsted_urn", "TEXT", _authority("ofsted_urn"), context=True),
    Column("region_code", "TEXT", _authority("region_code")),
    Column("region_name", "TEXT", _authority("region_name")),
    Column("authority_matched_from", "TEXT", _authority("matched_from"), csv=False),
    Column("authority_rule", "TEXT", _authority("rule"), csv=False),
    Column("authority_lookup_version", "TEXT", _authority("lookup_version"), csv=False),
    Column("inspection_start", "TEXT", _report("inspection_start"), context=True, date=True),
    Column("inspection_end", "TEXT", _report("inspection_end"), context=True, date=True),
    Column("inspection_periods", "TEXT", _periods),
    Column("lead_inspector", "TEXT", _report("lead_inspector")),
    Column("published", "TEXT", _report("published"), date=True),
    Column("letter_date", "TEXT", _report("letter_date"), context=True, date=True),
    Column("format", "TEXT", _source("format")),
    Column("pages", "INTEGER", _source("pages")),
    Column("engine", "TEXT", _source("engine"), csv=False),
    Column("schema_version", "TEXT", _top("schema_version"), csv=False),
    Column("parser_version", "TEXT", _top("parser_version"), csv=False),
    Column("n_judgements", "INTEGER", _count("judgements"), sqlite=False),
    Column("n_recommendations", "INTEGER", _count("recommendations"), sqlite=False),
    Column("n_paragraphs", "INTEGER", _count("paragraphs"), sqlite=False),
    Column("n_warnings", "INTEGER", _count("warnings"), sqlite=False),
    Column("needs_review", "INTEGER", _top("needs_review")),
    # The whole record, for anything the columns leave out (sections, provenance).
    Column("record", "TEXT", dumps, csv=False, not_null=True),
)


class ItemTable(NamedTuple):
    """A long table: one row per item of the record's list of the same name."""

    name: str
    columns: tuple[Column, ...]
    csv: bool = True  # offered as a long CSV table (`--table`)


ITEM_TABLES: tuple[ItemTable, ...] = (
    ItemTable(
        "judgements",
        (
            Column("key", "TEXT", _item("key"), not_null=True),
            Column("label", "TEXT", _item("label")),
            Column("grade", "TEXT", _item("grade")),
            Column("grade_code", "INTEGER", _item("grade_code")),
            Column("grade_text", "TEXT", _item("grade_text")),
            Column("rule", "TEXT", _item("rule")),
            Column("confirmed_by", "TEXT", _joined("confirmed_by")),
            Column("page", "INTEGER", _prov("page")),
            Column("page_end", "INTEGER", _prov("page_end")),
            Column("paragraph", "INTEGER", _prov("paragraph")),
            Column("evidence", "TEXT", _prov("text")),
        ),
    ),
    ItemTable(
        "recommendations",
        (
            Column("number", "INTEGER", _item("number")),
            # `item_kind`: beside `report_kind`, never a second `kind`. SQLite keeps the earlier
            # `kind` column too (same value), so queries written for older databases still run.
            Column("item_kind", "TEXT", _item("kind")),
            Column("kind", "TEXT", _item("kind"), csv=False),
            Column("heading", "TEXT", _item("heading")),
            Column("timescale", "TEXT", _item("timescale")),
            Column("urgency", "TEXT", _item("urgency")),
            Column("actor", "TEXT", _item("actor")),
            Column("text", "TEXT", _item("text")),
            Column("sub_items", "TEXT", _joined("sub_items")),
            Column("rule", "TEXT", _item("rule")),
            Column("page", "INTEGER", _prov("page")),
            Column("page_end", "INTEGER", _prov("page_end")),
            Column("paragraph", "INTEGER", _prov("paragraph")),
        ),
    ),
    ItemTable(
        "paragraphs",
        (
            Column("number", "INTEGER", _item("number")),
            Column("number_inferred", "INTEGER", _item("number_inferred")),
            Column("section", "TEXT", _item("section")),
            Column("text", "TEXT", _item("text")),
            Column("page", "INTEGER", _prov("page")),
            Column("page_end", "INTEGER", _prov("page_end")),
        ),
    ),
    ItemTable(
        "warnings",
        (
            Column("code", "TEXT", _item("code"), not_null=True),
            Column("message", "TEXT", _item("message")),
            Column("field", "TEXT", _item("field")),
            Column("severity", "TEXT", _item("severity")),
            Column("page", "INTEGER", _prov("page")),
        ),
        csv=False,
    ),
)


# --- history: one row per report of a council, across its reports ------------------------------

# Every flat-file row starts with the input it belongs to.
INPUT_COLUMNS = ("path", "sha256", "member")


def _history_date(rec: Rec) -> Any:
    """A report's place in its council's history: its inspection's first day (a letter's date
    or the publication date when it prints none)."""
    report = rec.get("report") or {}
    return report.get("inspection_start") or report.get("letter_date") or report.get("published")


def _overall(key: str) -> Callable[[Rec], Any]:
    def get(rec: Rec) -> Any:
        from ..history import overall_judgement  # profiles: not loaded for `--help`

        judgement = overall_judgement(rec)
        return None if judgement is None else judgement.get(key)

    return get


def _overall_missing(rec: Rec) -> int:
    from ..history import overall_missing

    return int(overall_missing(rec))


# `--table history` and the SQLite `history` view: what each report gives (read from its
# record here, from the `reports` and `judgements` tables by the view: `history.BASE_SQL`) ...
HISTORY_REPORT: tuple[Column, ...] = (
    Column("authority_name", "TEXT", _authority("name")),
    Column("gss_code", "TEXT", _authority("gss_code")),
    Column("dfe_code", "TEXT", _authority("dfe_code")),
    Column("ofsted_urn", "TEXT", _authority("ofsted_urn")),
    Column("region_name", "TEXT", _authority("region_name")),
    Column("date", "TEXT", _history_date, date=True),
    Column("report_kind", "TEXT", _report("kind")),
    Column("variant", "TEXT", _report("variant")),
    Column("provider", "TEXT", _report("provider")),
    Column("overall_grade", "TEXT", _overall("grade")),
    Column("overall_grade_code", "INTEGER", _overall("grade_code")),
    Column("overall_missing", "INTEGER", _overall_missing),
)
# ... and what is read across the council's reports (`history.HISTORY_SQL`): the overall grade
# before this one, the change, since when the grade has stood, the council's latest report, and
# a note where a grade the lineage expects was not found.
HISTORY_ACROSS: tuple[Column, ...] = (
    Column("previous_date", "TEXT", _item("previous_date"), date=True),
    Column("previous_kind", "TEXT", _item("previous_kind")),
    Column("previous_grade", "TEXT", _item("previous_grade")),
    Column("previous_grade_code", "INTEGER", _item("previous_grade_code")),
    Column("change", "TEXT", _item("change")),
    Column("grade_since", "TEXT", _item("grade_since"), date=True),
    Column("latest", "INTEGER", _item("latest")),
    Column("review", "TEXT", _item("review")),
)
HISTORY_COLUMNS: tuple[str, ...] = (
    *INPUT_COLUMNS,
    *(c.name for c in (*HISTORY_REPORT, *HISTORY_ACROSS)),
)


def history_values(outcome: Outcome) -> list[dict[str, Any]]:
    """A report's row of the history table (none for a school or an unmatched council);
    the `HISTORY_ACROSS` columns are filled when every report is in (`history.across`)."""
    rec = outcome.record
    authority = ((rec or {}).get("report") or {}).get("authority") or {}
    if rec is None or authority.get("type") != "local_authority":
        return []
    ident = outcome.input
    row: dict[str, Any] = {"path": ident.path, "sha256": ident.sha256, "member": ident.member}
    row.update((c.name, c.get(rec)) for c in HISTORY_REPORT)
    return [row]


# The long tables `--table` offers (the CLI's choices are read from here): the item tables,
# and the history.
Table = Literal["judgements", "recommendations", "paragraphs", "history"]
TABLES: tuple[str, ...] = (*(t.name for t in ITEM_TABLES if t.csv), "history")


def item_table(name: str) -> ItemTable:
    """The long table of that name; ValueError naming the choices otherwise."""
    for table in ITEM_TABLES:
        if table.name == name and table.csv:
            return table
    raise ValueError(f"table must be one of {', '.join(TABLES)}, not {name!r}")


# --- flat files (CSV, xlsx) ---------------------------------------------------------------------

# The CSV report row: the input, its status, then the report columns; judgement columns follow.
REPORT_COLUMNS: tuple[str, ...] = (
    *INPUT_COLUMNS,
    "status",
    "error_code",
    "error_message",
    *(c.name for c in REPORT if c.csv),
)

# Each judgement gets these columns in the CSV report row, named for its key plus the suffix:
# the grade word (`overall_effectiveness`) and Ofsted's numeric code beside it
# (`overall_effectiveness_code`).
JUDGEMENT_CELLS: tuple[tuple[str, Callable[[Rec], Any]], ...] = (
    ("", _item("grade")),
    ("_code", _item("grade_code")),
)

# Judgement columns come after REPORT_COLUMNS; these lead, the rest are alphabetical (each
# judgement's cells together), so the order never depends on which report finished first.
_LEADING_JUDGEMENTS = ("overall_effectiveness",)


def context_of(report: Iterable[Column]) -> tuple[Column, ...]:
    """The `context` columns of report columns, under their long-table names."""
    return tuple(
        c._replace(name=c.context if isinstance(c.context, str) else c.name, context=False)
        for c in report
        if c.context
    )


# The report columns each long-table row repeats after its input, so the row stands alone
# (the report's `kind` as `report_kind`: an item has a kind of its own). Generated from REPORT:
# never a list of its own.
CONTEXT_COLUMNS: tuple[Column, ...] = context_of(REPORT)


def table_columns(table: ItemTable) -> tuple[str, ...]:
    """A long table's flat-file columns: the input, the index, the report's context, the item."""
    return (
        *INPUT_COLUMNS,
        "index",
        *(c.name for c in CONTEXT_COLUMNS if c.csv),
        *(c.name for c in table.columns if c.csv),
    )


TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    **{t.name: table_columns(t) for t in ITEM_TABLES if t.csv},
    "history": HISTORY_COLUMNS,
}


def cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, true/false, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return joined(value) or ""
    if isinstance(value, dict):
        return dumps(value)
    return value


def sql_value(value: Any) -> Any:
    """A value as SQLite stores it: booleans as 0/1, lists joined with "; "."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return joined(value)
    if isinstance(value, dict):
        return dumps(value)
    return value


def judgement_column(key: str, suffix: str = "") -> str:
    """CSV column of a judgement key (and cell suffix); prefixed only if it would clash with a
    fixed column."""
    name = f"{key}{suffix}"
    return f"judgement_{name}" if key in REPORT_COLUMNS or name in REPORT_COLUMNS else name


def judgement_columns(judgement: Rec) -> dict[str, Any]:
    """The CSV report row's cells for one judgement: its grade and its grade code."""
    key = judgement["key"]
    return {judgement_column(key, suffix): get(judgement) for suffix, get in JUDGEMENT_CELLS}


def report_values(outcome: Outcome) -> dict[str, Any]:
    """One report row's raw values: the input, its status, the report columns, then each
    judgement's cells. Error inputs get status 'error' and no report columns."""
    ident = outcome.input
    row: dict[str, Any] = {
        "path": ident.path,
        "sha256": ident.sha256,
        "member": ident.member,
        "status": outcome.status if outcome.ok else "error",
        "error_code": outcome.code,
        "error_message": outcome.message,
    }
    rec = outcome.record
    if rec is not None:
        row.update((c.name, c.get(rec)) for c in REPORT if c.csv)
        for j in rec.get("judgements") or ():
            for name, value in judgement_columns(j).items():
                row.setdefault(name, value)
    return row


def report_row(outcome: Outcome) -> dict[str, Any]:
    """One CSV row for an input (error inputs get status 'error' and empty report columns)."""
    return {k: cell(v) for k, v in report_values(outcome).items()}


def report_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """REPORT_COLUMNS plus the union of the rows' judgement columns, in a stable order."""
    extra: set[str] = set()
    for row in rows:
        extra.update(k for k in row if k not in REPORT_COLUMNS)
    suffixes = [suffix for suffix, _ in JUDGEMENT_CELLS if suffix]

    def order(name: str) -> tuple[int, str, int]:
        # A judgement's cells sort under its key: `x`, then `x_code`.
        base, rank = name, 0
        for i, suffix in enumerate(suffixes, 1):
            if name.endswith(suffix) and name[: -len(suffix)] in extra:
                base, rank = name[: -len(suffix)], i
        lead = _LEADING_JUDGEMENTS.index(base) if base in _LEADING_JUDGEMENTS else 99
        return (lead, base, rank)

    return [*REPORT_COLUMNS, *sorted(extra, key=order)]


def table_values(outcome: Outcome, table: str | ItemTable) -> list[dict[str, Any]]:
    """Raw rows of a long table for one input: input, index, report context, item columns.

    `table` is a `--table` name or any item table (the xlsx Warnings sheet is one too)."""
    if table == "history":
        return history_values(outcome)
    spec = item_table(table) if isinstance(table, str) else table
    rec = outcome.record
    if rec is None:
        return []
    ident = outcome.input
    columns = [c for c in spec.columns if c.csv]
    context = {c.name: c.get(rec) for c in CONTEXT_COLUMNS if c.csv}
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(rec.get(spec.name) or ()):
        row = {"path": ident.path, "sha256": ident.sha256, "member": ident.member, "index": index}
        row.update(context)
        row.update((c.name, c.get(item)) for c in columns)
        rows.append(row)
    return rows


def table_rows(outcome: Outcome, table: str) -> list[dict[str, Any]]:
    """CSV rows of a long table (`judgements`, `recommendations` or `paragraphs`) for one input."""
    return [{k: cell(v) for k, v in row.items()} for row in table_values(outcome, table)]


def sort_key(row: Mapping[str, Any]) -> tuple[str, str, int]:
    """CSV rows sort by path, member and item index, whatever order inputs finished in."""
    index = row.get("index")
    try:
        position = int(index) if index not in (None, "") else -1
    except ValueError:
        position = -1
    return (str(row.get("path") or ""), str(row.get("member") or ""), position)
