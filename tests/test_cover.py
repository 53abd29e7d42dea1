"""The report's cover: its first page with text, and its title repeated as running header.

Pages before the first with body text (a blank cover sheet, an image only) are none of the
report's: its page-1 facts are read from the first page with text (`Document.cover_index`).
Clean takes a line heading page after page for a running header, on page 1 too; where page
1's copy is the cover's title or provider, the cover is read again with it as text, and the
reading that finds more of the cover's facts is kept (`cover.read_structure`). Synthetic
reports only ("Northwick").
"""

from __future__ import annotations

import json
from typing import Any

import inspectparse
from inspectparse.clean import clean
from inspectparse.cover import read_structure
from inspectparse.document import Document, Line, Page
from inspectparse.load.text import load_text
from test_metamorphic import SIF, SIF_GOLD, SYNTHETIC

_TEAMS = ("alder", "birch", "cedar", "damson", "elder", "fir", "gorse", "hazel")
# The synthetic ILACS report on four pages (its paragraphs 3 and 6 open pages), each
# paragraph's last line its own (the same words on every page would be a running footer).
ILACS_PAGES = SYNTHETIC.replace("\n3.\n", "\n\f3.\n").replace("\n6.\n", "\n\f6.\n")
for _n, _team in enumerate(_TEAMS, 1):
    ILACS_PAGES = ILACS_PAGES.replace(f"in part {_n} of", f"for the {_team} team in")


def _headed(text: str, header: str, *, cover: bool) -> str:
    """Every page after the first (and the first too, with `cover`) headed by `header`."""
    first, *rest = text.split("\f")
    pages = [f"{header}\n{first}" if cover else first, *(f"{header}\n{p}" for p in rest)]
    return "\f".join(pages)


def _record(text: str) -> dict[str, Any]:
    record = inspectparse.extract(text.encode("utf-8"), input_format="text")
    return json.loads(record.model_dump_json())  # type: ignore[no-any-return]


def _codes(record: dict[str, Any]) -> list[str]:
    return [w["code"] for w in record["warnings"]]


def test_a_title_heading_every_page_is_still_the_cover_s_title() -> None:
    title = SYNTHETIC.split("\n", 1)[0]
    record = _record(_headed(ILACS_PAGES, title, cover=False))
    report = record["report"]
    assert (report["kind"], report["provider"]) == ("ilacs", "Northwick")
    assert report["lead_inspector"] == "Ada Quill"
    assert len(record["judgements"]) == 5 and len(record["recommendations"]) == 3
    numbers = [p["number"] for p in record["paragraphs"] if p["number"] is not None]
    assert numbers == list(range(1, 9))
    kept = [w for w in record["warnings"] if w["code"] == "cover_running_lines_kept"]
    assert [(w["field"], w["severity"]) for w in kept] == [("report.kind", "info")]
    # The copies over later pages are still running furniture.
    later = [p["text"] for p in record["paragraphs"] if p["provenance"]["page"] > 1]
    assert not any(title in text for text in later)


def test_a_provider_heading_every_page_is_still_the_cover_s_provider() -> None:
    # The SIF report on four pages: the cover, then its body over three.
    pages = SIF.replace("\n\nManagers", "\n\fManagers", 2)
    record = _record(_headed(pages, "Northwick Borough Council", cover=False))
    assert record["report"]["kind"] == "sif"
    assert record["report"]["provider"] == "Northwick Borough Council"
    assert "cover_running_lines_kept" in _codes(record)
    assert "provider_missing" not in _codes(record)


def test_a_header_on_every_page_and_the_cover_stays_furniture_where_the_cover_reads_no_more() -> (
    None
):
    # A header on every page, the cover too (a browser's print, a word processor's header):
    # the cover lacks its lead inspector either way, so reading the header as its text finds
    # nothing more and clean's reading stands.
    text = _headed(
        ILACS_PAGES.replace("Lead inspector: Ada Quill, His Majesty’s Inspector\n", ""),
        "Northwick inspection file",
        cover=True,
    )
    record = _record(text)
    assert record["report"]["provider"] == "Northwick"
    assert record["report"]["lead_inspector"] is None
    assert sorted(_codes(record)) == ["authority_unmatched", "lead_missing"]
    assert not any("inspection file" in p["text"] for p in record["paragraphs"])
    cleaned = clean(load_text(text.encode()))
    read_structure(cleaned)
    header = [ln for page in cleaned.document.pages for ln in page.lines if "file" in ln.text]
    assert len(header) == 4 and all(ln.layer == "furniture" for ln in header)


def test_blank_pages_before_the_report_leave_its_cover_the_first_page_with_text() -> None:
    # Two pages with no text before the report: the summary table is read on the report's
    # own first page, the same judgements from the same lines.
    def judgements(record: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [
            (j["key"], j["grade"], j["rule"], j["provenance"]["text"]) for j in record["judgements"]
        ]

    for text in (SIF, SYNTHETIC):
        plain, covered = _record(text), _record("\f\f" + text)
        assert covered["report"] == plain["report"]
        assert judgements(covered) == judgements(plain)
        assert not any(w["code"].startswith("judgement") for w in covered["warnings"])
    record = _record("\f\f" + SIF)
    assert {j["key"]: j["grade"] for j in record["judgements"]} == SIF_GOLD["judgements"]


def test_the_cover_is_the_first_page_with_body_text() -> None:
    furniture = Line("Northwick inspection file", 2, 0, layer="furniture")
    pages = [Page(1), Page(2, [furniture]), Page(3, [Line("Inspection of Northwick", 3, 0)])]
    document = Document(pages=pages, format="pdf", engine="pdfium")
    assert document.cover_index == 2
    assert [ln.text for ln in document.cover_lines] == ["Inspection of Northwick"]
    assert Document(pages=[Page(1)], format="text", engine="text").cover_index == 0
    assert Document(pages=[], format="text", engine="text").cover_lines == []
