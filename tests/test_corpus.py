"""Real reports in ../shared/corpus against gold.jsonl (skipped when the corpus is absent)."""

from __future__ import annotations

import re
from typing import Any

import pytest

import inspectparse
from conftest import CORPUS, README_KINDS, gold_entries
from inspectparse.accuracy import compare

# Kinds whose profiles are implemented; every gold fact for them must be right.
SUPPORTED = README_KINDS


def _id(entry: dict[str, Any]) -> str:
    return entry["file"].split("/", 1)[1][:50]


@pytest.mark.corpus
@pytest.mark.parametrize("entry", gold_entries(SUPPORTED), ids=_id)
def test_supported_kind_matches_gold(corpus, entry: dict[str, Any]) -> None:
    record = inspectparse.extract(corpus / "reports" / entry["file"])
    result = compare(entry, record.model_dump(mode="json"))
    assert result.failures == []
    assert record.source.sha256 == entry["sha256"]


@pytest.mark.corpus
@pytest.mark.parametrize("engine", ["pdfplumber"])
@pytest.mark.parametrize(
    "entry",
    [
        e
        for e in gold_entries()
        if e["file"].endswith(
            (
                "80441_bristol/children's services inspection - 22 october 2018.pdf",
                "80445_cambridgeshire/children's services inspection - 08 august 2014.pdf",
                "80471_halton/area send full inspection - 26 january 2024.pdf",
                "80549_sandwell/children's services inspection,  pdf - 02 august 2013.pdf",
            )
        )
    ],
    ids=_id,
)
def test_pdfplumber_engine_gives_the_same_answers(
    corpus, entry: dict[str, Any], engine: str
) -> None:
    # The full two-engine comparison is `make accuracy`; this keeps a sample of the hardest
    # layouts (straddling grades, grade-before-label tables, table rows, end tables) in CI.
    record = inspectparse.extract(corpus / "reports" / entry["file"], engine=engine)
    assert record.source.engine == "pdfplumber"
    assert compare(entry, record.model_dump(mode="json")).failures == []


@pytest.mark.corpus
def test_unsupported_kind_falls_back_to_unknown_without_grades(corpus) -> None:
    """A report of no known framework: kind unknown, structure kept, no grade invented."""
    text = (corpus / "reports/child_protection_2012/brent-2012-child-protection.txt").read_text()
    # Remove the title so no profile can match, keep everything else (grades in prose too).
    text = re.sub(
        r"Inspection\s+of\s+local\s+authority\s+arrangements\s+for\s+the\s+protection\s+of"
        r"\s+children",
        "Report",
        text,
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.report.kind == "unknown"
    assert record.judgements == []
    assert [w.code for w in record.warnings if w.code == "kind_unknown"] == ["kind_unknown"]
    assert len([p for p in record.paragraphs if p.number is not None]) == 60


@pytest.mark.corpus
def test_brent_paragraphs_1_to_60_with_inferred_flagged(corpus) -> None:
    record = inspectparse.extract(
        CORPUS / "reports/child_protection_2012/brent-2012-child-protection.txt"
    )
    numbers = [p.number for p in record.paragraphs if p.number is not None]
    assert numbers == list(range(1, 61))
    inferred = [p.number for p in record.paragraphs if p.number_inferred]
    assert len(inferred) == 4
    flagged = {
        w.provenance.paragraph
        for w in record.warnings
        if w.code == "paragraph_number_inferred" and w.provenance
    }
    assert flagged == set(inferred)
    assert len(record.recommendations) == 12
    assert {r.timescale for r in record.recommendations} == {"Immediately", "Within three months"}
