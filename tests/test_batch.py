"""Batch conversion: inputs, accounting, resume, kill -9, timeouts, crashes, outputs, Dask.

Every input here is synthetic and built in tmp_path (invented text, hand-made PDFs, junk). The
per-input task is injectable, so the slow, crashing and polluting cases use module-level task
functions defined below (workers import this module to unpickle them).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from inspectparse.batch import (
    BatchOptions,
    BatchSummary,
    NullProgress,
    RichProgress,
    TaskInput,
    expand_inputs,
    iter_batch,
    make_progress,
    run_batch,
)
from inspectparse.errors import ExitCode
from inspectparse.load import sniff_format
from inspectparse.record import Record
from inspectparse.writers import Outcome

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CORPUS = REPO.parent / "shared" / "corpus"
# The batch command on its own, so these tests do not depend on the main group's wiring
# (test_cli_is_registered_and_documented checks that).
BATCH_CLI = [sys.executable, "-c", "from inspectparse.cli_batch import batch; batch()"]

# --------------------------------------------------------------------------------------------
# Synthetic inputs


def tiny_pdf(pages: list[list[str]]) -> bytes:
    """A valid, uncompressed PDF with Helvetica text lines, one list of lines per page."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objs: list[str] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for lines in pages:
        content = "BT /F1 11 Tf 14 TL 72 770 Td " + " ".join(f"({esc(x)}) '" for x in lines) + " ET"
        objs.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        objs.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objs)} 0 R >>"
        )
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def text_report(council: str) -> bytes:
    # Invented wording: only the shape (title, numbered paragraphs, form feed) is report-like.
    return (
        f"{council} Borough Council\nInspection of services for children\n\n"
        "1. Inspectors visited the council for two weeks and met many invented people.\n\n"
        "2. Leaders know what works well and what needs to change.\n\f"
        "3. This is the last invented paragraph on the second page.\n"
    ).encode()


PDF = tiny_pdf([["Westbrook Council", "1. An invented paragraph."], ["2. The second page."]])

# name -> (bytes, expected status: "ok" or the error code)
GOOD: dict[str, tuple[bytes, str]] = {
    "northwick.txt": (text_report("Northwick"), "ok"),
    "reports/eastmoor.txt": (text_report("Eastmoor"), "ok"),
    "reports/westbrook.pdf": (PDF, "ok"),
    "reports/deep/southfield.PDF": (tiny_pdf([["Southfield", "1. Invented."]]), "ok"),
}
BAD: dict[str, tuple[bytes, str]] = {
    "saved-page.pdf": (b"<!DOCTYPE html><html><body>Not found</body></html>", "unsupported_format"),
    "empty.pdf": (b"", "empty_input"),
    "reports/truncated.pdf": (PDF[: len(PDF) // 2], "malformed_pdf"),
    "reports/junk.bin": (bytes(range(256)) * 8, "unsupported_format"),
    "reports/latin1.txt": (b"Caf\xe9 invented report\n", "text_decode"),
}
SKIPPED = {".hidden.pdf": PDF, ".git/config.txt": b"x", "__MACOSX/._northwick.txt": b"\x00\x05"}


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("folder/", b"")  # a directory entry: not an input
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _tar_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


ZIP_MEMBERS = {
    "a/inner.txt": (text_report("Zipton"), "ok"),
    "inner.pdf": (tiny_pdf([["Zipton", "1. Inside a zip."]]), "ok"),
    "page.pdf": (b"<html><head></head>gone</html>", "unsupported_format"),
    "empty.txt": (b"   \n", "empty_input"),
}
TAR_MEMBERS = {
    "x/tarred.pdf": (tiny_pdf([["Tarham", "1. Inside a tar."]]), "ok"),
    "x/tarred.txt": (text_report("Tarham"), "ok"),
    "x/broken.pdf": (PDF[:300], "malformed_pdf"),
    "x/noise.dat": (b"\x00\x01\x02\x03" * 50, "unsupported_format"),
}


def make_inputs(root: Path) -> dict[tuple[str, str | None], str]:
    """Write the input tree; return {(path, member): expected status} for every real input."""
    expected: dict[tuple[str, str | None], str] = {}
    for name, (data, status) in {**GOOD, **BAD}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[(str(path), None)] = status
    for name, data in SKIPPED.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    # Archives named to mislead: recognised by their bytes, not by their extensions.
    zpath = root / "bundle.dat"
    members = {k: v[0] for k, v in ZIP_MEMBERS.items()}
    members.update({"__MACOSX/a/._inner.txt": b"\x00", "a/.DS_Store": b"\x00"})
    zpath.write_bytes(_zip_bytes(members))
    expected.update({(str(zpath), k): v[1] for k, v in ZIP_MEMBERS.items()})
    tpath = root / "reports" / "more.pdf"  # a .tar.gz called .pdf
    tpath.write_bytes(_tar_bytes({k: v[0] for k, v in TAR_MEMBERS.items()}))
    expected.update({(str(tpath), k): v[1] for k, v in TAR_MEMBERS.items()})
    return expected


def read_lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n"), "a partial last line"
    return [json.loads(line) for line in raw.splitlines()]


def statuses(lines: list[dict[str, Any]]) -> dict[tuple[str, str | None], str]:
    out: dict[tuple[str, str | None], str] = {}
    for obj in lines:
        assert set(obj) in ({"source", "report"}, {"source", "error"})
        key = (obj["source"]["path"], obj["source"]["member"])
        assert key not in out, f"{key} twice"
        out[key] = "ok" if "report" in obj else obj["error"]["code"]
    return out


def canonical(lines: list[dict[str, Any]]) -> set[str]:
    return {json.dumps(obj, sort_keys=True) for obj in lines}


# --------------------------------------------------------------------------------------------
# Injected tasks (module level: the workers unpickle them by name)


def fake_task(item: TaskInput) -> dict[str, Any]:
    """A fast stand-in for the pipeline: typed errors from sniffing, a minimal valid record.

    Inputs starting with SLEEP <s>, CRASH or PRINT make it sleep, kill its own process or
    write to stdout.
    """
    data = item.data
    fmt = sniff_format(data)
    if data.startswith(b"SLEEP"):
        time.sleep(float(data.split()[1]))
    elif data.startswith(b"CRASH"):
        os._exit(3)
    elif data.startswith(b"PRINT"):
        print("pollution from print()", flush=True)
        os.write(1, b"pollution on fd 1\n")
    record = Record.model_validate(
        {
            "parser_version": "test",
            "source": {
                "path": item.path,
                "sha256": hashlib.sha256(data).hexdigest(),
                "format": fmt,
                "pages": 2,
                "engine": "fake",
                "member": item.member,
            },
            "report": {"kind": "fake", "title": data[:20].decode("utf-8", "replace")},
            "judgements": [
                {
                    "key": "overall_effectiveness",
                    "label": "Overall",
                    "grade": "good",
                    "grade_text": "Good",
                    "rule": "fake",
                    "provenance": {"page": 1},
                }
            ],
        }
    )
    return record.model_dump(mode="json")


def pid_task(item: TaskInput) -> dict[str, Any]:
    record = fake_task(item)
    record["report"]["title"] = str(os.getpid())
    return record


def paced_task(item: TaskInput) -> dict[str, Any]:
    time.sleep(0.25)  # slow enough for a kill to land mid-run
    return fake_task(item)


def failing_task(item: TaskInput) -> dict[str, Any]:
    raise ValueError("boom")


def write_plain_inputs(root: Path, n: int, prefix: bytes = b"report") -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = root / f"r{i:02d}.txt"
        path.write_bytes(prefix + b" number %d\n" % i)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------------------------
# Inputs


def test_expand_inputs_finds_every_file_and_archive_member(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    refs = expand_inputs([tmp_path / "in"])
    keys = [(r.path, r.member) for r in refs]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(expected)
    assert all(r.error is None for r in refs)
    by_key = {(r.path, r.member): r for r in refs}
    assert (
        by_key[(str(tmp_path / "in" / "bundle.dat"), "a/inner.txt")].rel == "bundle.dat/a/inner.txt"
    )
    assert by_key[(str(tmp_path / "in" / "reports" / "westbrook.pdf"), None)].rel == (
        "reports/westbrook.pdf"
    )
    # Same order twice: resume and --output-dir rely on it.
    assert [(r.path, r.member) for r in expand_inputs([tmp_path / "in"])] == keys


def test_expand_inputs_globs_missing_paths_and_special_cases(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    refs = expand_inputs([str(tmp_path / "in" / "reports" / "*.txt"), tmp_path / "nope.pdf"])
    found = {(Path(r.path).name, r.error[0] if r.error else None) for r in refs}
    assert found == {("eastmoor.txt", None), ("latin1.txt", None), ("nope.pdf", "not_found")}
    assert expand_inputs([str(tmp_path / "none-*.pdf")])[0].error[0] == "not_found"

    # A Word file is a zip, but one input, not a folder of XML members.
    docx = tmp_path / "letter.docx"
    docx.write_bytes(_zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))
    (ref,) = expand_inputs([docx])
    assert ref.member is None and ref.container == "file"

    # A member trying to escape keeps its name, but its output path stays inside.
    evil = tmp_path / "evil.zip"
    evil.write_bytes(_zip_bytes({"../../etc/evil.txt": b"x", "/abs.txt": b"y"}))
    rels = sorted(r.rel for r in expand_inputs([evil]))
    assert rels == ["evil.zip/abs.txt", "evil.zip/etc/evil.txt"]

    # A damaged archive is an input with an error record, not a crash.
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (ref,) = expand_inputs([broken])
    assert ref.error is not None and ref.error[0] == "unreadable"


def test_outputs_inside_the_input_folder_are_not_inputs(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        summary = run_batch(
            [tmp_path], output=out, sqlite=tmp_path / "o.db", task=fake_task, jobs=1
        )
        assert summary.inputs == 3
    assert len(read_lines(out)) == 3


# --------------------------------------------------------------------------------------------
# Accounting with the real pipeline


def test_every_input_accounted_for_exactly_once(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([tmp_path / "in"], output=out, errors=errors, jobs=2, timeout=120)

    reports, failures = read_lines(out), read_lines(errors)
    assert all("report" in o for o in reports) and all("error" in o for o in failures)
    got = statuses(reports + failures)
    assert got == expected
    for obj in reports:  # each report is a valid record naming its own input
        record = Record.model_validate(obj["report"])
        assert (record.source.path, record.source.member) == (
            obj["source"]["path"],
            obj["source"]["member"],
        )
        assert record.source.sha256 == obj["source"]["sha256"]
    for obj in failures:
        assert obj["error"]["message"] and obj["source"]["sha256"]
    n_ok = sum(1 for s in expected.values() if s == "ok")
    assert summary.inputs == len(expected)
    assert (summary.converted, summary.failed, summary.skipped) == (n_ok, len(expected) - n_ok, 0)
    assert summary.exit_code == ExitCode.BATCH_PARTIAL
    assert summary.pages > 0 and sum(summary.by_kind.values()) == n_ok
    text = summary.format()
    assert "by status" in text and "unsupported_format" in text


def test_exit_codes_all_ok_and_all_failed(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "good", 2)
    ok = run_batch([tmp_path / "good"], output=tmp_path / "a.jsonl", task=fake_task, jobs=1)
    assert ok.exit_code == ExitCode.OK and ok.failed_total == 0
    bad = run_batch([tmp_path / "good"], output=tmp_path / "b.jsonl", task=failing_task, jobs=1)
    assert bad.exit_code == ExitCode.BATCH_ALL_FAILED
    lines = read_lines(tmp_path / "b.jsonl")
    assert {o["error"]["code"] for o in lines} == {"internal_error"}
    assert "ValueError: boom" in lines[0]["error"]["message"]
    empty = run_batch([tmp_path / "missing"], output=tmp_path / "c.jsonl", task=fake_task)
    assert empty.exit_code == ExitCode.BATCH_ALL_FAILED  # a missing path is a failed input
    assert BatchSummary().exit_code == ExitCode.OK


def test_iter_batch_yields_one_outcome_per_input(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    outcomes = list(iter_batch([tmp_path / "in"], task=fake_task, jobs=2))
    assert all(isinstance(o, Outcome) for o in outcomes)
    assert {(o.input.path, o.input.member) for o in outcomes} == set(expected)
    assert len(outcomes) == len(expected)


# --------------------------------------------------------------------------------------------
# Resume


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
# Timeouts, crashes, recycling, stdout hygiene


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


def _cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])
    )
    return subprocess.run(
        [*BATCH_CLI, *args],
        capture_output=True,
        env=env,
        timeout=120,
        **kwargs,
    )


def test_stdout_carries_only_records_even_if_a_worker_prints(tmp_path: Path) -> None:
    write_plain_inputs(tmp_path / "in", 2)
    (tmp_path / "in" / "noisy.txt").write_bytes(b"PRINT\n")
    proc = _cli(str(tmp_path / "in"), "--task", "test_batch:fake_task", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 3 and all("report" in o for o in lines)
    assert b"pollution" in proc.stderr
    assert b"batch: 3 inputs: 3 converted" in proc.stderr


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
    common = ["--task", "test_batch:paced_task", "--jobs", "2", "-q"]
    reference = tmp_path / "reference.jsonl"
    proc = _cli(str(tmp_path / "in"), "-o", str(reference), *common)
    assert proc.returncode == ExitCode.BATCH_PARTIAL, proc.stderr

    out = tmp_path / "out.jsonl"
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])
    )
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
    proc = _cli(str(tmp_path / "in"), "-o", str(out), *common)
    assert proc.returncode == ExitCode.BATCH_PARTIAL, proc.stderr
    final = read_lines(out)
    assert len(final) == 25
    assert canonical(final) == canonical(read_lines(reference))


# --------------------------------------------------------------------------------------------
# Output formats


def test_csv_table_and_sqlite_outputs_load_with_csv_and_sqlite3(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    n_ok = sum(1 for s in expected.values() if s == "ok")
    run_batch(
        [tmp_path / "in"],
        output=tmp_path / "reports.csv",
        format="csv",
        sqlite=tmp_path / "reports.db",
        jobs=2,
        timeout=120,
    )
    run_batch(
        [tmp_path / "in"],
        output=tmp_path / "j.csv",
        table="judgements",
        sqlite=tmp_path / "fake.db",
        task=fake_task,
        jobs=2,
    )
    with (tmp_path / "reports.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(expected)  # errors are rows too (status column)
    assert sum(r["status"] == "ok" for r in rows) == n_ok
    assert {(r["path"], r["member"] or None) for r in rows} == set(expected)
    with (tmp_path / "j.csv").open(encoding="utf-8", newline="") as fh:
        jrows = list(csv.DictReader(fh))
    with sqlite3.connect(tmp_path / "fake.db") as conn:
        n_fake = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert len(jrows) == n_fake and {r["grade"] for r in jrows} == {"good"}  # one per report

    conn = sqlite3.connect(tmp_path / "reports.db")
    n_reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    n_errors = conn.execute("SELECT count(*) FROM errors").fetchone()[0]
    assert (n_reports, n_errors) == (n_ok, len(expected) - n_ok)
    joined = conn.execute(
        "SELECT count(*) FROM paragraphs JOIN reports USING (sha256, member)"
    ).fetchone()[0]
    assert joined == conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    conn.close()


def test_csv_and_sqlite_load_in_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    write_plain_inputs(tmp_path / "in", 3)
    run_batch(
        [tmp_path / "in"],
        output=tmp_path / "r.csv",
        format="csv",
        sqlite=tmp_path / "r.db",
        task=fake_task,
        jobs=1,
    )
    assert len(pd.read_csv(tmp_path / "r.csv")) == 3
    with sqlite3.connect(tmp_path / "r.db") as conn:
        frame = pd.read_sql("SELECT * FROM reports JOIN judgements USING (sha256, member)", conn)
    assert len(frame) == 3


def test_output_dir_mirrors_the_input_tree(tmp_path: Path) -> None:
    expected = make_inputs(tmp_path / "in")
    run_batch([tmp_path / "in"], output_dir=tmp_path / "out", task=fake_task, jobs=2)
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    files = [f for f in files if f.endswith(".json")]
    assert len(files) == len(expected)
    assert "reports/deep/southfield.PDF.json" in files
    assert "bundle.dat/a/inner.txt.json" in files
    assert "reports/more.pdf/x/noise.dat.error.json" in files


# --------------------------------------------------------------------------------------------
# Progress


def test_progress_is_off_unless_stderr_is_a_terminal() -> None:
    assert isinstance(make_progress(quiet=False, stream=io.StringIO()), NullProgress)
    assert isinstance(make_progress(quiet=True), NullProgress)


def test_rich_progress_never_writes_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_plain_inputs(tmp_path / "in", 3)
    progress = RichProgress()
    summary = run_batch(
        [tmp_path / "in"], output=tmp_path / "o.jsonl", task=fake_task, jobs=1, progress=progress
    )
    assert summary.converted == 3
    assert capsys.readouterr().out == ""


# --------------------------------------------------------------------------------------------
# CLI


def test_cli_is_registered_and_documented() -> None:
    from click.testing import CliRunner

    from inspectparse.cli import main

    assert "batch" in main.commands
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--output-dir" in result.output


@pytest.mark.parametrize(
    ("task", "code"),
    [("fake_task", 6), ("failing_task", 9)],
)
def test_cli_exit_codes(tmp_path: Path, task: str, code: int) -> None:
    from click.testing import CliRunner

    from inspectparse.cli_batch import batch

    write_plain_inputs(tmp_path / "in", 2)
    (tmp_path / "in" / "junk.bin").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(
        batch, [str(tmp_path / "in"), "--task", f"test_batch:{task}", "--jobs", "1"]
    )
    assert result.exit_code == code, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3


def test_cli_rejects_conflicting_options(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from inspectparse.cli_batch import batch

    result = CliRunner().invoke(
        batch, [str(tmp_path), "--table", "paragraphs", "--format", "jsonl"]
    )
    assert result.exit_code == ExitCode.USAGE
    result = CliRunner().invoke(batch, [str(tmp_path), "-o", "x.jsonl", "--errors", "x.jsonl"])
    assert result.exit_code == ExitCode.USAGE


# --------------------------------------------------------------------------------------------
# Dask


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


# --------------------------------------------------------------------------------------------
# The real corpus


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "reports").is_dir(), reason="no ../shared/corpus")
def test_corpus_batch_accounts_for_every_input(tmp_path: Path) -> None:
    reports = CORPUS / "reports"
    corpus_files = sorted(
        p for p in reports.rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "saved.pdf").write_bytes(b"<!doctype html><title>Not found</title>")
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "cut.pdf").write_bytes(corpus_files[0].read_bytes()[:2000])
    (bad / "junk.bin").write_bytes(os.urandom(4096).replace(b"%PDF", b"xxxx"))
    loose = sorted(bad.iterdir())
    # A zip holding one of each: a real report and every kind of bad file.
    mixed = tmp_path / "mixed.zip"
    with zipfile.ZipFile(mixed, "w") as zf:
        zf.writestr("good/report.pdf", corpus_files[-1].read_bytes())
        for p in loose:
            zf.writestr(f"bad/{p.name}", p.read_bytes())
    members = ["good/report.pdf", *(f"bad/{p.name}" for p in loose)]
    out, db = tmp_path / "corpus.jsonl", tmp_path / "corpus.db"
    summary = run_batch([reports, bad, mixed], output=out, sqlite=db, jobs=2, timeout=300)

    got = statuses(read_lines(out))
    assert set(got) == {(str(p), None) for p in [*corpus_files, *loose]} | {
        (str(mixed), m) for m in members
    }
    assert all(got[(str(p), None)] == "ok" for p in corpus_files), summary.format()
    assert got[(str(mixed), "good/report.pdf")] == "ok"
    bad_codes = {got[(str(p), None)] for p in loose} | {
        got[(str(mixed), m)] for m in members[1:]
    }
    assert bad_codes <= {"unsupported_format", "empty_input", "malformed_pdf"}
    assert summary.inputs == len(corpus_files) + 4 + len(members)
    assert summary.exit_code == ExitCode.BATCH_PARTIAL
    with sqlite3.connect(db) as conn:
        # The zip's copy of a report is its own row: reports are keyed on (sha256, member).
        n_reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        assert n_reports == len(corpus_files) + 1
