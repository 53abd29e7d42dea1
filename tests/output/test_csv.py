"""CSV: one row per input with a stable union of judgement columns, and long tables."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from inspectparse.outcome import Outcome
from inspectparse.output import (
    REPORT_COLUMNS,
    TABLE_COLUMNS,
    CsvReportSink,
    SinkOptions,
    TableCsvSink,
    report_columns,
    write_report_csv,
    write_table_csv,
)
from output_helpers import err, make_record, ok


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
    # Each judgement's grade, then its code; overall effectiveness first, the rest by name.
    assert columns[len(REPORT_COLUMNS) :] == [
        "overall_effectiveness",
        "overall_effectiveness_code",
        "care_leavers",
        "care_leavers_code",
        "help_and_protection",
        "help_and_protection_code",
    ]
    assert [r["path"] for r in rows] == ["a.pdf", "b.pdf", "c.pdf"]
    a, b, c = rows
    assert a["care_leavers"] == "inadequate" and a["help_and_protection"] == ""
    assert a["care_leavers_code"] == "4" and a["overall_effectiveness_code"] == "2"
    assert a["letter_date"] == "" and a["title"] == "" and a["inspection_periods"] == ""
    assert b["n_recommendations"] == "2" and b["n_paragraphs"] == "3" and b["n_warnings"] == "1"
    assert a["inspection_start"] == "2031-03-03" and a["lead_inspector"] == "Ada Example"
    assert a["needs_review"] == "true"
    assert c["status"] == "error" and c["error_code"] == "unsupported_format"
    assert c["kind"] == "" and c["overall_effectiveness"] == ""


def test_split_inspection_periods_and_letter_dates_reach_the_csv() -> None:
    record = make_record().model_dump(mode="json")
    record["report"]["inspection_periods"] = [
        {"start": "2031-09-29", "end": "2031-10-03"},
        {"start": "2032-01-12", "end": "2032-01-16"},
    ]
    record["report"]["letter_date"] = "2032-02-20"
    buf = io.StringIO()
    write_report_csv([record], buf)
    _, rows = _read_csv(buf.getvalue())
    assert rows[0]["inspection_periods"] == "2031-09-29/2031-10-03; 2032-01-12/2032-01-16"
    assert rows[0]["letter_date"] == "2032-02-20"


def test_no_cell_holds_a_json_list() -> None:
    record = make_record().model_dump(mode="json")
    record["judgements"][0]["confirmed_by"] = ["test.sentence", "test.heading"]
    record["recommendations"][0]["sub_items"] = ["first point;", "second point; ", "last"]
    texts = []
    for table in ("judgements", "recommendations"):
        buf = io.StringIO()
        write_table_csv([record], table, buf)
        texts.append(buf.getvalue())
    assert "[" not in "".join(texts)
    assert "test.sentence; test.heading" in texts[0]
    assert "first point; second point; last" in texts[1]


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
    for row in rows:  # every row stands alone: the report's context is on it
        assert row["path"] == "in/northwick.pdf" and row["report_kind"] == "ilacs"
        assert row["provider"] == "Northwick Borough Council"
        assert (row["inspection_start"], row["inspection_end"]) == ("2031-03-03", "2031-03-14")
    if table == "recommendations":
        assert rows[0]["sub_items"] == "a; b"  # never a JSON list
        assert rows[0]["text"] == "Invented action 0, with a comma"
        assert rows[0]["item_kind"] == "improvement" and "kind" not in columns
    if table == "paragraphs":
        assert rows[0]["text"].endswith('with "quotes"\nand a newline.')  # CSV quoting holds


def test_csv_sink_merges_existing_rows_on_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    a = ok(make_record("a.pdf", grades={"overall_effectiveness": "good"}))
    b = ok(make_record("b.pdf", grades={"leadership": "inadequate"}))
    sink = CsvReportSink.to_path(path)
    sink.write(a)
    sink.close()
    sink = CsvReportSink.to_path(path)
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
        sink = TableCsvSink.to_path(path, SinkOptions(table="judgements"))
        sink.write(a)
        sink.close()
    _, rows = _read_csv(path.read_text(encoding="utf-8"))
    assert len(rows) == 2


def test_excel_csv_starts_with_a_byte_order_mark_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    record = make_record("a.pdf").model_dump(mode="json")
    record["report"]["provider"] = "Northwick’s Council"  # a curly apostrophe
    sink = CsvReportSink.to_path(path, SinkOptions(excel=True))
    sink.write(ok_record(record))
    sink.close()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfpath,")
    assert "Northwick’s Council" in raw.decode("utf-8-sig")
    # A rerun reads the file back (the mark is not part of the first column's name).
    sink = CsvReportSink.to_path(path, SinkOptions(excel=True))
    assert sink.lookup(ok_record(record).input) is not None
    sink.write(ok(make_record("b.pdf")))
    sink.close()
    _, rows = _read_csv(path.read_bytes().decode("utf-8-sig"))
    assert [r["path"] for r in rows] == ["a.pdf", "b.pdf"]
    assert path.read_bytes().count(b"\xef\xbb\xbf") == 1
    buf = io.StringIO()
    TableCsvSink.to_stream(buf, SinkOptions(table="recommendations", excel=True)).close()
    assert buf.getvalue().startswith("\ufeffpath,")


def ok_record(record: dict[str, Any]) -> Outcome:
    return Outcome.from_record(record)
