"""Headings as reports set them: a grade in a cell beside a heading that wraps, headings of
different levels stacked with no space between, a footnote marker drawn before a heading's
first word, and a table of contents whose last entry sits just above the body's first heading.

The PDFs are synthetic (`scripts/make_fixtures.py`'s writer), in the layouts of SIF reports
2015-18 and ILACS summary tables: reading order by rows puts a grade cell between the lines of
the heading it sits beside, which ran the grade into the heading ("The experiences and progress
of Requires improvement children who need help and to be good protection") and left the
heading's last words as a paragraph of their own.
"""

from __future__ import annotations

import pytest

from inspectparse import extract
from inspectparse.clean import clean
from inspectparse.document import Line
from inspectparse.load import load
from inspectparse.segment import Block, Structure, segment
from inspectparse.segment.paragraphs import group_paragraphs
from repo_scripts import load_script

fixtures = load_script("make_fixtures")

ENGINES = ["pdfium", "pdfplumber"]
LEFT = 72.0
BODY = 12.0
HEADING = 14.0
CELL_X = 357.0

FINDINGS = [
    "1. Leaders in Northwick know their widget services well and have improved the help",
    "that families receive since the last inspection of the partnership.",
    "2. Managers oversee casework closely and supervision is regular and reflective for",
    "most practitioners in every team across the county.",
]


def _body(page: object, top: float) -> None:
    for text in FINDINGS:
        page.text(LEFT, top, text, BODY)  # type: ignore[attr-defined]
        top += 15.0


def _structure(data: bytes, engine: str) -> Structure:
    return segment(clean(load(data, engine=engine)))  # type: ignore[arg-type]


def graded_heading_pdf(grade_size: float = HEADING) -> bytes:
    """A heading over three lines with its grade over two lines in the column beside it, each
    grade line between two of the heading's rows."""
    page = fixtures.Page()
    page.text(LEFT, 80.0, "Northwick Council", 20.0, bold=True)
    rows = [
        (LEFT, 120.0, "The experiences and progress of"),
        (CELL_X, 128.0, "Requires improvement"),
        (LEFT, 136.0, "children who need help and"),
        (CELL_X, 144.0, "to be good"),
        (LEFT, 152.0, "protection"),
    ]
    for x, baseline, text in rows:
        size = grade_size if x == CELL_X else HEADING
        page.text(x, baseline, text, size, bold=True)
    _body(page, 190.0)
    return bytes(fixtures.build_pdf([page], name="graded heading with a cell beside it"))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("grade_size", [HEADING, BODY])
def test_a_grade_beside_a_wrapped_heading_is_a_cell_of_its_own(
    engine: str, grade_size: float
) -> None:
    structure = _structure(graded_heading_pdf(grade_size), engine)
    by_kind = [(b.kind, b.text) for b in structure.blocks]
    assert (
        "heading",
        "The experiences and progress of children who need help and protection",
    ) in by_kind
    assert ("table", "Requires improvement to be good") in by_kind
    record = extract(graded_heading_pdf(grade_size), engine=engine)  # type: ignore[arg-type]
    assert [s.title for s in record.sections][-1] == (
        "The experiences and progress of children who need help and protection"
    )
    # The heading's last words and the grade are no paragraphs; the findings are theirs.
    texts = [p.text for p in record.paragraphs]
    assert not [t for t in texts if "protection" in t or "Requires" in t or "to be good" in t]
    assert any("Leaders in Northwick" in t for t in texts)
    assert {p.section for p in record.paragraphs} == {
        "The experiences and progress of children who need help and protection"
    }


def stacked_headings_pdf() -> bytes:
    """Three headings of three levels with no space between them, a footnote marker in tiny
    print drawn before the second one's first word (as some SIF reports set it), then a list."""
    page = fixtures.Page()
    page.text(LEFT, 80.0, "Northwick Council", 20.0, bold=True)
    page.text(LEFT, 120.0, "The local widget authority", 16.0, bold=True)
    page.text(LEFT, 139.0, "1", 3.0)
    page.text(LEFT + 1.7, 140.0, "Information about this widget area", HEADING, bold=True)
    page.text(LEFT, 160.0, "Previous widget inspections", BODY, bold=True)
    _body(page, 185.0)
    return bytes(fixtures.build_pdf([page], name="stacked headings"))


@pytest.mark.parametrize("engine", ENGINES)
def test_headings_of_different_sizes_stacked_are_headings_of_their_own(engine: str) -> None:
    structure = _structure(stacked_headings_pdf(), engine)
    headings = [b.text for b in structure.blocks if b.kind == "heading"]
    assert headings[-3:] == [
        "The local widget authority",
        "Information about this widget area",
        "Previous widget inspections",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tiny_marker_before_a_word_is_a_word_of_its_own(engine: str) -> None:
    """PDFium reads the marker and the word after it as one word ("1Information"); like
    pdfplumber, the loader cuts it where the size changes, so the heading reads whole."""
    document = load(stacked_headings_pdf(), engine=engine)  # type: ignore[arg-type]
    texts = [line.text for line in document.pages[0].lines]
    assert "Information about this widget area" in texts
    assert not [t for t in texts if "1Information" in t or t.startswith("about this")]


def contents_pdf() -> bytes:
    """A table of contents whose page numbers are cells on each entry's row; the next page
    opens with the headings it lists, a footnote marker (a lone number) on one's row."""
    contents, body = fixtures.Page(), fixtures.Page()
    contents.text(LEFT, 80.0, "Contents", 26.0)
    entries = [
        ("Executive summary", "1"),
        ("The local widget authority", "2"),
        ("Information about this widget area", "2"),
        ("Inspection findings", "3"),
    ]
    top = 120.0
    for title, number in entries:
        contents.text(LEFT + 14.0, top, title, HEADING)
        contents.text(491.0, top, number, HEADING)
        top += 22.0
    body.text(LEFT, 80.0, "The local widget authority", 16.0, bold=True)
    body.text(LEFT + 1.7, 100.0, "Information about this widget area", HEADING, bold=True)
    body.text(LEFT, 103.0, "1", 3.0)
    body.text(LEFT, 125.0, "Previous widget inspections", BODY, bold=True)
    _body(body, 150.0)
    return bytes(fixtures.build_pdf([contents, body], name="contents then headings"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_table_of_contents_ends_where_its_page_numbers_go_back(engine: str) -> None:
    """The pages a table of contents gives run forward: a lone "1" after an entry for page 3
    is the body's (here a footnote marker), and the headings above it are the body's too."""
    structure = _structure(contents_pdf(), engine)
    contents = [b for b in structure.blocks if b.kind == "contents"]
    assert {line.page for b in contents for line in b.lines} == {1}
    headings = [b.text for b in structure.blocks if b.kind == "heading" and b.page == 2]
    assert headings[:2] == ["The local widget authority", "Information about this widget area"]


LAYOUT_TEXT = """Northwick Council
Inspection of children's social care services

Inspection dates: 1 to 5 May 2023
Judgement                                                         Grade
The impact of leaders on social work practice with                Good
children and families
The experiences and progress of children who need help and        Requires improvement
protection                                                        to be good
Overall effectiveness                                             Good

1. Leaders in Northwick know their widget services well and have improved the help
that families receive since the last inspection of the partnership.
"""


def test_text_laid_out_in_columns_keeps_a_heading_and_its_grade_cell_apart() -> None:
    """`pdftotext -layout` keeps the table's columns with spaces: the cells on a heading's
    rows are cells, and the heading's last words, under it, are the heading's."""
    structure = segment(clean(load(LAYOUT_TEXT.encode(), fmt="text")))
    blocks = [(b.kind, b.text) for b in structure.blocks]
    assert blocks[2:8] == [
        ("heading", "The impact of leaders on social work practice with children and families"),
        ("table", "Good"),
        ("heading", "The experiences and progress of children who need help and protection"),
        ("table", "Requires improvement to be good"),
        ("heading", "Overall effectiveness"),
        ("table", "Good"),
    ]


def _heading_block(text: str) -> Block:
    return Block("heading", [Line(text=text, page=1, index=0)], text)


def _text_block(text: str) -> Block:
    return Block("text", [Line(text=text, page=1, index=0)], text)


@pytest.mark.parametrize(
    "grade", ["Grade 4 (Inadequate)", "Inadequate", "Requires improvement to be good", "Requires"]
)
def test_a_grade_alone_under_a_heading_starts_no_section(grade: str) -> None:
    """2012-13 reports set the grade on a line of its own under each graded heading, and a
    summary table's grade cell reads as a heading: the text under it is the heading's."""
    heading = "Overall effectiveness of widget services"
    blocks = [
        _heading_block(heading),
        _heading_block(grade),
        _text_block("The judgement for overall effectiveness is inadequate."),
        _heading_block("Good practice in widget teams"),
        _text_block("Managers oversee casework closely."),
    ]
    paragraphs, sections = group_paragraphs(blocks, set())
    assert [s.title for s in sections] == [heading, "Good practice in widget teams"]
    assert [p.section for p in paragraphs] == [heading, "Good practice in widget teams"]


def summary_table_pdf() -> bytes:
    """A 2019-20 ILACS summary table: each row after a gap, its label and grade on one row,
    the label's last words and the grade's "to be good" on the row under it."""
    page = fixtures.Page()
    page.text(LEFT, 80.0, "Northwick Council", 26.0)
    page.text(LEFT, 110.0, "Inspection of children's social care services", 16.0, bold=True)
    page.text(LEFT + 7.0, 150.0, "Judgement", BODY, bold=True)
    page.text(CELL_X + 70.0, 150.0, "Grade", BODY, bold=True)
    top = 185.0
    for label, tail, grade, grade_tail in [
        ("The impact of leaders on social work practice with", "children and families", "Good", ""),
        (
            "The experiences and progress of children who need help",
            "and protection",
            "Requires improvement",
            "to be good",
        ),
    ]:
        page.text(LEFT + 7.0, top, label, BODY)
        page.text(CELL_X + 70.0, top, grade, BODY)
        page.text(LEFT + 7.0, top + 14.5, tail, BODY)
        page.text(CELL_X + 70.0, top + 14.5, grade_tail, BODY)
        top += 45.0
    _body(page, top + 20.0)
    return bytes(fixtures.build_pdf([page], name="ilacs summary table"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_grade_cell_on_its_labels_row_after_a_gap_is_a_cell(engine: str) -> None:
    """A visible break above a row marks each of its cells: the grade on a label's own row is
    its cell all the same, and the label's last words, under it, are the label's."""
    blocks = [(b.kind, b.text) for b in _structure(summary_table_pdf(), engine).blocks]
    assert (
        "heading",
        "The impact of leaders on social work practice with children and families",
    ) in blocks
    assert ("table", "Good") in blocks
    assert (
        "heading",
        "The experiences and progress of children who need help and protection",
    ) in blocks
    assert ("table", "Requires improvement to be good") in blocks


def test_a_table_row_label_over_its_grade_cell_is_no_section() -> None:
    label = "The experiences and progress of widgets"
    blocks = [
        _heading_block(label),
        Block("table", [Line(text="Good", page=1, index=1)], "Good"),
        _heading_block("Inspection findings"),
        _text_block("Managers oversee casework closely."),
    ]
    paragraphs, sections = group_paragraphs(blocks, set())
    assert [s.title for s in sections] == ["Inspection findings"]
    assert [p.section for p in paragraphs] == ["Inspection findings"]


def footnoted_heading_pdf() -> bytes:
    """A title page whose second title cites a footnote ("... widget board1"), and a heading
    ending in a number of its own ("Annex 2"), which no footnote has."""
    page = fixtures.Page()
    page.text(LEFT, 80.0, "Northwick Council", 26.0)
    page.text(LEFT, 120.0, "Inspection of widget services", HEADING, bold=True)
    page.text(
        LEFT, 145.0, "Review of the effectiveness of the local widget board1", HEADING, bold=True
    )
    _body(page, 175.0)
    page.text(LEFT, 270.0, "Annex 2", HEADING, bold=True)
    page.text(LEFT, 295.0, "Leaders review the annex every year with the widget board.", BODY)
    page.text(
        LEFT, 760.0, "1 Ofsted writes this review under an invented power, for this test.", 9.96
    )
    return bytes(fixtures.build_pdf([page], name="footnoted heading"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_headings_footnote_marker_is_not_part_of_its_title(engine: str) -> None:
    record = extract(footnoted_heading_pdf(), engine=engine)  # type: ignore[arg-type]
    titles = [s.title for s in record.sections]
    assert "Review of the effectiveness of the local widget board" in titles
    assert "Annex 2" in titles
    assert any(p.text.startswith("1 Ofsted writes") for p in record.paragraphs)


def sif_table_pdf() -> bytes:
    """A 2015-style SIF page 1: numbered judgement rows with the grade in a column beside,
    set halfway down a row whose label wraps, so reading order runs label, grade and the
    label's last word together."""
    page = fixtures.Page()
    page.text(LEFT, 80.0, "Northwick", 26.0)
    page.text(
        LEFT, 110.0, "Inspection of services for children in need of help and", HEADING, bold=True
    )
    page.text(LEFT, 127.0, "protection, children looked after and care leavers", HEADING, bold=True)
    page.text(LEFT, 150.0, "Inspection date: 1 June 2015 to 24 June 2015", HEADING)
    page.text(LEFT, 168.0, "Report published: 30 July 2015", HEADING)
    page.text(
        LEFT,
        200.0,
        "Children's services in Northwick require improvement to be good",
        HEADING,
        bold=True,
    )
    rows = [
        ("1. Children who need help and protection", "", "Requires improvement"),
        ("2. Children looked after and achieving", "permanence", "Good"),
        ("2.1 Adoption performance", "", "Good"),
        ("2.2 Experiences and progress of care leavers", "", "Good"),
        ("3. Leadership, management and governance", "", "Requires improvement"),
    ]
    top = 230.0
    for first, second, grade in rows:
        page.text(LEFT + 6.0, top, first, BODY, bold=True)
        page.text(CELL_X + 40.0, top + (7.0 if second else 0.0), grade, BODY, bold=True)
        if second:
            page.text(LEFT + 24.0, top + 14.5, second, BODY, bold=True)
        top += 32.0 if second else 25.0
    _body(page, top + 30.0)
    return bytes(fixtures.build_pdf([page], name="sif table between label lines"))


@pytest.mark.parametrize("engine", ENGINES)
def test_the_summary_table_the_judgements_come_from_is_no_paragraph(engine: str) -> None:
    record = extract(sif_table_pdf(), engine=engine)  # type: ignore[arg-type]
    grades = {j.key: j.grade for j in record.judgements}
    assert grades["children_looked_after"] == "good"
    assert grades["leadership_management_governance"] == "requires_improvement"
    texts = [p.text for p in record.paragraphs]
    assert not [t for t in texts if "permanence" in t or "Adoption performance" in t]
    assert any("Leaders in Northwick" in t for t in texts)
