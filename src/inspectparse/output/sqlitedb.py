"""`--sqlite FILE`: normalised tables generated from the column declarations in `rows.py`.

Tables: `reports` (one row per report), `judgements`, `recommendations`, `paragraphs`,
`warnings` (one row per item), `errors` (one row per failed input) and `meta` (the database
layout's `schema_version`); the full-text indexes over paragraphs and recommendations and the
`history` view are `sqlindex.py`'s, made by `migrate` too. A report is keyed on (sha256,
member); `member` is '' rather than NULL outside archives, so plain `JOIN ... USING (sha256,
member)` works (NULLs never compare equal in SQL). Every item row also carries the report's
path and context (`rows.CONTEXT`: kind as `report_kind`, provider, authority codes, dates), so
an item table answers questions about councils and dates without a join.

An existing database is brought up to date when it is opened: a column declared in `rows.py`
that its table lacks (a field added since the file was written) is added with `ALTER TABLE ...
ADD COLUMN`, so a resumed batch goes on writing into it, and is filled in the rows already
there from each report's stored record (`reports.record`, read as this version reads a record:
a value the old record cannot give stays NULL until `--force` converts the report again).
Columns are added, never renamed: a query written for an older database still runs. A
database from a newer layout is refused.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import OutputNotWritableError
from ..outcome import OK, InputId, Outcome, Stored, as_outcome
from .rows import ITEM_TABLES, REPORT, Column, ItemTable, context_of, sql_value
from .sink import DEFAULT_OPTIONS, SinkOptions
from .sqlindex import ensure_indexes

__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "Schema",
    "SqlColumn",
    "SqlTable",
    "SqliteSink",
    "migrate",
    "write_sqlite",
]

# The database layout's version, kept in `meta`. Columns added to `rows.py` need no new
# version (they are added on open); bump it for a change that needs a migration step.
# 1: the layout before the meta table; 2: meta, and columns reconciled on open.
SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class SqlColumn:
    name: str
    type: str
    constraint: str = ""

    def definition(self) -> str:
        return f"{self.name} {self.type} {self.constraint}".rstrip()


@dataclass(frozen=True, slots=True)
class SqlTable:
    name: str
    columns: tuple[SqlColumn, ...]
    constraints: tuple[str, ...] = ()

    def create(self) -> str:
        parts = [c.definition() for c in self.columns] + list(self.constraints)
        body = ",\n    ".join(parts)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n    {body}\n)"

    def insert(self, *, replace: bool = False) -> str:
        names = ", ".join(c.name for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        return f"{verb} INTO {self.name} ({names}) VALUES ({marks})"


def _sql(column: Column) -> SqlColumn:
    return SqlColumn(column.name, column.sql, "NOT NULL" if column.not_null else "")


_KEY = (SqlColumn("sha256", "TEXT", "NOT NULL"), SqlColumn("member", "TEXT", "NOT NULL DEFAULT ''"))
_CHILD = "FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE"

ERRORS = SqlTable(
    "errors",
    (
        SqlColumn("path", "TEXT", "NOT NULL"),
        SqlColumn("member", "TEXT", "NOT NULL DEFAULT ''"),
        SqlColumn("sha256", "TEXT"),
        SqlColumn("code", "TEXT", "NOT NULL"),
        SqlColumn("message", "TEXT"),
    ),
    ("PRIMARY KEY (path, member)",),
)
META = SqlTable("meta", (SqlColumn("key", "TEXT", "PRIMARY KEY"), SqlColumn("value", "TEXT")))


@dataclass(frozen=True, slots=True)
class Schema:
    """The database's tables, generated from the column declarations (`rows.py`)."""

    report: tuple[Column, ...]  # the `reports` columns after sha256, member and path
    items: dict[str, tuple[Column, ...]]  # item table -> its own columns (after the context)
    context: tuple[Column, ...] = ()  # every item row's report context, after its idx and path

    @classmethod
    def declared(
        cls, report: Iterable[Column] = REPORT, item_tables: Iterable[ItemTable] = ITEM_TABLES
    ) -> Schema:
        report = tuple(c for c in report if c.sqlite)
        return cls(
            report,
            {t.name: tuple(c for c in t.columns if c.sqlite) for t in item_tables},
            context_of(report),
        )

    @property
    def reports(self) -> SqlTable:
        return SqlTable(
            "reports",
            (*_KEY, SqlColumn("path", "TEXT"), *map(_sql, self.report)),
            ("PRIMARY KEY (sha256, member)",),
        )

    def item(self, name: str) -> SqlTable:
        return SqlTable(
            name,
            (
                *_KEY,
                SqlColumn("idx", "INTEGER", "NOT NULL"),
                SqlColumn("path", "TEXT"),
                *map(_sql, self.context),
                *map(_sql, self.items[name]),
            ),
            ("PRIMARY KEY (sha256, member, idx)", _CHILD),
        )

    @property
    def tables(self) -> tuple[SqlTable, ...]:
        return (self.reports, *map(self.item, self.items), ERRORS, META)


SCHEMA = Schema.declared()


def _schema_version(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return None if row is None else int(row[0])


def migrate(conn: sqlite3.Connection, path: Path, schema: Schema = SCHEMA) -> None:
    """Create what is missing: tables, then columns of existing tables; record the version."""
    with conn:
        conn.execute(META.create())
        version = _schema_version(conn)
        if version is not None and version > SCHEMA_VERSION:
            raise OutputNotWritableError(
                f"{path}: written by a newer inspectparse (database layout {version}, this "
                f"version writes {SCHEMA_VERSION}); upgrade inspectparse or write a new file",
                path=str(path),
            )
        added: dict[str, set[str]] = {}
        for table in schema.tables:
            conn.execute(table.create())
            have = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
            for column in table.columns:
                if column.name not in have:
                    # Nullable: the rows already there are filled below, where they can be.
                    conn.execute(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {column.type}")
                    added.setdefault(table.name, set()).add(column.name)
        if added:
            _fill_added(conn, schema, added)
        ensure_indexes(conn)  # full-text indexes and the history view (sqlindex.py)
        if version != SCHEMA_VERSION:
            conn.execute(META.insert(replace=True), ("schema_version", str(SCHEMA_VERSION)))


def _read(get: Any, data: Any) -> Any:
    try:
        return sql_value(get(data))
    except (KeyError, TypeError, AttributeError, ValueError):  # an older record's shape
        return None


def _upgraded(text: str) -> dict[str, Any] | None:
    """A stored record as this version reads it (derived fields filled), or as stored."""
    from ..record import Record

    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        upgraded: dict[str, Any] = Record.model_validate(data).model_dump(mode="json")
    except ValueError:  # a record this version cannot validate: its fields as they are
        return data
    return upgraded


def _fill_added(conn: sqlite3.Connection, schema: Schema, added: dict[str, set[str]]) -> None:
    """Fill columns just added to existing tables from each report's stored record."""
    report_cols = [c for c in schema.report if c.name in added.get("reports", ())]
    item_cols = {
        name: [c for c in (*schema.context, *columns) if c.name in added.get(name, ())]
        for name, columns in schema.items.items()
    }
    with_path = [name for name in schema.items if "path" in added.get(name, ())]
    if not (report_cols or with_path or any(item_cols.values())):
        return
    context = {c.name for c in schema.context}
    keys = conn.execute("SELECT sha256, member FROM reports").fetchall()
    for key in keys:
        path, text = conn.execute(
            "SELECT path, record FROM reports WHERE sha256 = ? AND member = ?", key
        ).fetchone()
        rec = _upgraded(text) if text else None
        if rec is None:
            continue
        if report_cols:
            sets = ", ".join(f"{c.name} = ?" for c in report_cols)
            values = [_read(c.get, rec) for c in report_cols]
            where = "WHERE sha256 = ? AND member = ?"
            conn.execute(f"UPDATE reports SET {sets} {where}", (*values, *key))
        for name, columns in item_cols.items():
            if name in with_path:
                conn.execute(
                    f"UPDATE {name} SET path = ? WHERE sha256 = ? AND member = ?", (path, *key)
                )
            if not columns:
                continue
            sets = ", ".join(f"{c.name} = ?" for c in columns)
            conn.executemany(
                f"UPDATE {name} SET {sets} WHERE sha256 = ? AND member = ? AND idx = ?",
                [
                    (*(_read(c.get, rec if c.name in context else item) for c in columns), *key, i)
                    for i, item in enumerate(rec.get(name) or ())
                ],
            )


def _not_writable(path: Path, exc: sqlite3.Error) -> OutputNotWritableError:
    return OutputNotWritableError(
        f"{path}: cannot write the SQLite database ({exc}); check the path", path=str(path)
    )


class SqliteSink:
    """Normalised SQLite tables, one transaction per input.

    The same content found at two paths is one report (the first path is kept).
    `reports.record` holds the full record JSON for anything the columns leave out.
    """

    stores_reports = True
    stores_errors = True
    resumable = True

    def __init__(
        self, conn: sqlite3.Connection, path: Path, *, force: bool = False, schema: Schema = SCHEMA
    ) -> None:
        # The batch parent is the only writer; one connection, used from one thread.
        self.conn = conn
        self.path = path
        self.force = force
        self.schema = schema
        # Statements made once: the same few are run for every input.
        self._reports = schema.reports
        self._items = [(schema.item(name), columns) for name, columns in schema.items.items()]

    @classmethod
    def to_path(
        cls,
        path: str | os.PathLike[str],
        options: SinkOptions = DEFAULT_OPTIONS,
        *,
        schema: Schema = SCHEMA,
    ) -> SqliteSink:
        target = Path(path)
        try:
            conn = sqlite3.connect(target)
        except sqlite3.Error as exc:
            raise _not_writable(target, exc) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, target, schema)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error):
                raise _not_writable(target, exc) from exc
            raise
        return cls(conn, target, force=options.force, schema=schema)

    @classmethod
    def to_stream(cls, stream: IO[str], options: SinkOptions) -> SqliteSink:
        raise ValueError("SQLite writes a file, not a stream")

    def lookup(self, ident: InputId) -> Stored | None:
        if ident.sha256 is not None:
            row = self.conn.execute(
                "SELECT kind FROM reports WHERE sha256 = ? AND member = ?",
                (ident.sha256, ident.member or ""),
            ).fetchone()
            if row is not None:
                return Stored(OK, row[0])
        row = self.conn.execute(
            "SELECT code, sha256 FROM errors WHERE path = ? AND member = ?",
            (ident.path or "", ident.member or ""),
        ).fetchone()
        if row is not None and row[1] == ident.sha256:
            return Stored(row[0])
        return None

    def write(self, outcome: Outcome) -> None:
        ident = outcome.input
        member = ident.member or ""
        try:
            with self.conn:  # one transaction: commit on success, roll back on error
                if outcome.ok:
                    self._write_report(outcome, member)
                else:
                    values = (ident.path or "", member, ident.sha256, outcome.code, outcome.message)
                    self.conn.execute(ERRORS.insert(replace=True), values)
        except sqlite3.Error as exc:
            raise _not_writable(self.path, exc) from exc

    def _write_report(self, outcome: Outcome, member: str) -> None:
        ident = outcome.input
        rec = outcome.record or {}
        key = (ident.sha256 or (rec.get("source") or {}).get("sha256"), member)
        exists = self.conn.execute(
            "SELECT 1 FROM reports WHERE sha256 = ? AND member = ?", key
        ).fetchone()
        # A success supersedes an earlier error for the same input.
        self.conn.execute(
            "DELETE FROM errors WHERE path = ? AND member = ?", (ident.path or "", member)
        )
        if exists and not self.force:
            return
        for table, _ in self._items:
            self.conn.execute(f"DELETE FROM {table.name} WHERE sha256 = ? AND member = ?", key)
        self.conn.execute("DELETE FROM reports WHERE sha256 = ? AND member = ?", key)
        values = [sql_value(c.get(rec)) for c in self.schema.report]
        self.conn.execute(self._reports.insert(), (*key, ident.path, *values))
        context = [sql_value(c.get(rec)) for c in self.schema.context]
        for table, columns in self._items:
            rows: list[tuple[Any, ...]] = [
                (*key, idx, ident.path, *context, *(sql_value(c.get(item)) for c in columns))
                for idx, item in enumerate(rec.get(table.name) or ())
            ]
            if rows:
                self.conn.executemany(table.insert(), rows)

    def close(self) -> None:
        self.conn.close()


def write_sqlite(records: Iterable[Any], path: str | os.PathLike[str]) -> None:
    """Write records (or `Outcome`s) into an SQLite file, replacing rows of the same report."""
    sink = SqliteSink.to_path(path, SinkOptions(force=True))
    try:
        for obj in records:
            sink.write(as_outcome(obj))
    finally:
        sink.close()
