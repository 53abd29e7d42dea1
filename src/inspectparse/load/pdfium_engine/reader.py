"""One page through PDFium: its text, cut into lines, checked as runs or measured word by word,
-> `Word`s for `layout.build_lines` (the steps are in the package's doc)."""

from __future__ import annotations

import ctypes
import math
import re
from typing import Any

from ...document import Page
from ...errors import MalformedPdfError
from ..layout import COLUMN_GAP_EMS, Word, build_lines, is_list_marker
from .bindings import (
    Api,
    FsMatrix,
    FsRectF,
    Pointer,
    decode_utf16,
    pointer_argument,
    read_box,
    read_rect,
    read_scale,
    read_two_boxes,
)
from .spans import line_spans

_WORD = re.compile(r"\S+")
_UNSEEN: Any = object()  # Any: a sentinel for font names (str | None)
_hypot = math.hypot

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
# A word's first character set in a font under this share of its last one's size is a mark of
# its own (a footnote marker before the word), not part of the word.
_SMALL_LEAD_RATIO = 0.6


def _unreadable_page(index: int, what: str) -> MalformedPdfError:
    return MalformedPdfError(
        f"PDFium cannot read the {what} of page {index + 1}; the file may be damaged: "
        "try --engine pdfplumber"
    )


class PageReader:
    """Reads pages one at a time, reusing the ctypes out-parameters between calls."""

    def __init__(self, api: Api, *, split_words: bool, measure_words: bool) -> None:
        self.api = api
        self.split_words = split_words
        self.measure_words = measure_words
        self.rect = (ctypes.c_double * 4)()  # left, top, right, bottom
        size = ctypes.sizeof(ctypes.c_double)
        self.rect_refs = tuple(ctypes.byref(self.rect, i * size) for i in range(4))
        # Two loose boxes side by side (a line's first and last characters), read in one go.
        self.boxes = (FsRectF * 2)()
        self.box = self.boxes[0]
        self.box_ref = ctypes.byref(self.boxes)
        self.last_box_ref = ctypes.byref(self.boxes, ctypes.sizeof(FsRectF))
        self.mat = FsMatrix()
        self.mat_ref = ctypes.byref(self.mat)
        self.name_buf = ctypes.create_string_buffer(256)
        self.font_names: dict[bytes, str | None] = {}
        self.sizes: dict[float, float] = {}  # effective font size -> rounded (round is slow)
        self.media = (ctypes.c_float * 4)()  # left, bottom, right, top, read in one go
        size = ctypes.sizeof(ctypes.c_float)
        self.media_refs = tuple(ctypes.byref(self.media, i * size) for i in range(4))
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
                words = self.words(pointer_argument(textpage), top)
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
        if not self.api.mediabox(page, *self.media_refs):
            return 0.0, 0.0, 612.0, 792.0
        left, bottom, right, top = read_box(self.media)
        return left, bottom, right, top

    def text(self, tp: Pointer) -> str:
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
        text = decode_utf16(units, "replace")[0]
        if len(text) == count:
            return text
        # PDFium left out or added characters: build the text character by character (slow,
        # never seen in the corpus) so that indices stay aligned.
        return "".join(_safe_chr(self.api.unicode(tp, i)) for i in range(count))

    def words(self, tp: Pointer, page_top: float) -> list[Word]:
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
        for start, end, first, stop, stripped in line_spans(raw_text):
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
                rest = text[second:end]
                second += len(rest) - len(rest.lstrip())
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
        self, tp: Pointer, start: int, end: int, first: int, last: int, last_word: int
    ) -> tuple[float, float, float, float, str | None] | None:
        """(x0, x1, loose bottom, size, font) of a line that is one run of text, else None.

        The cheap geometric checks come first, the font names last; a line drawn by a single
        text object has a single font, so only lines of several objects compare two fonts.
        This is the hot path (once per line, ~9 calls into PDFium): the helpers it needs
        (`_effective_size`, `_font_name`, `_same_font`) are written out inline.
        """
        api = self.api
        raw_size = api.font_size(tp, first)
        if raw_size <= 0 or not api.loose_box(tp, first, self.box_ref):
            return None
        if last != first:
            if not api.loose_box(tp, last, self.last_box_ref):
                return None
            x0, high, _, low, _, _, x1, _ = read_two_boxes(self.boxes)
        else:
            x0, high, x1, low = read_box(self.boxes)
        effective = raw_size
        if api.matrix(tp, first, self.mat_ref):
            scale = _hypot(*read_scale(self.mat))
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
            _, top, prev_right, bottom = read_rect(rect)
            if bottom >= high or top <= low:
                return None
            for j in range(1, n_rects):
                get_rect(tp, j, l_ref, t_ref, r_ref, b_ref)
                left, top, right, bottom = read_rect(rect)
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
        tp: Pointer,
        text: str,
        first: int,
        last: int,
        page_top: float,
        words: list[Word],
    ) -> None:
        """Measure the ends of every word of a line; cut it into runs at gaps and steps."""
        spans = [m.span() for m in _WORD.finditer(text, first, last + 1)]
        if len(spans) == 1:
            a, b = spans[0]
            self._measure_word(tp, text[a:b], a, page_top, words)
            return
        lefts: list[float] = []
        rights: list[float] = []
        lows: list[float] = []
        measured: list[tuple[int, int]] = []
        for span in spans:
            for a, b, left, right, low in self._word_boxes(tp, *span):
                measured.append((a, b))
                lefts.append(left)
                rights.append(right)
                lows.append(low)
        spans = measured
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
        self, tp: Pointer, word: str, first: int, page_top: float, words: list[Word]
    ) -> None:
        """One word alone (most often a paragraph number or bullet), starting at `first`."""
        for a, b, left, right, low in self._word_boxes(tp, first, first + len(word)):
            bottom = page_top - low
            size, _, font = self._font(tp, a)
            height = size or 10.0
            words.append(
                Word(
                    word[a - first : b - first], left, right, bottom - height, bottom, height, font
                )
            )

    def _word_boxes(
        self, tp: Pointer, a: int, b: int
    ) -> list[tuple[int, int, float, float, float]]:
        """(start, end, left, right, loose bottom) of the word at characters [a, b): from the
        loose boxes of its first and last characters (a superscript last character sits
        higher: the lower bottom is the word's). Characters at its start set far smaller than
        its end (a footnote marker drawn before the word: "1Information") are a word of their
        own, as pdfplumber cuts words where the size changes; a loose box is as high as its
        font's size, so the two boxes tell, and only such a word is read character by
        character."""
        loose_box, box, ref = self.api.loose_box, self.box, self.box_ref
        loose_box(tp, a, ref)
        left, high, lead_right, low = read_box(box)
        loose_box(tp, b - 1, ref)
        _, last_high, right, last_low = read_box(box)
        full = last_high - last_low
        if b - a < 2 or high - low >= _SMALL_LEAD_RATIO * full:
            return [(a, b, left, right, min(low, last_low))]
        lead_low = low
        for cut in range(a + 1, b):
            loose_box(tp, cut, ref)
            cut_left, high, cut_right, cut_low = read_box(box)
            if high - cut_low >= _SMALL_LEAD_RATIO * full or cut == b - 1:
                break
            lead_right, lead_low = cut_right, min(lead_low, cut_low)
        return [
            (a, cut, left, lead_right, lead_low),
            (cut, b, cut_left, right, min(cut_low, last_low)),
        ]

    def _same_font(self, tp: Pointer, index: int, raw_size: float, font: str | None) -> bool:
        """Whether character `index` has this (text space) size and font."""
        if abs(self.api.font_size(tp, index) - raw_size) > _SIZE_TOLERANCE * raw_size:
            return False
        other = self._font_name(tp, index)
        return other == font or _base_font(other) == _base_font(font)

    def _font(self, tp: Pointer, index: int) -> tuple[float, float, str | None]:
        """(effective size, text space size, font name) of character `index`."""
        raw_size = self.api.font_size(tp, index)
        return (
            self._effective_size(tp, index, raw_size),
            raw_size,
            self._font_name(tp, index),
        )

    def _effective_size(self, tp: Pointer, index: int, raw_size: float) -> float:
        """pdfplumber's size: the font size scaled by the character's matrix (some writers set
        a 1 pt font and scale it up with the text matrix)."""
        effective = raw_size
        if self.api.matrix(tp, index, self.mat_ref):
            scale = _hypot(*read_scale(self.mat))
            if scale > 0:
                effective = raw_size * scale
        size = self.sizes.get(effective)
        if size is None:
            size = self.sizes[effective] = round(effective, 3)
        return size

    def _font_name(self, tp: Pointer, index: int) -> str | None:
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
