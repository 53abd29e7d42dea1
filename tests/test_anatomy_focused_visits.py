"""Focused-visit letters (ILACS, 2018 on) as the corpus's field guide describes them: the
letterhead, subject-line variants, visit-date and inspector sentences, each era's headings,
priority actions and "none" sentences (synthetic "Northwick" letters written here, never a
real report's text)."""

from __future__ import annotations

import datetime as dt

import pytest

from report_parts import read, review_codes

GLYPH = "\uf06e"  # the Wingdings bullet of 2018-19 letters, as converters give it
# The letterhead as `pdftotext -layout` interleaves its two columns (from 2020 with "Ofsted").
LETTERHEAD = (
    "Ofsted\n"
    "Piccadilly Gate     T 0300 123 1231\n"
    "Store Street        Textphone 0161 618 8524\n"
    "Manchester          enquiries@ofsted.gov.uk\n"
    "M1 2WD              www.gov.uk/ofsted\n\n"
)
# Plain `pdftotext` reads the same block column by column.
LETTERHEAD_COLUMNS = (
    "Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\n\n"
    "T 0300 123 1231\nTextphone 0161 618 8524\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted\n\n"
)
SUBJECT = "Focused visit to Northwick children’s services"
OPENING = (
    "This letter summarises the findings of a focused visit to Northwick children’s services\n"
    "on 5 and 6 February 2019. The inspectors were Jo Bloggs, HMI, and Sam Smith, HMI."
)
COVID_OPENING = (
    "Her Majesty’s Chief Inspector of Education, Children’s Services and Skills is leading\n"
    "work on how the social care system has worked during the pandemic.\n\n"
)
IMPROVE_2018 = "What needs to improve in this area of social work practice"
IMPROVE_2021 = "What needs to improve in this area of social work practice?"
ITEMS = (
    "The quality of plans for children in need.",
    "The timeliness of strategy discussions.",
)
FINDINGS = (
    "Thresholds are well understood by partners and by leaders.",
    "Social workers visit children often and see them on their own.",
)


def _bullets(lines: tuple[str, ...], glyph: str = "◼") -> str:
    return "".join(f"{glyph} {line}\n" for line in lines) + "\n"


def _paragraphs(lines: tuple[str, ...]) -> str:
    return "".join(f"{line}\n\n" for line in lines)


def body_2018(glyph: str = "◼", heading: str = IMPROVE_2018, list_last: bool = False) -> str:
    """Overview, the list, then findings bulleted with the list's own glyph."""
    overview = "Overview\n\nPractice is improving. Services were judged to be good in 2017.\n\n"
    improve = f"{heading}\n\n{_bullets(ITEMS, glyph)}"
    findings = f"Findings\n\n{_bullets(FINDINGS, glyph)}"
    return overview + (findings + improve if list_last else improve + findings)


def body_2021(heading: str = IMPROVE_2021, before: str = "") -> str:
    """Headline findings, the list (after any priority actions), unbulleted main findings."""
    headline = (
        "Headline findings\n\nPractice has declined since the last inspection, when it was "
        "judged inadequate.\n\n"
    )
    return (
        f"{headline}{before}{heading}\n\n{_bullets(ITEMS)}Main findings\n\n{_paragraphs(FINDINGS)}"
    )


def letter(
    *,
    subject: str = SUBJECT,
    opening: str = OPENING,
    letter_date: str = "14 March 2019",
    intro: str = "",
    body: str | None = None,
    letterhead: str = LETTERHEAD,
    address: str = "Town Hall\nNorthwick\nNW1 2XY",
) -> str:
    return (
        f"{letterhead}{letter_date}\n\nMs A Example\nDirector of Children’s Services\n"
        f"Northwick Council\n{address}\n\nDear Ms Example\n\n{subject}\n\n{opening}\n\n{intro}"
        f"{body_2018() if body is None else body}"
        "Ofsted will take the findings from this focused visit into account when planning your "
        "next inspection.\n\nYours sincerely\n\nJo Bloggs\nHer Majesty’s Inspector\n"
    )


def test_the_plain_2018_letter_reads_whole_and_ungraded() -> None:
    record = read(letter())
    rep = record.report
    assert (rep.kind, rep.provider) == ("ilacs_focused_visit", "Northwick")
    assert (rep.inspection_start, rep.inspection_end) == (dt.date(2019, 2, 5), dt.date(2019, 2, 6))
    assert rep.lead_inspector is None  # inspectors named, none marked as the lead
    assert record.judgements == []  # "judged to be good in 2017" is an earlier grade
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()


@pytest.mark.parametrize("break_before", ["Dear Ms Example", SUBJECT])
def test_a_subject_line_pushed_onto_page_2_still_gives_kind_and_provider(break_before: str) -> None:
    """Copies to several people fill page 1: the greeting, or the subject line after it, tops
    page 2."""
    copies = "".join(f"cc: Copy Example {n}, Northwick Partner {n}\n" for n in range(1, 9))
    text = letter(address=f"Town Hall\nNorthwick\nNW1 2XY\n{copies}")
    record = read(text.replace(break_before, "\f" + break_before, 1))
    rep = record.report
    assert (rep.kind, rep.provider) == ("ilacs_focused_visit", "Northwick")
    assert (rep.inspection_start, rep.inspection_end) == (dt.date(2019, 2, 5), dt.date(2019, 2, 6))
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()


def test_an_overprinted_subject_line_late_in_a_long_head_still_gives_the_kind() -> None:
    """The address block printed over the subject line, which reading order then breaks up
    ("... NW1 2XY visit to Northwick local authority children's" / "Focused" / "services."),
    after a head long enough to push it past page 1's first 1,500 characters: read from the
    letter's opening, with the warning that it may be prose."""
    copies = "".join(f"cc: Copy Example {n}, Northwick Partner Agency {n}\n" for n in range(1, 31))
    subject = "Northwick\nNW1 2XY visit to Northwick local authority children’s\nFocused\nservices."
    record = read(letter(subject=subject, address=f"Town Hall\nNorthwick\nNW1 2XY\n{copies}"))
    rep = record.report
    assert (rep.kind, rep.provider) == ("ilacs_focused_visit", "Northwick")
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == {"kind_from_prose"}


@pytest.mark.parametrize(
    ("subject", "provider"),
    [
        ("Focused visit to Northwick local authority children’s services", "Northwick"),
        ("Focused visit to Northwick Children’s Services", "Northwick"),
        ("Focused visit to Northwick children's services", "Northwick"),
        ("Focused Visit to Northwick children’s services", "Northwick"),
        ("Focused visit to Northwick City Council children’s services", "Northwick City Council"),
        ("Focused visit to Northwick Council’s children’s services", "Northwick Council"),
        ("Focused visit to Northwick County Council", "Northwick County Council"),
        ("Focused visit to Northwick Children’s Trust", "Northwick Children's Trust"),
        (
            "Focused visit to Northwick Children’s Services Trust",
            "Northwick Children's Services Trust",
        ),
        (
            "Focused visit to the Royal Borough of Northwick and Southby local authority\n"
            "children’s services",
            "Royal Borough of Northwick and Southby",
        ),
        # The address block printed over the subject line: a postcode between its words.
        ("Focused\nNW1 2XY\nvisit to Northwick children’s services", "Northwick"),
    ],
)
def test_subject_line_variants_give_the_kind_and_provider(subject: str, provider: str) -> None:
    # COVID-era letters open with HMCI's title, which names "Children's Services": a subject
    # line without those words must not run on into it.
    for opening in (OPENING, COVID_OPENING + OPENING):
        record = read(letter(subject=subject, opening=opening))
        assert record.report.kind == "ilacs_focused_visit"
        assert record.report.provider == provider
        assert review_codes(record) == set()


def test_a_trust_known_by_its_brand_name_alone_is_a_focused_visit() -> None:
    brand = "Bright Futures for Children"
    for opening in (
        OPENING.replace("Northwick children’s services", brand),
        COVID_OPENING + OPENING,  # COVID-era letters open with HMCI's paragraph
    ):
        record = read(letter(subject=f"Focused visit to {brand}", opening=opening))
        assert record.report.kind == "ilacs_focused_visit"
        assert record.report.provider == brand
        assert len(record.recommendations) == 2
        assert review_codes(record) == set()


@pytest.mark.parametrize("letterhead", [LETTERHEAD, LETTERHEAD_COLUMNS, LETTERHEAD[7:], ""])
def test_the_letterhead_in_either_column_order_is_never_the_provider(letterhead: str) -> None:
    record = read(letter(letterhead=letterhead, address="INSERT LA ADDRESS"))
    assert (record.report.kind, record.report.provider) == ("ilacs_focused_visit", "Northwick")
    assert record.report.letter_date == dt.date(2019, 3, 14)


@pytest.mark.parametrize(
    ("dates", "letter_date", "start", "end"),
    [
        ("on 5 and 6 February 2019", "14 March 2019", (2019, 2, 5), (2019, 2, 6)),
        ("between 5 and 6 February 2019", "14 March 2019", (2019, 2, 5), (2019, 2, 6)),
        ("on 5 to 7 February 2019", "14 March 2019", (2019, 2, 5), (2019, 2, 7)),
        ("from 5 to 7 February 2019", "14 March 2019", (2019, 2, 5), (2019, 2, 7)),
        ("on 5–7 February 2019", "14 March 2019", (2019, 2, 5), (2019, 2, 7)),
        ("on 31 January and 1 February 2019", "14 March 2019", (2019, 1, 31), (2019, 2, 1)),
        ("between 28 February and 1 March 2019", "4 April 2019", (2019, 2, 28), (2019, 3, 1)),
        ("on 29 and 30 January, and 1 February 2019", "4 March 2019", (2019, 1, 29), (2019, 2, 1)),
        # No year printed: the letter's date gives it, the year before for a December visit.
        ("on 5 and 6 February", "14 March 2019", (2019, 2, 5), (2019, 2, 6)),
        ("on 4 and 5 December", "10 January 2020", (2019, 12, 4), (2019, 12, 5)),
        # ... and over New Year, the days before it in the year before the letter's.
        ("between 30 December and 2 January", "20 January 2020", (2019, 12, 30), (2020, 1, 2)),
        ("on 31 December and 1 January", "20 January 2020", (2019, 12, 31), (2020, 1, 1)),
        # Weekday names before the days.
        ("on Tuesday 5 and Wednesday 6 February 2019", "14 March 2019", (2019, 2, 5), (2019, 2, 6)),
        (
            "from Monday, 4th to Friday, 8th February 2019",
            "14 March 2019",
            (2019, 2, 4),
            (2019, 2, 8),
        ),
    ],
)
def test_visit_date_sentences(
    dates: str, letter_date: str, start: tuple[int, int, int], end: tuple[int, int, int]
) -> None:
    opening = OPENING.replace("on 5 and 6 February 2019", dates)
    record = read(letter(opening=opening, letter_date=letter_date))
    rep = record.report
    assert (rep.inspection_start, rep.inspection_end) == (dt.date(*start), dt.date(*end))
    assert review_codes(record) == set()


def test_visit_dates_printed_before_the_provider() -> None:
    opening = (
        "This letter summarises the findings of the focused visit on 25 and 26 October 2023\n"
        "to Bright Futures, who deliver children’s services on behalf of Northwick Council."
    )
    record = read(letter(opening=opening, letter_date="29 November 2023", body=body_2021()))
    rep = record.report
    assert rep.provider == "Northwick"  # from the subject line
    assert (rep.inspection_start, rep.inspection_end) == (
        dt.date(2023, 10, 25),
        dt.date(2023, 10, 26),
    )


def test_a_span_that_ends_a_year_later_is_a_review_warning() -> None:
    for dates in (
        "on 29 November 2022 to 1 December 2023",
        "between 29 November and 1 December 2023",
    ):
        opening = OPENING.replace("on 5 and 6 February 2019", dates)
        record = read(letter(opening=opening, letter_date="10 January 2023"))
        fields = {w.field for w in record.warnings if w.code == "dates_implausible"}
        assert fields == {"report.inspection_start", "report.inspection_end"}, dates


@pytest.mark.parametrize(
    "team",
    [
        "The inspectors were Jo Bloggs, HMI, and Sam Smith, HMI.",
        "The visit was carried out by Jo Bloggs, HMI, and Sam Smith, HMI.",
        "The visit was conducted by Her Majesty’s Inspectors Jo Bloggs and Sam Smith.",
        "Her Majesty’s Inspectors for this visit were Jo Bloggs and Sam Smith.",
        "His Majesty’s Inspectors for this visit were Jo Bloggs and Sam Smith.",
    ],
)
def test_inspectors_named_without_a_lead_give_no_lead_and_no_warning(team: str) -> None:
    covid = (
        "The lead inspector and the director of children’s services agreed arrangements to\n"
        "deliver this visit effectively.\n\n"
    )
    opening = OPENING.replace("The inspectors were Jo Bloggs, HMI, and Sam Smith, HMI.", team)
    roles = covid.replace(" and the director", ", Chief Executive and Director")
    for intro in ("", covid, covid.replace("the director", "the Director"), roles):
        record = read(letter(opening=opening, intro=intro))
        assert record.report.lead_inspector is None, (team, intro)
        assert review_codes(record) == set()


@pytest.mark.parametrize(
    "team",
    [
        "His Majesty’s Inspectors for this visit were Jo Bloggs, lead inspector, and Sam Smith.",
        "His Majesty’s Inspectors for this visit were lead inspector Jo Bloggs and team\n"
        "inspectors Sam Smith and Alex Brown.",
        "His Majesty’s Inspectors for this visit were lead inspector\nJo Bloggs and team "
        "inspector Sam Smith.",
        "The inspectors were Jo Bloggs, Lead Inspector, and Sam Smith, HMI.",
        "The inspectors were Jo Bloggs HMI (lead inspector) and Sam Smith HMI.",
    ],
)
def test_a_lead_marked_in_the_opening_paragraph_is_read(team: str) -> None:
    opening = OPENING.replace("The inspectors were Jo Bloggs, HMI, and Sam Smith, HMI.", team)
    assert read(letter(opening=opening)).report.lead_inspector == "Jo Bloggs"


@pytest.mark.parametrize(
    "body",
    [
        body_2018(),
        body_2018(glyph=GLYPH),
        body_2018(list_last=True),  # 2018: the list after "Findings"
        body_2018(glyph=GLYPH, list_last=True),
        body_2018(heading="What needs to improve in this area of practice"),
        body_2018(heading="Areas for Improvement"),
        body_2018(heading="Areas for improvement:"),
        # Feb-May 2021: no overview heading; findings as plain paragraphs.
        f"{IMPROVE_2018}\n\n{_bullets(ITEMS)}Findings\n\n{_paragraphs(FINDINGS)}",
        body_2021(),
        body_2021(heading=IMPROVE_2021 + "1"),  # a footnote marker glued to the question mark
        body_2021(heading=IMPROVE_2021 + " 1"),
        body_2021(heading=IMPROVE_2018),
        body_2021(heading="What Needs To Improve In This Area Of Social Work Practice?"),
    ],
)
def test_each_era_s_list_stops_at_the_next_heading(body: str) -> None:
    """Findings use the list's own glyph: only the heading after the list ends it."""
    record = read(letter(body=body))
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert record.judgements == []
    assert review_codes(record) == set()


PRIORITY_ITEMS = (
    "The timeliness of child protection enquiries.",
    "Management oversight of risk when children are missing.",
)


@pytest.mark.parametrize(
    ("priority", "expected"),
    [
        (f"Areas for priority action\n\n{_bullets(PRIORITY_ITEMS)}", 2),
        (f"Area for priority action\n\n{_bullets(PRIORITY_ITEMS[:1])}", 1),
        # A lead-in sentence, then items in lower case.
        (
            "Areas for priority action\n\nThe local authority should address, as a matter of "
            "priority:\n\n◼ the timeliness of child protection enquiries\n"
            "◼ management oversight of risk when children are missing.\n\n",
            2,
        ),
        # A sentence, plain or bulleted, saying there are none is not an item.
        ("Areas for priority action\n\nThere are no areas for priority action.\n\n", 0),
        ("Areas for priority action\n\n◼ There are no areas for priority action.\n\n", 0),
        (
            "Areas for priority action\n\nInspectors did not identify any areas for priority "
            "action.\n\n",
            0,
        ),
    ],
)
def test_priority_actions_come_before_the_list_and_count_with_it(
    priority: str, expected: int
) -> None:
    record = read(letter(body=body_2021(before=priority)))
    kinds = [r.kind for r in record.recommendations]
    assert kinds.count("priority_action") == expected
    assert len(kinds) == expected + len(ITEMS)
    assert [r.text for r in record.recommendations][expected:] == list(ITEMS)
    assert review_codes(record) == set()


def test_a_letter_with_no_list_at_all_gives_none_and_no_warning() -> None:
    body = f"Headline findings\n\nPractice is strong.\n\nMain findings\n\n{_paragraphs(FINDINGS)}"
    record = read(letter(body=body))
    assert record.recommendations == []
    assert review_codes(record) == set()


def test_a_list_heading_the_rules_do_not_know_is_a_review_warning() -> None:
    """Letters may have no list, so an empty result is only sure when nothing reads like one.
    No era prints this heading for letters."""
    record = read(letter(body=body_2021(heading="What needs to improve?")))
    assert record.recommendations == []
    unread = [w for w in record.warnings if w.code == "improvement_list_unread"]
    assert [(w.field, w.severity) for w in unread] == [("recommendations", "review")]


def test_a_known_list_heading_a_converter_broke_over_two_lines_heads_its_list() -> None:
    heading = "What needs to improve in this area of social work\npractice?"
    record = read(letter(body=body_2021(heading=heading)))
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()


def test_a_scope_list_in_the_introduction_is_not_an_improvement_list() -> None:
    scope = (
        "Inspectors looked at:\n\n◼ children in need\n◼ children subject to a child protection "
        "plan\n◼ disabled children.\n\n"
    )
    record = read(letter(intro=scope, body=body_2021()))
    assert [r.text for r in record.recommendations] == list(ITEMS)


def test_2025_items_end_with_a_national_framework_reference() -> None:
    improve = (
        f"{IMPROVE_2021}1\n\n"
        "◼ The quality and impact of recorded supervision and management decision-\n"
        "  making. (enabler 2, national framework)\n\n"
        "◼ The quality and consistency of plans.\n  (outcome 1, national framework)\n\n"
        "◼ The use of family networks at the earliest stage. (outcome 2,\n"
        "  national framework)\n\n"
    )
    body = (
        f"Headline findings\n\nPractice is improving.\n\n{improve}"
        f"Main findings\n\n{_paragraphs(FINDINGS)}"
    )
    record = read(letter(body=body, letter_date="30 October 2025"))
    texts = [r.text for r in record.recommendations]
    assert len(texts) == 3
    assert all(text.endswith("national framework)") for text in texts)


def test_numbered_findings_give_the_paragraph_run_and_not_items() -> None:
    findings = "".join(
        f"{n}. Finding {n}: social workers in the area know the children they work with.\n\n"
        for n in range(1, 9)
    )
    body = f"Overview\n\nPractice is steady.\n\n{IMPROVE_2018}\n\n{_bullets(ITEMS)}Findings\n\n"
    record = read(letter(body=body + findings))
    assert [p.number for p in record.paragraphs if p.number] == list(range(1, 9))
    assert [r.text for r in record.recommendations] == list(ITEMS)


@pytest.mark.parametrize(
    "furnish",
    [
        lambda t: t.replace("Findings\n\n", "Findings\n\n\f2\n\n", 1),  # numbers from page 2
        lambda t: t + "\f\n\f",  # an empty last page
        lambda t: t + "\f3\n\f",  # a last page holding only its number
    ],
)
def test_page_furniture_and_an_empty_last_page_change_nothing(furnish: object) -> None:
    assert callable(furnish)
    record = read(furnish(letter()))
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()  # the sign-off is still read as the letter's end


def test_earlier_grades_quoted_in_a_letter_are_never_judgements() -> None:
    quoted = (
        "Overview\n\nAt the last inspection in 2018, overall effectiveness was judged to be\n"
        "inadequate. Help and protection was judged to require improvement to be good.\n\n"
        "Judgement Grade\nOverall effectiveness Inadequate\n\n"
    )
    body = quoted + f"{IMPROVE_2018}\n\n{_bullets(ITEMS)}Findings\n\n{_bullets(FINDINGS)}"
    record = read(letter(body=body))
    assert record.report.kind == "ilacs_focused_visit"
    assert record.judgements == []
    assert not [w for w in record.warnings if w.field.startswith("judgements")]


def _glyphs_apart(text: str) -> str:
    """Plain `pdftotext`'s reading order: each glyph on a line of its own before its item."""
    return "\n".join(
        f"{line[0]}\n\n{line[2:]}\n" if line[:2] in (f"{GLYPH} ", "◼ ") else line
        for line in text.split("\n")
    )


@pytest.mark.parametrize(
    "body",
    [
        body_2018(glyph=GLYPH),
        body_2018(glyph=GLYPH, list_last=True),
        body_2018(list_last=True),
        body_2021(before="Areas for priority action\n\n◼ Delay in child protection enquiries.\n\n"),
    ],
)
def test_reading_order_text_with_glyphs_apart_reads_the_same(body: str) -> None:
    text = _glyphs_apart(letter(body=body, letterhead=LETTERHEAD_COLUMNS))
    record = read(text)
    assert record.report.provider == "Northwick"
    assert [r.text for r in record.recommendations][-2:] == list(ITEMS)
    assert len(record.recommendations) == (3 if "priority" in body else 2)
    assert review_codes(record) == set()


def test_markdown_converter_shape_with_items_broken_after_their_first_line() -> None:
    """pdfminer-based converters (markitdown) set a blank line inside a wrapped item and read
    the letterhead column by column."""
    items = (
        "◼  The quality of plans for children in need and\n\nthe way they are reviewed.\n\n"
        "◼  The timeliness of strategy\n\ndiscussions.\n\n"
    )
    findings = "◼  Thresholds are well understood by partners and\n\nleaders.\n\n"
    body = f"Overview\n\nText.\n\n{IMPROVE_2018}\n\n{items}Findings\n\n{findings}"
    record = read(letter(body=body, letterhead=LETTERHEAD_COLUMNS))
    assert [r.text for r in record.recommendations] == [
        "The quality of plans for children in need and the way they are reviewed.",
        "The timeliness of strategy discussions.",
    ]
    assert review_codes(record) == set()


@pytest.mark.parametrize("shape", [lambda t: t, _glyphs_apart])
def test_an_item_over_a_page_break_with_its_page_number_stays_one_item(shape: object) -> None:
    assert callable(shape)
    split = "◼ The quality of plans for children in need and\n\n2\n\fthe way they are reviewed."
    body = body_2021().replace(f"◼ {ITEMS[0]}", split, 1)
    record = read(shape(letter(body=body, letterhead=LETTERHEAD_COLUMNS)))
    assert [r.text for r in record.recommendations] == [
        "The quality of plans for children in need and the way they are reviewed.",
        ITEMS[1],
    ]
    assert review_codes(record) == set()
