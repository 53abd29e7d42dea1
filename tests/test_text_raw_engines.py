"""Text from converters outside the corpus (synthetic "Northwick" reports written here, never
real report text): raw engine text joined without page breaks, where a summary table's label
and grade share one line and a whole report reads as page 1.

Two rules keep such text from silent misses: a framework era is never chosen because a row of
the table was not read (the era without an overall grade would make its absence unreported),
and a judgement only some reports have is expected wherever the text shows the part of the
report that grades it.
"""

from __future__ import annotations

import inspectparse
from inspectparse.record import Record

ILACS_HEAD = (
    "Inspection of Northwick local authority \r\nchildren’s services \r\n"
    "Inspection dates: 3 to 7 March 2031\r\nLead inspector: Ada Quill, His Majesty’s Inspector\r\n"
    "Judgement Grade\r\n"
    "The impact of leaders on social work \r\npractice with children and families\r\n"
    "Requires improvement to be good \r\n"
    "The experiences and progress of \r\nchildren who need help and protection\r\nGood \r\n"
    "The experiences and progress of \r\nchildren in care\r\nGood \r\n"
    "The experiences and progress of care \r\nleavers\r\nInadequate\r\n"
)
ILACS_BODY = (
    "Since the last inspection, leaders in Northwick have changed how the front door works, and\r\n"
    "most families now get help from the right service at the first contact.\r\n"
    "What needs to improve in this local authority?\r\n"
    "The quality of pathway plans for care leavers.\r\n"
    "The help given to care leavers who live out of the area.\r\n"
)


def _record(text: str) -> Record:
    return inspectparse.extract(text.encode("utf-8"))


def _missing(record: Record) -> set[str]:
    return {w.field for w in record.warnings if w.code == "judgement_missing"}


def test_an_overall_row_on_one_line_keeps_the_era_that_grades_it() -> None:
    record = _record(ILACS_HEAD + "Overall effectiveness Inadequate\r\n" + ILACS_BODY)
    assert record.report.kind == "ilacs"
    assert record.report.variant == "four_judgements"
    overall = record.grades.get("overall_effectiveness")
    # Read, or reported missing: never dropped as if this era had no overall grade.
    assert overall == "inadequate" or "judgements.overall_effectiveness" in _missing(record)


def test_an_era_without_an_overall_grade_is_chosen_only_when_none_is_printed() -> None:
    record = _record(ILACS_HEAD + ILACS_BODY)
    assert record.report.variant == "no_overall"
    assert "overall_effectiveness" not in record.grades
    assert "judgements.overall_effectiveness" not in _missing(record)
    assert record.grades.get("care_leavers") == "inadequate"


SIF_HEAD = (
    "Northwick Council\nInspection of services for children in need of help and protection, "
    "children looked after and care leavers\n"
    "and\nReview of the effectiveness of the Local Safeguarding Children Board\n"
    "Inspection date: 1 June 2014 – 20 June 2014\n\n"
    "The overall judgement is that children’s services are good\n\n"
)


def test_an_lscb_review_without_a_readable_lscb_grade_is_reported_missing() -> None:
    record = _record(SIF_HEAD + "The board meets every month and its chair is independent.\n")
    assert record.report.kind == "sif"
    assert "lscb" not in record.grades
    assert "judgements.lscb" in _missing(record)


def test_a_report_without_an_lscb_review_expects_no_lscb_grade() -> None:
    text = SIF_HEAD.replace(
        "and\nReview of the effectiveness of the Local Safeguarding Children Board\n", ""
    )
    record = _record(text + "Ofsted produces this report of the inspection of local authority "
                     "functions and the review of the Local Safeguarding Children Board under "
                     "its power to combine reports.\n")
    assert "judgements.lscb" not in _missing(record)


def test_the_lscb_section_heading_with_the_short_name_gives_its_grade() -> None:
    record = _record(SIF_HEAD + "Section 2: The effectiveness of the Local Safeguarding\n"
                     "Children Board\n\nThe effectiveness of the LSCB is inadequate\n\n"
                     "The board does not check the work of its partners.\n")
    assert record.grades.get("lscb") == "inadequate"
