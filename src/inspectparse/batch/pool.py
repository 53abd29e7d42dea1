"""The local process pool: N workers fed one input at a time, timeouts enforced by the parent.

Guarantees, each tested: a timeout or a crash costs one error record and one replacement
worker, never the run; workers are recycled every `max_tasks_per_child` inputs so leaks in
the PDF libraries cannot pile up; workers die with their parent (PR_SET_PDEATHSIG), ignore
Ctrl-C (the parent decides) and write nothing to the parent's stdout (fd 1 goes to stderr).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections.abc import Generator, Iterator
from typing import Any

from ..errors import ErrorCode
from ..limits import cap_memory, memory_exceeded
from ..outcome import Outcome
from .defaults import DEFAULT_MAX_TASKS_PER_CHILD
from .task import Job, Result, Task, outcome_of, run_task

__all__ = ["LocalPool"]

# A worker that has not even acknowledged its task (still starting up) gets this much extra time
# before the timeout applies, so a slow interpreter start is not blamed on the input.
_STARTUP_GRACE = 60.0
_ALLOCATION_FAILURE_SIGNALS = (signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS)


def _worker_main(
    conn: multiprocessing.connection.Connection, task: Task, max_memory: int | None = None
) -> None:
    """A pool worker: receive an input, acknowledge it, run the task, send the result back."""
    # Ctrl-C goes to the whole process group; the parent decides, the workers carry on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Anything a library prints to fd 1 must not corrupt the data on the parent's stdout.
    with contextlib.suppress(OSError):
        os.dup2(2, 1)
    _die_with_parent()
    # A hostile PDF (a content stream inflating to gigabytes) stops at the cap with a
    # MemoryError (a too_large record) instead of taking the machine, in every worker.
    cap_memory(max_memory)
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
    def __init__(self, ctx: Any, task: Task, max_memory: int | None = None) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=_worker_main,
            args=(child_end, task, max_memory),
            name="inspectparse-batch",
            daemon=True,
        )
        self.process.start()
        child_end.close()
        self.conn: multiprocessing.connection.Connection = parent_end
        self.tasks_done = 0
        self.job: Job | None = None
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


# Imported once by the fork server, so each worker starts with them (module names: a test
# checks that each still exists, since the fork server skips a missing one silently).
FORKSERVER_PRELOAD = [
    "inspectparse.batch.pool",
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
        ctx.set_forkserver_preload(FORKSERVER_PRELOAD)
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
        max_memory: int | None = None,
    ) -> None:
        self.task = task
        self.max_memory = max_memory
        self.jobs = jobs
        self.timeout = timeout
        self.max_tasks_per_child = max_tasks_per_child
        self.ctx = context or _mp_context()
        self.workers_started = 0

    def _spawn(self) -> _Worker:
        self.workers_started += 1
        return _Worker(self.ctx, self.task, self.max_memory)

    def run(self, jobs: Iterator[Job | Outcome]) -> Generator[Outcome, None, None]:
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

    def _dispatch(self, idle: list[_Worker], seq: int, job: Job) -> _Worker:
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
                yield outcome_of(job.ident, result, elapsed)
            else:
                worker.process.join(2)  # its pipe closed first: let it be reaped, for its code
                exitcode = worker.process.exitcode
                worker.kill()
                yield self._crashed(job, exitcode, elapsed)

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
                code=ErrorCode.TIMEOUT.value,
                message=(
                    f"conversion took longer than {timeout:g} s and was stopped; "
                    "raise --timeout if the report is just very large"
                ),
                seconds=now - (worker.started_at or worker.sent_at),
            )

    def _crashed(self, job: Job, exitcode: int | None, elapsed: float) -> Outcome:
        """The record of a worker that died without a result.

        Under a memory cap, a library that cannot allocate aborts (SIGABRT) or dereferences
        the NULL it got (SIGSEGV): that input is over the limit, a typed `too_large`.
        """
        signum = -exitcode if exitcode is not None and exitcode < 0 else None
        if self.max_memory and signum in _ALLOCATION_FAILURE_SIGNALS:
            return Outcome(
                job.ident,
                code=ErrorCode.TOO_LARGE.value,
                message=f"{memory_exceeded(self.max_memory).message} (the worker was killed "
                f"by signal {signum})",
                seconds=elapsed,
            )
        how = f"killed by signal {signum}" if signum is not None else f"exit code {exitcode}"
        return Outcome(
            job.ident,
            code=ErrorCode.WORKER_CRASHED.value,
            message=(
                f"the worker converting this input died ({how}), probably out of memory "
                "or a crash in the PDF library; retry it alone with --jobs 1"
            ),
            seconds=elapsed,
        )

    def _drain(self, worker: _Worker) -> tuple[Result | None, bool]:
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
