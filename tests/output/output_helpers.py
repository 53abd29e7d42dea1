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
                "provider": "Northwick Borough Council",
                "inspection_start": "2031-03-03",
                "inspection_end": "2031-03-14",
                "lead_inspector": "Ada Example",
                "published": "2031-04-20",
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
            ],
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
