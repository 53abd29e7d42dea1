"""A synthetic ILACS report (ANATOMY.md section 5) for the anatomy tests: invented "Northwick",
"Ada Quill"; reading-order text with form feeds, each part replaceable by a test."""

from __future__ import annotations

from dataclasses import dataclass

from inspectparse.record import Record
from report_parts import SENTENCES, assert_report

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
    assert_report(record, "ilacs", provider=provider, dates=dates, lead=lead, grades=grades)
    assert len(record.recommendations) == recommendations
    numbers = [p.number for p in record.paragraphs if p.number]
    assert (numbers[0], numbers[-1]) == (1, last)


def wrapped(label: str) -> str:
    """A label wrapped over two lines at its middle word."""
    words = label.split()
    return " ".join(words[: len(words) // 2]) + "\n" + " ".join(words[len(words) // 2 :])
