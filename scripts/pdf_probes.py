#!/usr/bin/env python3
"""Document-level probes on PDFs: scripts/substitution.py's changes made to a loaded PDF.

    .venv/bin/python scripts/pdf_probes.py [--corpus ../shared/corpus] [--probe drop ...]
        [--show] [FILE.pdf ...]

Each PDF is loaded once with pdfium; each variant changes the loaded document (the geometry
kept) and runs the rest of the pipeline on it, so a PDF's own layout (cells as separate text
objects, a grade cell centred on a two-line label) meets the same changes as the converter
texts do in scripts/substitution.py, whose outcomes and vocabulary this reuses:

- drop: each page-1 line (a cell, in a PDF) that holds a fact removed;
- double: each such line printed twice (text overprinted to look bold);
- provider, lead, grade, year: the line texts rewritten as substitution.py rewrites a text
  (the area's name, the lead inspector's, two grades swapped, every year moved). A name or a
  grade phrase wrapped over two lines cannot be rewritten whole line by line: a variant whose
  line count would change is not made, nor a grade swap that leaves part of a phrase on a
  line of its own (a grade cell set around its label's lines).

A variant is *as predicted*, *warned* (a review warning on each fact that differs) or *silent*;
the script exits 1 on any silent one. Without FILE arguments it runs on every corpus PDF.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from inspectparse.accuracy.measure import review_fields
from inspectparse.assemble import build_record
from inspectparse.classify import classify
from inspectparse.clean import clean
from inspectparse.document import Document
from inspectparse.load.pdfium_engine import load_pdf_pdfium
from inspectparse.profiles import get as get_profile
from inspectparse.segment import segment

_spec = importlib.util.spec_from_file_location(
    "substitution", Path(__file__).resolve().parent / "substitution.py"
)
assert _spec is not None and _spec.loader is not None
sub = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sub)

# A document variant: a label, the document, the facts expected, judgements it may lose.
Variant = tuple[str, Document, dict[str, Any], tuple[str, ...]]
Probe = Callable[[Document, dict[str, Any], str, list[str]], Iterator[Variant]]


def document_facts(doc: Document) -> tuple[dict[str, Any], set[str]]:
    """The facts of a (changed) document's record, and the fields with a review warning."""
    structure = segment(clean(doc))
    record = build_record(
        structure, classify(structure), parser_version="probe", path=None, sha256="0"
    )
    data = record.model_dump(mode="json")
    return sub.probe_facts(data), review_fields(data)


def _renumbered(doc: Document) -> Document:
    for page in doc.pages:
        for index, line in enumerate(page.lines):
            line.index = index
    return doc


def _page_one_facts(doc: Document) -> Iterator[int]:
    for i, line in enumerate(doc.pages[0].lines if doc.pages else []):
        if sub._FACT_LINE.search(line.text):
            yield i


def probe_drop(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    expected = {k: original[k] for k in (*sub._DROP_KEEPS, "_authority")}
    for i in _page_one_facts(doc):
        line = doc.pages[0].lines[i]
        rows = tuple(
            k for k, label in original["_labels"].items() if sub._whole_row(label, line.text)
        )
        variant = copy.deepcopy(doc)
        del variant.pages[0].lines[i]
        yield f"line {i + 1} dropped", _renumbered(variant), expected, rows


def probe_double(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    expected = {k: original[k] for k in (*sub._DROP_KEEPS, "_authority")}
    for i in _page_one_facts(doc):
        variant = copy.deepcopy(doc)
        variant.pages[0].lines.insert(i + 1, copy.deepcopy(variant.pages[0].lines[i]))
        yield f"line {i + 1} doubled", _renumbered(variant), expected, ()


def _rewritten(doc: Document, change: Callable[[str], str]) -> Document:
    variant = copy.deepcopy(doc)
    for page in variant.pages:
        for line in page.lines:
            line.text = change(line.text)
    return variant


def probe_text(name: str) -> Probe:
    """substitution.py's probe `name`, its text changes made line by line."""

    def probe(
        doc: Document, original: dict[str, Any], kind: str, areas: list[str]
    ) -> Iterator[Variant]:
        # The text probe is run on each line's text; its variants say what to expect.
        joined = "\n".join(line.text for page in doc.pages for line in page.lines)
        for variant in sub.PROBES[name](joined, original, kind, areas):
            lines = iter(variant.text.split("\n"))
            changed = copy.deepcopy(doc)
            ok = True
            for page in changed.pages:
                for line in page.lines:
                    new = next(lines, None)
                    if new is None:
                        ok = False
                        break
                    line.text = new
            if ok and next(lines, None) is None and not (name == "grade" and _split(changed)):
                yield variant.label, changed, variant.expected, variant.optional

    return probe


# A line that holds only part of "requires improvement (to be good)": the phrase is wrapped
# around other lines (a grade cell set across its label's lines) and was not swapped whole.
_PART_OF_A_GRADE = re.compile(
    r"^\s*(?:requires?|improvement(?:\s+to(?:\s+be)?)?|to\s+be)\s*$", re.I
)


def _split(doc: Document) -> bool:
    return any(_PART_OF_A_GRADE.match(line.text) for page in doc.pages for line in page.lines)


PROBES: dict[str, Probe] = {
    "drop": probe_drop,
    "double": probe_double,
    **{name: probe_text(name) for name in ("provider", "lead", "grade", "year")},
}


def run(
    paths: list[Path], probes: list[str], areas: list[str], show: bool
) -> dict[str, dict[str, int]]:
    counts = {p: {"predicted": 0, "warned": 0, "silent": 0} for p in probes}
    for path in paths:
        doc = load_pdf_pdfium(path.read_bytes())
        original, _ = document_facts(copy.deepcopy(doc))
        kind = original["kind"]
        for name in probes:
            if name == "grade" and get_profile(kind) is None:
                continue
            for label, variant, expected, optional in PROBES[name](doc, original, kind, areas):
                got, warned = document_facts(variant)
                result = sub.outcome(expected, got, warned, optional)
                counts[name][result] += 1
                if result == "silent" or (show and result != "predicted"):
                    differ = {
                        k: (expected[k], got.get(k))
                        for k in expected
                        if not k.startswith("_") and expected[k] != got.get(k)
                    }
                    print(f"{result}: {name} {path.name}: {label}: {differ}", file=sys.stderr)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--probe", action="append", choices=sorted(PROBES))
    parser.add_argument("--show", action="store_true", help="list every variant not predicted")
    args = parser.parse_args()
    paths = list(args.files)
    if not paths:
        if not (args.corpus / "gold.jsonl").exists():
            print(f"no corpus at {args.corpus}", file=sys.stderr)
            return 2
        gold = [json.loads(line) for line in (args.corpus / "gold.jsonl").open(encoding="utf-8")]
        paths = [
            args.corpus / "reports" / g["file"] for g in gold if g["file"].lower().endswith(".pdf")
        ]
    reference = args.corpus.parent / "reference"
    areas = sub.area_names(reference) if (reference / "dfe-las.csv").exists() else []
    counts = run(paths, args.probe or list(PROBES), areas, args.show)
    print("| probe | variants | as predicted | warned | silent |")
    print("|---|---|---|---|---|")
    for name, c in counts.items():
        if sum(c.values()):
            print(
                f"| {name} | {sum(c.values())} | {c['predicted']} | {c['warned']} | {c['silent']} |"
            )
    return 1 if any(c["silent"] for c in counts.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
