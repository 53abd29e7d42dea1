"""xlsx: one workbook, sheets from the column declarations, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspectparse.errors import OutputNotWritableError
from inspectparse.output import FORMATS, SinkOptions, choose_format
from inspectparse.output import xlsx as xlsx_module
from inspectparse.output.rows import CONTEXT_COLUMNS, TABLE_COLUMNS
from inspectparse.output.xlsx import XlsxSink, write_xlsx
from output_helpers import council, err, make_record, ok

SHEETS = [
    "Reports", "Judgements", "Recommendations", "Paragraphs", "Warnings", "History", "Errors"
]


def _rows(sheet: Any) -> list[dict[str, Any]]:
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def _records(tmp_path: Path) -> list[Any]:
    """Two reports whose source files exist (for the links) and one failed input."""
    (tmp_path / "in").mkdir()
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / "in" / name).write_bytes(b"%PDF-1.7 invented")
    a = make_record(
        str(tmp_path / "in" / "a.pdf"),
        grades={"overall_effectiveness": "inadequate", "help_and_protection": "good"},
        authority=council(),
    ).model_dump(mode="json")
    a["report"]["letter_date"] = "2031-04-02"
    a["recommendations"][1].update(timescale="Immediately", urgency="immediate")
    a["judgements"][0]["confirmed_by"] = ["test.sentence", "test.heading"]
    b = make_record(str(tmp_path / "in" / "b.pdf"), grades={"care_leavers": "good"})
    return [ok_dict(a), ok(b), err("c.pdf")]


def ok_dict(record: dict[str, Any]) -> Any:
    from inspectparse.outcome import Outcome

    return Outcome.from_record(record)


def test_the_registry_offers_xlsx_to_both_commands() -> None:
    assert choose_format("extract", "xlsx").name == "xlsx"
    assert choose_format("batch", "xlsx").name == "xlsx"
    assert FORMATS["xlsx"].sink is XlsxSink
    with pytest.raises(ValueError, match="--table writes CSV"):
        choose_format("batch", "xlsx", table="paragraphs")


def test_a_workbook_has_every_sheet_with_frozen_headers_filters_widths_dates_and_links(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out" / "reports.xlsx"
    path.parent.mkdir()
    write_xlsx(_records(tmp_path), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + (
            f"{max(sheet.max_row, 1)}"
        ), sheet.title
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(w and 4 <= w <= 61 for w in widths), (sheet.title, widths)

    reports = _rows(book["Reports"])
    assert len(reports) == 2  # one row per report; the failed input is on Errors
    by_path = {Path(r["path"]).name: r for r in reports}
    a, b = by_path["a.pdf"], by_path["b.pdf"]
    assert (a["overall_effectiveness"], a["overall_effectiveness_code"]) == ("inadequate", 4)
    assert (a["help_and_protection"], a["help_and_protection_code"]) == ("good", 2)
    assert (b["care_leavers"], b["care_leavers_code"]) == ("good", 2)
    assert a["care_leavers"] is None and "status" not in a
    assert (a["authority_name"], a["dfe_code"], a["gss_code"], a["ofsted_urn"]) == (
        "Harrow",
        "310",
        "E09000015",
        "80499",
    )
    assert a["needs_review"] is True and a["n_recommendations"] == 2
    assert a["inspection_start"] == dt.datetime(2031, 3, 3)  # a real date, not text
    assert a["letter_date"] == dt.datetime(2031, 4, 2)
    header = [c.value for c in book["Reports"][1]]
    date_cell = book["Reports"].cell(2, header.index("inspection_start") + 1)
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"

    # Each report's source path links to the file, relative to the workbook's folder.
    column = header.index("path") + 1
    for row in range(2, 4):
        cell = book["Reports"].cell(row, column)
        target = cell.hyperlink.target.replace("\\", "/")
        assert (path.parent / target).resolve() == Path(cell.value).resolve()

    recommendations = _rows(book["Recommendations"])
    assert list(recommendations[0]) == list(TABLE_COLUMNS["recommendations"])
    immediate = [r for r in recommendations if r["urgency"] == "immediate"]
    # The sheet stands alone: council and date on the row itself.
    assert [(r["provider"], r["authority_name"], r["letter_date"]) for r in immediate] == [
        ("Northwick Borough Council", "Harrow", dt.datetime(2031, 4, 2))
    ]
    assert recommendations[0]["sub_items"] == "a; b"
    assert recommendations[0]["item_kind"] == "improvement"
    judgements = _rows(book["Judgements"])
    assert {r["confirmed_by"] for r in judgements} == {"test.sentence; test.heading", None}
    assert all(r["report_kind"] == "ilacs" for r in judgements)
    assert len(_rows(book["Paragraphs"])) == 6
    warnings = _rows(book["Warnings"])
    assert {(r["code"], r["severity"]) for r in warnings} == {("test_warning", "review")}
    context = [c.name for c in CONTEXT_COLUMNS]
    for title in ("Judgements", "Recommendations", "Paragraphs", "Warnings"):
        columns = [c.value for c in book[title][1]]
        assert columns[:4] == ["path", "sha256", "member", "index"]
        assert columns[4 : 4 + len(context)] == context
    errors = _rows(book["Errors"])
    assert [(r["path"], r["error_code"]) for r in errors] == [("c.pdf", "unsupported_format")]
    # No cell anywhere holds a JSON list.
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("[") for v in row), sheet.title


def test_the_history_sheet_reads_each_council_across_its_reports(tmp_path: Path) -> None:
    from inspectparse.output.csvfile import write_table_csv

    older = make_record("in/h1.pdf", grades={"overall_effectiveness": "inadequate"},
                        authority=council(), start="2018-01-08")
    newer = make_record("in/h2.pdf", grades={"overall_effectiveness": "good"},
                        authority=council(), start="2023-05-08")
    school = make_record("in/s.pdf", kind="school_section5", authority=None)
    outcomes = [ok(newer), ok(school), ok(older), err("c.pdf")]  # finished in any order
    path = tmp_path / "reports.xlsx"
    write_xlsx(outcomes, path)
    rows = _rows(openpyxl.load_workbook(path)["History"])
    # A council's reports, oldest first; a school has no history row.
    assert [(r["date"], r["overall_grade"], r["previous_grade"], r["change"], r["latest"])
            for r in rows] == [
        (dt.datetime(2018, 1, 8), "inadequate", None, None, 0),
        (dt.datetime(2023, 5, 8), "good", "inadequate", "improved", 1),
    ]
    assert rows[1]["grade_since"] == dt.datetime(2023, 5, 8)
    # The same rows as `--table history`: one implementation.
    buffer = io.StringIO()
    write_table_csv(outcomes, "history", buffer)
    header, *lines = buffer.getvalue().splitlines()
    assert header.split(",") == list(rows[0])
    assert [line.split(",")[header.split(",").index("change")] for line in lines] == [
        "", "improved"
    ]


def test_strings_stay_strings(tmp_path: Path) -> None:
    record = make_record().model_dump(mode="json")
    record["paragraphs"][0]["text"] = "=SUM(A1:A9) is text, and so is 0123"
    path = tmp_path / "r.xlsx"
    write_xlsx([record], path)
    paragraphs = _rows(openpyxl.load_workbook(path)["Paragraphs"])
    assert paragraphs[0]["text"] == "=SUM(A1:A9) is text, and so is 0123"  # not a formula


def test_written_in_constant_memory_mode(tmp_path: Path) -> None:
    # XlsxWriter's constant-memory mode writes each row as it comes, with its strings inline
    # (no shared-string table, which would hold every string until the end).
    path = tmp_path / "r.xlsx"
    write_xlsx([make_record()], path)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        sheet = zf.read("xl/worksheets/sheet4.xml").decode("utf-8")  # Paragraphs
    assert "xl/sharedStrings.xml" not in names
    assert 't="inlineStr"' in sheet


def test_a_full_sheet_continues_on_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_module, "MAX_ROWS", 3)  # a header and two rows per sheet
    path = tmp_path / "r.xlsx"
    write_xlsx([make_record("a.pdf", paragraphs=5)], path)
    book = openpyxl.load_workbook(path)
    parts = [n for n in book.sheetnames if n.startswith("Paragraphs")]
    assert parts == ["Paragraphs", "Paragraphs (2)", "Paragraphs (3)"]
    rows = [r for n in parts for r in _rows(book[n])]
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5]


def test_a_text_longer_than_a_cell_says_it_was_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_module, "MAX_CELL", 120)
    record = make_record().model_dump(mode="json")
    record["paragraphs"][0]["text"] = "x" * 500
    path = tmp_path / "r.xlsx"
    write_xlsx([record], path)
    texts = [r["text"] for r in _rows(openpyxl.load_workbook(path)["Paragraphs"])]
    cut = next(t for t in texts if t.startswith("x"))
    assert len(cut) == 120
    assert cut.endswith("more characters: the full text is in the JSON record]")


def test_errors_go_elsewhere_when_errors_has_its_own_file(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    sink = XlsxSink.to_path(path, SinkOptions(errors=False))
    assert not sink.stores_errors
    sink.write(err("bad.pdf"))
    sink.write(ok(make_record()))
    sink.close()
    book = openpyxl.load_workbook(path)
    assert _rows(book["Errors"]) == [] and len(_rows(book["Reports"])) == 1


def test_an_earlier_workbook_stays_whole_until_the_new_one_is_complete(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx([make_record("first.pdf")], path)
    before = path.read_bytes()
    sink = XlsxSink.to_path(path)
    sink.write(ok(make_record("second.pdf")))
    assert path.read_bytes() == before  # still the earlier workbook while this one is written
    assert sink.lookup(ok(make_record("first.pdf")).input) is None  # written whole each run
    sink.close()
    assert [Path(r["path"]).name for r in _rows(openpyxl.load_workbook(path)["Reports"])] == [
        "second.pdf"
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temporary file left


def test_a_workbook_goes_to_a_binary_stream_but_never_to_a_terminal(tmp_path: Path) -> None:
    buf = io.BytesIO()
    sink = XlsxSink.to_stream(buf)
    sink.write(ok(make_record()))
    sink.close()
    assert openpyxl.load_workbook(io.BytesIO(buf.getvalue())).sheetnames == SHEETS

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(OutputNotWritableError, match="-o FILE.xlsx"):
        XlsxSink.to_stream(Terminal())
