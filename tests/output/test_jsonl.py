"""JSON (one record) and JSON Lines (batch): whole lines, repair, resume."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from inspectparse.outcome import InputId, Outcome
from inspectparse.output import (
    JsonlSink,
    JsonlWriter,
    SinkOptions,
    dumps,
    iter_jsonl,
    repair_jsonl,
    write_json,
)
from inspectparse.record import Record
from output_helpers import err, make_record, ok


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


def test_a_record_line_is_the_record_itself_and_an_error_line_is_source_and_error() -> None:
    record = make_record()
    good, bad = ok(record), err("x.pdf")
    # What `extract` prints is what a batch line holds: one jq filter fits both.
    assert good.line() == record.model_dump(mode="json")
    assert Record.model_validate(good.line()) == record
    assert set(bad.line()) == {"source", "error"}
    assert set(bad.line()["source"]) == {"path", "sha256", "member"}
    assert bad.line()["error"] == {"code": "unsupported_format", "message": "x.pdf is not a report"}
    for outcome in (good, bad):
        back = Outcome.from_line(json.loads(dumps(outcome.line())))
        assert back.input.key == outcome.input.key
        assert back.status == outcome.status
    assert Outcome.from_line(good.line()).record == good.record
    with pytest.raises(ValueError):
        Outcome(InputId("x"))  # neither
    with pytest.raises(ValueError):
        Outcome.from_line({"source": {}, "report": {}, "error": {"code": "x"}})
    with pytest.raises(ValueError):
        Outcome.from_line({"source": {}})


def test_a_record_line_names_the_batch_input() -> None:
    # A task whose record names its input differently still gives a line saying which input
    # it is (resume reads that).
    record = make_record("elsewhere.pdf").model_dump(mode="json")
    outcome = Outcome(InputId("in/a.pdf", "x.pdf", "ab" * 32), record=record)
    line = outcome.line()
    assert (line["source"]["path"], line["source"]["member"], line["source"]["sha256"]) == (
        "in/a.pdf",
        "x.pdf",
        "ab" * 32,
    )
    assert line["source"]["format"] == "pdf" and line["report"] == record["report"]


def test_lines_of_the_shape_before_schema_1_4_are_still_read() -> None:
    record = make_record("old.pdf")
    data = record.model_dump(mode="json")
    old = {"source": {"path": "old.pdf", "sha256": record.source.sha256, "member": None}}
    back = Outcome.from_line({**old, "report": data})
    assert back.ok and back.record == data and back.input.key == ok(record).input.key
    assert back.kind == "ilacs"


def test_jsonl_writer_writes_whole_lines_and_repair_cuts_a_torn_tail(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter.to_path(path)
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
    writer = JsonlWriter.to_path(path, append=True)
    writer.write(err("d.pdf").line())
    writer.close()
    lines = path.read_bytes().splitlines()
    assert len(lines) == 3 and all(json.loads(line) for line in lines)


def test_jsonl_sink_resumes_and_never_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    a, b = ok(make_record("a.pdf")), err("b.pdf")
    sink = JsonlSink.to_path(path)
    sink.write(a)
    sink.close()
    sink = JsonlSink.to_path(path)
    assert sink.lookup(a.input) is not None and sink.lookup(a.input).ok
    assert sink.lookup(b.input) is None
    sink.write(a)  # already held: ignored
    sink.write(b)
    sink.close()
    keys = [Outcome.from_line(o).input.key for o in iter_jsonl(path)]
    assert keys == [a.input.key, b.input.key]
    # force starts the file afresh.
    sink = JsonlSink.to_path(path, SinkOptions(force=True))
    sink.write(b)
    sink.close()
    assert len(list(iter_jsonl(path))) == 1


def test_jsonl_sink_to_a_stream_is_not_resumable() -> None:
    buf = io.BytesIO()
    sink = JsonlSink.to_stream(buf)
    sink.write(err("x.pdf"))
    assert not sink.resumable
    assert json.loads(buf.getvalue())["error"]["code"] == "unsupported_format"


def test_resuming_repairs_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspectparse.output import jsonl

    path = tmp_path / "out.jsonl"
    path.write_bytes(dumps(ok(make_record("a.pdf")).line()).encode() + b'\n{"source":')
    calls: list[Path] = []
    real = jsonl.repair_jsonl

    def counted(target: Path) -> int:
        calls.append(Path(target))
        return real(target)

    monkeypatch.setattr(jsonl, "repair_jsonl", counted)
    sink = JsonlSink.to_path(path)
    assert calls == [path]
    assert sink.lookup(ok(make_record("a.pdf")).input) is not None
    sink.close()
    assert path.read_bytes().count(b"\n") == 1 and path.read_bytes().endswith(b"\n")
