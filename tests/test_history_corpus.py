"""History and search end to end on a batch of real reports: councils with several inspections.

The expected grades are the corpus's gold (`gold.jsonl`); a council is its folder's Ofsted URN
(the corpus names folders for it; the extractor never reads a path). Skipped without the corpus.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, REPO, gold_entries
from inspectparse.batch import run_batch
from inspectparse.history import PREVIOUS_MISSING, lineage, read_history
from inspectparse.output.sqlindex import open_database
from inspectparse.record import GRADE_CODES
from inspectparse.search import search

sys.path.insert(0, str(REPO / "tests" / "output"))
from test_sqlite_index import assert_index_whole  # noqa: E402

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "gold.jsonl").exists(), reason="no ../shared/corpus"),
]
COUNCILS = 6  # councils with two or more lineage reports (all the corpus has): 15 PDFs


def _urn(entry: dict[str, Any]) -> str:
    return entry["file"].split("/")[1].split("_")[0]


def _overall(entry: dict[str, Any]) -> str | None:
    grades = entry["judgements"]
    return grades.get("overall_effectiveness") if isinstance(grades, dict) else None


@pytest.fixture(scope="module")
def chosen() -> list[dict[str, Any]]:
    by_urn: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in gold_entries():
        if entry["file"].endswith(".pdf"):
            by_urn[_urn(entry)].append(entry)
    many = [urn for urn, es in sorted(by_urn.items())
            if sum(e["kind"] in lineage() for e in es) >= 2]
    assert len(many) >= COUNCILS
    return [e for urn in many[:COUNCILS] for e in by_urn[urn]]


@pytest.fixture(scope="module")
def batch(chosen: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chosen reports in SQLite and JSON Lines: half in a first run, all in a resumed one."""
    out = tmp_path_factory.mktemp("history-corpus")
    files = [CORPUS / "reports" / e["file"] for e in chosen]
    for part in (files[: len(files) // 2], files):
        summary = run_batch(part, output=out / "r.jsonl", sqlite=out / "r.db", jobs=2,
                            timeout=300)
        assert summary.exit_code == 0, summary.format()
    return out


def _records(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "r.jsonl").read_text(encoding="utf-8").splitlines()
    return {rec["source"]["sha256"]: rec for rec in map(json.loads, lines)}


def test_previous_grades_follow_the_gold(batch: Path, chosen: list[dict[str, Any]]) -> None:
    rows, unmatched = read_history(batch / "r.db")
    by_sha = {row["sha256"]: row for row in rows}
    records = _records(batch)
    timelines: dict[str, list[dict[str, Any]]] = defaultdict(list)
    left_out = 0
    for entry in chosen:
        if not records[entry["sha256"]]["report"].get("authority"):
            # No council matched (a known failure, with its review warning): no row, and
            # counted among those the command says it left out.
            assert entry["sha256"] not in by_sha
            left_out += 1
        elif entry["kind"] in lineage():
            timelines[_urn(entry)].append(entry)
    assert unmatched == left_out
    checked = 0
    for urn, entries in timelines.items():
        entries.sort(key=lambda e: e["inspection_start"])
        for before, entry in zip(entries, entries[1:], strict=False):
            row = by_sha[entry["sha256"]]
            assert row["ofsted_urn"] == urn  # the council the folder names
            assert row["previous_date"] == before["inspection_start"], entry["file"]
            found = records[before["sha256"]]
            found_grade = next((j["grade"] for j in found["judgements"]
                                if j["key"] == "overall_effectiveness"), None)
            if found_grade is None:  # a known miss: said, never skipped over
                assert (row["previous_grade"], row["review"]) == (None, PREVIOUS_MISSING)
                continue
            assert row["previous_grade"] == _overall(before), entry["file"]
            now, then = GRADE_CODES.get(_overall(entry) or ""), GRADE_CODES[found_grade]
            want = None if now is None else (
                "improved" if now < then else "declined" if now > then else "same")
            assert row["change"] == want, entry["file"]
            checked += 1
        first = by_sha[entries[0]["sha256"]]
        assert first["previous_grade"] is None and first["change"] is None
    assert checked >= 3
    # The JSON Lines of the same batch give the same history.
    from_lines, _ = read_history(batch / "r.jsonl")
    for row in from_lines:
        row["member"] = row["member"] or ""
    assert from_lines == rows


def test_a_resumed_and_forced_batch_keeps_the_index_whole(
    batch: Path, chosen: list[dict[str, Any]], tmp_path: Path
) -> None:
    assert_index_whole(batch / "r.db")  # after the resumed run of the fixture
    db = tmp_path / "again.db"
    db.write_bytes((batch / "r.db").read_bytes())
    files = [CORPUS / "reports" / e["file"] for e in chosen[:3]]
    run_batch(files, sqlite=db, jobs=1, timeout=300, force=True)  # rows replaced
    assert_index_whole(db)
    conn = sqlite3.connect(db)
    n = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    conn.close()
    assert n == len({e["sha256"] for e in chosen})


def test_search_finds_a_phrase_in_its_paragraph(batch: Path) -> None:
    records = _records(batch)
    conn = open_database(batch / "r.db")
    tried = 0
    for rec in sorted(records.values(), key=lambda r: r["source"]["path"])[:4]:
        paragraphs = [p for p in rec["paragraphs"] if len(re.findall(r"[A-Za-z]+", p["text"])) > 12]
        if not paragraphs:
            continue
        para = paragraphs[len(paragraphs) // 2]
        words = re.findall(r"[A-Za-z]+", para["text"])[4:10]
        hits = search(conn, '"' + " ".join(words) + '"', within=("paragraphs",), limit=0)
        where = {(h.path, h.paragraph, h.page) for h in hits}
        page = (para.get("provenance") or {}).get("page")
        assert (rec["source"]["path"], para["number"], page) in where, words
        tried += 1
    conn.close()
    assert tried >= 3
