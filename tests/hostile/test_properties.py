"""Property-based tests of the text path and PDF byte mutations, bounded so CI stays fast.

The promise under test: whatever the bytes, `extract` returns a valid record or raises an
`InspectparseError` (a typed, documented error), never anything else. `make fuzz` runs the
same mutators for minutes over the real corpus (scripts/fuzz.py).
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import hostile_inputs as h
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import inspectparse
from inspectparse.errors import InspectparseError
from inspectparse.load import ENGINES
from inspectparse.record import Record

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("fuzz", REPO / "scripts" / "fuzz.py")
assert _spec is not None and _spec.loader is not None
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["fuzz"] = fuzz
_spec.loader.exec_module(fuzz)

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never flakes on a new one
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Lines that look like a report's, so the rules (dates, grades, lists) get exercised.
report_lines = st.one_of(
    st.sampled_from(fuzz.TEXT_SNIPPETS),
    st.sampled_from(h.TEXT_REPORT.splitlines()),
    st.from_regex(
        r"Inspection dates?: [0-9]{1,2} (to|and|-) [0-9]{1,2} [A-Z][a-z]+ [0-9]{1,5}",
        fullmatch=True,
    ),
    st.from_regex(r"[0-9]{1,3}\. [A-Za-z ,.'()-]{0,60}", fullmatch=True),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=80),
)


def _converts_or_typed(data: bytes, **options: object) -> None:
    try:
        record = inspectparse.extract(data, **options)  # type: ignore[arg-type]
    except InspectparseError as exc:
        assert exc.message and "\n" not in exc.message
        return
    assert isinstance(record, Record)


@BOUNDED
@given(st.lists(report_lines, max_size=40), st.sampled_from(["\n", "\n\n", "\f", "\r\n"]))
@example(["Inspection dates: 29 February to 1 January 2024", "Lead inspector: A Person"], "\n")
@example(["Inspection date: 1 January 0001", "Judgement Grade"], "\n\n")
def test_any_text_converts_or_fails_typed(lines: list[str], sep: str) -> None:
    _converts_or_typed(sep.join(lines).encode("utf-8"), input_format="text")


@BOUNDED
@given(st.binary(max_size=2048))
def test_any_bytes_convert_or_fail_typed(data: bytes) -> None:
    _converts_or_typed(data)


@BOUNDED
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_text_reports_convert_or_fail_typed(seed: int) -> None:
    rng = random.Random(seed)
    _converts_or_typed(fuzz.mutate_text(h.TEXT_REPORT.encode(), rng))


_SAMPLE = h.sample_pdf()
_SMALL = h.text_pdf(text=b"Inspection of local authority children's services " * 3)


@settings(BOUNDED, max_examples=25)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.sampled_from(ENGINES))
def test_mutated_pdfs_convert_or_fail_typed(seed: int, engine: str) -> None:
    rng = random.Random(seed)
    base = _SMALL if seed % 2 else _SAMPLE
    _converts_or_typed(fuzz.mutate_pdf(base, rng), engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "pdf",
    [
        h.text_pdf(b"[0 0 abc 792]", b"Inspection report words " * 5),
        h.text_pdf(b"", b"Inspection report words " * 5),
        h.text_pdf(b"[0 0 -1 nan]", b"Inspection report words " * 5),
        _SAMPLE[: len(_SAMPLE) // 2],
        _SAMPLE.replace(b"/Root", b"/Rxxt"),
    ],
    ids=["non-numeric-mediabox", "no-mediabox", "nan-mediabox", "half", "no-root"],
)
def test_hostile_pdf_structures_fail_typed(pdf: bytes, engine: str) -> None:
    _converts_or_typed(pdf, engine=engine)


_REPORT_TEXT = (REPO / "tests" / "fixtures" / "brent_like.txt").read_text(encoding="utf-8")


@BOUNDED
@given(st.integers(min_value=0, max_value=2**32 - 1))
@example(0)
def test_hostile_dates_in_the_date_slot_convert_or_fail_typed(seed: int) -> None:
    rng = random.Random(seed)
    text = fuzz.replace_dates(_REPORT_TEXT, rng)
    _converts_or_typed(text.encode("utf-8"), input_format="text")


# Impossible dates ("29 February to 1 January 2024", year 1) are a dates_impossible review
# warning on the date fields, never an exception.
@pytest.mark.parametrize("dates", fuzz.HOSTILE_DATES)
def test_each_hostile_date_in_the_date_slot(dates: str) -> None:
    text = fuzz.DATE_PHRASE.sub(dates, _REPORT_TEXT, count=1)
    assert dates in text
    _converts_or_typed(text.encode("utf-8"), input_format="text")


@pytest.mark.parametrize(
    "dates", ["29 February to 1 January 2024", "1 December to 1 January 0001"]
)
def test_impossible_dates_are_a_review_warning_on_the_date_fields(dates: str) -> None:
    text = fuzz.DATE_PHRASE.sub(dates, _REPORT_TEXT, count=1)
    record = inspectparse.extract(text.encode("utf-8"), input_format="text")
    fields = {w.field for w in record.warnings if w.code == "dates_impossible"}
    assert fields == {"report.inspection_start", "report.inspection_end"}
    assert record.report.inspection_start is None and record.needs_review
