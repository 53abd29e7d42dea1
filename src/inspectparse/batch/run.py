"""Running a batch: inputs -> jobs (skipping what the outputs hold) -> workers -> outputs."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Any

from ..outcome import InputId, InputKey, Outcome
from ..output import Sink
from .cluster import run_dask
from .inputs import InputRef, expand_inputs
from .options import BatchOptions
from .outputs import (
    already_done,
    check_targets,
    lock_outputs,
    open_sinks,
    own_outputs,
    release_locks,
)
from .pool import LocalPool
from .progress import NullProgress, Progress
from .reading import read_inputs
from .summary import BatchSummary
from .task import Job, Task, TaskInput, extract_task

__all__ = ["iter_batch", "run_batch"]


def _jobs(
    refs: Sequence[InputRef],
    opts: BatchOptions,
    *,
    sinks: Sequence[Sink],
    summary: BatchSummary,
    progress: Progress,
    skip_repeats: bool = False,
) -> Iterator[Job | Outcome]:
    """Jobs for the inputs still to do (read lazily, so at most a few inputs sit in memory).

    With `skip_repeats`, an input with the key of one queued earlier in this run (an archive
    holding one member name twice with the same bytes) is counted as a repeat, not converted:
    its record would be the first one's, and the outputs keep one record per key.
    """
    queued: set[InputKey] = set()
    for read in read_inputs(refs, opts.max_bytes):
        ref = read.ref
        sha = hashlib.sha256(read.data).hexdigest() if read.data is not None else None
        ident = InputId(ref.path, ref.member, sha, ref.rel)
        if skip_repeats and sha is not None:
            if ident.key in queued:
                summary.repeats += 1
                progress.skip()
                continue
            queued.add(ident.key)
        if not opts.force:
            stored = already_done(sinks, ident)
            if stored is not None:
                summary.add_skipped(stored)
                progress.skip()
                continue
        if read.error is not None:
            yield Outcome(ident, code=read.error[0], message=read.error[1])
            continue
        assert read.data is not None
        yield Job(ident, TaskInput(read.data, ref.path, ref.member, opts.engine, opts.max_memory))


def _execute(
    jobs: Iterator[Job | Outcome], opts: BatchOptions, task: Task
) -> Generator[Outcome, None, None]:
    if opts.dask_scheduler is not None:
        return run_dask(jobs, task, opts.dask_scheduler, opts.timeout_seconds)
    pool = LocalPool(
        task,
        jobs=opts.worker_count,
        timeout=opts.timeout_seconds,
        max_tasks_per_child=opts.max_tasks_per_child,
        max_memory=opts.max_memory,
    )
    return pool.run(jobs)


def _options(options: BatchOptions | None, overrides: dict[str, Any]) -> BatchOptions:
    if options is None:
        return BatchOptions(**overrides)
    if overrides:
        return dataclasses.replace(options, **overrides)
    return options


def iter_batch(
    paths: Iterable[str | os.PathLike[str]],
    options: BatchOptions | None = None,
    *,
    task: Task | None = None,
    **overrides: Any,
) -> Iterator[Outcome]:
    """Convert every input under `paths`, yielding one `Outcome` per input as each finishes.

    No outputs and no resume: the library form, for callers that handle results themselves.
    """
    opts = _options(options, overrides)
    refs = expand_inputs(paths)
    summary = BatchSummary(inputs=len(refs))
    jobs = _jobs(refs, opts, sinks=(), summary=summary, progress=NullProgress())
    yield from _execute(jobs, opts, task or extract_task)


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    options: BatchOptions | None = None,
    *,
    task: Task | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> BatchSummary:
    """Convert every input under `paths` into the outputs named in the options.

    `task` replaces the per-input function (default `extract_task`; it must be picklable);
    `progress` receives updates (default: none). Raises ValueError for bad options, OSError
    or `OutputNotWritableError` when an output cannot be opened or written; a
    KeyboardInterrupt stops the run cleanly, with the outputs holding everything finished so
    far (`summary.interrupted`).
    """
    opts = _options(options, overrides)
    progress = progress or NullProgress()
    t0 = time.monotonic()
    check_targets(opts)  # before anything is read or written
    links: list[str] = []
    refs = expand_inputs(paths, exclude=own_outputs(opts), links=links)
    summary = BatchSummary(inputs=len(refs), links_skipped=links)
    locks = lock_outputs(opts)
    try:
        return _run(refs, opts, task, progress, summary, t0)
    finally:
        release_locks(locks)


def _run(
    refs: Sequence[InputRef],
    opts: BatchOptions,
    task: Task | None,
    progress: Progress,
    summary: BatchSummary,
    t0: float,
) -> BatchSummary:
    sinks = open_sinks(opts)
    progress.start(len(refs))
    jobs = _jobs(refs, opts, sinks=sinks, summary=summary, progress=progress, skip_repeats=True)
    outcomes = _execute(jobs, opts, task or extract_task)
    try:
        for outcome in outcomes:
            for sink in sinks:
                sink.write(outcome)
            summary.add(outcome)
            progress.advance(outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        # Stops the workers now, whatever happened (e.g. a broken stdout pipe).
        outcomes.close()
        progress.close()
        try:
            for sink in sinks:
                sink.close()
        finally:
            summary.seconds = time.monotonic() - t0
    return summary
