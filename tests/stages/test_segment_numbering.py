"""segment.numbering, segment.paragraphs, segment.joins, segment.headings as functions."""

from __future__ import annotations

import pytest

from inspectparse.document import Line, Note
from inspectparse.segment.headings import (
    contents_entry_page,
    known_headings_matcher,
    looks_like_heading,
    strip_footnote,
)
from inspectparse.segment.joins import is_terminal, join_lines
from inspectparse.segment.numbering import apply_numbering, choose_numbering, repair_gaps
from inspectparse.segment.paragraphs import check_run_end, furniture_blocks, group_paragraphs
from inspectparse.segment.units import Block, ParagraphUnit, SectionUnit


def _block(text: str, kind: str = "text", candidate: int | None = None, x0: float = 60.0) -> Block:
    line = Line(text=text, page=1, index=0, x0=x0, x1=500.0, top=100.0, bottom=110.0)
    return Block(kind, [line], text, candidate=candidate)  # type: ignore[arg-type]


def _numbered(n: int, x0: float = 60.0) -> Block:
    return _block(f"{n}. Widget paragraph {n}.", candidate=n, x0=x0)


def test_choose_numbering_skips_table_labels_before_the_run() -> None:
    blocks = [_numbered(1), _numbered(2)] + [_numbered(n) for n in range(1, 7)]
    assert choose_numbering(blocks) == list(range(2, 8))


def test_choose_numbering_ignores_a_short_run() -> None:
    assert choose_numbering([_numbered(1), _numbered(2), _numbered(3)]) == []


def test_choose_numbering_prefers_the_candidate_in_the_number_column() -> None:
    # A wrapped line far right that starts with "4." and the real paragraph 4 in the column.
    blocks = [_numbered(n) for n in (1, 2, 3)] + [_numbered(4, x0=300.0), _numbered(4)]
    blocks += [_numbered(n) for n in (5, 6)]
    assert choose_numbering(blocks) == [0, 1, 2, 4, 5, 6]


def test_choose_numbering_follows_a_number_column_that_shifts_between_sections() -> None:
    blocks = [_numbered(n, x0=92.0) for n in range(1, 5)]
    blocks.append(_block("New section", kind="heading"))
    blocks += [_numbered(n, x0=79.0) for n in range(5, 9)]
    assert [blocks[i].candidate for i in choose_numbering(blocks)] == list(range(1, 9))


def test_choose_numbering_keeps_a_lone_hanging_indent() -> None:
    blocks = [_numbered(n, x0=100.0 if n == 4 else 60.0) for n in range(1, 8)]
    assert choose_numbering(blocks) == list(range(7))


def test_apply_numbering_strips_numbers_and_merges_a_lookalike_wrapped_line() -> None:
    blocks = [_numbered(n) for n in range(1, 5)]
    lookalike = _block("30 widgets were seen.", candidate=30)
    blocks.insert(2, lookalike)
    apply_numbering(blocks)
    assert [b.number for b in blocks] == [1, 2, 3, 4]
    assert blocks[0].text == "Widget paragraph 1."
    assert blocks[1].text.endswith("30 widgets were seen.")


def test_repair_gaps_infers_lost_numbers_or_warns() -> None:
    blocks = [_numbered(n) for n in range(1, 4)] + [_block("Lost paragraph.")] + [_numbered(5)]
    apply_numbering(blocks)
    warnings: list[Note] = []
    repair_gaps(blocks, warnings)
    assert [b.number for b in blocks] == [1, 2, 3, 4, 5]
    assert blocks[3].number_inferred and blocks[3].repairs == ["number_inferred"]
    assert warnings == []

    gap = [_numbered(n) for n in (1, 2, 3, 6, 7)]
    apply_numbering(gap)
    repair_gaps(gap, warnings)
    assert [w.code for w in warnings] == ["paragraph_number_gap"]
    assert "4, 5" in warnings[0].message


def test_numbers_standing_alone_carry_the_run_over_their_gap_and_are_reported() -> None:
    """Text input: numbers a converter set apart that the loader could not place ("5." "6."
    "7." alone) keep the run going past them, number no paragraph, and leave a warning."""
    paras = [_block("Widget text without its number.") for _ in range(4)]
    blocks = [_numbered(n) for n in range(1, 5)] + paras
    blocks += [_block(f"{n}.") for n in (5, 6, 7)] + [_numbered(n) for n in range(8, 11)]
    chosen = choose_numbering(blocks)
    assert [blocks[i].candidate for i in chosen] == [1, 2, 3, 4, 8, 9, 10]
    apply_numbering(blocks)
    warnings: list[Note] = []
    repair_gaps(blocks, warnings)
    # Four paragraph starts for three numbers: not guessed.
    assert [b.number for b in blocks if b.number] == [1, 2, 3, 4, 8, 9, 10]
    assert [w.code for w in warnings] == ["paragraph_number_gap"]
    assert "5, 6, 7 not found" in warnings[0].message
    # Without the lone numbers the run stops at 4 (a skip of four is no step).
    plain = [_numbered(n) for n in range(1, 5)] + paras + [_numbered(n) for n in range(8, 11)]
    assert [plain[i].candidate for i in choose_numbering(plain)] == [1, 2, 3, 4]


def test_a_run_opened_by_numbers_standing_alone_warns_about_them() -> None:
    blocks = [_block(f"{n}.") for n in (1, 2)] + [_block("Widget text.") for _ in range(3)]
    blocks += [_numbered(n) for n in range(3, 8)]
    apply_numbering(blocks)
    warnings: list[Note] = []
    repair_gaps(blocks, warnings)
    assert [b.number for b in blocks if b.number] == [3, 4, 5, 6, 7]
    assert [w.message for w in warnings] == ["paragraph numbers 1 to 2 not found before 3"]
    # Lone numbers alone are no numbering.
    assert choose_numbering([_block(f"{n}.") for n in range(1, 9)]) == []


NO_KNOWN_HEADINGS = known_headings_matcher(())


def _bold_heading(text: str) -> Block:
    block = _block(text, kind="heading")
    block.lines[0].bold = True
    return block


def _grouped(blocks: list[Block]) -> tuple[list[ParagraphUnit], list[SectionUnit]]:
    apply_numbering(blocks)
    return group_paragraphs(blocks, furniture_blocks(blocks, NO_KNOWN_HEADINGS))


def _run_end(blocks: list[Block]) -> list[Note]:
    paragraphs, _ = _grouped(blocks)
    return check_run_end(paragraphs, blocks, furniture_blocks(blocks, NO_KNOWN_HEADINGS))


def test_back_page_ends_the_last_paragraph_and_is_no_paragraph() -> None:
    blocks = [_numbered(n) for n in range(1, 5)]
    blocks += [
        _block("© Crown copyright 2099"),
        _block("If you would like a copy of this document in a different format, ask."),
        _block("Interested in our widgets? Subscribe to the invented newsletter."),
        _block("Piccadilly Gate Store Street Manchester M1 2WD"),
    ]
    paragraphs, _ = _grouped(blocks)
    assert [(p.number, len(p.blocks)) for p in paragraphs] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def test_the_back_page_ends_at_a_bound_in_report_and_a_letterhead_is_no_paragraph() -> None:
    """A second report bound in after the first one's back page keeps its text (its heading
    ends the back page); a 2012 report's inside cover (copyright, licence) before the body is
    no paragraph; a letter's letterhead (Ofsted's address) is none either, and the letter's
    opening paragraph after it is kept; a back-page heading is no section."""
    blocks = [
        _block("Ofsted Piccadilly Gate T 0300 000 0000 Store Street Manchester M1 2WD"),
        _block("Dear Ms Example,"),
        _block("This letter sets out the invented findings of a visit to Northwick."),
        _block("© Crown copyright 2099"),
        _block("This document may be reproduced in whole or in part for invented purposes."),
        _bold_heading("About this widget inspection"),
        *[_numbered(n) for n in range(1, 6)],
        _block("What the inspection judgements mean", kind="heading"),
        _block("An invented table of what each grade means."),
        _block(
            "The Office for Standards in Education, Children's Services and Skills (Ofsted) "
            "regulates invented things."
        ),
        # A line of the back page that text input reads as a heading (no bold, not known).
        _block("Licence. To view this licence, visit", kind="heading"),
        _block("an invented address of the licence."),
        _bold_heading("Northwick Safeguarding Widgets Board"),
        _block("The bound-in review's own invented opening text."),
        _numbered(1),
    ]
    paragraphs, sections = _grouped(blocks)
    texts = [p.text for p in paragraphs]
    assert texts[:2] == [
        "Dear Ms Example,",
        "This letter sets out the invented findings of a visit to Northwick.",
    ]
    assert [p.number for p in paragraphs[2:7]] == [1, 2, 3, 4, 5]
    assert texts[7].startswith("The bound-in review's own invented opening text.")
    assert not any(
        "Crown" in t or "Ofsted" in t or "grade means" in t or "licence" in t for t in texts
    )
    assert [s.title for s in sections] == [
        "About this widget inspection",
        "Northwick Safeguarding Widgets Board",
    ]


@pytest.mark.parametrize(
    "letterhead",
    [
        "OFSTED PICCADILLY GATE STORE STREET MANCHESTER M1 2WD",
        "Ofsted, Store St, Manchester, M1 2WD",
        "Enquiries: ENQUIRIES@OFSTED.GOV.UK",
        "Ofsted\nPiccadilly Gate\nT 0300 000 0000",
    ],
)
def test_ofsted_address_is_furniture_in_any_case_and_form(letterhead: str) -> None:
    """The address is found whatever its case (a cheap lower-case test comes first)."""
    blocks = [_block(letterhead), _block("Dear Ms Example,")]
    assert furniture_blocks(blocks, NO_KNOWN_HEADINGS) == {0}


def test_a_street_name_alone_is_no_address() -> None:
    blocks = [_block("The invented team met families on Store Street in Northwick.")]
    assert furniture_blocks(blocks, NO_KNOWN_HEADINGS) == set()


def test_group_paragraphs_attaches_items_and_drops_empty_sections() -> None:
    blocks = [
        _block("Title line", kind="heading"),
        _block("Widget findings", kind="heading"),
        _numbered(1),
        _block("• an item", kind="bullet"),
        _numbered(2),
        _numbered(3),
        _numbered(4),
    ]
    paragraphs, sections = _grouped(blocks)
    assert [(p.number, len(p.blocks)) for p in paragraphs] == [(1, 2), (2, 1), (3, 1), (4, 1)]
    assert paragraphs[0].section == "Widget findings"
    assert [(s.title, s.paragraph_numbers) for s in sections] == [("Widget findings", [1, 2, 3, 4])]


def _unnumbered(blocks: list[Block]) -> list[list[str]]:
    paragraphs, _ = _grouped([_block("Widget findings", kind="heading"), *blocks])
    return [[b.text for b in p.blocks] for p in paragraphs]


def test_each_bulleted_paragraph_of_an_unnumbered_report_is_a_paragraph_of_its_own() -> None:
    """A letter's findings: one bulleted paragraph after another, each its own citation."""
    found = [
        "• Widget leaders know their services well. They act on what they learn.",
        "• Most widget plans are clear. A few are vague about timescales.",
        "Text after the list starts a paragraph too.",
    ]
    assert _unnumbered([_block(found[0], "bullet"), _block(found[1], "bullet"), _block(found[2])])
    assert _unnumbered(
        [_block(found[0], "bullet"), _block(found[1], "bullet"), _block(found[2])]
    ) == [[found[0]], [found[1]], [found[2]]]


def test_a_lead_in_keeps_its_items_and_an_item_keeps_its_sub_items() -> None:
    lead_in = _block("Inspectors found that widget leaders have:")
    items = [
        _block("• A clear plan for widgets.", "bullet"),
        _block("• Regular reviews.", "bullet"),
    ]
    assert _unnumbered([lead_in, *items]) == [[lead_in.text, items[0].text, items[1].text]]
    item, sub = _block("• Widget plans set out:", "bullet"), _block("– who acts", "sub_bullet")
    other = _block("• Widget reviews are regular.", "bullet")
    assert _unnumbered([item, sub, other]) == [[item.text, sub.text], [other.text]]
    # Sub-items a converter sets with ASCII dashes read as items of their own glyph.
    dashes = [_block("- Who acts.", "bullet"), _block("- By when.", "bullet")]
    assert _unnumbered([item, *dashes, other]) == [
        [item.text, *(d.text for d in dashes)],
        [other.text],
    ]


def test_a_list_of_phrases_stays_one_paragraph() -> None:
    phrases = [
        _block("• the timeliness of widget plans", "bullet"),
        _block("• widget audits", "bullet"),
    ]
    assert _unnumbered(phrases) == [[phrases[0].text, phrases[1].text]]


def test_is_terminal_and_join_lines() -> None:
    assert is_terminal("Widgets are fine.")
    assert is_terminal("as set out in (paragraph 3).2")
    assert not is_terminal("Widgets are")
    assert join_lines("multi-", "agency") == "multi-agency"
    assert join_lines("reg-", "ularly", {"regularly": 2}) == "regularly"
    assert join_lines("", "start") == "start"


def test_looks_like_heading_known_bold_and_text_cues() -> None:
    import re

    known = known_headings_matcher((re.compile(r"^(?:What needs to improve\??)\s*$").pattern,))
    plain = Line(text="x", page=1, index=0, x0=1.0, x1=2.0, top=1.0, bottom=2.0, bold=False)
    bold = Line(text="x", page=1, index=0, x0=1.0, x1=2.0, top=1.0, bottom=2.0, bold=True)
    assert looks_like_heading(known, plain, "What needs to improve?1", None, None, True)
    assert not looks_like_heading(known, plain, "Gadget findings", None, None, True)
    assert looks_like_heading(known, bold, "Gadget findings", None, None, True)
    assert not looks_like_heading(known, bold, "Lead widget: Ann Example", None, None, True)
    text_line = Line(text="x", page=1, index=0, gap_before=True)
    after = Line(text="y", page=1, index=1, gap_before=True)
    assert looks_like_heading(known, text_line, "Gadget findings", None, after, False)
    assert not looks_like_heading(known, text_line, "gadget findings", None, after, False)


def test_a_line_going_on_with_the_sentence_above_is_no_heading_whatever_its_words() -> None:
    """A known heading's words in lower case straight under an unfinished line ("... an impact
    on / outcomes for widgets and gadgets. Quality of") go on with its sentence; the same
    words after a finished sentence and a break, or capitalised, are still the heading."""
    import re

    known = known_headings_matcher((re.compile(r"^(?:outcomes for widgets.*)\s*$").pattern,))
    above = Line(text="is too soon to see an impact on", page=1, index=0, bold=False)
    line = Line(text="x", page=1, index=1, bold=False)
    words = "outcomes for widgets and gadgets. Quality of"
    assert not looks_like_heading(known, line, words, above, None, True)
    # A blank line a converter put in between does not end the sentence either.
    apart = Line(text="x", page=1, index=1, bold=False, gap_before=True)
    assert not looks_like_heading(known, apart, words, above, None, True)
    finished = Line(text="Leaders know their widgets well.", page=1, index=0, bold=False)
    assert looks_like_heading(known, apart, words, finished, None, True)
    top_of_page = Line(text="x", page=2, index=0, bold=False)
    assert looks_like_heading(known, top_of_page, "Outcomes for widgets", above, None, True)


def test_contents_entry_by_trailing_number_or_number_cell() -> None:
    lines = [
        Line(text="About widgets 4", page=1, index=0),
        Line(text="Gadgets", page=1, index=1, x0=60.0, x1=90.0, top=100.0, bottom=110.0),
        Line(text="9", page=1, index=2, x0=400.0, x1=410.0, top=101.0, bottom=111.0),
        Line(text="Prose line", page=1, index=3),
    ]
    assert [contents_entry_page(lines, i) for i in range(4)] == [4, 9, 9, None]


def test_run_that_stops_before_the_body_ends_is_a_review_warning() -> None:
    assert _run_end([_numbered(n) for n in range(1, 6)]) == []

    # The next number follows as unnumbered text (its column was not followed).
    stopped = [_numbered(n) for n in range(1, 6)] + [_block("6. More widget findings.")]
    assert [n.code for n in _run_end(stopped)] == ["paragraph_run_short"]

    # Long unnumbered text after a short run, up to the back page.
    tail = [_numbered(n) for n in range(1, 6)] + [_block("Widgets. " * 800)]
    tail.append(_block("© Crown copyright 2099"))
    assert "unnumbered text" in _run_end(tail)[0].message

    # Text after the back page (a report bound in behind it) is not the run's tail.
    bound_in = [_numbered(n) for n in range(1, 6)] + [_block("© Crown copyright 2099")]
    bound_in += [_block("Widgets. " * 800)]
    assert _run_end(bound_in) == []


def test_the_back_page_ends_with_its_page() -> None:
    """Text on the page after a back page (a report bound in behind it whose title lines read
    as no heading) is the report's again."""

    def on_page(block: Block, page: int) -> Block:
        block.lines[0].page = page
        return block

    blocks = [on_page(_numbered(n), 2) for n in range(1, 6)]
    blocks += [
        on_page(_block("© Crown copyright 2099"), 3),
        on_page(_block("Piccadilly Gate Store Street Manchester M1 2WD"), 3),
        on_page(_block("The bound-in board requires improvement, in invented words."), 4),
    ]
    paragraphs, _ = _grouped(blocks)
    assert [p.text for p in paragraphs][5:] == [
        "The bound-in board requires improvement, in invented words."
    ]


def test_a_body_sentence_naming_ofsted_in_full_opens_no_back_page() -> None:
    blocks = [
        _block(
            "The Office for Standards in Education, Children's Services and Skills (Ofsted) "
            "and an invented partner inspected Northwick's widget services."
        ),
        _block("Inspectors met invented leaders and read invented case files."),
    ]
    paragraphs, _ = _grouped(blocks)
    assert len(paragraphs) == 2


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("What needs to improve?1", "What needs to improve?"),
        ("What needs to improve? 1 ", "What needs to improve?"),
        ("Recommendations:2", "Recommendations:"),
        ("  Areas for improvement  ", "Areas for improvement"),  # no digit: stripped only
        ("Annex 2", "Annex 2"),  # a word's own number stays
        ("Priority actions 12", "Priority actions 12"),
    ],
)
def test_strip_footnote(text: str, bare: str) -> None:
    assert strip_footnote(text) == bare
