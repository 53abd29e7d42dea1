#!/usr/bin/env python3
"""Document-level probes on PDFs: scripts/substitution.py's changes made to a loaded PDF.

    .venv/bin/python scripts/pdf_probes.py [--corpus ../shared/corpus] [--probe drop ...]
        [--engine pdfium|pdfplumber] [--show] [FILE.pdf ...]

Each PDF is loaded once with the engine (pdfium unless told; pdfplumber groups words into
lines its own way, so its documents meet the same changes with other line and cell
boundaries); each variant changes the loaded document (the geometry
kept) and runs the rest of the pipeline on it, so a PDF's own layout (cells as separate text
objects, a grade cell centred on a two-line label) meets the same changes as the converter
texts do in scripts/substitution.py, whose outcomes and vocabulary this reuses:

- drop: each page-1 line (a cell, in a PDF) that holds a fact removed;
- double: each such line printed twice (text overprinted to look bold);
- break: page 1 cut in two before each line that holds a fact (the rows from the cut moved to a
  new page 2, as the flow probe moves them);
- flow: a page cut in two before and inside each improvement item and numbered paragraph
  past page 1: the rows from the cut move up to a new page with copies of the page's running
  header and footer (the later pages' printed numbers one more), as substitution.py's flow
  probe breaks a text's pages;
- head: page 1 cut before a letter's greeting, and before the line after it (copies to more
  people push the greeting, or the subject line, onto page 2). Expected: the same facts;
- browser: every page as a browser prints a PDF it shows: the page scaled into margins of
  0.4 inch at its top and foot, the date and the title on a row in the top margin, the
  file's address and "page/pages" on a row in the foot's. Expected: the same facts;
- cover-sheet: a page before page 1 with no text (a cover sheet, an image only), or with only
  a logo's word on it. Expected: the same facts;
- logo: a logo's word ("Ofsted") set as text over page 1's first line. Expected: the same facts;
- title-header: page 1's first row (its title, or its provider's name) set over every later
  page where it stands on page 1, as a running header that repeats it. Expected: the same facts;
- provider, name, lead, rank, grade, year, dates, heading, label, mark, field: the line texts
  rewritten as substitution.py rewrites a text (the area's name, the provider's whole name,
  the lead inspector's name and rank, two grades swapped, every year moved, the visit's dates
  reprinted, a list heading or a judgement label printed otherwise, bullet glyphs written as
  dashes or asterisks or dropped, a field label set off by a dash). A name, a grade
  phrase or dates wrapped over two lines cannot be rewritten whole line by line: a variant
  whose line count would change is not made, nor a grade swap that leaves part of a phrase on
  a line of its own (a grade cell set around its label's lines).

A variant is *as predicted*, *warned* (a review warning on each fact that differs) or *silent*;
the script exits 1 on any silent one. Without FILE arguments it runs on every corpus PDF.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import importlib.util
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from inspectparse.accuracy.measure import review_fields
from inspectparse.api import read_document
from inspectparse.clean import clean
from inspectparse.document import Document, Line, Page
from inspectparse.load.pdfium_engine import load_pdf_pdfium
from inspectparse.load.pdfplumber_engine import load_pdf_pdfplumber
from inspectparse.profiles import get as get_profile

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
    data = document_record(doc)
    return sub.probe_facts(data), review_fields(data)


def document_record(doc: Document) -> dict[str, Any]:
    return read_document(doc, path=None, sha256="0").model_dump(mode="json")


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
        # The text probe is run on each line's text, a form feed before each page's first
        # line as a converter's text has it; its variants say what to expect.
        joined = "\n".join(
            ("\f" if k == 0 and p else "") + line.text
            for p, page in enumerate(doc.pages)
            for k, line in enumerate(page.lines)
        )
        for variant in sub.PROBES[name](joined, original, kind, areas):
            lines = iter(line.removeprefix("\f") for line in variant.text.split("\n"))
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


# The most page breaks the flow probe makes in one PDF.
_FLOW_BREAKS = 40


def probe_flow(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """A page cut in two before and inside each improvement item, numbered paragraph and
    judgement's row or heading past page 1 (substitution.py's flow probe, in a PDF's
    geometry): the rows from the cut move up to where the page's body starts on a new page,
    which gets copies of the page's running header and footer (the lines `clean` finds
    running), and the later pages' printed numbers go up by one. Expected: every fact the
    same, or a review warning on each that differs."""
    record = original["_record"]
    running = _running(doc)
    spots: set[tuple[int, int]] = set()
    units = [
        *((r, 2) for r in record["recommendations"]),
        *((p, 3) for p in record["paragraphs"] if p["number"] is not None),
        # A graded table row or heading past page 1: its label's lines and its grade's.
        *((j, 3) for j in record["judgements"]),
    ]
    for unit, reach in units:
        where = unit["provenance"]
        if where["line_start"] is None or where["page"] != where["page_end"]:
            continue
        last = min(where["line_end"], where["line_start"] + reach - 1)
        spots.update((where["page"] - 1, i) for i in range(where["line_start"], last + 1))
    cuts = sorted(spot for spot in spots if spot[0] > 0 and _cuttable(doc, running, *spot))
    step = max(1, -(-len(cuts) // _FLOW_BREAKS))
    expected = {k: v for k, v in original.items() if k in sub.FACT_FIELDS or k == "_authority"}
    for page_index, line_index in cuts[::step]:
        variant = _cut_page(doc, running, page_index, line_index)
        label = f"page {page_index + 1} cut before line {line_index + 1}"
        yield label, variant, expected, ()


def probe_break(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Page 1 cut in two before each line that holds a fact (substitution.py's break probe,
    in a PDF's geometry: a longer title or a bigger table pushes the rest of the page over).
    Expected: the same facts, the lead too, or a review warning on each that differs."""
    running = _running(doc)
    expected = {k: original[k] for k in (*sub._DROP_KEEPS, "lead", "_authority")}
    for i in _page_one_facts(doc):
        if _cuttable(doc, running, 0, i):
            yield f"page 1 cut before line {i + 1}", _cut_page(doc, running, 0, i), expected, ()


def probe_head(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Page 1 cut before a letter's greeting, and before the line after it (substitution.py's
    head probe). Expected: the same facts."""
    lines = doc.pages[0].lines if doc.pages else []
    at = next((i for i, line in enumerate(lines) if sub._GREETING.match(line.text)), None)
    if at is None:
        return
    running = _running(doc)
    for i, where in ((at, "the greeting"), (at + 1, "the line after the greeting")):
        if _cuttable(doc, running, 0, i):
            yield f"page 1 cut before {where}", _cut_page(doc, running, 0, i), original, ()


# A browser's print margin (0.4 inch) and the size of the text it sets there.
_PRINT_MARGIN = 29.0
_PRINT_SIZE = 8.0


def _cell(text: str, page: int, x0: float, top: float) -> Line:
    """A line of a browser's print margin."""
    x1 = x0 + 0.5 * _PRINT_SIZE * len(text)
    return Line(text, page, 0, x0, x1, top, top + _PRINT_SIZE, _PRINT_SIZE, False)


def probe_browser(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """The document as a browser prints it (see the module's note)."""
    variant = copy.deepcopy(doc)
    pages = len(variant.pages)
    for page in variant.pages:
        if not page.height or not page.width:
            return
        scale = (page.height - 2 * _PRINT_MARGIN) / page.height
        left = (1 - scale) * page.width / 2
        for line in page.lines:
            if line.x0 is None or line.x1 is None or line.top is None or line.bottom is None:
                return
            line.x0, line.x1 = left + line.x0 * scale, left + line.x1 * scale
            line.top = _PRINT_MARGIN + line.top * scale
            line.bottom = _PRINT_MARGIN + line.bottom * scale
            if line.size is not None:
                line.size *= scale

        mid, right, foot, n = page.width / 2, page.width - 20, page.height - 16, page.number
        page.lines[:0] = [_cell("07/12/2026, 16:20", n, 20, 8), _cell("Ofsted report", n, mid, 8)]
        page.lines += [
            _cell("https://files.ofsted.gov.uk/v1/file/50012345", n, 20, foot),
            _cell(f"{n}/{pages}", n, right - 20, foot),
        ]
    expected = {k: v for k, v in original.items() if k in sub.FACT_FIELDS or k == "_authority"}
    yield "printed by a browser", _renumbered(variant), expected, ()


def probe_title_header(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """Page 1's first row (its title, or its provider's name) set over every later page too,
    where it stands: a report whose running header repeats the cover's first line. Made only
    where every later page's text starts below that row."""
    first = doc.pages[0].lines if doc.pages else []
    if len(doc.pages) < 3 or not first or first[0].top is None or first[0].bottom is None:
        return
    row = [ln for ln in first if ln.top == first[0].top]
    bottom = max(ln.bottom or 0 for ln in row)
    variant = copy.deepcopy(doc)
    for page in variant.pages[1:]:
        if any(ln.top is None or ln.top <= bottom for ln in page.lines):
            return
        page.lines[:0] = [dataclasses.replace(ln, page=page.number) for ln in row]
    expected = {k: v for k, v in original.items() if k in sub.FACT_FIELDS or k == "_authority"}
    yield "page 1's first row heading every page", _renumbered(variant), expected, ()


def _renumbered_pages(doc: Document) -> Document:
    for number, page in enumerate(doc.pages, start=1):
        page.number = number
        for line in page.lines:
            line.page = number
    return _renumbered(doc)


def probe_cover_sheet(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """A page before page 1 with no text (a cover sheet, an image only), and one with only a
    logo's word on it."""
    if not doc.pages:
        return
    first = doc.pages[0]
    expected = {k: v for k, v in original.items() if k in sub.FACT_FIELDS or k == "_authority"}
    for label, lines in (
        ("a blank page before page 1", []),
        ("a page with only a logo's word before page 1", [_cell("Ofsted", 1, 250, 60)]),
    ):
        variant = copy.deepcopy(doc)
        variant.pages.insert(0, Page(1, lines, first.width, first.height))
        yield label, _renumbered_pages(variant), expected, ()


def probe_logo(
    doc: Document, original: dict[str, Any], kind: str, areas: list[str]
) -> Iterator[Variant]:
    """A logo's word set as text over page 1's first line."""
    lines = doc.pages[0].lines if doc.pages else []
    if not lines or lines[0].top is None:
        return
    variant = copy.deepcopy(doc)
    top = max(lines[0].top - 30, 0.0)
    variant.pages[0].lines.insert(0, _cell("Ofsted", 1, 250, top))
    expected = {k: v for k, v in original.items() if k in sub.FACT_FIELDS or k == "_authority"}
    yield "a logo's word over page 1", _renumbered(variant), expected, ()


def _running(doc: Document) -> set[tuple[int, int]]:
    """(page index, line index) of the lines `clean` finds running (headers, footers, page
    numbers)."""
    cleaned = clean(copy.deepcopy(doc)).document
    return {
        (k, ln.index)
        for k, page in enumerate(cleaned.pages)
        for ln in page.lines
        if ln.layer == "furniture"
    }


def _body(doc: Document, running: set[tuple[int, int]], page_index: int) -> list[Line]:
    return [
        ln for k, ln in enumerate(doc.pages[page_index].lines) if (page_index, k) not in running
    ]


def _cuttable(
    doc: Document, running: set[tuple[int, int]], page_index: int, line_index: int
) -> bool:
    """Whether a page can be cut before the line: a body line with three rows of body text
    above it on its page."""
    page = doc.pages[page_index]
    if line_index >= len(page.lines) or (page_index, line_index) in running:
        return False
    top = page.lines[line_index].top
    if top is None:
        return False
    rows_above = {
        round(ln.top or 0) for ln in _body(doc, running, page_index) if (ln.top or 0) < top - 1
    }
    return len(rows_above) >= sub._FLOW_MIN_LINES


def _next_number(line: Line) -> None:
    """A line that is a page number alone made the next page's."""
    if line.text.strip().isdecimal():
        line.text = str(int(line.text.strip()) + 1)


def _cut_page(
    doc: Document, running: set[tuple[int, int]], page_index: int, line_index: int
) -> Document:
    """The document with page `page_index` cut before the row of line `line_index`."""
    variant = copy.deepcopy(doc)
    page = variant.pages[page_index]
    cut = page.lines[line_index].top or 0.0
    body = _body(variant, running, page_index)
    body_ids = {id(ln) for ln in body}
    first = min(ln.top or 0 for ln in body)
    header = [ln for ln in page.lines if id(ln) not in body_ids and (ln.top or 0) < first]
    footer = [ln for ln in page.lines if id(ln) not in body_ids and (ln.top or 0) >= first]
    # The row of the cut (cells a point or so apart) moves with it, up to the body's top.
    above = [ln for ln in body if (ln.top or 0) < cut - 1]
    below = [ln for ln in body if (ln.top or 0) >= cut - 1]
    for ln in below:
        ln.top = (ln.top or 0) + first - cut
        ln.bottom = (ln.bottom or 0) + first - cut
    page.lines = [*header, *above, *footer]
    # The later pages' printed numbers (running lines that are a number) go up by one.
    for k, each in enumerate(variant.pages[page_index + 1 :], start=page_index + 1):
        for ln in each.lines:
            if (k, ln.index) in running:
                _next_number(ln)
    furniture = copy.deepcopy([*header, *footer])
    for ln in furniture:
        _next_number(ln)
    new = Page(
        number=page.number + 1,
        width=page.width,
        height=page.height,
        lines=[*furniture[: len(header)], *below, *furniture[len(header) :]],
    )
    variant.pages.insert(page_index + 1, new)
    for number, each in enumerate(variant.pages, start=1):
        each.number = number
        for ln in each.lines:
            ln.page = number
    return _renumbered(variant)


PROBES: dict[str, Probe] = {
    "break": probe_break,
    "flow": probe_flow,
    "drop": probe_drop,
    "double": probe_double,
    "head": probe_head,
    "browser": probe_browser,
    "title-header": probe_title_header,
    "cover-sheet": probe_cover_sheet,
    "logo": probe_logo,
    **{
        name: probe_text(name)
        for name in (
            "provider",
            "name",
            "lead",
            "rank",
            "grade",
            "year",
            "dates",
            "heading",
            "label",
            "mark",
            "field",
        )
    },
}


LOADERS: dict[str, Callable[[bytes], Document]] = {
    "pdfium": load_pdf_pdfium,
    "pdfplumber": load_pdf_pdfplumber,
}


def run(
    paths: list[Path], probes: list[str], areas: list[str], show: bool, engine: str = "pdfium"
) -> dict[str, dict[str, int]]:
    counts = {p: {"predicted": 0, "warned": 0, "silent": 0} for p in probes}
    for path in paths:
        doc = LOADERS[engine](path.read_bytes())
        record = document_record(copy.deepcopy(doc))
        original = sub.probe_facts(record)
        original["_record"] = record
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
    parser.add_argument("--engine", choices=sorted(LOADERS), default="pdfium")
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
    counts = run(paths, args.probe or list(PROBES), areas, args.show, args.engine)
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
