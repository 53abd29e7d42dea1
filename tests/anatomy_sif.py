"""Synthetic SIF reports (ANATOMY.md section 3) for the anatomy tests: invented "Northwick",
"Ada Quill"; reading-order text with form feeds as plain `pdftotext` gives it. `Sif` is the
2015-18 template, `Sif2014` the 2013-14 one."""

from __future__ import annotations

from dataclasses import dataclass, field

from inspectparse.record import Record
from report_parts import SENTENCES, assert_report, read

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
    assert_report(record, "sif", provider=provider, dates=dates, lead=lead, grades=grades)
    assert len(record.recommendations) == recommendations
    numbers = [p.number for p in record.paragraphs if p.number]
    # The page-1 row labels "1." "2." "3." are no paragraph numbers.
    assert (numbers[0], numbers[-1]) == (1, report.numbering.last)
    return record


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
