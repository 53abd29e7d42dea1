"""SIF layouts the field guide counts (ANATOMY.md section 3), one synthetic report each.

Every report here is invented ("Northwick", "Ada Quill"): reading-order text with form feeds, as
plain `pdftotext` gives it (paragraph numbers on their own lines). `Sif` is the 2015-18
template (cover with headline and table, executive summary, numbered recommendations, graded
findings, the LSCB part, the team); `Sif2014` the 2013-14 one (summary of key findings, "What
does the local authority need to improve?", "Section 2"). Each case changes one thing the
archive prints and checks every scored field and the review warnings.
"""

from __future__ import annotations

import pytest

from anatomy_sif import (
    GRADES,
    LABELS,
    NOTE,
    RI,
    Sif,
    check,
)
from report_parts import read, reviews


def test_the_2015_template_reads_right_with_no_review_warning() -> None:
    assert not reviews(check(Sif()))


# -- title page ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("provider", "want"),
    [
        ("London Borough of\nNorthwick", "London Borough of Northwick"),
        ("Northwick Metropolitan Borough\nCouncil", "Northwick Metropolitan Borough Council"),
    ],
)
def test_a_provider_wrapped_over_two_lines(provider: str, want: str) -> None:
    check(Sif(provider=provider), provider=want)


@pytest.mark.parametrize("word", ["Re-inspection", "Reinspection"])
def test_re_inspections_have_no_lscb_part_and_need_no_lscb_grade(word: str) -> None:
    title = (
        f"{word} of services for children in need of help and\n"
        "protection, children looked after and care leavers"
    )
    grades = {k: v for k, v in GRADES.items() if k != "lscb"}
    text = Sif(title=title, with_lscb=False).text().replace(NOTE, "1\n")
    record = read(text)
    assert record.report.kind == "sif" and record.grades == grades
    assert len(record.recommendations) == 3
    assert not reviews(record)


_DATES = ("2031-05-04", "2031-05-26")


@pytest.mark.parametrize(
    "dates",
    [
        "Inspection date: 4 May 2031 \u2013 26 May 2031",
        "Inspection dates: 4 May 2031 to 26 May 2031",
        "Inspection date: 4 May \u2013 26 May 2031",
        "Inspection date: 4 May 2031\u201326 May 2031",
        "Inspection date: 4 May\u201326 May 2031",
        "Inspection date: 4 May 2031-26 May 2031",
        "Inspection date: 4 May 2031 \u2500 26 May 2031",
        "Inspection date: 04/05/2031 - 26/05/2031",
        "Inspection date: 04/05/2031 to 26/05/2031",
        "Inspection date: 4 May 2031 \u2013 8 May 2031 and 18 May 2031 \u2013\n26 May 2031",
        "Inspection date: 4 May 2031 to 8 May 2031 and\n18 May 2031 to 26 May 2031",
    ],
)
def test_inspection_date_shapes(dates: str) -> None:
    check(Sif(dates=dates), dates=_DATES)


def test_a_single_printed_date_is_a_review_warning_on_both_ends() -> None:
    record = check(Sif(dates="Inspection date: 4 May 2031"), dates=("2031-05-04", "2031-05-04"))
    assert reviews(record) == {
        ("dates_implausible", "report.inspection_start"),
        ("dates_implausible", "report.inspection_end"),
    }


def test_no_report_published_line() -> None:
    text = Sif().text().replace("Report published: 8 July 2031\n", "")
    record = read(text)
    assert record.grades == GRADES and str(record.report.inspection_end) == "2031-05-26"


# -- headline: three templates in succession -------------------------------------------------
@pytest.mark.parametrize(
    ("headline", "grade"),
    [
        ("The overall judgement is good", "good"),
        ("The overall judgement is requires improvement", "requires_improvement"),
        ("The overall judgement is requires improvement.", "requires_improvement"),
        ("The overall judgement is inadequate.2", "inadequate"),
        ("The overall judgement is that children\u2019s services are good", "good"),
        ("The overall judgement is that children\u2019s services are\ngood", "good"),
        (
            "The overall judgement is that children\u2019s services require\nimprovement",
            "requires_improvement",
        ),
        ("The overall judgement is that children\u2019s services are\ninadequate.2", "inadequate"),
        (
            "Children\u2019s services in Northwick require improvement to be good",
            "requires_improvement",
        ),
        (
            "Children\u2019s services in Northwick requires improvement to be good",
            "requires_improvement",
        ),
        ("Children\u2019s services are inadequate", "inadequate"),
        ("Children\u2019s services in Northwick are Outstanding", "outstanding"),
        (
            "Children\u2019s services in the Northwick Borough Council area\nare inadequate",
            "inadequate",
        ),
        # A headline broken after a word no heading ends with: the next line goes on with it.
        (
            "Children\u2019s services in\nNorthwick Borough Council require\n"
            "improvement to be good",
            "requires_improvement",
        ),
        (
            "Children\u2019s services in the\nNorthwick Borough Council area are inadequate",
            "inadequate",
        ),
        # A stock sentence with "good" follows a headline wrapped before its grade.
        (
            "The overall judgement is that children\u2019s services are\ninadequate\n"
            "There are failures that leave children at risk. The authority is not yet good.",
            "inadequate",
        ),
    ],
)
def test_headline_templates(headline: str, grade: str) -> None:
    check(Sif(headline=headline), {**GRADES, "overall_effectiveness": grade})


# -- the sub-judgement table -----------------------------------------------------------------
def _rows(grades: tuple[str, ...], labels: tuple[str, ...] = LABELS) -> str:
    return "".join(f"{label}\n\n{grade}\n\n" for label, grade in zip(labels, grades, strict=True))


_MIXED = (RI, RI, "Good", "Good", RI)
_MIXED_GRADES = {
    **GRADES,
    "help_and_protection": "requires_improvement",
    "children_looked_after": "requires_improvement",
    "leadership_management_governance": "requires_improvement",
}


@pytest.mark.parametrize(
    "table",
    [
        # 2014: "Requires" / "improvement" on two lines after the label (plain pdftotext).
        pytest.param(_rows(tuple(g.replace(" ", "\n") for g in _MIXED)), id="requires-wrapped"),
        pytest.param(_rows(tuple(g + " to be good" if g == RI else g for g in _MIXED)), id="2017"),
        pytest.param(
            _rows(tuple("Requires\nimprovement to\nbe good" if g == RI else g for g in _MIXED)),
            id="2017-three-lines",
        ),
        pytest.param(_rows(tuple(g.lower() for g in _MIXED)), id="lower-case"),
        pytest.param(
            _rows(_MIXED, LABELS[:4] + ("1. Leadership, management and governance",)),
            id="leadership-numbered-1",
        ),
        # Two or three labels, then their grades as a block (some 2014-16 reports).
        pytest.param(
            "\n".join(LABELS[:3])
            + "\n\n"
            + "\n\n".join(_MIXED[:3])
            + "\n\n"
            + "\n".join(LABELS[3:])
            + "\n\n"
            + "\n\n".join(_MIXED[3:])
            + "\n\n",
            id="labels-then-grades",
        ),
        # One table breaks over pages 1-2 (2.2 and 3 on page 2).
        pytest.param(
            _rows(_MIXED[:3], LABELS[:3]) + NOTE + "\f" + _rows(_MIXED[3:], LABELS[3:]), id="split"
        ),
    ],
)
def test_table_shapes(table: str) -> None:
    report = Sif(grades=_MIXED, table=table)
    report.adoption = report.leavers = ""  # the table is the only source of those two grades
    assert not reviews(check(report, _MIXED_GRADES))


def test_layout_2014_narrow_column_grade_above_and_below_the_label() -> None:
    def row(label: str, grade: str) -> str:
        if grade == RI:
            return f"{'':<60}Requires\n{label}\n{'':<60}improvement\n\n"
        return f"{label:<60}{grade}\n\n"

    labels = [label.replace("\n", " ") for label in LABELS]
    table = "".join(row(label, grade) for label, grade in zip(labels, _MIXED, strict=True))
    report = Sif(grades=_MIXED, table=table)
    report.adoption = report.leavers = ""
    record = check(report, _MIXED_GRADES)
    assert record.source.text_layout == "layout"


def test_layout_2017_grade_wrapped_over_three_lines_beside_its_label() -> None:
    table = (
        f"{LABELS[0]:<60}Good\n\n"
        f"{'2. Children looked after and achieving':<60}Requires\n"
        f"{'permanence':<60}improvement to\n{'':<60}be good\n\n"
        + "".join(f"{label:<60}Good\n\n" for label in LABELS[2:])
    )
    record = check(Sif(table=table))
    assert record.source.text_layout == "layout"


@pytest.mark.parametrize(
    ("grades", "not_judged"),
    [
        (("Good", RI, "Not judged", "Good", "Good"), {"adoption_performance"}),
        (
            ("Good", "Not judged", "Not judged", "Not judged", "Good"),
            {"children_looked_after", "adoption_performance", "care_leavers"},
        ),
    ],
)
def test_not_judged_rows_record_no_grade(grades: tuple[str, ...], not_judged: set[str]) -> None:
    """Two 2016 reports print "Not judged" in the table: no grade and no key for that row, and
    no `judgement_missing` review warning either (it was one: "none was found")."""
    report = Sif(grades=grades, adoption="")
    if "care_leavers" in not_judged:
        report.leavers = ""
    record = read(report.text())
    assert record.grades == {k: v for k, v in GRADES.items() if k not in not_judged}
    assert len(record.recommendations) == 5
    # No miss to review: the report says so; an info note on each such judgement.
    assert not reviews(record)
    notes = {(w.field, w.severity) for w in record.warnings if w.code == "judgement_not_judged"}
    assert notes == {(f"judgements.{key}", "info") for key in not_judged}


# -- the LSCB grade --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("The Local Safeguarding Children Board is good.", "good"),
        ("The Local Safeguarding Children Board is Good.", "good"),
        ("The Local Safeguarding Children Board requires improvement.", "requires_improvement"),
        (
            "The Local Safeguarding Children Board requires improvement to be good.",
            "requires_improvement",
        ),
        (
            "The Local Safeguarding Children Board requires\nimprovement to be good.",
            "requires_improvement",
        ),
        (
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is requires "
            "improvement.",
            "requires_improvement",
        ),
        (
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is\ninadequate",
            "inadequate",
        ),
        (
            "The judgement for the effectiveness of the Local Safeguarding Children Board (LSCB) "
            "is good.",
            "good",
        ),
        ("The Local Safeguarding Children is outstanding.", "outstanding"),  # "Board" left out
        ("The Local Safeguarding Children Board is good. It is not yet outstanding.", "good"),
    ],
)
def test_lscb_sentence_shapes(sentence: str, grade: str) -> None:
    check(Sif(lscb=sentence), {**GRADES, "lscb": grade})


def test_lscb_grade_on_page_one_under_the_table_2013_14() -> None:
    page1 = (
        "The effectiveness of the Local Safeguarding Children Board (LSCB) is\ninadequate\n"
        "The board does not yet show that it checks the work of partners well enough to be good.\n"
    )
    check(Sif(page1_extra=page1, lscb="The board has a plan."), {**GRADES, "lscb": "inadequate"})


def test_an_lscb_part_without_a_grade_sentence_is_a_review_warning() -> None:
    record = check(
        Sif(lscb="The board has a plan."), {k: v for k, v in GRADES.items() if k != "lscb"}
    )
    assert reviews(record) == {("judgement_missing", "judgements.lscb")}


# -- lead inspector --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lead",
    [
        "Lead inspector: Ada Quill\nDeputy lead inspector: Ben Rook",
        "Deputy lead inspector: Ben Rook HMI\nLead inspector: Ada Quill HMI",
        "Lead inspector on site: Ada Quill HMI\nDeputy lead inspector: Ben Rook HMI",
        "Lead inspector:\nAda Quill HMI\nDeputy lead inspector:\nBen Rook HMI",
        "Lead inspector: Ada Quill, Senior HMI",
        "Lead Inspector: Ada Quill (HMI)",
    ],
)
def test_lead_label_forms_never_take_the_deputy(lead: str) -> None:
    check(Sif(lead=lead))


def test_only_a_deputy_lead_is_no_lead_and_a_review_warning() -> None:
    record = check(Sif(lead="Deputy lead inspector: Ben Rook HMI"), lead=None)
    assert reviews(record) == {("lead_missing", "report.lead_inspector")}
