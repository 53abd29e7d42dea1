"""Bullet glyphs that a reading-order converter set apart from their items (synthetic
"Northwick" letters written here, never real report text).

Plain `pdftotext` puts a list's glyph on the line before its item, often with a blank line
between; pdfminer-based converters (markitdown) gather a page's glyphs into a run before or
after the paragraphs they mark. The loader puts each glyph back on its item only where the
order and the counts say which item it marks; a glyph left over is reported on the list.
"""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.load.text import load_text
from inspectparse.record import Record
from report_parts import complete

GLYPH = "\uf06e"  # how a Wingdings bullet reaches converted text
HEAD = (
    "12 December 2031\n\nDear Northwick Safeguarding Children Partnership\n\n"
    "Joint targeted area inspection of the multi-agency response to neglect in Northwick\n\n"
    "Between 3 November 2031 and 7 November 2031, Ofsted and three other inspectorates looked\n"
    "at how well agencies in Northwick work together to protect children.\n\n"
    "Key strengths\n\nPartners meet weekly to plan the help that families are offered.\n\n"
)
ITEMS = (
    "Strategy meetings do not always include the school nurse, so health knowledge is\n"
    "missed when the risk to a child is first weighed.",
    "Records kept by the housing team do not show who else is working with a family.",
    "When a child moves school, the receiving school is not always told about concerns.",
    "Police notices reach the youth service late, which delays its first assessment.",
)
FOOTER = "\nNorthwick joint inspection letter\n"
TAIL = "Next steps\n\nThe partnership should write a plan that says how it will act on it.\n"


def _record(text: str) -> Record:
    return inspectparse.extract(complete(text).encode("utf-8"))


def _texts(record: Record) -> list[str]:
    return [item.text for item in record.recommendations]


def _flat(item: str) -> str:
    return " ".join(item.split())


def _list_warnings(record: Record) -> list[str]:
    return [w.code for w in record.warnings if w.field == "recommendations"]


def _page_lines(text: str, page: int) -> list[str]:
    return [ln.text for ln in load_text(text.encode()).pages[page].lines]


def _reads_every_item(text: str) -> None:
    """The report's list reads as `ITEMS`, whole, with no doubt raised on it."""
    record = _record(text)
    assert _texts(record) == [_flat(item) for item in ITEMS]
    assert _list_warnings(record) == []


def test_a_glyph_on_the_line_before_its_item_joins_it() -> None:
    """pdftotext's shape: glyph, blank line, item; a page-top glyph too (its lone glyph line
    would otherwise repeat at the top of pages like a running header)."""
    page1 = "Areas for improvement\n\n" + "".join(f"{GLYPH}\n\n{item}\n\n" for item in ITEMS[:2])
    page2 = "".join(f"{GLYPH}\n\n{item}\n\n" for item in ITEMS[2:]) + TAIL
    _reads_every_item(HEAD + page1 + FOOTER + "1\n\f" + page2 + FOOTER + "2\n")


def test_a_lead_in_above_a_glyph_stays_text_and_lower_case_items_join() -> None:
    """ "Leaders need to:" straight above a glyph is a lead-in, not a heading standing alone,
    and the items after it open lower case."""
    text = (
        HEAD + "Areas for improvement\n\nLeaders need to act jointly and quickly to:\n"
        f"{GLYPH}\n\nagree one plan for the work of every agency in the area;\n\n"
        f"{GLYPH}\n\nreview the plan each term with the families who use the services.\n\n" + TAIL
    )
    lines = _page_lines(text, 0)
    at = lines.index("Leaders need to act jointly and quickly to:")
    assert lines[at + 1] == f"{GLYPH} agree one plan for the work of every agency in the area;"
    document = load_text(text.encode())
    item = next(ln for ln in document.pages[0].lines if ln.text.startswith(f"{GLYPH} agree"))
    assert not item.gap_before
    record = _record(text)
    assert _texts(record)[0].startswith("agree one plan")
    assert len(record.recommendations) == 2


def test_a_page_top_glyph_does_not_take_the_page_before_s_sentence() -> None:
    """A glyph at a page's top followed by a lower-case line that goes on with the page
    before's unfinished sentence: the glyph is not joined to that line."""
    page1 = f"Areas for improvement\n\n{GLYPH}\n\nRecords kept by the housing team do not show\n"
    page2 = f"{GLYPH}\nwho else is working with a family.\n\n{GLYPH}\n\n{ITEMS[2]}\n\n" + TAIL
    lines = _page_lines(HEAD + page1 + "\f" + page2, 1)
    assert lines[:2] == [GLYPH, "who else is working with a family."]
    assert lines[2] == f"{GLYPH} {ITEMS[2]}"


def test_a_run_of_glyphs_pairs_with_the_paragraphs_after_it_on_its_page() -> None:
    """markitdown's shape: a page's glyphs gathered above its paragraphs; a paragraph going
    on from the page before (lower case) takes none, and a case study after the list (a
    heading and its paragraph) is not counted."""
    page1 = f"Areas for improvement\n\n{GLYPH}\n\n{ITEMS[0]}\n\n1\n"
    page2 = (
        "\n\n".join([GLYPH] * 3)
        + "\n\nwhich the area's leaders already know.\n\n"
        + "\n\n".join(ITEMS[1:])
        + "\n\nCase study: area for improvement\n\n"
        + "Kim waited too long for a plan, and her school was not asked for its view.\n\n"
        + TAIL
    )
    text = HEAD + page1.replace("is first weighed.", "is first weighed, a gap") + "\f" + page2
    lines = _page_lines(text, 1)
    assert lines[:2] == ["which the area's leaders already know.", f"{GLYPH} {ITEMS[1]}"]
    assert lines[2:4] == [f"{GLYPH} {ITEMS[2]}", f"{GLYPH} {ITEMS[3]}"]
    assert lines[4] == "Case study: area for improvement"
    record = _record(text)
    assert len(record.recommendations) == 4
    assert _list_warnings(record) == []


def test_a_run_after_its_paragraphs_pairs_with_them_when_nothing_follows_it() -> None:
    """Glyphs set after the paragraphs they mark, just before the next item with its glyph
    in place: they pair with the paragraphs before them."""
    text = (
        HEAD
        + f"Areas for improvement\n\n{GLYPH}  {ITEMS[0]}\n\n{ITEMS[1]}\n\n{ITEMS[2]}\n\n"
        + f"{GLYPH}\n\n{GLYPH}\n\n{GLYPH}  {ITEMS[3]}\n\n"
        + TAIL
    )
    lines = _page_lines(text, 0)
    assert f"{GLYPH} {ITEMS[1]}" in lines and f"{GLYPH} {ITEMS[2]}" in lines
    assert GLYPH not in lines
    assert len(_record(text).recommendations) == 4


def test_a_run_whose_count_matches_no_paragraphs_is_left_apart_and_reported() -> None:
    """Three glyphs beside two paragraphs: no pairing is certain, so the glyphs stay alone
    (each an item without text: the glyphs are the surest count) and the list gets a
    review warning."""
    text = (
        HEAD
        + "Areas for improvement\n\n"
        + "\n\n".join([GLYPH] * 3)
        + "\n\n"
        + "\n\n".join(ITEMS[1:3])
        + "\n\n"
        + TAIL
    )
    lines = _page_lines(text, 0)
    assert lines.count(GLYPH) == 3
    record = _record(text)
    assert _texts(record) == ["", "", ""]
    assert "improvement_list_bullets_apart" in _list_warnings(record)
    warning = next(w for w in record.warnings if w.code == "improvement_list_bullets_apart")
    assert warning.severity == "review"


def test_a_topic_subheading_after_the_list_heading_keeps_the_glyph_items() -> None:
    """Topic subheadings straight after "Areas for improvement" and between the items group
    them; the items after each still count."""
    text = (
        HEAD
        + "Areas for improvement\n\nThe response at the front door\n\n"
        + f"{GLYPH}\n\n{ITEMS[0]}\n\n{GLYPH}\n\n{ITEMS[1]}\n\n"
        + "Leadership and management\n\n"
        + f"{GLYPH}\n\n{ITEMS[2]}\n\n{GLYPH}\n\n{ITEMS[3]}\n\n"
        + TAIL
    )
    _reads_every_item(text)


def test_an_item_s_next_sentence_without_a_break_stays_in_the_item() -> None:
    """Reading order keeps no hanging indent: an item's second sentence on the next line (no
    blank line) is still the item's, as the PDF shows it; a title line straight after an
    item (a topic subheading set as text) and a paragraph after a blank line are not."""
    text = (
        HEAD + "Areas for improvement\n\n"
        f"{GLYPH}\n\nStrategy meetings do not always include the school nurse.\n"
        "This means that health knowledge is missed when risk is first weighed.\n\n"
        f"{GLYPH}\n\n{ITEMS[1]}\n"
        "Responses to children who go missing\n\n"
        f"{GLYPH}\n\n{ITEMS[2]}\n\n"
        "Inspectors saw some strong work with families in the east of the area.\n\n" + TAIL
    )
    texts = _texts(_record(text))
    assert texts[0] == (
        "Strategy meetings do not always include the school nurse. This means that health "
        "knowledge is missed when risk is first weighed."
    )
    assert texts[1:] == [ITEMS[1], ITEMS[2]]


def test_a_glyph_left_at_a_page_end_does_not_take_the_running_footer() -> None:
    """A stray glyph just above the running footer: the footer is no item, so the glyph
    stays alone and the list is reported, not given the footer as an item's text."""
    page1 = f"Areas for improvement\n\n{GLYPH}\n\n{ITEMS[0]}\n\n{GLYPH}\n" + FOOTER + "1\n"
    page2 = f"{GLYPH}\n\n{ITEMS[1]}\n" + FOOTER + "2\n"
    page3 = TAIL + FOOTER + "3\n"
    text = HEAD + page1 + "\f" + page2 + "\f" + page3
    lines = _page_lines(text, 0)
    assert GLYPH in lines
    assert f"{GLYPH} Northwick joint inspection letter" not in lines
    assert "improvement_list_bullets_apart" in _list_warnings(_record(text))


def test_an_unfinished_item_s_last_line_after_a_blank_line_is_still_the_item_s() -> None:
    """Some converters set a blank line between an item's wrapped lines: one line that ends
    the unfinished item's sentence goes on with it, and so does a parenthetical note on the
    item; a paragraph of its own after the list does not."""
    text = (
        HEAD + "Areas for improvement\n\n"
        "\u25fc  The recording of decisions made by the Northwick Safeguarding\n\n"
        "Children Partnership (NSCP).\n\n"
        "\u25fc  The timeliness of plans made for children who wait for a decision.\n\n"
        "(outcome 2, national framework)\n\n"
        "\u25fc  The quality of supervision for staff in the early help\n\n"
        "Inspectors saw some strong work with families in the east of the area. Leaders\n"
        "know where the work is weaker and have plans to improve it.\n\n" + TAIL
    )
    assert _texts(_record(text)) == [
        "The recording of decisions made by the Northwick Safeguarding Children Partnership "
        "(NSCP).",
        "The timeliness of plans made for children who wait for a decision. "
        "(outcome 2, national framework)",
        "The quality of supervision for staff in the early help",
    ]


def test_a_glyph_never_joins_a_table_cell_repeated_on_its_page() -> None:
    """A table read apart from its rows: the responsible-body cell repeats row after row, and
    a page-top glyph stands above the cells while its item (lower case, going on from the
    page before) comes after them. The glyph marks no cell."""
    cell = "Northwick Borough\nCouncil and NHS Northwick\nICB\n\n"
    page1 = "Areas for priority action\n\nLeaders should improve waiting times, including:\n\n"
    page1 += f"{GLYPH}\n\nchildren waiting for a first assessment of their speech and\n"
    page2 = f"{GLYPH}\n\n" + cell * 2 + "children waiting for therapy after a first\nassessment.\n"
    text = HEAD + page1 + FOOTER + "1\n\f" + page2 + FOOTER + "2\n"
    lines = _page_lines(text, 1)
    assert not any(ln.strip().endswith("Northwick Borough") and GLYPH in ln for ln in lines)
    assert not any(ln.lstrip().startswith(("•", GLYPH)) and "Borough" in ln for ln in lines)


# What converters write for a bullet glyph besides the glyph: the ASCII hyphen and markdown's
# asterisk.
MARKS = ["-", "*"]


def _marked(mark: str, items: tuple[str, ...] = ITEMS) -> str:
    """pdftotext's shape with `mark` for the glyph: the mark, a blank line, the item."""
    return "".join(f"{mark}\n\n{item}\n\n" for item in items)


@pytest.mark.parametrize("mark", MARKS)
def test_a_mark_set_apart_from_its_item_joins_it_as_a_glyph_does(mark: str) -> None:
    page1 = "Areas for improvement\n\n" + _marked(mark, ITEMS[:2])
    page2 = _marked(mark, ITEMS[2:]) + TAIL
    _reads_every_item(HEAD + page1 + FOOTER + "1\n\f" + page2 + FOOTER + "2\n")


@pytest.mark.parametrize("mark", MARKS)
def test_a_mark_beside_its_item_and_under_topic_subheadings_is_a_glyph(mark: str) -> None:
    """ "- item" and "* item" on one line, under topic subheadings (the first straight after
    the list heading): every item counts."""
    items = "".join(f"{mark} {item}\n\n" for item in ITEMS[:2])
    more = "".join(f"{mark} {item}\n\n" for item in ITEMS[2:])
    text = (
        HEAD
        + f"Areas for improvement\n\nThe response at the front door\n\n{items}"
        + f"Leadership and management\n\n{more}"
        + TAIL
    )
    _reads_every_item(text)


@pytest.mark.parametrize("mark", MARKS)
def test_a_run_of_marks_pairs_with_the_paragraphs_after_it(mark: str) -> None:
    """markitdown's shape with marks for the glyphs: a run above the page's paragraphs."""
    text = (
        HEAD
        + "Areas for improvement\n\n"
        + "\n\n".join([mark] * 4)
        + "\n\n"
        + "\n\n".join(ITEMS)
        + "\n\n"
        + TAIL
    )
    _reads_every_item(text)


@pytest.mark.parametrize("mark", MARKS)
def test_a_page_top_mark_before_a_lower_case_item_is_a_new_item(mark: str) -> None:
    """A mark topping a page over a lower-case item, after an item that ends with no full
    stop: the mark is not joined (it might go on with the page before), and still the item
    after it is an item of its own, never the tail of the item before."""
    page1 = (
        "Areas for improvement\n\nThe partnership should:\n\n"
        + f"{mark}\n\nagree one plan for the work of every agency in the area\n"
    )
    page2 = (
        f"{mark}\n\nreview the plan each term with the families who use the services\n\n"
        f"{mark}\n\nreport to the board on what has changed for children\n\n" + TAIL
    )
    record = _record(HEAD + page1 + "\f" + page2)
    assert [t[:12] for t in _texts(record)] == ["agree one pl", "review the p", "report to th"]


@pytest.mark.parametrize(
    "region",
    [
        # Every item set with the en dash of sub-bullets: apart from its item, beside it,
        # under a topic subheading, after a lead-in.
        _marked("–"),
        "".join(f"– {item}\n\n" for item in ITEMS),
        "The response at the front door\n\n" + "".join(f"– {item}\n\n" for item in ITEMS),
        "The partnership should:\n\n" + "".join(f"– {item}\n\n" for item in ITEMS),
        # Items whose glyph a converter dropped, one of them over a dash sub-item.
        f"{ITEMS[0]}\n\n{ITEMS[1][:-1]}, including:\n\n– the school nurse\n\n{ITEMS[2]}\n\n",
        # Items ending "by:" whose glyph was dropped, each over its dash sub-items.
        "Improve the front door by:\n\n– meeting weekly\n\n– keeping records\n\n"
        "Improve leadership by:\n\n– checking plans\n\n– hearing from children\n\n",
    ],
)
def test_sub_bullets_with_no_item_above_them_are_a_doubt_never_a_count(region: str) -> None:
    """A dash that is a sub-bullet's glyph ("–") before any item: the list is set with the
    sub-bullets' glyph, or its items lost theirs. Which cannot be told, so no item is
    counted and the list is reported."""
    record = _record(HEAD + "Areas for improvement\n\n" + region + TAIL)
    assert _texts(record) == []
    assert "improvement_list_empty" in _list_warnings(record)


# Prose wrapped at one width, as a converter writes a report's pages: its lines give the
# text's width, by which a short line is read as a break (a reading-order text has no blank
# lines between items).
WRAPPED = (
    "Inspectors read the records of forty children and met the staff who work with them\n"
    "each day. Most records show what children said and what was done as a result of it,\n"
    "and managers check the records every month so that gaps are found and closed early.\n"
    "Partners share what they know at the front door, and the school nurses are asked for\n"
    "their view before a decision is made about the help that a family will be offered.\n"
    "Leaders know where the work is strong and where it is weak, and they have acted on it.\n"
) * 2
# Items that finish a lead-in's sentence: lower case, no full stop (2012-13 reports).
LOWER_ITEMS = (
    "agree one plan for the work of every agency in the area and publish it so that\n"
    "families can read it",
    "review the plan each term with the families who use the services and record\n"
    "what they say about it",
    "answer every referral within one working day",
    "Train staff in the new thresholds",
)


def test_a_run_of_glyphs_pairs_with_items_that_open_lower_case() -> None:
    # markitdown's shape of a 2013 list: the lead-in, a timescale, the glyphs as a run,
    # then items with no full stop, most in lower case (one capitalised, as printed); the
    # next timescale's lead-in ends the items as a heading does.
    text = (
        HEAD
        + WRAPPED
        + "Areas for improvement\n\nThe partnership should take the following action.\n"
        + "Immediately:\n"
        + "\n".join([GLYPH] * 4)
        + "\n"
        + "\n".join(LOWER_ITEMS)
        + "\nWithin three months:\n"
        + f"{GLYPH}\n{ITEMS[0]}\n\n"
        + TAIL
    )
    lines = _page_lines(text, 0)
    for item in LOWER_ITEMS:
        assert f"{GLYPH} {item.splitlines()[0]}" in lines
    record = _record(text)
    assert _texts(record)[:4] == [_flat(item) for item in LOWER_ITEMS]
    assert _list_warnings(record) == []


def test_a_run_at_a_page_s_top_pairs_with_its_first_line_when_only_that_reading_agrees() -> None:
    # The page before ends with an item set without a full stop. Three glyphs at the next
    # page's top: only with the page's first line as an item do three items follow them.
    page1 = (
        f"{WRAPPED}Areas for improvement\n\nThe partnership should take the following action.\n"
        f"Immediately:\n{GLYPH}\n{LOWER_ITEMS[0]}\n"
    )
    page2 = "\n".join([GLYPH] * 3) + "\n" + "\n".join(LOWER_ITEMS[1:]) + "\n\n" + TAIL
    text = HEAD + page1 + FOOTER + "1\n\f" + page2 + FOOTER + "2\n"
    record = _record(text)
    assert _texts(record) == [_flat(item) for item in LOWER_ITEMS]
    assert _list_warnings(record) == []


@pytest.mark.parametrize(
    "items",
    [
        # A line that ends mid-phrase goes on: the next line is no item.
        ("improving the advice that families receive from", "professionals at each review"),
        # A line's tail alone is no item.
        ("improving the advice at each review", "process"),
    ],
)
def test_lower_case_lines_that_are_no_whole_items_leave_the_glyphs_apart(
    items: tuple[str, str],
) -> None:
    # Narrow lines (a table's cell), each after a break: two glyphs, two lower-case lines.
    # The counts agree, but the lines are pieces of one item: the glyphs stay apart, with
    # the review warning.
    text = (
        HEAD
        + WRAPPED
        + "Areas for improvement\n\nLeaders should improve the plans. This should include:\n"
        + f"{GLYPH}\n{GLYPH}\n"
        + "\n".join(items)
        + "\n\n"
        + TAIL
    )
    lines = _page_lines(text, 0)
    assert lines.count(GLYPH) == 2
    assert "improvement_list_bullets_apart" in _list_warnings(_record(text))


def test_a_lower_case_line_among_capitalised_items_is_no_item_of_its_own() -> None:
    # Three glyphs over two capitalised items (the third item's text lost): the lower-case
    # line after a short one goes on with the item above it, so the counts agree only by
    # taking it for an item. Most items of a lower-case list open lower case; here one of
    # three would: the glyphs stay apart, with the review warning.
    text = (
        HEAD
        + WRAPPED
        + "Areas for improvement\n\n"
        + "\n".join([GLYPH] * 3)
        + "\nRecords kept by the housing team do not show who else works with\n"
        + "a family at the time.\n"
        + "as a result, risks are missed.\n"
        + f"{ITEMS[2]}\n\n"
        + TAIL
    )
    assert _page_lines(text, 0).count(GLYPH) == 3
    assert "improvement_list_bullets_apart" in _list_warnings(_record(text))
