"""The exercise "a new report kind = one profile module + one registry line", done for real.

A toy framework is written as a profile module would be (only `profiles.spec` imported), put
where the registry looks (`inspectparse.profiles.<name>`), listed in `REGISTRY`, and a
synthetic report of that kind is extracted end to end: detected, graded, its improvement
list read, a missing required judgement reported missing.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Iterator

import pytest

import inspectparse
from inspectparse import profiles
from inspectparse.profiles.spec import (
    COLON_OR_VERB,
    FOUR_POINT,
    ListHeading,
    Profile,
    judgement,
)

# What `profiles/widget_review.py` would hold.
TOY = Profile(
    kind="widget_review",
    name="Review of widget services (a toy framework for tests)",
    title_patterns=(r"Review of widget services in",),
    priority=40,
    grades=FOUR_POINT,
    judgements=(
        judgement("widget_quality", r"The quality of widgets", COLON_OR_VERB),
        judgement("widget_leadership", r"Leadership of widget services", COLON_OR_VERB),
    ),
    list_headings=(ListHeading(r"What the service must do next"),),
    section_headings=(r"Findings",),
    provider_patterns=(r"Review of widget services in (?P<provider>[A-Z][\w ]+?)\n",),
)

REPORT = """\
Review of widget services in Northwick
Inspection dates: 3 to 5 March 2025
Lead inspector: Sam Example

Findings

The quality of widgets: requires improvement to be good

Leadership of widget services is outstanding

What the service must do next

• Test every widget before it is sent out.
• Keep a record of each repair.
"""


@pytest.fixture
def widget_kind(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    module = types.ModuleType("inspectparse.profiles.widget_review")
    module.PROFILE = TOY  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    # The one registry line.
    monkeypatch.setattr(profiles, "REGISTRY", (*profiles.REGISTRY, "widget_review"))
    monkeypatch.setattr(profiles, "PROFILES", profiles.load_registry())
    profiles.known_headings.cache_clear()
    yield
    monkeypatch.undo()
    profiles.known_headings.cache_clear()


@pytest.mark.usefixtures("widget_kind")
def test_a_registered_profile_extracts_its_reports() -> None:
    assert profiles.get("widget_review") is TOY
    record = inspectparse.extract(REPORT.encode())
    assert record.report.kind == "widget_review"
    assert record.report.provider == "Northwick"
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 5),
    )
    assert record.report.lead_inspector == "Sam Example"
    assert record.grades == {
        "widget_quality": "requires_improvement",
        "widget_leadership": "outstanding",
    }
    assert [r.text for r in record.recommendations] == [
        "Test every widget before it is sent out.",
        "Keep a record of each repair.",
    ]


@pytest.mark.usefixtures("widget_kind")
def test_a_missing_judgement_of_the_new_kind_is_reported_missing() -> None:
    text = REPORT.replace("Leadership of widget services is outstanding\n", "")
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "widget_review"
    assert "widget_leadership" not in record.grades
    assert any(w.field == "judgements.widget_leadership" for w in record.warnings)


def test_without_its_registry_line_the_kind_is_unknown() -> None:
    record = inspectparse.extract(REPORT.encode())
    assert record.report.kind == "unknown"
    assert record.grades == {}
