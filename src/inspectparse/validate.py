"""Validate stage: findings + structure -> the pydantic `Record`, with its warnings.

Repairs made while segmenting and anything the rules were unsure of become warnings, so a
record never carries a silent guess.
"""

from __future__ import annotations

from typing import Any

from .classify.authority import authority_data
from .classify.findings import Findings
from .document import Evidence, Line, Note
from .record import WARNING_CODES, Record
from .segment import Block, ParagraphUnit, Structure
from .urgency import read_timescale, urgency

# The record is assembled as plain data and validated once, as a whole, by `Record`: one
# pydantic call instead of one per model (thousands per report) is much the cheaper.
Data = dict[str, Any]

_REPAIR_MESSAGES = {
    "bullet_before_number": "a bullet stood before the paragraph number; removed",
    "number_displaced_into_line": "the paragraph number was displaced into the line; moved back",
    "number_inferred": "the paragraph number was missing; inferred from its neighbours",
    "number_without_full_stop": "the paragraph number had no full stop",
    "continuation_after_page_break_dash": (
        "text continued after a page break behind a '- ' artefact; joined to the text before"
    ),
}


def provenance_of(
    lines: list[Line],
    text: str | None = None,
    *,
    paragraph: int | None = None,
    char_start: int | None = None,
    char_end: int | None = None,
) -> Data:
    if not lines:
        return {"text": text, "paragraph": paragraph}
    return {
        "page": lines[0].page,
        "page_end": lines[-1].page,
        "paragraph": paragraph,
        "line_start": lines[0].index,
        "line_end": lines[-1].index,
        "char_start": char_start,
        "char_end": char_end,
        "text": text,
    }


def _evidence(ev: Evidence) -> Data:
    text = ev.text
    if text is not None and ev.char_start is not None and ev.char_end is not None:
        return provenance_of(
            ev.lines,
            text[ev.char_start : ev.char_end],
            paragraph=ev.paragraph,
            char_start=ev.char_start,
            char_end=ev.char_end,
        )
    return provenance_of(ev.lines, text, paragraph=ev.paragraph)


def _block_lines(blocks: list[Block]) -> list[Line]:
    return [ln for b in blocks for ln in b.lines]


def _paragraph(unit: ParagraphUnit) -> Data:
    return {
        "number": unit.number,
        "number_inferred": unit.number_inferred,
        "section": unit.section,
        "text": unit.text,
        "provenance": provenance_of(_block_lines(unit.blocks), paragraph=unit.number),
    }


# Repairs worth one warning per paragraph (they change what a paragraph is or its number);
# the others are summarised in one warning listing the paragraphs.
_PER_PARAGRAPH = {"number_inferred", "number_displaced_into_line"}


def _warning(
    code: str, message: str, field: str | None = None, provenance: Data | None = None
) -> Data:
    """A record warning: its field (default: the code's) and severity from `WARNING_CODES`."""
    spec = WARNING_CODES[code]  # KeyError: a stage raised a code nobody declared
    return {
        "code": code,
        "message": message,
        "field": field or spec.field,
        "severity": spec.severity,
        "provenance": provenance,
    }


def _note(note: Note) -> Data:
    ev = note.evidence
    return _warning(note.code, note.message, note.field, _evidence(ev) if ev else None)


def _repair_warnings(units: list[ParagraphUnit]) -> list[Data]:
    out: list[Data] = []
    grouped: dict[str, list[ParagraphUnit]] = {}
    for unit in units:
        for repair in dict.fromkeys(unit.repairs):
            if repair in _PER_PARAGRAPH:
                out.append(
                    _warning(
                        f"paragraph_{repair}",
                        f"paragraph {unit.number}: {_REPAIR_MESSAGES.get(repair, repair)}",
                        provenance=provenance_of(
                            _block_lines(unit.blocks)[:1], paragraph=unit.number
                        ),
                    )
                )
            else:
                grouped.setdefault(repair, []).append(unit)
    for repair, group in grouped.items():
        where = ", ".join(str(u.number) if u.number is not None else f"p.{u.page}" for u in group)
        out.append(
            _warning(
                f"paragraph_{repair}",
                f"{_REPAIR_MESSAGES.get(repair, repair)} (paragraphs {where})",
                provenance=provenance_of(
                    _block_lines(group[0].blocks)[:1], paragraph=group[0].number
                ),
            )
        )
    return out


def _timescale_warnings(findings: Findings) -> list[Data]:
    """A review warning for each printed timescale the urgency scale does not know."""
    out: list[Data] = []
    for r in findings.recommendations:
        if r.timescale and r.timescale.strip() and read_timescale(r.timescale) is None:
            out.append(
                _warning(
                    "timescale_unrecognised",
                    f"timescale {r.timescale!r} is not on the urgency scale (immediate, within "
                    "3 or 6 months); urgency left 'unspecified'",
                    provenance=_evidence(r.evidence),
                )
            )
    return out


def build_record(
    structure: Structure,
    findings: Findings,
    *,
    parser_version: str,
    path: str | None,
    sha256: str,
    member: str | None = None,
) -> Record:
    document = structure.document
    meta = findings.meta
    periods = meta.periods
    notes = [*document.notes, *findings.warnings, *structure.warnings]
    warnings: list[Data] = [_note(n) for n in notes]
    warnings.extend(_repair_warnings(structure.paragraphs))
    warnings.extend(_timescale_warnings(findings))
    report = {
        "kind": findings.kind,
        "kind_rule": findings.kind_rule,
        "variant": findings.variant,
        "title": meta.title,
        "provider": meta.provider,
        "inspection_start": periods[0][0] if periods else None,
        "inspection_end": periods[-1][1] if periods else None,
        "inspection_periods": [{"start": s, "end": e} for s, e in periods]
        if len(periods) > 1
        else [],
        "lead_inspector": meta.lead_inspector,
        "published": meta.published,
        "letter_date": meta.letter_date,
        "authority": authority_data(findings.authority),
    }
    return Record.model_validate(
        {
            "parser_version": parser_version,
            "source": {
                "path": path,
                "sha256": sha256,
                "format": document.format,
                "pages": document.page_count,
                "engine": document.engine,
                "text_layout": document.text_layout,
                "member": member,
            },
            "report": report,
            "judgements": [
                {
                    "key": j.key,
                    "label": j.label,
                    "grade": j.grade,
                    "grade_text": j.grade_text,
                    "rule": j.rule,
                    "confirmed_by": j.confirmed_by,
                    "provenance": _evidence(j.evidence),
                }
                for j in findings.judgements
            ],
            "recommendations": [
                {
                    "text": r.text,
                    "kind": r.kind,
                    "timescale": r.timescale,
                    "urgency": urgency(r.timescale, r.heading, r.kind),
                    "actor": r.actor,
                    "heading": r.heading,
                    "number": r.number,
                    "sub_items": r.sub_items,
                    "rule": r.rule,
                    "provenance": _evidence(r.evidence),
                }
                for r in findings.recommendations
            ],
            "sections": [
                {"title": s.title, "page": s.page, "paragraphs": s.paragraph_numbers}
                for s in structure.sections
            ],
            "paragraphs": [_paragraph(p) for p in structure.paragraphs],
            "warnings": warnings,
            "needs_review": any(w["severity"] == "review" for w in warnings),
        }
    )
