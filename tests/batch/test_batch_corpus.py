"""The real corpus through batch, mixed with bad files and a zip of both."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from batch_helpers import (
    CORPUS,
    read_lines,
    statuses,
)
from inspectparse.batch import (
    run_batch,
)
from inspectparse.errors import ExitCode


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
    bad_codes = {got[(str(p), None)] for p in loose} | {got[(str(mixed), m)] for m in members[1:]}
    assert bad_codes <= {"unsupported_format", "empty_input", "malformed_pdf"}
    assert summary.inputs == len(corpus_files) + 4 + len(members)
    assert summary.exit_code == ExitCode.BATCH_PARTIAL
    with sqlite3.connect(db) as conn:
        # The zip's copy of a report is its own row: reports are keyed on (sha256, member).
        n_reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        assert n_reports == len(corpus_files) + 1
