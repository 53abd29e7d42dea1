"""SQLite full-text indexes: whole after rewrites, resumes, VACUUM and an older database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from inspectparse.output import SqliteSink, write_sqlite
from inspectparse.output.sqlindex import FTS_TABLES, has_indexes
from output_helpers import council, make_record, ok


def assert_index_whole(db: Path) -> None:
    """Every item row is in its index exactly once, with its own text, and nothing else is."""
    conn = sqlite3.connect(db)
    try:
        for table, columns in FTS_TABLES.items():
            fts, keys = f"{table}_fts", f"{table}_fts_keys"
            conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
            items = conn.execute(
                f"SELECT sha256, member, idx, {', '.join(columns)} FROM {table} "
                "ORDER BY sha256, member, idx"
            ).fetchall()
            indexed = conn.execute(
                f"SELECT k.sha256, k.member, k.idx, {', '.join(f'f.{c}' for c in columns)} "
                f"FROM {fts} f JOIN {keys} k ON k.id = f.rowid ORDER BY 1, 2, 3"
            ).fetchall()
            assert indexed == items, table
            assert conn.execute(f"SELECT count(*) FROM {fts}").fetchone()[0] == len(items)
            assert conn.execute(f"SELECT count(*) FROM {keys}").fetchone()[0] == len(items)
    finally:
        conn.close()


def _records(n: int = 3, **kw):
    return [
        make_record(f"in/r{i}.pdf", paragraphs=3 + i, authority=council(), **kw) for i in range(n)
    ]


def test_index_follows_every_write(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    records = _records()
    write_sqlite(records, db)
    assert_index_whole(db)
    # Reprocessed (--force): rows deleted and written again, never doubled in the index.
    write_sqlite(records[:2], db)
    assert_index_whole(db)
    # A report converted again with fewer paragraphs loses the ones it no longer has.
    write_sqlite([make_record("in/r2.pdf", paragraphs=1, authority=council())], db)
    assert_index_whole(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM paragraphs_fts").fetchone() == (3 + 4 + 1,)
    conn.close()


def test_a_resumed_sink_keeps_the_index_whole(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    records = _records(4)
    sink = SqliteSink.to_path(db)
    for rec in records[:2]:
        sink.write(ok(rec))
    sink.close()
    sink = SqliteSink.to_path(db)  # resumed: what it holds is skipped, the rest added
    for rec in records:
        sink.write(ok(rec))
    sink.close()
    assert_index_whole(db)


def test_the_index_survives_vacuum(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    records = _records(4)
    write_sqlite(records, db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    # A report deleted by hand: its items go by cascade, and their index rows with them; the
    # gaps it leaves in the rowids are what VACUUM may renumber.
    conn.execute("DELETE FROM reports WHERE path = 'in/r0.pdf'")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    assert_index_whole(db)
    write_sqlite(records[1:3], db)  # rows deleted and written again after the VACUUM
    assert_index_whole(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM paragraphs").fetchone() == (4 + 5 + 6,)
    conn.close()


def test_an_older_database_gains_the_index_and_the_view(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    write_sqlite(_records(), db)
    conn = sqlite3.connect(db)
    for table in FTS_TABLES:
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER {table}_fts_{event}")
        conn.execute(f"DROP TABLE {table}_fts")
        conn.execute(f"DROP TABLE {table}_fts_keys")
    conn.execute("DROP VIEW history")
    conn.commit()
    assert not has_indexes(conn)
    conn.close()

    SqliteSink.to_path(db).close()  # the next run opens it
    conn = sqlite3.connect(db)
    assert has_indexes(conn)
    assert conn.execute("SELECT count(*) FROM history").fetchone() == (3,)
    hits = conn.execute(
        "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'invented paragraph'"
    ).fetchone()
    conn.close()
    assert hits == (3 + 4 + 5,)
    assert_index_whole(db)
