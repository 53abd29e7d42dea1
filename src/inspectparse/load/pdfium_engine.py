"""PDF through pypdfium2: runs of text with boxes and font facts -> words -> lines (`layout`).

Speed is the point of this engine. PDFium parses a page in ~2-3 ms; what this module adds costs
in calls into PDFium (a bare ctypes call is 0.3-1 us; a page has ~2,500 characters, ~370 words
and ~37 lines) and in Python objects, so nothing here loops over characters:

1. The page text comes in one `FPDFText_GetText` call. PDFium's text is aligned with its
   character indices, so a slice of the text *is* a range of characters.
2. The text is cut into PDFium's own lines (`str.split`, not a regex pass): at `\\r\\n`, and
   after a line-end hyphen, which PDFium writes as U+FFFE and follows with the next line's
   text without a break.
3. Each line is checked as one *run* in ~9 calls: the loose boxes of its first and last
   characters (exact ends and baseline band), the font size and text matrix at its start, an
   average advance per character that leaves no room for a hidden wide gap, its text objects
   (`FPDFText_CountRects` + `FPDFText_GetRect`, ~3 per line) all on the band with no gap
   between them that could be a column break, and, if it has several objects, the same font
   at its last word as at its first.
4. A run becomes one `Word` with `tokens` = its number of words (with `split_words`, one `Word`
   per word, boxes interpolated by character offset). `build_lines` neither splits nor glues
   at the gaps inside a run, so both give the same lines; one `Word` per run makes
   `build_lines` ~2x faster.
5. A line led by a paragraph number or bullet (3 in 4 stand apart from their text: hanging
   indent, symbol font) has that first word measured and the rest checked as a run, and so
   has a line that fails the check. Any other line (a table row, a letterhead, a footer with
   a page number, a superscript, a change of font) is measured word by word (two loose boxes
   per word, fonts once per text object) and cut into runs at every gap that is not a plain
   word space and every change of font, size or baseline. `measure_words=True` measures every
   line so: the loader's own cost goes from ~0.3x to ~0.6x PDFium's parse time
   (docs/performance.md), and it is never fooled by a wide gap inside one long text object (a
   tab stop written as TJ kerning), which the run check can miss (a test keeps such a line).
   It is not the better default: cutting at every change of font glues words that PDFium
   spaced (an italic title inside a sentence), on 59 of the corpus's 37,077 lines.

Geometry matches pdfplumber's: x from the page's left, `bottom` = media box top - the loose
bottom of the characters (baseline + descent), `top` = bottom - the effective font size (font
size x the character's text matrix scale). Rotated pages are read in unrotated coordinates.
"""

from __future__ import annotations

import _ctypes
import codecs
import ctypes
import math
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..document import Document, Note, Page
from ..errors import EncryptedPdfError, MalformedPdfError, NoTextLayerError
from .layout import COLUMN_GAP_EMS, Word, build_lines, is_list_marker
from .pdfplumber_engine import check_text_layer  # imports pdfplumber only inside its loader

# PDFium's lines end in "\r\n"; a line-end hyphen is U+FFFE and the next line follows directly.
# The reference definition: `_line_spans` gives the same lines, stripped, without a regex pass.
_LINE = re.compile(r"[^\r\n\ufffe]+\ufffe?|\ufffe")
_WORD = re.compile(r"\S+")
_UNSEEN: Any = object()  # Any: a sentinel for font names (str | None)
_hypot = math.hypot
_decode_utf16 = codecs.utf_16_le_decode  # reads the buffer in place: no copy to bytes first
# Out-parameters are read with one `struct` call each: a ctypes field read is an attribute
# lookup, a descriptor call and a float each, and there are ~400 such reads a page.
_read_box = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom
_read_rect = struct.Struct("4d").unpack_from  # FPDFText_GetRect: left, top, right, bottom
_read_scale = struct.Struct("8x2f").unpack_from  # FS_MATRIX: c, d

# A gap between two text objects of one line wider than this many font sizes may be a column
# break (build_lines splits at COLUMN_GAP_EMS): then the line is measured word by word. Object
# boxes are tight (glyph ink), so a plain word space between objects measures 0.3-0.5 em.
_RUN_GAP_EMS = 0.7 * COLUMN_GAP_EMS
# A text object that starts this many font sizes left of the previous one's end is out of order.
_RUN_BACKWARD_EMS = 0.5
# Text advances 0.40-0.55 em per character (99.9% of corpus lines stay under 0.63): a line
# that needs more may hide a wide gap inside one text object, so it is measured word by word.
_RUN_MAX_EMS_PER_CHAR = 0.58
# Measured neighbours closer than this (in font sizes) would be glued by build_lines, and
# farther ones may be a column break: only gaps in between continue a run.
_MERGE_GAP_EMS = (0.15, 0.9 * COLUMN_GAP_EMS)
# Relative change of font size, and of baseline (in font sizes), that ends a run.
_SIZE_TOLERANCE = 0.05
_BASELINE_TOLERANCE = 0.05


class _FsRectF(ctypes.Structure):
    _fields_ = [
        ("left", ctypes.c_float),
        ("top", ctypes.c_float),
        ("right", ctypes.c_float),
        ("bottom", ctypes.c_float),
    ]


class _FsMatrix(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in ("a", "b", "c", "d", "e", "f")]


@dataclass(frozen=True, slots=True)
class _Api:
    """PDFium functions re-bound without `argtypes`, holding the GIL.

    pypdfium2's bindings convert every argument through `argtypes`, which makes a call ~2.5x
    slower than a bare foreign call (1.0 vs 0.4 us). The hot paths pass arguments that are
    already C-typed (a `c_void_p` handle, ints, `byref`s), so they skip the conversion. These
    are the same symbols of the library pypdfium2 loaded. The short per-line queries are
    `PYFUNCTYPE`s, which keep the GIL (releasing and retaking it costs ~0.1 us a call); the
    page and text page loaders (~1 ms each) release it, so other Python threads run meanwhile.
    Pages are opened and closed through these too: pypdfium2's page and text page objects
    (parent links, finalizers) cost ~0.1 ms a page, 5% of PDFium's own work.
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
    load_page: Callable[..., int | None]
    close_page: Callable[..., None]
    load_textpage: Callable[..., int | None]
    close_textpage: Callable[..., None]
    mediabox: Callable[..., int]


@lru_cache(maxsize=1)
def _api() -> _Api:
    import pypdfium2.raw as raw

    def bare(func: Any, restype: Any, *, releases_gil: bool = False) -> Callable[..., Any]:
        address = ctypes.cast(func, ctypes.c_void_p).value
        assert address is not None, "a symbol of the loaded PDFium library"
        if restype is int:
            return _IntResult(address)
        prototype = ctypes.CFUNCTYPE if releases_gil else ctypes.PYFUNCTYPE
        return prototype(restype)(address)

    # `int`: a C int (FPDF_BOOL, a count, a length under 2**31) read as `_IntResult` reads it.
    return _Api(
        count_chars=bare(raw.FPDFText_CountChars, int),
        get_text=bare(raw.FPDFText_GetText, int),
        count_rects=bare(raw.FPDFText_CountRects, int),
        get_rect=bare(raw.FPDFText_GetRect, int),
        loose_box=bare(raw.FPDFText_GetLooseCharBox, int),
        font_size=bare(raw.FPDFText_GetFontSize, ctypes.c_double),
        matrix=bare(raw.FPDFText_GetMatrix, int),
        font_info=bare(raw.FPDFText_GetFontInfo, int),  # the name's length, at most 256 here
        unicode=bare(raw.FPDFText_GetUnicode, ctypes.c_uint),
        text_object=bare(raw.FPDFText_GetTextObject, ctypes.c_void_p),
        load_page=bare(raw.FPDF_LoadPage, ctypes.c_void_p, releases_gil=True),
        close_page=bare(raw.FPDF_ClosePage, None),
        load_textpage=bare(raw.FPDFText_LoadPage, ctypes.c_void_p, releases_gil=True),
        close_textpage=bare(raw.FPDFText_ClosePage, None),
        mediabox=bare(raw.FPDFPage_GetMediaBox, int),
    )


class _IntResult(_ctypes.CFuncPtr):
    """A foreign function prototype (cdecl, keeping the GIL) that declares no result type.

    ctypes then reads the C int result straight into a Python int, as it does for any function
    whose restype is unset. A declared `c_int` is converted through the type's getter, which
    CPython (3.11) finds with a table search on every call: ~0.05 us, a tenth of a short call.
    """

    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_PYTHONAPI


def load_pdf_pdfium(
    data: bytes, *, split_words: bool = False, measure_words: bool = False
) -> Document:
    """Load a PDF with PDFium into the engine-independent `Document`.

    `split_words=True` hands `build_lines` one `Word` per whitespace-separated token, like
    pdfplumber, instead of one per run of words; the lines are the same. `measure_words=True`
    measures every word instead of trusting runs that look unbroken (see the module doc).
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
        reader = _PageReader(_api(), split_words=split_words, measure_words=measure_words)
        handle = ctypes.c_void_p(ctypes.cast(pdf.raw, ctypes.c_void_p).value)
        for index in range(len(pdf)):
            pages.append(reader.read(handle, index))
    finally:
        pdf.close()
    doc = Document(pages=pages, format="pdf", engine="pdfium")
    truncated = not _has_eof_marker(data)
    if truncated:
        # PDFium rebuilds a cut-off file from what is left: say so rather than fail silently.
        doc.notes.append(
            Note(
                "truncated_pdf",
                "the PDF has no end-of-file marker: it may be truncated, and pages or text may be "
                "missing; download it again",
            )
        )
    try:
        check_text_layer(doc)
    except NoTextLayerError as exc:
        if truncated:
            raise MalformedPdfError(
                "the PDF is truncated (no end-of-file marker) and no text could be read from "
                "what is left; download it again"
            ) from exc
        raise
    return doc


def _is_password_error(exc: Exception) -> bool:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code is not None:
        return bool(code == raw.FPDF_ERR_PASSWORD)
    return "password" in str(exc).lower()  # older pypdfium2 says so only in the message


def _encrypted() -> EncryptedPdfError:
    return EncryptedPdfError(
        "the PDF is encrypted (password-protected); decrypt it first, e.g. "
        "qpdf --decrypt in.pdf out.pdf"
    )


# A handle as passed to the bare PDFium functions (see `_pointer_argument`).
_Pointer = Any


def _pointer_argument(address: int) -> _Pointer:
    """An argument that passes `address` as a pointer. ctypes wraps a `c_void_p` into a new
    argument object on every call; a `byref` is one already, made once per page (~10% of the
    cost of a call into PDFium). It points at a `c_char` placed at the address, never read."""
    return ctypes.byref(ctypes.c_char.from_address(address))


def _unreadable_page(index: int, what: str) -> MalformedPdfError:
    return MalformedPdfError(
        f"PDFium cannot read the {what} of page {index + 1}; the file may be damaged: "
        "try --engine pdfplumber"
    )


def _has_eof_marker(data: bytes) -> bool:
    # Writers may append a little junk after %%EOF; a download cut short has none at all.
    return b"%%EOF" in data[-4096:]


_LineSpan = tuple[int, int, int, int, str]


def _line_spans(raw: str) -> list[_LineSpan]:
    """PDFium's lines of a page text as (start, end, first, stop, stripped): each `_LINE` match
    raw[start:end] that is not all white space, its stripped text raw[first:stop], and that text
    with a line-end U+FFFE written as the hyphen it stands for.

    Lines are cut with `str.split` at "\\r\\n" (~3x faster than a regex pass over the page); the
    few that hold a U+FFFE, and pages with a lone "\\r" or "\\n", go through `_LINE` itself.
    """
    spans: list[_LineSpan] = []
    append = spans.append
    if not raw.count("\r") == raw.count("\n") == raw.count("\r\n"):
        _append_line_spans(raw, 0, len(raw), append)
        return spans
    start = 0
    for line in raw.split("\r\n"):
        end = start + len(line)
        if "\ufffe" in line:
            _append_line_spans(raw, start, end, append)
        else:
            stripped = line.strip()
            if stripped:
                first = end - len(line.lstrip())
                append((start, end, first, first + len(stripped), stripped))
        start = end + 2
    return spans


def _append_line_spans(
    raw: str, pos: int, endpos: int, append: Callable[[_LineSpan], None]
) -> None:
    for m in _LINE.finditer(raw, pos, endpos):
        start, end = m.span()
        line = m.group()
        stripped = line.strip()
        if stripped:
            first = end - len(line.lstrip())
            append((start, end, first, first + len(stripped), stripped.replace("\ufffe", "-")))


class _PageReader:
    """Reads pages one at a time, reusing the ctypes out-parameters between calls."""

    def __init__(self, api: _Api, *, split_words: bool, measure_words: bool) -> None:
        self.api = api
        self.split_words = split_words
        self.measure_words = measure_words
        self.rect = (ctypes.c_double * 4)()  # left, top, right, bottom
        size = ctypes.sizeof(ctypes.c_double)
        self.rect_refs = tuple(ctypes.byref(self.rect, i * size) for i in range(4))
        self.box = _FsRectF()
        self.box_ref = ctypes.byref(self.box)
        self.mat = _FsMatrix()
        self.mat_ref = ctypes.byref(self.mat)
        self.name_buf = ctypes.create_string_buffer(256)
        self.font_names: dict[bytes, str | None] = {}
        self.sizes: dict[float, float] = {}  # effective font size -> rounded (round is slow)
        self.media = tuple(ctypes.c_float() for _ in range(4))
        self.media_refs = tuple(ctypes.byref(v) for v in self.media)
        self.text_buffer = (ctypes.c_ushort * 8192)()  # UTF-16 units of a page's text

    def read(self, document: ctypes.c_void_p, index: int) -> Page:
        """Page `index` (0-based) of an open document; each page is closed once read."""
        api = self.api
        page = api.load_page(document, index)
        if not page:
            raise _unreadable_page(index, "page")
        page_handle = ctypes.c_void_p(page)
        try:
            left, bottom, right, top = self.mediabox(page_handle)
            textpage = api.load_textpage(page_handle)
            if not textpage:
                raise _unreadable_page(index, "text")
            try:
                words = self.words(_pointer_argument(textpage), top)
            finally:
                api.close_textpage(ctypes.c_void_p(textpage))
        finally:
            api.close_page(page_handle)
        return Page(
            number=index + 1,
            width=right - left,
            height=top - bottom,
            lines=build_lines(words, index + 1),
        )

    def mediabox(self, page: ctypes.c_void_p) -> tuple[float, float, float, float]:
        """The page's media box (left, bottom, right, top); pdfplumber measures `top` from its
        top. Like pypdfium2's `get_mediabox`, a page without one is US Letter."""
        box = self.media
        if not self.api.mediabox(page, *self.media_refs):
            return 0.0, 0.0, 612.0, 792.0
        return tuple(float(v.value) for v in box)  # type: ignore[return-value]

    def text(self, tp: _Pointer) -> str:
        """The page text, one character per PDFium character index."""
        count = self.api.count_chars(tp)
        if count <= 0:
            return ""
        buf = self.text_buffer
        if len(buf) <= count:
            # Making a ctypes array type costs ~15 us (a sized type per page would be made
            # anew for nearly every page): one buffer, grown when a page needs more, serves all.
            buf = self.text_buffer = (ctypes.c_ushort * (2 * count + 2))()
        written = self.api.get_text(tp, 0, count, buf)  # UTF-16 units, with a final NUL
        units = memoryview(buf).cast("B")[: max(written - 1, 0) * 2]
        text = _decode_utf16(units, "replace")[0]
        if len(text) == count:
            return text
        # PDFium left out or added characters: build the text character by character (slow,
        # never seen in the corpus) so that indices stay aligned.
        return "".join(_safe_chr(self.api.unicode(tp, i)) for i in range(count))

    def words(self, tp: _Pointer, page_top: float) -> list[Word]:
        raw_text = self.text(tp)
        if not raw_text:
            return []
        # The clean stage joins "multi-" + "agency"; here U+FFFE is just the hyphen it stands for.
        text = raw_text.replace("\ufffe", "-")
        words: list[Word] = []
        append = words.append
        measure_words, split_words = self.measure_words, self.split_words
        run_check, measure_line = self._run, self._measure_line
        # Each line with its spaces (they may have boxes) and its text without them.
        for start, end, first, stop, stripped in _line_spans(raw_text):
            last = stop - 1
            if measure_words:
                measure_line(tp, text, first, last, page_top, words)
                continue
            parts = stripped.split()
            last_word = stop - len(parts[-1])
            # A paragraph number or bullet most often stands apart from its text (hanging
            # indent, symbol font), which fails the whole-line check (3 in 4 of them in the
            # corpus): such a line goes straight to the check of the rest as one run.
            led = len(parts) > 1 and is_list_marker(parts[0])
            run = None if led else run_check(tp, start, end, first, last, last_word)
            if run is not None:
                if split_words:
                    self._add_run(text, first, last, parts, run, page_top, words)
                else:
                    x0, x1, low, size, font = run
                    bottom = page_top - low
                    append(
                        Word(" ".join(parts), x0, x1, bottom - size, bottom, size, font, len(parts))
                    )
                continue
            if len(parts) > 1:
                # Measure the first word (most often a marker), try the rest as one run.
                second = first + len(parts[0])
                second += len(text[second:end]) - len(text[second:end].lstrip())
                run = run_check(tp, second, end, second, last, last_word)
                if run is not None:
                    self._measure_word(tp, parts[0], first, page_top, words)
                    self._add_run(text, second, last, parts[1:], run, page_top, words)
                    continue
            measure_line(tp, text, first, last, page_top, words)
        return words

    def _add_run(
        self,
        text: str,
        first: int,
        last: int,
        parts: list[str],
        run: tuple[float, float, float, float, str | None],
        page_top: float,
        words: list[Word],
    ) -> None:
        """One `Word` for the run text[first:last + 1] (with `split_words`, one per word)."""
        x0, x1, low, size, font = run
        bottom = page_top - low
        if not self.split_words:
            words.append(
                Word(" ".join(parts), x0, x1, bottom - size, bottom, size, font, len(parts))
            )
            return
        scale = (x1 - x0) / (last + 1 - first)
        for m in _WORD.finditer(text, first, last + 1):
            a, b = m.span()
            words.append(
                Word(
                    m.group(),
                    x0 + (a - first) * scale,
                    x0 + (b - first) * scale,
                    bottom - size,
                    bottom,
                    size,
                    font,
                )
            )

    def _run(
        self, tp: _Pointer, start: int, end: int, first: int, last: int, last_word: int
    ) -> tuple[float, float, float, float, str | None] | None:
        """(x0, x1, loose bottom, size, font) of a line that is one run of text, else None.

        The cheap geometric checks come first, the font names last; a line drawn by a single
        text object has a single font, so only lines of several objects compare two fonts.
        This is the hot path (once per line, ~9 calls into PDFium): the helpers it needs
        (`_effective_size`, `_font_name`, `_same_font`) are written out inline.
        """
        api, box_ref = self.api, self.box_ref
        raw_size = api.font_size(tp, first)
        if raw_size <= 0 or not api.loose_box(tp, first, box_ref):
            return None
        x0, high, x1, low = _read_box(self.box)
        if last != first:
            if not api.loose_box(tp, last, box_ref):
                return None
            x1 = _read_box(self.box)[2]
        effective = raw_size
        if api.matrix(tp, first, self.mat_ref):
            scale = _hypot(*_read_scale(self.mat))
            if scale > 0:
                effective = raw_size * scale
        size = self.sizes.get(effective)
        if size is None:
            size = self.sizes[effective] = round(effective, 3)
        if not x0 <= x1 <= x0 + _RUN_MAX_EMS_PER_CHAR * size * (last + 1 - first):
            return None
        n_rects = api.count_rects(tp, start, end - start)
        if n_rects <= 0:
            return None
        if n_rects > 1:
            # One text object is one string on one baseline: only between objects can a gap
            # or a second row hide.
            get_rect, rect = api.get_rect, self.rect
            l_ref, t_ref, r_ref, b_ref = self.rect_refs
            gap_limit = _RUN_GAP_EMS * size
            back_limit = -_RUN_BACKWARD_EMS * size
            get_rect(tp, 0, l_ref, t_ref, r_ref, b_ref)
            _, top, prev_right, bottom = _read_rect(rect)
            if bottom >= high or top <= low:
                return None
            for j in range(1, n_rects):
                get_rect(tp, j, l_ref, t_ref, r_ref, b_ref)
                left, top, right, bottom = _read_rect(rect)
                # A text object off the line's band is on another row (PDFium joined two rows).
                if bottom >= high or top <= low:
                    return None
                gap = left - prev_right
                if gap > gap_limit or gap < back_limit:
                    return None
                prev_right = right
        name_buf, font_info = self.name_buf, api.font_info
        raw_name = name_buf.value if font_info(tp, first, name_buf, 256, None) > 0 else b""
        font = self.font_names.get(raw_name, _UNSEEN)
        if font is _UNSEEN:
            font = self._font_name(tp, first)
        if n_rects > 1 and last_word != first:
            # The same size and font at the last word, compared as PDFium's bytes first.
            if abs(api.font_size(tp, last_word) - raw_size) > _SIZE_TOLERANCE * raw_size:
                return None
            n = font_info(tp, last_word, name_buf, 256, None)
            if (name_buf.value if n > 0 else b"") != raw_name:
                other = self._font_name(tp, last_word)
                if other != font and _base_font(other) != _base_font(font):
                    return None
        return x0, x1, low, size, font

    def _measure_line(
        self,
        tp: _Pointer,
        text: str,
        first: int,
        last: int,
        page_top: float,
        words: list[Word],
    ) -> None:
        """Measure the ends of every word of a line; cut it into runs at gaps and steps."""
        loose_box, box, ref = self.api.loose_box, self.box, self.box_ref
        spans = [m.span() for m in _WORD.finditer(text, first, last + 1)]
        if len(spans) == 1:
            a, b = spans[0]
            self._measure_word(tp, text[a:b], a, page_top, words)
            return
        lefts: list[float] = []
        rights: list[float] = []
        lows: list[float] = []
        for a, b in spans:
            loose_box(tp, a, ref)
            left, _, _, low = _read_box(box)
            lefts.append(left)
            loose_box(tp, b - 1, ref)
            _, _, right, bottom = _read_box(box)
            rights.append(right)
            lows.append(min(low, bottom))  # a superscript last character sits higher
        size, raw_size, font = self._font(tp, first)
        n = len(spans)
        # Fonts are looked up once per run, unless the line's last word differs from its first;
        # then once per text object (all characters of an object share its font).
        mixed = n > 1 and not self._same_font(tp, spans[-1][0], raw_size, font)
        text_object = self.api.text_object
        obj = text_object(tp, first) if mixed else None
        lo_ems, hi_ems = _MERGE_GAP_EMS
        seg = 0
        next_size, next_font = size, font
        for i in range(1, n + 1):
            if i < n:
                if mixed:
                    next_obj = text_object(tp, spans[i][0])
                    if next_obj != obj or next_obj is None:
                        next_size, _, next_font = self._font(tp, spans[i][0])
                        obj = next_obj
                gap = lefts[i] - rights[i - 1]
                # A plain word space on one baseline in one font: the run goes on.
                if (
                    next_font == font
                    and next_size == size
                    and lo_ems * size < gap < hi_ems * size
                    and abs(lows[i] - lows[i - 1]) < _BASELINE_TOLERANCE * size
                ):
                    continue
            bottom = page_top - min(lows[seg:i])
            height = size or 10.0
            if i - seg == 1 or self.split_words:
                for j in range(seg, i):
                    a, b = spans[j]
                    words.append(
                        Word(text[a:b], lefts[j], rights[j], bottom - height, bottom, height, font)
                    )
            else:
                words.append(
                    Word(
                        " ".join([text[a:b] for a, b in spans[seg:i]]),
                        lefts[seg],
                        rights[i - 1],
                        bottom - height,
                        bottom,
                        height,
                        font,
                        i - seg,
                    )
                )
            seg = i
            if i < n:
                if mixed:
                    size, font = next_size, next_font
                else:
                    size, _, font = self._font(tp, spans[i][0])

    def _measure_word(
        self, tp: _Pointer, word: str, first: int, page_top: float, words: list[Word]
    ) -> None:
        """One word alone (most often a paragraph number or bullet), starting at `first`."""
        loose_box, box, ref = self.api.loose_box, self.box, self.box_ref
        loose_box(tp, first, ref)
        left, _, _, low = _read_box(box)
        loose_box(tp, first + len(word) - 1, ref)
        _, _, right, last_low = _read_box(box)
        bottom = page_top - min(low, last_low)  # a superscript last character sits higher
        size, _, font = self._font(tp, first)
        height = size or 10.0
        words.append(Word(word, left, right, bottom - height, bottom, height, font))

    def _same_font(self, tp: _Pointer, index: int, raw_size: float, font: str | None) -> bool:
        """Whether character `index` has this (text space) size and font."""
        if abs(self.api.font_size(tp, index) - raw_size) > _SIZE_TOLERANCE * raw_size:
            return False
        other = self._font_name(tp, index)
        return other == font or _base_font(other) == _base_font(font)

    def _font(self, tp: _Pointer, index: int) -> tuple[float, float, str | None]:
        """(effective size, text space size, font name) of character `index`."""
        raw_size = self.api.font_size(tp, index)
        return (
            self._effective_size(tp, index, raw_size),
            raw_size,
            self._font_name(tp, index),
        )

    def _effective_size(self, tp: _Pointer, index: int, raw_size: float) -> float:
        """pdfplumber's size: the font size scaled by the character's matrix (some writers set
        a 1 pt font and scale it up with the text matrix)."""
        if self.api.matrix(tp, index, self.mat_ref):
            scale = _hypot(*_read_scale(self.mat))
            if scale > 0:
                return round(raw_size * scale, 3)
        return round(raw_size, 3)

    def _font_name(self, tp: _Pointer, index: int) -> str | None:
        n = self.api.font_info(tp, index, self.name_buf, len(self.name_buf), None)
        raw_name = self.name_buf.value if n > 0 else b""
        try:
            return self.font_names[raw_name]
        except KeyError:
            name = raw_name.decode("utf-8", errors="replace") or None
            self.font_names[raw_name] = name
            return name


def _base_font(name: str | None) -> str | None:
    """The font name without a subset tag: PDFium names one font "ABCDEE+Tahoma" or "Tahoma"."""
    if name and len(name) > 7 and name[6] == "+":
        return name[7:]
    return name


def _safe_chr(code: int) -> str:
    try:
        return chr(code) if code else " "
    except ValueError:
        return "\ufffd"
