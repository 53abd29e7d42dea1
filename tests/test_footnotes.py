"""Footnotes at a page's foot: set apart from the body's flow, so a paragraph a page break cuts
joins up across it, and each footnote is a paragraph of its own.

The PDFs are synthetic (`scripts/make_fixtures.py`'s writer): a 2018-style report page whose
numbered paragraph runs onto the next page past a footnote in small print, the layout that put
footnote text mid-sentence into ILACS paragraphs and split JTAI letters' paragraphs in two.
"""

from __future__ import annotations

from typing import Any

import pytest

from inspectparse import extract
from inspectparse.classify.judgements import _expected
from inspectparse.clean import clean
from inspectparse.document import Document, Line, Page
from inspectparse.load import load
from inspectparse.profiles import get as get_profile
from inspectparse.segment import Block, Structure, segment
from repo_scripts import load_script

fixtures = load_script("make_fixtures")

BODY = 12.0
SMALL = 9.96
LEFT = 72.0
LEADING = 15.0

OPENING = [
    "Northwick Council",
    "Inspection of children's social care services",
]
# Paragraph 2 breaks mid-sentence at the foot of page 1 and goes on at the top of page 2.
PARA_1 = [
    "1. Leaders in Northwick know their services well and the changes they made",
    "have improved practice for most children across the partnership this year.",
]
PARA_2_PAGE_1 = [
    "2. Practitioners use a shared model of practice, as the framework1 expects, and",
    "most plans set out clearly what needs to change for children and who will",
]
PARA_2_PAGE_2 = [
    "do it. A small number of plans are too vague about timescales for children.",
]
LATER = [
    "3. Managers oversee casework closely and supervision is regular and reflective.",
    "4. Children in care see their social workers often and know why decisions are made.",
    "5. Care leavers are helped to find homes that suit them and work or training.",
]
FOOTNOTE = [
    "1 The framework named here is an invented one, written for this synthetic report",
    "and for no real inspection.",
]


def _lines(page: Any, lines: list[str], top: float, size: float = BODY) -> float:
    for text in lines:
        page.text(LEFT, top, text, size)
        top += LEADING if size == BODY else 12.0
    return top


def report_pdf(
    *,
    footnote: list[str] = FOOTNOTE,
    foot_lines: tuple[tuple[str, float], ...] = (),
    reference: str = "framework1",
) -> bytes:
    first, second = fixtures.Page(), fixtures.Page()
    top = _lines(first, OPENING, 80.0)
    top = _lines(first, PARA_1, top + 20.0)
    body = [line.replace("framework1", reference) for line in PARA_2_PAGE_1]
    _lines(first, body, 640.0)
    foot = _lines(first, footnote, 740.0, SMALL)
    for text, size in foot_lines:
        first.text(LEFT, foot, text, size)
        foot += 12.0
    top = _lines(second, PARA_2_PAGE_2, 80.0)
    for line in LATER:
        top = _lines(second, [line], top + 20.0)
    return bytes(fixtures.build_pdf([first, second], name="footnote probe"))


def _paragraphs(data: bytes, engine: str = "pdfium") -> list[tuple[int | None, str]]:
    record = extract(data, engine=engine)  # type: ignore[arg-type]
    return [(p.number, p.text) for p in record.paragraphs if p.number or p.text[:1].isdigit()]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_paragraph_cut_by_a_page_break_joins_up_past_the_footnote(engine: str) -> None:
    paragraphs = _paragraphs(report_pdf(), engine)
    numbered = {number: text for number, text in paragraphs if number is not None}
    assert numbered[2] == " ".join(PARA_2_PAGE_1 + PARA_2_PAGE_2)[3:]
    assert "invented" not in numbered[2]
    # The footnote is a paragraph of its own, whole, after the paragraph its page ends in.
    footnotes = [(k, text) for k, (number, text) in enumerate(paragraphs) if number is None]
    assert [text for _, text in footnotes] == [" ".join(FOOTNOTE)]
    assert paragraphs[footnotes[0][0] - 1][0] == 2


def test_the_footnote_lines_leave_the_body_and_keep_their_page() -> None:
    document = clean(load(report_pdf(), engine="pdfium")).document
    layers = {line.text: line.layer for line in document.pages[0].lines}
    assert [layers[text] for text in FOOTNOTE] == ["footnote", "footnote"]
    assert {layers[text] for text in PARA_2_PAGE_1} == {"body"}
    record = extract(report_pdf())
    note = next(p for p in record.paragraphs if p.text.startswith("1 The framework"))
    assert (note.number, note.provenance.page, note.provenance.page_end) == (None, 1, 1)


@pytest.mark.parametrize(
    "reference", ["framework", "framework (1)", "framework 1:1", "£1 framework"]
)
def test_small_print_the_text_never_refers_to_stays_in_the_body(reference: str) -> None:
    """A number opening small print (a date on a cover, a table's row) is no footnote marker
    unless the text refers to it, the number set on a word ("framework1"): a number of its
    own, in brackets, in a ratio or an amount is no reference."""
    document = clean(load(report_pdf(reference=reference), engine="pdfium")).document
    assert {line.layer for line in document.pages[0].lines} == {"body"}


def test_a_running_footer_in_other_small_print_below_the_footnotes_is_not_theirs() -> None:
    data = report_pdf(foot_lines=(("Inspection of Northwick: a running footer", 8.0),))
    document = clean(load(data, engine="pdfium")).document
    layers = {line.text: line.layer for line in document.pages[0].lines}
    assert layers[FOOTNOTE[1]] == "footnote"
    assert layers["Inspection of Northwick: a running footer"] == "body"


def test_each_footnote_of_a_page_is_a_paragraph_and_a_marker_alone_leads_its_text() -> None:
    """The next footnote starts at the next number, here set alone on a row above its text
    (a superscript), smaller than the footnote text."""
    second = "A second footnote, which no sentence of the body cites."
    data = report_pdf(foot_lines=(("2", 8.0), (second, SMALL)), reference="framework1 and plans2")
    texts = [text for number, text in _paragraphs(data) if number is None]
    assert texts == [" ".join(FOOTNOTE), f"2 {second}"]


def report_text(footnote: str, *, reference: str = "framework1") -> str:
    """The same report as a converter's text: no sizes, so the footnote is told by its place
    (the page's last lines), its marker and the body's reference to it. `footnote` is what
    stands between paragraph 2's first part and the page's number."""
    body = "\n".join(line.replace("framework1", reference) for line in PARA_2_PAGE_1)
    first = "\n".join(OPENING) + "\n\n" + "\n".join(PARA_1) + f"\n\n{body}\n{footnote}\n1\n"
    second = "\n".join(PARA_2_PAGE_2) + "\n\n" + "\n\n".join(LATER) + "\n\n2\n"
    return f"{first}\f{second}"


# How converters set the footnote under the body: the marker on the text's line (markitdown),
# alone over it (pdftotext), or alone after it (pdftotext, a superscript read last).
TEXT_FOOTNOTES = {
    "marker on its line": "\n" + "\n".join(FOOTNOTE) + "\n",
    "marker alone over it": "\n1\n\n" + FOOTNOTE[0][2:] + "\n" + FOOTNOTE[1] + "\n",
    "marker alone after it": "\n" + FOOTNOTE[0][2:] + "\n" + FOOTNOTE[1] + "\n1\n",
}


@pytest.mark.parametrize("shape", sorted(TEXT_FOOTNOTES))
def test_a_footnote_in_text_leaves_the_paragraph_a_page_break_cuts_whole(shape: str) -> None:
    record = extract(report_text(TEXT_FOOTNOTES[shape]).encode(), input_format="text")
    numbered = {p.number: p.text for p in record.paragraphs if p.number is not None}
    assert list(numbered) == [1, 2, 3, 4, 5]
    assert numbered[2] == " ".join(PARA_2_PAGE_1 + PARA_2_PAGE_2)[3:]
    texts = [p.text for p in record.paragraphs]
    assert not any("invented" in text for text in texts if text.startswith(("2.", "Practition")))
    # The footnote is a paragraph of its own, whole, its marker leading its text.
    assert " ".join(FOOTNOTE) in texts


def test_small_print_in_text_the_body_never_refers_to_stays_in_the_body() -> None:
    document = load(
        report_text(TEXT_FOOTNOTES["marker on its line"], reference="framework").encode(),
        fmt="text",
    )
    clean(document)
    assert {line.layer for line in document.pages[0].lines} <= {"body", "furniture"}


def test_a_table_cell_read_after_a_lone_marker_stays_in_the_body() -> None:
    """Reading order can put a superscript marker before the rest of its row: the table's
    last grade, between the marker and its footnote's text, is the table's."""
    footnote = "\n1\n\nRequires improvement\n\n" + "\n".join(FOOTNOTE)[2:] + "\n"
    document = load(report_text(footnote).encode(), fmt="text")
    clean(document)
    layers = {line.text: line.layer for line in document.pages[0].lines}
    assert layers["Requires improvement"] == "body"
    assert layers[FOOTNOTE[0][2:]] == layers[FOOTNOTE[1]] == "footnote"


def test_a_footnote_still_shows_a_judgement_the_report_should_have() -> None:
    """A SIF's footnote saying the report includes the LSCB's review is evidence that the LSCB
    judgement is expected, as it was when footnotes were part of the body."""
    profile = get_profile("sif")
    spec = next(s for s in profile.judgements if s.key == "lscb")
    note = Block(
        "footnote",
        [Line("1 ...", 1, 0)],
        "1 This report includes the review of the Local Safeguarding Children Board carried "
        "out under the regulations.",
    )
    document = Document(pages=[Page(1, [])], format="pdf", engine="pdfium")
    bare = Structure(document, [], [], [])
    assert not _expected(spec, bare)
    assert _expected(spec, Structure(document, [], [], [], footnotes=[note]))


def test_segmenting_a_document_without_footnotes_gives_none() -> None:
    structure = segment(clean(load(report_pdf(reference="framework"), engine="pdfium")))
    assert structure.footnotes == []


def test_a_letter_s_date_and_a_postcode_are_no_footnote_and_its_citation() -> None:
    """A page cut inside a letter's head: its date line opens with a number, and the
    letterhead's postcode ("M1 2WD") sets a number on one letter; neither is a footnote."""
    head = (
        "Ofsted\nPiccadilly Gate\nStore Street\nManchester M1 2WD\n\n"
        "1 December 2031\n\nAda Example\nDirector of Children's Services\n1\n"
    )
    document = load(
        f"{head}\f{report_text(TEXT_FOOTNOTES['marker on its line'])}".encode(), fmt="text"
    )
    clean(document)
    assert {line.layer for line in document.pages[0].lines} <= {"body", "furniture"}


def test_a_table_label_over_a_lone_number_is_no_footnote() -> None:
    """A lone number after a block is a superscript read last only where the block ends a
    sentence: a table's last label over the marker (a page cut inside the table) is the
    table's."""
    footnote = "\n3. Leadership, management and governance\n1\n"
    document = load(report_text(footnote).encode(), fmt="text")
    clean(document)
    layers = {line.text: line.layer for line in document.pages[0].lines}
    assert layers["3. Leadership, management and governance"] == "body"
