"""Batch conversion: many reports (files, folders, globs, zip/tar archives) in a process pool.

The library side of `inspectparse batch` (no click here)::

    from inspectparse.batch import run_batch
    summary = run_batch(["reports/", "more.zip"], output="out.jsonl", jobs=4)
    summary.exit_code    # 0, ExitCode.BATCH_PARTIAL or ExitCode.BATCH_ALL_FAILED

Guarantees:

- every input gets exactly one record or one error record: a file that is not a report, cannot
  be read, takes longer than `timeout` or crashes its worker costs one error record, never the
  run (hidden files and folders and `__MACOSX` are skipped);
- the per-file timeout is enforced by this (parent) process, which kills the worker and starts
  a fresh one; workers are also recycled every `max_tasks_per_child` inputs so leaks in the PDF
  libraries cannot pile up;
- resume: inputs the outputs already hold (same path, member and sha256) are skipped unless
  `force=True`, so stopping a run (even with kill -9) and running it again gives the same set
  of records as one uninterrupted run;
- progress is drawn by the parent only, on stderr, only when stderr is a terminal.

Archives are read in place (`zipfile`/`tarfile`), never extracted to disk; they and the reports
in them are recognised by their bytes, never by file name.

The package, by concern: `options` (BatchOptions), `inputs` (finding inputs, listing
archives), `reading` (their bytes), `task` (what a worker runs), `pool` (the local process
pool), `cluster` (Dask), `progress`, `summary`, `outputs` (opening the sinks, resume) and
`run` (run_batch, iter_batch).
"""

from __future__ import annotations

from .inputs import InputRef, expand_inputs
from .options import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_TASKS_PER_CHILD,
    DEFAULT_TIMEOUT,
    BatchOptions,
    available_cpus,
)
from .progress import NullProgress, Progress, RichProgress, make_progress
from .run import iter_batch, run_batch
from .summary import BatchSummary
from .task import Task, TaskInput, extract_task, resolve_task

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TASKS_PER_CHILD",
    "DEFAULT_TIMEOUT",
    "BatchOptions",
    "BatchSummary",
    "InputRef",
    "NullProgress",
    "Progress",
    "RichProgress",
    "Task",
    "TaskInput",
    "available_cpus",
    "expand_inputs",
    "extract_task",
    "iter_batch",
    "make_progress",
    "resolve_task",
    "run_batch",
]
