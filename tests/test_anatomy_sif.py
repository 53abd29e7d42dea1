"""SIF layouts the field guide counts (ANATOMY.md section 3), one synthetic report each.

Every report here is invented ("Northwick", "Ada Quill"): reading-order text with form feeds, as
plain `pdftotext` gives it (paragraph numbers on their own lines). `Sif` is the 2015-18
template (cover with headline and table, executive summary, numbered recommendations, graded
findings, the LSCB part, the team); `Sif2014` the 2013-14 one (summary of key findings, "What
does the local authority need to improve?", "Section 2"). Each case changes one thing the
archive prints and checks every scored field and the review warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

import inspectparse
from inspectparse.record import Record

RI = "Requires improvement"
TITLE = (
    "Inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\nand\n"
    "Review of the effectiveness of the Local Safeguarding Children\nBoard1"
)
LABELS = (
    "1. Children who need help and protection",
    "2. Children looked after and achieving\npermanence",
    "2.1 Adoption performance",
    "2.2 Experiences and progress of care leavers",
    "3. Leadership, management and governance",
)
KEYS = (
    "help_and_protection",
    "children_looked_after",
    "adoption_performance",
    "care_leavers",
    "leadership_management_governance",
)
SENTENCES = (
    "Families get help early from a team that knows the area well and works with schools.",
    "Social workers visit children often and write down what children tell them.",
    "Managers check the quality of work and act quickly when it is not good enough.",
    "Partners share information promptly so that risks to children are understood.",
    "Plans for children are clear and are reviewed when things change for them.",
    "Leaders know their services well and have a sound plan for what comes next.",
)
RECOMMENDATIONS = (
    "Ensure that plans for children are reviewed on time and record the reasons for decisions.",
    "Improve the quality of supervision recorded for frontline staff.",
    "Strengthen the oversight of children who go missing from home or care.",
)
LSCB_RECOMMENDATIONS = (
    "Ensure that the board monitors the training it gives to partner agencies.",
    "Improve the way the board checks the quality of joint audits.",
)
NOTE = (
    "Ofsted writes this report under an invented power to combine reports, and it includes\n"
    "the review of the Local Safeguarding Children Board under invented regulations.\n1\n"
)
GRADES = {
    "overall_effectiveness": "good",
    "help_and_protection": "good",
    "children_looked_after": "requires_improvement",
    "adoption_performance": "good",
    "care_leavers": "good",
    "leadership_management_governance": "good",
    "lscb": "good",
}
ALL_RI = {key: "requires_improvement" for key in GRADES}


class Numbering:
    """Paragraph numbers in document order, each on its own line, with paragraphs of four
    lines (short pages would put repeated lines in the running-header zone)."""

    def __init__(self, numbered: bool = True) -> None:
        self.last, self.numbered = 0, numbered

    def number(self) -> str:
        self.last += 1
        return f"{self.last}.\n" if self.numbered else ""

    def paragraphs(self, count: int) -> str:
        out = []
        for _ in range(count):
            n = self.number()
            case = self.last * 7
            out.append(
                f"{n}{SENTENCES[self.last % 6]}\n"
                + "".join(
                    f"Inspectors saw in case {case + k} that the {word} work was recorded.\n"
                    for k, word in enumerate(("early", "careful", "timely"))
                )
            )
        return "".join(out)

    def items(self, items: tuple[str, ...]) -> str:
        return "".join(f"{self.number()}{item}\n" for item in items)


@dataclass
class Sif:
    provider: str = "Northwick Borough Council"
    title: str = TITLE
    dates: str = "Inspection date: 4 May 2031 to 26 May 2031"
    headline: str = "Children\u2019s services in Northwick are good"
    grades: tuple[str, ...] = ("Good", RI, "Good", "Good", "Good")
    table: str | None = None  # the table as printed, when not built from `grades`
    page1_extra: str = ""
    adoption: str = "The graded judgement for adoption performance is that it is good."
    leavers: str = (
        "The graded judgement about the experience and progress of care leavers is that it is good."
    )
    lscb: str = "The Local Safeguarding Children Board is good."
    lead: str = "Lead inspector: Ada Quill HMI\nDeputy lead inspector: Ben Rook HMI"
    with_lscb: bool = True  # re-inspections and a few late inspections have no LSCB part
    numbering: Numbering = field(default_factory=Numbering)

    def text(self) -> str:
        table = self.table or "".join(
            f"{la}\n\n{g}\n\n" for la, g in zip(LABELS, self.grades, strict=True)
        )
        cover = (
            f"{self.provider}\n{self.title}\n{self.dates}\nReport published: 8 July 2031\n\n"
            f"{self.headline}\n{table}{self.page1_extra}{NOTE}"
        )
        num = self.numbering
        summary = (
            "Executive summary\nChildren in Northwick get good help from staff who know them.\n"
            f"Recommendations\n{num.items(RECOMMENDATIONS)}"
            "Summary for children and young people\n\uf06e Most children said workers listen.\n2\n"
        )
        help_, looked_after, leadership = self.grades[0], self.grades[1], self.grades[4]
        findings = (
            "The experiences and progress of children who need help and protection\n"
            f"{help_}\nSummary\n{num.paragraphs(3)}"
            "The experiences and progress of children looked after and achieving permanence\n"
            f"{looked_after}\nSummary\n{num.paragraphs(3)}{self.adoption}\n{self.leavers}\n3\n"
        )
        leaders = (
            f"{num.paragraphs(2)}Leadership, management and governance\n{leadership}\n"
            f"Summary\n{num.paragraphs(3)}4\n"
        )
        lscb = (
            f"The Local Safeguarding Children Board (LSCB)\n{self.lscb}\nExecutive summary\n"
            "The board has a clear plan and its partners attend its meetings.\n"
            f"Recommendations\n{num.items(LSCB_RECOMMENDATIONS)}"
            "Inspection findings \u2013 the Local Safeguarding Children Board\n"
            f"{num.paragraphs(2)}"
            if self.with_lscb
            else ""
        )
        team = (
            "Information about this inspection\n"
            "Inspectors looked closely at the experiences of children.\n"
            f"The inspection team\n{self.lead}\nTeam inspectors: Cara Finch HMI, Dan Wren\n5\n"
        )
        back = "\u00a9 Crown copyright 2031\n"
        return "\f".join([cover, summary, findings, leaders, lscb + team, back]) + "\f"


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
    report: Sif,
    grades: dict[str, str] = GRADES,
    *,
    provider: str = "Northwick Borough Council",
    dates: tuple[str, str] = ("2031-05-04", "2031-05-26"),
    lead: str | None = "Ada Quill",
    recommendations: int = 5,
) -> Record:
    record = read(report.text())
    assert record.report.kind == "sif"
    assert record.report.provider == provider
    assert (str(record.report.inspection_start), str(record.report.inspection_end)) == dates
    assert record.report.lead_inspector == lead
    assert record.grades == grades
    assert len(record.recommendations) == recommendations
    numbers = [p.number for p in record.paragraphs if p.number]
    # The page-1 row labels "1." "2." "3." are no paragraph numbers.
    assert (numbers[0], numbers[-1]) == (1, report.numbering.last)
    return record


def test_the_2015_template_reads_right_with_no_review_warning() -> None:
    assert not reviews(check(Sif()))


# -- title page ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("provider", "want"),
    [
        ("London Borough of\nNorthwick", "London Borough of Northwick"),
        ("Northwick Metropolitan Borough\nCouncil", "Northwick Metropolitan Borough Council"),
    ],
)
def test_a_provider_wrapped_over_two_lines(provider: str, want: str) -> None:
    check(Sif(provider=provider), provider=want)


@pytest.mark.parametrize("word", ["Re-inspection", "Reinspection"])
def test_re_inspections_have_no_lscb_part_and_need_no_lscb_grade(word: str) -> None:
    title = (
        f"{word} of services for children in need of help and\n"
        "protection, children looked after and care leavers"
    )
    grades = {k: v for k, v in GRADES.items() if k != "lscb"}
    text = Sif(title=title, with_lscb=False).text().replace(NOTE, "1\n")
    record = read(text)
    assert record.report.kind == "sif" and record.grades == grades
    assert len(record.recommendations) == 3
    assert not reviews(record)


_DATES = ("2031-05-04", "2031-05-26")


@pytest.mark.parametrize(
    "dates",
    [
        "Inspection date: 4 May 2031 \u2013 26 May 2031",
        "Inspection dates: 4 May 2031 to 26 May 2031",
        "Inspection date: 4 May \u2013 26 May 2031",
        "Inspection date: 4 May 2031\u201326 May 2031",
        "Inspection date: 4 May\u201326 May 2031",
        "Inspection date: 4 May 2031-26 May 2031",
        "Inspection date: 4 May 2031 \u2500 26 May 2031",
        "Inspection date: 04/05/2031 - 26/05/2031",
        "Inspection date: 04/05/2031 to 26/05/2031",
        "Inspection date: 4 May 2031 \u2013 8 May 2031 and 18 May 2031 \u2013\n26 May 2031",
        "Inspection date: 4 May 2031 to 8 May 2031 and\n18 May 2031 to 26 May 2031",
    ],
)
def test_inspection_date_shapes(dates: str) -> None:
    check(Sif(dates=dates), dates=_DATES)


def test_a_single_printed_date_is_a_review_warning_on_both_ends() -> None:
    record = check(Sif(dates="Inspection date: 4 May 2031"), dates=("2031-05-04", "2031-05-04"))
    assert reviews(record) == {
        ("dates_implausible", "report.inspection_start"),
        ("dates_implausible", "report.inspection_end"),
    }


def test_no_report_published_line() -> None:
    text = Sif().text().replace("Report published: 8 July 2031\n", "")
    record = read(text)
    assert record.grades == GRADES and str(record.report.inspection_end) == "2031-05-26"


# -- headline: three templates in succession -------------------------------------------------
@pytest.mark.parametrize(
    ("headline", "grade"),
    [
        ("The overall judgement is good", "good"),
        ("The overall judgement is requires improvement", "requires_improvement"),
        ("The overall judgement is requires improvement.", "requires_improvement"),
        ("The overall judgement is inadequate.2", "inadequate"),
        ("The overall judgement is that children\u2019s services are good", "good"),
        ("The overall judgement is that children\u2019s services are\ngood", "good"),
        (
            "The overall judgement is that children\u2019s services require\nimprovement",
            "requires_improvement",
        ),
        ("The overall judgement is that children\u2019s services are\ninadequate.2", "inadequate"),
        (
            "Children\u2019s services in Northwick require improvement to be good",
            "requires_improvement",
        ),
        (
            "Children\u2019s services in Northwick requires improvement to be good",
            "requires_improvement",
        ),
        ("Children\u2019s services are inadequate", "inadequate"),
        ("Children\u2019s services in Northwick are Outstanding", "outstanding"),
        (
            "Children\u2019s services in the Northwick Borough Council area\nare inadequate",
            "inadequate",
        ),
        # A stock sentence with "good" follows a headline wrapped before its grade.
        (
            "The overall judgement is that children\u2019s services are\ninadequate\n"
            "There are failures that leave children at risk. The authority is not yet good.",
            "inadequate",
        ),
    ],
)
def test_headline_templates(headline: str, grade: str) -> None:
    check(Sif(headline=headline), {**GRADES, "overall_effectiveness": grade})


# -- the sub-judgement table -----------------------------------------------------------------
def _rows(grades: tuple[str, ...], labels: tuple[str, ...] = LABELS) -> str:
    return "".join(f"{label}\n\n{grade}\n\n" for label, grade in zip(labels, grades, strict=True))


_MIXED = (RI, RI, "Good", "Good", RI)
_MIXED_GRADES = {
    **GRADES,
    "help_and_protection": "requires_improvement",
    "children_looked_after": "requires_improvement",
    "leadership_management_governance": "requires_improvement",
}


@pytest.mark.parametrize(
    "table",
    [
        # 2014: "Requires" / "improvement" on two lines after the label (plain pdftotext).
        pytest.param(_rows(tuple(g.replace(" ", "\n") for g in _MIXED)), id="requires-wrapped"),
        pytest.param(_rows(tuple(g + " to be good" if g == RI else g for g in _MIXED)), id="2017"),
        pytest.param(
            _rows(tuple("Requires\nimprovement to\nbe good" if g == RI else g for g in _MIXED)),
            id="2017-three-lines",
        ),
        pytest.param(_rows(tuple(g.lower() for g in _MIXED)), id="lower-case"),
        pytest.param(
            _rows(_MIXED, LABELS[:4] + ("1. Leadership, management and governance",)),
            id="leadership-numbered-1",
        ),
        # Two or three labels, then their grades as a block (some 2014-16 reports).
        pytest.param(
            "\n".join(LABELS[:3])
            + "\n\n"
            + "\n\n".join(_MIXED[:3])
            + "\n\n"
            + "\n".join(LABELS[3:])
            + "\n\n"
            + "\n\n".join(_MIXED[3:])
            + "\n\n",
            id="labels-then-grades",
        ),
        # One table breaks over pages 1-2 (2.2 and 3 on page 2).
        pytest.param(
            _rows(_MIXED[:3], LABELS[:3]) + NOTE + "\f" + _rows(_MIXED[3:], LABELS[3:]), id="split"
        ),
    ],
)
def test_table_shapes(table: str) -> None:
    report = Sif(grades=_MIXED, table=table)
    report.adoption = report.leavers = ""  # the table is the only source of those two grades
    assert not reviews(check(report, _MIXED_GRADES))


def test_layout_2014_narrow_column_grade_above_and_below_the_label() -> None:
    def row(label: str, grade: str) -> str:
        if grade == RI:
            return f"{'':<60}Requires\n{label}\n{'':<60}improvement\n\n"
        return f"{label:<60}{grade}\n\n"

    labels = [label.replace("\n", " ") for label in LABELS]
    table = "".join(row(label, grade) for label, grade in zip(labels, _MIXED, strict=True))
    report = Sif(grades=_MIXED, table=table)
    report.adoption = report.leavers = ""
    record = check(report, _MIXED_GRADES)
    assert record.source.text_layout == "layout"


def test_layout_2017_grade_wrapped_over_three_lines_beside_its_label() -> None:
    table = (
        f"{LABELS[0]:<60}Good\n\n"
        f"{'2. Children looked after and achieving':<60}Requires\n"
        f"{'permanence':<60}improvement to\n{'':<60}be good\n\n"
        + "".join(f"{label:<60}Good\n\n" for label in LABELS[2:])
    )
    record = check(Sif(table=table))
    assert record.source.text_layout == "layout"


@pytest.mark.parametrize(
    ("grades", "not_judged"),
    [
        (("Good", RI, "Not judged", "Good", "Good"), {"adoption_performance"}),
        (
            ("Good", "Not judged", "Not judged", "Not judged", "Good"),
            {"children_looked_after", "adoption_performance", "care_leavers"},
        ),
    ],
)
def test_not_judged_rows_record_no_grade(grades: tuple[str, ...], not_judged: set[str]) -> None:
    """Two 2016 reports print "Not judged" in the table: no grade and no key for that row, and
    no `judgement_missing` review warning either (it was one: "none was found")."""
    report = Sif(grades=grades, adoption="")
    if "care_leavers" in not_judged:
        report.leavers = ""
    record = read(report.text())
    assert record.grades == {k: v for k, v in GRADES.items() if k not in not_judged}
    assert len(record.recommendations) == 5
    # No miss to review: the report says so; an info note on each such judgement.
    assert not reviews(record)
    notes = {(w.field, w.severity) for w in record.warnings if w.code == "judgement_not_judged"}
    assert notes == {(f"judgements.{key}", "info") for key in not_judged}


# -- the LSCB grade --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("The Local Safeguarding Children Board is good.", "good"),
        ("The Local Safeguarding Children Board is Good.", "good"),
        ("The Local Safeguarding Children Board requires improvement.", "requires_improvement"),
        (
            "The Local Safeguarding Children Board requires improvement to be good.",
            "requires_improvement",
        ),
        (
            "The Local Safeguarding Children Board requires\nimprovement to be good.",
            "requires_improvement",
        ),
        (
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is requires "
            "improvement.",
            "requires_improvement",
        ),
        (
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is\ninadequate",
            "inadequate",
        ),
        (
            "The judgement for the effectiveness of the Local Safeguarding Children Board (LSCB) "
            "is good.",
            "good",
        ),
        ("The Local Safeguarding Children is outstanding.", "outstanding"),  # "Board" left out
        ("The Local Safeguarding Children Board is good. It is not yet outstanding.", "good"),
    ],
)
def test_lscb_sentence_shapes(sentence: str, grade: str) -> None:
    check(Sif(lscb=sentence), {**GRADES, "lscb": grade})


def test_lscb_grade_on_page_one_under_the_table_2013_14() -> None:
    page1 = (
        "The effectiveness of the Local Safeguarding Children Board (LSCB) is\ninadequate\n"
        "The board does not yet show that it checks the work of partners well enough to be good.\n"
    )
    check(Sif(page1_extra=page1, lscb="The board has a plan."), {**GRADES, "lscb": "inadequate"})


def test_an_lscb_part_without_a_grade_sentence_is_a_review_warning() -> None:
    record = check(
        Sif(lscb="The board has a plan."), {k: v for k, v in GRADES.items() if k != "lscb"}
    )
    assert reviews(record) == {("judgement_missing", "judgements.lscb")}


# -- lead inspector --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lead",
    [
        "Lead inspector: Ada Quill\nDeputy lead inspector: Ben Rook",
        "Deputy lead inspector: Ben Rook HMI\nLead inspector: Ada Quill HMI",
        "Lead inspector on site: Ada Quill HMI\nDeputy lead inspector: Ben Rook HMI",
        "Lead inspector:\nAda Quill HMI\nDeputy lead inspector:\nBen Rook HMI",
        "Lead inspector: Ada Quill, Senior HMI",
        "Lead Inspector: Ada Quill (HMI)",
    ],
)
def test_lead_label_forms_never_take_the_deputy(lead: str) -> None:
    check(Sif(lead=lead))


def test_only_a_deputy_lead_is_no_lead_and_a_review_warning() -> None:
    record = check(Sif(lead="Deputy lead inspector: Ben Rook HMI"), lead=None)
    assert reviews(record) == {("lead_missing", "report.lead_inspector")}


# -- the 2013-14 template: key findings, "What does the local authority need to improve?" ----
@dataclass
class Sif2014:
    la_heading: str = "What does the local authority need to improve?"
    priority_heading: str = "Priority and immediate action"
    priority: tuple[str, ...] = ("Ensure that every child at risk is seen without delay.",)
    areas_heading: str = "Areas for improvement"
    areas: tuple[str, ...] = RECOMMENDATIONS
    topics: tuple[str, ...] = ()  # a topic subheading over each area item, where given
    section2: str = "Section 2: The effectiveness of the Local Safeguarding Children Board"
    lscb_heading: str = "What does the LSCB need to improve?"
    lscb_areas_heading: str = "Areas for improvement"
    lscb_areas: tuple[str, ...] = LSCB_RECOMMENDATIONS
    blank_page: bool = False
    numbering: Numbering = field(default_factory=Numbering)

    def _items(self, items: tuple[str, ...], topics: tuple[str, ...] = ()) -> str:
        out = []
        for k, item in enumerate(items):
            topic = f"{topics[k]}\n" if k < len(topics) and topics[k] else ""
            out.append(topic + self.numbering.items((item,)))
        return "".join(out)

    def text(self) -> str:
        num = self.numbering
        cover = (
            f"Northwick Borough Council\n{TITLE}\nInspection date: 4 May 2031 \u2013 26 May 2031\n"
            "Report published: 8 July 2031\nThe overall judgement is requires improvement\n"
            "There are no failures that leave children at risk. The authority is not yet good.\n"
            + "".join(f"{label}\nRequires\nimprovement\n" for label in LABELS)
            + "The effectiveness of the Local Safeguarding Children Board (LSCB) is\n"
            f"requires improvement\n{NOTE}"
        )
        findings = (
            "Section 1: the local authority\nSummary of key findings\n"
            f"This local authority requires improvement because\n{num.paragraphs(4)}"
            f"The local authority has the following strengths:\n{num.paragraphs(2)}2\n"
        )
        priority = f"{self.priority_heading}\n{self._items(self.priority)}"
        lists = (
            f"{self.la_heading}\n{priority if self.priority_heading else ''}"
            f"{self.areas_heading}\n{self._items(self.areas, self.topics)}"
            "Information about this inspection\nThe inspection team\n"
            "Lead inspector: Ada Quill\nDeputy lead inspector: Ben Rook\n3\n"
        )
        body = f"Inspection findings\n{num.paragraphs(4)}4\n"
        lscb_lists = "".join(f"{h}\n" for h in (self.lscb_heading, self.lscb_areas_heading) if h)
        lscb = (
            f"{self.section2}\nThe effectiveness of the LSCB requires improvement\n"
            f"{lscb_lists}{self._items(self.lscb_areas)}Summary of findings\n"
            f"{num.paragraphs(3)}5\n"
        )
        pages = [cover, findings, lists, body, *(["6\n"] if self.blank_page else []), lscb]
        return "\f".join([*pages, "\u00a9 Crown copyright 2031\n"]) + "\f"


def check_2014(report: Sif2014, recommendations: int | None = None) -> Record:
    record = read(report.text())
    assert record.report.kind == "sif"
    assert record.report.provider == "Northwick Borough Council"
    assert record.report.lead_inspector == "Ada Quill"
    assert record.grades == ALL_RI
    want = len(report.priority) + len(report.areas) + len(report.lscb_areas)
    assert len(record.recommendations) == (want if recommendations is None else recommendations)
    numbers = [p.number for p in record.paragraphs if p.number]
    # 2014: numbering starts at the summary of key findings and runs through the LSCB part.
    assert (numbers[0], numbers[-1]) == (1, report.numbering.last)
    return record


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(Sif2014(), id="template"),
        pytest.param(
            Sif2014(
                priority_heading="Priority and immediate action:",
                areas_heading="Areas for improvement:",
            ),
            id="colon-headings",
        ),
        pytest.param(
            Sif2014(la_heading="What does the Local Authority need to improve?"), id="capitals"
        ),
        pytest.param(
            Sif2014(topics=("Leadership and management", "", "Care leavers")), id="topics"
        ),
        pytest.param(
            Sif2014(areas=tuple(f"{a[:-1]} (paragraph 34)." for a in RECOMMENDATIONS)),
            id="cross-reference",
        ),
        pytest.param(Sif2014(lscb_heading=""), id="lscb-areas-only"),
        pytest.param(Sif2014(lscb_areas_heading=""), id="lscb-question-only"),
        pytest.param(
            Sif2014(section2="Section 2: The effectiveness the Local Safeguarding Children Board"),
            id="section-2-without-of",
        ),
        pytest.param(Sif2014(blank_page=True), id="blank-page-with-its-number"),
    ],
)
def test_2014_lists_and_numbering(report: Sif2014) -> None:
    assert not reviews(check_2014(report))


@pytest.mark.parametrize(
    "none",
    [
        ("There are no areas for priority action.",),  # numbered, as some reports print it
        (),
    ],
)
def test_a_priority_list_saying_there_are_none_has_no_item(none: tuple[str, ...]) -> None:
    check_2014(Sif2014(priority=none), recommendations=5)


@pytest.mark.parametrize("glyph", ["\uf06e", "\uf02d"])
def test_private_use_sub_bullets_under_an_item_ending_in_a_colon_are_not_items(glyph: str) -> None:
    lead_in = "Ensure that the records kept for each child are complete, including:"
    report = Sif2014(areas=(lead_in, *RECOMMENDATIONS[1:]))
    text = report.text().replace(
        lead_in, f"{lead_in}\n{glyph} their health histories\n{glyph} their school records"
    )
    record = read(text)
    assert len(record.recommendations) == 6
    assert record.recommendations[1].text.startswith(lead_in)


# -- paragraph numbering ---------------------------------------------------------------------
def _numbers(record: Record) -> list[int]:
    return [p.number for p in record.paragraphs if p.number]


def test_an_empty_numbered_paragraph_keeps_the_run_s_ends_and_is_flagged() -> None:
    """"5." with no text, then "6." over its paragraph: two numbers, one paragraph start, so
    reading order cannot place them for certain; the run's first and last numbers stand and
    the numbers left out are a review warning on the paragraphs."""
    report = Sif()
    # Paragraph 5 keeps its number and loses its four lines of text.
    text = re.sub(r"\n5\.\n(?:.*\n){4}", "\n5.\n", report.text(), count=1)
    assert "\n5.\n6." in text
    record = read(text)
    numbers = _numbers(record)
    assert (numbers[0], numbers[-1]) == (1, report.numbering.last)
    assert ("paragraph_number_gap", "paragraphs") in reviews(record)
    assert record.grades == GRADES


def test_a_wrapped_line_starting_with_a_number_is_no_paragraph() -> None:
    report = Sif()
    line = "Inspectors saw in case 56 that the early work was recorded."
    text = report.text()
    assert line in text
    record = read(text.replace(line, f"{line[:-1]} in\n12. cases out of twenty."))
    assert _numbers(record) == list(range(1, report.numbering.last + 1))


def test_numbers_inline_with_their_text_as_layout_gives_them() -> None:
    report = Sif()
    text = re.sub(r"(?m)^(\d{1,2})\.\n", r"\1. ", report.text())
    record = read(text)
    assert _numbers(record) == list(range(1, report.numbering.last + 1))
    assert record.grades == GRADES and len(record.recommendations) == 5


def test_the_unnumbered_pilot_with_bulleted_items() -> None:
    report = Sif2014(numbering=Numbering(numbered=False), priority=(), priority_heading="")
    report.areas = tuple(f"\uf06e {item}" for item in RECOMMENDATIONS)
    report.lscb_areas = tuple(f"\uf06e {item}" for item in LSCB_RECOMMENDATIONS)
    record = read(report.text())
    assert record.grades == ALL_RI and len(record.recommendations) == 5
    assert _numbers(record) == []
    assert not reviews(record)
