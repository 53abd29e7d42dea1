"""`BatchOptions`: what a batch reads, writes and how it runs (the CLI maps its flags here)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..limits import DEFAULT_MAX_MEMORY
from ..load import ENGINES, Engine
from ..output import TABLES
from ..output.formats import choose_output_format, named_format
from .defaults import DEFAULT_MAX_BYTES, DEFAULT_MAX_TASKS_PER_CHILD, DEFAULT_TIMEOUT

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TASKS_PER_CHILD",
    "DEFAULT_TIMEOUT",
    "BatchOptions",
    "available_cpus",
]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Options of `run_batch`; the CLI maps its flags onto these names.

    Outputs (any combination): `output` (a path, "-" for stdout, or a text stream) in `format`
    (one of `output.FORMATS` that batch offers: "jsonl", the default, or "csv"), or the long
    `table` as CSV; `errors`, a JSON Lines file that takes the error records away from
    `output`; `output_dir`, one JSON file per input mirroring the input tree; `sqlite`,
    normalised tables.
    """

    output: str | os.PathLike[str] | IO[str] | None = None
    errors: str | os.PathLike[str] | None = None
    output_dir: str | os.PathLike[str] | None = None
    format: str | None = None  # None: jsonl, or CSV for a table
    table: str | None = None
    sqlite: str | os.PathLike[str] | None = None
    jobs: int | None = None  # None: the CPUs this process may use
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per input; None or 0: no limit
    force: bool = False
    engine: Engine = "auto"
    max_tasks_per_child: int = DEFAULT_MAX_TASKS_PER_CHILD
    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_memory: int | None = DEFAULT_MAX_MEMORY  # per worker; None or 0: no limit
    dask_scheduler: Any = None  # an address ("tcp://host:8786") or a distributed.Client
    fsync: bool = False
    excel: bool = False  # CSV output: UTF-8 with a byte-order mark, for Excel

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.table is not None and self.table not in TABLES:
            raise ValueError(f"table must be one of {', '.join(TABLES)}, not {self.table!r}")
        if (
            self.sqlite is None
            and self.format is None
            and self.table is None
            and named_format(self.output_path) == "sqlite"
        ):
            # `-o reports.db`: the name says SQLite.
            object.__setattr__(self, "sqlite", self.output)
            object.__setattr__(self, "output", None)
        fmt = choose_output_format("batch", self.format, table=self.table, path=self.output_path)
        if self.excel and fmt.name != "csv":
            raise ValueError(f"--excel is for CSV output (a UTF-8 byte-order mark), not {fmt.name}")
        if self.jobs is not None and self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if self.max_tasks_per_child < 1:
            raise ValueError("max_tasks_per_child must be at least 1")
        files = [
            Path(p).resolve()
            for p in (self.output, self.errors, self.sqlite)
            if isinstance(p, (str, os.PathLike)) and str(p) != "-"
        ]
        if len(set(files)) != len(files):
            raise ValueError("--output, --errors and --sqlite must be different files")

    @property
    def output_path(self) -> str | None:
        """`output` when it names a file ("-" for stdout), else None (a stream or nothing)."""
        return str(self.output) if isinstance(self.output, (str, os.PathLike)) else None

    @property
    def worker_count(self) -> int:
        return self.jobs or available_cpus()

    @property
    def timeout_seconds(self) -> float | None:
        return self.timeout if self.timeout and self.timeout > 0 else None


def available_cpus() -> int:
    """CPUs this process may run on (a container's cpuset, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1
