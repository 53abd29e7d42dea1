"""Substitution probes on synthetic reports: another area, inspector, grades, years, title wrap.

`scripts/substitution.py` rewrites the corpus's converter texts so that one fact changes in a
known way and checks the record changes with it. Here its probes run on the repository's
synthetic reports (from tests/test_metamorphic.py; "Northwick" is invented), where every
variant must read exactly as predicted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from test_metamorphic import LETTER, SIF, SYNTHETIC

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("substitution", REPO / "scripts" / "substitution.py")
assert _spec is not None and _spec.loader is not None
substitution = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(substitution)

# A synthetic focused-visit letter that names its lead inspector in a sentence.
FOCUSED_VISIT = (
    "14 November 2031\n\nDear Director\n\n"
    "Focused visit to Northwick children’s services\n\n"
    "This letter summarises the findings of the focused visit to Northwick children’s services\n"
    "on 8 and 9 October 2031. His Majesty’s Inspectors for this visit were lead inspector\n"
    "Ada Quill and team inspector Sam Other.\n\n"
    "Areas for priority action\n\n"
    "\u25fc The timeliness of visits to children who are at risk of harm.\n\n"
    "Yours sincerely\n"
)
REPORTS = {"ilacs": SYNTHETIC, "jtai": LETTER, "sif": SIF, "ilacs_focused_visit": FOCUSED_VISIT}
# The probes that change a fact each report has (letters are ungraded; the JTAI letter names
# no lead inspector).
CASES = [
    (kind, probe)
    for kind in sorted(REPORTS)
    for probe in sorted(substitution.PROBES)
    if not (probe == "grade" and kind in ("jtai", "ilacs_focused_visit"))
    and not (probe == "lead" and kind == "jtai")
]


def _variants(
    kind: str, probe: str
) -> list[tuple[Any, tuple[dict[str, Any], set[str], str | None]]]:
    text = REPORTS[kind]
    original, _, title = substitution.record_facts(text)
    original["_title"] = title
    variants = list(substitution.PROBES[probe](text, original, kind, ["Northwick"]))
    assert variants, f"the {probe} probe made no variant of the {kind} report"
    return [(v, substitution.record_facts(v.text)) for v in variants]


@pytest.mark.parametrize(("kind", "probe"), CASES)
def test_every_substitution_reads_as_predicted(kind: str, probe: str) -> None:
    # Breaking a line inside a field's label ("Lead" / "inspector: ...") may lose its value,
    # but never silently; every other substitution must read exactly as predicted.
    allowed = ("predicted", "warned") if probe == "line" else ("predicted",)
    for variant, (got, warned, _) in _variants(kind, probe):
        assert substitution.outcome(variant.expected, got, warned) in allowed, (
            variant.label,
            {k: (v, got.get(k)) for k, v in variant.expected.items() if got.get(k) != v},
        )


@pytest.mark.parametrize("new", ["Dale", "Eastbury Vale"])
def test_a_name_replaced_in_column_laid_text_keeps_the_next_column_in_place(new: str) -> None:
    text = "Northwick Council      Good\nIn Northwick      Leaders of the area\n"
    pattern = substitution._words_pattern("Northwick")
    out = substitution._resize_gaps(pattern, new, text).splitlines()
    for before, after in zip(text.splitlines(), out, strict=True):
        assert new in after
        assert after.rstrip()[-4:] == before.rstrip()[-4:]
        assert len(after) == len(before)


def test_a_name_too_long_for_its_column_is_not_substituted() -> None:
    pattern = substitution._words_pattern("Northwick")
    assert substitution._resize_gaps(pattern, "Barking and Dagenham", "Northwick   Good") is None
    assert substitution._resize_gaps(pattern, "Eastbury", "Northwick   Good") == "Eastbury    Good"


def test_grades_are_swapped_whole_keeping_their_case() -> None:
    text = "Overall effectiveness: Requires improvement to be good\nCare leavers\nGood\nGOOD"
    swapped = substitution._swap_grades(text, "requires_improvement", "good")
    assert swapped.splitlines() == [
        "Overall effectiveness: Good",
        "Care leavers",
        "Requires improvement to be good",
        "REQUIRES IMPROVEMENT TO BE GOOD",
    ]


def test_an_outcome_is_silent_only_when_no_review_warning_names_the_fact() -> None:
    expected = {"provider": "Northwick", "judgements": {"lscb": "good"}}
    got: dict[str, Any] = {"provider": None, "judgements": {}}
    assert substitution.outcome(expected, got, {"report.provider", "judgements.lscb"}) == "warned"
    assert substitution.outcome(expected, got, {"report.provider"}) == "silent"
    assert substitution.outcome(expected, dict(expected), set()) == "predicted"
