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

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .defaults import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
    from .defaults import DEFAULT_MAX_TASKS_PER_CHILD as DEFAULT_MAX_TASKS_PER_CHILD
    from .defaults import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from .inputs import InputRef as InputRef
    from .inputs import expand_inputs as expand_inputs
    from .options import BatchOptions as BatchOptions
    from .options import available_cpus as available_cpus
    from .progress import NullProgress as NullProgress
    from .progress import Progress as Progress
    from .progress import RichProgress as RichProgress
    from .progress import make_progress as make_progress
    from .run import iter_batch as iter_batch
    from .run import run_batch as run_batch
    from .summary import BatchSummary as BatchSummary
    from .task import Task as Task
    from .task import TaskInput as TaskInput
    from .task import extract_task as extract_task
    from .task import resolve_task as resolve_task

# name -> its module. Imported on first use (PEP 562), so the CLI can read the defaults in
# `batch.options` without loading multiprocessing, tarfile and the pool for `--help`.
_EXPORTS = {
    "InputRef": ".inputs",
    "expand_inputs": ".inputs",
    "DEFAULT_MAX_BYTES": ".defaults",
    "DEFAULT_MAX_TASKS_PER_CHILD": ".defaults",
    "DEFAULT_TIMEOUT": ".defaults",
    "BatchOptions": ".options",
    "available_cpus": ".options",
    "NullProgress": ".progress",
    "Progress": ".progress",
    "RichProgress": ".progress",
    "make_progress": ".progress",
    "iter_batch": ".run",
    "run_batch": ".run",
    "BatchSummary": ".summary",
    "Task": ".task",
    "TaskInput": ".task",
    "extract_task": ".task",
    "resolve_task": ".task",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
