"""Records built by hand for the output tests (invented council, invented text)."""

from __future__ import annotations

import hashlib

from inspectparse.outcome import InputId, Outcome
from inspectparse.record import Record


def make_record(
    path: str = "in/northwick.pdf",
    *,
    member: str | None = None,
    content: bytes | None = None,
    grades: dict[str, str] | None = None,
    kind: str = "ilacs",
    recommendations: int = 2,
    paragraphs: int = 3,
    authority: dict[str, str] | None = None,
    start: str | None = "2031-03-03",
    published: str | None = "2031-04-20",
    warnings: list[dict[str, str]] | None = None,
    variant: str | None = None,
) -> Record:
    sha = hashlib.sha256(content if content is not None else path.encode()).hexdigest()
    grades = {"overall_effectiveness": "good"} if grades is None else grades
    prov = {"page": 1, "text": "invented evidence"}
    return Record.model_validate(
        {
            "parser_version": "0.1.0",
            "source": {
                "path": path,
                "sha256": sha,
                "format": "pdf",
                "pages": 4,
                "engine": "pdfium",
                "member": member,
            },
            "report": {
                "kind": kind,
                "variant": variant,
                "provider": "Northwick Borough Council",
                "authority": authority,
                "inspection_start": start,
                "inspection_end": None if start is None else start[:8] + "14",
                "lead_inspector": "Ada Example",
                "published": published,
            },
            "judgements": [
                {
                    "key": key,
                    "label": key.replace("_", " "),
                    "grade": grade,
                    "grade_text": grade.title(),
                    "rule": "test.table",
                    "provenance": prov,
                }
                for key, grade in grades.items()
            ],
            "recommendations": [
                {
                    "text": f"Invented action {i}, with a comma",
                    "rule": "test.list",
                    "sub_items": ["a", "b"] if i == 0 else [],
                    "provenance": prov,
                }
                for i in range(recommendations)
            ],
            "paragraphs": [
                {
                    "number": i + 1,
                    "text": f'Invented paragraph {i + 1} with "quotes"\nand a newline.',
                    "provenance": {"page": 2},
                }
                for i in range(paragraphs)
            ],
            "warnings": [
                {
                    "code": "test_warning",
                    "message": "invented",
                    "field": "report.provider",
                    "severity": "review",
                }
            ]
            if warnings is None
            else warnings,
            "needs_review": True,
        }
    )


def ok(record: Record, *, rel: str | None = None) -> Outcome:
    src = record.source
    return Outcome(
        InputId(src.path, src.member, src.sha256, rel), record=record.model_dump(mode="json")
    )


def err(path: str, code: str = "unsupported_format", *, member: str | None = None) -> Outcome:
    sha = hashlib.sha256(b"bad" + path.encode()).hexdigest()
    return Outcome(InputId(path, member, sha), code=code, message=f"{path} is not a report")


def council(
    name: str = "Harrow",
    *,
    gss: str = "E09000015",
    dfe: str = "310",
    urn: str | None = "80499",
    type: str = "local_authority",
) -> dict[str, str]:
    """A `report.authority` (a real council's public codes; everything else is invented)."""
    return {
        "type": type,
        "name": name,
        "gss_code": gss,
        "dfe_code": dfe,
        "ofsted_urn": urn,
        "region_code": "E12000007",
        "region_name": "London",
        "matched_from": f"London Borough of {name}",
        "rule": "stripped_affixes",
        "lookup_version": "test",
    }
