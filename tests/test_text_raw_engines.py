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


def test_an_era_in_doubt_flags_the_judgements_only_another_era_grades() -> None:
    """A summary table whose rows were not read (a layout that sets the grade inside the
    wrapped label): only the overall row is read, so the era the rules pick is a guess, and
    the judgement only the other era has is flagged, not silently left out."""
    text = (
        "Northwick\nInspection of children's social care services\n"
        "Inspection dates: 9 July 2031 to 20 July 2031\nLead inspector: Ada Quill\n\n"
        " Judgement                                    Grade\n\n"
        " The impact of leaders on social work practice with children and\n"
        "                                          Outstanding  families\n\n"
        " The experiences and progress of children in care and care        Good leavers\n\n"
        " Overall effectiveness                                          Outstanding\n\n"
        "   Families in Northwick get help early from a team that knows the area well, and\n"
        "   leaders check the quality of the work every month.\n"
    )
    record = _record(text)
    assert record.report.kind == "ilacs"
    flagged = {w.field for w in record.warnings if w.severity == "review"}
    for key in ("impact_of_leaders", "help_and_protection", "children_in_care_and_care_leavers"):
        assert key in record.grades or f"judgements.{key}" in flagged, key
    era = [w for w in record.warnings if w.code == "judgement_era_unsure"]
    assert all(w.field != "judgements.overall_effectiveness" for w in era)


def test_a_report_whose_era_reads_whole_has_no_era_doubt() -> None:
    record = _record(ILACS_HEAD + "Overall effectiveness Inadequate\r\n" + ILACS_BODY)
    assert len(record.grades) == 5
    assert not [w for w in record.warnings if w.code == "judgement_era_unsure"]


def _items_unlike_actions(record: Record) -> list[str]:
    return [w.field for w in record.warnings if w.code == "improvement_items_unlike_actions"]


SIF_LSCB = (
    "Section 2: The effectiveness of the Local Safeguarding Children Board\n\n"
    "The effectiveness of the LSCB is good\n\n"
    "1. The board meets every month and its chair is independent of the partners.\n\n"
    "2. Partners attend the board's meetings and send senior staff to its sub-groups.\n\n"
    "3. The board publishes an annual report that sets out what it has achieved.\n\n"
)


def test_a_heading_set_away_from_its_items_is_flagged_when_findings_follow() -> None:
    """A converter that moves a list heading below its items (a text box read late): the
    numbered paragraphs after it are findings, and the list of instructions reads them as
    items. The count is wrong, so the list is flagged rather than passing as read."""
    findings = (
        "The board holds partners to account through a challenge log kept by the chair.",
        "A joint protocol between the board and the partnership sets out shared priorities.",
        "The chair has led the board since 2030 and partners value his leadership.",
        "The business plan is clear and focused on the board's priorities for the year.",
    )
    text = SIF_HEAD + SIF_LSCB + "4. Extend the data set to cover children who go missing.\n\n"
    text += "Recommendations\n\n" + "".join(
        f"{5 + i}. {item}\n\n" for i, item in enumerate(findings)
    )
    record = _record(text)
    assert len(record.recommendations) >= 4
    assert _items_unlike_actions(record) == ["recommendations"]
    assert record.needs_review


def test_a_list_of_instructions_is_not_flagged() -> None:
    items = (
        "Extend the data set to cover children who go missing from home or care.",
        "The board to ensure that audits are analysed and their findings acted on.",
        "The local authority should strengthen the help given to care leavers.",
        "Strengthen the evaluation of training so that its impact is known.",
    )
    text = SIF_HEAD + SIF_LSCB + "Recommendations\n\n" + "".join(
        f"{4 + i}. {item}\n\n" for i, item in enumerate(items)
    ) + "Inspection findings\n\n8. The board's work is well regarded by its partners.\n\n"
    record = _record(text)
    assert len(record.recommendations) == 4
    assert _items_unlike_actions(record) == []


def test_a_table_with_one_row_set_apart_by_spaces_reads_every_row() -> None:
    """A converter that aligns only the row that fits one line ("Overall effectiveness" and
    its grade with spaces between) and gives the wrapped rows in reading order: both kinds of
    row are read, so no judgement is lost to the shape of its neighbour."""
    record = _record(ILACS_HEAD + "Overall effectiveness      Inadequate\r\n" + ILACS_BODY)
    assert record.grades == {
        "impact_of_leaders": "requires_improvement",
        "help_and_protection": "good",
        "children_in_care": "good",
        "care_leavers": "inadequate",
        "overall_effectiveness": "inadequate",
    }
    assert not _missing(record)


def test_rows_read_two_ways_must_agree() -> None:
    """Where the reading-order rows would give a grade the spaced row contradicts, only the
    spaced rows are kept and the rest is reported missing: never a mixed guess."""
    head = ILACS_HEAD.replace("leavers\r\nInadequate\r\n", "leavers\r\nInadequate\r\n"
                              "Overall effectiveness\r\nGood\r\n")
    record = _record(head + "Overall effectiveness      Inadequate\r\n" + ILACS_BODY)
    assert record.grades.get("overall_effectiveness") == "inadequate"
    assert len(record.grades) < 5
    assert _missing(record)


def test_a_grade_sentence_run_into_the_table_s_last_row_is_read() -> None:
    """Raw engine text without blank lines runs the LSCB grade sentence into the summary
    table's last row ("3. Leadership ... Inadequate The effectiveness of the ..."): the
    sentence is read from after the row's grade."""
    text = (
        SIF_HEAD
        + "The judgements on areas of the service that contribute to overall effectiveness are:\n"
        "1. Children who need help and protection Good\n"
        "2. Children looked after and achieving permanence Good\n"
        "3. Leadership, management and governance Good\n"
        "The effectiveness of the Local Safeguarding Children Board (LSCB) is\n"
        "inadequate.\n"
        "The board does not yet hold its partners to account.\n"
    )
    record = _record(text)
    assert record.grades.get("lscb") == "inadequate"
    assert "judgements.lscb" not in _missing(record)
