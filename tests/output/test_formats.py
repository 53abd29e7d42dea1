"""The format registry: --format choices, validation and sink opening all read FORMATS."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import pytest

from inspectparse.batch import BatchOptions
from inspectparse.batch.outputs import open_sinks
from inspectparse.outcome import InputId, Outcome, Stored
from inspectparse.output import FORMATS, OutputFormat, SinkOptions, choose_format, format_names
from output_helpers import err, make_record, ok


def test_each_command_offers_its_formats_in_registry_order() -> None:
    assert format_names("extract") == ("json", "csv", "xlsx")
    assert format_names("batch") == ("jsonl", "csv", "xlsx")
    for fmt in FORMATS.values():  # each entry names a sink that exists
        assert callable(fmt.sink.to_path) and callable(fmt.sink.to_stream)


def test_choose_format_defaults_and_refusals() -> None:
    assert choose_format("batch", None).name == "jsonl"
    assert choose_format("extract", None).name == "json"
    assert choose_format("batch", None, table="paragraphs").name == "csv"
    assert choose_format("extract", "csv", table="paragraphs").name == "csv"
    with pytest.raises(ValueError, match="format must be jsonl, csv or xlsx, not 'json'"):
        choose_format("batch", "json")
    with pytest.raises(ValueError, match="--table writes CSV"):
        choose_format("batch", "jsonl", table="paragraphs")


class TsvSink:
    """A format written for this test: one `path<TAB>status` line per input."""

    stores_reports = stores_errors = True
    resumable = False

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    @classmethod
    def to_path(cls, path: Path, options: SinkOptions) -> TsvSink:
        return cls(path.open("w", encoding="utf-8"))

    @classmethod
    def to_stream(cls, stream: IO[str], options: SinkOptions) -> TsvSink:
        return cls(stream)

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def write(self, outcome: Outcome) -> None:
        self.stream.write(f"{outcome.input.path}\t{outcome.status}\n")

    def close(self) -> None:
        self.stream.flush()


def test_a_new_format_is_one_registry_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tsv = OutputFormat("tsv", f"{__name__}:TsvSink", "path and status")
    monkeypatch.setitem(FORMATS, "tsv", tsv)
    assert format_names("batch") == ("jsonl", "csv", "xlsx", "tsv")
    with pytest.raises(ValueError, match="--table writes CSV"):
        BatchOptions(output=tmp_path / "x.tsv", format="tsv", table="paragraphs")
    (sink,) = open_sinks(BatchOptions(output=tmp_path / "x.tsv", format="tsv"))
    assert isinstance(sink, TsvSink)
    sink.write(ok(make_record("a.pdf")))
    sink.write(err("b.pdf"))
    sink.close()
    sink.stream.close()
    assert (tmp_path / "x.tsv").read_text() == "a.pdf\tok\nb.pdf\tunsupported_format\n"
    buf = io.StringIO()
    (on_stdout,) = open_sinks(BatchOptions(output=buf, format="tsv"))
    on_stdout.write(ok(make_record("c.pdf")))
    assert buf.getvalue() == "c.pdf\tok\n"
