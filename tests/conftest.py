"""Shared fixtures: synthetic reports (tests/fixtures) and the real corpus (../shared/corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus"
# The kind ids fixed by ../shared/corpus/README.md.
README_KINDS = {
    "child_protection_2012",
    "looked_after_children_2012",
    "sif",
    "lscb_review",
    "ilacs",
    "ilacs_focused_visit",
    "jtai",
    "area_send",
    "school_section5",
    "joint_area_review",
}


def manifest() -> list[dict[str, Any]]:
    return json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))


def manifest_entry(file: str) -> dict[str, Any]:
    return next(e for e in manifest() if e["file"] == file)


def gold_entries(kinds: set[str] | None = None) -> list[dict[str, Any]]:
    path = CORPUS / "gold.jsonl"
    if not path.exists():
        return []
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [e for e in entries if kinds is None or e["kind"] in kinds]


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "gold.jsonl").exists():
        pytest.skip("../shared/corpus is absent: real-report tests skipped")
    return CORPUS
