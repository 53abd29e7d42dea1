"""Framework profiles: each report kind is declared as data, not control flow.

A profile says how to recognise the kind on page 1, which judgements it must have and where
they are printed (summary table rows, graded headings, sentences), its grade scale, its
improvement-list headings and how to read its metadata (`spec.py` defines the pieces).

Adding a framework is one module here that builds a `Profile` named `PROFILE` (importing
only from `.spec`), and one line in `REGISTRY` below.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import import_module

from .spec import (
    APOS,
    GRADE,
    BodyColumn,
    ItemStyle,
    JudgementSpec,
    ListHeading,
    Profile,
    Variant,
)

__all__ = [
    "APOS",
    "GRADE",
    "BodyColumn",
    "PROFILES",
    "REGISTRY",
    "ItemStyle",
    "JudgementSpec",
    "ListHeading",
    "Profile",
    "Variant",
    "get",
    "grade_statements",
    "known_headings",
    "load_registry",
    "profiles",
]

# The registry: one module per report kind (its `PROFILE`). When several kinds match page 1
# the highest `priority` wins; between equals, the one listed first.
REGISTRY: tuple[str, ...] = (
    "child_protection_2012",
    "looked_after_children_2012",
    "sif",
    "lscb_review",
    "ilacs",
    "ilacs_focused_visit",
    "jtai",
    "joint_area_review",
    "area_send",
    "school_section5",
)


def load_registry() -> tuple[Profile, ...]:
    """The `PROFILE` of every module in `REGISTRY`, in its order."""
    found: list[Profile] = []
    for name in REGISTRY:
        profile = getattr(import_module(f"{__name__}.{name}"), "PROFILE", None)
        if not isinstance(profile, Profile):
            raise TypeError(f"profiles.{name} must define PROFILE = Profile(...)")
        found.append(profile)
    return tuple(found)


PROFILES: tuple[Profile, ...] = load_registry()


def profiles() -> tuple[Profile, ...]:
    return PROFILES


def get(kind: str) -> Profile | None:
    return next((p for p in profiles() if p.kind == kind), None)


@cache
def known_headings() -> list[re.Pattern[str]]:
    """Every profile's section and list headings, for the segmenter (anchored, whole line)."""
    pats: list[str] = []
    for profile in profiles():
        pats.extend(profile.section_headings)
        # A list heading may end in a colon ("Areas for improvement:"). A pattern with "|" is
        # grouped first; one without keeps its plain first letter (see segment.headings).
        pats.extend(
            rf"(?:{h.pattern})\s*:?" if "|" in h.pattern else rf"{h.pattern}\s*:?"
            for h in profile.list_headings
        )
    return [re.compile(rf"^(?:{p})\s*$", re.I) for p in dict.fromkeys(pats)]


@cache
def grade_statements() -> tuple[re.Pattern[str], ...]:
    """Every profile's grade sentences ("The graded judgement about ... is good"), for the text
    loader: a block that is one of these and nothing more states a grade, like a heading, and
    opens no numbered paragraph."""
    pats = (s for profile in profiles() for spec in profile.judgements for s in spec.sentences)
    return tuple(re.compile(rf"(?:{p})[\s.]*$", re.I) for p in dict.fromkeys(pats))
