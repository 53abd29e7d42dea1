"""Assemble stage: the structure and findings -> the record's data -> one validated `Record`.

Every value is copied from what the earlier stages found; nothing is read or decided here
except the urgency of each recommendation (`urgency.urgency`) and `needs_review` (any warning
of severity review). The warnings come from the validate stage (`validate.record_warnings`).
"""

from __future__ import annotations

from .classify.authority import authority_data
from .classify.findings import (
    Findings,
    JudgementFinding,
    RecommendationFinding,
    read_from_table,
)
from .document import Document
from .provenance import Data, block_lines, evidence_data, provenance_of
from .record import Record
from .segment import ParagraphUnit, SectionUnit, Structure
from .urgency import urgency
from .validate import record_warnings


def build_record(
    structure: Structure,
    findings: Findings,
    *,
    parser_version: str,
    path: str | None,
    sha256: str,
    member: str | None = None,
) -> Record:
    """The pipeline's last step: the record, with its warnings, validated once as a whole."""
    data = assemble(
        structure,
        findings,
        record_warnings(structure, findings),
        parser_version=parser_version,
        source=source_data(structure.document, path=path, sha256=sha256, member=member),
    )
    return Record.model_validate(data)


def assemble(
    structure: Structure,
    findings: Findings,
    warnings: list[Data],
    *,
    parser_version: str,
    source: Data,
) -> Data:
    """The record as plain data (the shape of `Record`), not yet validated."""
    table_rows = _table_rows(findings)
    return {
        "parser_version": parser_version,
        "source": source,
        "report": report_data(findings),
        "judgements": [judgement_data(j) for j in findings.judgements],
        "recommendations": [recommendation_data(r) for r in findings.recommendations],
        "sections": [section_data(s) for s in structure.sections],
        "paragraphs": [
            paragraph_data(p) for p in structure.paragraphs if not _in_table(p, table_rows)
        ],
        "warnings": warnings,
        "needs_review": any(w["severity"] == "review" for w in warnings),
    }


def _table_rows(findings: Findings) -> set[tuple[int, int]]:
    """(page, line index) of every line of the summary-table rows the judgements were read
    from (`read_from_table`)."""
    rows: set[tuple[int, int]] = set()
    for judgement in findings.judgements:
        if not read_from_table(judgement.rule) or not judgement.evidence.lines:
            continue
        lines = judgement.evidence.lines
        for page in {line.page for line in lines}:
            indices = [line.index for line in lines if line.page == page]
            rows.update((page, i) for i in range(min(indices), max(indices) + 1))
    return rows


def _in_table(unit: ParagraphUnit, table_rows: set[tuple[int, int]]) -> bool:
    """Whether a paragraph is only text of a summary table's rows (its label's wrapped words
    and grade cells as reading order met them): the table is the judgements', no paragraph."""
    return (
        bool(table_rows)
        and unit.number is None
        and all(
            (line.page, line.index) in table_rows for block in unit.blocks for line in block.lines
        )
    )


def source_data(document: Document, *, path: str | None, sha256: str, member: str | None) -> Data:
    return {
        "path": path,
        "sha256": sha256,
        "format": document.format,
        "pages": document.page_count,
        "engine": document.engine,
        "text_layout": document.text_layout,
        "member": member,
    }


def report_data(findings: Findings) -> Data:
    meta = findings.meta
    periods = meta.periods
    return {
        "kind": findings.kind,
        "kind_rule": findings.kind_rule,
        "variant": findings.variant,
        "title": meta.title,
        "provider": meta.provider,
        "inspection_start": periods[0][0] if periods else None,
        "inspection_end": periods[-1][1] if periods else None,
        # Several periods only: one is already the start and end.
        "inspection_periods": [{"start": s, "end": e} for s, e in periods]
        if len(periods) > 1
        else [],
        "lead_inspector": meta.lead_inspector,
        "published": meta.published,
        "letter_date": meta.letter_date,
        "authority": authority_data(findings.authority),
    }


def judgement_data(j: JudgementFinding) -> Data:
    return {
        "key": j.key,
        "label": j.label,
        "grade": j.grade,
        "grade_text": j.grade_text,
        "rule": j.rule,
        "confirmed_by": j.confirmed_by,
        "provenance": evidence_data(j.evidence),
    }


def recommendation_data(r: RecommendationFinding) -> Data:
    return {
        "text": r.text,
        "kind": r.kind,
        "timescale": r.timescale,
        "urgency": urgency(r.timescale, r.heading, r.kind),
        "actor": r.actor,
        "heading": r.heading,
        "number": r.number,
        "sub_items": r.sub_items,
        "rule": r.rule,
        "provenance": evidence_data(r.evidence),
    }


def section_data(section: SectionUnit) -> Data:
    return {"title": section.title, "page": section.page, "paragraphs": section.paragraph_numbers}


def paragraph_data(unit: ParagraphUnit) -> Data:
    return {
        "number": unit.number,
        "number_inferred": unit.number_inferred,
        "section": unit.section,
        "text": unit.text,
        "provenance": provenance_of(block_lines(unit.blocks), paragraph=unit.number),
    }
