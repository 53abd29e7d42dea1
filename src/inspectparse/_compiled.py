"""The modules a wheel build compiles to C with mypyc, and which of them this installation runs.

The list is read by `setup.py` (without importing the package) and by `--version` and the
benchmark. These are the document model and the stages that loop over every line of every
page (the PDFium loader, clean, segment, classify); compiled, they cut the time `extract`
adds to PDFium's own text extraction by about a fifth (docs/performance.md), with the same
results (`make test` runs the whole suite on the compiled build too). The record (pydantic),
output, batch and the command line stay Python: their time goes to pydantic, I/O and
processes. An editable install (`make install`) is never compiled, so a change to a source
file always takes effect.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

COMPILED_MODULES: tuple[str, ...] = (
    "inspectparse.document",
    "inspectparse.load.layout",
    "inspectparse.load.pdfium_engine.reader",
    "inspectparse.load.pdfium_engine.spans",
    "inspectparse.clean",
    "inspectparse.footnotes",
    "inspectparse.pattern_facts",
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
    "inspectparse.classify",
    "inspectparse.classify.authority",
    "inspectparse.classify.checks",
    "inspectparse.classify.dates",
    "inspectparse.classify.detect",
    "inspectparse.classify.eras",
    "inspectparse.classify.findings",
    "inspectparse.classify.glued_grades",
    "inspectparse.classify.grades",
    "inspectparse.classify.judgements",
    "inspectparse.classify.list_checks",
    "inspectparse.classify.list_ends",
    "inspectparse.classify.list_items",
    "inspectparse.classify.list_lines",
    "inspectparse.classify.metadata",
    "inspectparse.classify.reading_order",
    "inspectparse.classify.recommendations",
    "inspectparse.classify.summary_table",
    "inspectparse.classify.table_rows",
    "inspectparse.classify.text",
    "inspectparse.classify.text_items",
    "inspectparse.classify.text_table",
    "inspectparse.cover",
    "inspectparse.urgency",
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
