"""Build hook: a wheel build compiles the hot modules with mypyc; everything else is pyproject.

`build_support/backend.py` sets INSPECTPARSE_MYPYC=1 for wheel builds (`pipx install .`,
`pip install .`) and leaves editable installs (`make install`) pure Python. INSPECTPARSE_MYPYC=0
asks for a pure-Python wheel. Without a working C compiler the build falls back to pure Python:
the compiled modules are all-or-nothing (they share one runtime library), so a failed build
leaves none of them behind.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
LIST = HERE / "src" / "inspectparse" / "_compiled.py"


def compiled_modules() -> list[str]:
    """`COMPILED_MODULES` from src/inspectparse/_compiled.py, read without importing it."""
    for node in ast.parse(LIST.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "COMPILED_MODULES":
            assert node.value is not None
            return list(ast.literal_eval(node.value))
    raise SystemExit(f"{LIST}: no COMPILED_MODULES")


def source_path(module: str) -> str:
    path = Path("src", *module.split("."))
    package = path / "__init__.py"
    return str(package if (HERE / package).is_file() else path.with_suffix(".py"))


class AllOrNothingBuildExt(build_ext):
    """Builds every compiled module or none: on a compiler error the package stays Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any compiler or linker failure
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            print(
                f"inspectparse: compiling with mypyc failed ({exc}); installing pure Python",
                file=sys.stderr,
            )


def ext_modules() -> list[object]:
    if os.environ.get("INSPECTPARSE_MYPYC") != "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("inspectparse: mypyc is not installed; installing pure Python", file=sys.stderr)
        return []
    return list(mypycify([source_path(m) for m in compiled_modules()], opt_level="3"))


setup(ext_modules=ext_modules(), cmdclass={"build_ext": AllOrNothingBuildExt})
