"""Unit tests per stage on hand-built documents: no PDF, no click."""

from __future__ import annotations

import datetime as dt

import pytest

import inspectparse
from inspectparse.classify.dates import parse_periods
from inspectparse.classify.grades import canonical_grade
from inspectparse.classify.metadata import clean_name
from inspectparse.clean import clean, normalise_text
from inspectparse.document import Document, Line, Page
from inspectparse.errors import EmptyInputError, NoTextLayerError
from inspectparse.load.layout import Word, build_lines
from inspectparse.load.pdfplumber_engine import check_text_layer
from inspectparse.load.text import load_text
from inspectparse.segment import choose_numbering, join_lines, segment


def _page(number: int, texts: list[tuple[str, float]], height: float = 800.0) -> Page:
    lines = [
        Line(text=t, page=number, index=i, x0=60.0, x1=500.0, top=top, bottom=top + 10, size=10)
        for i, (t, top) in enumerate(texts)
    ]
    return Page(number=number, lines=lines, width=600.0, height=height)


# -- clean ------------------------------------------------------------------------------------
def test_normalise_bullets_ligatures_spaces_emphasis() -> None:
    assert normalise_text("\uf0b7 the ﬁrst\u00a0item") == "• the first item"
    assert normalise_text("\u25fc item") == "• item"
    assert normalise_text("\uf02d sub item") == "– sub item"
    assert normalise_text("aged 11\u201116") == "aged 11-16"
    assert normalise_text("judged to be **adequate**.") == "judged to be adequate."
    assert normalise_text("\u0083 glyph from a 2009 report") == "• glyph from a 2009 report"


def test_running_footer_and_page_numbers_found_by_repetition() -> None:
    pages = [
        _page(
            n,
            [
                (f"Body text on page {n} about children.", 100.0),
                ("More body text.", 300.0),
                ("Inspection of Northwick local authority children's services", 770.0),
                (f"4 to 15 September 2023 {n}", 782.0),
            ],
        )
        for n in range(1, 6)
    ]
    pages[0].lines[2].text = "A closing line unique to page one."
    doc = clean(Document(pages=pages, format="pdf", engine="test")).document
    body = [ln.text for ln in doc.lines()]
    furniture = [ln for ln in doc.lines(layer="furniture")]
    assert "A closing line unique to page one." in body
    assert all("Inspection of Northwick" not in t for t in body)
    assert all("September 2023" not in t for t in body)
    assert {ln.furniture_reason for ln in furniture} == {"running-footer"}
    assert len(furniture) == 4 * 2 + 1  # pages 2-5 both lines, page 1 the dates line only


def test_title_on_page_one_top_is_not_taken_for_a_footer() -> None:
    title = "Inspection of Northwick local authority children's services"
    pages = [_page(1, [(title, 50.0), ("Summary.", 300.0)])]
    pages += [_page(n, [("Body.", 300.0), (title, 770.0)]) for n in range(2, 6)]
    doc = clean(Document(pages=pages, format="pdf", engine="test")).document
    assert doc.pages[0].lines[0].layer == "body"


def test_a_running_footer_of_a_part_bound_in_after_the_report_is_furniture() -> None:
    """A second report bound in for its last pages (a 2015 SIF's LSCB review: 5 of 20 pages,
    under the document's 30%) has a running footer of its own: on nearly every page of its
    part, it is furniture too; a line on 5 pages spread over the document is not."""

    def page(n: int, foot: str) -> Page:
        return _page(n, [(f"Body text on page {n} about children.", 100.0), (foot, 770.0)])

    part_footer = "Inspection of the effectiveness of the Northwick widget board"
    spread = "A sentence that happens to end five of the pages."
    pages = [
        page(n, spread if n % 3 == 1 else f"Closing line {n} of the report.") for n in range(1, 16)
    ]
    pages += [page(n, part_footer) for n in range(16, 21)]
    doc = clean(Document(pages=pages, format="pdf", engine="test")).document
    layers = {(ln.page, ln.text): ln.layer for ln in doc.iter_lines(None)}
    assert {layers[(n, part_footer)] for n in range(16, 21)} == {"furniture"}
    assert {layers[(n, spread)] for n in (1, 4, 7, 10, 13)} == {"body"}


@pytest.mark.parametrize(("page_one_ends", "is_heading"), [(".", True), (" with the", False)])
def test_text_a_short_line_heading_a_page_after_a_finished_sentence_is_a_heading(
    page_one_ends: str, is_heading: bool
) -> None:
    """pdftotext sets a page's first line straight after the form feed, with no blank line: the
    page break is the break before it where the page before ends its sentence."""
    # Text wrapped at some 80 characters, as pdftotext gives it.
    wrapped = (
        "{n}. Widget paragraph {n} says what the inspectors found in the Northwick area this\n"
        "year, in every team they visited, and what leaders have done about it since the\n"
        "last inspection of the widget services, which was carried out some years ago.\n"
    )
    paras = "".join(wrapped.format(n=n) + "\n" for n in range(1, 8))
    text = (
        f"{paras}{wrapped.format(n=8)}The last widget paragraph ends{page_one_ends}"
        "\n\fInformation about this widget inspection\n"
        "This inspection of the Northwick widget board was carried out by three inspectors\n"
        "from Ofsted, who met leaders, practitioners and children over the five days.\n"
    )
    structure = segment(clean(load_text(text.encode())))
    titles = [s.title for s in structure.sections]
    last = next(p for p in structure.paragraphs if p.number == 8)
    assert ("Information about this widget inspection" in titles) is is_heading
    assert ("Information about" in last.text) is not is_heading


@pytest.mark.parametrize("whose", ["local authority", "LSCB"])
def test_text_the_closing_grade_descriptions_are_a_section_not_the_last_paragraph(
    whose: str,
) -> None:
    """2014-15 reports close with "What the local authority inspection judgements mean" (and
    the LSCB's): a heading of the framework, so the last numbered paragraph ends before it
    even where text sets no blank line after it."""
    wrapped = (
        "{n}. Widget paragraph {n} says what the inspectors found in the Northwick area this\n"
        "year, in every team they visited, and what leaders have done about it since the\n"
        "last inspection of the widget services, which was carried out some years ago.\n"
    )
    text = "".join(wrapped.format(n=n) + "\n" for n in range(1, 9)) + (
        f"What the {whose} inspection judgements mean\n"
        "An outstanding widget service leads highly effective services for every child.\n"
    )
    structure = segment(clean(load_text(text.encode())))
    last = next(p for p in structure.paragraphs if p.number == 8)
    assert "judgements mean" not in last.text
    assert f"What the {whose} inspection judgements mean" in [s.title for s in structure.sections]


# -- load (text) -----------------------------------------------------------------------------
def test_text_form_feeds_are_pages_and_trailing_feed_is_not() -> None:
    doc = load_text(b"page one\n\nsecond para\fpage two\f")
    assert doc.page_count == 2
    assert [ln.gap_before for ln in doc.pages[0].lines] == [False, True]


def test_layout_splits_columns_but_keeps_markers_with_text() -> None:
    words = [
        Word("Overall", 60, 100, 100, 110, 10),
        Word("effectiveness", 103, 170, 100, 110, 10),
        Word("Good", 330, 355, 100, 110, 10),
        Word("12.", 57, 70, 130, 140, 10),
        Word("Children", 85, 130, 130, 140, 10),
    ]
    lines = build_lines(words, 1)
    assert [ln.text for ln in lines] == ["Overall effectiveness", "Good", "12. Children"]
    assert lines[2].gap_before


def test_layout_rounds_coordinates_to_hundredths_of_a_point() -> None:
    # One run alone on its row, and a row split into two cells, take different paths.
    words = [
        Word("Alone", 56.6934, 120.4051, 100.0049, 110.9951, 10.0049),
        Word("Label", 56.6934, 90.1234, 200.0051, 210.0051, 9.9951),
        Word("Good", 300.5678, 330.004, 200.2, 210.3, 9.9951),
    ]
    alone, label, grade = build_lines(words, 1)
    assert (alone.x0, alone.x1, alone.top, alone.bottom, alone.size) == (
        56.69,
        120.41,
        100.0,
        111.0,
        10.0,
    )
    assert (label.x0, label.x1, label.top, label.bottom, label.size) == (
        56.69,
        90.12,
        200.01,
        210.01,
        10.0,
    )
    assert (grade.x0, grade.x1, grade.top, grade.bottom) == (300.57, 330.0, 200.2, 210.3)


# -- segment ---------------------------------------------------------------------------------
def test_join_lines_dehyphenation_is_conservative() -> None:
    vocab = {"regularly": 3, "multi-agency": 2}
    assert join_lines("work is reg-", "ularly reviewed", vocab) == "work is regularly reviewed"
    assert join_lines("a multi-", "agency team", vocab) == "a multi-agency team"
    assert join_lines("an unknown-", "word here", vocab) == "an unknown-word here"
    assert join_lines("aged 11-", "16 years", vocab) == "aged 11- 16 years"


def _text_doc(text: str):
    return clean(load_text(text.encode()))


def test_numbering_run_ignores_table_labels_and_wrapped_numbers() -> None:
    text = "\n".join(
        ["1. Children who need help", "2. Children looked after", "3. Leadership", ""]
        + [f"{n}. Paragraph {n} text." for n in range(1, 9)]
    )
    structure = segment(_text_doc(text))
    numbered = [p.number for p in structure.paragraphs if p.number is not None]
    assert numbered == list(range(1, 9))


def test_second_report_restarting_at_one_is_kept() -> None:
    first = [f"{n}. Main paragraph {n}." for n in range(1, 11)]
    second = [f"{n}. Bound-in paragraph {n}." for n in range(1, 7)]
    structure = segment(_text_doc("\n".join(first + second)))
    numbered = [p.number for p in structure.paragraphs if p.number is not None]
    assert numbered == list(range(1, 11)) + list(range(1, 7))


def test_lost_numbers_inferred_only_when_the_gap_matches() -> None:
    lines = [
        "1. One.",
        "2. Two.",
        "- Three without its number.",
        "4. Four.",
        "5. Five.",
        "- Six lost.",
        "- Also unnumbered.",
        "- Third unnumbered.",
        "7. Seven.",
    ]
    structure = segment(_text_doc("\n".join(lines)))
    nums = {p.number: p for p in structure.paragraphs if p.number is not None}
    assert nums[3].number_inferred and nums[3].text == "Three without its number."
    assert 6 not in nums  # three candidates for one gap: not guessed
    assert any(note.code == "paragraph_number_gap" for note in structure.warnings)


def test_choose_numbering_allows_small_skip() -> None:
    structure = segment(_text_doc("\n".join(f"{n}. P{n}." for n in [1, 2, 3, 5, 6, 7])))
    assert [p.number for p in structure.paragraphs] == [1, 2, 3, 5, 6, 7]
    assert choose_numbering([]) == []


# -- classify helpers ------------------------------------------------------------------------
def test_date_ranges_in_every_printed_shape() -> None:
    d = dt.date
    assert parse_periods("6 to 17 December 2021") == [(d(2021, 12, 6), d(2021, 12, 17))]
    assert parse_periods("22 October to 31 October 2012") == [(d(2012, 10, 22), d(2012, 10, 31))]
    assert parse_periods("10 September 2018 to 21 September 2018 Lead inspector") == [
        (d(2018, 9, 10), d(2018, 9, 21))
    ]
    assert parse_periods("8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019") == [
        (d(2019, 7, 8), d(2019, 7, 12)),
        (d(2019, 8, 7), d(2019, 8, 8)),
    ]
    assert parse_periods("30 September to 11 October 2024 and 13 to 16 January 2025") == [
        (d(2024, 9, 30), d(2024, 10, 11)),
        (d(2025, 1, 13), d(2025, 1, 16)),
    ]
    assert parse_periods("15–19 July 2013") == [(d(2013, 7, 15), d(2013, 7, 19))]
    assert parse_periods("12/09/2016 – 06/10/2016") == [(d(2016, 9, 12), d(2016, 10, 6))]
    # Consecutive days joined by "and" are one visit.
    assert parse_periods("1 and 2 March", default_year=2016) == [(d(2016, 3, 1), d(2016, 3, 2))]
    assert parse_periods("no dates here") == []


def test_canonical_grades() -> None:
    assert canonical_grade("Requires Improvement to be good") == "requires_improvement"
    assert canonical_grade("Require improvement") == "requires_improvement"
    assert canonical_grade("Inadequate Grade 4") == "inadequate"
    assert canonical_grade("Grade 3 (adequate)") == "adequate"
    assert canonical_grade("to be good") is None


def test_inspector_names() -> None:
    assert clean_name("Steve Lowe, Her Majesty’s Inspector") == "Steve Lowe"
    assert clean_name("Paula Thomson-Jones HMI") == "Paula Thomson-Jones"
    assert (
        clean_name(
            "Rebecca Quested, His Majesty’s Inspector, and Matthew Reed, His Majesty’s Inspector"
        )
        == "Rebecca Quested and Matthew Reed"
    )


def test_text_layer_check_needs_20_characters_a_page_or_200_in_all() -> None:
    def pdf_doc(chars_per_page: list[int]) -> Document:
        pages = [
            Page(number=i + 1, lines=[Line("x" * n, i + 1, 0)] if n else [])
            for i, n in enumerate(chars_per_page)
        ]
        return Document(pages=pages, format="pdf", engine="pdfium")

    for passing in ([20], [25, 15], [0] * 19 + [200], [10] * 20):
        check_text_layer(pdf_doc(passing))
    for scanned in ([19], [0, 39], [9] * 22 + [0]):
        with pytest.raises(NoTextLayerError, match=rf"\({sum(scanned)} characters"):
            check_text_layer(pdf_doc(scanned))
    # No pages at all is no scan to run OCR on: nothing is there.
    with pytest.raises(EmptyInputError, match="no pages"):
        check_text_layer(pdf_doc([]))


# ---------------------------------------------------------------------------------------------
# Warnings: every one names its field and severity, from one declaration per code


def test_every_warning_names_a_field_and_severity_and_sets_needs_review() -> None:
    import re

    from conftest import REPO, manifest
    from inspectparse.record import WARNING_CODES

    path = re.compile(
        r"^(source(\.\w+)?|report\.\w+|judgements(\.\w+)?|recommendations|paragraphs)$"
    )
    seen = 0
    for entry in manifest():
        if "kind" not in entry:
            continue
        record = inspectparse.extract(REPO / entry["file"])
        for w in record.warnings:
            seen += 1
            assert w.code in WARNING_CODES
            assert w.field and path.match(w.field), w
            assert w.severity in ("info", "review")
        assert record.needs_review == any(w.severity == "review" for w in record.warnings)
    assert seen > 0


def test_missing_judgement_and_dates_are_review_warnings_on_their_fields() -> None:
    text = (
        "Inspection of Northwick local authority children's services\n"
        "Inspection dates: not given\n\n"
        "Judgement Grade\n"
        "The impact of leaders on social work practice with children and families Good\n"
    )
    record = inspectparse.extract(text.encode())
    fields = {w.field: w for w in record.warnings if w.severity == "review"}
    assert "judgements.help_and_protection" in fields
    assert fields["judgements.help_and_protection"].code == "judgement_missing"
    assert {"report.inspection_start", "report.inspection_end"} <= set(fields)
    assert record.needs_review


def test_an_undeclared_warning_code_cannot_reach_a_record() -> None:
    from inspectparse.validate import _warning

    with pytest.raises(KeyError):
        _warning("not_a_declared_code", "message")


def test_readme_lists_every_warning_code_as_declared() -> None:
    import re

    from conftest import REPO
    from inspectparse.record import WARNING_CODES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `([\w.]+)` \| (info|review) \|", readme, re.M)
    assert {code: (f, sev) for code, f, sev in rows} == {
        code: (w.field, w.severity) for code, w in WARNING_CODES.items()
    }
