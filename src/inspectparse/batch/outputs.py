"""A batch's outputs: opening them from the options, and asking them what is already done."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from ..errors import OutputNotWritableError
from ..outcome import InputId, Outcome, Stored
from ..output import JsonlSink, OutputDirSink, Sink, SinkOptions, SqliteSink
from ..output.formats import choose_output_format
from ..output.target import OutputLock, check_file_target, check_sqlite_target, is_stream_path
from .options import BatchOptions

__all__ = [
    "already_done",
    "check_targets",
    "lock_outputs",
    "open_sinks",
    "own_outputs",
    "release_locks",
]


def check_targets(opts: BatchOptions) -> None:
    """Refuse an output that cannot be written (exit 5) before any input is read."""
    for path in (opts.output_path, opts.errors):
        if path is not None and str(path) != "-":
            check_file_target(path)
    if opts.sqlite is not None:
        check_sqlite_target(opts.sqlite)


def lock_outputs(opts: BatchOptions) -> list[OutputLock]:
    """Lock every output this batch writes: a second batch on the same output fails fast."""
    paths = [opts.output_path, opts.errors, opts.sqlite, opts.output_dir]
    locks: list[OutputLock] = []
    if opts.output_dir is not None:
        # Created first, so every run locks the folder itself, never a stand-in beside it.
        try:
            os.makedirs(opts.output_dir, exist_ok=True)
        except OSError as exc:
            raise OutputNotWritableError(
                f"{opts.output_dir}: cannot create the folder ({exc.strerror}); check the path",
                path=str(opts.output_dir),
            ) from exc
    try:
        for path in paths:
            if path is not None and str(path) != "-":
                locks.append(OutputLock(path).acquire())
    except BaseException:
        release_locks(locks)
        raise
    return locks


def release_locks(locks: Sequence[OutputLock]) -> None:
    for lock in locks:
        lock.release()


def open_sinks(opts: BatchOptions) -> list[Sink]:
    """Every output the options name, opened (and read back, to resume, unless `force`).

    A path that is not a regular file (/dev/stdout, a pipe) is written as a stream: never
    read back, so never waited on.
    """
    sinks: list[Sink] = []
    try:
        if opts.output is not None:
            fmt = choose_output_format(
                "batch", opts.format, table=opts.table, path=opts.output_path
            )
            options = SinkOptions(
                force=opts.force,
                errors=opts.errors is None,
                fsync=opts.fsync,
                table=opts.table,
                excel=opts.excel,
            )
            output = opts.output
            if not isinstance(output, (str, os.PathLike)):
                sinks.append(fmt.sink.to_stream(output, options))
            elif str(output) == "-":
                sinks.append(fmt.sink.to_stream(sys.stdout, options))
            elif is_stream_path(output):
                sinks.append(_StreamFile(fmt.sink.to_stream, output, options))
            else:
                sinks.append(fmt.sink.to_path(Path(output), options))
        if opts.errors is not None:
            errors = SinkOptions(force=opts.force, fsync=opts.fsync)
            if is_stream_path(opts.errors):
                stream_errors = SinkOptions(force=opts.force, errors=True)
                sinks.append(_StreamFile(_errors_only, opts.errors, stream_errors))
            else:
                sinks.append(JsonlSink.to_path(Path(opts.errors), errors, reports=False))
        if opts.sqlite is not None:
            sinks.append(SqliteSink.to_path(opts.sqlite, SinkOptions(force=opts.force)))
        if opts.output_dir is not None:
            sinks.append(OutputDirSink(opts.output_dir, force=opts.force))
    except BaseException:
        for sink in sinks:
            with contextlib.suppress(Exception):
                sink.close()
        raise
    return sinks


def _errors_only(stream: IO[str], options: SinkOptions) -> Sink:
    return JsonlSink.to_stream(stream, options, reports=False)


class _StreamFile:
    """A sink on a path that is not a regular file: the path opened for writing, as a stream."""

    resumable = False

    def __init__(
        self,
        make: Callable[[IO[str], SinkOptions], Sink],
        path: str | os.PathLike[str],
        options: SinkOptions,
    ) -> None:
        self._file = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close
        try:
            self._sink = make(self._file, options)
        except BaseException:
            self._file.close()
            raise

    @property
    def stores_reports(self) -> bool:
        return self._sink.stores_reports

    @property
    def stores_errors(self) -> bool:
        return self._sink.stores_errors

    def lookup(self, ident: InputId) -> Stored | None:
        return None

    def write(self, outcome: Outcome) -> None:
        self._sink.write(outcome)

    def close(self) -> None:
        try:
            self._sink.close()
        finally:
            self._file.close()


def own_outputs(opts: BatchOptions) -> list[str | os.PathLike[str]]:
    """The files and folders the batch writes: never taken as inputs."""
    outs: list[str | os.PathLike[str]] = []
    for p in (opts.output, opts.errors, opts.sqlite, opts.output_dir):
        if isinstance(p, (str, os.PathLike)) and str(p) != "-":
            outs.append(p)
    return outs


def already_done(sinks: Sequence[Sink], ident: InputId) -> Stored | None:
    """What the outputs already hold for an input, if every output that keeps it has it."""
    resumable = [s for s in sinks if s.resumable]
    found = [s.lookup(ident) for s in resumable]
    known = [f for f in found if f is not None]
    if not known:
        return None
    stored = next((f for f in known if f.ok), known[0])
    for sink, held in zip(resumable, found, strict=True):
        keeps = sink.stores_reports if stored.ok else sink.stores_errors
        if keeps and held is None:
            return None  # this output lacks it (e.g. added on the rerun): convert it again
    return stored
