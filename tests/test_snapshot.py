"""Every record is what it was: digests of all fixture and corpus records (both engines).

A restructuring must not change a byte of any record. After an intended change of the rules,
look at what changed (`python scripts/snapshot.py --dump DIR` before and after, then diff)
and rewrite the digests with `make snapshot`; the diff of tests/golden/records.json then
shows which records moved, in the same commit as the change that moved them.
"""

from __future__ import annotations

import json

from conftest import CORPUS
from repo_scripts import load_script

snapshot = load_script("snapshot")


def test_every_record_is_unchanged() -> None:
    want = json.loads(snapshot.GOLDEN.read_text(encoding="utf-8"))
    if not (CORPUS / "gold.jsonl").exists():
        want = {k: v for k, v in want.items() if k.startswith("repo|")}
    got = snapshot.digests(CORPUS)
    assert snapshot.differences(want, got) == []


def test_differences_names_each_kind_of_change() -> None:
    want = {"a": "1", "b": "2", "c": "3"}
    got = {"a": "1", "b": "9", "d": "4"}
    assert snapshot.differences(want, got) == ["b: changed", "c: missing", "d: new"]
