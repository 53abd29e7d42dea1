"""The CLI is a thin layer: flags -> options -> API -> writer; stdout carries JSON only."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from conftest import FIXTURES, REPO
from inspectparse.cli import main
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
