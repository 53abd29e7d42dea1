"""Unit tests of the pieces behind the bad-input matrix: each fails if its guard is removed."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import hostile_inputs as h
import pytest

from inspectparse.batch.inputs import _safe_member_rel, _UniqueRels, expand_inputs
from inspectparse.errors import (
    EmptyInputError,
    ExtractionTimeoutError,
    MalformedPdfError,
    OutputNotWritableError,
    TextDecodeError,
    TooLargeError,
)
from inspectparse.limits import parse_size, read_capped, run_capped
from inspectparse.load import load
from inspectparse.load.sniff import sniff_format
from inspectparse.output.formats import choose_output_format
from inspectparse.output.jsonl import JsonlWriter
from inspectparse.output.target import OutputLock, check_sqlite_target


def test_sniff_marker_must_open_the_file() -> None:
    assert sniff_format(b"  \n%PDF-1.7\n...") == "pdf"
    assert sniff_format(h.text_quoting_pdf_marker()) == "text"
    assert sniff_format(b"junk\n%PDF-1.4\n\xff\xfe binary") == "pdf"  # junk before a real header


def test_utf16_text_reads_as_its_utf8_twin() -> None:
    # Windows PowerShell 5 writes UTF-16 with a byte-order mark when output is redirected.
    utf8 = load(h.TEXT_REPORT.encode("utf-8"))
    texts = [ln.text for ln in utf8.iter_lines(None)]
    for data in (
        h.utf16_text(),
        h.TEXT_REPORT.encode("utf-16-le"),  # no byte-order mark: the NULs tell the order
        h.TEXT_REPORT.encode("utf-16-be"),
    ):
        assert sniff_format(data) == "text"
        assert [ln.text for ln in load(data).iter_lines(None)] == texts


def test_broken_utf16_is_a_decode_error_naming_utf16() -> None:
    # An unpaired surrogate after a byte-order mark: no text to read.
    broken = b"\xff\xfe" + "Inspection report".encode("utf-16-le") + b"\x00\xd8A\x00"
    with pytest.raises(TextDecodeError, match="UTF-16"):
        load(broken)


def test_sniff_names_empty() -> None:
    with pytest.raises(EmptyInputError):
        load(b"x")
    with pytest.raises(EmptyInputError):
        load(b"12 34 .. --", fmt="text")


def test_a_failed_pdf_that_is_text_is_read_as_text() -> None:
    doc = load(b"%PDF- is how this text report begins; the inspection found good practice.\n")
    assert doc.format == "text"
    with pytest.raises(MalformedPdfError):
        load(h.sample_pdf()[:300])  # PDF syntax: a damaged PDF, never a text


def test_auto_keeps_the_first_engines_reason() -> None:
    with pytest.raises(MalformedPdfError) as info:
        load(b"%PDF-1.4\n1 0 obj << >> endobj\n", engine="auto")
    assert "try --engine" not in info.value.message
    assert "pdfplumber could not read it either" in info.value.message


def test_pdfplumber_close_does_not_hide_the_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pdfplumber.pdf

    def broken_close(self: object) -> None:
        raise ValueError("close failed")

    monkeypatch.setattr(pdfplumber.pdf.PDF, "close", broken_close)
    with pytest.raises(MalformedPdfError, match="cannot be parsed"):
        load(h.text_pdf(b"[0 0 abc 792]"), engine="pdfplumber")


def test_engine_exceptions_are_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    from inspectparse.load import pdfium_engine

    def explode(data: bytes, **_: object) -> None:
        raise KeyError("/Kids")

    monkeypatch.setattr(pdfium_engine, "load_pdf_pdfium", explode)
    with pytest.raises(MalformedPdfError, match="KeyError"):
        load(h.sample_pdf(), engine="pdfium")


def test_torn_line_rolled_back_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter.to_path(path)
    writer.write({"n": 1})
    real_write = os.write

    def half_then_full(fd: int, data: bytes | memoryview) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(OSError):
        writer.write({"n": 2, "text": "x" * 100})
    monkeypatch.setattr(os, "write", real_write)
    writer.close()
    assert path.read_bytes() == b'{"n":1}\n'


def test_output_lock_is_exclusive(tmp_path: Path) -> None:
    first = OutputLock(tmp_path / "out.jsonl").acquire()
    with pytest.raises(OutputNotWritableError, match="another inspectparse"):
        OutputLock(tmp_path / "out.jsonl").acquire()
    first.release()
    OutputLock(tmp_path / "out.jsonl").acquire().release()
    folder = OutputLock(tmp_path).acquire()  # --output-dir: the folder itself
    with pytest.raises(OutputNotWritableError):
        OutputLock(tmp_path).acquire()
    folder.release()


def test_sqlite_target_checks(tmp_path: Path) -> None:
    with pytest.raises(OutputNotWritableError, match="does not exist"):
        check_sqlite_target(tmp_path / "no" / "r.db")
    (tmp_path / "text.db").write_text("hello")
    with pytest.raises(OutputNotWritableError, match="not an SQLite database"):
        check_sqlite_target(tmp_path / "text.db")
    (tmp_path / "empty.db").write_bytes(b"")
    check_sqlite_target(tmp_path / "empty.db")
    check_sqlite_target(tmp_path / "new.db")


def test_output_format_from_its_name() -> None:
    assert choose_output_format("batch", None, path="x.csv").name == "csv"
    assert choose_output_format("batch", None, path="X.JSONL").name == "jsonl"
    assert choose_output_format("batch", None, path="x.out").name == "jsonl"
    assert choose_output_format("extract", None, path="r.xlsx").name == "xlsx"
    with pytest.raises(ValueError, match="named as CSV"):
        choose_output_format("batch", "jsonl", path="x.csv")
    with pytest.raises(ValueError, match="named as JSONL"):
        choose_output_format("batch", None, table="recommendations", path="x.jsonl")


def test_member_paths_normalised_and_unique() -> None:
    assert _safe_member_rel("./x.pdf") == "x.pdf"
    assert _safe_member_rel("y/../x.pdf") == "x.pdf"
    assert _safe_member_rel("../../etc/x.pdf") == "etc/x.pdf"
    assert _safe_member_rel("//abs/x.pdf") == "abs/x.pdf"
    unique = _UniqueRels()
    assert [unique(r) for r in ["x.pdf", "x.pdf", "X.pdf", "d/x"]] == [
        "x.pdf",
        "x~2.pdf",
        "X~3.pdf",
        "d/x",
    ]


def test_glob_matches_like_glob_without_following_links(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ["a/1.pdf", "a/b/2.pdf", "a/b/3.txt", "a/.hidden.pdf", "top.pdf"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    links: list[str] = []
    refs = expand_inputs([f"{tmp_path}/**/*.pdf"], links=links)
    found = sorted(os.path.relpath(r.path, tmp_path) for r in refs)
    assert found == ["a/1.pdf", "a/b/2.pdf", "top.pdf"]
    assert [os.path.relpath(p, tmp_path) for p in links] == ["a/loop"]
    flat = expand_inputs([f"{tmp_path}/a/*.pdf"])
    assert [os.path.relpath(r.path, tmp_path) for r in flat] == ["a/1.pdf"]


def test_limits() -> None:
    assert parse_size("2G") == 2 * 1024**3 and parse_size("512M") == 512 * 1024**2
    assert parse_size("1.5KiB") == 1536 and parse_size("0") == 0
    with pytest.raises(ValueError):
        parse_size("lots")
    import io

    assert read_capped(io.BytesIO(b"abc"), 3) == b"abc"
    with pytest.raises(TooLargeError):
        read_capped(io.BytesIO(b"abcd"), 3)


def test_run_capped_turns_an_overrun_into_too_large() -> None:
    def hog(n: int) -> int:
        return len(bytearray(n))

    assert run_capped(hog, 10, 512 * 1024**2) == 10
    with pytest.raises(TooLargeError, match="memory"):
        run_capped(hog, 2 * 1024**3, 512 * 1024**2)
    with pytest.raises(ZeroDivisionError):  # other errors come back as they are
        run_capped(lambda n: 1 // n, 0, 512 * 1024**2)


def test_run_capped_stops_a_child_past_its_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(ExtractionTimeoutError, match="--timeout"):
        run_capped(time.sleep, 30, None, 0.5)
    assert time.monotonic() - started < 10  # killed, not waited for
    assert run_capped(lambda n: n + 1, 1, None, 30) == 2  # in time: the result comes back
    with pytest.raises(ZeroDivisionError):
        run_capped(lambda n: 1 // n, 0, None, 30)


def test_output_dir_is_created_then_locked_itself(tmp_path: Path) -> None:
    from inspectparse.batch import BatchOptions
    from inspectparse.batch.outputs import lock_outputs, release_locks

    opts = BatchOptions(output_dir=tmp_path / "new" / "records")
    locks = lock_outputs(opts)
    try:
        assert (tmp_path / "new" / "records").is_dir()
        assert not list((tmp_path / "new").glob(".*.lock"))  # no stand-in beside it
        with pytest.raises(OutputNotWritableError):
            lock_outputs(opts)
    finally:
        release_locks(locks)
