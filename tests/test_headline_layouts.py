"""SIF headline grade layouts on synthetic title pages (invented places, template wording)."""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.classify import classify
from inspectparse.classify.findings import Findings
from inspectparse.clean import clean
from inspectparse.document import Document, Line, Page
from inspectparse.segment import segment
from report_parts import complete

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


# -- text without fonts: a headline over three lines ------------------------------------------
_SIF_TEXT = (
    "Northwick\n"
    "Inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "Inspection date: 4 June 2031 to 28 June 2031\n"
    "Report published: 17 August 2031\n\n"
    "{headline}\n"
    "1. Children who need help and protection\n\nRequires\nimprovement to be\ngood\n\n"
    "2. Children looked after and achieving\npermanence\n\nGood\n\n"
    "2.1 Adoption performance\n\nGood\n\n"
    "2.2 Experiences and progress of care leavers\n\nGood\n\n"
    "3. Leadership, management and governance\n\nRequires\nimprovement to be\ngood\n\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        "Children’s services in Northwick require improvement to be\ngood",
        "Children’s services in Northwick\nrequire improvement to be\ngood",
        "Children’s services in\nNorthwick require improvement to\nbe good",
        "Children’s services in Northwick require\nimprovement to be\ngood",
    ],
)
def test_a_headline_over_three_short_lines_of_text_is_a_sentence_not_a_table_cell(
    headline: str,
) -> None:
    record = inspectparse.extract(complete(_SIF_TEXT.format(headline=headline)).encode())
    grades = {j.key: j.grade for j in record.judgements}
    assert grades == {
        "overall_effectiveness": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_looked_after": "good",
        "adoption_performance": "good",
        "care_leavers": "good",
        "leadership_management_governance": "requires_improvement",
    }
    assert not [w for w in record.warnings if w.field and w.field.startswith("judgements")]


def test_grade_words_a_sentence_runs_onto_after_a_short_line_are_no_table_cell() -> None:
    from inspectparse.classify.reading_order import _grade_cells
    from inspectparse.classify.summary_table import grade_fragment

    texts = [
        ("Children’s services in Northwick", False),
        ("require improvement to be", True),  # text breaks after every short line
        ("good", True),
        ("1. Children who need help and protection", True),
        ("Requires", True),
        ("improvement to be", False),
        ("good", False),
    ]
    region = [Line(text=t, page=1, index=i, gap_before=g) for i, (t, g) in enumerate(texts)]
    cells = _grade_cells(region, {3}, grade_fragment)
    assert [[ln.text for ln in cell.lines] for cell in cells.values()] == [
        ["Requires", "improvement to be", "good"]
    ]


def test_a_lone_short_line_a_lower_case_line_goes_on_from_is_a_sentence_not_a_heading() -> None:
    from inspectparse.load import load

    text = (
        "Northwick\nInspection of services for children in need of help and\n"
        "protection, children looked after and care leavers\n\n"
        "Children’s services in Northwick\n\nrequire improvement to be good\n\n"
        "Leadership and governance\n\nLeaders know their services well.\n"
    )
    blocks = segment(clean(load(text.encode()))).blocks
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["Children’s services in Northwick require improvement to be good"] == "text"
    assert kinds["Leadership and governance"] == "heading"
