"""SIF 2013-14 lists and paragraph numbering the field guide counts (ANATOMY.md section 3), on
the synthetic reports of `anatomy_sif` (invented text, never a real report's)."""

from __future__ import annotations

import re

import pytest

from anatomy_sif import (
    ALL_RI,
    GRADES,
    LSCB_RECOMMENDATIONS,
    RECOMMENDATIONS,
    Numbering,
    Sif,
    Sif2014,
    check_2014,
)
from inspectparse.record import Record
from report_parts import read, reviews


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(Sif2014(), id="template"),
        pytest.param(
            Sif2014(
                priority_heading="Priority and immediate action:",
                areas_heading="Areas for improvement:",
            ),
            id="colon-headings",
        ),
        pytest.param(
            Sif2014(la_heading="What does the Local Authority need to improve?"), id="capitals"
        ),
        pytest.param(
            Sif2014(topics=("Leadership and management", "", "Care leavers")), id="topics"
        ),
        pytest.param(
            Sif2014(areas=tuple(f"{a[:-1]} (paragraph 34)." for a in RECOMMENDATIONS)),
            id="cross-reference",
        ),
        pytest.param(Sif2014(lscb_heading=""), id="lscb-areas-only"),
        pytest.param(Sif2014(lscb_areas_heading=""), id="lscb-question-only"),
        pytest.param(
            Sif2014(section2="Section 2: The effectiveness the Local Safeguarding Children Board"),
            id="section-2-without-of",
        ),
        pytest.param(Sif2014(blank_page=True), id="blank-page-with-its-number"),
    ],
)
def test_2014_lists_and_numbering(report: Sif2014) -> None:
    assert not reviews(check_2014(report))


@pytest.mark.parametrize(
    "none",
    [
        ("There are no areas for priority action.",),  # numbered, as some reports print it
        (),
    ],
)
def test_a_priority_list_saying_there_are_none_has_no_item(none: tuple[str, ...]) -> None:
    check_2014(Sif2014(priority=none), recommendations=5)


@pytest.mark.parametrize("glyph", ["\uf06e", "\uf02d"])
def test_private_use_sub_bullets_under_an_item_ending_in_a_colon_are_not_items(glyph: str) -> None:
    lead_in = "Ensure that the records kept for each child are complete, including:"
    report = Sif2014(areas=(lead_in, *RECOMMENDATIONS[1:]))
    text = report.text().replace(
        lead_in, f"{lead_in}\n{glyph} their health histories\n{glyph} their school records"
    )
    record = read(text)
    assert len(record.recommendations) == 6
    assert record.recommendations[1].text.startswith(lead_in)


# -- paragraph numbering ---------------------------------------------------------------------
def _numbers(record: Record) -> list[int]:
    return [p.number for p in record.paragraphs if p.number]


def test_an_empty_numbered_paragraph_keeps_the_run_s_ends_and_is_flagged() -> None:
    """ "5." with no text, then "6." over its paragraph: two numbers, one paragraph start, so
    reading order cannot place them for certain; the run's first and last numbers stand and
    the numbers left out are a review warning on the paragraphs."""
    report = Sif()
    # Paragraph 5 keeps its number and loses its four lines of text.
    text = re.sub(r"\n5\.\n(?:.*\n){4}", "\n5.\n", report.text(), count=1)
    assert "\n5.\n6." in text
    record = read(text)
    numbers = _numbers(record)
    assert (numbers[0], numbers[-1]) == (1, report.numbering.last)
    assert ("paragraph_number_gap", "paragraphs") in reviews(record)
    assert record.grades == GRADES


def test_a_wrapped_line_starting_with_a_number_is_no_paragraph() -> None:
    report = Sif()
    line = "Inspectors saw in case 56 that the early work was recorded."
    text = report.text()
    assert line in text
    record = read(text.replace(line, f"{line[:-1]} in\n12. cases out of twenty."))
    assert _numbers(record) == list(range(1, report.numbering.last + 1))


def test_numbers_inline_with_their_text_as_layout_gives_them() -> None:
    report = Sif()
    text = re.sub(r"(?m)^(\d{1,2})\.\n", r"\1. ", report.text())
    record = read(text)
    assert _numbers(record) == list(range(1, report.numbering.last + 1))
    assert record.grades == GRADES and len(record.recommendations) == 5


def test_the_unnumbered_pilot_with_bulleted_items() -> None:
    report = Sif2014(numbering=Numbering(numbered=False), priority=(), priority_heading="")
    report.areas = tuple(f"\uf06e {item}" for item in RECOMMENDATIONS)
    report.lscb_areas = tuple(f"\uf06e {item}" for item in LSCB_RECOMMENDATIONS)
    # The pilots were inspected in 2013: from 2015 every SIF numbers its paragraphs, and a
    # later report with none is warned (tests/test_text_numbers.py).
    record = read(report.text().replace("2031", "2013"))
    assert record.grades == ALL_RI and len(record.recommendations) == 5
    assert _numbers(record) == []
    assert not reviews(record)
