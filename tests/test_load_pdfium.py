"""The pypdfium2 engine: same model as the pdfplumber engine, typed errors, corpus agreement.

Unit tests build tiny PDFs inline (base-14 fonts, hand-written content streams), so they need no
fixture files; corpus tests read ../shared/corpus and are skipped when it is absent.
"""

from __future__ import annotations

import collections
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from inspectparse._compiled import compiled_modules
from inspectparse.document import Document, Line
from inspectparse.errors import (
    EmptyInputError,
    EncryptedPdfError,
    MalformedPdfError,
    NoTextLayerError,
    UnsupportedInputError,
)
from inspectparse.load import load
from inspectparse.load.layout import Word
from inspectparse.load.pdfium_engine import bindings, load_pdf_pdfium, reader, spans
from inspectparse.load.pdfplumber_engine import load_pdf_pdfplumber

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# ---------------------------------------------------------------------------------------------
# A minimal PDF writer: enough for text in Helvetica / Helvetica-Bold, and an encrypted variant.


def make_pdf(pages: list[str], *, user_password: bytes | None = None) -> bytes:
    """A PDF whose pages draw the given content streams (fonts /F1 Helvetica, /F2 bold)."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree, filled in below
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for content in pages:
        data = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    file_id = hashlib.md5(b"inspectparse test").hexdigest().encode()
    trailer = b"<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (len(objects) + 1, file_id, file_id)
    if user_password is not None:
        objects.append(_standard_security(user_password, bytes.fromhex(file_id.decode())))
        trailer += b" /Encrypt %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n%s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _standard_security(password: bytes, file_id: bytes) -> bytes:
    """An RC4 40-bit (V1 R2) encryption dictionary that needs `password` to open."""
    padded = (password + _PAD)[:32]
    owner = _rc4(hashlib.md5(padded).digest()[:5], padded)
    permissions = (-4).to_bytes(4, "little", signed=True)
    key = hashlib.md5(padded + owner + permissions + file_id).digest()[:5]
    user = _rc4(key, _PAD)
    return b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (
        owner.hex().encode(),
        user.hex().encode(),
    )


def text_at(x: float, y: float, text: str, *, size: float = 11, font: str = "F1") -> str:
    return f"BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET\n"


# Invented sentences in the reports' layout: a heading, a hyphenated line break, a judgement
# table (label and grade as separate objects, and as one object with a tab-like TJ gap), and
# text drawn with a 1 pt font scaled up by the text matrix.
PAGE = (
    text_at(72, 720, "Summary heading", size=14, font="F2")
    + "BT /F1 11 Tf 72 690 Td (The council has improved its multi-) Tj 0 -14 Td "
    "(agency work with partners across the area.) Tj ET\n"
    + text_at(72, 640, "Overall effectiveness")
    + text_at(400, 640, "Good")
    + "BT /F1 11 Tf 72 620 Td [(Help and protection) -20000 (Requires improvement)] TJ ET\n"
    + "BT /F1 1 Tf 12 0 0 12 72 590 Tm (Scaled text at twelve points) Tj ET\n"
)


@pytest.fixture(scope="module")
def page_pdf() -> bytes:
    return make_pdf([PAGE, text_at(72, 700, "Second page of the letter")])


def by_text(doc: Document, page: int = 1) -> dict[str, Line]:
    return {line.text: line for line in doc.pages[page - 1].lines}


def overlap(a: Line, b: Line) -> float:
    assert a.top is not None and a.bottom is not None and b.top is not None
    assert b.bottom is not None
    return min(a.bottom, b.bottom) - max(a.top, b.top)


# ---------------------------------------------------------------------------------------------
# The model


def test_lines_match_pdfplumber_on_a_synthetic_page(page_pdf: bytes) -> None:
    fast, reference = load_pdf_pdfium(page_pdf), load_pdf_pdfplumber(page_pdf)
    assert fast.engine == "pdfium" and fast.format == "pdf"
    assert fast.page_count == reference.page_count == 2
    for ours, theirs in zip(fast.pages, reference.pages, strict=True):
        assert (ours.width, ours.height) == (theirs.width, theirs.height) == (612, 792)
        assert [ln.text for ln in ours.lines] == [ln.text for ln in theirs.lines]
        for a, b in zip(ours.lines, theirs.lines, strict=True):
            assert (a.size, a.bold, a.gap_before) == (b.size, b.bold, b.gap_before), a.text
            assert a.font is not None and b.font is not None and a.font in b.font
            for name in ("x0", "x1", "top", "bottom"):
                assert getattr(a, name) == pytest.approx(getattr(b, name), abs=0.5), name


def test_geometry_is_measured_from_the_top_left(page_pdf: bytes) -> None:
    lines = by_text(load_pdf_pdfium(page_pdf))
    heading = lines["Summary heading"]
    # Baseline at y=720 of 792: 72 pt from the top; the bottom adds Helvetica's descent.
    assert heading.x0 == pytest.approx(72, abs=0.01)
    assert 72 < heading.bottom < 76 and heading.top == pytest.approx(heading.bottom - 14)
    assert heading.size == 14 and heading.bold is True and heading.font == "Helvetica-Bold"
    assert lines["Overall effectiveness"].bold is False


def test_font_size_includes_the_text_matrix(page_pdf: bytes) -> None:
    line = by_text(load_pdf_pdfium(page_pdf))["Scaled text at twelve points"]
    assert line.size == 12
    assert line.height == pytest.approx(12)


def test_line_end_hyphen_is_a_dash_at_the_end_of_its_own_line(page_pdf: bytes) -> None:
    # PDFium writes the hyphen as U+FFFE and runs the next line on; the clean stage expects
    # "multi-" closing one line and "agency" opening the next, as pdfplumber gives them.
    lines = load_pdf_pdfium(page_pdf).pages[0].lines
    texts = [ln.text for ln in lines]
    assert "The council has improved its multi-" in texts
    assert "agency work with partners across the area." in texts
    assert not any("\ufffe" in t or "\r" in t or "\n" in t for t in texts)


def test_judgement_row_gives_label_and_grade_cells_on_one_row(page_pdf: bytes) -> None:
    lines = by_text(load_pdf_pdfium(page_pdf))
    for label, grade in [
        ("Overall effectiveness", "Good"),
        # one text object, the gap made by TJ kerning inside it
        ("Help and protection", "Requires improvement"),
    ]:
        assert overlap(lines[label], lines[grade]) > 5
        assert lines[grade].x0 > lines[label].x1 + 100


def test_measure_words_finds_a_gap_hidden_inside_a_long_text_object() -> None:
    label = "The experiences and progress of children who need help and protection"
    pdf = make_pdf([f"BT /F1 11 Tf 72 700 Td [({label}) -2500 (Good)] TJ ET\n"])
    measured = [ln.text for ln in load_pdf_pdfium(pdf, measure_words=True).pages[0].lines]
    assert measured == [label, "Good"]
    # The default run check may keep such a line whole; it must at least keep every word.
    default = " ".join(ln.text for ln in load_pdf_pdfium(pdf).pages[0].lines)
    assert default.split() == f"{label} Good".split()


def test_lines_led_by_a_paragraph_number_or_bullet(monkeypatch: pytest.MonkeyPatch) -> None:
    # A marker before its text: in a hanging indent (its own text object far left), in the
    # same text object, and in another (bold) font. Each is one line with the text's font,
    # as pdfplumber and the every-word measurement give it, and the marker is never checked
    # with the rest of the line as one run.
    content = (
        text_at(72, 700, "12.")
        + text_at(100, 700, "The council has improved its work with partners.")
        + text_at(72, 680, "13. Leaders know their services well and act on it.")
        + text_at(72, 660, "(a)", font="F2")
        + text_at(90, 660, "Managers check the quality of plans every month.")
    )
    pdf = make_pdf([content])
    checked: list[int] = []  # the first character of every line part checked as one run
    real_run = reader.PageReader._run

    def spy(self: Any, tp: Any, start: int, end: int, first: int, *rest: int) -> Any:
        checked.append(first)
        return real_run(self, tp, start, end, first, *rest)

    monkeypatch.setattr(reader.PageReader, "_run", spy)
    fast = load_pdf_pdfium(pdf).pages[0].lines
    expected = [
        "12. The council has improved its work with partners.",
        "13. Leaders know their services well and act on it.",
        "(a) Managers check the quality of plans every month.",
    ]
    assert [ln.text for ln in fast] == expected
    assert [ln.text for ln in load_pdf_pdfplumber(pdf).pages[0].lines] == expected
    assert _line_facts(load_pdf_pdfium(pdf, measure_words=True)) == _line_facts(
        load_pdf_pdfium(pdf)
    )
    assert [(ln.font, ln.bold) for ln in fast] == [("Helvetica", False)] * 3
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page_text = document[0].get_textpage().get_text_range()  # PDFium's character indices
    finally:
        document.close()
    assert checked and not any(page_text[i] in "1(" for i in checked)  # only the text after


def test_split_words_and_runs_give_the_same_lines(page_pdf: bytes) -> None:
    runs, split = load_pdf_pdfium(page_pdf), load_pdf_pdfium(page_pdf, split_words=True)
    assert _line_facts(runs) == _line_facts(split)


@pytest.mark.skipif(
    "inspectparse.load.pdfium_engine.reader" in compiled_modules(),
    reason="compiled code calls build_lines directly: a spy set on the module is never called",
)
def test_words_are_whitespace_tokens_or_counted_runs(
    page_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Word] = []
    real = reader.build_lines

    def spy(words: list[Word], page_number: int) -> list[Line]:
        seen.extend(words)
        return real(words, page_number)

    monkeypatch.setattr(reader, "build_lines", spy)
    load_pdf_pdfium(page_pdf, split_words=True)
    assert seen and all(w.tokens == 1 and w.text.split() == [w.text] for w in seen)
    assert all(w.x0 < w.x1 and w.top < w.bottom and w.size > 0 for w in seen)
    seen.clear()
    load_pdf_pdfium(page_pdf)
    assert all(w.tokens == len(w.text.split()) for w in seen)
    assert any(w.tokens > 1 for w in seen)


def test_auto_engine_is_pdfium(page_pdf: bytes) -> None:
    doc = load(page_pdf)
    assert doc.engine == "pdfium" and not doc.notes


# ---------------------------------------------------------------------------------------------
# Errors


def test_non_pdf_bytes_are_malformed() -> None:
    with pytest.raises(MalformedPdfError, match="cannot be parsed"):
        load_pdf_pdfium(b"this is not a PDF at all, just some words in a file\n" * 4)


def test_pdf_header_followed_by_garbage_is_malformed() -> None:
    with pytest.raises(MalformedPdfError):
        load_pdf_pdfium(b"%PDF-1.7\n" + bytes(range(256)) * 8)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_malformed(page_pdf: bytes, keep: float) -> None:
    with pytest.raises(MalformedPdfError, match="truncated|damaged"):
        load_pdf_pdfium(page_pdf[: int(len(page_pdf) * keep)])


def test_pdf_without_end_marker_loads_with_a_note(page_pdf: bytes) -> None:
    doc = load_pdf_pdfium(page_pdf[: page_pdf.rindex(b"%%EOF")])
    assert doc.page_count == 2
    assert [note.code for note in doc.notes] == ["truncated_pdf"]


def test_encrypted_pdf_says_to_decrypt() -> None:
    pdf = make_pdf([PAGE], user_password=b"secret")
    with pytest.raises(EncryptedPdfError, match="qpdf --decrypt"):
        load_pdf_pdfium(pdf)
    with pytest.raises(EncryptedPdfError):  # auto does not fall back: pdfplumber cannot either
        load(pdf)


def test_a_password_error_left_by_an_earlier_pdf_does_not_make_the_next_one_encrypted() -> None:
    """PDFium keeps its last error process-wide and refuses a PDF with no pages without
    setting one: after an encrypted PDF, the next refusal is still not an encryption."""
    with pytest.raises(EncryptedPdfError):
        load_pdf_pdfium(make_pdf([PAGE], user_password=b"secret"))
    no_pages = make_pdf([])
    with pytest.raises(MalformedPdfError):
        load_pdf_pdfium(no_pages)
    with pytest.raises(EmptyInputError, match="no pages"):  # auto: pdfplumber reads it
        load(no_pages)


def test_pdf_without_text_is_reported_as_scanned() -> None:
    pdf = make_pdf(["0 0 1 rg 72 72 300 300 re f\n", "0.5 g 100 100 50 50 re f\n"])
    with pytest.raises(NoTextLayerError, match="OCR"):
        load_pdf_pdfium(pdf)


def test_html_saved_as_pdf_never_reaches_the_engine() -> None:
    with pytest.raises(UnsupportedInputError):
        load(b"<!DOCTYPE html><html><body>Report not found</body></html>", engine="pdfium")


# ---------------------------------------------------------------------------------------------
# The real corpus

# A fixed sample: an ILACS report (2018 layout), a SIF, a JTAI letter whose writer scales a 1 pt
# font with the text matrix, and an area SEND report (two-column blocks).
SAMPLE = [
    "ilacs/80441_bristol/children's services inspection - 22 october 2018.pdf",
    "sif/80479_knowsley/children's services inspection - 13 june 2017.pdf",
    "jtai/80485_liverpool/joint area child protection inspection - 03 august 2016.pdf",
    "area_send/80471_halton/area send full inspection - 26 january 2024.pdf",
]
ILACS_PAGE_ONE = [
    "ilacs/80441_bristol/children's services inspection - 22 october 2018.pdf",
    "ilacs/80447_cheshire east/children's services inspection - 09 january 2020.pdf",
    "ilacs/80546_windsor & maidenhead/children's services inspection - 19 november 2024.pdf",
    "ilacs/80560_st helens/children's services inspection - 04 september 2023.pdf",
]
GRADE = re.compile(r"(Outstanding|Good|Inadequate|Requires improvement( to be good)?)\d?")


@pytest.fixture(scope="module")
def corpus_reports() -> Path:
    if not (CORPUS / "reports").is_dir():
        pytest.skip("../shared/corpus is absent: real-report tests skipped")
    return CORPUS / "reports"


def _words(lines: list[Line]) -> collections.Counter[str]:
    tokens = (re.sub(r"\W+", "", token.lower()) for ln in lines for token in ln.text.split())
    return collections.Counter(t for t in tokens if t)


def _line_facts(doc: Document) -> list[list[tuple[object, ...]]]:
    return [
        [
            (
                ln.text,
                ln.size,
                ln.font,
                ln.bold,
                ln.gap_before,
                round(ln.x0 or 0, 1),
                round(ln.top or 0, 1),
            )
            for ln in page.lines
        ]
        for page in doc.pages
    ]


@pytest.mark.corpus
@pytest.mark.parametrize("name", SAMPLE)
def test_engines_agree_on_real_reports(corpus_reports: Path, name: str) -> None:
    data = (corpus_reports / name).read_bytes()
    fast, reference = load_pdf_pdfium(data), load_pdf_pdfplumber(data)
    assert fast.page_count == reference.page_count
    for ours, theirs in zip(fast.pages, reference.pages, strict=True):
        a, b = _words(ours.lines), _words(theirs.lines)
        shared = sum((a & b).values()) / max(sum(a.values()), sum(b.values()), 1)
        assert shared >= 0.95, f"page {ours.number}: {shared:.3f} of words shared"
        assert abs(len(ours.lines) - len(theirs.lines)) <= max(3, 0.1 * len(theirs.lines))


@pytest.mark.corpus
@pytest.mark.parametrize("name", ILACS_PAGE_ONE)
def test_ilacs_judgement_table_rows_are_separate_cells(corpus_reports: Path, name: str) -> None:
    lines = load_pdf_pdfium((corpus_reports / name).read_bytes()).pages[0].lines
    grades = [ln for ln in lines if GRADE.fullmatch(ln.text)]
    assert len(grades) >= 3, [ln.text for ln in lines]
    for grade in grades:
        labels = [
            ln
            for ln in lines
            if ln is not grade
            and ln.x1 is not None
            and grade.x0 is not None
            and ln.x1 < grade.x0
            and overlap(ln, grade) > 0
        ]
        assert labels, f"no label beside {grade.text!r} at top={grade.top}"


@pytest.mark.corpus
@pytest.mark.parametrize("name", SAMPLE)
def test_split_words_gives_the_same_lines_on_real_reports(corpus_reports: Path, name: str) -> None:
    data = (corpus_reports / name).read_bytes()
    assert _line_facts(load_pdf_pdfium(data)) == _line_facts(
        load_pdf_pdfium(data, split_words=True)
    )


def test_line_spans_are_pdfium_lines_then_strip() -> None:
    # The loader cuts lines with str.split where it can; it must give what _LINE (PDFium's
    # lines) followed by str.strip gives, on every kind of white space and line break.
    import random

    rng = random.Random(7)
    alphabet = ["a", "b", "-", " ", " ", "\t", "\xa0", "\u2003", "\x1c", "\x85", "\ufffe"]
    alphabet += ["\r\n", "\r\n", "\r\n", "\r", "\n"]
    seen_fast = seen_hyphen = 0
    for _ in range(20000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        expected = []
        for m in spans.LINE.finditer(raw):
            start, end = m.span()
            line = raw[start:end]
            if line.strip():
                lead = len(line) - len(line.lstrip())
                first, stop = start + lead, start + len(line.rstrip())
                expected.append((start, end, first, stop, raw[first:stop].replace("\ufffe", "-")))
        assert spans.line_spans(raw) == expected, repr(raw)
        seen_fast += "\ufffe" not in raw and raw.count("\r") == raw.count("\r\n") > 0
        seen_hyphen += "\ufffe" in raw and raw.count("\r") == raw.count("\n") == raw.count("\r\n")
    assert seen_fast > 1000 and seen_hyphen > 1000  # both paths were exercised


def test_page_loaders_release_the_gil_and_per_line_queries_keep_it() -> None:
    # Parsing a page takes ~1 ms: other Python threads must run meanwhile. The per-line
    # queries take under 1 us, where releasing the GIL would cost more than the call.
    import ctypes

    api = bindings.api()

    def keeps_gil(function: object) -> bool:
        return bool(type(function)._flags_ & ctypes._FUNCFLAG_PYTHONAPI)  # type: ignore[attr-defined]

    assert not keeps_gil(api.load_page) and not keeps_gil(api.load_textpage)
    assert all(keeps_gil(f) for f in (api.loose_box, api.font_size, api.get_rect, api.font_info))


def test_bare_calls_return_what_pypdfium2_returns(page_pdf: bytes) -> None:
    # The bare functions (int results read with no declared restype, per-line queries keeping
    # the GIL) must answer as pypdfium2's own bindings do, failures (0) included.
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    api = bindings.api()
    pdf = pdfium.PdfDocument(page_pdf)
    try:
        textpage = pdf[0].get_textpage()
        handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        bare_handle = bindings.pointer_argument(handle.value)
        count = api.count_chars(bare_handle)
        assert count == raw.FPDFText_CountChars(textpage.raw) > 100
        box, theirs = bindings.FsRectF(), raw.FS_RECTF()
        for index in (0, 5, count - 1, count, -1):
            ours_ok = api.loose_box(bare_handle, index, ctypes.byref(box))
            assert ours_ok == raw.FPDFText_GetLooseCharBox(textpage.raw, index, theirs)
            assert isinstance(ours_ok, int) and ours_ok in (0, 1)
            if ours_ok:
                assert (box.left, box.top, box.right, box.bottom) == (
                    theirs.left,
                    theirs.top,
                    theirs.right,
                    theirs.bottom,
                )
        rects = api.count_rects(bare_handle, 0, count)
        assert rects == raw.FPDFText_CountRects(textpage.raw, 0, count) > 1
        name = ctypes.create_string_buffer(256)
        length = api.font_info(bare_handle, 0, name, 256, None)
        assert length == raw.FPDFText_GetFontInfo(textpage.raw, 0, None, 0, None) > 1
        assert name.value == b"Helvetica-Bold"
        textpage.close()
    finally:
        pdf.close()


def test_text_buffer_grows_for_long_pages_and_keeps_no_stale_text() -> None:
    # One UTF-16 buffer serves every page: a page longer than it grows it, and a short page
    # after a long one must not see the long page's leftover characters.
    rows = [f"Row {i:03d} of a long page " + "x" * 50 for i in range(130)]  # > 8192 characters
    long_page = "".join(text_at(40, 780 - 6 * i, row, size=5) for i, row in enumerate(rows))
    pdf = make_pdf([text_at(72, 700, "Short"), long_page, text_at(72, 700, "Tiny"), long_page])
    page_reader = reader.PageReader(bindings.api(), split_words=False, measure_words=False)
    before = len(page_reader.text_buffer)
    assert sum(len(row) + 2 for row in rows) > before
    doc = load_pdf_pdfium(pdf)
    assert [ln.text for ln in doc.pages[0].lines] == ["Short"]
    assert [ln.text for ln in doc.pages[1].lines] == rows
    assert [ln.text for ln in doc.pages[2].lines] == ["Tiny"]
    assert [ln.text for ln in doc.pages[3].lines] == rows


@pytest.mark.parametrize("offset", [0.0, 0.3, 1.0])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_line_printed_twice_to_look_bold_reads_once(engine: str, offset: float) -> None:
    # Some PDFs fake bold type by printing a line again a fraction of a point along; pdfminer
    # read every copy ("IInnssppeeccttiioonn"). Letters printed twice on purpose ("Quill")
    # stand a letter's width apart and stay.
    title = "Inspection of Northwick children's services"
    lead = "Lead inspector: Ada Quill"
    page = (
        text_at(72, 720, title, size=16, font="F2")
        + text_at(72 + offset, 720, title, size=16, font="F2")
        + text_at(72, 690, lead)
        + text_at(72 + offset, 690 + offset / 2, lead)
        + text_at(72, 660, "Social workers visit children often and listen to what they say.")
    )
    doc = load(make_pdf([page]), engine=engine)  # type: ignore[arg-type]
    assert [line.text for line in doc.pages[0].lines] == [
        title,
        lead,
        "Social workers visit children often and listen to what they say.",
    ]
