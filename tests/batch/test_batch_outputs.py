"""Batch outputs: CSV, long tables, SQLite and --output-dir load with the usual tools."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from batch_helpers import (
    fake_task,
    make_inputs,
    write_plain_inputs,
)
from inspectparse.batch import (
    run_batch,
)
from inspectparse.errors import ExitCode


def test_csv_table_and_sqlite_outputs_load_with_csv_and_sqlite3(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    n_ok = sum(1 for s in expected.values() if s == "ok")
    run_batch(
        [tmp_path / "in"],
        output=tmp_path / "reports.csv",
        format="csv",
        sqlite=tmp_path / "reports.db",
        jobs=2,
        timeout=120,
    )
    run_batch(
        [tmp_path / "in"],
        output=tmp_path / "j.csv",
        table="judgements",
        sqlite=tmp_path / "fake.db",
        task=fake_task,
        jobs=2,
    )
    with (tmp_path / "reports.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(expected)  # errors are rows too (status column)
    assert sum(r["status"] == "ok" for r in rows) == n_ok
    assert {(r["path"], r["member"] or None) for r in rows} == set(expected)
    with (tmp_path / "j.csv").open(encoding="utf-8", newline="") as fh:
        jrows = list(csv.DictReader(fh))
    with sqlite3.connect(tmp_path / "fake.db") as conn:
        n_fake = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert len(jrows) == n_fake and {r["grade"] for r in jrows} == {"good"}  # one per report

    conn = sqlite3.connect(tmp_path / "reports.db")
    n_reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    n_errors = conn.execute("SELECT count(*) FROM errors").fetchone()[0]
    assert (n_reports, n_errors) == (n_ok, len(expected) - n_ok)
    joined = conn.execute(
        "SELECT count(*) FROM paragraphs JOIN reports USING (sha256, member)"
    ).fetchone()[0]
    assert joined == conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    conn.close()


def test_csv_and_sqlite_load_in_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    write_plain_inputs(tmp_path / "in", 3)
    run_batch(
        [tmp_path / "in"],
        output=tmp_path / "r.csv",
        format="csv",
        sqlite=tmp_path / "r.db",
        task=fake_task,
        jobs=1,
    )
    assert len(pd.read_csv(tmp_path / "r.csv")) == 3
    with sqlite3.connect(tmp_path / "r.db") as conn:
        frame = pd.read_sql("SELECT * FROM reports JOIN judgements USING (sha256, member)", conn)
    assert len(frame) == 3


def test_output_dir_mirrors_the_input_tree(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    run_batch([tmp_path / "in"], output_dir=tmp_path / "out", task=fake_task, jobs=2)
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    files = [f for f in files if f.endswith(".json")]
    assert len(files) == len(expected)
    assert "reports/deep/southfield.PDF.json" in files
    assert "bundle.dat/a/inner.txt.json" in files
    assert "reports/more.pdf/x/noise.dat.error.json" in files


def test_batch_resumes_into_a_database_from_an_earlier_layout(tmp_path: Path) -> None:
    # The bug of issue 11: "table reports has no column named letter_date", a traceback.
    write_plain_inputs(tmp_path / "in", 3)
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "CREATE TABLE reports (sha256 TEXT NOT NULL, member TEXT NOT NULL DEFAULT '',"
            " path TEXT, kind TEXT, record TEXT NOT NULL, PRIMARY KEY (sha256, member));"
        )
    conn.close()
    first = run_batch([tmp_path / "in"], sqlite=db, task=fake_task, jobs=1)
    assert first.exit_code == ExitCode.OK and first.converted == 3
    again = run_batch([tmp_path / "in"], sqlite=db, task=fake_task, jobs=1)
    assert (again.skipped, again.converted) == (3, 0)
    with sqlite3.connect(db) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(reports)")}
        assert {"letter_date", "needs_review", "engine"} <= columns
        assert conn.execute("SELECT count(*) FROM judgements").fetchone() == (3,)
    conn.close()
