"""Document-level probes (`scripts/pdf_probes.py`) on the repository's synthetic PDFs: a page-1
line dropped or printed twice, another area, inspector, grades or years. Every variant reads
as predicted or warns on the fact that differs; none is silent."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("pdf_probes", REPO / "scripts" / "pdf_probes.py")
assert _spec is not None and _spec.loader is not None
pdf_probes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pdf_probes)

PDFS = [
    REPO / "tests" / "fixtures" / "ilacs_2018_synthetic.pdf",
    REPO / "tests" / "fixtures" / "ilacs_2026_synthetic.pdf",
    REPO / "examples" / "sample-ilacs-report.pdf",
]


@pytest.mark.parametrize("probe", sorted(pdf_probes.PROBES))
def test_no_document_variant_is_silent(probe: str) -> None:
    counts = pdf_probes.run(PDFS, [probe], ["Northwick"], show=False)[probe]
    assert sum(counts.values()) > 0, f"the {probe} probe made no variant"
    assert counts["silent"] == 0, counts


def test_a_dropped_line_leaves_the_document_one_line_shorter() -> None:
    doc = pdf_probes.load_pdf_pdfium(PDFS[0].read_bytes())
    original, _ = pdf_probes.document_facts(doc)
    label, variant, expected, _ = next(pdf_probes.probe_drop(doc, original, "ilacs", []))
    assert len(variant.pages[0].lines) == len(doc.pages[0].lines) - 1
    assert [ln.index for ln in variant.pages[0].lines] == list(range(len(variant.pages[0].lines)))
    assert expected["provider"] == original["provider"]
    assert label.endswith("dropped")
