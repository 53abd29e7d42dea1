"""Substitution probes on synthetic reports: another area, provider, inspector, grades, years,
dates, title wrap, list headings and judgement labels printed otherwise.

`scripts/substitution.py` rewrites the corpus's converter texts so that one fact changes in a
known way and checks the record changes with it. Here its probes run on the repository's
synthetic reports (from tests/test_metamorphic.py; "Northwick" is invented), where every
variant must read exactly as predicted.
"""

from __future__ import annotations

from typing import Any

import pytest

from repo_scripts import load_script
from test_metamorphic import LETTER, SIF, SYNTHETIC

substitution = load_script("substitution")

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
    if not (probe in ("grade", "swap", "label") and kind in ("jtai", "ilacs_focused_visit"))
    and not (probe == "lead" and kind == "jtai")
    # Only the ILACS report prints a rank after its lead's name.
    and not (probe == "rank" and kind != "ilacs")
    # The synthetic SIF has no improvement list and the focused visit's has one item.
    and not (probe == "item" and kind in ("sif", "ilacs_focused_visit"))
    and not (probe in ("more", "heading") and kind == "sif")
    # Only the SIF numbers lines (its table's row labels); the others print no numbers.
    and not (probe == "number" and kind != "sif")
    # Only letters open with a greeting, which the head probe pushes down the page.
    and not (probe == "head" and kind in ("ilacs", "sif"))
    # The synthetic SIF bullets nothing.
    and not (probe == "mark" and kind == "sif")
    # Letters print no title-page fields.
    and not (probe == "field" and kind in ("jtai", "ilacs_focused_visit"))
    # These reports are a page long: tests/test_page_flow.py runs the flow probe on one of
    # five pages.
    and probe != "flow"
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
    # Breaking a line inside a field's label ("Lead" / "inspector: ..."), dropping a line,
    # printing it twice (a grade cell twice is a cell too many), running it on into the next,
    # swapping a grade cell with its neighbour, or a page break before it may lose its value,
    # but never silently; every other substitution must read exactly as predicted.
    # A list heading reprinted in words no profile knows, or a list's glyphs dropped, loses
    # its items: never silently.
    # A field label set off by nothing runs into its value, which may then be lost.
    lossy = ("line", "drop", "double", "join", "swap", "break", "field")
    for variant, (got, warned, _) in _variants(kind, probe):
        unknown = probe == "heading" and "unknown" in variant.label
        # Items whose glyph is dropped read as prose, and en dashes as sub-items with no
        # item above them: never silently.
        unknown = unknown or (
            probe == "mark" and ("dropped" in variant.label or "–" in variant.label)
        )
        allowed = ("predicted", "warned") if probe in lossy or unknown else ("predicted",)
        result = substitution.outcome(variant.expected, got, warned, variant.optional)
        assert result in allowed, (
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


def test_a_warning_on_one_judgement_does_not_cover_another_s_grade() -> None:
    expected = {"judgements": {"help_and_protection": "good", "care_leavers": "good"}}
    got = {"judgements": {"help_and_protection": "inadequate"}}
    # The missing one is flagged, the changed one is not: a grade filled by position.
    assert substitution.outcome(expected, got, {"judgements.care_leavers"}) == "silent"
    both = {"judgements.care_leavers", "judgements.help_and_protection"}
    assert substitution.outcome(expected, got, both) == "warned"


def test_a_dropped_whole_row_may_lose_its_judgement_without_a_warning() -> None:
    expected = {"judgements": {"overall_effectiveness": "good", "care_leavers": "good"}}
    got = {"judgements": {"care_leavers": "good"}}
    assert substitution.outcome(expected, got, set()) == "silent"
    assert substitution.outcome(expected, got, set(), ("overall_effectiveness",)) == "predicted"
    # Optional means it may be missing, never that it may be wrong.
    wrong = {"judgements": {"overall_effectiveness": "inadequate", "care_leavers": "good"}}
    assert substitution.outcome(expected, wrong, set(), ("overall_effectiveness",)) == "silent"


def test_the_same_authority_named_in_full_is_the_same_provider() -> None:
    expected = {"provider": "Northwick", "_authority": "E0900001"}
    full = {"provider": "Northwick Borough Council", "_authority": "E0900001"}
    assert substitution.outcome(expected, full, set()) == "predicted"
    other = {"provider": "Northwick Borough Council", "_authority": "E0900002"}
    assert substitution.outcome(expected, other, set()) == "silent"
    assert (
        substitution.outcome(expected, {"provider": "Eastbury", "_authority": "E0900001"}, set())
        == "silent"
    )


def test_the_drop_probe_deletes_each_fact_line_and_knows_a_whole_row() -> None:
    text = "Northwick\nOverall effectiveness   Good\nA sentence.\nLead inspector: Ada Quill"
    original = {
        "kind": "ilacs",
        "provider": "Northwick",
        "dates": (None, None),
        "judgements": {"overall_effectiveness": "good"},
        "_authority": None,
        "_labels": {"overall_effectiveness": "Overall effectiveness"},
    }
    variants = list(substitution.probe_drop(text, original, "ilacs", []))
    assert [v.label for v in variants] == ["line 2 dropped", "line 4 dropped"]
    assert variants[0].optional == ("overall_effectiveness",)
    assert variants[1].optional == ()
    assert "Overall" not in variants[0].text and "Lead" not in variants[1].text


def _numbered(numbers: range, words: str) -> str:
    return "".join(
        f"{n}.\n\n{words} in Northwick, as inspectors found on visit {n}.\n\n" for n in numbers
    )


# A SIF-like report: an unnumbered summary, a numbered list of recommendations (the report's
# first numbered paragraphs), then the body's paragraphs going on with the numbers.
NUMBERED_LIST = (
    "Northwick\nInspection of services for children in need of help and protection, children\n"
    "looked after and care leavers\nInspection date: 3 March 2031 to 27 March 2031\n"
    "Report published: 2 May 2031\n\n"
    # The summary table's numbered labels ("1.", "2.") can pass for the numbering's start.
    "1. Children who need help and protection\n\nGood\n\n"
    "2. Children looked after and achieving permanence\n\nGood\n\n"
    "3. Leadership, management and governance\n\nGood\n\n"
    "\fExecutive summary\n"
    "Children in Northwick are seen promptly and most plans are clear.\n\n"
    "Recommendations\n1.\n\nImprove the quality of plans so that each child has a clear\n"
    "plan with actions that are measurable.\n\n2.\n\nEnsure that managers record the\n"
    "reasons for their decisions.\n\n3.\n\nReduce the number of changes of social worker\n"
    "for children in care.\n\n4.\n\nImprove the help given to care leavers who look for\n"
    "a home of their own.\n\nSummary for children and young people\n\n"
    + _numbered(range(5, 13), "Social workers listen to children")
)


def test_the_item_probe_deletes_an_item_whole_with_its_number() -> None:
    original, _, _ = substitution.record_facts(NUMBERED_LIST)
    assert original["recommendations"] == 4
    variants = list(substitution.probe_item(NUMBERED_LIST, original, "sif", []))
    assert len(variants) == 4
    middle = variants[1]
    assert "Ensure that managers" not in middle.text
    assert middle.text.count("\n2.\n") == 0 and "\n3.\n" in middle.text
    assert middle.expected["recommendations"] == 3
    got, warned, _ = substitution.record_facts(middle.text)
    # The numbering now skips: item 1 is kept, and the jump is flagged on the list.
    assert substitution.outcome(middle.expected, got, warned) == "predicted"
    assert "recommendations" in warned
