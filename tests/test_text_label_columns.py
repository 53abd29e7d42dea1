"""A first-page table read in reading order as two columns: every row label, then every value
(synthetic "Northwick" school reports written here, never real report text).

pdfminer-based converters (markitdown) give a school report's first-page table as the label
column ("Inspection dates", then each judgement's label) followed by the value column (the
dates, then each grade). The dates row is no judgement, so its value sits in the grade column
between the last label and the first grade.
"""

from __future__ import annotations

import datetime as dt

import inspectparse
from inspectparse.record import Record
from report_parts import complete

LABELS = (
    "Overall effectiveness",
    "Effectiveness of leadership and management",
    "Quality of teaching, learning and assessment",
    "Personal development, behaviour and welfare",
    "Outcomes for pupils",
    "Early years provision",
)
GRADES = ("Good", "Good", "Requires improvement", "Good", "Requires improvement", "Outstanding")
WANT = {
    "overall_effectiveness": "good",
    "leadership_and_management": "good",
    "teaching_learning_and_assessment": "requires_improvement",
    "personal_development_behaviour_and_welfare": "good",
    "outcomes_for_pupils": "requires_improvement",
    "early_years_provision": "outstanding",
}
TOP = "School report\n\nNorthwick Primary School\n\n1 High Street, Northwick NW1 1AA\n\n"
AFTER = (
    "Overall effectiveness at previous inspection\n\nGood\n\n"
    "Summary of key findings for parents and pupils\n\nThis is a good school\n\n"
    "Pupils in Northwick enjoy their lessons and attend every day.\n"
)


def _columns(dates: str, grades: tuple[str, ...] = GRADES) -> str:
    return (
        TOP
        + "Inspection dates\n\n"
        + "\n\n".join(LABELS)
        + f"\n\n{dates}\n\n"
        + "\n\n".join(grades)
        + "\n\n"
        + AFTER
    )


def _record(text: str) -> Record:
    return inspectparse.extract(complete(text).encode("utf-8"))


def _grades(record: Record) -> dict[str, str]:
    return {j.key: j.grade for j in record.judgements if j.grade}


def test_label_column_then_value_column_pairs_grades_past_the_dates_cell() -> None:
    record = _record(_columns("9–10 November 2031"))
    assert _grades(record) == WANT
    assert [w.code for w in record.warnings if w.field.startswith("judgements")] == []


def test_the_dates_are_read_from_the_value_column_after_the_other_labels() -> None:
    record = _record(_columns("9–10 November 2031"))
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2031, 11, 9),
        dt.date(2031, 11, 10),
    )
    assert not [w for w in record.warnings if w.field.startswith("report.inspection")]


def test_a_missing_grade_in_the_value_column_is_flagged_not_guessed() -> None:
    """Five grades for six labels: the pairing would be a guess, so none is paired."""
    record = _record(_columns("9–10 November 2031", GRADES[:5]))
    table = [j for j in record.judgements if j.rule and ".table." in j.rule]
    assert table == []
    flagged = {w.field for w in record.warnings if w.code == "judgement_pairing_ambiguous"}
    assert "judgements.overall_effectiveness" in flagged


def test_a_sentence_between_the_labels_and_the_dates_stops_the_date_reading() -> None:
    """Only row labels (words, no sentence end) may stand between the label and its dates:
    a sentence with a date further on is not the inspection's dates."""
    text = TOP + (
        "Inspection dates\n\nThe inspection was put off. It took place later.\n\n"
        "9–10 November 2031\n\n" + AFTER
    )
    record = _record(text)
    assert record.report.inspection_start is None
    assert "dates_missing" in {w.code for w in record.warnings}


SIF_TOP = (
    "Northwick Borough Council\n"
    "Inspection of services for children in need of help and protection, children looked\n"
    "after and care leavers\n"
    "Inspection date: 4 November 2031 – 28 November 2031\n"
    "The overall judgement is requires improvement.\n"
    "The local authority is not yet delivering good services for children in Northwick.\n"
)


def test_a_sentence_straight_after_a_dated_field_line_is_not_run_into_it() -> None:
    """Reading order gives the dates field and the overall judgement sentence on consecutive
    lines without a blank line; the field line ends complete (its value is a date), so the
    sentence opens its own block and its grade is read."""
    record = _record(SIF_TOP)
    overall = {j.key: j.grade for j in record.judgements}.get("overall_effectiveness")
    assert overall == "requires_improvement"
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2031, 11, 4),
        dt.date(2031, 11, 28),
    )


def test_a_dated_field_wrapped_onto_a_lower_case_line_still_goes_on() -> None:
    text = SIF_TOP.replace(
        "Inspection date: 4 November 2031 – 28 November 2031\n",
        "Inspection date: 4 November 2031 – 28 November 2031\nand 2 December 2031\n",
    )
    record = _record(text)
    assert record.report.inspection_periods is not None
    assert (record.report.inspection_start, record.report.inspection_end)[0] == dt.date(2031, 11, 4)
    assert {j.key: j.grade for j in record.judgements}["overall_effectiveness"] == (
        "requires_improvement"
    )
