"""The same task on a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from batch_helpers import (
    fake_task,
    make_inputs,
    read_lines,
    statuses,
)
from inspectparse.batch import (
    run_batch,
)
from inspectparse.errors import ExitCode


def test_dask_runs_the_same_task(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    expected = make_inputs(tmp_path / "in")
    (tmp_path / "in" / "slow.txt").write_bytes(b"SLEEP 5\n")
    expected[(str(tmp_path / "in" / "slow.txt"), None)] = "timeout"
    local = tmp_path / "local.jsonl"
    run_batch([tmp_path / "in"], output=local, task=fake_task, jobs=2, timeout=2.5)
    out = tmp_path / "dask.jsonl"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        # An address, as --dask-scheduler passes it: the batch makes (and closes) its client.
        summary = run_batch(
            [tmp_path / "in"],
            output=out,
            task=fake_task,
            timeout=2.5,
            dask_scheduler=cluster.scheduler_address,
        )
    # fake_task only fails what sniffing rejects, so compare with the same task run locally.
    got = statuses(read_lines(out))
    assert got == statuses(read_lines(local))
    assert set(got) == set(expected)
    assert got[(str(tmp_path / "in" / "slow.txt"), None)] == "timeout"
    assert summary.exit_code == ExitCode.BATCH_PARTIAL
