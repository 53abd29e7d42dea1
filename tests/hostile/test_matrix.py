"""The bad-input matrix (issue 12): each row a hostile input or environment, its command, and
the exact exit code and error record expected. Inputs are built at test time
(`hostile_inputs.py`); every command runs as a real process, as an analyst's cron job would.

docs/reliability.md lists the same rows.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hostile_inputs as h
import pytest

from inspectparse.errors import ErrorCode, ExitCode

CLI = [sys.executable, "-m", "inspectparse"]
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def run(args: list[str], cwd: Path, *, stdin: bytes | None = None, timeout: float = 120):
    return subprocess.run(
        [*CLI, *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout, check=False
    )


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def codes(path: Path) -> list[str]:
    return sorted(o["error"]["code"] if "error" in o else "ok" for o in lines(path))


@dataclass
class Case:
    """One row: `setup` builds the inputs in a folder and returns the command's arguments."""

    name: str
    setup: Callable[[Path], list[str]]
    exit: int
    stderr: str = ""  # a phrase the one-line message must hold
    records: list[str] = field(default_factory=list)  # batch: sorted codes in out.jsonl
    stdout_empty: bool = False
    stdin: bytes | None = None  # what the command reads on stdin (None: nothing redirected)


def _write(tmp: Path, name: str, data: bytes) -> str:
    (tmp / name).write_bytes(data)
    return name


def _fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.pdf")
    return ["extract", "pipe.pdf"]


def _fifo_to_batch(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "p.pdf")
    return ["batch", "p.pdf", "-o", "out.jsonl", "-q"]


def _folder(tmp: Path) -> list[str]:
    (tmp / "d").mkdir()
    return ["extract", "d"]


def _self_link(tmp: Path) -> list[str]:
    (tmp / "self.pdf").symlink_to("self.pdf")
    return ["extract", "self.pdf"]


def _folder_with_self_link(tmp: Path) -> list[str]:
    (tmp / "in").mkdir()
    (tmp / "in" / "a.pdf").write_bytes(h.sample_pdf())
    (tmp / "in" / "self.pdf").symlink_to("self.pdf")
    return ["batch", "in", "-o", "out.jsonl", "-j", "1", "-q"]


def _linked_tree(tmp: Path) -> list[str]:
    (tmp / "in" / "sub").mkdir(parents=True)
    (tmp / "in" / "sub" / "a.pdf").write_bytes(h.sample_pdf())
    (tmp / "in" / "sub" / "up").symlink_to("..")  # a loop
    (tmp / "in" / "sub" / "again").symlink_to("../sub")  # a second loop
    (tmp / "in" / "copy").symlink_to("sub")  # the same tree twice
    return ["batch", "in/**/*.pdf", "-o", "out.jsonl", "-j", "1"]


def _member_paths(tmp: Path) -> list[str]:
    pdf = h.sample_pdf()
    members = [("x.pdf", pdf), ("./x.pdf", pdf + b"\n"), ("y/../x.pdf", pdf + b"\n\n")]
    _write(tmp, "m.zip", h.zip_of(members))
    return ["batch", "m.zip", "--output-dir", "od", "-o", "out.jsonl", "-j", "1", "-q"]


def _dup_names(tmp: Path) -> list[str]:
    _write(tmp, "d.zip", h.INPUTS["dup-names.zip"]())
    return ["batch", "d.zip", "-o", "out.jsonl", "-j", "1", "-q"]


def _existing_csv(tmp: Path) -> list[str]:
    _write(tmp, "a.pdf", h.sample_pdf())
    (tmp / "existing.csv").write_text("")
    return ["batch", "a.pdf", "-o", "existing.csv", "-q"]


def _empty_folder(tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    (tmp / "empty" / ".hidden.pdf").write_bytes(h.sample_pdf())
    return ["batch", "empty", "-o", "out.jsonl"]


def _batch_of(name: str, data: bytes, *extra: str) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        _write(tmp, name, data)
        return ["batch", name, "-o", "out.jsonl", "-j", "1", "-q", *extra]

    return setup


def _extract_of(name: str, data: bytes, *extra: str) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        _write(tmp, name, data)
        return ["extract", name, *extra]

    return setup


def _sample_with(*extra: str) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        _write(tmp, "a.pdf", h.sample_pdf())
        return ["extract", "a.pdf", *extra]

    return setup


def _show_sample_with(*extra: str) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        _write(tmp, "a.pdf", h.sample_pdf())
        return ["show", "a.pdf", *extra]

    return setup


def _batch_sample_with(*extra: str) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        _write(tmp, "a.pdf", h.sample_pdf())
        return ["batch", "a.pdf", "-j", "1", "-q", *extra]

    return setup


def _not_a_db(extra: list[str]) -> Callable[[Path], list[str]]:
    def setup(tmp: Path) -> list[str]:
        _write(tmp, "a.pdf", h.sample_pdf())
        (tmp / "notes.db").write_text("my notes, not a database\n")
        return [*extra, "a.pdf", "--sqlite", "notes.db"]

    return setup


UNREADABLE = int(ExitCode.INPUT_UNREADABLE)
TEXT_PDF = h.text_pdf(text=b"Inspection of local authority children's services " * 3)

CASES = [
    # extract: inputs
    Case("1-byte .pdf", _extract_of("x.pdf", b"x"), UNREADABLE, "no words"),
    Case("blank text", _extract_of("b.txt", b" \n\t\n"), UNREADABLE, "no words"),
    Case("folder", _folder, UNREADABLE, "batch"),
    Case("FIFO", _fifo, UNREADABLE, "not a regular file"),
    Case("/dev/zero", lambda t: ["extract", "/dev/zero"], UNREADABLE, "not a regular file"),
    Case("self symlink", _self_link, UNREADABLE, "symbolic links"),
    Case("UTF-16 text (PowerShell's redirection)", _extract_of("u.txt", h.utf16_text()), 0),
    Case(
        "broken UTF-16 text",
        _extract_of("u.txt", h.utf16_text()[:-1] + b"\x00\xd8\x41\x00"),
        UNREADABLE,
        "UTF-16",
    ),
    Case("text quoting %PDF-", _extract_of("q.txt", h.text_quoting_pdf_marker()), 0),
    # what a file is when it is not a report, and what to do (issue 14: messages that help);
    # every message names the input
    Case(
        "Word document",
        _extract_of("r.docx", h.zip_of([("word/document.xml", b"<w:document/>")])),
        UNREADABLE,
        "r.docx: this is a Word document (.docx)",
    ),
    Case(
        "Excel workbook",
        _extract_of("r.xlsx", h.zip_of([("xl/workbook.xml", b"<workbook/>")])),
        UNREADABLE,
        "r.xlsx: this is an Excel workbook",
    ),
    Case(
        "ZIP given to extract",
        _extract_of("r.zip", h.zip_of([("a.pdf", TEXT_PDF)])),
        UNREADABLE,
        "inspectparse batch",
    ),
    Case(
        "PNG image",
        _extract_of("r.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
        UNREADABLE,
        "r.png: this is a PNG image",
    ),
    Case(
        "old Word .doc",
        _extract_of("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)),
        UNREADABLE,
        "save it as PDF",
    ),
    Case("empty stdin", lambda t: ["extract", "-"], UNREADABLE, "nothing on stdin", stdin=b""),
    Case("missing file", lambda t: ["extract", "nope.pdf"], UNREADABLE, "nope.pdf: no such file"),
    Case("truncated PDF (auto)", _extract_of("t.pdf", h.sample_pdf()[:300]), UNREADABLE),
    Case(
        "truncated PDF (pdfplumber)",
        _extract_of("t.pdf", h.sample_pdf()[:300], "--engine", "pdfplumber"),
        UNREADABLE,
        "cannot be parsed",
    ),
    Case(
        "non-numeric MediaBox (pdfplumber)",
        _extract_of("m.pdf", h.text_pdf(b"[0 0 abc 792]"), "--engine", "pdfplumber"),
        UNREADABLE,
        "cannot be parsed",
    ),
    Case(
        "missing MediaBox (pdfplumber)",
        _extract_of("m.pdf", h.text_pdf(b""), "--engine", "pdfplumber"),
        UNREADABLE,
        "cannot be parsed",
    ),
    Case("readable PDF of our own", _extract_of("ok.pdf", TEXT_PDF), 0),
    Case(
        "inflating PDF over --max-memory",
        _extract_of("bomb.pdf", h.inflating_pdf(160 << 20), "--max-memory", "300M"),
        int(ExitCode.TOO_LARGE),
        "memory",
        stdout_empty=True,
    ),
    Case(
        "input over --max-bytes",
        _sample_with("--max-bytes", "1K"),
        int(ExitCode.TOO_LARGE),
        "--max-bytes",
        stdout_empty=True,
    ),
    # A conversion that outlives --timeout: the child is killed, nothing is printed. No real
    # PDF converts in a millisecond, so the limit always bites.
    Case(
        "extract past --timeout",
        _sample_with("--timeout", "0.001"),
        int(ExitCode.TIMEOUT),
        "--timeout",
        stdout_empty=True,
    ),
    Case(
        "show past --timeout",
        _show_sample_with("--timeout", "0.001"),
        int(ExitCode.TIMEOUT),
        "--timeout",
        stdout_empty=True,
    ),
    Case(
        "show of an input over --max-bytes",
        _show_sample_with("--max-bytes", "1K"),
        int(ExitCode.TOO_LARGE),
        "--max-bytes",
        stdout_empty=True,
    ),
    # extract: outputs
    Case(
        "--sqlite in a missing folder",
        _sample_with("--sqlite", "no/such/dir/r.db"),
        int(ExitCode.OUTPUT_NOT_WRITABLE),
        "does not exist",
        stdout_empty=True,
    ),
    Case(
        "--sqlite onto a file that is not a database",
        _not_a_db(["extract"]),
        int(ExitCode.OUTPUT_NOT_WRITABLE),
        "not an SQLite database",
        stdout_empty=True,
    ),
    Case(
        "-o in a missing folder",
        _sample_with("-o", "no/such/dir/r.json"),
        int(ExitCode.OUTPUT_NOT_WRITABLE),
        "does not exist",
    ),
    Case("-o name contradicts --format", _sample_with("-o", "r.csv", "--format", "json"), 2),
    # batch
    Case(
        "1-byte .pdf in batch",
        _batch_of("x.pdf", b"x"),
        int(ExitCode.BATCH_ALL_FAILED),
        records=[ErrorCode.EMPTY_INPUT.value],
    ),
    Case(
        "UTF-16 text in batch",
        _batch_of("u.txt", h.utf16_text()),
        0,
        records=["ok"],
    ),
    Case(
        # Read against the headers' size, never past it: the rest fails its CRC check.
        "zip whose headers lie about sizes",
        _batch_of("lying.zip", h.lying_zip(), "--max-bytes", "1M"),
        int(ExitCode.BATCH_ALL_FAILED),
        records=[ErrorCode.UNREADABLE.value],
    ),
    Case(
        "zip member over --max-bytes",
        _batch_of("big.zip", h.zip_of([("big.txt", b"report " * 300_000)]), "--max-bytes", "1M"),
        int(ExitCode.BATCH_ALL_FAILED),
        records=[ErrorCode.TOO_LARGE.value],
    ),
    Case(
        "inflating PDF in batch over --max-memory (pdfplumber)",
        _batch_of(
            "bomb.pdf", h.inflating_pdf(160 << 20), "--max-memory", "300M", "--engine", "pdfplumber"
        ),
        int(ExitCode.BATCH_ALL_FAILED),
        records=[ErrorCode.TOO_LARGE.value],
    ),
    Case(
        "inflating PDF in batch over --max-memory",
        _batch_of("bomb.pdf", h.inflating_pdf(160 << 20), "--max-memory", "300M"),
        int(ExitCode.BATCH_ALL_FAILED),
        records=[ErrorCode.TOO_LARGE.value],
    ),
    Case(
        "self symlink among good inputs",
        _folder_with_self_link,
        int(ExitCode.BATCH_PARTIAL),
        records=[ErrorCode.NOT_FOUND.value, "ok"],
    ),
    Case(
        "** glob over linked folders and loops",
        _linked_tree,
        0,
        "linked folders not followed",
        records=["ok"],
    ),
    Case("zip members ./x and y/../x", _member_paths, 0, records=["ok", "ok", "ok"]),
    Case("zip members with one name", _dup_names, 0, records=["ok", "ok"]),
    Case("folder with nothing to convert", _empty_folder, 9, "nothing to convert"),
    Case(
        "FIFO given to batch",
        _fifo_to_batch,
        int(ExitCode.BATCH_ALL_FAILED),
        records=[ErrorCode.UNREADABLE.value],
    ),
    Case("-o x.csv with --format jsonl", _batch_sample_with("-o", "x.csv", "--format", "jsonl"), 2),
    Case(
        "--sqlite onto a file that is not a database (batch)",
        _not_a_db(["batch", "-q", "-j", "1", "-o", "-"]),
        int(ExitCode.OUTPUT_NOT_WRITABLE),
        "not an SQLite database",
        stdout_empty=True,
    ),
    Case(
        "-o in a missing folder (batch csv)",
        _batch_sample_with("-o", "no/dir/r.csv"),
        int(ExitCode.OUTPUT_NOT_WRITABLE),
        "does not exist",
    ),
    Case("-o /dev/full", _batch_sample_with("-o", "/dev/full"), 5, "No space left"),
    Case(
        "Dask scheduler unreachable",
        _batch_sample_with("--dask-scheduler", "not-a-scheme://nowhere:1"),
        int(ExitCode.CLUSTER_UNREACHABLE),
        "Dask scheduler",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_matrix(case: Case, tmp_path: Path) -> None:
    args = case.setup(tmp_path)
    proc = run(args, tmp_path, stdin=case.stdin)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == case.exit, stderr
    assert "Traceback" not in stderr
    assert case.stderr in stderr
    if case.exit == 2:  # click's usage error: its usage lines, then one line saying why
        assert stderr.strip().splitlines()[-1].startswith("Error: ")
    elif case.exit in (3, 4, 5, 7, 10, 11):  # one line saying what is wrong and what to try
        assert stderr.startswith("inspectparse: error: ") and stderr.count("\n") == 1
    if case.records:
        assert codes(tmp_path / "out.jsonl") == sorted(case.records)
    if case.stdout_empty:
        assert proc.stdout == b""


def test_extract_existing_csv_is_inferred_not_mixed(tmp_path: Path) -> None:
    """`batch -o existing.csv` without --format writes CSV rows, never JSON lines."""
    args = _existing_csv(tmp_path)
    assert run(args, tmp_path).returncode == 0
    assert run(args, tmp_path).returncode == 0  # resumed: nothing appended twice
    text = (tmp_path / "existing.csv").read_text(encoding="utf-8")
    assert text.startswith("path,") and "{" not in text.splitlines()[1][:1]
    assert len(text.strip().splitlines()) == 2


def test_zip_member_paths_are_normalised_and_stable(tmp_path: Path) -> None:
    args = _member_paths(tmp_path)
    for _ in range(2):  # a rerun names them the same (and converts nothing again)
        assert run(args, tmp_path).returncode == 0
        names = sorted(p.name for p in (tmp_path / "od" / "m.zip").iterdir())
        assert names == ["x.pdf.json", "x~2.pdf.json", "x~3.pdf.json"]
    files = (tmp_path / "od").rglob("*.json")
    sizes = {json.loads(p.read_text())["source"]["sha256"] for p in files}
    assert len(sizes) == 3


def test_zip_duplicate_names_are_both_read(tmp_path: Path) -> None:
    args = _dup_names(tmp_path)
    assert run(args, tmp_path).returncode == 0
    kinds = sorted(o["source"]["sha256"] for o in lines(tmp_path / "out.jsonl"))
    assert len(set(kinds)) == 2


def test_glob_does_not_follow_links(tmp_path: Path) -> None:
    proc = run(_linked_tree(tmp_path), tmp_path, timeout=60)
    assert proc.returncode == 0
    assert len(lines(tmp_path / "out.jsonl")) == 1
    assert b"3 linked folders not followed" in proc.stderr


def test_second_writer_fails_fast(tmp_path: Path) -> None:
    from inspectparse.output.target import OutputLock

    _write(tmp_path, "a.pdf", h.sample_pdf())
    lock = OutputLock(tmp_path / "out.jsonl").acquire()  # a batch still writing it
    try:
        proc = run(["batch", "a.pdf", "-o", "out.jsonl", "-q"], tmp_path)
    finally:
        lock.release()
    assert proc.returncode == ExitCode.OUTPUT_NOT_WRITABLE
    assert b"another inspectparse is writing" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists() or (tmp_path / "out.jsonl").read_bytes() == b""
    assert run(["batch", "a.pdf", "-o", "out.jsonl", "-q"], tmp_path).returncode == 0


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_closed_pipe_exits_0(command: str, tmp_path: Path) -> None:
    _write(tmp_path, "a.pdf", h.sample_pdf())
    cli = " ".join(f"'{a}'" for a in CLI)
    proc = subprocess.run(
        ["bash", "-c", f"{cli} {command} a.pdf | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert proc.stdout.strip() == "0", proc.stderr


def test_dev_stdout_is_a_stream_not_resumed(tmp_path: Path) -> None:
    _write(tmp_path, "a.pdf", h.sample_pdf())
    proc = run(["batch", "a.pdf", "-o", "/dev/stdout", "-q"], tmp_path, timeout=60)
    assert proc.returncode == 0
    assert json.loads(proc.stdout.decode())["source"]["path"] == "a.pdf"


def test_endless_stdin_is_capped(tmp_path: Path) -> None:
    cli = " ".join(f"'{a}'" for a in CLI)
    proc = subprocess.run(
        ["bash", "-c", f"yes report | {cli} extract --max-bytes 2M -"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == ExitCode.TOO_LARGE, proc.stderr


def test_one_file_mode_for_every_output(tmp_path: Path) -> None:
    _write(tmp_path, "a.pdf", h.sample_pdf())
    outputs = {
        "r.jsonl": ["-o", "r.jsonl"],
        "r.csv": ["-o", "r.csv"],
        "recs.csv": ["--table", "recommendations", "-o", "recs.csv"],
        "od/a.pdf.json": ["--output-dir", "od"],
        "r.xlsx": ["-o", "r.xlsx"],
    }
    old = os.umask(0o022)
    try:
        for target, args in outputs.items():
            assert run(["batch", "a.pdf", "-q", *args], tmp_path).returncode == 0, target
            mode = stat.S_IMODE((tmp_path / target).stat().st_mode)
            assert mode == 0o644, (target, oct(mode))
    finally:
        os.umask(old)


@pytest.mark.skipif(ROOT, reason="root reads and writes regardless of permissions")
def test_unreadable_file_and_read_only_folder(tmp_path: Path) -> None:
    _write(tmp_path, "a.pdf", h.sample_pdf())
    (tmp_path / "a.pdf").chmod(0)
    assert run(["extract", "a.pdf"], tmp_path).returncode == UNREADABLE
    (tmp_path / "a.pdf").chmod(0o644)
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o555)
    proc = run(["extract", "a.pdf", "--sqlite", "ro/r.db"], tmp_path)
    assert proc.returncode == ExitCode.OUTPUT_NOT_WRITABLE and proc.stdout == b""


def test_api_refuses_unknown_format() -> None:
    import inspectparse

    with pytest.raises(ValueError, match="pdf, text"), pytest.warns(DeprecationWarning):
        inspectparse.extract(b"some text", format="docx")  # type: ignore[arg-type]


def test_zipfile_helper_is_sound(tmp_path: Path) -> None:
    """The lying zip really lies: zipfile lists 100 bytes for a member of megabytes."""
    (tmp_path / "z.zip").write_bytes(h.lying_zip(real_size=1 << 20))
    with zipfile.ZipFile(tmp_path / "z.zip") as zf:
        assert zf.infolist()[0].file_size == 100
