"""segment.blocks: each named line rule on hand-built lines (synthetic text, no PDF)."""

from __future__ import annotations

import re

from inspectparse.clean import CleanedDocument
from inspectparse.document import Document, Line, Page
from inspectparse.segment.blocks import LINE_RULES, BlockBuilder
from inspectparse.segment.units import Block

HEADINGS = [re.compile(r"^(?:Areas for improvement)\s*$", re.I)]


def _line(
    text: str,
    page: int = 1,
    top: float = 100.0,
    x0: float = 60.0,
    bold: bool | None = None,
    gap_before: bool = False,
) -> Line:
    return Line(
        text=text,
        page=page,
        index=0,
        x0=x0,
        x1=500.0,
        top=top,
        bottom=top + 10,
        size=10,
        bold=bold,
        gap_before=gap_before,
    )


def _text_line(text: str, page: int = 1, gap: bool = False) -> Line:
    return Line(text=text, page=page, index=0, gap_before=gap)


def _build(lines: list[Line]) -> list[Block]:
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    doc = Document(
        pages=[Page(number=n, lines=ls) for n, ls in sorted(pages.items())],
        format="pdf",
        engine="test",
    )
    return BlockBuilder(CleanedDocument(document=doc), HEADINGS).build()


def _kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_rules_are_named_and_tried_in_a_fixed_order() -> None:
    names = [r.__name__ for r in LINE_RULES]
    assert names.index("contents_entry") < names.index("contents_heading")
    assert names.index("heading") < names.index("numbered_start")
    assert names.index("continuation_after_break") < names.index("numbered_start")
    assert names[-1] == "text_wrap_mid_sentence"


def test_contents_entries_run_until_a_line_without_a_page_number() -> None:
    blocks = _build(
        [
            _line("Contents", top=100),
            _line("About the widgets 3", top=120),
            _line("Gadget findings .... 7", top=140),
            _line("Some new paragraph text.", top=180, gap_before=True),
        ]
    )
    assert [b.kind for b in blocks] == ["contents", "text"]
    assert blocks[0].text.count("\n") == 2


def test_tab_separated_text_line_is_a_table_row() -> None:
    blocks = _build([_text_line("Widget quality\tGood")])
    assert _kinds(blocks) == [("table", "Widget quality\tGood")]


def test_timescale_line_is_a_subheading() -> None:
    blocks = _build([_line("Within three months:"), _line("Immediately", top=120)])
    assert [b.kind for b in blocks] == ["subheading", "subheading"]


def test_known_heading_and_bold_heading_wrapping_onto_a_second_line() -> None:
    blocks = _build(
        [
            _line("Areas for improvement", bold=True),
            _line("A bold heading that", top=140, bold=True, gap_before=True),
            _line("Spans Two Lines", top=152, bold=True),
            _line("Plain text under it.", top=180, bold=False, gap_before=True),
        ]
    )
    assert _kinds(blocks)[:2] == [
        ("heading", "Areas for improvement"),
        ("heading", "A bold heading that Spans Two Lines"),
    ]
    assert blocks[2].kind == "text"


def test_a_bold_heading_wrapped_before_a_lower_case_word_is_one_heading() -> None:
    """"... of widgets who need help and" / "protection: good" (both bold, one size, no gap)
    is one heading; a bold lower-case line after a gap, or a plain one, is not its wrap."""
    blocks = _build(
        [
            _line("The experiences and progress of widgets who need help and", bold=True),
            _line("protection: good", top=112, bold=True),
            _line("Plain text under it.", top=140, bold=False, gap_before=True),
            _line("A Second Bold Heading", top=170, bold=True, gap_before=True),
            _line("plain lower-case text straight below it.", top=182, bold=False),
            _line("A Third Bold Heading", top=210, bold=True, gap_before=True),
            _line("bold text after a gap.", top=240, bold=True, gap_before=True),
        ]
    )
    assert _kinds(blocks)[0] == (
        "heading",
        "The experiences and progress of widgets who need help and protection: good",
    )
    assert [b.kind for b in blocks] == ["heading", "text", "heading", "text", "heading", "text"]


def test_lower_case_line_after_a_page_break_continues_an_unfinished_block() -> None:
    blocks = _build(
        [
            _line("The widget service has improved its", page=1, top=700, bold=False),
            _line("timeliness of visits.", page=2, top=60, bold=False),
        ]
    )
    assert _kinds(blocks) == [("text", "The widget service has improved its timeliness of visits.")]


def test_dash_hidden_continuation_in_text_input_is_repaired() -> None:
    blocks = _build(
        [
            _text_line("• Gadgets should be checked for"),
            _text_line("- completeness every week.", gap=True),
        ]
    )
    assert len(blocks) == 1
    assert blocks[0].text == "• Gadgets should be checked for completeness every week."
    assert blocks[0].repairs == ["continuation_after_page_break_dash"]


def test_numbered_line_is_a_candidate_bullets_and_sub_bullets_are_items() -> None:
    blocks = _build(
        [
            _line("12. Widgets are counted.", top=100),
            _line("• first item", top=120),
            _line("– a sub-item", top=140),
            _line("- a dashed item", top=160),
        ]
    )
    assert [(b.kind, b.candidate) for b in blocks] == [
        ("text", 12),
        ("bullet", None),
        ("sub_bullet", None),
        ("bullet", None),
    ]
    assert blocks[0].candidate_has_dot


def test_wrapped_line_hangs_right_of_its_bullet_an_outdented_line_is_new_text() -> None:
    blocks = _build(
        [
            _line("• An item that is", x0=60, top=100),
            _line("finished here.", x0=72, top=112),
            _line("New text at the margin.", x0=60, top=124),
        ]
    )
    assert _kinds(blocks) == [
        ("bullet", "• An item that is finished here."),
        ("text", "New text at the margin."),
    ]


def test_page_break_inside_a_sentence_runs_on_even_with_a_capital() -> None:
    blocks = _build(
        [
            _line("The review of the Widget", page=1, top=700, bold=False),
            _line("Board found gaps.", page=2, top=60, bold=False),
        ]
    )
    assert _kinds(blocks) == [("text", "The review of the Widget Board found gaps.")]


def test_text_input_wrapped_mid_sentence_runs_on_a_finished_one_does_not() -> None:
    blocks = _build(
        [
            _text_line("Gadget plans are written but not"),
            _text_line("Reviewed often enough."),
            _text_line("Another sentence starts here."),
        ]
    )
    assert _kinds(blocks) == [
        ("text", "Gadget plans are written but not Reviewed often enough."),
        ("text", "Another sentence starts here."),
    ]


def test_a_footnote_marker_glued_to_a_known_heading_is_not_its_text() -> None:
    """"Areas for improvement2" (a superscript footnote marker read into the line) is the
    known heading "Areas for improvement"; a bold heading's own digits stay ("Annex 2")."""
    blocks = _build(
        [
            _line("Areas for improvement2", bold=True),
            _line("Invented text under it.", top=130, bold=False, gap_before=True),
            _line("Annex 2", top=160, bold=True, gap_before=True),
            _line("More invented text.", top=190, bold=False, gap_before=True),
        ]
    )
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["Areas for improvement", "Annex 2"]
    # The profiles' list headings allow the marker ("improve?1" matches them): it still goes.
    from inspectparse.profiles import known_headings

    lines = [
        _line("What needs to improve?1", bold=True),
        _line("Invented text under it.", top=130, bold=False, gap_before=True),
    ]
    doc = Document(pages=[Page(number=1, lines=lines)], format="pdf", engine="test")
    built = BlockBuilder(CleanedDocument(document=doc), known_headings()).build()
    assert built[0].kind == "heading" and built[0].text == "What needs to improve?"


def test_a_back_page_opening_wrapped_short_does_not_run_on_an_unfinished_block() -> None:
    """Text input wrapped at 60 columns: "The Office for Standards in Education, Children's"
    after a team list without a full stop starts a block of its own."""
    blocks = _build(
        [
            _text_line("Ann Inventor, invented inspector, Bob Maker, CQC inspector", gap=True),
            _text_line("The Office for Standards in Education, Children's"),
            _text_line("Services and Skills (Ofsted) regulates invented things."),
        ]
    )
    assert [b.text[:20] for b in blocks] == ["Ann Inventor, invent", "The Office for Stand"]
