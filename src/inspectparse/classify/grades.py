"""Reading a grade phrase as printed back to its canonical id (the vocabulary: `grades.py`)."""

from __future__ import annotations

import re

from ..document import Evidence, Line, Note
from ..grades import GRADES, NOT_JUDGED, Grade

_PREFIXES: tuple[tuple[str, Grade], ...] = tuple((w.prefix, g) for g, w in GRADES.items())
_NOT_JUDGED = re.compile(rf"\s*{NOT_JUDGED}", re.I)


def canonical_grade(text: str) -> Grade | None:
    """'Requires Improvement to be good' -> 'requires_improvement'; None if not a grade."""
    t = re.sub(r"[^a-z ]", " ", text.lower()).strip()
    t = re.sub(r"^grade\s+", "", t)
    for prefix, grade in _PREFIXES:
        if t.startswith(prefix):
            return grade
    return None


def is_not_judged(text: str) -> bool:
    return bool(_NOT_JUDGED.match(text))


def not_judged_note(key: str, label: str, lines: list[Line]) -> Note:
    """A summary table's "Not judged" cell: no grade for the judgement, and no miss either."""
    return Note(
        "judgement_not_judged",
        f"the summary table prints 'Not judged' for '{label}': no grade recorded",
        field=f"judgements.{key}",
        evidence=Evidence(lines=lines, text=f"{label} | Not judged"),
    )
