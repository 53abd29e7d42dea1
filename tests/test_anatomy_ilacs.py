"""ILACS layouts the field guide counts (ANATOMY.md section 5), one synthetic report each.

Every report here is invented ("Northwick", "Ada Quill"): a reading-order text with form feeds,
the title page, the "Judgement / Grade" table, the improvement list, graded sections with
numbered paragraphs, a running footer from page 2 and the back page. Each case changes one
thing the archive prints and checks every scored field and the review warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

import inspectparse
from inspectparse.record import Record

LEADERS = "The impact of leaders on social work practice with children and families"
LEADERS_2026 = "The impact of leaders on practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
IN_CARE_AND_LEAVERS = "The experiences and progress of children in care and care leavers"
IN_CARE = "The experiences and progress of children in care"
LEAVERS = "The experiences and progress of care leavers"
OVERALL = "Overall effectiveness"
RI = "Requires improvement to be good"

ROWS_4 = ((LEADERS, "Good"), (HELP, RI), (IN_CARE, "Good"), (LEAVERS, "Inadequate"), (OVERALL, RI))
GRADES_4 = {
    "impact_of_leaders": "good",
    "help_and_protection": "requires_improvement",
    "children_in_care": "good",
    "care_leavers": "inadequate",
    "overall_effectiveness": "requires_improvement",
}
ROWS_3 = ((LEADERS, "Good"), (HELP, RI), (IN_CARE_AND_LEAVERS, "Inadequate"), (OVERALL, RI))
GRADES_3 = {
    "impact_of_leaders": "good",
    "help_and_protection": "requires_improvement",
    "children_in_care_and_care_leavers": "inadequate",
    "overall_effectiveness": "requires_improvement",
}
ROWS_2026 = ((LEADERS_2026, "Good"), (HELP, RI), (IN_CARE, "Good"), (LEAVERS, "Inadequate"))
GRADES_2026 = {k: v for k, v in GRADES_4.items() if k != "overall_effectiveness"}

SENTENCES = (
    "Families get help early from a team that knows the area well and works with schools.",
    "Social workers visit children often and write down what children tell them.",
    "Managers check the quality of work and act quickly when it is not good enough.",
    "Partners share information promptly so that risks to children are understood.",
    "Plans for children are clear and are reviewed when things change for them.",
    "Leaders know their services well and have a sound plan for what comes next.",
)
ITEMS = (
    "The timeliness of plans made for children who wait for a decision.",
    "The quality of supervision recorded for frontline staff.",
)
SUMMARY = (
    "The local authority has made steady progress since the last inspection, when services "
    "were judged to be good overall."
)
FOOTER = "Northwick inspection of local authority children's services\n3 to 14 March 2031\n{n}"


def head_2021(
    title: str = "Inspection of Northwick local authority\nchildren's services",
    dates: str = "Inspection dates: 3 to 14 March 2031",
    lead: str = "Lead inspector: Ada Quill, His Majesty's Inspector",
) -> str:
    return f"{title}\n\n{dates}\n\n{lead}\n\n"


def head_2018(
    provider: str = "Northwick",
    title: str = "Inspection of children's social care services",
    lead: str = "Lead inspector: Ada Quill\nHer Majesty's Inspector",
) -> str:
    return f"{provider}\n{title}\n\nInspection dates: 3 to 14 March 2031\n\n{lead}\n\n"


def table(rows: tuple[tuple[str, str], ...], wrap_grade: bool = False) -> str:
    """The table as a reading-order converter gives it: a label, then its grade cell."""
    cells = []
    for label, grade in rows:
        if wrap_grade and grade == RI:
            grade = "Requires improvement\nto be good"
        cells.append(f"{label}\n\n{grade}\n\n")
    return "Judgement\nGrade\n" + "".join(cells)


def graded(labels: tuple[str, ...], rows: tuple[tuple[str, str], ...]) -> list[str]:
    """Section headings in the 2019-on form: the label, a colon, the grade in lower case."""
    grade_of = dict(rows)
    return [f"{label}: {grade_of[label].lower()}" for label in labels]


SECTIONS_4 = graded((HELP, IN_CARE, LEAVERS, LEADERS), ROWS_4)
SECTIONS_3 = graded((HELP, IN_CARE_AND_LEAVERS, LEADERS), ROWS_3)


@dataclass
class Report:
    head: str = head_2021()
    table: str = table(ROWS_4)
    sections: tuple[str, ...] = tuple(SECTIONS_4)
    heading: str = "What needs to improve?"
    items: tuple[str, ...] = ITEMS
    bullet: str = "\u25fc"
    number: str = "{n}. {s}"
    footer: str | None = FOOTER

    def text(self) -> str:
        improve = f"{self.heading}\n\n" + "".join(f"{self.bullet} {it}\n" for it in self.items)
        body, n = [improve], 0
        for heading in self.sections:
            body.append(f"\n{heading}\n")
            for _ in range(3):
                body.append("\n" + self.number.format(n=n + 1, s=SENTENCES[n % 6]) + "\n")
                n += 1
        half = len(body) // 2
        pages = ["".join(body[:half]), "".join(body[half:]), "\u00a9 Crown copyright 2031\n"]
        if self.footer:
            pages = [f"{p}\n\n{self.footer.format(n=k)}\n" for k, p in enumerate(pages, 2)]
        return "\f".join([self.head + self.table + SUMMARY + "\n", *pages]) + "\f"

    @property
    def paragraphs(self) -> int:
        return 3 * len(self.sections)


def read(text: str) -> Record:
    return inspectparse.extract(text.encode("utf-8"))


def reviews(record: Record) -> set[tuple[str, str | None]]:
    """Review warnings, less the lookup of an invented council's official code."""
    return {
        (w.code, w.field)
        for w in record.warnings
        if w.severity == "review" and w.code != "authority_unmatched"
    }


def check(
    record: Record,
    grades: dict[str, str],
    *,
    provider: str = "Northwick",
    dates: tuple[str, str] = ("2031-03-03", "2031-03-14"),
    lead: str | None = "Ada Quill",
    recommendations: int = 2,
    last: int = 12,
) -> None:
    report = record.report
    assert report.kind == "ilacs"
    assert report.provider == provider
    assert (str(report.inspection_start), str(report.inspection_end)) == dates
    assert report.lead_inspector == lead
    assert record.grades == grades
    assert len(record.recommendations) == recommendations
    numbers = [p.number for p in record.paragraphs if p.number]
    assert (numbers[0], numbers[-1]) == (1, last)


def test_the_2021_template_reads_right_with_no_review_warning() -> None:
    record = read(Report().text())
    check(record, GRADES_4)
    assert not reviews(record)


# -- title page ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "provider"),
    [
        ("Inspection of Northwick local authority\nchildren's services", "Northwick"),
        ("Inspection of the Northwick local authority\nchildren's services", "Northwick"),
        ("Inspection of Northwick local authority children's services", "Northwick"),
        ("Inspection of Northwick City Council\nchildren's services", "Northwick City Council"),
        (
            "Inspection of Northwick Children and Families\nTrust",
            "Northwick Children and Families Trust",
        ),
        (
            "Inspection of Northwick Children\u2019s Services Trust",
            "Northwick Children's Services Trust",
        ),
    ],
)
def test_2021_titles_name_the_provider(title: str, provider: str) -> None:
    check(read(Report(head=head_2021(title=title)).text()), GRADES_4, provider=provider)


@pytest.mark.parametrize(
    ("provider", "title"),
    [
        ("Northwick", "Inspection of children's social care services"),
        ("Northwick", "Inspection of local authority children's services"),
        ("Northwick City of", "Inspection of children's social care services"),
        ("northwick city council", "Inspection of children's social care services"),
    ],
)
def test_2018_titles_take_the_provider_from_the_line_above(provider: str, title: str) -> None:
    report = Report(
        head=head_2018(provider, title), table=table(ROWS_3), sections=tuple(SECTIONS_3)
    )
    check(read(report.text()), GRADES_3, provider=provider, last=9)


@pytest.mark.parametrize(
    ("dates", "want"),
    [
        ("Inspection dates: 3 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 3 March 2031 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 3 March to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection date: 3 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 3 \u2013 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates:\n3 to 14 March 2031", ("2031-03-03", "2031-03-14")),
        ("Inspection dates: 29 December 2030 to 9 January 2031", ("2030-12-29", "2031-01-09")),
        # Two periods joined by "and"; one wraps onto a second line.
        (
            "Inspection dates: 3 to 7 March 2031 and 17 to 21 March 2031",
            ("2031-03-03", "2031-03-21"),
        ),
        (
            "Inspection dates: 3 to 7 March 2031 and\n17 to 21 March 2031",
            ("2031-03-03", "2031-03-21"),
        ),
        ("Inspection dates: 3 to 7 March and 17 to 21 March 2031", ("2031-03-03", "2031-03-21")),
    ],
)
def test_inspection_date_shapes(dates: str, want: tuple[str, str]) -> None:
    check(read(Report(head=head_2021(dates=dates)).text()), GRADES_4, dates=want)


@pytest.mark.parametrize(
    ("lead", "want"),
    [
        ("Lead inspector: Ada Quill, His Majesty's Inspector", "Ada Quill"),
        ("Lead inspector: Ada Quill, Her Majesty\u2019s Inspector", "Ada Quill"),
        ("Lead inspector: Ada Quill\nHer Majesty's Inspector", "Ada Quill"),
        ("Lead inspector:\nAda Quill\nHer Majesty's Inspector", "Ada Quill"),
        ("Lead inspector: Ada Quill, HMI", "Ada Quill"),
        ("Lead inspector: Ada Quill HMI", "Ada Quill"),
        ("Lead Inspector: Dr Ada Quill-Rook, His Majesty's Inspector", "Dr Ada Quill-Rook"),
        # A long line wraps the rank: "Inspector" alone on the next line.
        ("Lead inspector: Ada Quill, Her Majesty\u2019s\nInspector", "Ada Quill"),
        ("Lead inspector: Ada Quill, His Majesty's Senior\nInspector", "Ada Quill"),
        ("Lead inspectors: Ada Quill and Ben Rook", "Ada Quill and Ben Rook"),
        (
            "Lead inspectors: Ada Quill, His Majesty's Inspector, and Ben Rook, His Majesty's "
            "Inspector",
            "Ada Quill and Ben Rook",
        ),
    ],
)
def test_lead_inspector_forms(lead: str, want: str) -> None:
    record = read(Report(head=head_2021(lead=lead)).text())
    check(record, GRADES_4, lead=want)
    assert not reviews(record)


def test_no_lead_line_is_a_review_warning_not_a_guess() -> None:
    record = read(Report(head=head_2021(lead="")).text())
    check(record, GRADES_4, lead=None)
    assert reviews(record) == {("lead_missing", "report.lead_inspector")}


# -- the judgement table (the graded sections name no grade, so the table is the only source) --
def _wrapped(label: str) -> str:
    words = label.split()
    return " ".join(words[: len(words) // 2]) + "\n" + " ".join(words[len(words) // 2 :])


_PLAIN_4 = (HELP, IN_CARE, LEAVERS, LEADERS)
_TABLE_CASES: dict[str, Callable[[str, str], tuple[str, str]]] = {
    "labels-wrap": lambda label, grade: (_wrapped(label), grade),
    "label-ends-with-a-full-stop": lambda label, grade: (
        label + "." if label == LEAVERS else label,
        grade,
    ),
    "care-leaver-label-typo": lambda label, grade: (
        "The experiences and progress of children care leavers" if label == LEAVERS else label,
        grade,
    ),
    "capitalised-grade": lambda label, grade: (
        label,
        "Requires Improvement to be good" if grade == RI else grade,
    ),
    "lower-case-grades": lambda label, grade: (label, grade.lower()),
}


@pytest.mark.parametrize("change", _TABLE_CASES)
def test_table_variants_are_read_from_the_table_alone(change: str) -> None:
    rows = tuple(_TABLE_CASES[change](label, grade) for label, grade in ROWS_4)
    record = read(Report(table=table(rows), sections=_PLAIN_4).text())
    check(record, GRADES_4)
    assert not reviews(record)


def test_2018_table_with_the_grade_wrapped_after_improvement() -> None:
    report = Report(
        head=head_2018(),
        table=table(ROWS_3, wrap_grade=True),
        sections=(HELP, IN_CARE_AND_LEAVERS, LEADERS),
    )
    check(read(report.text()), GRADES_3, last=9)


def test_2026_table_without_overall_effectiveness_and_a_shorter_leaders_label() -> None:
    sections = graded((HELP, IN_CARE, LEAVERS, LEADERS_2026), ROWS_2026)
    record = read(Report(table=table(ROWS_2026), sections=tuple(sections)).text())
    check(record, GRADES_2026)
    assert not reviews(record)


def test_layout_overall_grade_straddling_its_label() -> None:
    """pdftotext -layout: the Overall row's "Requires improvement" above the label, "to be good"
    below it; the other wrapped grades sit beside their labels' lines."""
    pad = " " * 12

    def row(label: str, grade: str) -> str:
        first, second = _wrapped(label).split("\n")
        if grade == RI:
            return f"  {first:<48}{pad}Requires improvement\n  {second:<48}{pad}to be good\n\n"
        return f"  {first:<48}{pad}{grade}\n  {second}\n\n"

    rows = "".join(row(label, grade) for label, grade in ROWS_3[:3])
    overall = f"  {'':<48}{pad}Requires improvement\n  {OVERALL}\n  {'':<48}{pad}to be good\n\n"
    layout = f"  {'Judgement':<48}{pad}Grade\n\n{rows}{overall}"
    report = Report(
        head=head_2018(), table=layout, sections=(HELP, IN_CARE_AND_LEAVERS, LEADERS), footer=None
    )
    record = read(report.text())
    assert record.source.text_layout == "layout"
    check(record, GRADES_3, last=9)
    assert {j.rule for j in record.judgements} == {f"ilacs.table.{key}" for key in GRADES_3}


# -- graded section headings (the table leaves them out: they are the only source) -----------
@pytest.mark.parametrize(
    ("sections", "rows", "grades"),
    [
        pytest.param(
            tuple(h.replace(": ", ":\n") for h in SECTIONS_4),
            ROWS_4,
            {k: v for k, v in GRADES_4.items() if k != "overall_effectiveness"},
            id="grade-next-line",
        ),
        pytest.param(
            (
                f"{HELP} requires improvement to be good",
                f"{IN_CARE_AND_LEAVERS} is inadequate",
                f"{LEADERS} is good",
            ),
            ROWS_3,
            {k: v for k, v in GRADES_3.items() if k != "overall_effectiveness"},
            id="2018-sentence-headings",
        ),
    ],
)
def test_graded_section_heading_forms(
    sections: tuple[str, ...], rows: tuple[tuple[str, str], ...], grades: dict[str, str]
) -> None:
    record = read(Report(table="", sections=sections).text())
    assert {k: record.grades[k] for k in grades} == grades


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
        first, second = _wrapped(label).split("\n")
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
