"""A PDF summary table with a lost or repeated cell (synthetic "Northwick" pages drawn here,
never real text): each grade stays with its own label, and what is lost is missing with a
review warning on its judgement. The PDF counterpart of tests/test_lost_lines.py."""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.record import Record
from test_load_pdfium import make_pdf, text_at

LABELS = {
    "impact_of_leaders": (
        "The impact of leaders on social work practice with",
        "children and families",
    ),
    "help_and_protection": (
        "The experiences and progress of children who need",
        "help and protection",
    ),
    "children_in_care": ("The experiences and progress of children", "in care"),
    "care_leavers": ("The experiences and progress of care leavers",),
    "overall_effectiveness": ("Overall effectiveness",),
}
# Each row's grade cell, one string per line of the cell.
GRADES = {
    "impact_of_leaders": ("Good",),
    "help_and_protection": ("Requires", "improvement to be", "good"),
    "children_in_care": ("Requires", "improvement to be", "good"),
    "care_leavers": ("Good",),
    "overall_effectiveness": ("Requires", "improvement to be", "good"),
}
WANT = {
    "impact_of_leaders": "good",
    "help_and_protection": "requires_improvement",
    "children_in_care": "requires_improvement",
    "care_leavers": "good",
    "overall_effectiveness": "requires_improvement",
}


def _report(skip: set[tuple[str, str, int]] = frozenset()) -> Record:  # type: ignore[assignment]
    """The report with the cell lines in `skip` ((key, "label" or "grade", line)) left out."""
    page = (
        text_at(72, 740, "Inspection of Northwick local authority children's services", size=16)
        + text_at(72, 715, "Inspection dates: 3 June 2024 to 14 June 2024")
        + text_at(72, 700, "Lead inspector: Ada Quill, His Majesty's Inspector")
        + text_at(72, 670, "Judgement", font="F2")
        + text_at(400, 670, "Grade", font="F2")
    )
    y = 645.0
    for key, label in LABELS.items():
        for k, line in enumerate(label):
            if (key, "label", k) not in skip:
                page += text_at(72, y - 13 * k, line, size=10)
        # A cell taller than its label is centred on it: "Requires" stands above the label.
        lift = 13 * (len(GRADES[key]) - len(label)) / 2
        for k, line in enumerate(GRADES[key]):
            if (key, "grade", k) not in skip:
                page += text_at(400, y + lift - 13 * k, line, size=10)
        y -= 13 * max(len(label), len(GRADES[key])) + 14
    page += text_at(72, y - 10, "Children in Northwick get help quickly from social workers.")
    body = (
        text_at(72, 740, "What needs to improve?", size=12, font="F2")
        + text_at(72, 720, "- The timeliness of plans made for children who wait.")
        + text_at(72, 705, "- The quality of supervision recorded for staff.")
    )
    return inspectparse.extract(make_pdf([page, body]), engine="pdfium")


def _review(record: Record, code: str) -> set[str]:
    return {w.field for w in record.warnings if w.code == code and w.severity == "review"}


def test_the_whole_table_reads_right() -> None:
    record = _report()
    assert record.report.kind == "ilacs"
    assert record.grades == WANT
    full = next(j for j in record.judgements if j.key == "help_and_protection")
    assert full.grade_text == "Requires improvement to be good"


def test_a_grade_cell_that_lost_its_first_line_gives_no_grade() -> None:
    # "improvement to be" / "good" without "Requires": read as "good", the row took another
    # grade, silently.
    record = _report({("children_in_care", "grade", 0)})
    assert "children_in_care" not in record.grades
    flagged = _review(record, "judgement_grade_cut") | _review(record, "judgement_missing")
    assert "judgements.children_in_care" in flagged
    assert {k: v for k, v in record.grades.items()} == {
        k: v for k, v in WANT.items() if k != "children_in_care"
    }


def test_a_grade_cell_that_lost_its_middle_line_keeps_its_grade() -> None:
    # "Requires" / "good": the "good" was read as a cell of its own and paired with the label.
    record = _report({("children_in_care", "grade", 1)})
    assert record.grades == WANT


@pytest.mark.parametrize("key", ["overall_effectiveness", "care_leavers"])
def test_a_row_whose_label_is_lost_flags_the_judgement(key: str) -> None:
    # The label's line lost, its grade cell left with no label: the judgement is missing, and
    # flagged (overall effectiveness is one that the 2026 format lacks, so its absence alone
    # would say nothing).
    skip = {(key, "label", k) for k in range(len(LABELS[key]))}
    record = _report(skip)
    assert key not in record.grades
    flagged = _review(record, "judgement_pairing_ambiguous") | _review(record, "judgement_missing")
    assert f"judgements.{key}" in flagged


# A SIF cover page: row labels and grade cells as separate text objects, a three-line grade
# cell centred on a two-line label (top of each line, x, text, bold).
SIF_PAGE = (
    (105, 71, "Northwick", False),
    (140, 71, "Inspection of services for children in need of help and", True),
    (157, 71, "protection, children looked after and care leavers", True),
    (180, 71, "Inspection date: 3 March 2031 to 27 March 2031", False),
    (203, 71, "Report published: 2 May 2031", False),
    (255, 77, "Children's services in Northwick require improvement to be", True),
    (272, 77, "good", True),
    (300.6, 394, "Requires", True),
    (315.1, 77, "1. Children who need help and protection", True),
    (315.1, 394, "improvement to be", True),
    (329.6, 394, "good", True),
    (356.5, 394, "Requires", True),
    (363.9, 77, "2. Children looked after and achieving", True),
    (371.1, 394, "improvement to be", True),
    (378.4, 95, "permanence", True),
    (385.6, 394, "good", True),
    (412.6, 125, "2.1 Adoption performance", False),
    (412.6, 394, "Good", True),
    (439.6, 125, "2.2 Experiences and progress of care leavers", False),
    (439.6, 394, "Good", True),
    (466.5, 394, "Requires", True),
    (481.0, 77, "3. Leadership, management and governance", True),
    (481.0, 394, "improvement to be", True),
    (495.5, 394, "good", True),
)
SIF_WANT = {
    "overall_effectiveness": "requires_improvement",
    "help_and_protection": "requires_improvement",
    "children_looked_after": "requires_improvement",
    "adoption_performance": "good",
    "care_leavers": "good",
    "leadership_management_governance": "requires_improvement",
}


def _sif(skip: int | None = None) -> Record:
    page = "".join(
        text_at(x, 792 - top - 10, text, size=11, font="F2" if bold else "F1")
        for k, (top, x, text, bold) in enumerate(SIF_PAGE)
        if k != skip
    )
    return inspectparse.extract(make_pdf([page]), engine="pdfium")


def test_a_sif_cover_table_reads_right() -> None:
    record = _sif()
    assert record.report.kind == "sif"
    assert {k: record.grades.get(k) for k in SIF_WANT} == SIF_WANT


def test_a_sif_grade_cell_that_lost_its_first_line_gives_no_grade() -> None:
    # "improvement to be" / "good" left: the cont line joined the row above's whole cell and
    # "good" became a cell of its own, paired with the label: "good", silently.
    record = _sif(skip=11)
    assert "children_looked_after" not in record.grades
    flagged = _review(record, "judgement_grade_cut") | _review(record, "judgement_missing")
    assert "judgements.children_looked_after" in flagged
    assert record.grades["help_and_protection"] == "requires_improvement"


def test_a_sif_grade_cell_that_lost_its_middle_line_keeps_its_grade() -> None:
    # "Requires" / "good": "good" paired with the two-line label, silently wrong.
    record = _sif(skip=13)
    assert record.grades["children_looked_after"] == "requires_improvement"
