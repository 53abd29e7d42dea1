"""Grade phrases as printed -> canonical grade ids."""

from __future__ import annotations

import re

_PREFIXES = (
    ("outstanding", "outstanding"),
    ("good", "good"),
    ("requ", "requires_improvement"),  # requires / require improvement (to be good)
    ("adequate", "adequate"),
    ("inadequate", "inadequate"),
    ("positive", "positive"),
    ("inconsistent", "inconsistent"),
    ("significant", "significant_concerns"),
)


def canonical_grade(text: str) -> str | None:
    """'Requires Improvement to be good' -> 'requires_improvement'; None if not a grade."""
    t = re.sub(r"[^a-z ]", " ", text.lower()).strip()
    t = re.sub(r"^grade\s+", "", t)
    for prefix, grade in _PREFIXES:
        if t.startswith(prefix):
            return grade
    return None


def is_not_judged(text: str) -> bool:
    return bool(re.match(r"\s*not\s+judged", text, re.I))
