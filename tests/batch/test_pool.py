"""The local pool: timeouts enforced by the parent, crashes, Ctrl-C, recycling, stdout hygiene."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from batch_helpers import (
    fake_task,
    paced_task,
    pid_task,
    read_lines,
    run_cli,
    statuses,
    write_plain_inputs,
)
from inspectparse.batch import (
    NullProgress,
    iter_batch,
    run_batch,
)
from inspectparse.errors import ExitCode
from inspectparse.outcome import Outcome


def test_timeout_is_enforced_by_the_parent(tmp_path: Path) -> None:
    paths = write_plain_inputs(tmp_path / "in", 4)
    (tmp_path / "in" / "slow.txt").write_bytes(b"SLEEP 60\n")
    out = tmp_path / "out.jsonl"
    t0 = time.monotonic()
    summary = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2, timeout=1.5)
    assert time.monotonic() - t0 < 30  # the 60 s input did not hold the run
    got = statuses(read_lines(out))
    assert got[(str(tmp_path / "in" / "slow.txt"), None)] == "timeout"
    assert all(got[(str(p), None)] == "ok" for p in paths)
    assert summary.exit_code == ExitCode.BATCH_PARTIAL


def test_a_crashing_worker_costs_one_error_record(tmp_path: Path) -> None:
    paths = write_plain_inputs(tmp_path / "in", 5)
    (tmp_path / "in" / "crash.txt").write_bytes(b"CRASH\n")
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2, timeout=60)
    got = statuses(read_lines(out))
    assert got.pop((str(tmp_path / "in" / "crash.txt"), None)) == "worker_crashed"
    assert got == {(str(p), None): "ok" for p in paths}


class _InterruptAfter(NullProgress):
    """A progress hook that plays Ctrl-C after a number of finished inputs."""

    def __init__(self, count: int) -> None:
        self.count = count

    def advance(self, outcome: Outcome) -> None:
        self.count -= 1
        if self.count == 0:
            raise KeyboardInterrupt


def test_ctrl_c_stops_cleanly_and_keeps_what_finished(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "in", 12)
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        [tmp_path / "in"], output=out, task=paced_task, jobs=2, progress=_InterruptAfter(3)
    )
    assert summary.interrupted and summary.exit_code == ExitCode.INTERRUPTED
    assert len(read_lines(out)) == 3 == summary.converted
    rerun = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2)
    assert (rerun.skipped, rerun.converted) == (3, 9)


def test_workers_are_recycled(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "in", 6)
    outcomes = list(iter_batch([tmp_path / "in"], task=pid_task, jobs=1, max_tasks_per_child=2))
    pids = [o.record["report"]["title"] for o in outcomes if o.record]
    assert len(pids) == 6 and len(set(pids)) == 3
    assert str(os.getpid()) not in pids  # never run in the parent


def test_stdout_carries_only_records_even_if_a_worker_prints(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "in", 2)
    (tmp_path / "in" / "noisy.txt").write_bytes(b"PRINT\n")
    proc = run_cli(str(tmp_path / "in"), "--task", "batch_helpers:fake_task", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 3 and all("report" in o for o in lines)
    assert b"pollution" in proc.stderr
    assert b"batch: 3 inputs: 3 converted" in proc.stderr


def test_forkserver_preload_names_modules_that_exist() -> None:
    # The fork server skips a module it cannot import without a word: a renamed stage module
    # would quietly make every worker import the pipeline again.
    import importlib.util

    from inspectparse.batch.pool import FORKSERVER_PRELOAD

    for name in FORKSERVER_PRELOAD:
        assert importlib.util.find_spec(name) is not None, name
