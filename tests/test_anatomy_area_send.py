"""Area SEND layouts the field guide counts (ANATOMY.md section 8), one synthetic report each.

Every report here is invented ("Northwick", "Ada Quill"): reading-order text with form feeds as
plain `pdftotext` gives it: the kicker, the title, the dates and the previous inspection's
dates, the outcome box, the sections with their bullets, the priority-action table (body cells
as a run, then the rows' text), the one-column improvement table, the team table and the
running footer. Each case changes one thing the archive prints and checks every scored field
and the review warnings.
"""

from __future__ import annotations

import pytest

from anatomy_area_send import (
    BODY,
    FOOTER,
    IMPROVEMENTS,
    LEAD,
    PRIORITY,
    TEAM,
    Send,
    check,
)
from report_parts import read, reviews


def test_the_template_reads_right_with_no_review_warning() -> None:
    record = check(Send())
    assert not reviews(record)
    kinds = [item.kind for item in record.recommendations]
    assert kinds == ["priority_action"] * 2 + ["improvement"] * 3
    assert {item.actor for item in record.recommendations[:2]} == {
        "Northwick Council and NHS Fenland Integrated Care Board"
    }


# -- page 1 ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kicker", "title", "provider"),
    [
        (
            "Local Area Partnership report",
            "Area SEND inspection of Northwick Local Area\nPartnership",
            "Northwick Local Area Partnership",
        ),
        (
            "Local area partnership report",
            "Area SEND inspection of Northwick Local Area Partnership",
            "Northwick Local Area Partnership",
        ),
        (
            "Local area partnership report",
            "Area SEND inspection of\nNorthwick Local Area Partnership",
            "Northwick Local Area Partnership",
        ),
        (
            "Local area partnership report",
            "Area SEND inspection of North\nNorthwick Local Area Partnership",
            "North Northwick Local Area Partnership",
        ),
        (
            "Local area partnership report",
            "Area SEND inspection of the Northwick Local Area\nPartnership",
            "Northwick Local Area Partnership",
        ),
    ],
)
def test_kicker_and_title_forms_give_the_partnership(
    kicker: str, title: str, provider: str
) -> None:
    check(Send(kicker=kicker, title=title), provider=provider)


@pytest.mark.parametrize(
    ("dates", "previous", "want"),
    [
        (
            "Inspection dates: 4 to 8 March 2030",
            "Date of previous inspection: 1 to 5 May 2025",
            ("2030-03-04", "2030-03-08"),
        ),
        (
            "Inspection dates: 4 to 8 March 2030",
            "Dates of previous inspection:\n1 to 5 May 2025",
            ("2030-03-04", "2030-03-08"),
        ),
        (
            "Inspection dates: 4 to 8 March 2030",
            "Date of previous inspection: Not previously inspected",
            ("2030-03-04", "2030-03-08"),
        ),
        (
            "Inspection dates:\n4 to 8 March 2030",
            "Dates of previous inspection: 1 May 2025 to 5 May 2025",
            ("2030-03-04", "2030-03-08"),
        ),
        ("Inspection dates: 4 March 2030 to 8 March 2030", "", ("2030-03-04", "2030-03-08")),
        ("Inspection dates: 28 February to 4 March 2030", "", ("2030-02-28", "2030-03-04")),
        ("Inspection dates: 4 \u2013 8 March 2030", "", ("2030-03-04", "2030-03-08")),
        # The previous inspection's line printed first: still not the inspection's span.
        (
            "Dates of previous inspection: 1 to 5 May 2025\nInspection dates: 4 to 8 March 2030",
            "",
            ("2030-03-04", "2030-03-08"),
        ),
    ],
)
def test_the_previous_inspection_s_dates_are_never_the_span(
    dates: str, previous: str, want: tuple[str, str]
) -> None:
    check(Send(dates=dates, previous=previous), dates=want)


@pytest.mark.parametrize("outcome", ["positive", "inconsistent", "significant_concerns"])
def test_each_outcome_is_read_from_the_outcome_box(outcome: str) -> None:
    priority = PRIORITY if outcome == "significant_concerns" else ()
    assert not reviews(check(Send(outcome=outcome, priority=priority)))


def test_an_earlier_monitoring_inspection_named_in_the_body_is_not_the_outcome() -> None:
    earlier = (
        "At the monitoring inspection in 2028, inspectors found widespread and/or systemic "
        "failings leading to significant concerns about the area.\n"
    )
    check(Send(outcome="inconsistent", priority=(), body_extra=earlier))


# -- improvement tables ----------------------------------------------------------------------
def test_the_improvement_table_without_its_header_cell() -> None:
    assert not reviews(check(Send(repeated_header=False)))


@pytest.mark.parametrize(
    "improvements",
    [
        pytest.param(
            (
                "Leaders across the partnership should publish the local offer in plain "
                "language.\nThey should check that parents can find it easily.",
                "Leaders across the partnership should widen the choice of alternative "
                "provision.\nThe local area partnership should also review its plans.",
                "Leaders should check that annual reviews are held on time.",
            ),
            id="going-on-sentences",
        ),
        pytest.param(
            (
                "Leaders across the partnership should publish the local offer in plain "
                "language.\nMany families do not know where to find it.",
                "Leaders should check that annual reviews are held on time.",
            ),
            id="a-statement-after-the-request",
        ),
    ],
)
def test_a_row_s_sentence_that_starts_a_line_after_a_full_line_stays_in_its_row(
    improvements: tuple[str, ...],
) -> None:
    """Rows have no bullet and no blank line between them, and a cell holds several sentences:
    where the column's edge broke a row just after a full stop, the next sentence opens a line
    with a capital. It goes on with its row unless it opens a request of its own ("<Actor>
    should ..."); only a line the text ended short of the column's width ends a row anyway."""
    record = check(Send(improvements=improvements))
    texts = [item.text for item in record.recommendations[2:]]
    assert [t.split()[:3] for t in texts] == [i.split()[:3] for i in improvements]
    assert not reviews(record)


def test_a_row_ending_on_a_full_line_before_the_next_request_is_still_a_new_row() -> None:
    improvements = (
        "Leaders across the partnership should publish the local offer in the languages the\n"
        "families who live in the area speak, so that parents can find it in their language.",
        "Leaders should check that annual reviews are held on time.",
    )
    check(Send(improvements=improvements))


@pytest.mark.parametrize(
    "improvements",
    [
        pytest.param(
            (
                "Leaders across the partnership should improve how quickly plans are written, "
                "so that:\n\u2022 families know what support will be given\n\u2022 schools "
                "receive the plan before the new term.",
                "Leaders should check that annual reviews are held on time.",
            ),
            id="a-row-with-its-own-bullets",
        ),
        pytest.param(
            tuple(
                f"{n}. Leaders should {act}."
                for n, act in enumerate(
                    (
                        "publish the local offer",
                        "widen the choice of provision",
                        "hold annual reviews on time",
                        "review the transport policy",
                    ),
                    1,
                )
            ),
            id="numbered-rows",
        ),
        pytest.param(
            tuple(
                f"{n}.The local area partnership should {act}, so that families\n"
                "know what to expect."
                for n, act in enumerate(
                    ("publish the local offer", "widen the choice of provision"), 1
                )
            ),
            # A lost space glues each row's number to its first word ("1.The").
            id="numbers-glued-to-their-rows",
        ),
    ],
)
def test_row_shapes(improvements: tuple[str, ...]) -> None:
    check(Send(improvements=improvements))


def test_a_row_going_on_after_the_page_footer_is_one_item() -> None:
    report = Send()
    cut = "provision\nfor pupils"
    text = report.text()
    assert cut in text
    record = read(text.replace(cut, f"provision\n\n{FOOTER.format(n=9)}\n\ffor pupils"))
    assert len(record.recommendations) == 5
    assert record.recommendations[3].text.endswith("who cannot attend school full time.")


# -- inspection team -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lead", "want"),
    [
        ("Ada Quill, Ofsted HMI Lead inspector Ben Rook, CQC Lead inspector", "Ada Quill"),
        ("Ada Quill, Ofsted Lead inspector Ben Rook, CQC Lead inspector", "Ada Quill"),
        ("Ada Quill HMI, Ofsted lead inspector Ben Rook, CQC lead inspector", "Ada Quill"),
        ("Ada Quill, Ofsted HMI, lead inspector Ben Rook, CQC lead inspector", "Ada Quill"),
        ("Ada Quill, HMI Lead Ben Rook, CQC Lead", "Ada Quill"),
        # Layout and pdfplumber: "Inspector" wraps onto the next line on its own.
        ("Ada Quill, Ofsted HMI Lead Ben Rook, CQC Lead\nInspector", "Ada Quill"),
        ("Mr Ada Quill, Ofsted HMI Lead inspector Ben Rook, CQC Lead inspector", "Mr Ada Quill"),
        (
            "Dr Ada O\u2019Quill, Ofsted HMI Lead inspector Ben Rook, CQC Lead inspector",
            "Dr Ada O'Quill",
        ),
    ],
)
def test_lead_label_forms_in_the_team_table(lead: str, want: str) -> None:
    assert not reviews(check(Send(team=TEAM.format(lead=lead)), lead=want))


@pytest.mark.parametrize(
    "team",
    [
        # Plain pdftotext once prints the lead after the team members.
        "Inspection team\nOfsted\nCara Finch HMI, Ofsted\nCare Quality Commission\nDan Wren, CQC "
        "inspector\nAda Quill, Ofsted HMI Lead inspector\nBen Rook, CQC Lead inspector\n",
        # Two Ofsted people both labelled lead: the first.
        "Inspection team\nOfsted\nCare Quality Commission\n" + LEAD + "\nCara Finch, Ofsted HMI "
        "Lead inspector\nDan Wren, CQC inspector\n",
        # Column by column.
        "Inspection team\nOfsted\nAda Quill, Ofsted HMI Lead inspector\nCara Finch HMI, Ofsted\n"
        "Care Quality Commission\nBen Rook, CQC Lead inspector\n",
    ],
    ids=["after-members", "two-ofsted-leads", "columns"],
)
def test_team_orders(team: str) -> None:
    check(Send(team=team))


def test_a_team_without_a_lead_label_is_a_review_warning() -> None:
    team = "Inspection team\nOfsted\nCara Finch HMI, Ofsted\nDan Wren, CQC inspector\n"
    record = check(Send(team=team), lead=None)
    assert reviews(record) == {("lead_missing", "report.lead_inspector")}


# -- furniture -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "footer",
    [
        FOOTER,
        "Inspection report: Northwick Local Area Partnership\n4 to 8 March 2030\n{n}",
        "Area SEND Inspection report: Northwick Local Area Partnership\n4 to 8 March 2030\n{n}",
        "Area SEND inspection report: Northwick Local Area Partnership 4 to 8 March 2030\n{n}",
        "Area SEND inspection report: NORTHWICK Local Area Partnership\n4 to 8 March 2030 {n}",
    ],
)
def test_footer_forms_stay_out_of_the_items(footer: str) -> None:
    check(Send(footer=footer))


@pytest.mark.parametrize("bullet", ["\u25fc", "\u25aa", "\u2022"])
def test_section_bullets_are_not_items(bullet: str) -> None:
    check(Send(bullet=bullet))


# -- the priority-action table: rows naming different bodies ----------------------------------
_SHORT_ROWS = (
    "Leaders across the partnership should agree a shared plan for\n"
    "children who wait for an assessment of their needs.",
    "Leaders should make sure that plans are checked.",
    "Leaders should review the transport policy.",
)


def _priority_table(cells: str) -> str:
    """Short rows, so reading order gives the page's body cells as one run before the rows."""
    head = "Areas for priority action\nResponsible body\n"
    return f"{head}{cells}Areas for priority action\n" + "\n".join(_SHORT_ROWS) + "\n"


def test_a_run_of_different_bodies_is_one_cell_per_row() -> None:
    """ "Northwick Council", "NHS Fenland Integrated Care Board", then both: three rows. Read as
    one cell (the run split only where its first line came again), the three rows were one,
    with no warning."""
    report = Send(priority=_SHORT_ROWS)
    same = _priority_table(f"{BODY}\n\n" * 3)
    cells = (
        "Northwick Council\n\nNHS Fenland Integrated Care\nBoard\n\nNorthwick Council and NHS\n"
        "Fenland Integrated Care\nBoard\n\n"
    )
    text = report.text()
    assert same in text
    record = read(text.replace(same, _priority_table(cells)))
    assert len(record.recommendations) == 6
    assert [item.actor for item in record.recommendations[:3]] == [
        "Northwick Council",
        "NHS Fenland Integrated Care Board",
        "Northwick Council and NHS Fenland Integrated Care Board",
    ]
    assert not reviews(record)


def test_a_repeated_cell_naming_two_bodies_without_a_joining_word_stays_whole() -> None:
    """The run repeats its first line: cells by repetition, not at the first name's end."""
    report = Send(priority=_SHORT_ROWS)
    same = _priority_table(f"{BODY}\n\n" * 3)
    record = read(
        report.text().replace(same, _priority_table("Northwick Council\nNHS Fenland ICB\n\n" * 3))
    )
    assert len(record.recommendations) == 6
    assert {item.actor for item in record.recommendations[:3]} == {
        "Northwick Council NHS Fenland ICB"
    }
    assert not reviews(record)


def test_a_single_cell_naming_two_bodies_without_a_joining_word_is_a_doubt() -> None:
    """One row whose body names two organisations with no joining word reads as two cells for
    one row: a review warning, never a silent extra row."""
    rows = (_SHORT_ROWS[0],)
    report = Send(priority=rows)
    head = "Areas for priority action\nResponsible body\n"
    same = f"{head}{BODY}\n\nAreas for priority action\n{rows[0]}\n"
    text = report.text()
    assert same in text
    cell = "Northwick Council\nNHS Fenland ICB\n\n"
    record = read(text.replace(same, f"{head}{cell}Areas for priority action\n{rows[0]}\n"))
    assert len(record.recommendations) == 4
    assert ("improvement_table_rows_unsure", "recommendations") in reviews(record)


# -- column layout (pdftotext -layout): the rows' padding is lost, as in reading order ------
_LAYOUT_FOOTER = (
    "Area SEND inspection report: Northwick Local Area Partnership\n4 to 8 March 2030"
    + " " * 60
    + "{n}"
)
_LAYOUT_TEAM = (
    "Inspection team\n\nOfsted" + " " * 40 + "Care Quality Commission\n"
    "Ada Quill, Ofsted HMI Lead inspector" + " " * 12 + "Ben Rook, CQC Lead inspector\n"
    "Cara Finch HMI, Ofsted" + " " * 26 + "Dan Wren, CQC inspector\n"
)


@pytest.mark.parametrize(
    "improvements",
    [
        IMPROVEMENTS,
        (
            "Leaders across the partnership should publish the local offer in plain language.\n"
            "They should check that parents can find it easily.",
            "Leaders across the partnership should widen the choice of alternative provision.\n"
            "The local area partnership should also review its plans.",
            "Leaders should check that annual reviews are held on time.",
        ),
        (
            "Leaders across the partnership should publish the local offer in plain language.\n"
            "Many families do not know where to find it.",
            "Leaders should check that annual reviews are held on time.",
        ),
    ],
    ids=["template", "going-on-sentences", "a-statement-after-the-request"],
)
def test_layout_text_one_column_rows_keep_their_later_sentences(
    improvements: tuple[str, ...],
) -> None:
    report = Send(
        outcome="inconsistent",
        priority=(),
        improvements=improvements,
        footer=_LAYOUT_FOOTER,
        team=_LAYOUT_TEAM,
    )
    record = check(report)
    assert record.source.text_layout == "layout"
    assert not reviews(record)
