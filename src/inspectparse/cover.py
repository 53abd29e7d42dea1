"""Segment and classify a cleaned document, reading its cover a second way where it repeats.

Clean takes a line that heads page after page for a running header, on page 1 too. Where
page 1's own first lines are what later pages repeat (a report whose running header is its
title or its provider's name), that removes the cover's title: the kind, provider or dates
are then lost. Text gives no font to tell a title from a header set in its words, so the
cover is read both ways and the reading that finds more of the cover's facts is kept; a
tie keeps clean's. Only a document with running-header lines on its first page and a cover
fact missing or doubted is read twice (no corpus report has such lines).
"""

from __future__ import annotations

from .classify import classify
from .classify.findings import Findings
from .clean import CleanedDocument
from .document import Line, Note
from .record import WARNING_CODES
from .segment import Structure, segment

__all__ = ["read_structure"]

# The report fields read from the cover, with the record path a warning about each names.
_COVER_FIELDS = ("report.provider", "report.inspection_start", "report.lead_inspector")


def read_structure(cleaned: CleanedDocument) -> tuple[Structure, Findings]:
    """The document's structure and findings, its cover read as clean left it or, where
    that loses cover facts, with page 1's running-header lines as its text."""
    structure = segment(cleaned)
    findings = classify(structure)
    header = _first_page_header(cleaned)
    if not header or not _cover_in_doubt(findings):
        return structure, findings
    for line in header:
        line.layer, line.furniture_reason = "body", None
    reread = CleanedDocument(document=cleaned.document)
    reread_structure = segment(reread)
    reread_findings = classify(reread_structure)
    if _cover_facts(reread_findings) > _cover_facts(findings):
        reread_findings.warnings.append(
            Note(
                "cover_running_lines_kept",
                f"{len(header)} line(s) of page 1 that head later pages were read as the "
                "cover's text, not a running header: without them the cover read fewer facts",
            )
        )
        return reread_structure, reread_findings
    for line in header:
        line.layer, line.furniture_reason = "furniture", "running-header"
    return structure, findings


def _first_page_header(cleaned: CleanedDocument) -> list[Line]:
    """The running-header lines of the first page with text (not its page number)."""
    for page in cleaned.document.pages:
        if page.lines:
            return [ln for ln in page.lines if ln.furniture_reason == "running-header"]
    return []


def _doubted(findings: Findings) -> set[str]:
    """The record fields a review warning of the findings names."""
    fields = set()
    for note in findings.warnings:
        spec = WARNING_CODES[note.code]
        if spec.severity == "review":
            fields.add(note.field or spec.field)
    return fields


def _cover_values(findings: Findings) -> tuple[object, ...]:
    meta = findings.meta
    return (meta.provider, meta.periods, meta.lead_inspector)


def _cover_in_doubt(findings: Findings) -> bool:
    """No kind, or a review warning on a cover field (one the framework gives that is
    missing, or one read that is implausible)."""
    return findings.profile is None or not _doubted(findings).isdisjoint(_COVER_FIELDS)


def _cover_facts(findings: Findings) -> int:
    """How many facts the reading found with no review warning on their field: the kind,
    the cover's fields and the judgements."""
    if findings.profile is None:
        return 0
    doubted = _doubted(findings)
    cover = sum(
        1
        for field, value in zip(_COVER_FIELDS, _cover_values(findings), strict=True)
        if value and field not in doubted
    )
    graded = sum(1 for j in findings.judgements if f"judgements.{j.key}" not in doubted)
    return 1 + cover + graded
