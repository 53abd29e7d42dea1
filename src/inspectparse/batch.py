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
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import importlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import tarfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol

from .errors import ExitCode, ExtractionTimeoutError, InspectparseError
from .writers import (
    OK,
    TABLES,
    CsvReportSink,
    InputId,
    JsonlSink,
    Outcome,
    OutputDirSink,
    Sink,
    SqliteSink,
    Stored,
    TableCsvSink,
)

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "InputRef",
    "NullProgress",
    "Progress",
    "RichProgress",
    "TaskInput",
    "expand_inputs",
    "extract_task",
    "iter_batch",
    "make_progress",
    "run_batch",
]

# Error codes the batch itself gives (the pipeline's own codes come from `errors.py`).
TIMEOUT = ExtractionTimeoutError.code  # "timeout"
WORKER_CRASHED = "worker_crashed"
TOO_LARGE = "too_large"
NOT_FOUND = "not_found"
UNREADABLE = "unreadable"
INTERNAL_ERROR = "internal_error"

DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_TASKS_PER_CHILD = 25
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
# A worker that has not even acknowledged its task (still starting up) gets this much extra time
# before the timeout applies, so a slow interpreter start is not blamed on the input.
_STARTUP_GRACE = 60.0

_SKIPPED_NAMES = ("__MACOSX",)


# ---------------------------------------------------------------------------------------------
# Options and the per-file task


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Options of `run_batch`; the CLI maps its flags onto these names.

    Outputs (any combination): `output` (a path, "-" for stdout, or a text stream) in `format`
    "jsonl" (default) or "csv", or the long `table` as CSV; `errors`, a JSON Lines file that
    takes the error records away from `output`; `output_dir`, one JSON file per input mirroring
    the input tree; `sqlite`, normalised tables.
    """

    output: str | os.PathLike[str] | IO[str] | None = None
    errors: str | os.PathLike[str] | None = None
    output_dir: str | os.PathLike[str] | None = None
    format: str | None = None  # "jsonl" | "csv"; None: jsonl, or the table's CSV
    table: str | None = None
    sqlite: str | os.PathLike[str] | None = None
    jobs: int | None = None  # None: os.cpu_count()
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per input; None or 0: no limit
    force: bool = False
    engine: str = "auto"
    max_tasks_per_child: int = DEFAULT_MAX_TASKS_PER_CHILD
    max_bytes: int | None = DEFAULT_MAX_BYTES
    dask_scheduler: Any = None  # an address ("tcp://host:8786") or a distributed.Client
    fsync: bool = False

    def __post_init__(self) -> None:
        from .load import ENGINES

        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.format not in (None, "jsonl", "csv"):
            raise ValueError(f"format must be jsonl or csv, not {self.format!r}")
        if self.table is not None:
            if self.table not in TABLES:
                raise ValueError(f"table must be one of {', '.join(TABLES)}, not {self.table!r}")
            if self.format == "jsonl":
                raise ValueError("--table writes CSV; it cannot be combined with --format jsonl")
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


@dataclass(frozen=True, slots=True)
class TaskInput:
    """What a worker gets for one input: its bytes and how to name it in the record."""

    data: bytes
    path: str | None
    member: str | None = None
    engine: str = "auto"


# A task turns one input into its record (a `Record` or its JSON dict), raising an
# `InspectparseError` for bad input. It must be picklable (a module-level function).
Task = Callable[[TaskInput], Any]


def extract_task(item: TaskInput) -> dict[str, Any]:
    """The default task: the full pipeline (`extract_bytes`), as a JSON-ready dict."""
    from .api import ExtractOptions, extract_bytes

    opts = ExtractOptions(engine=item.engine, member=item.member)  # type: ignore[arg-type]
    record = extract_bytes(item.data, opts, path=item.path)
    # Serialised in the worker, so the parent only writes what it receives.
    return record.model_dump(mode="json")


# (status, record dict) or (error code, message): what crosses the process boundary.
_Result = tuple[str, Any]


def run_task(task: Task, item: TaskInput) -> _Result:
    """Run a task and turn its failure into a typed error result (runs in the worker)."""
    from .writers import record_dict

    try:
        return OK, record_dict(task(item))
    except InspectparseError as exc:
        return exc.code, exc.message
    except MemoryError:
        return INTERNAL_ERROR, "out of memory while converting this input; retry with --jobs 1"
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop the run
        return INTERNAL_ERROR, f"unexpected {type(exc).__name__}: {exc} (a bug: please report it)"


def resolve_task(spec: str) -> Task:
    """A task from 'module:function' (the CLI's hidden --task, used by tests and plugins)."""
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ValueError(f"task must be 'module:function', not {spec!r}")
    func = getattr(importlib.import_module(module), name)
    if not callable(func):
        raise ValueError(f"{spec} is not callable")
    return func


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input found by `expand_inputs`: a file, or a member of a zip/tar archive.

    `path` is the file (or the archive) as given or found; `rel` is its path below the batch's
    common root, for `--output-dir`; `error` is set when it is already known to be unusable.
    """

    path: str
    member: str | None = None
    rel: str = ""
    container: str = "file"  # "file" | "zip" | "tar"
    size: int | None = None
    error: tuple[str, str] | None = None


_GLOB_CHARS = frozenset("*?[")


def _hidden(name: str) -> bool:
    # '.' and '..' are path steps, not hidden names (a member named '../x' is sanitised later).
    return (name.startswith(".") and name not in (".", "..")) or name in _SKIPPED_NAMES


def _safe_member_rel(member: str) -> str:
    # Member names may be absolute or contain '..' ("zip slip"); keep only plain parts.
    parts = [p for p in PurePosixPath(member.replace("\\", "/")).parts if p not in ("/", ".", "..")]
    return "/".join(parts) or "member"


def _archive_kind(path: str) -> str | None:
    """'zip' or 'tar' when the file's bytes say it is an archive we read, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError:
        return None  # reading it later gives the proper error record
    if head.startswith(b"%PDF-"):
        return None
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")):
        # Compressed: a tar only if a tar header is inside (a lone .gz is just a bad input).
        try:
            with tarfile.open(path, "r:*") as tar:
                return "tar" if tar.next() is not None else None
        except (tarfile.TarError, OSError, EOFError, ValueError):
            return None
    return None


def _zip_members(path: str, rel: str) -> list[InputRef]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [InputRef(path, rel=rel, error=(UNREADABLE, f"damaged zip archive ({exc})"))]
    names = {i.filename for i in infos}
    # Office documents and EPUBs are zips too, but they are one (unsupported) file, not a folder.
    if "[Content_Types].xml" in names or (infos and infos[0].filename == "mimetype"):
        return [InputRef(path, rel=rel)]
    refs = []
    for info in infos:
        if info.is_dir() or any(_hidden(p) for p in PurePosixPath(info.filename).parts):
            continue
        member_rel = f"{rel}/{_safe_member_rel(info.filename)}"
        refs.append(InputRef(path, info.filename, member_rel, "zip", info.file_size))
    return refs


def _tar_members(path: str, rel: str) -> list[InputRef]:
    refs: list[InputRef] = []
    try:
        with tarfile.open(path, "r:*") as tar:
            for info in tar:
                if not (info.isreg() or info.islnk()):
                    continue
                if any(_hidden(p) for p in PurePosixPath(info.name).parts):
                    continue
                member_rel = f"{rel}/{_safe_member_rel(info.name)}"
                refs.append(InputRef(path, info.name, member_rel, "tar", info.size))
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        # A damaged archive: the members before the damage are inputs, and the archive itself
        # gets an error record for whatever could not be listed.
        refs.append(
            InputRef(
                path,
                rel=rel,
                error=(UNREADABLE, f"damaged tar archive after {len(refs)} members ({exc})"),
            )
        )
    return refs


def _file_refs(path: str, rel: str) -> list[InputRef]:
    if not os.path.exists(path):  # a broken symbolic link, or a race with a deletion
        return [InputRef(path, rel=rel, error=(NOT_FOUND, f"{path}: no such file"))]
    kind = _archive_kind(path)
    if kind == "zip":
        return _zip_members(path, rel)
    if kind == "tar":
        return _tar_members(path, rel)
    try:
        size: int | None = os.path.getsize(path)
    except OSError:
        size = None
    return [InputRef(path, rel=rel, size=size)]


def _walk(root: str, excluded: Callable[[str], bool]) -> Iterator[str]:
    """Regular files under `root`, sorted, without hidden names; symlinked folders not followed."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if _hidden(name) or excluded(full):
                continue
            # FIFOs, sockets and devices are not files; broken links are (they get an error).
            if os.path.isfile(full) or not os.path.exists(full):
                yield full


def expand_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> list[InputRef]:
    """Every input under `paths` (files, folders, globs, archive members), in a stable order.

    A path that does not exist (and matches no glob) becomes an input with a `not_found` error,
    so it is accounted for like any other. `exclude` lists files (and folders) never to take as
    inputs: the batch's own outputs, when they sit inside an input folder.
    """
    excluded_paths = [Path(p).resolve() for p in exclude]

    def excluded(p: str) -> bool:
        if not excluded_paths:
            return False
        rp = Path(p).resolve()
        return any(
            rp == e
            or e in rp.parents  # inside --output-dir
            # SQLite's -journal / -wal files next to --sqlite
            or (rp.parent == e.parent and rp.name.startswith(e.name + "-"))
            for e in excluded_paths
        )

    found: list[tuple[str, str, str]] = []  # (path, root it was found under, kind)
    for arg in paths:
        p = os.fspath(arg)
        if not os.path.lexists(p) and _GLOB_CHARS & set(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                found.append((p, os.path.dirname(p) or ".", "nomatch"))
            for m in matches:
                found.extend(_classify_arg(m, excluded))
        else:
            found.extend(_classify_arg(p, excluded))

    # Paths for --output-dir are relative to the deepest folder all inputs share, so a single
    # folder argument maps to the output folder itself.
    roots = [os.path.abspath(r) for _, r, _ in found]
    try:
        base = os.path.commonpath(roots) if roots else ""
    except ValueError:  # different drives (Windows)
        base = ""

    refs: list[InputRef] = []
    for path, _root, kind in found:
        absolute = os.path.abspath(path)
        rel = os.path.relpath(absolute, base) if base else absolute.lstrip("/\\")
        rel = rel.replace(os.sep, "/")
        if kind == "missing":
            refs.append(InputRef(path, rel=rel, error=(NOT_FOUND, f"{path}: no such file")))
        elif kind == "nomatch":
            msg = f"{path}: no file matches this pattern (use **/ to search subfolders)"
            refs.append(InputRef(path, rel=rel, error=(NOT_FOUND, msg)))
        elif kind == "special":
            msg = f"{path}: not a regular file or folder"
            refs.append(InputRef(path, rel=rel, error=(UNREADABLE, msg)))
        else:
            refs.extend(_file_refs(path, rel))
    return refs


def _classify_arg(p: str, excluded: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    if os.path.isdir(p):
        return [(f, p, "file") for f in _walk(p, excluded)]
    if os.path.isfile(p):
        return [(p, os.path.dirname(p) or ".", "file")]
    if os.path.lexists(p):
        return [(p, os.path.dirname(p) or ".", "special")]
    return [(p, os.path.dirname(p) or ".", "missing")]


# ---------------------------------------------------------------------------------------------
# Reading inputs (in the parent: it must hash them to resume, and archives are read once)


@dataclass(slots=True)
class _Read:
    ref: InputRef
    data: bytes | None = None
    error: tuple[str, str] | None = None


def _too_large(ref: InputRef, size: int | None, max_bytes: int | None) -> tuple[str, str] | None:
    if max_bytes and size is not None and size > max_bytes:
        return TOO_LARGE, (
            f"{size} bytes is more than the {max_bytes}-byte limit for one input; "
            "check it is a report"
        )
    return None


def _read_inputs(refs: Sequence[InputRef], max_bytes: int | None) -> Iterator[_Read]:
    """The bytes of each input, lazily and in order; each archive is opened once."""
    i = 0
    while i < len(refs):
        ref = refs[i]
        if ref.error is not None:
            yield _Read(ref, error=ref.error)
            i += 1
            continue
        if ref.container == "file":
            yield _read_file(ref, max_bytes)
            i += 1
            continue
        j = i
        while j < len(refs) and refs[j].path == ref.path and refs[j].container == ref.container:
            j += 1
        group = refs[i:j]
        if ref.container == "zip":
            yield from _read_zip(group, max_bytes)
        else:
            yield from _read_tar(group, max_bytes)
        i = j


def _read_file(ref: InputRef, max_bytes: int | None) -> _Read:
    from .api import read_source

    try:
        size = os.path.getsize(ref.path)
    except OSError:
        size = None
    too_large = _too_large(ref, size, max_bytes)
    if too_large:
        return _Read(ref, error=too_large)
    try:
        data, _ = read_source(ref.path)
    except InspectparseError as exc:
        return _Read(ref, error=(exc.code, exc.message))
    return _Read(ref, data=data)


def _member_error(ref: InputRef, exc: BaseException) -> tuple[str, str]:
    return UNREADABLE, f"{ref.path}: member {ref.member} cannot be read ({exc}); check the archive"


def _read_zip(group: Sequence[InputRef], max_bytes: int | None) -> Iterator[_Read]:
    try:
        zf = zipfile.ZipFile(group[0].path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        for ref in group:
            yield _Read(ref, error=_member_error(ref, exc))
        return
    with zf:
        for ref in group:
            too_large = _too_large(ref, ref.size, max_bytes)
            if too_large:
                yield _Read(ref, error=too_large)
                continue
            try:
                data = zf.read(ref.member or "")
            except Exception as exc:  # noqa: BLE001 - bad CRC, encryption, odd compression...
                yield _Read(ref, error=_member_error(ref, exc))
                continue
            yield _Read(ref, data=data)


def _read_tar(group: Sequence[InputRef], max_bytes: int | None) -> Iterator[_Read]:
    # Members come in archive order, the order `_tar_members` listed them: one sequential pass
    # reads a compressed tar without seeking back.
    pending = list(group)
    try:
        with tarfile.open(group[0].path, "r:*") as tar:
            for info in tar:
                if not pending:
                    break
                if info.name != pending[0].member:
                    continue
                ref = pending.pop(0)
                too_large = _too_large(ref, info.size, max_bytes)
                if too_large:
                    yield _Read(ref, error=too_large)
                    continue
                try:
                    fh = tar.extractfile(info)
                    data = fh.read() if fh is not None else b""
                except Exception as exc:  # noqa: BLE001 - truncated or corrupt member data
                    yield _Read(ref, error=_member_error(ref, exc))
                    continue
                yield _Read(ref, data=data)
    except Exception as exc:  # noqa: BLE001 - the archive broke part-way: the rest fail
        for ref in pending:
            yield _Read(ref, error=_member_error(ref, exc))
        return
    for ref in pending:  # listed before but gone now (the archive changed under us)
        yield _Read(ref, error=_member_error(ref, FileNotFoundError("member vanished")))


# ---------------------------------------------------------------------------------------------
# Progress (parent only, stderr only)


class Progress(Protocol):
    """What the batch reports as it goes; only the parent process ever calls it."""

    def start(self, total: int) -> None: ...

    def skip(self, count: int = 1) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


class NullProgress:
    """No progress display (stderr is not a terminal, or --quiet)."""

    def start(self, total: int) -> None:
        pass

    def skip(self, count: int = 1) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        pass

    def close(self) -> None:
        pass


class RichProgress:
    """A rich progress bar on stderr: files done, pages/s, failures, ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as _RichProgress

        self._bar = _RichProgress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            # Never touch stdout: it carries the data.
            redirect_stdout=False,
            redirect_stderr=False,
            transient=False,
        )
        self._task: Any = None
        self._pages = 0
        self._failed = 0
        self._t0 = time.monotonic()

    def start(self, total: int) -> None:
        self._t0 = time.monotonic()
        self._bar.start()
        self._task = self._bar.add_task("batch", total=total, rate=0.0, failed=0)

    def skip(self, count: int = 1) -> None:
        # Skipped inputs leave the total instead of counting as done, so the ETA reflects work.
        task = self._bar.tasks[0]
        self._bar.update(self._task, total=max(0, (task.total or 0) - count))

    def advance(self, outcome: Outcome) -> None:
        self._pages += outcome.pages
        self._failed += 0 if outcome.ok else 1
        rate = self._pages / max(time.monotonic() - self._t0, 1e-6)
        self._bar.update(self._task, advance=1, rate=rate, failed=self._failed)

    def close(self) -> None:
        self._bar.stop()


def make_progress(*, quiet: bool = False, stream: IO[str] | None = None) -> Progress:
    """The rich bar when `stream` (stderr) is a terminal and not quiet, else the null one."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return NullProgress()
    return RichProgress()


# ---------------------------------------------------------------------------------------------
# Summary


@dataclass
class BatchSummary:
    """What a batch did; counts cover every input, including those skipped on resume."""

    inputs: int = 0
    converted: int = 0  # converted in this run
    failed: int = 0  # failed in this run
    skipped: int = 0  # already in the outputs (resume), whatever their status
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    by_kind: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)

    @property
    def ok_total(self) -> int:
        return self.by_status.get(OK, 0)

    @property
    def failed_total(self) -> int:
        return sum(n for status, n in self.by_status.items() if status != OK)

    @property
    def exit_code(self) -> ExitCode:
        """0 when every input converted, BATCH_PARTIAL when some failed, BATCH_ALL_FAILED."""
        if self.interrupted:
            return ExitCode.INTERRUPTED
        if self.failed_total == 0:
            return ExitCode.OK
        return ExitCode.BATCH_ALL_FAILED if self.ok_total == 0 else ExitCode.BATCH_PARTIAL

    def _count(self, status: str, kind: str | None) -> None:
        self.by_status[status] += 1
        if status == OK:
            self.by_kind[kind or "unknown"] += 1

    def add(self, outcome: Outcome) -> None:
        self._count(outcome.status, outcome.kind)
        if outcome.ok:
            self.converted += 1
            self.pages += outcome.pages
        else:
            self.failed += 1
            self.failures.append(outcome)

    def add_skipped(self, stored: Stored) -> None:
        self.skipped += 1
        self._count(stored.status, stored.kind)

    def format(self, *, max_failures: int = 20) -> str:
        """The human summary printed on stderr at the end of a run."""
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"batch: {self.inputs} inputs: {self.ok_total} converted, "
            f"{self.failed_total} failed"
            + (f" ({self.skipped} already done, skipped)" if self.skipped else "")
            + f"; {self.seconds:.1f} s, {self.pages} pages ({rate:.1f} pages/s)"
            + (" - INTERRUPTED" if self.interrupted else "")
        ]
        if self.by_kind:
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.by_kind.items()))
            lines.append(f"  by kind: {kinds}")
        if self.by_status:
            statuses = sorted(self.by_status.items(), key=lambda kv: (kv[0] != OK, kv[0]))
            lines.append("  by status: " + ", ".join(f"{s} {n}" for s, n in statuses))
        for outcome in self.failures[:max_failures]:
            where = outcome.input.path or "-"
            if outcome.input.member:
                where += f" [{outcome.input.member}]"
            lines.append(f"  failed: {where}: {outcome.code}: {outcome.message}")
        if len(self.failures) > max_failures:
            lines.append(f"  ... and {len(self.failures) - max_failures} more failures")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Execution: a local process pool with parent-enforced timeouts, or Dask


@dataclass(slots=True)
class _Job:
    ident: InputId
    item: TaskInput


def _outcome(ident: InputId, result: _Result, seconds: float) -> Outcome:
    status, payload = result
    if status == OK:
        return Outcome(ident, record=payload, seconds=seconds)
    return Outcome(ident, code=status, message=str(payload), seconds=seconds)


def _worker_main(conn: multiprocessing.connection.Connection, task: Task) -> None:
    """A pool worker: receive an input, acknowledge it, run the task, send the result back."""
    # Ctrl-C goes to the whole process group; the parent decides, the workers carry on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Anything a library prints to fd 1 must not corrupt the data on the parent's stdout.
    with contextlib.suppress(OSError):
        os.dup2(2, 1)
    _die_with_parent()
    while True:
        try:
            msg = conn.recv()
            if msg is None:
                return
            seq, item = msg
            conn.send(("started", seq, None))
            result = run_task(task, item)
            conn.send(("done", seq, result))
        except (EOFError, OSError):
            return  # the parent is gone (killed, even with -9): nobody wants the result


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when its parent process dies.

    Without it a worker stuck in a pathological PDF would outlive a killed batch until its
    task ended. The parent is the fork server (or the batch itself with spawn); the fork server
    exits when the batch does, so the chain ends with the batch either way.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


class _Worker:
    def __init__(self, ctx: Any, task: Task) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=_worker_main, args=(child_end, task), name="inspectparse-batch", daemon=True
        )
        self.process.start()
        child_end.close()
        self.conn: multiprocessing.connection.Connection = parent_end
        self.tasks_done = 0
        self.job: _Job | None = None
        self.seq = -1
        self.sent_at = 0.0
        self.started_at: float | None = None

    def deadline(self, timeout: float) -> float:
        if self.started_at is not None:
            return self.started_at + timeout
        return self.sent_at + timeout + _STARTUP_GRACE

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def retire(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


_FORKSERVER_PRELOAD = [
    "inspectparse.batch",
    "inspectparse.api",
    "inspectparse.clean",
    "inspectparse.segment",
    "inspectparse.classify",
    "inspectparse.validate",
]


def _mp_context() -> Any:
    # forkserver: workers fork from a clean, single-threaded server (never from a parent that
    # may run a progress thread), and cheaply, since it has imported inspectparse already.
    # spawn where forkserver does not exist (Windows, macOS without it).
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # Preloading also makes the server take the parent's sys.path, so tasks defined in
        # test modules or plugins can be unpickled by the workers. The pipeline's own modules
        # are preloaded so a recycled worker does not import them again; the PDF libraries
        # are not (pdfium initialises itself on import, and is best loaded after the fork).
        ctx.set_forkserver_preload(_FORKSERVER_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class LocalPool:
    """N worker processes fed one input at a time; the parent enforces timeouts.

    Not `ProcessPoolExecutor`: it cannot kill the one worker stuck on a pathological input
    (its `cancel` does not stop a running call), and a dead worker breaks the whole executor.
    Here a timeout or a crash costs one error record and one replacement worker.
    """

    def __init__(
        self,
        task: Task,
        *,
        jobs: int,
        timeout: float | None,
        max_tasks_per_child: int = DEFAULT_MAX_TASKS_PER_CHILD,
        context: Any = None,
    ) -> None:
        self.task = task
        self.jobs = jobs
        self.timeout = timeout
        self.max_tasks_per_child = max_tasks_per_child
        self.ctx = context or _mp_context()
        self.workers_started = 0

    def _spawn(self) -> _Worker:
        self.workers_started += 1
        return _Worker(self.ctx, self.task)

    def run(self, jobs: Iterator[_Job | Outcome]) -> Generator[Outcome, None, None]:
        idle: list[_Worker] = []
        busy: dict[int, _Worker] = {}  # seq -> worker
        seq = 0
        exhausted = False
        try:
            while True:
                while not exhausted and len(busy) < self.jobs:
                    job = next(jobs, None)
                    if job is None:
                        exhausted = True
                        break
                    if isinstance(job, Outcome):
                        yield job  # decided before any worker was needed (unreadable input)
                        continue
                    seq += 1
                    worker = self._dispatch(idle, seq, job)
                    busy[seq] = worker
                if not busy:
                    return
                yield from self._collect(busy, idle)
        finally:
            for worker in list(busy.values()):
                worker.kill()
            for worker in idle:
                worker.retire()

    def _dispatch(self, idle: list[_Worker], seq: int, job: _Job) -> _Worker:
        for _attempt in range(3):
            worker = idle.pop() if idle else self._spawn()
            try:
                worker.conn.send((seq, job.item))
            except (OSError, EOFError, BrokenPipeError):
                worker.kill()  # died while idle: replace it and send again
                continue
            worker.job, worker.seq = job, seq
            worker.sent_at, worker.started_at = time.monotonic(), None
            return worker
        raise RuntimeError("cannot start batch workers; check the system's process limits")

    def _collect(self, busy: dict[int, _Worker], idle: list[_Worker]) -> Iterator[Outcome]:
        timeout = self.timeout
        wait_for: float | None = None
        if timeout is not None:
            nearest = min(w.deadline(timeout) for w in busy.values())
            wait_for = max(0.0, nearest - time.monotonic())
        handles: list[Any] = []
        for w in busy.values():
            handles.extend((w.conn, w.process.sentinel))
        multiprocessing.connection.wait(handles, wait_for)

        for seq, worker in list(busy.items()):
            result, crashed = self._drain(worker)
            if result is None and not crashed:
                if worker.process.is_alive():
                    continue  # still working
                # Dead without a result: read what it may have sent just before dying.
                result, _ = self._drain(worker)
                crashed = result is None
            del busy[seq]
            job = worker.job
            assert job is not None
            elapsed = time.monotonic() - (worker.started_at or worker.sent_at)
            if result is not None:
                worker.tasks_done += 1
                worker.job = None
                if worker.tasks_done >= self.max_tasks_per_child:
                    worker.retire()  # recycled: leaks in the PDF libraries die with it
                else:
                    idle.append(worker)
                yield _outcome(job.ident, result, elapsed)
            else:
                exitcode = worker.process.exitcode
                worker.kill()
                how = (
                    f"killed by signal {-exitcode}"
                    if exitcode is not None and exitcode < 0
                    else f"exit code {exitcode}"
                )
                yield Outcome(
                    job.ident,
                    code=WORKER_CRASHED,
                    message=(
                        f"the worker converting this input died ({how}), probably out of memory "
                        "or a crash in the PDF library; retry it alone with --jobs 1"
                    ),
                    seconds=elapsed,
                )

        if timeout is None:
            return
        now = time.monotonic()
        for seq, worker in list(busy.items()):
            if now < worker.deadline(timeout):
                continue
            with contextlib.suppress(OSError, EOFError):
                if worker.conn.poll(0):
                    continue  # it finished just now: collected on the next round
            del busy[seq]
            job = worker.job
            assert job is not None
            worker.kill()
            yield Outcome(
                job.ident,
                code=TIMEOUT,
                message=(
                    f"conversion took longer than {timeout:g} s and was stopped; "
                    "raise --timeout if the report is just very large"
                ),
                seconds=now - (worker.started_at or worker.sent_at),
            )

    def _drain(self, worker: _Worker) -> tuple[_Result | None, bool]:
        """Read the worker's pending messages: (result or None, whether it crashed)."""
        try:
            while worker.conn.poll(0):
                kind, seq, payload = worker.conn.recv()
                if seq != worker.seq:
                    continue
                if kind == "started":
                    worker.started_at = time.monotonic()
                elif kind == "done":
                    return payload, False
        except (EOFError, OSError):
            return None, True
        return None, False


def _dask_client(scheduler: Any) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise RuntimeError("--dask-scheduler needs Dask: pip install 'inspectparse[dask]'") from exc
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout="30s"), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise RuntimeError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from exc


def _run_dask(
    jobs: Iterator[_Job | Outcome], task: Task, scheduler: Any, timeout: float | None
) -> Generator[Outcome, None, None]:
    """The same per-input task on a Dask cluster.

    A timed-out input costs its error record and its future is cancelled, but Dask cannot kill
    a running task: the worker thread finishes it in the background (the run does not wait).
    """
    from distributed import wait

    client, owned = _dask_client(scheduler)
    try:
        # Keep as many tasks in flight as the cluster has threads, so a task's clock starts
        # roughly when it starts running rather than while it waits in the queue.
        capacity = max(1, sum(client.nthreads().values()))
        inflight: dict[Any, tuple[_Job, float]] = {}
        exhausted = False
        while True:
            while not exhausted and len(inflight) < capacity:
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                    break
                if isinstance(job, Outcome):
                    yield job
                    continue
                future = client.submit(run_task, task, job.item, pure=False)
                inflight[future] = (job, time.monotonic())
            if not inflight:
                return
            wait_for = None
            if timeout is not None:
                nearest = min(t0 for _, t0 in inflight.values()) + timeout
                wait_for = max(0.01, nearest - time.monotonic())
            with contextlib.suppress(Exception):  # distributed raises TimeoutError variants
                wait(list(inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
            now = time.monotonic()
            for future in list(inflight):
                job, t0 = inflight[future]
                if future.done():
                    del inflight[future]
                    if future.status == "finished":
                        yield _outcome(job.ident, future.result(), now - t0)
                    else:
                        exc = future.exception()
                        yield Outcome(
                            job.ident,
                            code=WORKER_CRASHED,
                            message=f"the Dask task failed ({type(exc).__name__}: {exc})",
                            seconds=now - t0,
                        )
                elif timeout is not None and now - t0 >= timeout:
                    del inflight[future]
                    future.cancel()
                    yield Outcome(
                        job.ident,
                        code=TIMEOUT,
                        message=f"conversion took longer than {timeout:g} s and was abandoned",
                        seconds=now - t0,
                    )
    finally:
        if owned:
            client.close()


# ---------------------------------------------------------------------------------------------
# The batch


def _stored(sinks: Sequence[Sink], ident: InputId) -> Stored | None:
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


def _open_sinks(opts: BatchOptions) -> list[Sink]:
    sinks: list[Sink] = []
    try:
        if opts.output is not None:
            target: Any = sys.stdout if str(opts.output) == "-" else opts.output
            errors_here = opts.errors is None
            if opts.table:
                sinks.append(TableCsvSink(target, opts.table, force=opts.force))
            elif opts.format == "csv":
                sinks.append(CsvReportSink(target, errors=errors_here, force=opts.force))
            else:
                sinks.append(
                    JsonlSink(target, errors=errors_here, force=opts.force, fsync=opts.fsync)
                )
        if opts.errors is not None:
            sinks.append(JsonlSink(opts.errors, reports=False, force=opts.force, fsync=opts.fsync))
        if opts.sqlite is not None:
            sinks.append(SqliteSink(opts.sqlite, force=opts.force))
        if opts.output_dir is not None:
            sinks.append(OutputDirSink(opts.output_dir, force=opts.force))
    except BaseException:
        for sink in sinks:
            with contextlib.suppress(Exception):
                sink.close()
        raise
    return sinks


def _own_outputs(opts: BatchOptions) -> list[str | os.PathLike[str]]:
    outs: list[str | os.PathLike[str]] = []
    for p in (opts.output, opts.errors, opts.sqlite, opts.output_dir):
        if isinstance(p, (str, os.PathLike)) and str(p) != "-":
            outs.append(p)
    return outs


def _jobs(
    refs: Sequence[InputRef],
    opts: BatchOptions,
    *,
    sinks: Sequence[Sink],
    summary: BatchSummary,
    progress: Progress,
) -> Iterator[_Job | Outcome]:
    """Jobs for the inputs still to do (read lazily, so at most a few inputs sit in memory)."""
    for read in _read_inputs(refs, opts.max_bytes):
        ref = read.ref
        sha = hashlib.sha256(read.data).hexdigest() if read.data is not None else None
        ident = InputId(ref.path, ref.member, sha, ref.rel)
        if not opts.force:
            stored = _stored(sinks, ident)
            if stored is not None:
                summary.add_skipped(stored)
                progress.skip()
                continue
        if read.error is not None:
            yield Outcome(ident, code=read.error[0], message=read.error[1])
            continue
        assert read.data is not None
        yield _Job(ident, TaskInput(read.data, ref.path, ref.member, opts.engine))


def _execute(
    jobs: Iterator[_Job | Outcome], opts: BatchOptions, task: Task
) -> Generator[Outcome, None, None]:
    if opts.dask_scheduler is not None:
        return _run_dask(jobs, task, opts.dask_scheduler, opts.timeout_seconds)
    pool = LocalPool(
        task,
        jobs=opts.worker_count,
        timeout=opts.timeout_seconds,
        max_tasks_per_child=opts.max_tasks_per_child,
    )
    return pool.run(jobs)


def _options(options: BatchOptions | None, overrides: dict[str, Any]) -> BatchOptions:
    if options is None:
        return BatchOptions(**overrides)
    if overrides:
        import dataclasses

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
    `progress` receives updates (default: none). Raises ValueError for bad options and OSError
    when an output cannot be opened; a KeyboardInterrupt stops the run cleanly, with the outputs
    holding everything finished so far (`summary.interrupted`).
    """
    opts = _options(options, overrides)
    progress = progress or NullProgress()
    t0 = time.monotonic()
    refs = expand_inputs(paths, exclude=_own_outputs(opts))
    summary = BatchSummary(inputs=len(refs))
    sinks = _open_sinks(opts)
    progress.start(len(refs))
    jobs = _jobs(refs, opts, sinks=sinks, summary=summary, progress=progress)
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
