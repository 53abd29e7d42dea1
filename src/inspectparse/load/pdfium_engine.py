"""PDF through pypdfium2: text runs with boxes and font facts -> words -> lines (see `layout`).

Speed is the point of this engine, and on a text page the cost is dominated by the number of
calls into PDFium (each ctypes call is ~0.4-1 us, a page has ~2,500 characters and ~370 words),
so it never loops over characters:

1. the page text comes in one `FPDFText_GetText` call; PDFium's text is aligned with its
   character indices, so a slice of the text *is* a range of characters;
2. the text is cut into PDFium's own lines (`\\r\\n`, plus the line-end hyphen U+FFFE, after
   which PDFium joins the next line without a break);
3. per line, `FPDFText_CountRects` + `FPDFText_GetRect` give one box per text object (a run of
   one font on one baseline) and one font lookup at the line's first and last word;
4. when the runs of a line sit side by side on one baseline in one font, with no wide gap
   between them, the line is a single run: its words get boxes interpolated by character
   offset between the exact ends of the line (the gaps inside such a line are word spaces,
   which `build_lines` neither splits at nor glues across);
5. otherwise (a table row or letterhead with a column gap, a superscript, mixed fonts or sizes,
   two rows in one PDFium line) every word is measured exactly from its first and last
   character boxes and its own font.

Geometry matches pdfplumber's: x from the left, `bottom` = page top - the character's loose
bottom (baseline + descent), `top` = bottom - effective font size (font size x text matrix scale).
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..document import Document, Page
from ..errors import EncryptedPdfError, MalformedPdfError
from .layout import COLUMN_GAP_EMS, Word, build_lines
from .pdfplumber_engine import check_text_layer  # no pdfplumber import at module level

# PDFium's lines end in "\r\n"; a line-end hyphen is U+FFFE and the next line follows directly.
_LINE = re.compile(r"[^\r\n\ufffe]+\ufffe?|\ufffe")
_WORD = re.compile(r"\S+")

# A gap between two text objects of one line wider than this many font sizes may be a column
# break (build_lines splits at COLUMN_GAP_EMS): then the line is measured word by word. Object
# boxes are tight, so a plain word space between objects measures about 0.3-0.5 em.
_RUN_GAP_EMS = 0.7 * COLUMN_GAP_EMS
# A text object that starts this many font sizes left of the previous one's end is out of order.
_RUN_BACKWARD_EMS = 0.5

# Measured neighbours closer than this (in font sizes) would be glued by build_lines, and farther
# may be a column break: only gaps in between are merged into one Word.
_MERGE_GAP_EMS = (0.15, 0.9 * COLUMN_GAP_EMS)

_c_double = ctypes.c_double


class _FsRectF(ctypes.Structure):
    _fields_ = [("left", ctypes.c_float), ("top", ctypes.c_float),
                ("right", ctypes.c_float), ("bottom", ctypes.c_float)]


class _FsMatrix(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in ("a", "b", "c", "d", "e", "f")]


@dataclass(frozen=True, slots=True)
class _Api:
    """PDFium text functions re-bound without `argtypes`.

    pypdfium2's bindings convert every argument through `argtypes`, which makes a call ~2.5x
    slower than a bare foreign call; the hot loop passes already-typed arguments, so it can skip
    the conversion. The functions are the same symbols of the library pypdfium2 loaded.
    """

    count_chars: Callable[..., int]
    get_text: Callable[..., int]
    count_rects: Callable[..., int]
    get_rect: Callable[..., int]
    loose_box: Callable[..., int]
    font_size: Callable[..., float]
    matrix: Callable[..., int]
    font_info: Callable[..., int]
    unicode: Callable[..., int]
    text_object: Callable[..., int | None]


@lru_cache(maxsize=1)
def _api() -> _Api:
    import pypdfium2.raw as raw

    def bare(func: Any, restype: Any) -> Callable[..., Any]:
        address = ctypes.cast(func, ctypes.c_void_p).value
        return ctypes.CFUNCTYPE(restype)(address)  # type: ignore[no-any-return]

    return _Api(
        count_chars=bare(raw.FPDFText_CountChars, ctypes.c_int),
        get_text=bare(raw.FPDFText_GetText, ctypes.c_int),
        count_rects=bare(raw.FPDFText_CountRects, ctypes.c_int),
        get_rect=bare(raw.FPDFText_GetRect, ctypes.c_int),
        loose_box=bare(raw.FPDFText_GetLooseCharBox, ctypes.c_int),
        font_size=bare(raw.FPDFText_GetFontSize, ctypes.c_double),
        matrix=bare(raw.FPDFText_GetMatrix, ctypes.c_int),
        font_info=bare(raw.FPDFText_GetFontInfo, ctypes.c_ulong),
        unicode=bare(raw.FPDFText_GetUnicode, ctypes.c_uint),
        text_object=bare(raw.FPDFText_GetTextObject, ctypes.c_void_p),
    )


def load_pdf_pdfium(data: bytes, *, split_words: bool = False) -> Document:
    """Load a PDF with PDFium.

    `split_words=True` hands `build_lines` one `Word` per whitespace-separated token, like
    pdfplumber; the default hands it one `Word` per run of words (with `tokens` = their number),
    which gives the same lines with a fraction of the objects to sort (see the tests).
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if _is_password_error(exc):
            raise _encrypted() from exc
        raise MalformedPdfError(
            f"the PDF cannot be parsed ({exc}); the file may be truncated or damaged: "
            "download it again"
        ) from exc
    pages: list[Page] = []
    try:
        reader = _PageReader(_api(), split_words=split_words)
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                pages.append(reader.read(page, index + 1))
            finally:
                page.close()  # closes its text page too; the document alone would keep them
    except pdfium.PdfiumError as exc:
        raise MalformedPdfError(
            f"the PDF cannot be parsed ({exc}); the file may be damaged: try --engine pdfplumber"
        ) from exc
    finally:
        pdf.close()
    doc = Document(pages=pages, format="pdf", engine="pdfium")
    if not _has_eof_marker(data):
        # PDFium rebuilds a cut-off file from what is left; say so rather than fail silently.
        doc.notes.append(
            ("truncated_pdf", "the PDF has no end-of-file marker: it may be truncated and "
             "pages or text may be missing; download it again")
        )
    try:
        check_text_layer(doc)
    except Exception as exc:
        if not _has_eof_marker(data):
            raise MalformedPdfError(
                "the PDF is truncated (no end-of-file marker) and no text could be read from "
                "it; download it again"
            ) from exc
        raise
    return doc


def _is_password_error(exc: Exception) -> bool:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code is not None:
        return bool(code == raw.FPDF_ERR_PASSWORD)
    return "password" in str(exc).lower()  # older pypdfium2 only says so in the message


def _encrypted() -> EncryptedPdfError:
    return EncryptedPdfError(
        "the PDF is encrypted (password-protected); decrypt it first, e.g. "
        "qpdf --decrypt in.pdf out.pdf"
    )


def _has_eof_marker(data: bytes) -> bool:
    # Writers may append a little junk after %%EOF; a download cut short has none at all.
    return b"%%EOF" in data[-2048:]


class _PageReader:
    """Reads one page at a time, reusing the ctypes out-parameters between calls."""

    def __init__(self, api: _Api, *, split_words: bool = False) -> None:
        self.api = api
        self.split_words = split_words
        self.l, self.t, self.r, self.b = (_c_double() for _ in range(4))
        self.rect_refs = tuple(ctypes.byref(v) for v in (self.l, self.t, self.r, self.b))
        self.box = _FsRectF()
        self.box_ref = ctypes.byref(self.box)
        self.mat = _FsMatrix()
        self.mat_ref = ctypes.byref(self.mat)
        self.name_buf = ctypes.create_string_buffer(256)
        self.font_names: dict[bytes, str | None] = {}

    def read(self, page: Any, number: int) -> Page:
        left, bottom, right, top = _mediabox(page)
        textpage = page.get_textpage()
        try:
            handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
            words = self._words(handle, top)
        finally:
            textpage.close()
        return Page(
            number=number,
            width=float(right - left),
            height=float(top - bottom),
            lines=build_lines(words, number),
        )

    # -- text -------------------------------------------------------------------------------

    def _text(self, tp: ctypes.c_void_p) -> str:
        """The page text, one character per PDFium character index."""
        count = self.api.count_chars(tp)
        if count <= 0:
            return ""
        buf = (ctypes.c_ushort * (count + 1))()
        written = self.api.get_text(tp, 0, count, buf)
        text = bytes(memoryview(buf).cast("B")[: max(written - 1, 0) * 2]).decode(
            "utf-16-le", errors="replace"
        )
        if len(text) == count:
            return text
        # PDFium left out or added characters (or wrote surrogate pairs): index by character.
        return "".join(_safe_chr(self.api.unicode(tp, i)) for i in range(count))

    def _words(self, tp: ctypes.c_void_p, page_top: float) -> list[Word]:
        raw_text = self._text(tp)
        if not raw_text:
            return []
        text = raw_text.replace("\ufffe", "-")
        words: list[Word] = []
        for match in _LINE.finditer(raw_text):
            start, end = match.span()
            line = text[start:end]
            stripped = line.strip()
            if not stripped:
                continue
            first = start + len(line) - len(line.lstrip())
            last = start + len(line.rstrip()) - 1
            parts = stripped.split()
            run = self._run(tp, start, end, first, last, last + 1 - len(parts[-1]))
            if run is None:
                self._exact_words(tp, text, first, last + 1, page_top, words)
                continue
            x0, x1, low, size, font = run
            bottom = page_top - low
            if not self.split_words:
                words.append(Word(" ".join(parts), x0, x1, bottom - size, bottom, size, font,
                                  len(parts)))
                continue
            scale = (x1 - x0) / (last + 1 - first)
            for m in _WORD.finditer(text, first, last + 1):
                a, b = m.span()
                words.append(Word(m.group(), x0 + (a - first) * scale, x0 + (b - first) * scale,
                                  bottom - size, bottom, size, font))
        return words

    def _run(
        self, tp: ctypes.c_void_p, start: int, end: int, first: int, last: int, last_word: int
    ) -> tuple[float, float, float, float, str | None] | None:
        """(x0, x1, loose bottom, size, font) of a line that is one run of text, else None.

        One run: one font and size at its first and last word, and its text objects in order
        along one baseline band with no gap wide enough to be a column break.
        """
        api, box = self.api, self.box
        size, raw_size, font = self._font(tp, first)
        if size <= 0 or not api.loose_box(tp, first, self.box_ref):
            return None
        x0, low, high = box.left, box.bottom, box.top
        if last_word != first:
            if abs(api.font_size(tp, last_word) - raw_size) > 0.05 * raw_size:
                return None
            if not _same_family(self._font_name(tp, last_word), font):
                return None
        if last != first and not api.loose_box(tp, last, self.box_ref):
            return None
        x1 = box.right
        n_rects = api.count_rects(tp, start, end - start)
        if n_rects <= 0 or x1 < x0:
            return None
        get_rect, refs = api.get_rect, self.rect_refs
        rl, rt, rr, rb = self.l, self.t, self.r, self.b
        gap_limit = _RUN_GAP_EMS * size
        back_limit = -_RUN_BACKWARD_EMS * size
        prev_right = None
        for j in range(n_rects):
            get_rect(tp, j, *refs)
            # A text object off the line's band is on another row (PDFium joined two rows).
            if rb.value >= high or rt.value <= low:
                return None
            if prev_right is not None:
                gap = rl.value - prev_right
                if gap > gap_limit or gap < back_limit:
                    return None
            prev_right = rr.value
        return x0, x1, low, size, font

    def _exact_words(
        self,
        tp: ctypes.c_void_p,
        text: str,
        start: int,
        end: int,
        page_top: float,
        words: list[Word],
    ) -> None:
        """Words of text[start:end], each measured from its first and last character.

        Neighbours in one font on one baseline whose gap is a plain word space are merged into
        one `Word` (unless `split_words`): build_lines neither splits nor glues at such a gap,
        so the lines come out the same with fewer objects.
        """
        api = self.api
        loose_box, text_object, box, ref = api.loose_box, api.text_object, self.box, self.box_ref
        merge = not self.split_words
        last_object: int | None = -1
        size, font = 0.0, None
        run: Word | None = None
        for m in _WORD.finditer(text, start, end):
            a, b = m.span()
            # Characters of one text object share its font: look it up once per object.
            obj = text_object(tp, a)
            if obj != last_object or obj is None:
                size, _, font = self._font(tp, a)
                size = size or 10.0
                last_object = obj
            loose_box(tp, a, ref)
            x0, low = box.left, box.bottom
            if b - 1 > a:
                loose_box(tp, b - 1, ref)
                low = min(low, box.bottom)
            x1 = max(box.right, x0)
            bottom = page_top - low
            if (
                merge
                and run is not None
                and run.font == font
                and run.size == size
                and abs(run.bottom - bottom) < 0.01
                and _MERGE_GAP_EMS[0] * size < x0 - run.x1 < _MERGE_GAP_EMS[1] * size
            ):
                run.text = f"{run.text} {m.group()}"
                run.x1 = x1
                run.tokens += 1
                continue
            run = Word(m.group(), x0, x1, bottom - size, bottom, size, font)
            words.append(run)

    def _font(self, tp: ctypes.c_void_p, index: int) -> tuple[float, float, str | None]:
        """(effective size, text-space size, font name) of character `index`.

        The effective size is what pdfplumber reports: the font size scaled by the character's
        matrix (some writers set a 1 pt font and scale it with the text matrix).
        """
        api = self.api
        raw_size = api.font_size(tp, index)
        size = raw_size
        if api.matrix(tp, index, self.mat_ref):
            m = self.mat
            scale = math.hypot(m.c, m.d)
            if scale > 0:
                size = raw_size * scale
        return round(size, 3), raw_size, self._font_name(tp, index)

    def _font_name(self, tp: ctypes.c_void_p, index: int) -> str | None:
        n = self.api.font_info(tp, index, self.name_buf, len(self.name_buf), None)
        raw_name = self.name_buf.value if n > 0 else b""
        try:
            return self.font_names[raw_name]
        except KeyError:
            name = raw_name.decode("utf-8", errors="replace") or None
            self.font_names[raw_name] = name
            return name


def _same_family(a: str | None, b: str | None) -> bool:
    """Same font but for a subset tag: PDFium names one font "ABCDEE+Tahoma" or "Tahoma"."""
    return a == b or _base_font(a) == _base_font(b)


def _base_font(name: str | None) -> str | None:
    """The font name without a subset tag ("ABCDEE+Tahoma" -> "Tahoma")."""
    if name and len(name) > 7 and name[6] == "+":
        return name[7:]
    return name


def _safe_chr(code: int) -> str:
    try:
        return chr(code) if code else " "
    except ValueError:
        return "\ufffd"


def _mediabox(page: Any) -> tuple[float, float, float, float]:
    """The page's media box (left, bottom, right, top): pdfplumber measures `top` from its top."""
    try:
        box = page.get_mediabox()
    except Exception:  # noqa: BLE001 - a page without one falls back to its bounding box
        box = page.get_bbox()
    return tuple(float(v) for v in box)  # type: ignore[return-value]
