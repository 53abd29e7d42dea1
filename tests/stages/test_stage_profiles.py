"""Profiles as data: the spec's helpers, the registry, and the one grade vocabulary."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from inspectparse import grades, profiles
from inspectparse.classify.grades import canonical_grade, is_not_judged
from inspectparse.profiles.spec import (
    ALONE_AFTER,
    COLON_OR_VERB,
    IS_OR_ARE,
    NUMBERED_IN_BRACKETS,
    Profile,
    judgement,
)
from inspectparse.record import GRADE_CODES, Grade

PROFILES_DIR = Path(profiles.__file__).parent


def _grade_of(spec_sentence: str, line: str) -> str | None:
    m = re.compile(spec_sentence, re.I | re.M).search(line)
    return canonical_grade(m.group("grade")) if m else None


def test_judgement_writes_the_label_once_and_reads_its_grade() -> None:
    spec = judgement("impact", r"The impact of leaders", COLON_OR_VERB)
    assert spec.label == r"The impact of leaders"
    (sentence,) = spec.sentences
    assert sentence.count("The impact of leaders") == 1
    assert _grade_of(sentence, "The impact of leaders: requires improvement to be good") == (
        "requires_improvement"
    )
    assert _grade_of(sentence, "The impact of leaders is outstanding") == "outstanding"
    assert _grade_of(sentence, "Before it, the impact of leaders is good") is None


@pytest.mark.parametrize(
    ("after", "line", "grade"),
    [
        (IS_OR_ARE, "Leadership is inadequate", "inadequate"),
        (IS_OR_ARE, "Leadership   inadequate", None),
        (ALONE_AFTER, "Leadership   Good  ", "good"),
        (ALONE_AFTER, "Leadership good, and improving", None),
        (NUMBERED_IN_BRACKETS, "Leadership Grade 3 ( adequate )", "adequate"),
        (NUMBERED_IN_BRACKETS, "Leadership (adequate)", None),
    ],
)
def test_each_way_a_grade_follows_its_label(after: object, line: str, grade: str | None) -> None:
    spec = judgement("leadership", "Leadership", after)  # type: ignore[arg-type]
    assert _grade_of(spec.sentences[0], line) == grade


def test_registry_lists_every_profile_module_once() -> None:
    modules = {p.stem for p in PROFILES_DIR.glob("*.py") if p.stem not in ("__init__", "spec")}
    assert set(profiles.REGISTRY) == modules
    assert len(profiles.REGISTRY) == len(set(profiles.REGISTRY))
    assert all(isinstance(p, Profile) for p in profiles.PROFILES)
    assert [p.kind for p in profiles.profiles()] == [p.kind for p in profiles.PROFILES]
    assert profiles.get("ilacs") is not None and profiles.get("nope") is None


def test_profile_modules_never_import_the_package() -> None:
    """A profile imports `.spec` (or a sibling profile), never `profiles/__init__`: no cycle."""
    for path in PROFILES_DIR.glob("*.py"):
        if path.stem == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                assert node.module is not None, f"{path.name}: `from . import` reaches __init__"


def test_a_profile_module_imports_on_its_own() -> None:
    # In a fresh interpreter, importing one profile first must work (no half-built package).
    code = "import inspectparse.profiles.sif as m; print(m.PROFILE.kind)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "sif"


def test_one_grade_vocabulary() -> None:
    assert set(grades.GRADES) == set(get_args(Grade))
    assert {g: w.code for g, w in grades.GRADES.items()} == GRADE_CODES
    for profile in profiles.PROFILES:
        assert set(profile.grades) <= set(grades.GRADES), profile.kind
    # Every grade's prefix reads back to it; no prefix shadows another's.
    for grade, word in grades.GRADES.items():
        assert canonical_grade(word.prefix + " tail") == grade
    prefixes = [w.prefix for w in grades.GRADES.values()]
    assert not any(a != b and b.startswith(a) for a in prefixes for b in prefixes)


def test_grade_phrase_reads_every_shared_scale_grade() -> None:
    phrase = re.compile(rf"^{grades.GRADE_PHRASE}$", re.I)
    for printed, grade in [
        ("Outstanding", "outstanding"),
        ("good", "good"),
        ("Requires improvement to be good", "requires_improvement"),
        ("require  improvement", "requires_improvement"),
        ("adequate", "adequate"),
        ("Inadequate", "inadequate"),
    ]:
        assert phrase.match(printed), printed
        assert canonical_grade(printed) == grade
    assert phrase.match("not judged") and is_not_judged("Not  judged")
    assert not phrase.match("positive")  # area SEND outcomes are read by their own sentences
    assert canonical_grade("to be good") is None
