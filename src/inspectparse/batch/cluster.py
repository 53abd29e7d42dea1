"""The same per-input task on a Dask cluster (`--dask-scheduler`; `inspectparse[dask]`)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Generator, Iterator
from typing import Any

from ..errors import ClusterUnreachableError, ErrorCode
from ..outcome import Outcome
from .task import Job, Task, outcome_of, run_task

__all__ = ["CONNECT_TIMEOUT", "run_dask"]

# How long to try to reach a scheduler before the run fails with `cluster_unreachable`.
CONNECT_TIMEOUT = "30s"


def _dask_client(scheduler: Any) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise RuntimeError("--dask-scheduler needs Dask: pip install 'inspectparse[dask]'") from exc
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), True
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, a bad address, a refusal
        raise ClusterUnreachableError(
            f"cannot connect to the Dask scheduler at {scheduler} ({type(exc).__name__}: {exc}); "
            "check the address and that the scheduler is running"
        ) from exc


def run_dask(
    jobs: Iterator[Job | Outcome], task: Task, scheduler: Any, timeout: float | None
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
        inflight: dict[Any, tuple[Job, float]] = {}
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
                        yield outcome_of(job.ident, future.result(), now - t0)
                    else:
                        exc = future.exception()
                        yield Outcome(
                            job.ident,
                            code=ErrorCode.WORKER_CRASHED.value,
                            message=f"the Dask task failed ({type(exc).__name__}: {exc})",
                            seconds=now - t0,
                        )
                elif timeout is not None and now - t0 >= timeout:
                    del inflight[future]
                    future.cancel()
                    yield Outcome(
                        job.ident,
                        code=ErrorCode.TIMEOUT.value,
                        message=f"conversion took longer than {timeout:g} s and was abandoned",
                        seconds=now - t0,
                    )
    finally:
        if owned:
            client.close()
