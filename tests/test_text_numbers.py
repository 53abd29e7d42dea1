"""Paragraph numbers a reading-order converter set apart from their text (a number column read
on its own), put back by `load.numbers` only where the pairing is certain. Synthetic
"Northwick" text written here, wrapped as converters wrap it."""

from __future__ import annotations

import re
import textwrap

import inspectparse
from inspectparse.load.text import load_text

HEAD = (
    "Northwick\nInspection of children's social care services\n"
    "Inspection dates: 3 March 2031 to 14 March 2031\nLead inspector: Ada Quill\n\n"
    "Leaders in Northwick have a clear view of what they need to do next.\n"
)
FOOTER = "\nNorthwick inspection of children's services\n"
# Paragraphs of two or three wrapped lines each (the text's width is about 78 characters).
PARAS = [
    "Families in Northwick get help early from a team that knows the area well and works "
    "closely with schools, health visitors and the police to keep children safe.",
    "Social workers visit children often and write down what children tell them, so that "
    "plans change when a child's wishes or circumstances change over time.",
    "Managers check the quality of work every month and act quickly when it is not good "
    "enough, and they share what they learn with every team in the service.",
    "Partners share information promptly so that risks to children are understood, and "
    "meetings to agree next steps are held within a day of a concern being raised.",
    "Children in care live close to home with carers who know them well, and most stay "
    "with the same carers until they are ready to leave care as young adults.",
    "Care leavers have a personal adviser who keeps in touch with them each month and "
    "helps them find a home, a job or a college course that suits them.",
    "The virtual school tracks the progress of every child in care closely, and extra "
    "tuition is arranged quickly when a child starts to fall behind in class.",
]


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=78)


def _page(*parts: str, number: int) -> str:
    return "\n\n".join(_wrap(p) if len(p) > 78 else p for p in parts) + FOOTER + f"{number}\n"


def _document(*pages: str) -> list[list[str]]:
    text = HEAD + FOOTER + "1\n\f" + "\f".join(pages)
    return [[ln.text for ln in page.lines] for page in load_text(text.encode()).pages]


def _starts(lines: list[str]) -> list[str]:
    """Each numbered line's number and first words."""
    return [" ".join(ln.split()[:3]) for ln in lines if re.match(r"\d+\. ", ln)]


def test_a_run_among_its_paragraphs_takes_those_on_both_sides_in_order() -> None:
    # Two starts before the run and one after it: only both sides together hold three.
    page = _page("1. " + PARAS[0], PARAS[1], PARAS[2], "2.\n\n3.\n\n4.", PARAS[3], number=2)
    lines = _document(page)[1]
    assert _starts(lines) == ["1. Families in", "2. Social workers", "3. Managers check"] + [
        "4. Partners share"
    ]


def test_an_unplaced_run_does_not_stop_the_runs_on_later_pages() -> None:
    """One run that cannot be placed (three numbers, two paragraphs) still tells the next
    page where the numbering is; the record warns about the numbers it could not place."""
    page2 = _page("1. " + PARAS[0], PARAS[1], PARAS[2], "2.\n\n3.\n\n4.", number=2)
    page3 = _page("5.\n\n6.", PARAS[3], PARAS[4], number=3)
    page4 = _page(*(f"{n}. {p}" for n, p in zip((7, 8, 9), PARAS[4:], strict=True)), number=4)
    pages = _document(page2, page3, page4)
    assert "2." in pages[1] and "4." in pages[1]
    assert _starts(pages[2]) == ["5. Partners share", "6. Children in"]
    text = HEAD + FOOTER + "1\n\f" + "\f".join((page2, page3, page4))
    record = inspectparse.extract(text.encode())
    gaps = [w for w in record.warnings if w.code == "paragraph_number_gap"]
    assert [w.message for w in gaps] == ["paragraph numbers 2, 3, 4 not found between 1 and 5"]
    assert [p.number for p in record.paragraphs if p.number] == [1, 5, 6, 7, 8, 9]


def test_a_page_that_ends_on_a_bracketed_note_ends_a_sentence() -> None:
    """ "... in time. (Recommendation)": the next page's first line may open a paragraph."""
    page2 = _page("1. " + PARAS[0], PARAS[1] + " (Recommendation)", number=2)
    page3 = _page(PARAS[2], PARAS[3], "2.\n\n3.", number=3)
    assert _starts(_document(page2, page3)[2]) == ["2. Managers check", "3. Partners share"]
    # A page that ends mid-sentence: its next page's first line goes on with it.
    page2 = _page("1. " + PARAS[0], PARAS[1] + " (Recommendation) and", number=2)
    assert "2." in _document(page2, page3)[2]


GRADED = (
    "The graded judgement about the experience and progress of care leavers\n"
    "is that it requires improvement"
)
IMPACT = (
    "The impact of leaders on social work practice with children and\n"
    "families requires improvement to be good."
)


def test_a_grade_statement_or_known_heading_between_paragraphs_opens_none() -> None:
    for heading in (GRADED, IMPACT):
        page = _page(
            "3.\n\n4.\n\n5.", PARAS[0], PARAS[1], PARAS[2], heading, "6. " + PARAS[3], number=2
        )
        lines = _document(page)[1]
        assert _starts(lines) == ["3. Families in", "4. Social workers", "5. Managers check"] + [
            "6. Partners share"
        ]


def test_a_numbering_opens_after_the_heading_before_it() -> None:
    """A run that starts at 1 numbers the paragraphs after the heading before it: the
    summary above it (here the page's first line, which may open a paragraph) is not one."""
    page = _page(
        "They have a plan to make the front door stronger this year, as the summary says.",
        "What needs to improve?",
        "\u25fc The timeliness of plans for children.",
        "The experiences and progress of children who need help and\n"
        "protection: requires improvement to be good",
        PARAS[0],
        PARAS[1],
        "1.\n\n2.\n\n3.",
        PARAS[2],
        "4. " + PARAS[3],
        number=2,
    )
    lines = _document(page, _page("5. " + PARAS[4], number=3))[1]
    assert lines[0].startswith("They have a plan")  # the page before ended a sentence
    assert _starts(lines) == ["1. Families in", "2. Social workers", "3. Managers check"] + [
        "4. Partners share"
    ]


def test_numbers_whose_paragraphs_two_readings_place_differently_stay_apart() -> None:
    """The converter set a numbered paragraph's full first line apart from the rest
    ("4. ... service." / blank / "Previously, ..."): that may be a paragraph or the rest
    of paragraph 4, and the two readings number different paragraphs, so none is guessed."""
    first = "4. Leaders have raised the standard of written plans across the service."
    rest = "Previously, plans were short and said little about what a child needed next."
    # The first line is one the next word would not have fitted on.
    assert len(first) <= 78 < len(first) + len(" Previously,")
    page = _page(first, rest, PARAS[0], PARAS[1], "5.\n\n6.\n\n7.", PARAS[2], number=2)
    lines = _document(page)[1]
    assert "5." in lines and "7." in lines
    # A short first line ends its paragraph: the next line is a start, and the run is placed.
    short = "4. Leaders have raised the standard of plans."
    lines = _document(page.replace(first, short))[1]
    assert _starts(lines) == ["4. Leaders have", "5. Previously, plans", "6. Families in"] + [
        "7. Social workers"
    ]


def test_a_lone_number_that_interrupted_a_sentence_is_not_joined_to_its_rest() -> None:
    interrupted = _page(
        "11. " + PARAS[0][:-1] + " and the",
        "12.",
        "families they work with. " + PARAS[1],
        PARAS[2],
        number=2,
    )
    lines = _document(interrupted)[1]
    assert _starts(lines) == ["11. Families in", "12. Managers check"]
    # After a sentence end, a lower-case line is where the paragraph's text begins.
    ended = interrupted.replace(" and the\n\n12.", ".\n\n12.")
    assert _starts(_document(ended)[1])[:2] == ["11. Families in", "12. families they"]


def test_a_lone_number_inside_a_cut_numbered_line_numbers_the_next_paragraph() -> None:
    """ "34. While leaders have reviewed the Northwick" / "35." / "Partnership Board's ...":
    the number sits inside paragraph 34, whose rest opens with a capital; it is not joined
    to that rest, which may go on with 34, and numbers the paragraph after it."""
    page = _page(
        "34. While leaders have reviewed the terms of reference of the Northwick",
        "35.",
        "Partnership Board, there is more to do to make its role clear to partners.",
        PARAS[0],
        "36. " + PARAS[1],
        number=2,
    )
    lines = _document(page)[1]
    assert _starts(lines) == ["34. While leaders", "35. Families in", "36. Social workers"]


def test_without_page_breaks_page_numbers_bound_a_run_and_open_possible_starts() -> None:
    """A viewer's copy without form feeds: the page numbers ("2", "3") still mark where a
    page's number column stops, and the line after one may be a page's first line."""
    header = "Northwick inspection report"
    body = [
        "1. " + PARAS[0],
        PARAS[1],
        "2",
        "2.\n\n3.",
        PARAS[2],
        PARAS[3],
        "3",
        header,
        PARAS[4],
        "4. " + PARAS[5],
    ]
    text = HEAD + "\n" + "\n\n".join(_wrap(p) if len(p) > 78 else p for p in body) + "\n"
    lines = [ln.text for ln in load_text(text.encode()).pages[0].lines]
    assert _starts(lines) == ["1. Families in", "2. Managers check", "3. Partners share"] + [
        "4. Care leavers"
    ]
    # With the page numbers as plain text lines (no bound), the run is not placed.
    unbounded = text.replace("\n\n2\n\n", "\n\nPage two\n\n").replace("\n\n3\n\n", "\n\n")
    assert "2." in [ln.text for ln in load_text(unbounded.encode()).pages[0].lines]


def test_without_page_breaks_a_line_after_a_page_number_goes_on_with_an_open_sentence() -> None:
    body = [
        "1. " + PARAS[0],
        PARAS[1][:-1] + " and the",
        "2",
        "Northwick Partnership Board hears from them every month as well.",
        PARAS[2],
        "2.",
        "3. " + PARAS[3],
    ]
    text = HEAD + "\n" + "\n\n".join(_wrap(p) if len(p) > 78 else p for p in body) + "\n"
    lines = [ln.text for ln in load_text(text.encode()).pages[0].lines]
    assert _starts(lines) == ["1. Families in", "2. Managers check", "3. Partners share"]


def test_a_lead_in_ending_in_a_colon_before_the_numbers_is_not_one_of_their_paragraphs() -> None:
    """ "Services are not yet good because:" / "1." "2." "3." / two findings (the converter
    ran the third into the second): the lead-in would make up the count, wrongly."""
    page = _page(
        "Summary of key findings",
        "Services in Northwick are not yet good because:",
        "1.\n\n2.\n\n3.",
        PARAS[0],
        PARAS[1],
        number=2,
    )
    lines = _document(page, _page("4. " + PARAS[3], number=3))[1]
    assert "1." in lines and "3." in lines
    assert not any(ln.startswith("1. Services") for ln in lines)


def test_numbers_left_apart_after_the_last_paragraph_make_the_run_short_for_review() -> None:
    # The last page's run holds three numbers but only one paragraph start could be seen:
    # the numbers stay apart, and the run would end at 4 with nothing said.
    page2 = _page(*(f"{n}. {p}" for n, p in enumerate(PARAS[:4], start=1)), number=2)
    page3 = _page("5.\n\n6.\n\n7.", PARAS[4] + " " + PARAS[5] + " " + PARAS[6], number=3)
    text = HEAD + FOOTER + "1\n\f" + "\f".join((page2, page3))
    record = inspectparse.extract(text.encode())
    assert [p.number for p in record.paragraphs if p.number] == [1, 2, 3, 4]
    short = [w for w in record.warnings if w.code == "paragraph_run_short"]
    assert [(w.field, w.severity, w.message) for w in short] == [
        ("paragraphs", "review", "the numbered paragraphs stop at 4 but text numbered 5 follows it")
    ]


def _numbered_report(numbers: bool) -> str:
    pages = [
        _page(*((f"{n}. " if numbers else "") + p for n, p in enumerate(PARAS[:4], 1)), number=2),
        _page(*((f"{n}. " if numbers else "") + p for n, p in enumerate(PARAS[4:], 5)), number=3),
    ]
    return HEAD + FOOTER + "1\n\f" + "\f".join(pages)


def test_a_framework_that_numbers_its_paragraphs_warns_when_none_are_numbered() -> None:
    numbered = inspectparse.extract(_numbered_report(True).encode())
    assert numbered.report.kind == "ilacs"
    assert [p.number for p in numbered.paragraphs if p.number] == list(range(1, 8))
    assert "paragraphs_unnumbered" not in {w.code for w in numbered.warnings}
    lost = inspectparse.extract(_numbered_report(False).encode())
    warned = [w for w in lost.warnings if w.code == "paragraphs_unnumbered"]
    assert len(warned) == 1 and warned[0].field == "paragraphs" and warned[0].severity == "review"
    assert lost.needs_review


def test_a_sif_before_2015_may_leave_its_paragraphs_unnumbered() -> None:
    from test_metamorphic import SIF

    assert "1. Children" in SIF  # page 1's table labels, no paragraph numbers
    codes = {w.code for w in inspectparse.extract(SIF.encode()).warnings}
    assert "paragraphs_unnumbered" in codes
    early = SIF.replace("2031", "2014")
    assert inspectparse.extract(early.encode()).report.kind == "sif"
    assert "paragraphs_unnumbered" not in {
        w.code for w in inspectparse.extract(early.encode()).warnings
    }


def test_a_table_label_glued_to_its_row_number_is_still_its_label() -> None:
    from test_metamorphic import SIF, SIF_GOLD

    glued = re.sub(r"(?m)^(\d\.) (?=[A-Z])", r"\1", SIF)
    assert "1.Children who need" in glued and "3.Leadership" in glued
    record = inspectparse.extract(glued.encode())
    assert {j.key: j.grade for j in record.judgements} == SIF_GOLD["judgements"]
