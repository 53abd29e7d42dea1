"""Pieces shared by the synthetic reports the tests write (never a real report's text)."""

from __future__ import annotations

import inspectparse
from inspectparse.record import Record

# How a complete report ends: Ofsted's back page, here its last line. Without it a text reads
# as cut short (`report_end_missing`), which tests about other things must not trip over.
BACK_PAGE_LINE = "\u00a9 Crown copyright 2031"

# Invented body sentences for the synthetic reports' paragraphs.
SENTENCES = (
    "Families get help early from a team that knows the area well and works with schools.",
    "Social workers visit children often and write down what children tell them.",
    "Managers check the quality of work and act quickly when it is not good enough.",
    "Partners share information promptly so that risks to children are understood.",
    "Plans for children are clear and are reviewed when things change for them.",
    "Leaders know their services well and have a sound plan for what comes next.",
)


def complete(text: str) -> str:
    """The synthetic report `text` with its back page after its last page."""
    return f"{text.rstrip()}\n\n{BACK_PAGE_LINE}\n"


def read(text: str) -> Record:
    """The record of a synthetic report's text."""
    return inspectparse.extract(text.encode())


def reviews(record: Record) -> set[tuple[str, str | None]]:
    """Review warnings as (code, field), save the one every invented council gets (its name
    matches no authority)."""
    return {
        (w.code, w.field)
        for w in record.warnings
        if w.severity == "review" and w.code != "authority_unmatched"
    }


def review_codes(record: Record) -> set[str]:
    """The codes of `reviews`."""
    return {code for code, _ in reviews(record)}


def assert_report(
    record: Record,
    kind: str,
    *,
    provider: str,
    dates: tuple[str, str],
    lead: str | None,
    grades: dict[str, str],
) -> None:
    """The report's facts a synthetic report was written with."""
    report = record.report
    assert report.kind == kind
    assert report.provider == provider
    assert (str(report.inspection_start), str(report.inspection_end)) == dates
    assert report.lead_inspector == lead
    assert record.grades == grades
