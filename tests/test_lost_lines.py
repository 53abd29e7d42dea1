"""A converter that loses or cuts a line of page 1 (synthetic "Northwick" reports written here,
never real text). What the lost line held is missing or in doubt, and the record says so on
the field it concerns; a neighbour's value is never taken in its place (`scripts/
substitution.py --probe drop` runs the same on the corpus)."""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.record import Record

HEAD = (
    "Northwick\nInspection of children's social care services\n"
    "Inspection dates: {dates}\nLead inspector: Ada Quill\n\n"
)
DATES_2024 = "3 June 2024 to 14 June 2024"
DATES_2026 = "2 March 2026 to 13 March 2026"
FOUR = (
    ("The impact of leaders on social work practice with children and families", "Good"),
    (
        "The experiences and progress of children who need help and protection",
        "Requires improvement to be good",
    ),
    ("The experiences and progress of children in care", "Inadequate"),
    ("The experiences and progress of care leavers", "Good"),
)
OVERALL = ("Overall effectiveness", "Requires improvement to be good")
BODY = (
    "What needs to improve\n"
    "\u25fc The timeliness of plans made for children who wait for a decision.\n"
    "\u25fc The quality of supervision recorded for frontline staff.\n\n"
    "The experiences and progress of children who need help and protection\n"
    "1. Families in Northwick get help early from a team that knows the area well.\n"
    "2. Social workers visit children often and write down what children tell them.\n"
)


def _record(rows: list[tuple[str, str]], dates: str = DATES_2024, cells: str = "") -> Record:
    table = cells or "".join(f"{label}\n\n{grade}\n\n" for label, grade in rows)
    text = HEAD.format(dates=dates) + "Judgement\nGrade\n" + table + "\f" + BODY
    return inspectparse.extract(text.encode("utf-8"))


def _flagged(record: Record, code: str) -> set[str]:
    return {w.field for w in record.warnings if w.code == code and w.severity == "review"}


def test_a_grade_cell_that_lost_its_first_word_keeps_its_row_and_gives_no_grade() -> None:
    # "Requires" / "improvement to be" / "good" with its first line lost: the tail is no
    # "good", and the rows after it keep their own grades.
    cells = (
        f"{FOUR[0][0]}\n\nGood\n\n{FOUR[1][0]}\n\nimprovement to be\ngood\n\n"
        f"{FOUR[2][0]}\n\nInadequate\n\n{FOUR[3][0]}\n\nGood\n\n{OVERALL[0]}\n\nGood\n\n"
    )
    record = _record([], cells=cells)
    assert "help_and_protection" not in record.grades
    assert record.grades == {
        "impact_of_leaders": "good",
        "children_in_care": "inadequate",
        "care_leavers": "good",
        "overall_effectiveness": "good",
    }
    assert "judgements.help_and_protection" in _flagged(record, "judgement_grade_cut")


def test_a_grade_set_across_its_label_s_lines_is_one_cell() -> None:
    # A cell centred on a wrapped label: its head above the label, its tail below.
    cells = "".join(f"{label}\n\n{grade}\n\n" for label, grade in FOUR)
    cells += f"Requires improvement\n{OVERALL[0]}\nto be good\n\n"
    record = _record([], cells=cells)
    assert record.grades["overall_effectiveness"] == "requires_improvement"
    overall = next(j for j in record.judgements if j.key == "overall_effectiveness")
    assert overall.grade_text == "Requires improvement to be good"
    assert not _flagged(record, "judgement_pairing_ambiguous")


def test_a_lost_label_line_flags_the_judgement_it_may_have_been() -> None:
    # The overall row's label is lost and its grade cell is left: five cells for four labels.
    # Nothing is paired by position, and overall effectiveness, which the report may have
    # had (only the 2026 format lacks it), is in doubt too.
    cells = "".join(f"{label}\n\n{grade}\n\n" for label, grade in FOUR) + f"{OVERALL[1]}\n\n"
    record = _record([], cells=cells)
    ambiguous = _flagged(record, "judgement_pairing_ambiguous")
    # A grade read elsewhere (here each label's next line) is still flagged on its key.
    assert {f"judgements.{key}" for key in record.grades} <= ambiguous
    assert "judgements.overall_effectiveness" in ambiguous
    # Keys no era with these four labels has are not flagged.
    assert "judgements.children_in_care_and_care_leavers" not in _flagged(
        record, "judgement_pairing_ambiguous"
    )


def test_a_report_without_an_overall_row_before_that_format_began_is_flagged() -> None:
    # The whole overall row lost: the text reads as the 2026 format, which had not begun.
    record = _record(list(FOUR), dates=DATES_2024)
    assert "overall_effectiveness" not in record.grades
    assert _flagged(record, "judgement_era_unsure") == {"judgements.overall_effectiveness"}


def test_a_2026_report_without_an_overall_grade_is_not_flagged() -> None:
    record = _record(list(FOUR), dates=DATES_2026)
    assert record.report.variant == "no_overall"
    assert not _flagged(record, "judgement_era_unsure")
    assert len(record.grades) == 4


def test_a_four_judgement_report_with_all_its_rows_is_not_flagged() -> None:
    record = _record([*FOUR, OVERALL], dates=DATES_2024)
    assert not _flagged(record, "judgement_era_unsure")
    assert record.grades["overall_effectiveness"] == "requires_improvement"


def test_a_label_cut_into_another_era_s_label_is_flagged() -> None:
    # Column-laid text: "... children in care and care" / "leavers" with the second line
    # lost. The cut label reads as the 2023 format's "children in care"; the judgement that
    # era has beside it (care leavers) is missing, so the era is in doubt, and the judgement
    # read from the cut label is flagged, not only the missing one.
    rows = [
        ("The impact of leaders on social work practice", "Good"),
        ("with children and families", ""),
        ("", ""),
        ("The experiences and progress of children who", "Good"),
        ("need help and protection", ""),
        ("", ""),
        ("The experiences and progress of children in care and care", "Requires improvement"),
        ("", ""),
        (OVERALL[0], OVERALL[1]),
    ]
    table = "".join(f" {label:<62}{grade}".rstrip() + "\n" for label, grade in rows)
    text = (
        HEAD.format(dates=DATES_2024)
        + f" Judgement{' ' * 54}Grade\n\n"
        + table
        + "\n Since the last inspection, services in Northwick have improved for most\n"
        + " children and their families across the area.\n\f"
        + BODY
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.source.text_layout == "layout"
    assert record.grades.get("children_in_care") == "requires_improvement"
    assert "judgements.children_in_care" in _flagged(record, "judgement_era_unsure")
    assert "judgements.care_leavers" in _flagged(record, "judgement_missing")
    # A judgement every candidate era grades is not in doubt.
    assert "judgements.overall_effectiveness" not in _flagged(record, "judgement_era_unsure")


def test_a_provider_s_abbreviation_in_brackets_is_no_part_of_its_name() -> None:
    text = (
        "6 June 2031\n\nDear Director\n\n"
        "This letter summarises the findings of the focused visit to Northwick and Eastbury "
        "(NAE)\nchildren's services on 27 and 28 April 2031. His Majesty's Inspectors for this "
        "visit were\nAda Quill and Sam Other.\n\nAreas for priority action\n\n"
        "\u25fc The timeliness of visits to children who are at risk of harm.\n\n"
        "Yours sincerely\n"
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.report.kind == "ilacs_focused_visit"
    assert record.report.provider == "Northwick and Eastbury"


JTAI_HEAD = (
    "14 November 2031\n\nDear local partnership\n\n"
    "Joint targeted area inspection of the multi-agency response to children living with\n"
    "neglect in Northwick\n\n"
    "Between 8 October 2031 and 12 October 2031, Ofsted, the Care Quality Commission and His\n"
    "Majesty's Inspectorate of Constabulary carried out a joint inspection of the response\n"
    "to children living with neglect in Northwick.\n\n"
    "Areas for improvement\n"
    "Leadership and management\n"
    "\u25fc Leaders do not yet check how well partners share what they know about a child.\n"
)


@pytest.mark.parametrize("after_title", ["\n", "\n\n"])
def test_a_topic_left_without_its_item_does_not_end_the_list(after_title: str) -> None:
    # The topic's one item is lost: its title stands straight above the next topic's title,
    # which text reads as a heading or, set on the next line, as a line of text.
    text = JTAI_HEAD + (
        "\nThe Northwick Safeguarding Children Partnership\n\n"
        f"Identifying and managing risk at the front door{after_title}"
        "\u25fc Referrals from schools often lack what social workers need to know.\n"
        "\u25fc Some strategy meetings are held without the police taking part.\n\n"
        "Next steps\n"
        "The partnership should prepare a written statement of proposed action.\n\n"
        "Yours sincerely\n"
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.report.kind == "jtai"
    assert len(record.recommendations) == 3


def test_a_list_after_two_titles_that_open_a_new_part_still_ends() -> None:
    # Titles naming what went well open a new part, stacked or not.
    text = JTAI_HEAD + (
        "Strengths\n"
        "Practice with families\n"
        "\u25fc Social workers know the children they work with well.\n\n"
        "Yours sincerely\n"
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert len(record.recommendations) == 1


NUMBERED_HEAD = (
    "Northwick\nInspection of services for children in need of help and protection, children\n"
    "looked after and care leavers\nInspection date: 3 March 2031 to 27 March 2031\n"
    "Report published: 2 May 2031\n\n"
)
# The summary table's numbered labels, which can pass for the start of the numbering.
NUMBERED_TABLE = (
    "1. Children who need help and protection\n\nGood\n\n"
    "2. Children looked after and achieving permanence\n\nGood\n\n"
    "3. Leadership, management and governance\n\nGood\n\n"
)
NUMBERED_SUMMARY = (
    "\fExecutive summary\nChildren in Northwick are seen promptly and most plans are clear.\n\n"
)
NUMBERED_ITEMS = {
    1: "Improve the quality of plans so that each child has a clear plan.",
    2: "Ensure that managers record the reasons for their decisions.",
    3: "Reduce the number of changes of social worker for children in care.",
    4: "Improve the help given to care leavers who look for a home of their own.",
    5: "Make sure that return interviews are offered to every missing child.",
}


def _paragraphs(numbers: range) -> str:
    return "".join(
        f"{n}.\n\nSocial workers in Northwick listen to children, as inspectors saw on day {n}.\n\n"
        for n in numbers
    )


def _numbered_report(numbers: list[int], table: str = NUMBERED_TABLE, above: str = "") -> Record:
    items = "".join(f"{n}.\n\n{NUMBERED_ITEMS[n]}\n\n" for n in numbers)
    text = (
        NUMBERED_HEAD
        + table
        + NUMBERED_SUMMARY
        + above
        + "Recommendations\n"
        + items
        + "Summary for children and young people\n\n"
        + _paragraphs(range(numbers[-1] + 1, numbers[-1] + 9))
    )
    return inspectparse.extract(text.encode("utf-8"))


def test_a_numbered_list_that_skips_keeps_the_item_before_the_jump_and_says_so() -> None:
    # Item 2 lost: the paragraph numbering may run 1, 2 (the summary table's labels), 3, ...
    # and leave item 1 without its number; its printed number still makes it an item.
    record = _numbered_report([1, 3, 4, 5])
    assert [r.number for r in record.recommendations] == [1, 3, 4, 5]
    assert record.recommendations[0].text == NUMBERED_ITEMS[1]
    gaps = [w for w in record.warnings if w.code == "improvement_list_numbering_gap"]
    assert gaps and gaps[0].field == "recommendations" and "from 1 to 3" in gaps[0].message


def test_a_whole_numbered_list_gives_no_gap_warning() -> None:
    record = _numbered_report([1, 2, 3, 4, 5])
    assert [r.number for r in record.recommendations] == [1, 2, 3, 4, 5]
    assert not [w for w in record.warnings if w.code == "improvement_list_numbering_gap"]


def test_a_title_line_printed_twice_gives_no_provider_run_into_its_copy() -> None:
    # Text overprinted to look bold comes out of some converters twice: a provider read after
    # the first "Inspection of" ran on into the copy ("Northwick and Inspection of Northwick
    # and Eastbury"), silently. It is no name; the provider is missing, and flagged.
    first = "Inspection of Northwick and\n"
    text = (
        first
        + first
        + "Eastbury local authority children's services\n"
        + "Inspection dates: 3 June 2024 to 14 June 2024\nLead inspector: Ada Quill\n\n"
        + "Judgement\nGrade\n"
        + "".join(f"{label}\n\n{grade}\n\n" for label, grade in [*FOUR, OVERALL])
        + "\f"
        + BODY
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.report.kind == "ilacs"
    assert record.report.provider is None
    assert "report.provider" in {w.field for w in record.warnings if w.severity == "review"}
    # Printed once, the wrapped title gives the name.
    once = inspectparse.extract(text.replace(first, "", 1).encode("utf-8"))
    assert once.report.provider == "Northwick and Eastbury"


def _sif_list(items: str, first_body: int) -> Record:
    """A SIF-like report whose numbered list is `items` (text as a converter gives it)."""
    text = (
        NUMBERED_HEAD
        + NUMBERED_TABLE
        + NUMBERED_SUMMARY
        + "Recommendations\n"
        + items
        + "Summary for children and young people\n\n"
        + _paragraphs(range(first_body, first_body + 8))
    )
    return inspectparse.extract(text.encode("utf-8"))


def _around_a_gap(between: str) -> str:
    """Items 1, 2, 4 and 5 of the list with `between` where item 3 was."""
    return "".join(
        f"{n}.\n\n{NUMBERED_ITEMS[n]}\n\n" + (between if n == 2 else "") for n in (1, 2, 4, 5)
    )


def _review(record: Record, code: str) -> bool:
    return any(w.code == code and w.severity == "review" for w in record.warnings)


def test_item_numbers_left_apart_from_their_items_are_a_review_warning() -> None:
    # A run of numbers before the items (reading order) that cannot be paired with them in
    # order (three numbers, two item texts): the items are not read as the list's.
    items = (
        "1.\n\n2.\n\n3.\n\n"
        f"{NUMBERED_ITEMS[1]}\n\n{NUMBERED_ITEMS[2]} It is to be done at once, and checked.\n"
        "Managers are to report on it every month.\n\n"
    )
    record = _sif_list(items, 4)
    assert len(record.recommendations) < 3
    assert _review(record, "improvement_list_numbers_apart")


def test_the_summary_table_s_numbered_labels_never_stand_in_for_lost_items() -> None:
    # Item 3 lost: a run 1, 2, 3 (the page-1 table's labels) then 4, 5 (the list) outscored the
    # list's own 1, 2, so the labels became paragraphs 1-3 and the list's first items were
    # lost. A numbered title is rarely a paragraph; the list keeps its items, and what it lost
    # is flagged on it.
    record = _sif_list(_around_a_gap("Children in care\n"), 6)
    labels = {line.split(". ", 1)[1] for line in NUMBERED_TABLE.split("\n\n") if ". " in line}
    assert not [p.number for p in record.paragraphs if p.text in labels]
    assert [(r.number, r.text) for r in record.recommendations][:2] == [
        (1, NUMBERED_ITEMS[1]),
        (2, NUMBERED_ITEMS[2]),
    ]
    assert len(record.recommendations) == 4 or _review(record, "improvement_list_end_unsure")


def test_a_topic_left_without_its_item_flags_where_the_numbered_list_stopped() -> None:
    # "Children in care" lost its one item (3.); the next topic's item goes on at 4. The list
    # may stop at the first title, but never without a review warning on the list.
    record = _sif_list(_around_a_gap("Children in care\n\nCare leavers\n"), 6)
    assert [r.number for r in record.recommendations][:2] == [1, 2]
    assert len(record.recommendations) == 4 or _review(record, "improvement_list_end_unsure")


def test_a_topic_followed_by_a_number_left_alone_stays_in_the_list() -> None:
    # The item's number left alone after the topic title (its text lost or elsewhere): the
    # title is still a topic, the list goes on past it, and the lone number is flagged.
    record = _sif_list(_around_a_gap("Children in care\n3.\n\n"), 6)
    assert [r.number for r in record.recommendations][:2] == [1, 2]
    assert 5 in [r.number for r in record.recommendations]
    assert _review(record, "improvement_list_numbers_apart")


def test_a_topic_title_is_never_given_a_lost_item_s_number() -> None:
    # Item 6 lost: the numbering jumps 5 -> 7 over a topic title at the top of a page (read as
    # a line of text there). Filling the gap, the title became item 6, silently; a title is no
    # paragraph, so the gap stays a gap.
    items = "".join(f"{n}.\n\n{NUMBERED_ITEMS[n]}\n\n" for n in range(1, 6))
    items += "\n4\n\n\fChildren in care\n7.\n\n"
    items += "Review the support given to children who go missing.\n\n"
    record = _sif_list(items, 8)
    assert "Children in care" not in [r.text for r in record.recommendations]
    assert not [p for p in record.paragraphs if p.number == 6]


@pytest.mark.parametrize(
    "lead",
    [
        "Lead\ninspector: Ada Quill\n",
        "Lead\ninspector: Ada Quill, His\nMajesty's Inspector\n",
    ],
)
def test_a_lead_label_broken_inside_its_words_keeps_its_value(lead: str) -> None:
    # A narrower layout or converter breaks the line after "Lead": the value was lost (with
    # a review warning); the label's two parts are one label.
    text = (
        "Northwick\nInspection of children's social care services\n"
        f"Inspection dates: {DATES_2024}\n{lead}\nJudgement\nGrade\n"
        + "".join(f"{label}\n\n{grade}\n\n" for label, grade in [*FOUR, OVERALL])
        + "\f"
        + BODY
    )
    record = inspectparse.extract(text.encode("utf-8"))
    assert record.report.lead_inspector == "Ada Quill"
    assert not [w for w in record.warnings if w.field == "report.lead_inspector"]
