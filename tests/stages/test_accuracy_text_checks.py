"""The accuracy harness checks text, not only counts (synthetic records, invented wording)."""

from __future__ import annotations

from typing import Any

from inspectparse.accuracy import compare, text_failures


def _record(**parts: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "report": {
            "kind": "ilacs",
            "provider": "Widgetshire",
            "inspection_start": None,
            "inspection_end": None,
            "lead_inspector": None,
        },
        "judgements": [],
        "recommendations": [],
        "paragraphs": [],
        "warnings": [],
    }
    record.update(parts)
    return record


def _item(text: str) -> dict[str, Any]:
    return {"text": text, "rule": "area_send.list.improvement.paragraphs", "actor": None}


def test_clean_record_has_no_text_failures() -> None:
    rec = _record(
        paragraphs=[{"number": 1, "text": "Widget plans are good."}],
        recommendations=[_item("Leaders should improve gadget plans.")],
        judgements=[{"key": "overall_effectiveness", "label": "Overall effectiveness"}],
    )
    assert text_failures(rec) == []


def test_back_page_in_a_paragraph_or_item_fails() -> None:
    rec = _record(
        paragraphs=[{"number": 9, "text": "Widgets are fine.\n© Crown copyright 2099"}],
        recommendations=[_item("Check gadgets. Piccadilly Gate Store Street Manchester")],
    )
    failures = text_failures(rec)
    assert len(failures) == 2 and "paragraph 9" in failures[0] and "item 1" in failures[1]
    # The back page is no paragraph of the report, numbered or not.
    unnumbered = _record(paragraphs=[{"number": None, "text": "© Crown copyright"}])
    assert "(unnumbered)" in text_failures(unnumbered)[0]


def test_responsible_body_cell_in_an_item_fails() -> None:
    woven = _item("Widgetshire Council Area leaders need to fix gadgets and NHS Widget Board")
    assert "responsible-body cell" in text_failures(_record(recommendations=[woven]))[0]
    clean = _item("Leaders at the council and the NHS board should plan sprockets together.")
    assert text_failures(_record(recommendations=[clean])) == []
    header = _item("Responsible body Areas for priority action Leaders should fix gadgets.")
    assert "table's header" in text_failures(_record(recommendations=[header]))[0]


def test_an_item_without_text_fails() -> None:
    # A glyph left apart from its item is a count, not an item read.
    rec = _record(recommendations=[_item("Leaders should improve gadget plans."), _item(" ")])
    assert text_failures(rec) == ["item 2 has no text"]


def test_a_judgement_label_must_be_a_label() -> None:
    for bad in ("Capacity to widget Grade 3 (", "The effectiveness of gadgets is", "x" * 120):
        rec = _record(judgements=[{"key": "k", "label": bad}])
        assert "is not a label" in text_failures(rec)[0], bad
    fine = "How good are outcomes for widgets"
    assert text_failures(_record(judgements=[{"key": "k", "label": fine}])) == []


def test_text_failures_count_as_a_failed_check() -> None:
    gold = {
        "file": "x.pdf",
        "kind": "ilacs",
        "provider": "Widgetshire",
        "inspection_start": None,
        "inspection_end": None,
        "lead_inspector": None,
        "judgements": {},
        "recommendations": None,
        "paragraphs": None,
    }
    good = compare(gold, _record())
    assert good.checks["text"] is True and good.checks["full"] is True
    label = {"key": "k", "label": "Widgets Grade 2 (", "grade": None}
    bad = compare(gold, _record(judgements=[label]))
    assert bad.checks["text"] is False and bad.checks["full"] is False
