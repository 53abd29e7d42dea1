"""The compiled build (mypyc, `src/inspectparse/_compiled.py`): its module list, and that the
suite's second run in `make test` really runs compiled code."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from inspectparse import _compiled
from inspectparse._compiled import COMPILED_MODULES, build_description, compiled_modules

REPO = Path(__file__).resolve().parents[1]


def test_every_listed_module_exists() -> None:
    for module in COMPILED_MODULES:
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None, module


def test_setup_reads_the_same_list() -> None:
    # setup.py reads the list without importing the package: its reader (the file up to its
    # first class, so without setup() itself) gives the same tuple.
    path = REPO / "setup.py"
    source = path.read_text(encoding="utf-8").split("\nclass ", 1)[0]
    namespace: dict[str, object] = {"__file__": str(path)}
    exec(compile(source, str(path), "exec"), namespace)
    assert tuple(namespace["compiled_modules"]()) == COMPILED_MODULES  # type: ignore[operator]


@pytest.mark.skipif(
    os.environ.get("INSPECTPARSE_EXPECT_COMPILED") != "1",
    reason="make test's second run sets INSPECTPARSE_EXPECT_COMPILED=1",
)
def test_the_compiled_run_runs_compiled_code() -> None:
    assert compiled_modules() == COMPILED_MODULES
    for module in COMPILED_MODULES:
        origin = importlib.import_module(module).__file__ or ""
        assert not origin.endswith(".py"), origin
    assert build_description() == f"compiled with mypyc: {len(COMPILED_MODULES)} of " + str(
        len(COMPILED_MODULES)
    ) + " modules"


def test_a_source_tree_is_pure_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Files on disk decide: a package directory with only .py files is pure Python, and one
    # extension module beside its source counts as that module compiled.
    package = tmp_path / "inspectparse"
    (package / "load").mkdir(parents=True)
    (package / "load" / "layout.py").write_text("")
    monkeypatch.setattr(_compiled, "_PACKAGE", package)
    assert compiled_modules() == () and build_description() == "pure Python"
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (package / "load" / f"layout{suffix}").write_bytes(b"")
    assert compiled_modules() == ("inspectparse.load.layout",)
    assert build_description() == f"compiled with mypyc: 1 of {len(COMPILED_MODULES)} modules"


def test_version_names_the_build() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "inspectparse", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert build_description() in out


def _backend(code: str, root: Path, **env: str) -> str:
    """Run `code` with the build backend of the tree at `root` imported as `backend`."""
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, 'build_support')\n{code}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in {**os.environ, **env}.items() if v},
    )
    return out.stdout.strip().splitlines()[-1]


def test_the_backend_asks_for_mypyc_only_for_a_compiled_wheel() -> None:
    ask = "import backend; print(any('mypy' in r for r in backend.get_requires_for_build_wheel()))"
    assert _backend(ask, REPO, INSPECTPARSE_MYPYC="") == "True"
    assert _backend(ask, REPO, INSPECTPARSE_MYPYC="0") == "False"


def test_the_sdist_carries_what_a_wheel_build_needs(tmp_path: Path) -> None:
    # pyproject's backend-path and setup.py's module list: without them a wheel built from the
    # sdist fails before it starts. Built from a copy without the editable install's egg-info,
    # whose file list setuptools would otherwise add to the sdist.
    tree = tmp_path / "tree"
    shutil.copytree(
        REPO,
        tree,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "out", "tests", "*.egg-info", "__pycache__", "*cache"
        ),
    )
    name = _backend(f"import backend; print(backend.build_sdist({str(tmp_path)!r}))", tree)
    with tarfile.open(tmp_path / name) as sdist:
        members = {m.split("/", 1)[1] for m in sdist.getnames() if "/" in m}
    assert {"build_support/backend.py", "setup.py", "src/inspectparse/_compiled.py"} <= members
