"""Full-text search and the `search` / `history` commands, on invented records."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from inspectparse.cli import main
from inspectparse.errors import ErrorCode, ExitCode, SearchQueryError
from inspectparse.output import write_sqlite
from inspectparse.output.jsonl import JsonlSink
from inspectparse.output.sink import SinkOptions
from inspectparse.output.sqlindex import open_database
from inspectparse.record import Record
from inspectparse.search import HIT_COLUMNS, search

sys.path.insert(0, str(REPO / "tests" / "output"))
from output_helpers import council, make_record, ok  # noqa: E402

BARNET = council("Barnet", gss="E09000003", dfe="302", urn="80448")


def _record(path: str, paragraphs: list[str], *, kind: str = "ilacs", start: str = "2023-05-08",
            authority=None, recommendations: tuple[str, ...] = (), grade: str = "good") -> Record:
    data = make_record(path, kind=kind, start=start, authority=authority or council(),
                       grades={"overall_effectiveness": grade}).model_dump(mode="json")
    data["paragraphs"] = [
        {"number": i + 10, "text": text, "provenance": {"page": i + 2}}
        for i, text in enumerate(paragraphs)
    ]
    data["recommendations"] = [
        {"text": text, "rule": "test.list", "provenance": {"page": 9, "paragraph": 4}}
        for text in recommendations
    ]
    return Record.model_validate(data)


def _records() -> list[Record]:
    return [
        _record("a/harrow.pdf", [
            "Invented text about staffing and caseloads.",
            "Children at risk of child exploitation are not always seen quickly enough.",
            "Invented text about the local offer for care leavers.",
        ], recommendations=("Review the response to child exploitation immediately.",)),
        _record("b/barnet.pdf", [
            "Child exploitation is well understood; child exploitation meetings are effective.",
        ], kind="sif", start="2016-02-01", authority=BARNET, grade="inadequate"),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "reports.db"
    write_sqlite(_records(), path)
    return path


def test_search_finds_a_phrase_in_its_paragraph(db: Path) -> None:
    conn = open_database(db)
    hits = search(conn, '"child exploitation"', within=("paragraphs",))
    assert [(h.authority, h.paragraph, h.page, h.kind, h.date) for h in hits] == [
        ("Barnet", 10, 2, "sif", "2016-02-01"),  # twice in a short paragraph: the best match
        ("Harrow", 11, 3, "ilacs", "2023-05-08"),
    ]
    assert "**child exploitation**" in hits[1].snippet.lower()
    assert hits[0].score <= hits[1].score
    # Stemmed: "exploited" finds "exploitation".
    assert len(search(conn, "exploited", within=("paragraphs",))) == 2
    conn.close()


def test_search_narrows_by_kind_date_and_place(db: Path) -> None:
    conn = open_database(db)
    assert [h.authority for h in search(conn, "exploitation", kind="sif")] == ["Barnet"]
    since = search(conn, "exploitation", since="2020-01-01")
    assert {h.authority for h in since} == {"Harrow"} and len(since) == 2
    recs = search(conn, "exploitation", within=("recommendations",))
    assert [(h.found_in, h.paragraph, h.page) for h in recs] == [("recommendation", 4, 9)]
    assert len(search(conn, "exploitation", limit=1)) == 1
    assert search(conn, "nonexistentword") == []
    conn.close()


def test_search_narrows_recommendations_by_urgency(tmp_path: Path) -> None:
    data = _record("c/brent.pdf", ["Invented text: exploitation is tracked weekly."],
                   recommendations=("Exploitation screening now.", "Exploitation training."),
                   ).model_dump(mode="json")
    for item, timescale in zip(data["recommendations"], ("Immediately", "Within three months"),
                                  strict=True):
        item["timescale"] = timescale
        del item["urgency"]  # derived from the timescale, as a saved record is read
    path = tmp_path / "urgency.db"
    write_sqlite([Record.model_validate(data)], path)
    conn = open_database(path)
    everything = search(conn, "exploitation")
    assert {h.found_in for h in everything} == {"paragraph", "recommendation"}
    now = search(conn, "exploitation", urgency="immediate")
    assert [(h.text, h.urgency) for h in now] == [("Exploitation screening now.", "immediate")]
    later = search(conn, "exploitation", urgency="within_3_months", limit=0)
    assert [h.text for h in later] == ["Exploitation training."]
    assert search(conn, "exploitation", urgency="within_6_months") == []
    with pytest.raises(ValueError, match="urgency"):
        search(conn, "exploitation", urgency="soon")  # type: ignore[arg-type]
    conn.close()
    runner = CliRunner()
    as_json = runner.invoke(main, ["search", str(path), "exploitation", "--urgency",
                                   "immediate", "--format", "json"])
    assert as_json.exit_code == 0, as_json.stderr
    assert [h["urgency"] for h in json.loads(as_json.stdout)] == ["immediate"]
    clash = runner.invoke(main, ["search", str(path), "x", "--urgency", "immediate",
                                 "--in", "paragraphs"])
    assert clash.exit_code == ExitCode.USAGE and "--urgency" in clash.stderr


@pytest.mark.parametrize("query", ['"child exploitation', "exploitation AND", "foo:bar", "  "])
def test_a_query_fts5_cannot_read_is_a_typed_error(db: Path, query: str) -> None:
    conn = open_database(db)
    with pytest.raises(SearchQueryError) as info:
        search(conn, query)
    conn.close()
    assert info.value.code == ErrorCode.BAD_QUERY.value
    assert "\n" not in info.value.message


def test_search_command_bad_query_is_one_line_and_exit_2(db: Path) -> None:
    result = CliRunner().invoke(main, ["search", str(db), '"open quote'])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("inspectparse: error: cannot read the search")


def test_search_command_formats(db: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["search", str(db), "child exploitation"])
    assert table.exit_code == 0, table.stderr
    assert "\x1b[" not in table.stdout  # not a terminal: plain
    assert "Barnet" in table.stdout and "**exploitation**" in table.stdout.lower()
    as_csv = runner.invoke(main, ["search", str(db), "exploitation", "--format", "csv",
                                  "--in", "paragraphs", "--kind", "ilacs"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert tuple(rows[0]) == HIT_COLUMNS
    assert [(r["authority"], r["paragraph"], r["page"]) for r in rows] == [("Harrow", "11", "3")]
    as_json = runner.invoke(main, ["search", str(db), "exploitation", "--format", "json",
                                   "--since", "2020-01-01"])
    hits = json.loads(as_json.stdout)
    assert {h["found_in"] for h in hits} == {"paragraph", "recommendation"}
    bad_kind = runner.invoke(main, ["search", str(db), "x", "--kind", "nonsense"])
    assert bad_kind.exit_code == ExitCode.USAGE


def test_search_command_on_what_is_not_a_database(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["search", str(tmp_path / "none.db"), "x"])
    assert missing.exit_code == ExitCode.INPUT_UNREADABLE
    assert not (tmp_path / "none.db").exists()  # never created
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(main, ["search", str(junk), "x"])
    assert result.exit_code == ExitCode.INPUT_UNREADABLE
    assert len(result.stderr.strip().splitlines()) == 1


def test_history_command_reads_a_database_and_json_lines_alike(db: Path, tmp_path: Path) -> None:
    lines = tmp_path / "reports.jsonl"
    sink = JsonlSink.to_path(lines, SinkOptions())
    for rec in _records():
        sink.write(ok(rec))
    sink.write(ok(make_record("c/unmatched.pdf")))  # no council: left out, and said so
    sink.close()
    write_sqlite([make_record("c/unmatched.pdf")], db)
    runner = CliRunner()
    from_db = runner.invoke(main, ["history", str(db), "--format", "csv"])
    from_lines = runner.invoke(main, ["history", str(lines), "--format", "csv"])
    assert from_db.exit_code == from_lines.exit_code == 0, from_db.stderr + from_lines.stderr
    assert from_db.stdout == from_lines.stdout
    rows = list(csv.DictReader(io.StringIO(from_db.stdout)))
    assert [(r["authority_name"], r["overall_grade"]) for r in rows] == [
        ("Barnet", "inadequate"),
        ("Harrow", "good"),
    ]
    assert "1 report(s) left out" in from_db.stderr
    one = runner.invoke(main, ["history", str(db), "--authority", "302", "--format", "json"])
    assert [r["authority_name"] for r in json.loads(one.stdout)] == ["Barnet"]
    table = runner.invoke(main, ["history", str(db)])
    assert "Harrow" in table.stdout and "\x1b[" not in table.stdout
    nobody = runner.invoke(main, ["history", str(db), "--authority", "Atlantis"])
    assert nobody.exit_code == 0 and "no council matches" in nobody.stderr


def test_history_command_on_what_it_cannot_read(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not records\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["history", str(text)])
    assert result.exit_code == ExitCode.INPUT_UNREADABLE
    assert "neither an SQLite output nor batch JSON Lines" in result.stderr


def test_search_upgrades_a_database_written_before_the_index(db: Path) -> None:
    conn = sqlite3.connect(db)
    for table in ("paragraphs", "recommendations"):
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER {table}_fts_{event}")
        conn.execute(f"DROP TABLE {table}_fts")
        conn.execute(f"DROP TABLE {table}_fts_keys")
    conn.execute("DROP VIEW history")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["search", str(db), "exploitation", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3
