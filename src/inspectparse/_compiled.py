"""The modules a wheel build compiles to C with mypyc, and which of them this installation runs.

The list is read by `setup.py` (without importing the package) and by `--version` and the
benchmark. These are the stages that loop over every line of every page (the PDFium loader,
clean, segment); compiled, `extract` of a PDF costs 1.48x PDFium's own text extraction
instead of 1.59x (docs/performance.md), with the same results (`make test` runs the whole
suite on the compiled build too). Every other module stays Python. An editable
install (`make install`) is never compiled, so a change to a source file always takes effect.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

COMPILED_MODULES: tuple[str, ...] = (
    "inspectparse.load.layout",
    "inspectparse.load.pdfium_engine.reader",
    "inspectparse.load.pdfium_engine.spans",
    "inspectparse.clean",
    "inspectparse.footnotes",
    "inspectparse.segment",
    "inspectparse.segment.blocks",
    "inspectparse.segment.geometry",
    "inspectparse.segment.growing",
    "inspectparse.segment.headings",
    "inspectparse.segment.joins",
    "inspectparse.segment.line_view",
    "inspectparse.segment.numbering",
    "inspectparse.segment.paragraphs",
    "inspectparse.segment.units",
)

_PACKAGE = Path(__file__).resolve().parent


def _compiled_file(module: str) -> bool:
    """Whether `module` is installed as a C extension (checked on disk, nothing imported)."""
    parts = module.split(".")[1:]
    stem = _PACKAGE.joinpath(*parts)
    candidates = [stem.with_name(stem.name + s) for s in EXTENSION_SUFFIXES]
    candidates += [stem / f"__init__{s}" for s in EXTENSION_SUFFIXES]
    return any(path.is_file() for path in candidates)


def compiled_modules() -> tuple[str, ...]:
    """The modules of `COMPILED_MODULES` this installation runs compiled."""
    return tuple(m for m in COMPILED_MODULES if _compiled_file(m))


def build_description() -> str:
    """One phrase for `--version` and the benchmark: which build this is."""
    done = len(compiled_modules())
    if done == 0:
        return "pure Python"
    return f"compiled with mypyc: {done} of {len(COMPILED_MODULES)} modules"
