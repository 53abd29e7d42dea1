"""Urgency as data: printed timescales and priority headings read onto one scale."""

from __future__ import annotations

from typing import get_args

import pytest

from inspectparse.record import WARNING_CODES, Recommendation, Urgency
from inspectparse.urgency import read_timescale, urgency


@pytest.mark.parametrize(
    ("timescale", "expected"),
    [
        ("Immediately", "immediate"),
        ("Immediately:", "immediate"),
        ("IMMEDIATELY", "immediate"),
        ("Immediate action", "immediate"),
        ("Within three months", "within_3_months"),
        ("within 3 months", "within_3_months"),
        ("Within three months of the date of this report", "within_3_months"),
        ("Within six weeks", "within_3_months"),
        ("within 28 days", "within_3_months"),
        ("Within one month", "within_3_months"),
        ("Within six months", "within_6_months"),
        ("within 6 months", "within_6_months"),
        ("In the next six months", "within_6_months"),
        ("Within twelve months", None),
        ("Within 12 months", None),
        ("By the end of March", None),
        ("Longer term", None),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_printed_timescales_read_onto_the_scale(timescale: str | None, expected: str) -> None:
    assert read_timescale(timescale) == expected


@pytest.mark.parametrize(
    ("timescale", "heading", "kind", "expected"),
    [
        # Items under a priority heading print no timescale of their own.
        (None, "Priority and immediate action", "priority_action", "immediate"),
        (None, "Priority and immediate actions", "improvement", "immediate"),
        (None, "Areas for priority action", "priority_action", "immediate"),
        (None, "Area for priority actions", "improvement", "immediate"),
        (None, "AREAS FOR PRIORITY ACTION", None, "immediate"),
        # A heading cut or misprinted: the item's kind still says it.
        (None, "Priority and", "priority_action", "immediate"),
        # A printed timescale the scale knows wins over the heading.
        (
            "Within three months",
            "Priority and immediate action",
            "priority_action",
            "within_3_months",
        ),
        ("Immediately", "Areas for improvement", "improvement", "immediate"),
        ("Within six months", "Areas for improvement", "improvement", "within_6_months"),
        # Nothing said: never guessed.
        (None, "Areas for improvement", "improvement", "unspecified"),
        (None, "What needs to improve?", "improvement", "unspecified"),
        (None, "Recommendations", "recommendation", "unspecified"),
        (None, None, None, "unspecified"),
        ("Within 12 months", "Areas for improvement", "improvement", "unspecified"),
        ("Within 12 months", "Areas for priority action", "priority_action", "immediate"),
    ],
)
def test_urgency_from_timescale_and_heading(
    timescale: str | None, heading: str | None, kind: str | None, expected: str
) -> None:
    assert urgency(timescale, heading, kind) == expected


def test_every_answer_is_on_the_declared_scale() -> None:
    scale = set(get_args(Urgency))
    assert scale == {"immediate", "within_3_months", "within_6_months", "unspecified"}
    phrasings = ["Immediately", "Within three months", "Within six months", "soon", None]
    for timescale in phrasings:
        for heading in ("Priority and immediate action", "Areas for improvement", None):
            assert urgency(timescale, heading) in scale


def test_a_record_saved_before_urgency_existed_gets_it_when_loaded() -> None:
    item = {"text": "Invented action.", "rule": "test", "provenance": {}}
    assert Recommendation.model_validate({**item, "timescale": "Immediately"}).urgency == (
        "immediate"
    )
    old_priority = {**item, "kind": "priority_action", "heading": "Areas for priority action"}
    assert Recommendation.model_validate(old_priority).urgency == "immediate"
    assert Recommendation.model_validate(item).urgency == "unspecified"
    # A value that is there is kept, not derived again.
    kept = {**item, "timescale": "Immediately", "urgency": "within_6_months"}
    assert Recommendation.model_validate(kept).urgency == "within_6_months"


def test_an_unrecognised_timescale_is_a_review_warning_on_recommendations() -> None:
    spec = WARNING_CODES["timescale_unrecognised"]
    assert (spec.field, spec.severity) == ("recommendations", "review")


def test_assembly_sets_urgency_and_flags_a_timescale_off_the_scale() -> None:
    import inspectparse
    from conftest import FIXTURES

    text = (FIXTURES / "brent_like.txt").read_text(encoding="utf-8")
    record = inspectparse.extract(text.encode("utf-8"), path="brent_like.txt")
    by_timescale = {r.timescale: r.urgency for r in record.recommendations}
    assert by_timescale == {"Immediately": "immediate", "Within three months": "within_3_months"}
    assert not any(w.code == "timescale_unrecognised" for w in record.warnings)

    later = text.replace("Within three months:", "Within twelve months:")
    record = inspectparse.extract(later.encode("utf-8"), path="brent_like.txt")
    off_scale = [r for r in record.recommendations if r.timescale == "Within twelve months"]
    assert off_scale and all(r.urgency == "unspecified" for r in off_scale)
    flagged = [w for w in record.warnings if w.code == "timescale_unrecognised"]
    assert len(flagged) == len(off_scale)
    assert all(w.field == "recommendations" and w.severity == "review" for w in flagged)
    assert record.needs_review
