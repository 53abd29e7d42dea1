"""SQLite: normalised tables keyed on (sha256, member), resume, and older databases."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from inspectparse.errors import ExitCode, OutputNotWritableError
from inspectparse.outcome import InputId
from inspectparse.output import ITEM_TABLES, REPORT, Column, SqliteSink, write_sqlite
from inspectparse.output.rows import CONTEXT_COLUMNS
from inspectparse.output.sqlitedb import SCHEMA_VERSION, Schema
from inspectparse.record import Record
from output_helpers import council, err, make_record, ok


def test_sqlite_tables_join_on_sha256_and_member(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    plain = make_record("a.pdf", grades={"overall_effectiveness": "good", "leadership": "good"})
    in_zip = make_record("bundle.zip", member="x/b.pdf", content=b"b")
    sink = SqliteSink.to_path(db)
    for outcome in (ok(plain), ok(in_zip), err("c.pdf"), err("bundle.zip", member="junk.bin")):
        sink.write(outcome)
    sink.close()

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM reports").fetchone() == (2,)
    assert conn.execute("SELECT count(*) FROM errors").fetchone() == (2,)
    joined = conn.execute(
        "SELECT r.path, r.member, j.key, j.grade FROM reports r "
        "JOIN judgements j USING (sha256, member) ORDER BY r.path, j.idx"
    ).fetchall()
    assert joined == [
        ("a.pdf", "", "overall_effectiveness", "good"),
        ("a.pdf", "", "leadership", "good"),
        ("bundle.zip", "x/b.pdf", "overall_effectiveness", "good"),
    ]
    for table, n in (("recommendations", 4), ("paragraphs", 6), ("warnings", 2)):
        count = conn.execute(
            f"SELECT count(*) FROM {table} t JOIN reports r USING (sha256, member)"
        ).fetchone()
        assert count == (n,)
    assert conn.execute("SELECT needs_review FROM reports WHERE path='a.pdf'").fetchone() == (1,)
    assert conn.execute("SELECT DISTINCT code, field, severity FROM warnings").fetchall() == [
        ("test_warning", "report.provider", "review")
    ]
    full = json.loads(conn.execute("SELECT record FROM reports WHERE path='a.pdf'").fetchone()[0])
    assert Record.model_validate(full) == plain
    pk = [r[1] for r in conn.execute("PRAGMA table_info(reports)") if r[5]]
    assert pk == ["sha256", "member"]
    conn.close()


def test_sqlite_resume_lookup_and_rewrite(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    a = ok(make_record("a.pdf"))
    failed_then_ok = err("a.pdf")
    sink = SqliteSink.to_path(db)
    sink.write(failed_then_ok)
    sink.write(a)  # a success supersedes the error of the same input
    sink.write(a)  # written twice: still one report
    assert sink.lookup(a.input) is not None and sink.lookup(a.input).ok
    assert sink.lookup(InputId("z.pdf", None, "0" * 64)) is None
    sink.close()
    write_sqlite([make_record("a.pdf")], db)  # force: replaced, not duplicated
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM judgements").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    conn.close()


def test_sqlite_same_content_at_two_paths_is_one_report(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    one = make_record("a.pdf", content=b"same")
    two = make_record("copy/a.pdf", content=b"same")
    sink = SqliteSink.to_path(db)
    sink.write(ok(one))
    sink.write(ok(two))
    assert sink.lookup(ok(two).input) is not None
    sink.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT path FROM reports").fetchall() == [("a.pdf",)]
    conn.close()


# The `reports` table as the layout before the meta table wrote it, less `letter_date` (the
# field added last): a database from an earlier version of inspectparse.
_EARLIER_REPORTS = """
CREATE TABLE reports (
    sha256 TEXT NOT NULL, member TEXT NOT NULL DEFAULT '', path TEXT, format TEXT,
    pages INTEGER, engine TEXT, kind TEXT, kind_rule TEXT, variant TEXT, title TEXT,
    provider TEXT, inspection_start TEXT, inspection_end TEXT, lead_inspector TEXT,
    published TEXT, schema_version TEXT, parser_version TEXT, record TEXT NOT NULL,
    PRIMARY KEY (sha256, member)
);
CREATE TABLE warnings (
    sha256 TEXT NOT NULL, member TEXT NOT NULL DEFAULT '', idx INTEGER NOT NULL,
    code TEXT NOT NULL, PRIMARY KEY (sha256, member, idx),
    FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE
);
INSERT INTO reports (sha256, member, path, kind, record)
    VALUES ('0000', '', 'old.pdf', 'ilacs', '{}');
"""


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_a_database_from_an_earlier_layout_is_resumed_and_gains_the_new_columns(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(_EARLIER_REPORTS)
    conn.close()
    a = ok(make_record("a.pdf"))
    sink = SqliteSink.to_path(db)  # was: "table reports has no column named letter_date"
    assert sink.lookup(InputId("old.pdf", None, "0000")) is not None  # still resumable
    sink.write(a)
    sink.close()
    conn = sqlite3.connect(db)
    assert "letter_date" in _columns(conn, "reports")
    assert {"message", "field", "severity", "page"} <= set(_columns(conn, "warnings"))
    rows = conn.execute("SELECT path, letter_date FROM reports ORDER BY path").fetchall()
    assert rows == [("a.pdf", None), ("old.pdf", None)]
    assert conn.execute("SELECT message FROM warnings").fetchall() == [("invented",)]
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )
    conn.close()


def test_a_new_column_declaration_reaches_an_existing_database(
    tmp_path: Path,
) -> None:
    # The exercise "a new record field": one Column line; the next run adds it, and fills it
    # in the rows already there from their stored records.
    db = tmp_path / "out.db"
    write_sqlite([make_record("a.pdf")], db)
    extra = Column("lead_inspector_upper", "TEXT", lambda r: r["report"]["lead_inspector"].upper())
    schema = Schema.declared(report=(*REPORT, extra))
    sink = SqliteSink.to_path(db, schema=schema)
    sink.write(ok(make_record("b.pdf")))
    sink.close()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT path, lead_inspector_upper FROM reports ORDER BY path").fetchall()
    assert rows == [("a.pdf", "ADA EXAMPLE"), ("b.pdf", "ADA EXAMPLE")]
    conn.close()


def test_a_database_from_a_newer_layout_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    write_sqlite([make_record("a.pdf")], db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,)
        )
    conn.close()
    with pytest.raises(OutputNotWritableError, match="newer inspectparse"):
        SqliteSink.to_path(db)


def test_a_file_that_is_not_a_database_is_a_typed_error(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_bytes(b"these are notes, not a database\n" * 100)
    with pytest.raises(OutputNotWritableError) as info:
        SqliteSink.to_path(not_db)
    assert info.value.exit_code == ExitCode.OUTPUT_NOT_WRITABLE
    with pytest.raises(OutputNotWritableError):
        SqliteSink.to_path(tmp_path / "no" / "such" / "folder" / "x.db")


def test_a_new_database_is_generated_from_the_declarations(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    write_sqlite([make_record("a.pdf")], db)
    conn = sqlite3.connect(db)
    report_columns = _columns(conn, "reports")
    assert report_columns[:3] == ["sha256", "member", "path"]
    assert report_columns[3:] == [c.name for c in REPORT if c.sqlite]
    context = [c.name for c in CONTEXT_COLUMNS]
    assert context[:2] == ["report_kind", "provider"]
    for table in ITEM_TABLES:
        declared = [c.name for c in table.columns if c.sqlite]
        keys = ["sha256", "member", "idx", "path"]
        assert _columns(conn, table.name) == [*keys, *context, *declared]
    conn.close()


def test_item_rows_carry_the_reports_context_so_no_join_is_needed(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    record = make_record("a.pdf").model_dump(mode="json")
    record["report"]["letter_date"] = "2031-04-01"
    record["recommendations"][1].update(timescale="Immediately", urgency="immediate")
    record["recommendations"][0]["kind"] = "priority_action"
    write_sqlite([record], db)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT path, report_kind, provider, inspection_end, letter_date, item_kind, text "
        "FROM recommendations WHERE urgency = 'immediate'"
    ).fetchall()
    assert rows == [
        (
            "a.pdf",
            "ilacs",
            "Northwick Borough Council",
            "2031-03-14",
            "2031-04-01",
            "improvement",
            "Invented action 1, with a comma",
        )
    ]
    # The earlier `kind` column stays beside `item_kind` for queries written before it.
    assert conn.execute("SELECT kind, item_kind FROM recommendations WHERE idx = 0").fetchone() == (
        "priority_action",
        "priority_action",
    )
    assert conn.execute("SELECT sub_items FROM recommendations WHERE idx = 0").fetchone() == (
        "a; b",
    )
    for table in ("judgements", "paragraphs", "warnings"):
        got = conn.execute(f"SELECT DISTINCT path, report_kind, provider FROM {table}").fetchall()
        assert got == [("a.pdf", "ilacs", "Northwick Borough Council")], table
    conn.close()


# The item tables as a database written before schema 1.4 has them: no path, no report
# context, the recommendations' kind under `kind`, no urgency; its stored record has no
# urgency either.
_BEFORE_CONTEXT = """
DROP TABLE recommendations;
CREATE TABLE recommendations (
    sha256 TEXT NOT NULL, member TEXT NOT NULL DEFAULT '', idx INTEGER NOT NULL,
    number INTEGER, kind TEXT, heading TEXT, timescale TEXT, actor TEXT, text TEXT,
    sub_items TEXT, rule TEXT, page INTEGER, page_end INTEGER, paragraph INTEGER,
    PRIMARY KEY (sha256, member, idx),
    FOREIGN KEY (sha256, member) REFERENCES reports (sha256, member) ON DELETE CASCADE
);
"""


def test_a_database_from_before_the_report_context_gains_it_filled_in(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    record = make_record("a.pdf", authority=council()).model_dump(mode="json")
    record["recommendations"][0].update(kind="priority_action", heading="Areas for priority action")
    write_sqlite([record], db)
    old = {**record, "schema_version": "1.3"}
    for item in old["recommendations"]:
        del item["urgency"]
    with sqlite3.connect(db) as conn:
        conn.executescript(_BEFORE_CONTEXT)
        conn.execute("UPDATE reports SET record = ?", (json.dumps(old),))
        conn.executemany(
            "INSERT INTO recommendations (sha256, member, idx, kind, text) VALUES (?, '', ?, ?, ?)",
            [
                (record["source"]["sha256"], i, r["kind"], r["text"])
                for i, r in enumerate(old["recommendations"])
            ],
        )
    conn.close()

    SqliteSink.to_path(db).close()  # opening it brings it up to date
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT idx, path, report_kind, provider, authority_name, dfe_code, inspection_end, "
        "kind, item_kind, urgency FROM recommendations ORDER BY idx"
    ).fetchall()
    assert rows == [
        (
            0,
            "a.pdf",
            "ilacs",
            "Northwick Borough Council",
            "Harrow",
            "310",
            "2031-03-14",
            "priority_action",
            "priority_action",
            "immediate",
        ),
        (
            1,
            "a.pdf",
            "ilacs",
            "Northwick Borough Council",
            "Harrow",
            "310",
            "2031-03-14",
            "improvement",
            "improvement",
            "unspecified",
        ),
    ]
    # The other item tables had their columns already (written by this version): untouched.
    assert conn.execute("SELECT count(*) FROM judgements WHERE provider IS NULL").fetchone() == (0,)
    conn.close()
