"""Reading a grade phrase as printed back to its canonical id (the vocabulary: `grades.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Evidence, Line, Note
from ..grades import GRADES, NOT_JUDGED, Grade
from ..segment.headings import strip_footnote

_PREFIXES: tuple[tuple[str, Grade], ...] = tuple((w.prefix, g) for g, w in GRADES.items())
_NOT_JUDGED = re.compile(rf"\s*{NOT_JUDGED}", re.I)


@dataclass(slots=True)
class GradeCell:
    """A summary table's grade cell: its lines (a grade may wrap), read without footnote
    markers."""

    lines: list[Line]

    @property
    def text(self) -> str:
        return " ".join(strip_footnote(ln.text) for ln in self.lines)

    @property
    def top(self) -> float:
        return min(ln.top or 0.0 for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom or 0.0 for ln in self.lines)


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


def cut_grade_note(key: str, label: str, lines: list[Line], cell: str) -> Note:
    """A summary table's grade cell whose first words are lost ("improvement to be good"):
    no grade, and none guessed."""
    return Note(
        "judgement_grade_cut",
        f"the grade cell of '{label}' reads '{cell}', a grade whose first words are lost; no "
        "grade recorded, none guessed",
        field=f"judgements.{key}",
        evidence=Evidence(lines=lines, text=cell),
    )


def not_judged_note(key: str, label: str, lines: list[Line]) -> Note:
    """A summary table's "Not judged" cell: no grade for the judgement, and no miss either."""
    return Note(
        "judgement_not_judged",
        f"the summary table prints 'Not judged' for '{label}': no grade recorded",
        field=f"judgements.{key}",
        evidence=Evidence(lines=lines, text=f"{label} | Not judged"),
    )


# A grade cell that stops before its phrase ends ("Requires", "Requires improvement to"): its
# next line may go on with it. A cell already whole ("Good", "Requires improvement to be
# good") takes no more: a grade's second part after it opens a cell whose head is lost.
_STOPS_SHORT = re.compile(r"^\s*requires?(?:\s+improvement(?:\s+to(?:\s+be)?)?)?\s*$", re.I)
_ENDS_TO_BE = re.compile(r"\bto(?:\s+be)?$", re.I)
_GOOD = re.compile(r"^\s*(?:be\s+)?good\W*$", re.I)
# "Requires" alone: no grade ends there ("Requires improvement" may, in the 2013-14 wording).
_REQUIRES_ALONE = re.compile(r"^\s*requires?\s*$", re.I)


def stops_short(cell: str) -> bool:
    """Whether a grade cell's text so far stops before its phrase ends."""
    return _STOPS_SHORT.match(cell) is not None


def goes_on(cell: str, line: str, second_part: bool) -> bool:
    """Whether `line` goes on with a grade cell that reads `cell` so far: a grade's second part
    (`second_part`: "improvement to be") after a cell that stops short, or "good" after "... to
    be" or after "Requires" alone with its middle line lost ("Requires" / "good"), where "good"
    alone would also read as a grade of its own."""
    if second_part:
        return stops_short(cell)
    return _GOOD.match(line) is not None and (
        _ENDS_TO_BE.search(cell) is not None or _REQUIRES_ALONE.match(cell) is not None
    )
