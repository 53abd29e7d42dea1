"""A synthetic area SEND report (ANATOMY.md section 8) for the anatomy tests: invented
"Northwick", "Ada Quill"; reading-order text with form feeds as plain `pdftotext` gives it."""

from __future__ import annotations

from dataclasses import dataclass

from inspectparse.record import Record
from report_parts import assert_report, read

BODY = "Northwick Council and NHS\nFenland Integrated Care\nBoard"
PRIORITY = (
    "Leaders across the partnership should agree a shared plan for\n"
    "children who wait for an assessment of their needs.",
    "Leaders across the partnership must make sure that the plans\n"
    "written for children are checked before they are issued. This\n"
    "includes plans written by health services.",
)
IMPROVEMENTS = (
    "Leaders across the partnership should publish the local offer in plain language\n"
    "so that parents can find it easily.",
    "Leaders across the partnership should widen the choice of alternative provision\n"
    "for pupils who cannot attend school full time.",
    "Leaders should check that annual reviews are held on time.",
)
PROSE = (
    "Inspectors spoke with children, parents and carers about the support they receive.\n"
    "Leaders know the area well and have started to act on what families tell them.\n"
    "Health visitors check the development of young children at the expected times.\n"
)
OUTCOMES = {
    "positive": (
        "The local area partnership\u2019s arrangements typically lead to positive experiences "
        "and outcomes for children\nand young people with special educational needs and/or "
        "disabilities (SEND).\nThe next full reinspection will be within approximately five years."
    ),
    "inconsistent": (
        "The local area partnership\u2019s arrangements lead to inconsistent experiences and "
        "outcomes for\nchildren and young people with special educational needs and/or "
        "disabilities (SEND).\nThe next full reinspection will be within approximately 3 years."
    ),
    "significant_concerns": (
        "There are widespread and/or systemic failings leading to significant concerns about "
        "the\nexperiences and outcomes of children and young people with special educational "
        "needs\nand/or disabilities (SEND), which the local area partnership must address "
        "urgently.\nA monitoring inspection will be carried out within approximately eighteen "
        "months."
    ),
}
TEAM = (
    "Inspection team\nOfsted\nCare Quality Commission\n{lead}\nCara Finch HMI, Ofsted\n"
    "Dan Wren, CQC inspector\n"
)
LEAD = "Ada Quill, Ofsted HMI Lead inspector Ben Rook, CQC Lead inspector"
FOOTER = "Area SEND inspection report: Northwick Local Area Partnership\n4 to 8 March 2030\n{n}"


@dataclass
class Send:
    kicker: str = "Local area partnership report"
    title: str = "Area SEND inspection of Northwick Local Area\nPartnership"
    dates: str = "Inspection dates: 4 to 8 March 2030"
    previous: str = "Dates of previous inspection: 1 to 5 May 2025"
    outcome: str = "significant_concerns"
    priority: tuple[str, ...] = PRIORITY
    improvements: tuple[str, ...] = IMPROVEMENTS
    repeated_header: bool = True
    team: str = TEAM.format(lead=LEAD)
    bullet: str = "\u25fc"
    body_extra: str = ""
    footer: str = FOOTER

    def text(self) -> str:
        cover = (
            f"{self.kicker}\n{self.title}\n{self.dates}\n{self.previous}\nInspection outcome\n"
            f"{OUTCOMES[self.outcome]}\nInformation about the local area partnership\n"
            "Northwick Council and NHS Fenland Integrated Care Board plan services together.\n"
        )
        bullets = "".join(f"{self.bullet} {line}" for line in PROSE.splitlines(True))
        sections = (
            "What is it like to be a child or young person with SEND in this area?\n"
            f"{PROSE}{self.body_extra}What is the area partnership doing that is effective?\n"
            f"{bullets}What does the area partnership need to do better?\n{bullets}"
        )
        pages = [sections]
        if self.priority:
            pages.append(
                "Areas for priority action\nResponsible body\n"
                + f"{BODY}\n\n" * len(self.priority)
                + "Areas for priority action\n"
                + "\n".join(self.priority)
                + "\n"
            )
        header = "Areas for improvement\n" * (2 if self.repeated_header else 1)
        pages.append(
            header + "\n".join(self.improvements) + "\nLocal area partnership details\n"
            "Local Authority\nNorthwick Council\nIntegrated Care Board\nNHS Fenland ICB\n"
        )
        pages.append(
            "Information about this inspection\nThis inspection was carried out under an "
            f"invented act.\n{self.team}"
        )
        footed = [f"{page}\n{self.footer.format(n=n)}\n" for n, page in enumerate(pages, 2)]
        return "\f".join([cover, *footed, "\u00a9 Crown copyright 2031\n"]) + "\f"


def check(
    report: Send,
    *,
    provider: str = "Northwick Local Area Partnership",
    dates: tuple[str, str] = ("2030-03-04", "2030-03-08"),
    lead: str | None = "Ada Quill",
    recommendations: int | None = None,
) -> Record:
    record = read(report.text())
    outcome = {"area_send_outcome": report.outcome}
    assert_report(record, "area_send", provider=provider, dates=dates, lead=lead, grades=outcome)
    want = len(report.priority) + len(report.improvements)
    assert len(record.recommendations) == (want if recommendations is None else recommendations)
    # No item holds the running footer, a body cell or the team.
    for item in record.recommendations:
        assert "March 2030" not in item.text and "Integrated Care" not in item.text
    return record
