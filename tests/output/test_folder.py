"""--output-dir, and what every sink shares (nothing on stdout)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from inspectparse.outcome import InputId, Outcome
from inspectparse.output import (
    CsvReportSink,
    JsonlSink,
    OutputDirSink,
    SinkOptions,
    SqliteSink,
    TableCsvSink,
)
from output_helpers import err, make_record, ok


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
        JsonlSink.to_path(tmp_path / "a.jsonl"),
        CsvReportSink.to_path(tmp_path / "a.csv"),
        TableCsvSink.to_path(tmp_path / "t.csv", SinkOptions(table="paragraphs")),
        SqliteSink.to_path(tmp_path / "a.db"),
        OutputDirSink(tmp_path / "dir"),
    ):
        for outcome in outcomes:
            sink.write(outcome)
        sink.close()
    assert capsys.readouterr().out == ""
    assert os.path.getsize(tmp_path / "a.csv") > 0
