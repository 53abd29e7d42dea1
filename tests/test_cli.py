"""The CLI is a thin layer: flags -> options -> API -> writer; stdout carries JSON only."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, REPO
from inspectparse.cli import main
from inspectparse.cli.errors import CLOSED_PIPE
from inspectparse.errors import ExitCode
from inspectparse.record import Record

SAMPLE = str(REPO / "examples" / "sample-ilacs-report.pdf")
BRENT_LIKE = FIXTURES / "brent_like.txt"


def test_extract_prints_one_compact_record() -> None:
    result = CliRunner().invoke(main, ["extract", SAMPLE])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1
    record = Record.model_validate_json(result.stdout)
    assert record.report.kind == "ilacs"


def test_pretty_and_output_file(tmp_path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["extract", "--pretty", "-o", str(out), str(BRENT_LIKE)])
    assert result.exit_code == 0
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("{\n  ")
    assert json.loads(text)["report"]["kind"] == "child_protection_2012"


def test_stdin_dash() -> None:
    result = CliRunner().invoke(main, ["extract", "-"], input=BRENT_LIKE.read_bytes())
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"]["path"] == "-"
    assert record["report"]["provider"] == "London Borough of Northwick"


def test_engine_flag_reaches_the_loader() -> None:
    result = CliRunner().invoke(main, ["extract", "--engine", "pdfplumber", SAMPLE])
    assert json.loads(result.stdout)["source"]["engine"] == "pdfplumber"
    bad = CliRunner().invoke(main, ["extract", "--engine", "tesseract", SAMPLE])
    assert bad.exit_code == 2


def test_schema_command_prints_json_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Record"
    for field in (
        "schema_version",
        "parser_version",
        "source",
        "report",
        "judgements",
        "recommendations",
        "sections",
        "paragraphs",
        "warnings",
    ):
        assert field in schema["properties"]


def test_every_batch_line_matches_the_batch_line_schema(tmp_path) -> None:
    from pydantic import TypeAdapter

    from inspectparse.errors import ErrorCode
    from inspectparse.record import ErrorLine

    result = CliRunner().invoke(main, ["schema", "--batch-line"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    refs = {branch["$ref"].rsplit("/", 1)[-1] for branch in schema["anyOf"]}
    assert refs == {"Record", "ErrorLine"}
    error_codes = schema["$defs"]["ErrorCode"]["enum"]
    assert set(error_codes) == {c.value for c in ErrorCode}

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "northwick.txt").write_bytes(BRENT_LIKE.read_bytes())
    (tmp_path / "in" / "saved-page.pdf").write_bytes(b"<!DOCTYPE html><html>not found</html>")
    out = tmp_path / "all.jsonl"
    batch = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(out), "-q"])
    assert batch.exit_code == ExitCode.BATCH_PARTIAL, batch.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    line_model: TypeAdapter[Record | ErrorLine] = TypeAdapter(Record | ErrorLine)
    parsed = [line_model.validate_python(line) for line in lines]
    assert sorted(type(p).__name__ for p in parsed) == ["ErrorLine", "Record"]
    # A record line is exactly what `extract` prints for the same file.
    (line,) = [p for p in parsed if isinstance(p, Record)]
    extracted = CliRunner().invoke(main, ["extract", str(tmp_path / "in" / "northwick.txt")])
    assert line == Record.model_validate_json(extracted.stdout)


def test_help_lists_exit_codes() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "Exit codes" in result.stdout and "130" in result.stdout


def test_real_pipe_into_json_load() -> None:
    """A real subprocess pipe: `inspectparse extract FILE | python -c 'json.load'`."""
    exe = [sys.executable, "-m", "inspectparse", "extract", SAMPLE]
    producer = subprocess.Popen(exe, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    consumer = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json,sys; r=json.load(sys.stdin); print(r['report']['kind'])",
        ],
        stdin=producer.stdout,
        capture_output=True,
        text=True,
        check=True,
    )
    assert producer.wait() == 0
    assert consumer.stdout.strip() == "ilacs"


def test_stdin_pipe_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "inspectparse", "extract", "-"],
        input=BRENT_LIKE.read_bytes(),
        capture_output=True,
        check=True,
    )
    assert json.loads(proc.stdout)["report"]["kind"] == "child_protection_2012"
    assert proc.stderr == b""


def test_csv_and_long_tables_share_the_batch_writers(tmp_path) -> None:
    import csv
    import io
    import sqlite3

    row = CliRunner().invoke(main, ["extract", "--format", "csv", str(BRENT_LIKE)])
    assert row.exit_code == 0, row.stderr
    rows = list(csv.DictReader(io.StringIO(row.stdout)))
    assert len(rows) == 1
    grade_cols = {k: v for k, v in rows[0].items() if "quality_of_practice" in k}
    assert grade_cols == {"quality_of_practice": "adequate", "quality_of_practice_code": "3"}
    recs = CliRunner().invoke(main, ["extract", "--table", "recommendations", str(BRENT_LIKE)])
    assert len(list(csv.DictReader(io.StringIO(recs.stdout)))) == 7
    db = tmp_path / "r.sqlite"
    out = CliRunner().invoke(
        main, ["extract", "--sqlite", str(db), "-o", str(tmp_path / "r.json"), str(BRENT_LIKE)]
    )
    assert out.exit_code == 0, out.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from judgements").fetchone()[0] == 4
        assert con.execute("select count(*) from recommendations").fetchone()[0] == 7


def test_unwritable_output_is_exit_5(tmp_path) -> None:
    result = CliRunner().invoke(
        main, ["extract", "-o", str(tmp_path / "no" / "such" / "dir" / "r.json"), str(BRENT_LIKE)]
    )
    assert result.exit_code == 5
    assert result.stderr.startswith("inspectparse: error: ")


def test_closed_pipe_is_quiet(tmp_path) -> None:
    """`inspectparse extract r.pdf | true`: the reader is gone before the record is written."""
    err = tmp_path / "stderr.txt"
    proc = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m inspectparse extract "{SAMPLE}" 2>"{err}" | true; '
            'echo "${PIPESTATUS[0]}"',
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.strip() == str(int(CLOSED_PIPE)) == "0"  # not a bug (issue 12)
    assert err.read_text() == ""


def test_sqlite_that_cannot_be_written_is_exit_5_in_one_line(tmp_path) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database\n" * 200)
    for target in (tmp_path / "no" / "such" / "r.db", not_db):
        result = CliRunner().invoke(
            main,
            ["extract", "--sqlite", str(target), "-o", str(tmp_path / "r.json"), str(BRENT_LIKE)],
        )
        assert result.exit_code == ExitCode.OUTPUT_NOT_WRITABLE, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("inspectparse: error: ")
        assert str(target) in lines[0]


def test_table_with_a_format_that_cannot_write_it_is_a_usage_error() -> None:
    args = ["extract", "--format", "json", "--table", "paragraphs", str(BRENT_LIKE)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.USAGE
    assert "--table writes CSV" in result.stderr


def test_choices_are_read_from_the_library() -> None:
    from inspectparse.load import ENGINES
    from inspectparse.output import TABLES, format_names

    for command in ("extract", "batch"):
        params = {p.name: p.type for p in main.commands[command].params}
        choices = {k: tuple(t.choices) for k, t in params.items() if isinstance(t, click.Choice)}
        assert choices["output_format"] == format_names(command)
        assert choices["table"] == TABLES
        assert choices["engine"] == ENGINES


def test_help_lists_every_exit_code() -> None:
    result = CliRunner().invoke(main, ["--help"])
    text = " ".join(result.stdout.split())
    for code in ExitCode:
        assert f"{int(code)} {code.summary}" in text


def test_one_error_handler_maps_each_failure_to_its_exit_code(capsys) -> None:
    import sqlite3

    from inspectparse.cli.errors import handle_errors
    from inspectparse.errors import EncryptedPdfError

    cases = [
        (EncryptedPdfError("locked; decrypt it first"), ExitCode.ENCRYPTED, "locked"),
        (sqlite3.OperationalError("disk I/O error"), ExitCode.OUTPUT_NOT_WRITABLE, "out.db"),
        (PermissionError(13, "Permission denied", "r.csv"), ExitCode.OUTPUT_NOT_WRITABLE, "r.csv"),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED, "interrupted"),
    ]
    for exc, code, words in cases:
        with pytest.raises(SystemExit) as info, handle_errors(output="out.db"):
            raise exc
        assert info.value.code == code
        err = capsys.readouterr().err
        assert err.startswith("inspectparse: error: ") and words in err and err.count("\n") == 1
    with pytest.raises(ValueError), handle_errors():  # a bug keeps its traceback
        int("a bug")


def test_excel_csv_and_xlsx_from_extract(tmp_path) -> None:
    import openpyxl

    csv_bytes = CliRunner().invoke(main, ["extract", "--excel", str(BRENT_LIKE)]).stdout_bytes
    assert csv_bytes.startswith(b"\xef\xbb\xbfpath,")  # --excel alone asks for CSV
    table = CliRunner().invoke(main, ["extract", "--excel", "--table", "judgements", SAMPLE])
    assert table.exit_code == 0 and table.stdout_bytes.startswith(b"\xef\xbb\xbfpath,")
    refused = CliRunner().invoke(main, ["extract", "--excel", "--format", "json", SAMPLE])
    assert refused.exit_code == ExitCode.USAGE and "--excel is for CSV" in refused.stderr

    out = tmp_path / "northwick.xlsx"
    result = CliRunner().invoke(main, ["extract", "--format", "xlsx", "-o", str(out), SAMPLE])
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Reports" and book["Reports"].max_row == 2


def test_batch_writes_a_whole_workbook_on_every_run(tmp_path) -> None:
    import openpyxl

    (tmp_path / "in").mkdir()
    text = BRENT_LIKE.read_bytes()
    (tmp_path / "in" / "one.txt").write_bytes(text.replace(b"Northwick", b"Kayford"))
    (tmp_path / "in" / "two.txt").write_bytes(text)
    out, db = tmp_path / "all.xlsx", tmp_path / "all.db"
    args = ["batch", str(tmp_path / "in"), "--format", "xlsx", "-o", str(out), "-q"]
    for run in range(2):  # the rerun: SQLite holds both, the workbook is written whole again
        result = CliRunner().invoke(main, [*args, "--sqlite", str(db)])
        assert result.exit_code == 0, (run, result.stderr)
        reports = openpyxl.load_workbook(out)["Reports"]
        assert reports.max_row == 3, run
    excel = CliRunner().invoke(
        main, ["batch", str(tmp_path / "in"), "--excel", "-o", str(tmp_path / "g.csv"), "-q"]
    )
    assert excel.exit_code == 0 and (tmp_path / "g.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    wrong = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "--excel", "--format", "xlsx"])
    assert wrong.exit_code == ExitCode.USAGE and "--excel is for CSV" in wrong.stderr
