"""Writers shared by `extract` and `batch`: JSON, JSON Lines, CSV, long tables, SQLite, folders.

Records here are built by hand (invented council, invented text): no report text is copied.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest

from inspectparse.record import Record
from inspectparse.writers import (
    REPORT_COLUMNS,
    TABLE_COLUMNS,
    CsvReportSink,
    InputId,
    JsonlSink,
    JsonlWriter,
    Outcome,
    OutputDirSink,
    SqliteSink,
    TableCsvSink,
    dumps,
    iter_jsonl,
    repair_jsonl,
    report_columns,
    write_json,
    write_report_csv,
    write_sqlite,
    write_table_csv,
)


def make_record(
    path: str = "in/northwick.pdf",
    *,
    member: str | None = None,
    content: bytes | None = None,
    grades: dict[str, str] | None = None,
    kind: str = "ilacs",
    recommendations: int = 2,
    paragraphs: int = 3,
) -> Record:
    sha = hashlib.sha256(content if content is not None else path.encode()).hexdigest()
    grades = {"overall_effectiveness": "good"} if grades is None else grades
    prov = {"page": 1, "text": "invented evidence"}
    return Record.model_validate(
        {
            "parser_version": "0.1.0",
            "source": {
                "path": path,
                "sha256": sha,
                "format": "pdf",
                "pages": 4,
                "engine": "pdfium",
                "member": member,
            },
            "report": {
                "kind": kind,
                "provider": "Northwick Borough Council",
                "inspection_start": "2031-03-03",
                "inspection_end": "2031-03-14",
                "lead_inspector": "Ada Example",
                "published": "2031-04-20",
            },
            "judgements": [
                {
                    "key": key,
                    "label": key.replace("_", " "),
                    "grade": grade,
                    "grade_text": grade.title(),
                    "rule": "test.table",
                    "provenance": prov,
                }
                for key, grade in grades.items()
            ],
            "recommendations": [
                {
                    "text": f"Invented action {i}, with a comma",
                    "rule": "test.list",
                    "sub_items": ["a", "b"] if i == 0 else [],
                    "provenance": prov,
                }
                for i in range(recommendations)
            ],
            "paragraphs": [
                {
                    "number": i + 1,
                    "text": f'Invented paragraph {i + 1} with "quotes"\nand a newline.',
                    "provenance": {"page": 2},
                }
                for i in range(paragraphs)
            ],
            "warnings": [{"code": "test_warning", "message": "invented"}],
        }
    )


def ok(record: Record, *, rel: str | None = None) -> Outcome:
    src = record.source
    return Outcome(
        InputId(src.path, src.member, src.sha256, rel), record=record.model_dump(mode="json")
    )


def err(path: str, code: str = "unsupported_format", *, member: str | None = None) -> Outcome:
    sha = hashlib.sha256(b"bad" + path.encode()).hexdigest()
    return Outcome(InputId(path, member, sha), code=code, message=f"{path} is not a report")


# --- JSON --------------------------------------------------------------------------------------


def test_json_compact_and_pretty_round_trip() -> None:
    record = make_record()
    compact, pretty = io.StringIO(), io.StringIO()
    write_json(record, compact)
    write_json(record, pretty, pretty=True)
    assert compact.getvalue().count("\n") == 1  # one line
    assert pretty.getvalue().startswith("{\n  ")
    assert json.loads(compact.getvalue()) == json.loads(pretty.getvalue())
    assert Record.model_validate_json(compact.getvalue()) == record


def test_dumps_keeps_unicode() -> None:
    assert dumps({"a": "café – ok"}) == '{"a":"café – ok"}'


# --- Outcomes and JSON Lines -------------------------------------------------------------------


def test_outcome_lines_have_source_and_exactly_one_of_report_or_error() -> None:
    good, bad = ok(make_record()), err("x.pdf")
    for outcome in (good, bad):
        line = outcome.line()
        assert set(line) in ({"source", "report"}, {"source", "error"})
        assert set(line["source"]) == {"path", "sha256", "member"}
        back = Outcome.from_line(json.loads(dumps(line)))
        assert back.input.key == outcome.input.key
        assert back.status == outcome.status
    assert bad.line()["error"] == {"code": "unsupported_format", "message": "x.pdf is not a report"}
    with pytest.raises(ValueError):
        Outcome(InputId("x"))  # neither
    with pytest.raises(ValueError):
        Outcome.from_line({"source": {}, "report": {}, "error": {"code": "x"}})


def test_jsonl_writer_writes_whole_lines_and_repair_cuts_a_torn_tail(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter(path)
    writer.write(ok(make_record()).line())
    writer.write(err("b.pdf").line())
    writer.close()
    whole = path.read_bytes()
    assert whole.endswith(b"\n") and whole.count(b"\n") == 2
    # What a kill in the middle of a write could leave: half a line, no newline.
    path.write_bytes(whole + b'{"source":{"path":"c.pdf"')
    assert [o["source"]["path"] for o in iter_jsonl(path)] == ["in/northwick.pdf", "b.pdf"]
    assert repair_jsonl(path) == len(b'{"source":{"path":"c.pdf"')
    assert path.read_bytes() == whole
    assert repair_jsonl(path) == 0
    # Appending after a repair gives complete lines only.
    writer = JsonlWriter(path, append=True)
    writer.write(err("d.pdf").line())
    writer.close()
    lines = path.read_bytes().splitlines()
    assert len(lines) == 3 and all(json.loads(line) for line in lines)


def test_jsonl_sink_resumes_and_never_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    a, b = ok(make_record("a.pdf")), err("b.pdf")
    sink = JsonlSink(path)
    sink.write(a)
    sink.close()
    sink = JsonlSink(path)
    assert sink.lookup(a.input) is not None and sink.lookup(a.input).ok
    assert sink.lookup(b.input) is None
    sink.write(a)  # already held: ignored
    sink.write(b)
    sink.close()
    keys = [Outcome.from_line(o).input.key for o in iter_jsonl(path)]
    assert keys == [a.input.key, b.input.key]
    # force starts the file afresh.
    sink = JsonlSink(path, force=True)
    sink.write(b)
    sink.close()
    assert len(list(iter_jsonl(path))) == 1


def test_jsonl_sink_to_a_stream_is_not_resumable() -> None:
    buf = io.BytesIO()
    sink = JsonlSink(buf)
    sink.write(err("x.pdf"))
    assert not sink.resumable
    assert json.loads(buf.getvalue())["error"]["code"] == "unsupported_format"


# --- CSV -----------------------------------------------------------------------------------------


def _read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_report_csv_one_row_per_input_with_a_stable_union_of_judgement_columns() -> None:
    r1 = make_record(
        "b.pdf", grades={"overall_effectiveness": "good", "help_and_protection": "good"}
    )
    r2 = make_record(
        "a.pdf", grades={"care_leavers": "inadequate", "overall_effectiveness": "good"}
    )
    outcomes = [ok(r1), ok(r2), err("c.pdf")]
    texts = []
    for order in (outcomes, outcomes[::-1]):
        buf = io.StringIO()
        write_report_csv(order, buf)
        texts.append(buf.getvalue())
    assert texts[0] == texts[1]  # completion order never changes the file
    columns, rows = _read_csv(texts[0])
    assert columns[: len(REPORT_COLUMNS)] == list(REPORT_COLUMNS)
    assert columns[len(REPORT_COLUMNS) :] == [
        "overall_effectiveness",
        "care_leavers",
        "help_and_protection",
    ]
    assert [r["path"] for r in rows] == ["a.pdf", "b.pdf", "c.pdf"]
    a, b, c = rows
    assert a["care_leavers"] == "inadequate" and a["help_and_protection"] == ""
    assert b["n_recommendations"] == "2" and b["n_paragraphs"] == "3" and b["n_warnings"] == "1"
    assert a["inspection_start"] == "2031-03-03" and a["lead_inspector"] == "Ada Example"
    assert c["status"] == "error" and c["error_code"] == "unsupported_format"
    assert c["kind"] == "" and c["overall_effectiveness"] == ""


def test_report_csv_accepts_plain_records() -> None:
    buf = io.StringIO()
    write_report_csv([make_record()], buf)
    _, rows = _read_csv(buf.getvalue())
    assert rows[0]["path"] == "in/northwick.pdf" and rows[0]["status"] == "ok"


def test_judgement_key_that_clashes_with_a_fixed_column_is_prefixed() -> None:
    rows = [{"path": "x", "kind": "ilacs", "judgement_kind": "good"}]
    assert report_columns(rows)[-1] == "judgement_kind"


@pytest.mark.parametrize("table", ["judgements", "recommendations", "paragraphs"])
def test_long_tables(table: str) -> None:
    record = make_record(grades={"overall_effectiveness": "good", "leadership": "outstanding"})
    buf = io.StringIO()
    write_table_csv([ok(record), err("bad.pdf")], table, buf)
    columns, rows = _read_csv(buf.getvalue())
    assert columns == list(TABLE_COLUMNS[table])
    expected = {"judgements": 2, "recommendations": 2, "paragraphs": 3}[table]
    assert len(rows) == expected
    assert {r["sha256"] for r in rows} == {record.source.sha256}
    assert [r["index"] for r in rows] == [str(i) for i in range(expected)]
    if table == "recommendations":
        assert json.loads(rows[0]["sub_items"]) == ["a", "b"]
        assert rows[0]["text"] == "Invented action 0, with a comma"
    if table == "paragraphs":
        assert rows[0]["text"].endswith('with "quotes"\nand a newline.')  # CSV quoting holds


def test_csv_sink_merges_existing_rows_on_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    a = ok(make_record("a.pdf", grades={"overall_effectiveness": "good"}))
    b = ok(make_record("b.pdf", grades={"leadership": "inadequate"}))
    sink = CsvReportSink(path)
    sink.write(a)
    sink.close()
    sink = CsvReportSink(path)
    assert sink.lookup(a.input) is not None
    sink.write(a)
    sink.write(b)
    sink.close()
    columns, rows = _read_csv(path.read_text(encoding="utf-8"))
    assert [r["path"] for r in rows] == ["a.pdf", "b.pdf"]
    assert "leadership" in columns and rows[0]["overall_effectiveness"] == "good"


def test_table_sink_replaces_an_inputs_rows(tmp_path: Path) -> None:
    path = tmp_path / "j.csv"
    a = ok(make_record("a.pdf", grades={"overall_effectiveness": "good", "leadership": "good"}))
    for _ in range(2):
        sink = TableCsvSink(path, "judgements")
        sink.write(a)
        sink.close()
    _, rows = _read_csv(path.read_text(encoding="utf-8"))
    assert len(rows) == 2


# --- SQLite -------------------------------------------------------------------------------------


def test_sqlite_tables_join_on_sha256_and_member(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    plain = make_record("a.pdf", grades={"overall_effectiveness": "good", "leadership": "good"})
    in_zip = make_record("bundle.zip", member="x/b.pdf", content=b"b")
    sink = SqliteSink(db)
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
    full = json.loads(conn.execute("SELECT record FROM reports WHERE path='a.pdf'").fetchone()[0])
    assert Record.model_validate(full) == plain
    pk = [r[1] for r in conn.execute("PRAGMA table_info(reports)") if r[5]]
    assert pk == ["sha256", "member"]
    conn.close()


def test_sqlite_resume_lookup_and_rewrite(tmp_path: Path) -> None:
    db = tmp_path / "out.db"
    a = ok(make_record("a.pdf"))
    failed_then_ok = err("a.pdf")
    sink = SqliteSink(db)
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
    sink = SqliteSink(db)
    sink.write(ok(one))
    sink.write(ok(two))
    assert sink.lookup(ok(two).input) is not None
    sink.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT path FROM reports").fetchall() == [("a.pdf",)]
    conn.close()


# --- Output folder ----------------------------------------------------------------------------


def test_output_dir_one_file_per_input_and_no_escape(tmp_path: Path) -> None:
    root = tmp_path / "out"
    sink = OutputDirSink(root)
    a = ok(make_record("in/sub/a.pdf"), rel="sub/a.pdf")
    sink.write(a)
    bad = Outcome(InputId("in/b.pdf", None, "1" * 64, "b.pdf"), code="timeout", message="slow")
    sink.write(bad)
    assert json.loads((root / "sub/a.pdf.json").read_text())["source"]["path"] == "in/sub/a.pdf"
    error_record = json.loads((root / "b.pdf.error.json").read_text())
    assert error_record["error"]["code"] == "timeout"
    assert sink.lookup(a.input) is not None and sink.lookup(bad.input) is not None
    # The same input succeeding later replaces its error file.
    fixed = ok(make_record("in/b.pdf", content=b"x"), rel="b.pdf")
    sink.write(Outcome(bad.input, record=fixed.record))
    assert not (root / "b.pdf.error.json").exists()
    assert not list(root.rglob("*.tmp"))
    escape = Outcome(InputId("z.zip", "../../e.pdf", "2" * 64, "../../e.pdf"), code="x", message="")
    with pytest.raises(ValueError):
        sink.write(escape)


def test_writers_never_print_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = [ok(make_record()), err("x.pdf")]
    for sink in (
        JsonlSink(tmp_path / "a.jsonl"),
        CsvReportSink(tmp_path / "a.csv"),
        TableCsvSink(tmp_path / "t.csv", "paragraphs"),
        SqliteSink(tmp_path / "a.db"),
        OutputDirSink(tmp_path / "dir"),
    ):
        for outcome in outcomes:
            sink.write(outcome)
        sink.close()
    assert capsys.readouterr().out == ""
    assert os.path.getsize(tmp_path / "a.csv") > 0
