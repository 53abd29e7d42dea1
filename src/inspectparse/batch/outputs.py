"""A batch's outputs: opening them from the options, and asking them what is already done."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..outcome import InputId, Stored
from ..output import JsonlSink, OutputDirSink, Sink, SinkOptions, SqliteSink, choose_format
from .options import BatchOptions

__all__ = ["already_done", "open_sinks", "own_outputs"]


def open_sinks(opts: BatchOptions) -> list[Sink]:
    """Every output the options name, opened (and read back, to resume, unless `force`)."""
    sinks: list[Sink] = []
    try:
        if opts.output is not None:
            fmt = choose_format("batch", opts.format, table=opts.table)
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
            else:
                sinks.append(fmt.sink.to_path(Path(output), options))
        if opts.errors is not None:
            errors = SinkOptions(force=opts.force, fsync=opts.fsync)
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
