"""SIF headline grade layouts on synthetic title pages (invented places, template wording)."""

from __future__ import annotations

import pytest

from inspectparse.classify import classify
from inspectparse.classify.findings import Findings
from inspectparse.clean import clean
from inspectparse.document import Document, Line, Page
from inspectparse.segment import segment

# (text, x0, top, size, bold, gap_before) per line of a SIF title page.
Cell = tuple[str, float, float, float, bool, bool]
_TITLE: list[Cell] = [
    ("Northwick Borough", 70, 99, 26, False, False),
    ("Council", 70, 130, 26, False, False),
    ("Inspection of services for children in need of help and", 70, 165, 14, True, False),
    ("protection, children looked after and care leavers", 70, 182, 14, True, False),
    ("Inspection date: 4 May – 26 May 2016", 70, 267, 14, False, False),
    ("Report published: 8 July 2016", 70, 290, 14, False, False),
]
_TABLE: Cell = ("1. Children who need help and protection", 76, 388, 12, True, True)


def _findings(cells: list[Cell]) -> Findings:
    lines = [
        Line(
            text=t,
            page=1,
            index=i,
            x0=x,
            x1=x + 5.5 * len(t),
            top=top,
            bottom=top + size,
            size=size,
            bold=bold,
            gap_before=gap,
        )
        for i, (t, x, top, size, bold, gap) in enumerate(cells)
    ]
    document = Document(
        pages=[Page(number=1, lines=lines, width=595, height=842)], format="pdf", engine="test"
    )
    return classify(segment(clean(document)))


def _overall(findings: Findings) -> str | None:
    return next((j.grade for j in findings.judgements if j.key == "overall_effectiveness"), None)


@pytest.mark.parametrize(
    ("first", "second", "grade"),
    [
        ("Children's services in the Northwick Borough Council area", "are good", "good"),
        ("Children's services in Northwick Borough Council require", "improvement to be good",
         "requires_improvement"),
        ("The overall judgement is that children's services require", "improvement (to be good)",
         "requires_improvement"),
    ],
)
def test_a_headline_wrapped_before_its_grade_is_read(first: str, second: str, grade: str) -> None:
    findings = _findings(
        [*_TITLE, (first, 76, 342, 14, True, True), (second, 76, 359, 14, True, False), _TABLE]
    )
    assert findings.kind == "sif"
    assert _overall(findings) == grade
    # The label is the judgement's, never the headline sentence up to the grade.
    assert [j.label for j in findings.judgements] == ["Overall effectiveness"]


def test_a_headline_run_into_the_title_block_after_report_published_is_read() -> None:
    findings = _findings(
        [
            *_TITLE,
            ("Children's services in Northwick are inadequate", 70, 313, 14, False, False),
            _TABLE,
        ]
    )
    assert _overall(findings) == "inadequate"


def test_a_heading_followed_by_an_unrelated_short_line_takes_no_grade_from_it() -> None:
    findings = _findings(
        [
            *_TITLE,
            ("Children's services in the Northwick Borough Council area", 76, 342, 14, True, True),
            ("Summary of findings", 76, 359, 14, True, False),
            _TABLE,
        ]
    )
    assert _overall(findings) is None


def test_a_label_is_the_label_as_printed_never_the_words_joining_it_to_the_grade() -> None:
    from inspectparse.classify.judgements import _printed_label
    from inspectparse.profiles import JudgementSpec

    quality = JudgementSpec("quality_of_provision", label=r"(?:The )?quality of provision")
    assert _printed_label(quality, "Quality of provision Grade 4 (") == "Quality of provision"
    unlabelled = JudgementSpec("capacity_to_improve")
    assert _printed_label(unlabelled, "Capacity to improve Grade 3 (") == "Capacity to improve"
    assert _printed_label(unlabelled, "Capacity to improve is judged to be") == (
        "Capacity to improve"
    )
    titled = JudgementSpec("overall_effectiveness", title="Overall effectiveness")
    assert _printed_label(titled, "Children's services in Northwick are") == (
        "Overall effectiveness"
    )
