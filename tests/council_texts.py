"""Short synthetic reports (plain text) for real councils: SIF and ILACS layouts.

Everything but the council's name and the framework's fixed headings is invented; the grades
and dates are chosen by the caller. Used where a test needs councils the bundled lookup
matches (the README recipes on history, search and joins).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

# Grade id -> how a SIF summary and an ILACS table print it.
_PRINTED = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement to be good",
    "inadequate": "Inadequate",
}


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def sif_text(provider: str, start: dt.date, grade: str, *, priority: str | None = None) -> str:
    """A SIF report: summary grades, the overall sentence, a priority action if given."""
    printed = _PRINTED[grade]
    end = start + dt.timedelta(days=24)
    verb = "require improvement to be good" if grade == "requires_improvement" else f"are {grade}"
    lines = [
        provider,
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers",
        "and",
        "Review of the effectiveness of the Local Safeguarding Children Board",
        "",
        f"Inspection date: {_day(start)} to {_day(end)}",
        "",
        f"Report published: {_day(end + dt.timedelta(days=40))}",
        "",
        f"Children's services {verb}",
        "",
        f"1. Children who need help and protection\t{printed}",
        f"2. Children looked after and achieving permanence\t{printed}",
        f"2.1 Adoption performance\t{printed}",
        f"2.2 Experiences and progress of care leavers\t{printed}",
        f"3. Leadership, management and governance\t{printed}",
        "",
        "Executive summary",
        "",
        f"1. The overall judgement is that children's services {verb}.",
        "",
        "2. Invented text: managers check the quality of work with families every month, and "
        "caseloads are kept within agreed limits.",
        "",
        f"3. The Local Safeguarding Children Board {verb.replace('are ', 'is ')}.",
        "",
    ]
    if priority:
        lines += ["Priority and immediate action", "", f"4. {priority}", ""]
    lines += [
        "Areas for improvement",
        "",
        f"{5 if priority else 4}. Invented improvement: record the reasons for decisions on "
        "every referral.",
        "",
        "Lead inspector: Ada Example",
    ]
    return "\n".join(lines) + "\n"


def ilacs_text(provider: str, start: dt.date, grade: str) -> str:
    """An ILACS report of the 2018-2023 layout: the judgement table and one improvement."""
    printed = _PRINTED[grade]
    end = start + dt.timedelta(days=11)
    return "\n".join([
        provider,
        "Inspection of children's social care services",
        "",
        f"Inspection dates: {_day(start)} to {_day(end)}",
        "",
        "Lead inspector: Ada Example",
        "",
        "Judgement\tGrade",
        f"The impact of leaders on social work practice with children and families\t{printed}",
        f"The experiences and progress of children who need help and protection\t{printed}",
        f"The experiences and progress of children in care and care leavers\t{printed}",
        f"Overall effectiveness\t{printed}",
        "",
        "1. Invented text: leaders know their services well and have a plan for what comes "
        "next.",
        "",
        "What needs to improve in this local authority?",
        "",
        "- Invented improvement: plans for care leavers are reviewed on time.",
    ]) + "\n"


# The councils of the README's sandbox: Barnet improved; Harrow inadequate since 2019.
EXPLOITATION = (
    "Make sure that every child at risk of sexual exploitation is seen and assessed without "
    "delay."
)


def write_council_reports(folder: Path) -> list[Path]:
    """Five reports of two councils under `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    reports = {
        "barnet-2015.txt": sif_text("London Borough of Barnet", dt.date(2015, 5, 11),
                                    "inadequate", priority=EXPLOITATION),
        "barnet-2019.txt": ilacs_text("London Borough of Barnet", dt.date(2019, 2, 4), "good"),
        "harrow-2016.txt": sif_text("London Borough of Harrow", dt.date(2016, 1, 11),
                                    "requires_improvement"),
        "harrow-2019.txt": ilacs_text("London Borough of Harrow", dt.date(2019, 6, 3),
                                      "inadequate"),
        "harrow-2023.txt": ilacs_text("London Borough of Harrow", dt.date(2023, 3, 6),
                                      "inadequate"),
    }
    paths = []
    for name, text in reports.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# A table shaped like DfE's local-authority tables (explore-education-statistics): invented rates.
DFE_TABLE = (
    "time_period,time_identifier,geographic_level,region_name,la_name,old_la_code,new_la_code,"
    "cin_rate\n"
    "2023,Financial year,Local authority,London,Barnet,302,E09000003,281.4\n"
    "2024,Financial year,Local authority,London,Barnet,302,E09000003,275.0\n"
    "2024,Financial year,Local authority,London,Harrow,310,E09000015,301.2\n"
    "2024,Financial year,Local authority,London,Brent,304,E09000005,333.3\n"
)
