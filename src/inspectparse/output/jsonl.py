"""JSON: one record (`extract`), and JSON Lines: one object per input (`batch`).

Crash safety: JSON Lines are written a whole line per `os.write` call, so a `kill -9` leaves at
most a torn last line, which `repair_jsonl` cuts off before a resumed run appends.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..outcome import InputId, Outcome, Stored, record_dict
from .sink import DEFAULT_OPTIONS, HeldIndex, SinkOptions
from .text import dumps

__all__ = [
    "JsonSink",
    "JsonlSink",
    "JsonlWriter",
    "dumps",
    "iter_jsonl",
    "repair_jsonl",
    "write_json",
]


def write_json(record: Any, stream: IO[str], *, pretty: bool = False) -> None:
    """Write one record as JSON plus a newline (what `inspectparse extract` prints)."""
    stream.write(dumps(record_dict(record), pretty=pretty) + "\n")
    stream.flush()


class JsonSink:
    """The `json` format: each report as one JSON record (compact or pretty) on a stream.

    `extract` writes one record; errors are raised to the caller, never written here.
    """

    stores_reports = True
    stores_errors = False
    resumable = False

    def __init__(self, stream: IO[str], *, pretty: bool = False) -> None:
        self._stream = stream
        self._pretty = pretty

    @classmethod
    def to_stream(cls, stream: IO[str], options: SinkOptions) -> JsonSink:
        return cls(stream, pretty=options.pretty)

    @classmethod
    def to_path(cls, path: Path, options: SinkOptions) -> JsonSink:
        raise ValueError("the json format writes one record to a stream; use jsonl for a file")

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def write(self, outcome: Outcome) -> None:
        if outcome.record is not None:
            write_json(outcome.record, self._stream, pretty=self._pretty)

    def close(self) -> None:
        self._stream.flush()


def _write_all(fd: int, data: bytes) -> None:
    # os.write may write less than asked (a signal, a full disk); loop until the line is out.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_line(fd: int, data: bytes, *, rollback: bool) -> None:
    """Write one whole line; if the write fails part-way (a full disk), cut the file back to
    the last whole line before re-raising, so no torn line is left for a reader to meet."""
    start = os.fstat(fd).st_size if rollback else 0
    try:
        _write_all(fd, data)
    except OSError:
        if rollback:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, start)
        raise


def repair_jsonl(path: str | os.PathLike[str]) -> int:
    """Cut a torn last line (no trailing newline) off a JSON Lines file; return bytes dropped."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        return 0
    if size == 0:
        return 0
    with p.open("rb+") as fh:
        # Scan back from the end in blocks for the last newline.
        end = 0
        block = 65536
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                end = start + idx + 1
                break
            pos = start
        if end < size:
            fh.truncate(end)
        return size - end


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Objects of a JSON Lines file; blank, torn or non-object lines are skipped."""
    with Path(path).open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n") or not raw.strip():
                continue  # a torn last line is not a record
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if isinstance(obj, dict):
                yield obj


class JsonlWriter:
    """Append whole JSON lines to a file or a stream, flushing each one.

    A file is opened with O_APPEND and each line goes out in one `os.write` of the full line plus
    newline (looping only on a short write), so an interrupted run leaves complete lines only,
    bar a torn last line that `repair_jsonl` removes (appending repairs the file first).
    `fsync=True` also syncs each line to disk. `to_stream` writes a text stream (stdout)
    through its binary buffer, so one line is one write call there too.
    """

    def __init__(self, *, fd: int | None = None, stream: IO[bytes] | None = None) -> None:
        if (fd is None) == (stream is None):
            raise ValueError("a JsonlWriter writes to exactly one of a file and a stream")
        self._fd = fd
        self._stream = stream
        self._fsync = False
        self.path: Path | None = None

    @classmethod
    def to_path(
        cls, path: str | os.PathLike[str], *, append: bool = True, fsync: bool = False
    ) -> JsonlWriter:
        target = Path(path)
        if append:
            repair_jsonl(target)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        writer = cls(fd=os.open(target, flags, 0o666))
        writer.path, writer._fsync = target, fsync
        return writer

    @classmethod
    def to_stream(cls, stream: IO[Any]) -> JsonlWriter:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            return cls(stream=buffer)
        return cls(stream=stream)  # a binary stream already

    def write(self, obj: Any) -> None:
        data = (dumps(obj) + "\n").encode("utf-8")
        if self._fd is not None:
            _write_line(self._fd, data, rollback=self.path is not None)
            if self._fsync:
                os.fsync(self._fd)
        elif self._stream is not None:
            self._stream.write(data)
            self._stream.flush()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        elif self._stream is not None:
            with contextlib.suppress(Exception):
                self._stream.flush()
            self._stream = None


class JsonlSink:
    """The `jsonl` format: batch JSON Lines to a file (appended to, so resumable) or a stream."""

    def __init__(self, writer: JsonlWriter, index: HeldIndex, *, resumable: bool) -> None:
        self._writer = writer
        self._index = index
        self.resumable = resumable

    @property
    def stores_reports(self) -> bool:
        return self._index.reports

    @property
    def stores_errors(self) -> bool:
        return self._index.errors

    @classmethod
    def to_path(
        cls, path: Path, options: SinkOptions = DEFAULT_OPTIONS, *, reports: bool = True
    ) -> JsonlSink:
        index = HeldIndex(reports=reports, errors=options.errors, force=options.force)
        # Opening to append repairs a torn last line; the lines are then read back once.
        writer = JsonlWriter.to_path(path, append=not options.force, fsync=options.fsync)
        if not options.force:
            for obj in iter_jsonl(path):
                try:
                    index.remember(Outcome.from_line(obj))
                except ValueError:
                    continue
        return cls(writer, index, resumable=True)

    @classmethod
    def to_stream(
        cls, stream: IO[Any], options: SinkOptions = DEFAULT_OPTIONS, *, reports: bool = True
    ) -> JsonlSink:
        # Only a file can be read back; a stream cannot.
        index = HeldIndex(reports=reports, errors=options.errors, force=options.force)
        return cls(JsonlWriter.to_stream(stream), index, resumable=False)

    def lookup(self, ident: InputId) -> Stored | None:
        return self._index.lookup(ident)

    def write(self, outcome: Outcome) -> None:
        if self._index.accepts(outcome):
            self._writer.write(outcome.line())
            self._index.remember(outcome)

    def close(self) -> None:
        self._writer.close()
