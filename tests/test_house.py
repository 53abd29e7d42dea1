"""The house stays easy to change: the architecture map names every module and package, and no
module or function grows past what a newcomer can hold in mind (scripts/house.py measures)."""

from __future__ import annotations

import re
from typing import Any

from conftest import REPO
from repo_scripts import load_script

house: Any = load_script("house")

SRC = REPO / "src" / "inspectparse"
# "About" 500 and 80 (issue 11): a little over is a warning sign, well over is a failure.
SLACK = 1.1


def _map() -> str:
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    return text.split("## Module map", 1)[1].split("\n## ", 1)[0]


def test_the_module_map_names_every_top_level_module_and_package() -> None:
    names = re.findall(r"[├└]── ([\w.]+/?)", _map())
    listed = {n.rstrip("/") for n in names}
    on_disk = {
        p.name if p.is_dir() else p.stem
        for p in SRC.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py")
    }
    on_disk -= {"__init__", "__main__", "py"}
    assert on_disk - {n.removesuffix(".py") for n in listed} == set()


def test_no_module_or_function_is_far_past_the_limits() -> None:
    modules = [m for m in house.module_lengths(SRC) if m.lines > house.MODULE_LIMIT * SLACK]
    functions = [f for f in house.function_lengths(SRC) if f.lines > house.FUNCTION_LIMIT * SLACK]
    assert modules == [] and functions == []


def test_the_measure_counts_nested_and_method_lengths(tmp_path: object) -> None:
    from pathlib import Path

    root = Path(str(tmp_path)) / "pkg"
    root.mkdir()
    (root / "a.py").write_text(
        "class C:\n    def m(self):\n        def inner():\n            return 1\n"
        "        return inner()\n\n\ndef f():\n    pass\n",
        encoding="utf-8",
    )
    lengths = {f.name: f.lines for f in house.function_lengths(root)}
    assert lengths == {"pkg/a.py:C.m": 4, "pkg/a.py:C.m.inner": 2, "pkg/a.py:f": 2}
    assert [(m.name, m.lines) for m in house.module_lengths(root)] == [("pkg/a.py", 9)]
