"""Every output column, declared once: its name, its SQLite type and how it is read.

The CSV report row, the long tables (`--table`), the SQLite schema (`CREATE TABLE`, the added
columns of an older database, the named-column INSERTs) and the xlsx sheets of a later format
are all generated from these declarations. A new record field is one `Column` line here (plus
`record.py` and its extractor); `csv=False` / `sqlite=False` keep a column out of one output.

Columns read a record as its JSON dict (`Rec`), or one item of its lists (`judgements`, ...).
Values are returned raw; each output encodes them (`cell` for CSV, `sql_value` for SQLite).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .text import dumps

if TYPE_CHECKING:
    from ..outcome import Outcome

__all__ = [
    "ITEM_TABLES",
    "REPORT",
    "REPORT_COLUMNS",
    "TABLES",
    "TABLE_COLUMNS",
    "Column",
    "ItemTable",
    "Table",
    "cell",
    "item_table",
    "judgement_column",
    "report_columns",
    "report_row",
    "sql_value",
    "table_rows",
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
    csv: bool = True  # in the CSV report row / long table
    sqlite: bool = True  # in the SQLite table
    not_null: bool = False  # SQLite: NOT NULL in a new database


def _report(key: str) -> Callable[[Rec], Any]:
    return lambda rec: (rec.get("report") or {}).get(key)


def _source(key: str) -> Callable[[Rec], Any]:
    return lambda rec: (rec.get("source") or {}).get(key)


def _top(key: str) -> Callable[[Rec], Any]:
    return lambda rec: rec.get(key)


def _count(key: str) -> Callable[[Rec], int]:
    return lambda rec: len(rec.get(key) or ())


def _item(key: str) -> Callable[[Rec], Any]:
    return lambda item: item.get(key)


def _listed(key: str) -> Callable[[Rec], Any]:
    return lambda item: item.get(key) or []


def _prov(key: str) -> Callable[[Rec], Any]:
    return lambda item: (item.get("provenance") or {}).get(key)


# One row per report: the CSV report row (after its input and status columns) and the SQLite
# `reports` table (after its keys, sha256 and member, and the path).
REPORT: tuple[Column, ...] = (
    Column("kind", "TEXT", _report("kind")),
    Column("kind_rule", "TEXT", _report("kind_rule"), csv=False),
    Column("variant", "TEXT", _report("variant")),
    Column("title", "TEXT", _report("title"), csv=False),
    Column("provider", "TEXT", _report("provider")),
    Column("inspection_start", "TEXT", _report("inspection_start")),
    Column("inspection_end", "TEXT", _report("inspection_end")),
    Column("lead_inspector", "TEXT", _report("lead_inspector")),
    Column("published", "TEXT", _report("published")),
    Column("letter_date", "TEXT", _report("letter_date"), csv=False),
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
            Column("grade_text", "TEXT", _item("grade_text")),
            Column("rule", "TEXT", _item("rule")),
            Column("confirmed_by", "TEXT", _listed("confirmed_by")),
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
            Column("kind", "TEXT", _item("kind")),
            Column("heading", "TEXT", _item("heading")),
            Column("timescale", "TEXT", _item("timescale")),
            Column("actor", "TEXT", _item("actor")),
            Column("text", "TEXT", _item("text")),
            Column("sub_items", "TEXT", _listed("sub_items")),
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

# The long tables `--table` offers (the CLI's choices are read from here).
Table = Literal["judgements", "recommendations", "paragraphs"]
TABLES: tuple[str, ...] = tuple(t.name for t in ITEM_TABLES if t.csv)


def item_table(name: str) -> ItemTable:
    """The long table of that name; ValueError naming the choices otherwise."""
    for table in ITEM_TABLES:
        if table.name == name and table.csv:
            return table
    raise ValueError(f"table must be one of {', '.join(TABLES)}, not {name!r}")


# --- CSV ----------------------------------------------------------------------------------------

# Every CSV row starts with the input it belongs to.
_INPUT_COLUMNS = ("path", "sha256", "member")

# The CSV report row: the input, its status, then the report columns; judgement columns follow.
REPORT_COLUMNS: tuple[str, ...] = (
    *_INPUT_COLUMNS,
    "status",
    "error_code",
    "error_message",
    *(c.name for c in REPORT if c.csv),
)

# Judgement columns come after REPORT_COLUMNS; these lead, the rest are alphabetical, so the
# order never depends on which report finished first.
_LEADING_JUDGEMENTS = ("overall_effectiveness",)

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    t.name: (*_INPUT_COLUMNS, "index", *(c.name for c in t.columns if c.csv))
    for t in ITEM_TABLES
    if t.csv
}


def cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, true/false, lists and objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return dumps(value)
    return value


def sql_value(value: Any) -> Any:
    """A value as SQLite stores it: booleans as 0/1, lists and objects as JSON text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, dict)):
        return dumps(value)
    return value


def judgement_column(key: str) -> str:
    """CSV column of a judgement key; prefixed only if it would clash with a fixed column."""
    return f"judgement_{key}" if key in REPORT_COLUMNS else key


def report_row(outcome: Outcome) -> dict[str, Any]:
    """One CSV row for an input (error inputs get status 'error' and empty report columns)."""
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
            row.setdefault(judgement_column(j["key"]), j.get("grade"))
    return {k: cell(v) for k, v in row.items()}


def report_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """REPORT_COLUMNS plus the union of the rows' judgement columns, in a stable order."""
    extra: set[str] = set()
    for row in rows:
        extra.update(k for k in row if k not in REPORT_COLUMNS)
    leading = [k for k in _LEADING_JUDGEMENTS if k in extra]
    return [*REPORT_COLUMNS, *leading, *sorted(extra - set(leading))]


def table_rows(outcome: Outcome, table: str) -> list[dict[str, Any]]:
    """Rows of a long table (`judgements`, `recommendations` or `paragraphs`) for one input."""
    spec = item_table(table)
    rec = outcome.record
    if rec is None:
        return []
    ident = outcome.input
    columns = [c for c in spec.columns if c.csv]
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(rec.get(table) or ()):
        row = {"path": ident.path, "sha256": ident.sha256, "member": ident.member, "index": index}
        row.update((c.name, c.get(item)) for c in columns)
        rows.append({k: cell(v) for k, v in row.items()})
    return rows


def sort_key(row: Mapping[str, Any]) -> tuple[str, str, int]:
    """CSV rows sort by path, member and item index, whatever order inputs finished in."""
    index = row.get("index")
    try:
        position = int(index) if index not in (None, "") else -1
    except ValueError:
        position = -1
    return (str(row.get("path") or ""), str(row.get("member") or ""), position)
