"""Classify stage: framework detection, metadata, judgements and recommendations."""

from __future__ import annotations

from ..document import Note
from ..segment import Structure
from .authority import find_authority
from .checks import ending_checks, metadata_checks, paragraph_checks
from .detect import detect_kind, detect_kind_in_prose, detect_variant
from .eras import era_date_notes
from .findings import Findings
from .judgements import extract_judgements
from .list_checks import list_item_checks
from .metadata import extract_metadata
from .recommendations import read_lists
from .summary_table import TableRead, read_table

__all__ = ["classify"]


def classify(structure: Structure) -> Findings:
    document = structure.document
    match = detect_kind(document)
    profile, rule = match.profile, match.pattern
    from_prose = profile is None
    if from_prose:
        profile, rule = detect_kind_in_prose(document)
    if profile is None:
        findings = Findings(kind="unknown", profile=None)
        findings.warnings.append(
            Note(
                "kind_unknown",
                "page 1 matches no known framework profile; structure only, no judgements",
            )
        )
        return findings
    findings = Findings(kind=profile.kind, profile=profile, kind_rule=rule)
    if from_prose:
        findings.warnings.append(
            Note(
                "kind_from_prose",
                f"no title on page 1 matches a framework; {profile.kind} was read from "
                "page-1 text that may be prose",
            )
        )
    if match.earlier is not None:
        findings.warnings.append(
            Note(
                "kind_conflict",
                f"page 1 reads as {profile.kind}, but a line above its title opens like the "
                f"title of {match.earlier}; check which inspection this is",
            )
        )
    table = read_table(structure, profile) if profile.graded else TableRead({}, "")
    # The table's own row labels tell the variant best; page-1 prose can quote other eras.
    findings.variant = detect_variant(profile, document, table.label_text or None, table.found)
    findings.meta = extract_metadata(document, profile)
    findings.warnings.extend(metadata_checks(profile, findings.meta))
    findings.authority, notes = find_authority(document, profile, findings.meta)
    findings.warnings.extend(notes)
    if profile.graded:
        findings.judgements, warnings = extract_judgements(
            structure, profile, findings.variant, table
        )
        findings.warnings.extend(warnings)
    graded = {j.key for j in findings.judgements}
    findings.warnings.extend(era_date_notes(profile, findings.variant, findings.meta, graded))
    findings.recommendations, notes = read_lists(structure, profile)
    findings.warnings.extend(notes)
    findings.warnings.extend(list_item_checks(profile, findings.recommendations))
    findings.warnings.extend(ending_checks(profile, document, graded))
    numbered = sum(1 for unit in structure.paragraphs if unit.number is not None)
    findings.warnings.extend(paragraph_checks(profile, findings.meta, numbered))
    return findings
