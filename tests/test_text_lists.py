"""Improvement lists in text without fonts (converted text): topic subheadings and lead-ins.

Synthetic "Northwick" reports written here, never real report text. A PDF tells a topic
subheading from a new section by its lighter font; text has no fonts, so the rules read the
numbering and the wording instead.
"""

from __future__ import annotations

import inspectparse
from inspectparse.classify.recommendations import _end_unsure, _list_end
from inspectparse.document import Line
from inspectparse.profiles import get as get_profile
from inspectparse.record import Record
from inspectparse.segment import Block
from report_parts import complete

HEAD = (
    "Northwick\n"
    "Inspection of services for children in need of help and protection, children looked "
    "after and care leavers\n"
    "Inspection dates: 3 March 2031 to 27 March 2031\nLead inspector: Ada Quill\n\n"
    "Summary of findings\n"
    "1. Children in Northwick get help early from a team that knows the area well.\n"
    "2. Managers check the quality of work and act quickly when it is not good enough.\n\n"
)


def _record(text: str) -> Record:
    return inspectparse.extract(complete(text).encode("utf-8"))


def _numbers(record: Record) -> list[int | None]:
    return [item.number for item in record.recommendations]


def _list_warnings(record: Record) -> list[str]:
    return [w.code for w in record.warnings if w.field == "recommendations"]


def test_topic_subheading_before_the_next_number_keeps_the_list_going() -> None:
    record = _record(
        HEAD + "What does the local authority need to improve?\n"
        "Priority and immediate action\n"
        "Staffing\n"
        "3. Ensure that every team has enough managers to review the work of staff.\n"
        "4. Ensure that every child who goes missing is offered a visit on return.\n"
        "Areas for improvement\n"
        "Planning for children\n"
        "5. Improve the timeliness of plans for children who wait for a decision.\n"
        "Records and data\n"
        "6. Improve the quality of records so that they show the child's history.\n"
        "The local authority's strengths\n"
        "7. Partners share information promptly so that risks to children are understood.\n"
    )
    assert _numbers(record) == [3, 4, 5, 6]
    assert [item.kind for item in record.recommendations][:2] == ["priority_action"] * 2
    assert _list_warnings(record) == []


def test_heading_whose_number_does_not_follow_on_ends_the_list_for_review() -> None:
    blocks = _blocks(
        ("heading", "Areas for improvement", None),
        ("text", "Improve the timeliness of plans for children who wait.", 3),
        ("text", "Improve the quality of records so that they show history.", 4),
        ("heading", "About the area", None),
        ("text", "The area has a growing population of children.", 40),
    )
    profile = get_profile("sif")
    assert profile is not None
    heading = profile.list_headings[-2]
    assert _list_end(blocks, 0, heading, profile, tables=False) == 3
    assert _end_unsure(blocks, 0, 3, profile)


def test_list_ending_at_a_new_part_title_is_not_in_doubt() -> None:
    blocks = _blocks(
        ("heading", "Areas for improvement", None),
        ("text", "Improve the timeliness of plans for children who wait.", 3),
        ("heading", "The local authority's strengths", None),
        ("text", "Partners share information promptly.", 4),
    )
    profile = get_profile("sif")
    assert profile is not None
    heading = profile.list_headings[-2]
    assert _list_end(blocks, 0, heading, profile, tables=False) == 2
    assert not _end_unsure(blocks, 0, 2, profile)


def test_lead_in_naming_strengths_ends_the_list() -> None:
    record = _record(
        HEAD + "Areas for improvement\n"
        "3. Improve the timeliness of plans for children who wait for a decision.\n"
        "4. Improve the quality of records so that they show the child's history.\n\n"
        "The local authority has the following strengths:\n"
        "5. Social workers visit children often and write down what they say.\n"
        "6. Carers are well supported by a team that answers calls quickly.\n"
    )
    assert _numbers(record) == [3, 4]


def test_unnumbered_title_naming_strengths_ends_the_list() -> None:
    record = _record(
        HEAD + "Areas for improvement\n"
        "3. Improve the timeliness of plans for children who wait for a decision.\n"
        "4. Improve the quality of records so that they show the child's history.\n\n"
        "Key strengths and weaknesses of the board\n"
        "5. The board has a clear protocol that sets out how partners work together.\n"
    )
    assert _numbers(record) == [3, 4]


def test_title_naming_a_judgement_is_a_new_part_not_a_topic() -> None:
    record = _record(
        HEAD + "Areas for improvement\n"
        "3. Improve the timeliness of plans for children who wait for a decision.\n"
        "4. Improve the quality of records so that they show the child's history.\n"
        "Inspection judgement about the board\n"
        "5. The board started from a low base and has improved steadily since.\n"
    )
    assert _numbers(record) == [3, 4]


def _blocks(*spec: tuple[str, str, int | None]) -> list[Block]:
    """Blocks of text without fonts (bold None), as the segment stage gives them."""
    return [
        Block(kind, [Line(text, page=1, index=k)], text, number)  # type: ignore[arg-type]
        for k, (kind, text, number) in enumerate(spec)
    ]


def test_page_number_left_between_a_subheading_and_its_item_is_passed_over() -> None:
    # A converter reading in order can leave a page's number between a subheading and the
    # item after it ("Topic", "4", "9. ...") where the cleaner cannot tell it is a footer.
    blocks = _blocks(
        ("heading", "Areas for improvement", None),
        ("text", "Improve the timeliness of plans for children who wait.", 8),
        ("heading", "Records and data", None),
        ("text", "4", None),
        ("text", "Improve the quality of records so that they show history.", 9),
        ("heading", "The local authority's strengths", None),
        ("text", "Partners share information promptly.", 10),
    )
    profile = get_profile("sif")
    assert profile is not None
    heading = profile.list_headings[-2]
    assert heading.pattern == "Areas for improvement"
    assert _list_end(blocks, 0, heading, profile, tables=False) == 5


def test_topic_subheadings_over_bullets_in_a_list_without_numbers_keep_it_going() -> None:
    blocks = _blocks(
        ("heading", "Areas for improvement", None),
        ("heading", "Data and reporting", None),
        ("bullet", "\u2022 Ensure that partners send the board timely information.", None),
        ("bullet", "\u2022 Ensure that the annual report assesses every partner.", None),
        ("heading", "Training", None),
        ("bullet", "\u2022 Ensure that learning from reviews reaches staff.", None),
        ("heading", "Summary for children and young people", None),
        ("bullet", "\u2022 Inspectors found that the board needs to improve.", None),
    )
    profile = get_profile("sif")
    assert profile is not None
    heading = profile.list_headings[-2]
    assert _list_end(blocks, 0, heading, profile, tables=False) == 6


def test_heading_over_bullets_after_numbered_items_ends_the_list() -> None:
    blocks = _blocks(
        ("heading", "Areas for improvement", None),
        ("text", "Improve the timeliness of plans for children who wait.", 8),
        ("heading", "About the area", None),
        ("bullet", "\u2022 The area has a growing population of children.", None),
    )
    profile = get_profile("sif")
    assert profile is not None
    heading = profile.list_headings[-2]
    assert _list_end(blocks, 0, heading, profile, tables=False) == 2


def test_jump_in_a_text_list_numbering_is_flagged_for_review() -> None:
    record = _record(
        HEAD + "Areas for improvement\n"
        "3. Improve the timeliness of plans for children who wait for a decision.\n"
        "4. Improve the quality of records so that they show the child's history.\n"
        "6. Ensure that carers are told about the help that they can get.\n"
    )
    assert _numbers(record) == [3, 4, 6]
    assert "improvement_list_numbering_gap" in _list_warnings(record)


def test_consecutive_text_list_carries_no_numbering_warning() -> None:
    record = _record(
        HEAD + "Areas for improvement\n"
        "3. Improve the timeliness of plans for children who wait for a decision.\n"
        "4. Improve the quality of records so that they show the child's history.\n"
    )
    assert _numbers(record) == [3, 4]
    assert "improvement_list_numbering_gap" not in _list_warnings(record)


# -- a known heading broken over two lines -----------------------------------------------------
_LETTER = (
    "14 November 2031\n\nDear partners\n\n"
    "Joint targeted area inspection of the multi-agency response to children living with\n"
    "neglect in Northwick\n\n"
    "Between 8 October 2031 and 12 October 2031, Ofsted and others carried out a joint\n"
    "inspection of the response to children living with neglect in Northwick.\n\n"
    "Partners in Northwick share what they know about each child promptly and well.\n"
    "{heading}\n"
    "\u25fc The timeliness of health assessments for children who live with neglect.\n"
    "\u25fc The quality of referrals that partners make to children’s social care.\n\n"
    "Yours sincerely\n"
)


def test_a_known_list_heading_broken_over_two_lines_still_heads_its_list() -> None:
    whole = _record(_LETTER.format(heading="What needs to improve?"))
    assert len(whole.recommendations) == 2
    for cut in ("What\nneeds to improve?", "What needs\nto improve?", "What needs to\nimprove?"):
        record = _record(_LETTER.format(heading=cut))
        assert [r.text for r in record.recommendations] == [
            r.text for r in whole.recommendations
        ], cut


def test_a_label_over_three_lines_is_not_cut_into_a_known_heading_after_two() -> None:
    # "The experiences and progress of children.*" is a known heading: the first two lines of
    # the label match it, but the third goes on in lower case, so they are no heading.
    text = (
        HEAD + "The experiences and progress of\nchildren who need help and\nprotection\n\n"
        "Requires improvement\n"
    )
    record = _record(text)
    assert not any(
        s.title == "The experiences and progress of children who need help and"
        for s in record.sections
    )


# A list under a heading the rules do not know loses its items from the count: a review
# warning on `recommendations` says so, whether or not another list was read.
_PRIORITY = (
    "Priority and immediate action\n"
    "3. Ensure that every team has enough managers to review the work of staff.\n"
    "4. Ensure that every child who goes missing is offered a visit on return.\n"
)
_UNKNOWN_LIST = (
    "Information about this local authority area\n"
    "5. Northwick has a growing population of children and young people.\n"
    "{heading}\n"
    "6. Improve the timeliness of plans for children who wait for a decision.\n"
    "7. Strengthen the oversight of managers so that drift is seen early.\n"
    "8. The partnership to ensure that records show the child's history.\n"
    "Summary for children and young people\n"
    "9. Children told inspectors that their social workers listen to them.\n"
)


def _after_the_lists(section: str) -> Record:
    """The report with its priority list, then a section of prose, then `section`."""
    return _record(HEAD + _PRIORITY + _UNKNOWN_LIST.split("{heading}")[0] + section)


def test_instructions_under_a_heading_no_profile_knows_are_a_review_warning() -> None:
    record = _record(HEAD + _PRIORITY + _UNKNOWN_LIST.format(heading="Actions needed"))
    assert _numbers(record) == [3, 4]
    assert _list_warnings(record) == ["improvement_list_unread"]
    unread = next(w for w in record.warnings if w.code == "improvement_list_unread")
    assert "'Actions needed'" in unread.message
    assert unread.severity == "review"


def test_a_heading_worded_like_a_list_heading_is_a_review_warning() -> None:
    record = _record(HEAD + _PRIORITY + _UNKNOWN_LIST.format(heading="Areas for development"))
    assert "improvement_list_unread" in _list_warnings(record)


def test_a_known_list_heading_over_the_same_instructions_gives_no_warning() -> None:
    record = _record(HEAD + _PRIORITY + _UNKNOWN_LIST.format(heading="Areas for improvement"))
    assert _numbers(record) == [3, 4, 6, 7, 8]
    assert _list_warnings(record) == []


def test_findings_under_an_unknown_heading_are_prose_not_a_list() -> None:
    findings = (
        "Practice with families\n"
        "6. Social workers visit children often and write down what they say.\n"
        "7. Managers review plans every month and act when they drift.\n"
        "8. The partnership shares information promptly so that risks are understood.\n"
    )
    record = _after_the_lists(findings)
    assert _numbers(record) == [3, 4]
    assert _list_warnings(record) == []


def test_a_single_instruction_under_an_unknown_heading_reads_as_prose() -> None:
    # One paragraph opening with a verb is no run: "Review of cases ..." or "Work with ..." may
    # open a finding too.
    one = "Next stages\n6. Review all cases where plans have drifted.\n"
    record = _after_the_lists(one)
    assert _list_warnings(record) == []


def test_a_contents_entry_of_the_list_heading_is_no_list_read() -> None:
    """A table of contents names "Recommendations"; where the list itself is printed under a
    heading the rules do not know, no list was read, and the framework always gives one."""
    contents = "Contents\nRecommendations\nSummary for children and young people\n\n"
    text = HEAD.replace("Summary of findings\n", contents + "Summary of findings\n")
    record = _record(text + _UNKNOWN_LIST.format(heading="Actions needed"))
    assert record.recommendations == []
    assert "improvement_list_missing" in _list_warnings(record)


def test_reads_as_instruction() -> None:
    from inspectparse.classify.list_lines import reads_as_instruction

    for text in (
        "Ensure that plans are reviewed.",
        "3. Improve the timeliness of plans.",
        "• Urgently strengthen oversight.",
        "With partners, develop a strategy for early help.",
        "Leaders should make sure that plans are reviewed.",
        "The board to ensure that audits are completed.",
        "The local safeguarding partnership must publish its plan.",
        "Assessments of the needs of children in care need to be completed on time.",
        "Professional, reflective supervision needs to be embedded.",
        "Urgently progress plans to recruit a permanent head of service.",
    ):
        assert reads_as_instruction(text), text
    for text in (
        "The board demonstrates a clear understanding of risk.",
        "Social workers visit children often.",
        "Managers review plans every month.",
        "Review of cases shows that plans are followed.",
        "The role of GPs in recognising and taking steps to reduce harm was strong.",
        "Further work is under way to recruit carers.",
        "In most cases, plans are reviewed on time.",
    ):
        assert not reads_as_instruction(text), text


def test_two_blocks_under_an_unknown_heading_must_both_be_instructions() -> None:
    """A run of two is a list only if both read as instructions (two thirds of two is both)."""
    mixed = (
        "Practice with families\n"
        "6. Improve the timeliness of plans for children who wait for a decision.\n"
        "7. Managers review plans every month and act when they drift.\n"
        "Summary for children and young people\n"
        "8. Children told inspectors that their social workers listen to them.\n"
    )
    assert _list_warnings(_after_the_lists(mixed)) == []
    both = mixed.replace("7. Managers review plans", "7. Review plans")
    record = _after_the_lists(both)
    assert _list_warnings(record) == ["improvement_list_unread"]
