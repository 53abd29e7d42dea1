"""Bad input: a typed error, one clear line on stderr, a documented exit code, nothing on stdout."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import inspectparse
from conftest import FIXTURES, manifest
from inspectparse.cli import main
from inspectparse.errors import ExitCode, InspectparseError
from inspectparse.load import Engine

BAD = [e for e in manifest() if "expect_error" in e]
EXIT = {
    "unsupported_format": ExitCode.INPUT_UNREADABLE,
    "empty_input": ExitCode.INPUT_UNREADABLE,
    "malformed_pdf": ExitCode.INPUT_UNREADABLE,
    "no_text_layer": ExitCode.NO_TEXT,
    "encrypted_pdf": ExitCode.ENCRYPTED,
    "text_decode": ExitCode.INPUT_UNREADABLE,
}


@pytest.mark.parametrize("entry", BAD, ids=[e["file"].rsplit("/", 1)[-1] for e in BAD])
@pytest.mark.parametrize("engine", ["pdfplumber", "auto"])
def test_api_raises_typed_error(entry: dict[str, str], engine: Engine) -> None:
    with pytest.raises(InspectparseError) as info:
        inspectparse.extract(FIXTURES.parent.parent / entry["file"], engine=engine)
    assert info.value.code == entry["expect_error"]
    assert info.value.exit_code == EXIT[entry["expect_error"]]
    assert "\n" not in info.value.message


@pytest.mark.parametrize("entry", BAD, ids=[e["file"].rsplit("/", 1)[-1] for e in BAD])
def test_cli_one_line_and_exit_code(entry: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["extract", str(FIXTURES.parent.parent / entry["file"])])
    assert result.exit_code == EXIT[entry["expect_error"]]
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("inspectparse: error: ")


def test_missing_file() -> None:
    result = CliRunner().invoke(main, ["extract", "no/such/report.pdf"])
    assert result.exit_code == ExitCode.INPUT_UNREADABLE
    assert "no such file" in result.stderr
    assert result.stdout == ""


def test_remediation_hints() -> None:
    with pytest.raises(InspectparseError) as info:
        inspectparse.extract(FIXTURES / "bad" / "encrypted.pdf")
    assert "qpdf --decrypt" in info.value.message
    with pytest.raises(InspectparseError) as info:
        inspectparse.extract(FIXTURES / "bad" / "scanned_no_text.pdf")
    assert "OCR" in info.value.message
    with pytest.raises(InspectparseError) as info:
        inspectparse.extract(FIXTURES / "bad" / "html_saved_as.pdf")
    assert "HTML" in info.value.message


def test_directory_is_not_a_report(tmp_path) -> None:
    with pytest.raises(InspectparseError) as info:
        inspectparse.extract(tmp_path)
    assert "batch" in info.value.message


def test_exit_codes_are_stable() -> None:
    # Part of the documented interface: renumbering breaks users' scripts.
    assert {c.name: int(c) for c in ExitCode} == {
        "OK": 0,
        "ERROR": 1,
        "USAGE": 2,
        "INPUT_UNREADABLE": 3,
        "ENCRYPTED": 4,
        "OUTPUT_NOT_WRITABLE": 5,
        "BATCH_PARTIAL": 6,
        "TIMEOUT": 7,
        "NO_TEXT": 8,
        "BATCH_ALL_FAILED": 9,
        "TOO_LARGE": 10,
        "CLUSTER_UNREACHABLE": 11,
        "INTERRUPTED": 130,
    }
