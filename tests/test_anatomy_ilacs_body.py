"""ILACS body layouts the field guide counts (ANATOMY.md section 5): the improvement list,
paragraph numbering, the running footer and column layout, on the synthetic report of
`anatomy_ilacs` (invented text, never a real report's)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from anatomy_ilacs import (
    FOOTER,
    GRADES_4,
    HELP,
    IN_CARE,
    ITEMS,
    LEADERS,
    LEAVERS,
    ROWS_4,
    SENTENCES,
    SUMMARY,
    Report,
    check,
    wrapped,
)
from report_parts import read, reviews


# -- the improvement list --------------------------------------------------------------------
@pytest.mark.parametrize(
    "heading",
    [
        "What needs to improve",
        "What needs to improve:",
        "What needs to improve?",
        "What needs to improve?1",
        "What needs to improve in this local authority?",
        "WHAT NEEDS TO IMPROVE?",
    ],
)
def test_improvement_heading_forms(heading: str) -> None:
    record = read(Report(heading=heading).text())
    check(record, GRADES_4)
    assert [r.text for r in record.recommendations] == list(ITEMS)


@pytest.mark.parametrize("bullet", ["\u25fc", "\uf06e", "\u25aa", "\u2022"])
def test_improvement_bullets(bullet: str) -> None:
    check(read(Report(bullet=bullet).text()), GRADES_4)


def test_items_ending_with_a_framework_reference_after_a_footnoted_heading() -> None:
    items = (
        "The timeliness of plans made for children who wait for a decision (Invented "
        "Framework for Practice, paragraph 12).",
        "The quality of supervision recorded for frontline staff (Invented Framework, outcome 4).",
    )
    record = read(Report(heading="What needs to improve?1", items=items).text())
    check(record, GRADES_4)
    assert [r.text for r in record.recommendations] == list(items)


def test_minus_sign_sub_bullets_under_an_item_ending_in_a_colon_are_not_items() -> None:
    items = (
        "The help given to care leavers, including:",
        "\u2212 their access to suitable housing",
        "\u2212 their own health histories",
        ITEMS[1],
    )
    text = (
        Report(items=())
        .text()
        .replace(
            "What needs to improve?\n\n",
            "What needs to improve?\n\n"
            + f"\u25fc {items[0]}\n{items[1]}\n{items[2]}\n\u25fc {items[3]}\n",
        )
    )
    record = read(text)
    check(record, GRADES_4)
    assert record.recommendations[0].text.startswith(items[0])


def test_a_prose_paragraph_instead_of_a_list_is_no_item_and_a_review_warning() -> None:
    prose = ("Leaders should continue the improvements they have started across all services",)
    text = (
        Report(items=())
        .text()
        .replace("What needs to improve?\n\n", f"What needs to improve?\n\n{prose[0]}.\n")
    )
    record = read(text)
    check(record, GRADES_4, recommendations=0)
    assert reviews(record) == {("improvement_list_empty", "recommendations")}


def test_a_report_without_the_section_gets_a_review_warning() -> None:
    text = (
        Report()
        .text()
        .replace("What needs to improve?\n\n" + "".join(f"\u25fc {it}\n" for it in ITEMS), "")
    )
    record = read(text)
    check(record, GRADES_4, recommendations=0)
    assert reviews(record) == {("improvement_list_missing", "recommendations")}


def test_heading_glued_to_the_summary_then_a_title_case_heading() -> None:
    text = (
        Report(heading="What Needs to Improve")
        .text()
        .replace(SUMMARY, SUMMARY + " What needs to improve?")
    )
    record = read(text)
    check(record, GRADES_4)
    assert [r.text for r in record.recommendations] == list(ITEMS)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_stray_number_before_the_list_heading_is_not_its_number(gap: str) -> None:
    """A lone "17." above "What needs to improve?": joined to it, the heading read as a
    paragraph and the whole list was lost."""
    text = Report().text().replace("What needs to improve?\n", f"17.{gap}What needs to improve?\n")
    record = read(text)
    check(record, GRADES_4)
    assert not reviews(record) & {("improvement_list_missing", "recommendations")}


def test_a_stray_number_between_the_heading_and_its_bullets_is_no_item() -> None:
    text = Report().text().replace("What needs to improve?\n\n", "What needs to improve?\n\n17.\n")
    check(read(text), GRADES_4)


def test_page_one_summary_naming_earlier_grades_is_not_read_for_grades() -> None:
    earlier = (
        "At the last inspection the overall effectiveness of services was judged to be "
        "outstanding, and help and protection was inadequate."
    )
    record = read(Report().text().replace(SUMMARY, earlier))
    check(record, GRADES_4)
    assert not reviews(record)


# -- paragraph numbering ---------------------------------------------------------------------
def _renumber(text: str, new: Callable[[int], int]) -> str:
    return re.sub(r"(?m)^(\d{1,2})\. ", lambda m: f"{new(int(m.group(1)))}. ", text)


@pytest.mark.parametrize(
    "number",
    ["{n}. {s}", "{n} {s}", " {n}. {s}", "{n}.\n\n{s}"],
    ids=["stop", "no-stop", "indent", "apart"],
)
def test_paragraph_number_forms(number: str) -> None:
    check(read(Report(number=number).text()), GRADES_4)


def test_a_skipped_number_keeps_the_last_number_and_is_flagged() -> None:
    record = read(_renumber(Report().text(), lambda k: k + 1 if k >= 5 else k))
    check(record, GRADES_4, last=13)
    assert ("paragraph_number_gap", "paragraphs") in reviews(record)


def test_a_number_used_twice_keeps_the_last_number() -> None:
    check(read(_renumber(Report().text(), lambda k: k - 1 if k >= 6 else k)), GRADES_4, last=11)


@pytest.mark.parametrize("wrapped", ["12. months", "60. per cent"])
def test_a_wrapped_line_starting_with_a_number_and_full_stop_is_no_paragraph(wrapped: str) -> None:
    text = (
        Report()
        .text()
        .replace(
            SENTENCES[1],
            SENTENCES[1].replace("often and", f"often, and in the last\n{wrapped} have"),
        )
    )
    check(read(text), GRADES_4)


def test_a_non_breaking_hyphen_in_an_age_range_is_kept_in_the_text() -> None:
    text = (
        Report().text().replace("Plans for children are", "Plans for children aged 16\u201117 are")
    )
    record = read(text)
    check(record, GRADES_4)
    assert any("16" in p.text and "17 are" in p.text for p in record.paragraphs)


# -- running footer --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "footer",
    [
        FOOTER,
        "Inspection of Northwick local authority children's services\n3 March 2031 to 14 March "
        "2031\n{n}",
        None,
    ],
    ids=["title-dates-number", "full-title", "page-number-only"],
)
def test_footer_title_and_dates_never_reach_the_paragraphs(footer: str | None) -> None:
    record = read(Report(footer=footer).text())
    check(record, GRADES_4)
    assert not any("March 2031" in p.text for p in record.paragraphs if p.number)


def test_a_paragraph_cut_by_a_page_break_is_joined_around_the_footer() -> None:
    """The title and dates recur on every page from 2021: between a paragraph's two halves."""
    cut = "Partners share information promptly so that"
    text = (
        Report()
        .text()
        .replace(
            SENTENCES[3], f"{cut}\n\n{FOOTER.format(n=9)}\n\frisks to children are understood.", 1
        )
    )
    record = read(text)
    check(record, GRADES_4)
    fourth = next(p for p in record.paragraphs if p.number == 4)
    assert fourth.text == SENTENCES[3]


def test_footers_at_the_top_of_each_page_as_pypdfium2_orders_them() -> None:
    pages = Report(footer=None).text().split("\f")
    moved = [FOOTER.format(n=n) + "\n" + page for n, page in enumerate(pages[1:-1], 2)]
    record = read("\f".join([pages[0], *moved, pages[-1]]))
    check(record, GRADES_4)
    assert not any("March 2031" in p.text for p in record.paragraphs if p.number)


def test_a_list_item_cut_by_a_page_break_is_one_item_without_the_footer() -> None:
    items = (
        "The timeliness of plans made for children who wait for a decision about where they "
        "will live.",
        ITEMS[1],
    )
    text = (
        Report(items=items)
        .text()
        .replace("decision about where", f"decision about\n\n{FOOTER.format(n=9)}\n\fwhere", 1)
    )
    record = read(text)
    check(record, GRADES_4)
    assert [r.text for r in record.recommendations] == list(items)


def test_bullet_glyphs_set_apart_from_their_items() -> None:
    """Reading order can give each glyph on a line of its own, above its item."""
    record = read(Report(bullet="\u25fc\n").text())
    check(record, GRADES_4)
    assert [r.text for r in record.recommendations] == list(ITEMS)


# -- column layout (pdftotext -layout) -------------------------------------------------------
def _layout_table(rows: tuple[tuple[str, str], ...]) -> str:
    """Labels wrapped over two lines in a wide left column, the grade beside the first."""
    out = f"  {'Judgement':<70}{' ' * 10}Grade\n\n"
    for label, grade in rows:
        if len(label) < 30:
            out += f"  {label:<70}{' ' * 10}{grade}\n\n"
            continue
        first, second = wrapped(label).split("\n")
        out += f"  {first:<70}{' ' * 10}{grade}\n  {second}\n\n"
    return out


_LAYOUT_FOOTER = FOOTER.replace("\n{n}", " " * 62 + "{n}")


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"sections": (HELP, IN_CARE, LEAVERS, LEADERS)},
        {"heading": "What needs to improve:"},
        {"heading": "What needs to improve?1"},
        {"number": "{n} {s}"},
        {"number": " {n}. {s}"},
    ],
    ids=["template", "table-only", "colon", "footnote", "no-stop", "indent"],
)
def test_layout_text_reads_like_reading_order(change: dict[str, object]) -> None:
    report = Report(table=_layout_table(ROWS_4), footer=_LAYOUT_FOOTER, **change)  # type: ignore[arg-type]
    record = read(report.text())
    assert record.source.text_layout == "layout"
    check(record, GRADES_4)
    assert not reviews(record)
