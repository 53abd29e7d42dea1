"""Text input of every shape (synthetic "Northwick" reports written here, never real text):
form feeds, column layout, reading order (table pairing, lone paragraph numbers), markdown."""

from __future__ import annotations

import pytest

import inspectparse
from inspectparse.load.markdown import looks_like_markdown, markdown_to_text
from inspectparse.load.text import detect_shape, load_text

LABELS = (
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care and care leavers",
    "Overall effectiveness",
)
GRADES = (
    "Good",
    "Requires improvement to be good",
    "Inadequate",
    "Requires improvement to be good",
)
WANT = {
    "impact_of_leaders": "good",
    "help_and_protection": "requires_improvement",
    "children_in_care_and_care_leavers": "inadequate",
    "overall_effectiveness": "requires_improvement",
}
HEAD = (
    "Northwick\nInspection of children's social care services\n"
    "Inspection dates: 3 March 2031 to 14 March 2031\nLead inspector: Ada Quill\n\n"
)
BODY = (
    "What needs to improve\n"
    "\u25fc The timeliness of plans made for children who wait for a decision.\n"
    "\u25fc The quality of supervision recorded for frontline staff.\n\n"
    "The experiences and progress of children who need help and protection\n"
    "1.\n\nFamilies in Northwick get help early from a team that knows the area well and\n"
    "works with schools.\n"
    "2.\n\nSocial workers visit children often and write down what children tell them.\n"
    "3.\n\nManagers check the quality of work and act quickly when it is not good enough.\n"
    "4.\n\nPartners share information promptly so that risks to children are understood.\n"
)


def _record(text: str) -> inspectparse.record.Record:
    return inspectparse.extract(text.encode("utf-8"))


def _footer(n: int) -> str:
    return f"\nNorthwick inspection of children's services\n{n}\n"


def test_reading_order_alternating_table_pairs_each_label_with_its_grade() -> None:
    table = "Judgement\nGrade\n" + "".join(
        f"{label}\n\n{grade}\n\n" for label, grade in zip(LABELS, GRADES, strict=True)
    )
    record = _record(
        HEAD
        + table
        + "\f"
        + BODY
        + "\f"
        + "Further findings are set out on this page in a sentence of their own.\n"
    )
    assert record.source.text_layout == "reading_order"
    assert record.grades == WANT
    assert not [w for w in record.warnings if w.code == "judgement_pairing_ambiguous"]


def test_reading_order_labels_then_grades_as_a_block_pair_in_order() -> None:
    table = "Judgement\nGrade\n" + "\n".join(LABELS[:3]) + "\n\n" + "\n\n".join(GRADES[:3])
    table += f"\n\n{LABELS[3]}\n\n{GRADES[3]}\n\n"
    record = _record(HEAD + table + "\f" + BODY)
    assert record.grades == WANT


def test_reading_order_grade_before_its_label_pairs_in_order() -> None:
    table = "Judgement\nGrade\n" + "".join(
        f"{grade}\n\n{label}\n\n" for label, grade in zip(LABELS, GRADES, strict=True)
    )
    assert _record(HEAD + table + "\f" + BODY).grades == WANT


def test_reading_order_table_with_a_missing_grade_is_flagged_not_guessed() -> None:
    # Four labels, three grade cells: whichever pairing is taken could be wrong.
    table = "Judgement\nGrade\n" + "\n".join(LABELS) + "\n\n" + "\n\n".join(GRADES[:3]) + "\n\n"
    record = _record(HEAD + table + "\f" + BODY)
    flagged = {w.field for w in record.warnings if w.code == "judgement_pairing_ambiguous"}
    assert flagged == {f"judgements.{key}" for key in WANT}
    assert all(w.severity == "review" for w in record.warnings if w.field in flagged)
    assert record.grades == {}  # nothing read from the table, nothing guessed
    assert record.needs_review


def test_sentence_wrapped_onto_a_grade_word_is_not_a_grade_cell() -> None:
    table = "Judgement\nGrade\n" + "".join(
        f"{label}\n\n{grade}\n\n" for label, grade in zip(LABELS, GRADES, strict=True)
    )
    prose = "The council has worked hard and inspectors judged the front door to be\ngood\n"
    record = _record(HEAD + table + prose + "\f" + BODY)
    assert record.grades == WANT


def test_form_feeds_are_pages_and_running_footers_are_found_by_repetition() -> None:
    pages = [
        HEAD
        + "Judgement\nGrade\n"
        + "".join(f"{label}\n\n{grade}\n\n" for label, grade in zip(LABELS, GRADES, strict=True))
    ]
    for n in range(2, 6):
        pages.append(f"Some findings on page {n} are set out here in a full sentence." + _footer(n))
    record = _record("\f".join(pages) + "\f")
    assert record.source.pages == 5
    document = load_text(("\f".join(pages) + "\f").encode())
    assert document.page_count == 5  # the last form feed has no page after it
    from inspectparse.clean import clean

    clean(document)
    furniture = [
        ln.furniture_reason for p in document.pages[1:] for ln in p.lines if ln.layer == "furniture"
    ]
    assert furniture.count("running-footer") == 4 and furniture.count("page-number") == 4
    assert not [w for w in record.warnings if w.code == "text_without_page_breaks"]


def test_text_without_page_breaks_warns_on_source_pages() -> None:
    long_text = HEAD + "".join(
        f"Sentence number {n} of a long report without pages.\n" for n in range(120)
    )
    record = _record(long_text)
    codes = {(w.code, w.field, w.severity) for w in record.warnings}
    assert ("text_without_page_breaks", "source.pages", "review") in codes
    assert record.source.pages == 1


LAYOUT_TABLE = (
    " Judgement                                                     Grade\n\n"
    " The impact of leaders on social work practice with children\n"
    "                                                               Good\n"
    " and families\n\n"
    " The experiences and progress of children who need help and    Requires improvement\n"
    " protection                                                    to be good\n\n"
    " The experiences and progress of children in care and care     Inadequate\n"
    " leavers\n\n"
    "                                                               Requires improvement\n"
    " Overall effectiveness\n"
    "                                                               to be good\n\n"
)


def test_layout_rows_split_into_cells_with_pseudo_geometry() -> None:
    text = HEAD + LAYOUT_TABLE + "\f" + BODY
    assert detect_shape(text) == "layout"
    document = load_text(text.encode())
    row = [ln for ln in document.pages[0].lines if ln.text in ("Grade", "Judgement")]
    assert [ln.text for ln in row] == ["Judgement", "Grade"]
    assert row[0].top == row[1].top and row[1].x0 is not None and row[1].x0 > row[0].x0  # type: ignore[operator]
    assert row[0].bold is None  # no font facts in text
    record = _record(text)
    assert record.source.text_layout == "layout"
    # Grades set above and below their label (straddling) pair by row overlap.
    assert record.grades == WANT


def test_layout_keeps_a_label_with_its_value_and_a_marker_with_its_text() -> None:
    from inspectparse.load.columns import split_cells

    assert split_cells("Lead inspector:      Ada Quill") == [(0, "Lead inspector: Ada Quill")]
    assert split_cells("12.    Families get help early") == [(0, "12. Families get help early")]
    assert split_cells("  Overall effectiveness        Good") == [
        (2, "Overall effectiveness"),
        (31, "Good"),
    ]


def test_lone_paragraph_numbers_are_joined_to_their_text() -> None:
    record = _record(HEAD + "\f" + BODY)
    numbered = {p.number: p.text for p in record.paragraphs if p.number}
    assert numbered[1].startswith("Families in Northwick")
    assert numbered[2].startswith("Social workers visit")
    assert sorted(numbered) == [1, 2, 3, 4]


def test_stacked_paragraph_numbers_pair_with_the_paragraphs_only_when_counts_agree() -> None:
    paras = [
        "Leaders in Northwick know their services well and act on what they find out.",
        "Children in care see their social workers often and their plans are reviewed.",
        "Care leavers have a personal adviser who keeps in touch with them each month.",
        "Managers check the quality of work and act quickly when it is not good enough.",
        "Partners share information promptly so that risks to children are understood.",
    ]
    text = HEAD + "\f" + f"1. {paras[0]}\n\n2.\n\n3.\n\n4.\n\n" + "\n\n".join(paras[1:4])
    text += f"\n\n5. {paras[4]}\n"
    document = load_text(text.encode())
    lines = [ln.text for ln in document.pages[1].lines]
    assert lines == [f"{n}. {p}" for n, p in enumerate(paras, start=1)]
    # One paragraph too many between 1 and 5: the numbers are not placed.
    extra = text.replace(paras[2], paras[2] + "\n\nAn extra paragraph without a number in between.")
    lines = [ln.text for ln in load_text(extra.encode()).pages[1].lines]
    assert "2." in lines and "3." in lines and "4." in lines


MARKDOWN_TEMPLATE = """# Northwick

## Inspection of children's social care services

Inspection dates: 3 March 2031 to 14 March 2031

Lead inspector: Ada Quill

{TABLE}
-----

## What needs to improve

- The timeliness of plans made for children who wait for a decision.
* The quality of supervision recorded for frontline staff \\(including agency staff\\).

1\\. Families in Northwick get help early from a team that knows the area well.

2\\. Social workers visit children often and write down what children tell them.

3\\. Managers check the quality of work and act quickly when it is not good enough.

4\\. Partners share information promptly so that risks to children are understood.

-----

Further findings are set out on this page in a sentence of their own.
"""
MARKDOWN = MARKDOWN_TEMPLATE.replace(
    "{TABLE}",
    "| Judgement | Grade |\n|---|---|\n"
    + "".join(
        f"| {label} | {'**Good**' if grade == 'Good' else grade} |\n"
        for label, grade in zip(LABELS, GRADES, strict=True)
    ),
)


def test_markdown_is_recognised_by_its_own_syntax_only() -> None:
    assert looks_like_markdown(MARKDOWN)
    assert detect_shape(MARKDOWN) == "markdown"
    # Bold grades and "- " lines alone (the seed's text conversion) are not markdown.
    assert not looks_like_markdown("Overall it is **good**.\n- a line\n- another line\n")


def test_markdown_to_text_tables_bullets_escapes_and_page_rules() -> None:
    text, ruled = markdown_to_text(MARKDOWN, page_rules=True)
    assert ruled and text.count("\f") == 2
    lines = text.replace("\f", "\n").split("\n")
    assert "Overall effectiveness\tRequires improvement to be good" in lines
    assert not any(ln.startswith("|") or set(ln) <= set("|-: ") and ln for ln in lines)
    assert "• The timeliness of plans made for children who wait for a decision." in lines
    assert any(
        ln.endswith("staff (including agency staff).") and ln.startswith("•") for ln in lines
    )
    assert any(ln.startswith("1. Families") for ln in lines)
    assert "Northwick" in lines and "#" not in text


def test_markdown_report_reads_like_the_pdf() -> None:
    record = _record(MARKDOWN)
    assert record.source.text_layout == "markdown"
    assert record.source.pages == 3
    assert record.report.provider == "Northwick"
    assert record.grades == WANT
    assert [r.text for r in record.recommendations][:1] == [
        "The timeliness of plans made for children who wait for a decision."
    ]
    assert len(record.recommendations) == 2
    assert [p.number for p in record.paragraphs if p.number] == [1, 2, 3, 4]
    assert {p.provenance.page for p in record.paragraphs if p.number} == {2}


@pytest.mark.parametrize("text", ["", "\f\f", "   \n"])
def test_empty_texts_are_rejected_clearly(text: str) -> None:
    from inspectparse.errors import InspectparseError

    with pytest.raises(InspectparseError):
        inspectparse.extract(text.encode())


PARAS = (
    "Leaders in Northwick know their services well and act on what they find out.",
    "Children in care see their social workers often and their plans are reviewed.",
    "Care leavers have a personal adviser who keeps in touch with them each month\n"
    "and who helps them find a home, work or a course that suits them by the\n"
    "44. weeks after they leave care, as the plan sets out.",
    "Managers check the quality of work and act quickly when it is not good enough.",
    "Partners share information promptly so that risks to children are understood.",
)


def test_number_runs_pair_with_the_paragraphs_on_their_own_page() -> None:
    """pdfminer-style text: each page's number column comes as a run, before its paragraphs
    on one page and after them on the next; running footers and a wrapped "44." at a line's
    start are not paragraphs or numbers."""
    footer = "\nNorthwick inspection of children's services\n"
    page2 = "\n\n".join(["1.", "2.", "3.", *PARAS[:3]]) + footer + "2\n"
    page3 = "\n\n".join([*PARAS[3:], "4.", "5."]) + footer + "3\n"
    page4 = "Contact us\n\nWrite to the office for a copy.\n" + footer + "4\n"
    document = load_text((HEAD + footer + "1\n\f" + page2 + "\f" + page3 + "\f" + page4).encode())
    numbered = [ln.text for page in document.pages for ln in page.lines if ". " in ln.text[:5]]
    assert numbered[:2] == [f"1. {PARAS[0]}", f"2. {PARAS[1]}"]
    assert numbered[2].startswith("3. Care leavers") and numbered[3].startswith("44. weeks")
    assert numbered[4:6] == [f"4. {PARAS[3]}", f"5. {PARAS[4]}"]
    # One paragraph too few beside a run: its numbers stay apart, not guessed.
    short = page3.replace(PARAS[4] + "\n\n", "")
    document = load_text((HEAD + footer + "1\n\f" + page2 + "\f" + short + "\f" + page4).encode())
    assert "4." in [ln.text for ln in document.pages[2].lines]


def test_a_page_top_sentence_goes_on_with_the_paragraph_before_when_the_run_says_so() -> None:
    """The page's first line after a page that ended a sentence may go on with that paragraph;
    the page's run holds one number per paragraph opening on it, so the count decides."""
    page2 = f"1.\n\n{PARAS[0]}\n\n2\n"
    page3 = f"It goes on here in a second sentence.\n\n{PARAS[1]}\n\n2.\n\n3\n"
    document = load_text((HEAD + "\f" + page2 + "\f" + page3).encode())
    lines = [ln.text for ln in document.pages[2].lines]
    assert lines[:2] == ["It goes on here in a second sentence.", f"2. {PARAS[1]}"]


def test_two_runs_around_one_stretch_share_its_paragraphs_in_order() -> None:
    """One run before a stretch of paragraphs and the next after it (two number columns of one
    page): the stretch's paragraphs take both runs' numbers in order; a wrapped heading
    ("... about care leavers" / "is good") between them is no paragraph."""
    page2 = "\n\n".join(
        [
            "1.",
            "2.",
            PARAS[0],
            PARAS[1],
            "The graded judgement about the experience and progress of care leavers\nis good",
            PARAS[3],
            PARAS[4],
            "3.",
            "4.",
        ]
    )
    document = load_text((HEAD + "\f" + page2 + "\n").encode())
    numbered = [ln.text for ln in document.pages[1].lines if ". " in ln.text[:4]]
    assert numbered == [
        f"{n}. {p}" for n, p in zip((1, 2, 3, 4), PARAS[:2] + PARAS[3:], strict=True)
    ]
