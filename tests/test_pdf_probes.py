"""Document-level probes (`scripts/pdf_probes.py`) on the repository's synthetic PDFs: a page-1
line dropped or printed twice, another area, inspector, grades or years. Every variant reads
as predicted or warns on the fact that differs; none is silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectparse.document import Document
from repo_scripts import load_script

REPO = Path(__file__).resolve().parent.parent
pdf_probes = load_script("pdf_probes")

PDFS = [
    REPO / "tests" / "fixtures" / "ilacs_2018_synthetic.pdf",
    REPO / "tests" / "fixtures" / "ilacs_2026_synthetic.pdf",
    REPO / "examples" / "sample-ilacs-report.pdf",
]


# Probes that only letters give variants for (none of the PDFs above is a letter), or only
# a PDF whose first row stands in the header band (the PDFs above set their title lower).
LETTER_PROBES = {"head", "title-header"}


@pytest.mark.parametrize("probe", sorted(set(pdf_probes.PROBES) - LETTER_PROBES))
def test_no_document_variant_is_silent(probe: str) -> None:
    counts = pdf_probes.run(PDFS, [probe], ["Northwick"], show=False)[probe]
    assert sum(counts.values()) > 0, f"the {probe} probe made no variant"
    assert counts["silent"] == 0, counts


def test_no_document_variant_is_silent_on_the_pdfplumber_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pdfplumber groups words into lines and cells its own way: the same changes meet other
    line boundaries (every probe in one run, each PDF loaded once: the engine is slow)."""
    loaded = []

    def load(data: bytes) -> Document:
        doc = pdf_probes.load_pdf_pdfplumber(data)
        loaded.append(doc.engine)
        return doc

    monkeypatch.setitem(pdf_probes.LOADERS, "pdfplumber", load)
    probes = sorted(set(pdf_probes.PROBES) - LETTER_PROBES)
    counts = pdf_probes.run(PDFS, probes, ["Northwick"], show=False, engine="pdfplumber")
    assert loaded == ["pdfplumber"] * len(PDFS)
    made = {p for p, c in counts.items() if sum(c.values())}
    assert made == set(probes), f"no variant from {set(probes) - made}"
    assert {p: c for p, c in counts.items() if c["silent"]} == {}


def _letter_pdf(text: str, later_pages_from: float = 60.0) -> bytes:
    """A synthetic letter as a PDF: one line of text per row, a new page at a form feed (its
    first baseline `later_pages_from`)."""
    fixtures = load_script("make_fixtures")
    pages = [fixtures.Page()]
    baseline = 60.0
    for line in text.split("\n"):
        if line.startswith("\f"):
            pages.append(fixtures.Page())
            baseline, line = later_pages_from, line[1:]
        pages[-1].text(57.0, baseline, line.replace("\u25fc", "\u2022"), 11.0)
        baseline += 14.5
    return bytes(fixtures.build_pdf(pages, name="letter for the head probe"))


@pytest.mark.parametrize("probe", sorted(LETTER_PROBES - {"title-header"}))
def test_no_letter_variant_misses_what_the_letter_gives(probe: str, tmp_path: Path) -> None:
    from test_anatomy_focused_visits import letter

    path = tmp_path / "letter.pdf"
    # Copies to several people: page 1 holds a head of some 600 characters above the greeting.
    copies = "".join(f"cc: Copy Example {n}, Northwick Partner {n}\n" for n in range(1, 9))
    path.write_bytes(_letter_pdf(letter(address=f"Town Hall\nNorthwick\nNW1 2XY\n{copies}")))
    counts = pdf_probes.run([path], [probe], ["Northwick"], show=False)[probe]
    assert counts["predicted"] > 0 and counts["warned"] == counts["silent"] == 0, counts


def test_a_dropped_line_leaves_the_document_one_line_shorter() -> None:
    doc = pdf_probes.load_pdf_pdfium(PDFS[0].read_bytes())
    original, _ = pdf_probes.document_facts(doc)
    label, variant, expected, _ = next(pdf_probes.probe_drop(doc, original, "ilacs", []))
    assert len(variant.pages[0].lines) == len(doc.pages[0].lines) - 1
    assert [ln.index for ln in variant.pages[0].lines] == list(range(len(variant.pages[0].lines)))
    assert expected["provider"] == original["provider"]
    assert label.endswith("dropped")


def test_a_cut_page_moves_the_rows_from_the_cut_to_a_new_page_with_its_furniture() -> None:
    doc = pdf_probes.load_pdf_pdfium(PDFS[2].read_bytes())
    record = pdf_probes.document_record(pdf_probes.copy.deepcopy(doc))
    original = pdf_probes.sub.probe_facts(record)
    original["_record"] = record
    label, variant, expected, _ = next(pdf_probes.probe_flow(doc, original, "ilacs", []))
    page, line = (int(word) - 1 for word in label.split()[1::4])
    assert len(variant.pages) == len(doc.pages) + 1
    cut = doc.pages[page].lines[line]
    before, after = variant.pages[page], variant.pages[page + 1]
    assert cut.text not in [ln.text for ln in before.lines]
    moved = next(ln for ln in after.lines if ln.text == cut.text)
    assert moved.top is not None and cut.top is not None and moved.top < cut.top
    for number, each in enumerate(variant.pages, start=1):
        # Every page's lines are numbered as their page, in order, and its printed page
        # number (this report prints one from page 2) is its own.
        assert {ln.page for ln in each.lines} <= {number}
        assert [ln.index for ln in each.lines] == list(range(len(each.lines)))
        printed = [ln.text for ln in each.lines if ln.text.strip().isdecimal()]
        assert printed == ([] if number == 1 else [str(number)])
    assert expected["paragraphs"] == original["paragraphs"]


def test_a_running_header_that_repeats_the_title_leaves_the_cover_its_title(
    tmp_path: Path,
) -> None:
    """A report set one line per row from the page's top: its title is page 1's first row, in
    the header band, and the probe sets it over every later page (whose text starts lower)
    as a running header."""
    from test_metamorphic import SYNTHETIC

    text = SYNTHETIC.replace("\n3.\n", "\n\f3.\n").replace("\n6.\n", "\n\f6.\n")
    path = tmp_path / "report.pdf"
    path.write_bytes(_letter_pdf(text, later_pages_from=90.0))
    counts = pdf_probes.run([path], ["title-header"], ["Northwick"], show=False)["title-header"]
    assert counts == {"predicted": 1, "warned": 0, "silent": 0}
    doc = pdf_probes.load_pdf_pdfium(path.read_bytes())
    original, _ = pdf_probes.document_facts(doc)
    assert original["kind"] == "ilacs" and original["provider"] == "Northwick"
    _, variant, _, _ = next(pdf_probes.probe_title_header(doc, original, "ilacs", []))
    title = doc.pages[0].lines[0].text
    assert [page.lines[0].text for page in variant.pages] == [title] * len(doc.pages)
    record = pdf_probes.document_record(variant)
    assert [w["code"] for w in record["warnings"] if w["code"].startswith("cover")] == [
        "cover_running_lines_kept"
    ]
