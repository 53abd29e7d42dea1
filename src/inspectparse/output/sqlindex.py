"""The SQLite output's derived parts: full-text indexes and the `history` view.

`paragraphs_fts` and `recommendations_fts` are FTS5 indexes over the text of those tables
(porter stemming: "exploited" finds "exploitation"). Triggers on the item tables keep them in
step with every insert, delete and update, whoever writes (a resumed batch, `--force`, an older
inspectparse, the sqlite3 shell), so an index never holds a row its table has lost, nor one
twice. Each index row's id is the `id` of its `<table>_fts_keys` row, which names the item by
(sha256, member, idx): an INTEGER PRIMARY KEY, which VACUUM keeps (the item tables' own rowids
it may renumber). The index keeps its own copy of the text, so `snippet()` needs no other table.

`history` is a view (`history.view_sql`): one row per report of a council with its overall
grade, the one before it and the change. It is recreated when this version's definition differs.

`ensure_indexes` runs when the database is opened (`sqlitedb.migrate`); an index created on a
database that already holds reports is filled from them. `open_database` opens one for reading
(`search`, `history`), adding what an earlier version did not write.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import InputNotFoundError, InputUnreadableError, OutputNotWritableError

__all__ = ["FTS_TABLES", "ensure_indexes", "fts5_available", "has_indexes", "open_database"]

# Item table -> its columns the index covers (the index has the same column names).
FTS_TABLES: dict[str, tuple[str, ...]] = {
    "paragraphs": ("text",),
    "recommendations": ("text", "sub_items"),
}
TOKENIZE = "porter unicode61 remove_diacritics 2"


def fts5_available(conn: sqlite3.Connection) -> bool:
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return found is not None


def has_indexes(conn: sqlite3.Connection) -> bool:
    """Whether the database has every index and the history view."""
    return all(_exists(conn, f"{t}_fts") for t in FTS_TABLES) and _exists(conn, "history")


def _key(row: str, keys: str) -> str:
    return (
        f"(SELECT id FROM {keys} WHERE sha256 = {row}.sha256 AND member = {row}.member "
        f"AND idx = {row}.idx)"
    )


def _triggers(table: str, columns: tuple[str, ...]) -> list[str]:
    fts, keys = f"{table}_fts", f"{table}_fts_keys"
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    sets = ", ".join(f"{c} = new.{c}" for c in columns)
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO {keys} (sha256, member, idx) VALUES (new.sha256, new.member, new.idx);
    INSERT INTO {fts} (rowid, {names}) VALUES ({_key("new", keys)}, {new});
END""",
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN
    DELETE FROM {fts} WHERE rowid = {_key("old", keys)};
    DELETE FROM {keys} WHERE sha256 = old.sha256 AND member = old.member AND idx = old.idx;
END""",
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN
    UPDATE {fts} SET {sets} WHERE rowid = {_key("new", keys)};
END""",
    ]


def _ensure_fts(conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
    fts, keys = f"{table}_fts", f"{table}_fts_keys"
    new = not _exists(conn, fts)
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {keys} (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, "
        "member TEXT NOT NULL, idx INTEGER NOT NULL, UNIQUE (sha256, member, idx))"
    )
    names = ", ".join(columns)
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, tokenize = '{TOKENIZE}')"
    )
    for trigger in _triggers(table, columns):
        conn.execute(trigger)
    if new:  # the rows already there (a database written before the index existed)
        conn.execute(f"DELETE FROM {keys}")
        conn.execute(
            f"INSERT INTO {keys} (sha256, member, idx) SELECT sha256, member, idx FROM {table}"
        )
        chosen = ", ".join(f"t.{c}" for c in columns)
        conn.execute(
            f"INSERT INTO {fts} (rowid, {names}) SELECT k.id, {chosen} FROM {keys} k "
            f"JOIN {table} t ON t.sha256 = k.sha256 AND t.member = k.member AND t.idx = k.idx"
        )


def _ensure_view(conn: sqlite3.Connection) -> None:
    from ..history import view_sql

    sql = view_sql()
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'history'")
    found = row.fetchone()
    if found is not None and found[0] == sql:
        return
    conn.execute("DROP VIEW IF EXISTS history")
    conn.execute(sql)


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Create what is missing: the text indexes (filled from the rows there) and the view.

    Without FTS5 in this Python's SQLite the indexes are left out (`search` says so)."""
    if fts5_available(conn):
        for table, columns in FTS_TABLES.items():
            _ensure_fts(conn, table, columns)
    _ensure_view(conn)


def open_database(path: str | Path, *, upgrade: bool = True) -> sqlite3.Connection:
    """An existing SQLite output, with its indexes and view (added now when an earlier version
    wrote it, if `upgrade`). Typed errors for a missing file or one that is not a database."""
    target = Path(path)
    if not target.is_file():
        raise InputNotFoundError(f"{path}: no such file; check the path", path=str(path))
    try:
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise InputUnreadableError(
            f"{path}: not an SQLite database ({exc}); give the file written by "
            "'inspectparse batch --sqlite'",
            path=str(path),
        ) from None
    if "reports" not in tables:
        conn.close()
        raise InputUnreadableError(
            f"{path}: an SQLite database without inspectparse's tables; give the file written "
            "by 'inspectparse batch --sqlite'",
            path=str(path),
        )
    if has_indexes(conn) or not upgrade:
        return conn
    conn.close()
    return _upgraded(target)


def _upgraded(target: Path) -> sqlite3.Connection:
    from .sqlitedb import migrate

    try:
        conn = sqlite3.connect(target)
        migrate(conn, target)
    except sqlite3.Error as exc:
        raise OutputNotWritableError(
            f"{target}: written by an earlier inspectparse and cannot be given its search "
            f"index here ({exc}); run 'inspectparse batch ... --sqlite {target}' where it "
            "can be written",
            path=str(target),
        ) from None
    return conn
