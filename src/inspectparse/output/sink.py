"""What every output is: the `Sink` protocol, its options, and the pieces sinks are made of.

A sink is opened on a path (`to_path`: a file it may read back to resume) or on a stream
(`to_stream`: stdout or an open file, written once and never read). Resume bookkeeping is a
`HeldIndex` that a sink has, not a base class it inherits.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from ..outcome import InputId, InputKey, Outcome, Stored

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "DEFAULT_OPTIONS",
    "HeldIndex",
    "Sink",
    "SinkFactory",
    "SinkOptions",
    "atomic_write_text",
    "write_text",
]


class Sink(Protocol):
    """An output of a run.

    `stores_reports` / `stores_errors` say which outcomes it keeps; `resumable` says it can tell
    what it already holds (`lookup`), so a rerun can skip those inputs. `write` ignores an input
    the sink already holds unless the sink was opened with `force`, so a rerun that has to redo
    an input for one output does not duplicate it in another.
    """

    @property
    def stores_reports(self) -> bool: ...

    @property
    def stores_errors(self) -> bool: ...

    @property
    def resumable(self) -> bool: ...

    def lookup(self, ident: InputId) -> Stored | None: ...

    def write(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class SinkOptions:
    """How a format's sink is opened; each format reads the options that concern it."""

    force: bool = False  # replace what the output holds instead of resuming it
    errors: bool = True  # error records go here too (False when `--errors` takes them)
    fsync: bool = False  # JSON Lines: sync each line to disk
    pretty: bool = False  # JSON: indented
    table: str | None = None  # CSV: this long table instead of one row per report
    excel: bool = False  # CSV: UTF-8 with a byte-order mark, so Excel reads every character


DEFAULT_OPTIONS = SinkOptions()


class SinkFactory(Protocol):
    """What an output format registers: a sink on a path, and a sink on a stream."""

    def to_path(self, path: Path, options: SinkOptions) -> Sink: ...

    def to_stream(self, stream: IO[str], options: SinkOptions) -> Sink: ...


class HeldIndex:
    """What an output holds, by input key: the resume bookkeeping of a sink.

    `reports` / `errors` say which outcomes the output keeps; `force` makes every outcome
    welcome again (a forced run rewrites what it converts).
    """

    def __init__(self, *, reports: bool = True, errors: bool = True, force: bool = False) -> None:
        self.reports = reports
        self.errors = errors
        self.force = force
        self._held: dict[InputKey, Stored] = {}

    def lookup(self, ident: InputId) -> Stored | None:
        return self._held.get(ident.key)

    def keeps(self, outcome: Outcome) -> bool:
        return self.reports if outcome.ok else self.errors

    def accepts(self, outcome: Outcome) -> bool:
        """Whether `outcome` is to be written: kept here, and new (or the run is forced)."""
        if not self.keeps(outcome):
            return False
        return self.force or outcome.input.key not in self._held

    def remember(self, outcome: Outcome) -> None:
        self._held[outcome.input.key] = Stored(outcome.status, outcome.kind)

    def hold(self, ident: InputId, stored: Stored) -> None:
        self._held[ident.key] = stored


def atomic_write_text(path: Path, text: str) -> None:
    """Replace `path` with `text`: readers see the old file or the new one, never half of one.

    A temporary file in the same folder, synced, then `os.replace`, so even a process killed
    mid-write leaves the previous file whole. The folder must exist (one rule for every output,
    see `target`); the file gets the mode the umask gives a new file, like every output.
    """
    import tempfile  # here: the CLI imports this module, and tempfile costs ~10 ms

    from .target import file_mode

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):  # POSIX: mkstemp makes 0600
            os.fchmod(fd, file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(stream: IO[str], text: str) -> None:
    """Write to a text stream as UTF-8 bytes through its binary buffer, whatever the locale."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)
        stream.flush()
