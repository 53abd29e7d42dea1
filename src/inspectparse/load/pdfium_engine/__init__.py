"""PDF through pypdfium2: runs of text with boxes and font facts -> words -> lines (`layout`).

The package, by concern: `bindings.py` (PDFium's functions bound for speed), `spans.py`
(the page text cut into lines), `reader.py` (a page -> runs and words -> lines), and here the
loader (a document, its errors and notes).

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

import ctypes
import os
import threading

from ...document import Document, Note, Page
from ...errors import EncryptedPdfError, MalformedPdfError, NoTextLayerError
from ..pdfplumber_engine import check_text_layer  # imports pdfplumber only inside its loader
from .bindings import api
from .reader import PageReader

__all__ = ["PDFIUM_LOCK", "load_pdf_pdfium"]

# PDFium is not thread-safe: no two threads may be inside it at once, even on different
# documents (two threads extracting at once crashed the process). Every call into it, from
# opening a document to closing it, holds this lock; the rest of the pipeline runs in
# parallel. The page loaders release the GIL, so other threads' Python goes on meanwhile.
PDFIUM_LOCK = threading.Lock()
if hasattr(os, "register_at_fork"):
    # A fork (a capped `extract`'s child, a batch worker) waits until no thread is inside
    # PDFium, so the child never inherits PDFium mid-call or this lock held by a thread it
    # does not have (it would wait for it forever).
    os.register_at_fork(
        before=PDFIUM_LOCK.acquire,
        after_in_parent=PDFIUM_LOCK.release,
        after_in_child=PDFIUM_LOCK.release,
    )


# An encrypted PDF names its security handler in its trailer (or xref stream) dictionary,
# which is never itself encrypted or compressed. PDFium's error code is process-wide and some
# failures leave it unset (a PDF with no pages): a password error left by an earlier document
# must not make a later, unencrypted one "encrypted".
_ENCRYPT_KEY = b"/Encrypt"


def load_pdf_pdfium(
    data: bytes, *, split_words: bool = False, measure_words: bool = False
) -> Document:
    """Load a PDF with PDFium into the engine-independent `Document`.

    `split_words=True` hands `build_lines` one `Word` per whitespace-separated token, like
    pdfplumber, instead of one per run of words; the lines are the same. `measure_words=True`
    measures every word instead of trusting runs that look unbroken (see the module doc).
    """
    with PDFIUM_LOCK:
        pages = _read_pages(data, split_words=split_words, measure_words=measure_words)
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


def _read_pages(data: bytes, *, split_words: bool, measure_words: bool) -> list[Page]:
    """Every page of the PDF, read and closed (the caller holds `PDFIUM_LOCK`)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if _is_password_error(exc) and _ENCRYPT_KEY in data:
            raise _encrypted() from exc
        raise MalformedPdfError(
            f"the PDF cannot be parsed ({exc}); the file may be truncated or damaged: "
            "download it again"
        ) from exc
    pages: list[Page] = []
    try:
        reader = PageReader(api(), split_words=split_words, measure_words=measure_words)
        handle = ctypes.c_void_p(ctypes.cast(pdf.raw, ctypes.c_void_p).value)
        for index in range(len(pdf)):
            pages.append(reader.read(handle, index))
    finally:
        pdf.close()
    return pages


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


def _has_eof_marker(data: bytes) -> bool:
    # Writers may append a little junk after %%EOF; a download cut short has none at all.
    return b"%%EOF" in data[-4096:]
