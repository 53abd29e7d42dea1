"""The corpus as an analyst gets it: one workbook, and long tables that stand alone.

One batch of every corpus report writes the xlsx and the SQLite database, another the long
recommendations table; each must answer "the Immediately items, with their council and date"
without a join, and agree with the records themselves.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import CORPUS, gold_entries
from inspectparse.output.rows import CONTEXT_COLUMNS, HISTORY_COLUMNS, TABLE_COLUMNS

pytestmark = pytest.mark.corpus

SHEETS = [
    "Reports", "Judgements", "Recommendations", "Paragraphs", "Warnings", "History", "Errors"
]


def _batch(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "inspectparse", "batch", str(CORPUS / "reports"), "-q", *args],
        capture_output=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr.decode()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not (CORPUS / "gold.jsonl").exists():
        pytest.skip("../shared/corpus is absent: real-report tests skipped")
    root = tmp_path_factory.mktemp("analyst")
    out = {"xlsx": root / "corpus.xlsx", "db": root / "corpus.db", "csv": root / "recs.csv"}
    _batch("--format", "xlsx", "-o", str(out["xlsx"]), "--sqlite", str(out["db"]))
    _batch("--table", "recommendations", "-o", str(out["csv"]))
    return out


@pytest.fixture(scope="module")
def records(outputs: dict[str, Path]) -> list[dict[str, Any]]:
    """The records themselves (the SQLite file keeps each whole): what the tables must say."""
    with sqlite3.connect(outputs["db"]) as conn:
        return [json.loads(r) for (r,) in conn.execute("SELECT record FROM reports")]


# (path, provider, authority name, inspection end, letter date, text) of each Immediately item
Immediate = set[tuple[str, str | None, str | None, str | None, str | None, str]]


def _expected(records: list[dict[str, Any]]) -> Immediate:
    out: Immediate = set()
    for rec in records:
        rep = rec["report"]
        authority = (rep.get("authority") or {}).get("name")
        for item in rec["recommendations"]:
            if item["timescale"] == "Immediately":
                assert item["urgency"] == "immediate"
                out.add(
                    (
                        rec["source"]["path"],
                        rep["provider"],
                        authority,
                        rep["inspection_end"],
                        rep["letter_date"],
                        item["text"],
                    )
                )
    return out


def test_urgency_over_the_corpus(records: list[dict[str, Any]]) -> None:
    items = [i for rec in records for i in rec["recommendations"]]
    priority = [i for i in items if i["kind"] == "priority_action"]
    assert priority and all(i["urgency"] == "immediate" for i in priority)
    immediately = [i for i in items if i["timescale"] == "Immediately"]
    assert immediately and all(i["urgency"] == "immediate" for i in immediately)
    assert sum(i["urgency"] == "immediate" for i in items) == len(priority) + len(immediately)
    for timescale, level in (
        ("Within three months", "within_3_months"),
        ("Within six months", "within_6_months"),
    ):
        assert {i["urgency"] for i in items if i["timescale"] == timescale} == {level}


def test_immediately_items_with_council_and_date_from_each_long_table(
    outputs: dict[str, Path], records: list[dict[str, Any]]
) -> None:
    want = _expected(records)
    brent = {w for w in want if w[0].endswith("brent-2012-child-protection.txt")}
    assert len(brent) == 7 and {w[1:5] for w in brent} == {
        ("London Borough of Brent", "Brent", "2012-10-31", None)
    }

    # --table recommendations: one CSV, filtered on its own columns.
    with outputs["csv"].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    from_csv = {
        (
            r["path"],
            r["provider"] or None,
            r["authority_name"] or None,
            r["inspection_end"] or None,
            r["letter_date"] or None,
            r["text"],
        )
        for r in rows
        if r["timescale"] == "Immediately"
    }
    assert from_csv == want

    # SQLite: one table, no join.
    with sqlite3.connect(outputs["db"]) as conn:
        from_sql = set(
            conn.execute(
                "SELECT path, provider, authority_name, inspection_end, letter_date, text "
                "FROM recommendations WHERE timescale = 'Immediately'"
            )
        )
    assert from_sql == want

    # xlsx: the Recommendations sheet alone (its dates are real dates).
    book = openpyxl.load_workbook(outputs["xlsx"], read_only=True)
    sheet = book["Recommendations"]
    values = sheet.iter_rows(values_only=True)
    header = next(values)
    rows_x = [dict(zip(header, row, strict=True)) for row in values]
    book.close()

    def day(value: Any) -> str | None:
        return None if value is None else value.date().isoformat()

    from_xlsx = {
        (
            r["path"],
            r["provider"],
            r["authority_name"],
            day(r["inspection_end"]),
            day(r["letter_date"]),
            r["text"],
        )
        for r in rows_x
        if r["timescale"] == "Immediately"
    }
    assert from_xlsx == want


def test_the_corpus_workbook(outputs: dict[str, Path], records: list[dict[str, Any]]) -> None:
    book = openpyxl.load_workbook(outputs["xlsx"], read_only=True)
    assert book.sheetnames == SHEETS
    headers = {name: [c.value for c in next(book[name].iter_rows(max_row=1))] for name in SHEETS}
    counts = {name: sum(1 for _ in book[name].iter_rows(min_row=2)) for name in SHEETS}
    book.close()

    entries = gold_entries()
    assert counts["Reports"] == len(records) == len(entries)  # one row per report
    assert counts["Errors"] == 0
    reports = headers["Reports"]
    keys = {k for e in entries for k in e["judgements"]}
    for key in keys:  # a column per judgement key, its grade code beside it
        assert reports.index(key + "_code") == reports.index(key) + 1, key
    for column in (
        "kind",
        "provider",
        "authority_name",
        "gss_code",
        "dfe_code",
        "ofsted_urn",
        "inspection_start",
        "inspection_end",
        "letter_date",
        "needs_review",
    ):
        assert column in reports, column
    assert "status" not in reports and "record" not in reports
    for name, table in (
        ("Judgements", "judgements"),
        ("Recommendations", "recommendations"),
        ("Paragraphs", "paragraphs"),
    ):
        assert headers[name] == list(TABLE_COLUMNS[table])
    assert headers["Warnings"][4 : 4 + len(CONTEXT_COLUMNS)] == [c.name for c in CONTEXT_COLUMNS]
    assert counts["Recommendations"] == sum(len(r["recommendations"]) for r in records)
    assert counts["Paragraphs"] == sum(len(r["paragraphs"]) for r in records)
    assert counts["Warnings"] == sum(len(r["warnings"]) for r in records)
    # History: one row per report matched to a local authority, its columns declared once.
    assert headers["History"] == list(HISTORY_COLUMNS)
    councils = [r for r in records if (r["report"].get("authority") or {}).get("type")
                == "local_authority"]
    assert counts["History"] == len(councils) > 0

    # Written in constant memory: rows streamed with inline strings, no shared-string table
    # (which holds every string of the workbook until it is closed).
    with zipfile.ZipFile(outputs["xlsx"]) as zf:
        assert "xl/sharedStrings.xml" not in zf.namelist()
        with zf.open("xl/worksheets/sheet4.xml") as paragraphs:
            assert b't="inlineStr"' in paragraphs.read(200_000)
