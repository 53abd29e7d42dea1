"""The assemble stage on plain data: structure + findings + warnings -> the record.

No report is loaded: the stages' outputs are built by hand, so what assembly copies, what it
decides (urgency, needs_review, periods) and what the validate stage warns about are checked
on their own.
"""

from __future__ import annotations

import datetime as dt

from inspectparse.assemble import assemble, build_record
from inspectparse.classify.checks import metadata_checks
from inspectparse.classify.findings import (
    Findings,
    JudgementFinding,
    Meta,
    RecommendationFinding,
)
from inspectparse.document import Document, Evidence, Line, Note, Page
from inspectparse.profiles import get
from inspectparse.segment import Block, ParagraphUnit, SectionUnit, Structure
from inspectparse.validate import record_warnings

SHA = "0" * 64


def _structure(notes: list[Note] | None = None) -> Structure:
    lines = [
        Line("Northwick", 1, 0),
        Line("Findings", 2, 1),
        Line("1. Leaders know their services well.", 2, 2),
        Line("It is good.", 3, 3),
    ]
    doc = Document(
        pages=[Page(1, lines[:1]), Page(2, lines[1:3]), Page(3, lines[3:])],
        format="text",
        engine="text",
        notes=notes or [],
    )
    block = Block("text", lines[2:], "Leaders know their services well. It is good.", 1)
    unit = ParagraphUnit(1, False, "Findings", [block])
    return Structure(doc, [block], [unit], [SectionUnit("Findings", 0, 2, [1])])


def _findings(**meta: object) -> Findings:
    line = Line("Overall effectiveness: good", 2, 5)
    item = Line("Improve plans within three months.", 3, 6)
    profile = get("ilacs")
    assert profile is not None
    read = Meta(**meta)  # type: ignore[arg-type]
    return Findings(
        kind="ilacs",
        profile=profile,
        kind_rule="ilacs title",
        variant="four_judgements",
        meta=read,
        # As classify does: missing or implausible metadata are notes of the findings.
        warnings=metadata_checks(profile, read),
        judgements=[
            JudgementFinding(
                "overall_effectiveness",
                "Overall effectiveness",
                "good",
                "good",
                "ilacs.table.overall_effectiveness",
                Evidence([line], line.text, 23, 27),
                ["ilacs.sentence.overall_effectiveness.0"],
            )
        ],
        recommendations=[
            RecommendationFinding(
                "Improve plans.",
                "priority_action",
                "Within three months",
                "Leaders",
                "Areas for priority action",
                None,
                [],
                "ilacs.list",
                Evidence([item], item.text),
            )
        ],
    )


FULL_META = {
    "title": "Inspection of Northwick",
    "provider": "Northwick",
    "periods": [(dt.date(2024, 1, 8), dt.date(2024, 1, 12))],
    "lead_inspector": "Sam Example",
}


def test_assembly_copies_each_finding_into_the_record_shape() -> None:
    structure, findings = _structure(), _findings(**FULL_META)
    data = assemble(structure, findings, [], parser_version="9.9", source={"sha256": SHA})
    assert data["report"]["kind"] == "ilacs" and data["report"]["variant"] == "four_judgements"
    assert (data["report"]["inspection_start"], data["report"]["inspection_end"]) == (
        dt.date(2024, 1, 8),
        dt.date(2024, 1, 12),
    )
    assert data["report"]["inspection_periods"] == []  # one period: start and end say it
    (judgement,) = data["judgements"]
    assert judgement["provenance"] == {
        "page": 2,
        "page_end": 2,
        "paragraph": None,
        "line_start": 5,
        "line_end": 5,
        "char_start": 23,
        "char_end": 27,
        "text": "good",  # the quoted span, not the whole line
    }
    (rec,) = data["recommendations"]
    # A printed timescale the scale knows decides the urgency, over the heading's "immediate".
    assert rec["urgency"] == "within_3_months"
    assert data["sections"] == [{"title": "Findings", "page": 2, "paragraphs": [1]}]
    (para,) = data["paragraphs"]
    assert (para["provenance"]["page"], para["provenance"]["page_end"]) == (2, 3)
    assert data["warnings"] == [] and data["needs_review"] is False


def test_several_periods_are_listed_and_span_start_to_end() -> None:
    periods = [
        (dt.date(2024, 1, 8), dt.date(2024, 1, 9)),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 2)),
    ]
    findings = _findings(**{**FULL_META, "periods": periods})
    report = assemble(_structure(), findings, [], parser_version="x", source={})["report"]
    assert (report["inspection_start"], report["inspection_end"]) == (periods[0][0], periods[1][1])
    assert len(report["inspection_periods"]) == 2


def test_missing_metadata_and_stage_notes_become_warnings_in_order() -> None:
    note = Note("engine_fallback", "pdfium failed; used pdfplumber")
    warnings = record_warnings(_structure([note]), _findings())  # no provider, no dates
    assert [(w["code"], w["field"], w["severity"]) for w in warnings] == [
        ("engine_fallback", "source.engine", "info"),
        ("provider_missing", "report.provider", "review"),
        ("dates_missing", "report.inspection_start", "review"),
        ("dates_missing", "report.inspection_end", "review"),
        ("lead_missing", "report.lead_inspector", "review"),
    ]


def test_build_record_validates_the_whole_and_flags_review() -> None:
    structure = _structure()
    record = build_record(structure, _findings(), parser_version="9.9", path="a.txt", sha256=SHA)
    assert record.source.path == "a.txt" and record.source.pages == 3
    assert record.grades == {"overall_effectiveness": "good"}
    assert record.judgements[0].grade_code == 2
    assert record.needs_review  # provider and dates are missing
    complete = build_record(
        structure, _findings(**FULL_META), parser_version="9.9", path=None, sha256=SHA
    )
    assert not complete.needs_review and complete.warnings == []
