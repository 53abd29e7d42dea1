"""End to end on the synthetic reports: every fact in tests/fixtures/manifest.json."""

from __future__ import annotations

import io

import pytest

import inspectparse
from conftest import REPO, manifest, manifest_entry
from inspectparse.load import Engine
from inspectparse.record import Record

REPORTS = [e for e in manifest() if "kind" in e]
ENGINES: list[Engine] = ["pdfplumber", "auto"]


@pytest.fixture(scope="module")
def records() -> dict[tuple[str, str], Record]:
    out: dict[tuple[str, str], Record] = {}
    for entry in REPORTS:
        engines: list[Engine] = ENGINES if entry["format"] == "pdf" else ["auto"]
        for engine in engines:
            out[(entry["file"], engine)] = inspectparse.extract(REPO / entry["file"], engine=engine)
    return out


def _cases() -> list[tuple[str, str]]:
    return [
        (e["file"], eng) for e in REPORTS for eng in (ENGINES if e["format"] == "pdf" else ["auto"])
    ]


@pytest.mark.parametrize(("file", "engine"), _cases())
def test_metadata(records: dict[tuple[str, str], Record], file: str, engine: str) -> None:
    entry = manifest_entry(file)
    rep = records[(file, engine)].report
    assert rep.kind == entry["kind"]
    assert rep.provider == entry["provider"]
    assert str(rep.inspection_start) == entry["inspection_start"]
    assert str(rep.inspection_end) == entry["inspection_end"]
    assert rep.lead_inspector == entry["lead_inspector"]


@pytest.mark.parametrize(("file", "engine"), _cases())
def test_judgements_exact(records: dict[tuple[str, str], Record], file: str, engine: str) -> None:
    entry = manifest_entry(file)
    record = records[(file, engine)]
    assert record.grades == entry["judgements"]
    for judgement in record.judgements:
        assert judgement.rule.startswith(entry["kind"] + ".")
        assert judgement.provenance.page is not None
        assert judgement.provenance.text


@pytest.mark.parametrize(("file", "engine"), _cases())
def test_recommendations(records: dict[tuple[str, str], Record], file: str, engine: str) -> None:
    entry = manifest_entry(file)
    recs = records[(file, engine)].recommendations
    assert len(recs) == entry["recommendations"]
    if entry.get("recommendation_timescales"):
        counts: dict[str, int] = {}
        for r in recs:
            assert r.timescale is not None
            counts[r.timescale] = counts.get(r.timescale, 0) + 1
        assert counts == entry["recommendation_timescales"]
        # Every printed timescale of the fixtures is on the urgency scale.
        assert all(r.urgency != "unspecified" for r in recs)
    for item, n in (entry.get("sub_items") or {}).items():
        assert len(recs[int(item) - 1].sub_items) == n


@pytest.mark.parametrize(("file", "engine"), _cases())
def test_paragraph_numbering(
    records: dict[tuple[str, str], Record], file: str, engine: str
) -> None:
    entry = manifest_entry(file)
    numbers = [p.number for p in records[(file, engine)].paragraphs if p.number is not None]
    first, last = entry["paragraphs"]["first"], entry["paragraphs"]["last"]
    assert numbers == list(range(first, last + 1))


def test_ilacs_2026_has_no_overall_and_no_missing_warning(
    records: dict[tuple[str, str], Record],
) -> None:
    record = records[("tests/fixtures/ilacs_2026_synthetic.pdf", "pdfplumber")]
    assert record.report.variant == "no_overall"
    assert record.judgement("overall_effectiveness") is None
    assert not [w for w in record.warnings if w.code == "judgement_missing"]


def test_straddling_grade_is_paired_by_geometry(records: dict[tuple[str, str], Record]) -> None:
    overall = records[("examples/sample-ilacs-report.pdf", "pdfplumber")].judgement(
        "overall_effectiveness"
    )
    assert overall is not None
    assert overall.grade_text == "Requires improvement to be good"
    assert overall.rule == "ilacs.table.overall_effectiveness"
    assert overall.confirmed_by == []  # no overall heading in the body to confirm it


def test_section_grades_confirm_table(records: dict[tuple[str, str], Record]) -> None:
    record = records[("examples/sample-ilacs-report.pdf", "pdfplumber")]
    care = record.judgement("children_in_care")
    assert care is not None and care.confirmed_by, "graded heading (grade on next line) not read"


def test_wrapped_line_starting_with_number_is_not_a_paragraph(
    records: dict[tuple[str, str], Record],
) -> None:
    record = records[("examples/sample-ilacs-report.pdf", "pdfplumber")]
    para7 = next(p for p in record.paragraphs if p.number == 7)
    assert "12. Caseloads" in para7.text


def test_hyphens_compound_kept_broken_word_joined(records: dict[tuple[str, str], Record]) -> None:
    record = records[("examples/sample-ilacs-report.pdf", "pdfplumber")]
    text = {p.number: p.text for p in record.paragraphs}
    assert "multi-agency" in text[4]
    assert "regularly" in text[6] and "reg-" not in text[6]


def test_paragraph_across_page_break_excludes_footer(
    records: dict[tuple[str, str], Record],
) -> None:
    record = records[("examples/sample-ilacs-report.pdf", "pdfplumber")]
    para8 = next(p for p in record.paragraphs if p.number == 8)
    assert para8.provenance.page == 2 and para8.provenance.page_end == 3
    assert "Inspection of Northwick" not in para8.text
    assert "September 2023" not in para8.text


def test_brent_like_repairs_are_flagged(records: dict[tuple[str, str], Record]) -> None:
    record = records[("tests/fixtures/brent_like.txt", "auto")]
    inferred = [p.number for p in record.paragraphs if p.number_inferred]
    assert inferred == [7, 23]
    codes = [w.code for w in record.warnings]
    assert codes.count("paragraph_number_inferred") == 2
    assert "paragraph_number_displaced_into_line" in codes
    para25 = next(p for p in record.paragraphs if p.number == 25)
    assert para25.text.startswith("The council knows that the quality of management oversight")
    assert "25." not in para25.text


def test_brent_like_recommendation_split_by_page_break_is_one_item(
    records: dict[tuple[str, str], Record],
) -> None:
    record = records[("tests/fixtures/brent_like.txt", "auto")]
    entry = manifest_entry("tests/fixtures/brent_like.txt")
    fourth = record.recommendations[3]
    assert fourth.text.startswith("ensure that assessments weigh the history")
    assert "- child" not in fourth.text
    assert fourth.provenance.page is not None
    assert entry["split_recommendation"]["joined_text"].startswith(fourth.text[:40])


def test_narrative_table_disagreement_is_a_warning(records: dict[tuple[str, str], Record]) -> None:
    inconsistent = records[("tests/fixtures/brent_like.txt", "auto")]
    consistent = records[("tests/fixtures/brent_like_consistent.txt", "auto")]
    conflicts = [w for w in inconsistent.warnings if w.code == "judgement_conflict"]
    assert len(conflicts) == 1 and "quality_of_practice" in conflicts[0].message
    # The narrative is authoritative for this framework; the table is the check.
    assert inconsistent.grades["quality_of_practice"] == "adequate"
    assert not [w for w in consistent.warnings if w.code == "judgement_conflict"]
    q = consistent.judgement("quality_of_practice")
    assert q is not None and q.confirmed_by


def test_markdown_emphasis_removed(records: dict[tuple[str, str], Record]) -> None:
    record = records[("tests/fixtures/brent_like.txt", "auto")]
    para2 = next(p for p in record.paragraphs if p.number == 2)
    assert "**" not in para2.text
    overall = record.judgement("overall_effectiveness")
    assert overall is not None and overall.provenance.paragraph == 2


def test_sources_bytes_and_streams_give_the_same_record() -> None:
    path = REPO / "tests/fixtures/brent_like.txt"
    data = path.read_bytes()
    by_path = inspectparse.extract(path)
    by_bytes = inspectparse.extract(data)
    by_stream = inspectparse.extract(io.BytesIO(data))
    by_text = inspectparse.extract(io.StringIO(data.decode("utf-8")))
    assert by_path.source.sha256 == by_bytes.source.sha256 == by_stream.source.sha256
    for other in (by_bytes, by_stream, by_text):
        assert other.grades == by_path.grades
        assert [p.text for p in other.paragraphs] == [p.text for p in by_path.paragraphs]


def test_record_carries_versions_and_source() -> None:
    record = inspectparse.extract(REPO / "examples/sample-ilacs-report.pdf")
    assert record.schema_version
    assert record.parser_version == inspectparse.__version__
    assert record.source.format == "pdf" and record.source.pages == 5
    assert len(record.source.sha256) == 64


@pytest.mark.parametrize(("file", "engine"), _cases())
def test_sections_hold_their_numbered_paragraphs(
    records: dict[tuple[str, str], Record], file: str, engine: str
) -> None:
    entry = manifest_entry(file)
    expected = entry["paragraph_sections"]
    got = [s for s in records[(file, engine)].sections if s.paragraphs]
    if isinstance(expected, dict):  # PDFs: graded sections, named by their judgement key
        assert [s.paragraphs for s in got] == list(expected.values())
    else:  # text: [title, numbers] pairs
        assert [[s.title, s.paragraphs] for s in got] == expected
