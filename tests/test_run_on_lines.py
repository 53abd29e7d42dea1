"""A converter that loses a line break on page 1, or sets a cell out of reading order
(synthetic "Northwick" reports written here, never real text). A value run on into the next
line's text is read apart from it or flagged on its field; a grade is never taken from another
row (`scripts/substitution.py --probe join --probe swap` runs the same on the corpus)."""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.record import Record

ILACS_HEAD = (
    "Inspection of Northwick local authority\nchildren's services\n"
    "Inspection dates: 3 June 2024 to 14 June 2024\n"
    "Lead inspector: {lead}\n{after_lead}\n\nGrade\n\n"
)
ILACS_ROWS = (
    ("The impact of leaders on social work\npractice with children and families", "Outstanding"),
    ("The experiences and progress of\nchildren who need help and protection", "Good"),
    ("The experiences and progress of\nchildren in care", "Inadequate"),
    ("The experiences and progress of care\nleavers", "Requires improvement to be good"),
    ("Overall effectiveness", "Good"),
)
ILACS_GRADES = {
    "impact_of_leaders": "outstanding",
    "help_and_protection": "good",
    "children_in_care": "inadequate",
    "care_leavers": "requires_improvement",
    "overall_effectiveness": "good",
}
BODY = (
    "\fWhat needs to improve\n"
    "\u25fc The timeliness of plans made for children who wait for a decision.\n"
    "\u25fc The quality of supervision recorded for frontline staff.\n\n"
    "The experiences and progress of children who need help and protection\n"
    "1. Families in Northwick get help early from a team that knows the area well.\n"
    "2. Social workers visit children often and write down what children tell them.\n"
)


def _ilacs(table: str, lead: str = "Ada Quill", after_lead: str = "Judgement") -> Record:
    head = ILACS_HEAD.format(lead=lead, after_lead=after_lead)
    return inspectparse.extract((head + table + BODY).encode("utf-8"))


def _stacked(rows: tuple[tuple[str, str], ...]) -> str:
    return "".join(f"{label}\n\n{grade}\n\n" for label, grade in rows)


def _review(record: Record, code: str) -> set[str]:
    return {w.field for w in record.warnings if w.code == code and w.severity == "review"}


def test_the_stacked_table_reads_whole() -> None:
    # The control for the tests below: the same table with every line break in place.
    assert _ilacs(_stacked(ILACS_ROWS)).grades == ILACS_GRADES


def test_a_grade_run_on_into_the_next_row_s_wrapped_label_keeps_every_row_s_grade() -> None:
    # "Outstanding The experiences and progress of" / "children who need help and protection":
    # the first row's grade and the second row's label on one line.
    table = _stacked(ILACS_ROWS).replace(
        "Outstanding\n\nThe experiences and progress of\nchildren who need",
        "Outstanding The experiences and progress of\nchildren who need",
    )
    assert "Outstanding The experiences" in table
    record = _ilacs(table)
    assert record.grades == ILACS_GRADES
    assert not _review(record, "judgement_pairing_ambiguous")


def test_a_grade_run_on_into_the_next_numbered_label_keeps_every_row_s_grade() -> None:
    # SIF: "Requires improvement 2.1 Adoption performance" / "Good".
    rows = (
        "1. Children who need help and protection\n\nInadequate\n\n"
        "2. Children looked after and achieving\npermanence\n\n"
        "Requires improvement 2.1 Adoption performance\n\nGood\n\n"
        "2.2 Experiences and progress of care leavers\n\nInadequate\n\n"
        "3. Leadership, management and governance\n\nInadequate\n\n"
    )
    text = (
        "Northwick Borough Council\n"
        "Inspection of services for children in need of help and\n"
        "protection, children looked after and care leavers\n"
        "Inspection date: 4 June 2031–28 June 2031\n"
        "Report published: 17 August 2031\n\n"
        "Children’s services in Northwick are inadequate\n\n" + rows + "\fExecutive summary\n"
        "Lead inspector: Ada Example\n"
    )
    grades = inspectparse.extract(text.encode("utf-8")).grades
    assert grades["children_looked_after"] == "requires_improvement"
    assert grades["adoption_performance"] == "good"
    assert grades["care_leavers"] == "inadequate"


def test_a_row_read_across_beside_rows_that_cannot_be_paired_is_flagged() -> None:
    # The overall label run on into the grade of the row above it, whose cells follow the
    # labels in reading order: "Overall effectiveness Requires improvement to be good" reads
    # like a row, but the rest of the table cannot be paired, so it is in doubt too.
    labels = "".join(f"{label}\n\n" for label, _ in ILACS_ROWS[:4])
    table = f"{labels}Overall effectiveness Requires improvement to be good\n\nGood\n\nGood\n\n"
    record = _ilacs(table)
    assert "judgements.overall_effectiveness" in _review(record, "judgement_pairing_ambiguous")


@pytest.mark.parametrize("run_on", ["Judgement", "Age group", "Type of inspection"])
def test_a_lead_run_on_into_the_next_heading_is_flagged(run_on: str) -> None:
    record = _ilacs(_stacked(ILACS_ROWS), lead=f"Ada Quill {run_on}", after_lead="")
    assert record.report.lead_inspector is not None
    assert "report.lead_inspector" in _review(record, "lead_not_a_name")


@pytest.mark.parametrize("lead", ["Ian de Souza", "Ada Quill and Sam van der Berg", "Fiona J Mill"])
def test_a_lead_with_particles_initials_or_two_names_is_not_flagged(lead: str) -> None:
    record = _ilacs(_stacked(ILACS_ROWS), lead=lead)
    assert record.report.lead_inspector == lead
    assert not _review(record, "lead_not_a_name")


SIF_HEAD = (
    "Northwick Borough Council\n"
    "Inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "and\nReview of the effectiveness of the local safeguarding children\nboard\n"
    "Inspection date: 4 June 2031–28 June 2031\n"
    "Report published: 17 August 2031\n\n"
    "The overall judgement is that children’s services are good\n\n"
    "1. Children who need help and protection\n\nGood\n\n"
    "2. Children looked after and achieving\npermanence\n\nGood\n\n"
    "2.1 Adoption performance\n\nGood\n\n"
    "2.2 Experiences and progress of care leavers\n\nGood\n\n"
    "3. Leadership, management and governance\n\n"
)


def test_an_lscb_sentence_cut_after_children_takes_no_grade_set_after_it() -> None:
    # The table's last grade set after the first line of the LSCB sentence: "The judgement for
    # the effectiveness of the Local Safeguarding Children" / "Good" / "Board (LSCB) is
    # inadequate." The grade after "Children" is no grade of the board.
    text = (
        SIF_HEAD + "The judgement for the effectiveness of the Local Safeguarding Children\n\n"
        "Good\n\nBoard (LSCB) is inadequate.\n\n\fExecutive summary\nLead inspector: Ada Example\n"
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.grades.get("lscb") != "good"


def test_an_lscb_sentence_without_board_still_reads_with_its_verb() -> None:
    text = (
        SIF_HEAD + "Good\n\nThe Local Safeguarding Children is inadequate\n\n"
        "\fExecutive summary\nLead inspector: Ada Example\n"
    )
    assert inspectparse.extract(text.encode("utf-8")).grades["lscb"] == "inadequate"


def test_a_sentence_run_on_into_the_title_is_no_provider() -> None:
    # A focused-visit letter whose title line lost its break from the sentence above it.
    text = (
        "14 November 2031\n\nNorthwick Borough Council\nTown Hall\n\nDear Director\n\n"
        "This letter summarises the findings of the focused visit to Northwick Focused visit "
        "to Northwick children’s services\nBorough Council children’s services on 8 and 9 "
        "October 2031. His Majesty’s Inspectors for this visit were Ada Quill and Sam Other.\n\n"
        "Areas for priority action\n\n"
        "\u25fc The timeliness of visits to children who are at risk of harm.\n\nYours sincerely\n"
    )
    record = inspectparse.extract(text.encode("utf-8"))
    provider = record.report.provider
    assert provider is None or "visit to" not in provider.lower()
    if provider is None:
        assert "report.provider" in _review(record, "provider_missing")


def test_a_lead_field_run_on_after_the_dates_field_is_read() -> None:
    text = ILACS_HEAD.replace("June 2024\nLead inspector:", "June 2024 Lead inspector:").format(
        lead="Ada Quill", after_lead="Judgement"
    )
    record = inspectparse.extract((text + _stacked(ILACS_ROWS) + BODY).encode("utf-8"))
    assert record.report.lead_inspector == "Ada Quill"
    assert str(record.report.inspection_end) == "2024-06-14"


def test_a_field_run_on_after_the_lead_ends_the_lead() -> None:
    head = (
        "Inspection of Northwick local authority\nchildren's services\n"
        "Lead inspector: Ada Quill Inspection dates: 3 June 2024 to 14 June 2024\n"
        "Judgement\n\nGrade\n\n"
    )
    record = inspectparse.extract((head + _stacked(ILACS_ROWS) + BODY).encode("utf-8"))
    assert record.report.lead_inspector == "Ada Quill"
    # The lead's field after the title, where the dates usually are: still the ILACS title.
    assert record.report.title == "Inspection of Northwick local authority children's services"


def test_the_table_head_run_on_after_the_lead_still_opens_the_table() -> None:
    # "Lead inspector: Ada Quill Judgement": the lead is flagged, and the table is read.
    record = _ilacs(_stacked(ILACS_ROWS), lead="Ada Quill Judgement", after_lead="")
    assert record.grades == ILACS_GRADES
    assert "report.lead_inspector" in _review(record, "lead_not_a_name")


def test_a_wrapped_grade_s_last_line_run_on_into_the_next_label_keeps_every_row_s_grade() -> None:
    # "Requires improvement to" / "be good The experiences and progress of" / "children in
    # care": the grade's second part and the next row's label on one line.
    table = (
        _stacked(ILACS_ROWS)
        .replace(
            "The experiences and progress of care\nleavers\n\nRequires improvement to be good\n\n",
            "The experiences and progress of care\nleavers\n\nRequires improvement to\n"
            "be good Overall effectiveness\n\n",
        )
        .replace("Overall effectiveness\n\nGood\n\n", "Good\n\n", 1)
    )
    assert "be good Overall effectiveness\n\nGood" in table
    record = _ilacs(table)
    assert record.grades == ILACS_GRADES
    assert not _review(record, "judgement_pairing_ambiguous")


def test_a_column_laid_table_pushed_onto_the_next_page_is_read_to_its_last_row() -> None:
    # A 2026 report, where a table without its overall row would be a valid format: the
    # page break after the table's head must not cut the overall row off.
    pad = 44
    rows = ""
    for label, grade in ILACS_ROWS:
        first, *rest = label.split("\n")
        rows += f" {first:<{pad}}{grade}\n" + "".join(f" {line}\n" for line in rest) + "\n"
    text = (
        "Inspection of Northwick local authority\nchildren's services\n"
        "Inspection dates: 2 March 2026 to 13 March 2026\n\n"
        "Lead inspector: Ada Quill, His Majesty's Inspector\n\n"
        f" {'Judgement':<{pad}}Grade\n\n"
        "Inspection of Northwick local authority children's services\n1\n\f" + rows + BODY
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.grades == ILACS_GRADES
