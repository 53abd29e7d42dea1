"""Validate stage: what the rules repaired or were unsure of -> the record's warnings.

Repairs made while segmenting, timescales off the urgency scale and metadata the framework
should have but the rules did not find all become warnings (code, field, severity from
`record.WARNING_CODES`), so a record never carries a silent guess. `assemble.py` puts them
in the record.
"""

from __future__ import annotations

from .classify.findings import Findings
from .document import Note
from .provenance import Data, block_lines, evidence_data, provenance_of
from .record import WARNING_CODES
from .segment import ParagraphUnit, Structure
from .urgency import read_timescale

_REPAIR_MESSAGES = {
    "bullet_before_number": "a bullet stood before the paragraph number; removed",
    "number_displaced_into_line": "the paragraph number was displaced into the line; moved back",
    "number_inferred": "the paragraph number was missing; inferred from its neighbours",
    "number_without_full_stop": "the paragraph number had no full stop",
    "continuation_after_page_break_dash": (
        "text continued after a page break behind a '- ' artefact; joined to the text before"
    ),
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
    return _warning(note.code, note.message, note.field, evidence_data(ev) if ev else None)


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
                            block_lines(unit.blocks)[:1], paragraph=unit.number
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
                    block_lines(group[0].blocks)[:1], paragraph=group[0].number
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
                    provenance=evidence_data(r.evidence),
                )
            )
    return out


def record_warnings(structure: Structure, findings: Findings) -> list[Data]:
    """Every warning of the record: the stages' notes (missing and implausible metadata
    among them, `classify.checks`), then repairs and timescales."""
    notes = [*structure.document.notes, *findings.warnings, *structure.warnings]
    warnings: list[Data] = [_note(n) for n in notes]
    warnings.extend(_repair_warnings(structure.paragraphs))
    warnings.extend(_timescale_warnings(findings))
    return warnings
