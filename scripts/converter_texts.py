"""Texts of the corpus PDFs from converters the corpus does not hold, for `inspectparse.accuracy`.

The corpus ships texts from three converters (`CORPUS/text/<converter>/`). Text reaches
analysts from many more, so this writes a corpus-shaped folder whose `text/<name>/` holds the
same PDFs converted by each converter available here, and links the corpus's gold and reports:

    .venv/bin/python scripts/converter_texts.py --corpus ../shared/corpus --out /tmp/corpus2
    .venv/bin/python -m inspectparse.accuracy --corpus /tmp/corpus2 --engine text:pypdfium2

Converters (each used only if it can be imported; none is a dependency of inspectparse beyond
the two PDF engines it already has):
- `pdfminer`: pdfminer.six `extract_text` (form feeds between pages);
- `pypdfium2`: PDFium's page text joined by newlines (no page breaks, CRLF line ends);
- `pypdf`: `PdfReader` pages' `extract_text` joined by newlines (no page breaks);
- `pymupdf`: PyMuPDF `get_text()` joined by form feeds;
- `pymupdf-sorted`: PyMuPDF `get_text(sort=True)` (columns laid out with spaces);
- `pdfplumber`: pdfplumber pages' `extract_text()` joined by form feeds (a table's rows read
  across, each row's cells run into one line; slow: several seconds a report).

The texts are written outside the repository: they are the reports' own sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def _pypdfium2(pdf: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _pypdf(pdf: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages)


def _pymupdf(pdf: Path, *, sort: bool = False) -> str:
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        return "\f".join(page.get_text(sort=sort) for page in doc)


def _pdfplumber(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return "\f".join(page.extract_text() or "" for page in doc.pages)


CONVERTERS: dict[str, Callable[[Path], str]] = {
    "pdfminer": _pdfminer,
    "pypdfium2": _pypdfium2,
    "pypdf": _pypdf,
    "pymupdf": _pymupdf,
    "pymupdf-sorted": lambda pdf: _pymupdf(pdf, sort=True),
    "pdfplumber": _pdfplumber,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--converter", action="append", choices=sorted(CONVERTERS))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in ("gold.jsonl", "reports"):
        link = args.out / name
        if not link.exists():
            link.symlink_to((args.corpus / name).resolve())
    gold = [json.loads(line) for line in (args.corpus / "gold.jsonl").read_text().splitlines()]
    for name in args.converter or list(CONVERTERS):
        written = 0
        for entry in gold:
            pdf = args.corpus / "reports" / entry["file"]
            if pdf.read_bytes()[:1024].find(b"%PDF-") < 0:
                continue  # the Brent text
            try:
                text = CONVERTERS[name](pdf)
            except ImportError:
                print(f"{name}: not installed, skipped", file=sys.stderr)
                break
            dest = args.out / "text" / name / f"{entry['file']}.txt"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8")
            written += 1
        print(f"{name}: {written} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
