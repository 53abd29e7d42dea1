"""ILACS layouts the field guide counts (ANATOMY.md section 5), one synthetic report each.

Every report here is invented ("Northwick", "Ada Quill"): a reading-order text with form feeds,
the title page, the "Judgement / Grade" table, the improvement list, graded sections with
numbered paragraphs, a running footer from page 2 and the back page. Each case changes one
thing the archive prints and checks every scored field and the review warnings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anatomy_ilacs import (
    GRADES_3,
    GRADES_4,
    GRADES_2026,
    HELP,
    IN_CARE,
    IN_CARE_AND_LEAVERS,
    LEADERS,
    LEADERS_2026,
    LEAVERS,
    OVERALL,
    RI,
    ROWS_3,
    ROWS_4,
    ROWS_2026,
    SECTIONS_3,
    SECTIONS_4,
    Report,
    check,
    graded,
    head_2018,
    head_2021,
    table,
    wrapped,
)
from report_parts import read, reviews


def test_the_2021_template_reads_right_with_no_review_warning() -> None:
    record = read(Report().text())
    check(record, GRADES_4)
    assert not reviews(record)


# -- title page ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "provider"),
    [
        ("Inspection of Northwick local authority\nchildren's services", "Northwick"),
        ("Inspection of the Northwick local authority\nchildren's services", "Northwick"),
        ("Inspection of Northwick local authority children's services", "Northwick"),
        ("Inspection of Northwick City Council\nchildren's services", "Northwick City Council"),
        (
            "Inspection of Northwick Children and Families\nTrust",
            "Northwick Children and Families Trust",
        ),
        (
            "Inspection of Northwick Children\u2019s Services Trust",
            "Northwick Children's Services Trust",
        ),
    ],
)
def test_2021_titles_name_the_provider(title: str, provider: str) -> None:
    check(read(Report(head=head_2021(title=title)).text()), GRADES_4, provider=provider)


@pytest.mark.parametrize(
    ("provider", "title"),
    [
        ("Northwick", "Inspection of children's social care services"),
        ("Northwick", "Inspection of local authority children's services"),
        ("Northwick City of", "Inspection of children's social care services"),
        ("northwick city council", "Inspection of children's social care services"),
    ],
)
def test_2018_titles_take_the_provider_from_the_line_above(provider: str, title: str) -> None:
    report = Report(
        head=head_2018(provider, title), table=table(ROWS_3), sections=tuple(SECTIONS_3)
    )
    check(read(report.text()), GRADES_3, provider=provider, last=9)


@pytest.mark.parametrize(
    ("dates", "want"),
    [
        ("Inspection dates: 3 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 3 March 2031 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 3 March to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection date: 3 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 3 \u2013 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates:\n3 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 29 December 2030 to 9 January 2031", ("2030-12-29", "2031-01-09")),
        # Two periods joined by "and"; one wraps onto a second line.
        (
            "Inspection dates: 3 to 7 March 2031 and 17 to 21 March 2031",
            ("2031-03-03", "2031-03-21"),
        ),
        (
            "Inspection dates: 3 to 7 March 2031 and\n17 to 21 March 2031",
            ("2031-03-03", "2031-03-21"),
        ),
        ("Inspection dates: 3 to 7 March and 17 to 21 March 2031", ("2031-03-03", "2031-03-21")),
    ],
)
def test_inspection_date_shapes(dates: str, want: tuple[str, str]) -> None:
    check(read(Report(head=head_2021(dates=dates)).text()), GRADES_4, dates=want)


@pytest.mark.parametrize(
    ("lead", "want"),
    [
        ("Lead inspector: Ada Quill, His Majesty's Inspector", "Ada Quill"),
        ("Lead inspector: Ada Quill, Her Majesty\u2019s Inspector", "Ada Quill"),
        ("Lead inspector: Ada Quill\nHer Majesty's Inspector", "Ada Quill"),
        ("Lead inspector:\nAda Quill\nHer Majesty's Inspector", "Ada Quill"),
        ("Lead inspector: Ada Quill, HMI", "Ada Quill"),
        ("Lead inspector: Ada Quill HMI", "Ada Quill"),
        ("Lead Inspector: Dr Ada Quill-Rook, His Majesty's Inspector", "Dr Ada Quill-Rook"),
        # A long line wraps the rank: "Inspector" alone on the next line.
        ("Lead inspector: Ada Quill, Her Majesty\u2019s\nInspector", "Ada Quill"),
        ("Lead inspector: Ada Quill, His Majesty's Senior\nInspector", "Ada Quill"),
        ("Lead inspectors: Ada Quill and Ben Rook", "Ada Quill and Ben Rook"),
        (
            "Lead inspectors: Ada Quill, His Majesty's Inspector, and Ben Rook, His Majesty's "
            "Inspector",
            "Ada Quill and Ben Rook",
        ),
    ],
)
def test_lead_inspector_forms(lead: str, want: str) -> None:
    record = read(Report(head=head_2021(lead=lead)).text())
    check(record, GRADES_4, lead=want)
    assert not reviews(record)


def test_no_lead_line_is_a_review_warning_not_a_guess() -> None:
    record = read(Report(head=head_2021(lead="")).text())
    check(record, GRADES_4, lead=None)
    assert reviews(record) == {("lead_missing", "report.lead_inspector")}


# -- the judgement table (the graded sections name no grade, so the table is the only source) --
_PLAIN_4 = (HELP, IN_CARE, LEAVERS, LEADERS)
_TABLE_CASES: dict[str, Callable[[str, str], tuple[str, str]]] = {
    "labels-wrap": lambda label, grade: (wrapped(label), grade),
    "label-ends-with-a-full-stop": lambda label, grade: (
        label + "." if label == LEAVERS else label,
        grade,
    ),
    "care-leaver-label-typo": lambda label, grade: (
        "The experiences and progress of children care leavers" if label == LEAVERS else label,
        grade,
    ),
    "capitalised-grade": lambda label, grade: (
        label,
        "Requires Improvement to be good" if grade == RI else grade,
    ),
    "lower-case-grades": lambda label, grade: (label, grade.lower()),
}


@pytest.mark.parametrize("change", _TABLE_CASES)
def test_table_variants_are_read_from_the_table_alone(change: str) -> None:
    rows = tuple(_TABLE_CASES[change](label, grade) for label, grade in ROWS_4)
    record = read(Report(table=table(rows), sections=_PLAIN_4).text())
    check(record, GRADES_4)
    assert not reviews(record)


def test_2018_table_with_the_grade_wrapped_after_improvement() -> None:
    report = Report(
        head=head_2018(),
        table=table(ROWS_3, wrap_grade=True),
        sections=(HELP, IN_CARE_AND_LEAVERS, LEADERS),
    )
    check(read(report.text()), GRADES_3, last=9)


def test_2026_table_without_overall_effectiveness_and_a_shorter_leaders_label() -> None:
    sections = graded((HELP, IN_CARE, LEAVERS, LEADERS_2026), ROWS_2026)
    record = read(Report(table=table(ROWS_2026), sections=tuple(sections)).text())
    check(record, GRADES_2026)
    assert not reviews(record)


def test_layout_overall_grade_straddling_its_label() -> None:
    """pdftotext -layout: the Overall row's "Requires improvement" above the label, "to be good"
    below it; the other wrapped grades sit beside their labels' lines."""
    pad = " " * 12

    def row(label: str, grade: str) -> str:
        first, second = wrapped(label).split("\n")
        if grade == RI:
            return f"  {first:<48}{pad}Requires improvement\n  {second:<48}{pad}to be good\n\n"
        return f"  {first:<48}{pad}{grade}\n  {second}\n\n"

    rows = "".join(row(label, grade) for label, grade in ROWS_3[:3])
    overall = f"  {'':<48}{pad}Requires improvement\n  {OVERALL}\n  {'':<48}{pad}to be good\n\n"
    layout = f"  {'Judgement':<48}{pad}Grade\n\n{rows}{overall}"
    report = Report(
        head=head_2018(), table=layout, sections=(HELP, IN_CARE_AND_LEAVERS, LEADERS), footer=None
    )
    record = read(report.text())
    assert record.source.text_layout == "layout"
    check(record, GRADES_3, last=9)
    assert {j.rule for j in record.judgements} == {f"ilacs.table.{key}" for key in GRADES_3}


# -- graded section headings (the table leaves them out: they are the only source) -----------
@pytest.mark.parametrize(
    ("sections", "rows", "grades"),
    [
        pytest.param(
            tuple(h.replace(": ", ":\n") for h in SECTIONS_4),
            ROWS_4,
            {k: v for k, v in GRADES_4.items() if k != "overall_effectiveness"},
            id="grade-next-line",
        ),
        pytest.param(
            (
                f"{HELP} requires improvement to be good",
                f"{IN_CARE_AND_LEAVERS} is inadequate",
                f"{LEADERS} is good",
            ),
            ROWS_3,
            {k: v for k, v in GRADES_3.items() if k != "overall_effectiveness"},
            id="2018-sentence-headings",
        ),
    ],
)
def test_graded_section_heading_forms(
    sections: tuple[str, ...], rows: tuple[tuple[str, str], ...], grades: dict[str, str]
) -> None:
    record = read(Report(table="", sections=sections).text())
    assert {k: record.grades[k] for k in grades} == grades
