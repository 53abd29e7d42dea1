"""Summary tables in column-layout text whose grade cell is glued to label words (synthetic
"Northwick" reports written here, never real report text).

PyMuPDF's sorted text lays columns out with spaces and merges words close on one row into
one cell: a wrapped label's tail set after its grade ("Good  leavers"), or a grade set before
the whole label of its row ("Requires improvement Overall effectiveness", the grade's "to be
good" on the row below). The grade and the label words are read apart where the shape is
unambiguous; any other glued cell stays unread and its judgement is reported missing.
"""

from __future__ import annotations

import inspectparse
from inspectparse.classify.glued_grades import split_glued_grades
from inspectparse.classify.summary_table import grade_fragment
from inspectparse.document import Line
from inspectparse.profiles import get
from inspectparse.record import Record

GAP = " " * 24
ILACS_TOP = (
    " Northwick Council\n"
    " Inspection of children's social care services\n"
    " Inspection dates: 3 March 2031 to 14 March 2031\n"
    " Lead inspector:   Ada Quill\n"
    "                 Her Majesty's Inspector\n\n"
    f" Judgement{GAP}{GAP}Grade\n"
)
ILACS_BODY = (
    "\n Since the last inspection, leaders in Northwick have changed how the front door works,\n"
    " and most families now get help from the right service at the first contact. Leaders\n"
    " know their services well and have acted on what children tell them.\n\n"
    " What needs to improve in this local authority?\n\n"
    " ◼ The quality of plans for children in care.\n"
    " ◼ The help given to care leavers who live out of the area.\n"
)


def _record(text: str) -> Record:
    return inspectparse.extract(text.encode("utf-8"))


def _missing(record: Record) -> set[str]:
    return {w.field for w in record.warnings if w.code == "judgement_missing"}


def test_label_tails_after_their_grades_and_a_grade_before_its_label() -> None:
    table = (
        " The impact of leaders on social work practice with children and\n"
        f"{GAP}{GAP}{GAP}Outstanding  families\n"
        f" The experiences and progress of children who need help and{GAP}Good protection\n"
        f" The experiences and progress of children in care and care{GAP}Requires improvement"
        "  leavers\n"
        f"{GAP}{GAP}{GAP}{GAP}to be good\n"
        f"{GAP}{GAP}Inadequate Overall effectiveness\n"
    )
    record = _record(ILACS_TOP + table + ILACS_BODY)
    assert record.source.text_layout == "layout"
    assert record.grades == {
        "impact_of_leaders": "outstanding",
        "help_and_protection": "good",
        "children_in_care_and_care_leavers": "requires_improvement",
        "overall_effectiveness": "inadequate",
    }
    labels = {j.key: j.label for j in record.judgements}
    assert labels["children_in_care_and_care_leavers"] == (
        "The experiences and progress of children in care and care leavers"
    )
    assert not _missing(record)


def test_a_grade_glued_to_words_that_make_no_label_is_reported_missing() -> None:
    # "Good and happy": the words after the grade are no label's tail, so no row is read
    # from them and the judgement is reported missing, never guessed.
    table = (
        " The impact of leaders on social work practice with children and\n"
        f"{GAP}{GAP}{GAP}Outstanding and happy\n"
        f" The experiences and progress of children who need help and protection{GAP}Good\n"
        f" The experiences and progress of children in care and care leavers{GAP}Good\n"
        f" Overall effectiveness{GAP}{GAP}Good\n"
    )
    record = _record(ILACS_TOP + table + ILACS_BODY)
    assert "impact_of_leaders" not in record.grades
    assert "judgements.impact_of_leaders" in _missing(record)
    assert record.grades["help_and_protection"] == "good"


def _texts(text: str, kind: str = "ilacs", x0: float = 300.0) -> list[str]:
    line = Line(text=text, page=1, index=0, x0=x0, top=100.0)
    return [ln.text for ln in split_glued_grades([line], get(kind), grade_fragment, 60.0)]


def test_what_is_split_and_what_is_left_whole() -> None:
    texts = _texts

    assert texts("Requires improvement  permanence") == ["Requires improvement", "permanence"]
    assert texts("Requires improvement to be good care leavers") == [
        "Requires improvement to be good",
        "care leavers",
    ]
    assert texts("Good Overall effectiveness") == ["Good", "Overall effectiveness"]
    for whole in (
        "Requires improvement to be good",  # a grade alone
        "Good progress has been made in most of the services for families.",  # a sentence
        "Good Leaders know their services",  # capitalised words that are no label
        "improvement leavers",  # no whole grade phrase before the words
        "Good and the board has met every month.",  # a sentence's end
    ):
        assert texts(whole) == [whole], whole
    # The first line of a wrapped label after its grade; left of the grade column, nothing.
    wrapped = "Adequate Outcomes for looked after children and"
    assert _texts(wrapped, "looked_after_children_2012") == [
        "Adequate",
        "Outcomes for looked after children and",
    ]
    assert _texts(wrapped, "looked_after_children_2012", x0=20.0) == [wrapped]
    # A grade glued to the next row's number, no space between: split before the number.
    glued = "Requires1. Children who need help and protection"
    assert _texts(glued, "sif") == ["Requires", "1. Children who need help and protection"]
    assert _texts("Requires1. Leaders met every month", "sif") == [
        "Requires1. Leaders met every month"
    ]


ROWS_ACROSS_HEAD = (
    "Northwick Council\n"
    "Inspection of children's social care services\n"
    "Inspection dates: 3 March 2031 to 14 March 2031\n"
    "Lead inspector: Ada Quill, Her Majesty's Inspector\n"
    "Judgement Grade\n"
)


def test_rows_read_across_put_each_grade_after_its_wrapped_label() -> None:
    # pdfplumber's plain text reads a table's rows across: a wrapped label's first line ends
    # with the grade (or the grade's first words, the rest after the label's tail), or the
    # grade stands between the label's lines.
    table = (
        "The impact of leaders on social work Good\n"
        "practice with children and families\n"
        "The experiences and progress of children who need Requires improvement to\n"
        "help and protection be good\n"
        "The experiences and progress of children in care and\n"
        "Inadequate\n"
        "care leavers\n"
        "Overall effectiveness Requires improvement to be good\n"
    )
    record = _record(ROWS_ACROSS_HEAD + table + ILACS_BODY.replace("\n ", "\n"))
    assert record.source.text_layout == "reading_order"
    assert record.grades == {
        "impact_of_leaders": "good",
        "help_and_protection": "requires_improvement",
        "children_in_care_and_care_leavers": "inadequate",
        "overall_effectiveness": "requires_improvement",
    }
    assert not _missing(record)


def test_a_grade_beside_words_that_make_no_label_is_not_moved() -> None:
    # The words after the grade do not finish the label: nothing is moved, the row is not
    # read, and its judgement is reported missing rather than guessed.
    table = (
        "The impact of leaders on social work Good\n"
        "practice with families\n"
        "The experiences and progress of children who need help and protection Good\n"
        "The experiences and progress of children in care and care leavers Good\n"
        "Overall effectiveness Good\n"
    )
    record = _record(ROWS_ACROSS_HEAD + table + ILACS_BODY.replace("\n ", "\n"))
    assert "impact_of_leaders" not in record.grades
    assert "judgements.impact_of_leaders" in _missing(record)
