"""The grade vocabulary, declared once: every grade a record can carry, its Ofsted number, how
it is printed and how it reads (good news, a concern, a failure).

Everything else derives from this table: the record's `Grade` type and `grade_code` column
(record.py), the printed-grade regex the profiles' sentences use (`GRADE_PHRASE`), reading a
printed phrase back to its id (classify/grades.py), the grade scales the profiles declare and
the colours `inspectparse show` gives each grade. A new grade is one `Grade` literal and one
row of `GRADES`; the module-level check below fails at import if the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Grade = Literal[
    "outstanding",
    "good",
    "requires_improvement",
    "adequate",
    "inadequate",
    "positive",
    "inconsistent",
    "significant_concerns",
]
# How a grade reads to a person: `show` colours each tone.
Tone = Literal["best", "good", "concern", "failure"]


@dataclass(frozen=True, slots=True)
class GradeWord:
    """One grade: its Ofsted number, how its printed phrase starts, and its tone.

    `prefix`: a printed phrase, lower-cased, that starts with it is this grade ("requ" reads
    "requires improvement to be good" and "require improvement").
    `phrase`: the regex of the printed phrase in the shared four-point scales, or None for a
    grade only its own framework's sentences print (the area SEND outcomes).
    """

    code: int
    prefix: str
    phrase: str | None
    tone: Tone


# The numeric codes of Ofsted's published data, beside the words: 1 outstanding, 2 good,
# 3 requires improvement (or, before 2013, adequate), 4 inadequate; area SEND outcomes 1-3.
GRADES: dict[Grade, GradeWord] = {
    "outstanding": GradeWord(1, "outstanding", "outstanding", "best"),
    "good": GradeWord(2, "good", "good", "good"),
    "requires_improvement": GradeWord(
        3, "requ", r"requires?\s+improvement(?:\s+to\s+be\s+good)?", "concern"
    ),
    "adequate": GradeWord(3, "adequate", "adequate", "concern"),
    "inadequate": GradeWord(4, "inadequate", "inadequate", "failure"),
    "positive": GradeWord(1, "positive", None, "good"),
    "inconsistent": GradeWord(2, "inconsistent", None, "concern"),
    "significant_concerns": GradeWord(3, "significant", None, "failure"),
}
if set(GRADES) != set(get_args(Grade)):  # pragma: no cover - a declaration error
    raise AssertionError("grades.GRADES must have one row per Grade literal")

# A judgement printed as not graded (a phrase of its own, not a grade).
NOT_JUDGED = r"not\s+judged"

# Any grade phrase of the shared scales, as printed; `classify.grades.canonical_grade` reads
# a match back to its id. (The phrases start with different letters: their order is free.)
GRADE_PHRASE = (
    "(?:"
    + "|".join([w.phrase for w in GRADES.values() if w.phrase is not None] + [NOT_JUDGED])
    + ")"
)

# Ofsted's numbers, keyed by grade (the record's `grade_code`).
GRADE_CODES: dict[str, int] = {grade: word.code for grade, word in GRADES.items()}

# The scales the frameworks grade on (a profile declares which).
FOUR_POINT: tuple[Grade, ...] = ("outstanding", "good", "requires_improvement", "inadequate")
FOUR_POINT_TO_2013: tuple[Grade, ...] = ("outstanding", "good", "adequate", "inadequate")
AREA_SEND_OUTCOMES: tuple[Grade, ...] = ("positive", "inconsistent", "significant_concerns")
