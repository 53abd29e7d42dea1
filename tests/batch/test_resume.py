"""Resume: a rerun skips what the outputs hold and gives the records of one uninterrupted run."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from batch_helpers import (
    BATCH_CLI,
    canonical,
    cli_env,
    fake_task,
    make_inputs,
    read_lines,
    run_cli,
    statuses,
    write_plain_inputs,
)
from inspectparse.batch import (
    BatchOptions,
    run_batch,
)
from inspectparse.errors import ExitCode
from inspectparse.output import dumps


def test_resume_after_a_partial_run_gives_the_same_records(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    files = sorted({p for p, _ in expected})
    ref = tmp_path / "reference.jsonl"
    run_batch([tmp_path / "in"], output=ref, task=fake_task, jobs=2)

    out = tmp_path / "out.jsonl"
    first = run_batch(files[: len(files) // 2], output=out, task=fake_task, jobs=2)
    second = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2)
    assert first.inputs + second.inputs - second.skipped == len(expected)
    assert second.skipped == first.inputs
    assert canonical(read_lines(out)) == canonical(read_lines(ref))
    assert statuses(read_lines(out)) == statuses(read_lines(ref))
    assert second.exit_code == ExitCode.BATCH_PARTIAL  # failures of the first run still count

    third = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2)
    assert third.skipped == len(expected) and third.converted == third.failed == 0
    assert len(read_lines(out)) == len(expected)

    forced = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2, force=True)
    assert forced.skipped == 0 and len(read_lines(out)) == len(expected)


def test_a_changed_file_is_converted_again(tmp_path: Path) -> None:
    (path,) = write_plain_inputs(tmp_path / "in", 1)
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=1)
    path.write_bytes(b"changed content\n")
    again = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=1)
    assert again.converted == 1
    shas = [o["source"]["sha256"] for o in read_lines(out)]
    assert len(set(shas)) == 2


def test_resume_from_sqlite_and_output_dir(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    opts = BatchOptions(sqlite=tmp_path / "o.db", output_dir=tmp_path / "dir", jobs=2)
    first = run_batch([tmp_path / "in"], opts, task=fake_task)
    assert first.inputs == len(expected)
    again = run_batch([tmp_path / "in"], opts, task=fake_task)
    assert again.skipped == len(expected)
    # Dropping one output file makes just that input run again.
    victim = tmp_path / "dir" / "northwick.txt.json"
    victim.unlink()
    third = run_batch([tmp_path / "in"], opts, task=fake_task)
    assert (third.converted, third.skipped) == (1, len(expected) - 1)
    assert victim.exists()


# --------------------------------------------------------------------------------------------
# kill -9 and rerun


def _live_group_members(pgid: int) -> list[int]:
    """Processes of a process group that are still running (zombies do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []  # not Linux: nothing to inspect
    live = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the parenthesised command name: state, ppid, pgrp, ...
        fields = stat[stat.rfind(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            live.append(int(entry.name))
    return live


def test_sigkill_then_rerun_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "in", 24)
    (tmp_path / "in" / "bad.pdf").write_bytes(b"<html>not a report</html>")
    common = ["--task", "batch_helpers:paced_task", "--jobs", "2", "-q"]
    reference = tmp_path / "reference.jsonl"
    proc = run_cli(str(tmp_path / "in"), "-o", str(reference), *common)
    assert proc.returncode == ExitCode.BATCH_PARTIAL, proc.stderr

    out = tmp_path / "out.jsonl"
    env = cli_env()
    killed = subprocess.Popen(
        [*BATCH_CLI, str(tmp_path / "in"), "-o", str(out)] + common,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so the cleanup below is targeted
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 6:
                break
            time.sleep(0.05)
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(10)
        # The workers and the fork server must go with their parent, not run on.
        deadline = time.monotonic() + 10
        while _live_group_members(killed.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _live_group_members(killed.pid) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(killed.pid, signal.SIGKILL)  # only the group this test started

    partial = read_lines(out)  # asserts there is no partial line
    assert 6 <= len(partial) < 25, "the kill landed mid-run"
    proc = run_cli(str(tmp_path / "in"), "-o", str(out), *common)
    assert proc.returncode == ExitCode.BATCH_PARTIAL, proc.stderr
    final = read_lines(out)
    assert len(final) == 25
    assert canonical(final) == canonical(read_lines(reference))


def test_a_rerun_over_an_output_written_in_the_earlier_line_shape_resumes_it(
    tmp_path: Path,
) -> None:
    # Before schema 1.4 a record's line was {"source": {path, sha256, member}, "report": record}.
    expected = make_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2)
    lines = read_lines(out)
    old = [
        {"source": {k: o["source"][k] for k in ("path", "sha256", "member")}, "report": o}
        if "report" in o
        else o
        for o in lines
    ]
    first, rest = old[: len(old) // 2], old[len(old) // 2 :]
    keep = {(o["source"]["path"], o["source"]["member"]) for o in first}
    out.write_text("".join(dumps(o) + "\n" for o in first), encoding="utf-8")

    again = run_batch([tmp_path / "in"], output=out, task=fake_task, jobs=2)
    assert again.skipped == len(first) and again.inputs == len(expected)
    assert again.converted + again.failed == len(rest)
    after = read_lines(out)
    assert after[: len(first)] == first  # the earlier lines are kept as they were
    new = after[len(first) :]
    assert {(o["source"]["path"], o["source"]["member"]) for o in new}.isdisjoint(keep)
    assert all("schema_version" in o for o in new if "error" not in o)  # in the new shape
