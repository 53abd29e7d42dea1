"""Real reports in ../shared/corpus against gold.jsonl (skipped when the corpus is absent)."""

from __future__ import annotations

from typing import Any

import pytest

import inspectparse
from inspectparse.accuracy import compare

from conftest import CORPUS, gold_entries

# Kinds whose profiles are implemented; every gold fact for them must be right.
SUPPORTED = {"child_protection_2012", "ilacs"}


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
@pytest.mark.parametrize("entry", gold_entries() and [
    e for e in gold_entries() if e["kind"] not in SUPPORTED], ids=_id)
def test_other_kinds_never_get_a_false_grade(corpus, entry: dict[str, Any]) -> None:
    record = inspectparse.extract(corpus / "reports" / entry["file"])
    for judgement in record.judgements:
        assert entry["judgements"].get(judgement.key) == judgement.grade, judgement
    if record.report.kind == "unknown":
        assert record.judgements == []
        assert any(w.code == "kind_unknown" for w in record.warnings)
        assert record.paragraphs, "unknown kinds still get their structure"


@pytest.mark.corpus
def test_brent_paragraphs_1_to_60_with_inferred_flagged(corpus) -> None:
    record = inspectparse.extract(
        CORPUS / "reports/child_protection_2012/brent-2012-child-protection.txt"
    )
    numbers = [p.number for p in record.paragraphs if p.number is not None]
    assert numbers == list(range(1, 61))
    inferred = [p.number for p in record.paragraphs if p.number_inferred]
    assert len(inferred) == 4
    flagged = {w.provenance.paragraph for w in record.warnings
               if w.code == "paragraph_number_inferred" and w.provenance}
    assert flagged == set(inferred)
    assert len(record.recommendations) == 12
    assert {r.timescale for r in record.recommendations} == {"Immediately", "Within three months"}
