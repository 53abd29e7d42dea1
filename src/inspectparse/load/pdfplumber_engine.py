"""PDF through pdfplumber: words with font facts -> lines (see `layout`)."""

from __future__ import annotations

import contextlib
import io
import logging
from typing import Any

from ..document import Document, Page
from ..errors import EmptyInputError, EncryptedPdfError, MalformedPdfError, NoTextLayerError
from .layout import Word, build_lines

# pdfminer logs parse noise at WARNING; keep it off the user's terminal, unless the program
# using this library has set pdfminer's level itself (a library does not override that).
_PDFMINER_LOG = logging.getLogger("pdfminer")
if _PDFMINER_LOG.level == logging.NOTSET:
    _PDFMINER_LOG.setLevel(logging.ERROR)


def load_pdf_pdfplumber(data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise _encrypted() from exc
        raise MalformedPdfError(
            f"the PDF cannot be parsed ({type(cause).__name__}); the file may be truncated "
            "or damaged: download it again, or try --engine pdfium"
        ) from exc
    pages: list[Page] = []
    try:
        for page in pdf.pages:
            try:
                words = _unprinted_twice(page).extract_words(extra_attrs=["fontname", "size"])
                pages.append(
                    Page(
                        number=page.page_number,
                        width=float(page.width),
                        height=float(page.height),
                        lines=build_lines(
                            [
                                Word(
                                    w["text"],
                                    w["x0"],
                                    w["x1"],
                                    w["top"],
                                    w["bottom"],
                                    float(w["size"]),
                                    w["fontname"],
                                )
                                for w in words
                            ],
                            page.page_number,
                        ),
                    )
                )
            finally:
                # pdf.close() alone leaks the parsed pages (pdfplumber PR #1390). A close that
                # fails must not hide the error that got us here (nor a page already read).
                with contextlib.suppress(Exception):
                    page.close()
    except PdfminerException as exc:
        raise MalformedPdfError(
            f"the PDF cannot be parsed ({exc}); the file may be damaged: try --engine pdfium"
        ) from exc
    finally:
        with contextlib.suppress(Exception):
            pdf.close()
    doc = Document(pages=pages, format="pdf", engine="pdfplumber")
    check_text_layer(doc)
    return doc


# Characters printed twice within this many points (text overprinted to look bold) are one.
OVERPRINT_TOLERANCE = 1.0


def _unprinted_twice(page: Any) -> Any:
    """The page without characters printed again on themselves. Some PDFs fake bold type by
    printing a line twice, a fraction of a point apart; pdfminer reads every copy
    ("IInnssppeeccttiioonn"), where PDFium keeps one. pdfplumber's own `dedupe_chars` does the
    same but costs time quadratic in a page's characters; this is one pass over a dict of
    positions rounded to the point, checking the neighbouring points."""
    chars = page.chars
    # Most pages have no copy: one pass over positions on a grid twice the tolerance finds
    # that out cheaply (a copy shares a cell with its original more often than not, and a
    # line printed twice has many).
    cells = {(c["text"], int(c["x0"] // 2), int(c["top"] // 2)) for c in chars}
    if len(cells) == len(chars):
        return page
    seen: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    twice: set[int] = set()
    for char in chars:
        text, x, y = char["text"], char["x0"], char["top"]
        key = (text, round(x), round(y))
        if not text.isspace() and any(
            abs(other["x0"] - x) <= OVERPRINT_TOLERANCE
            and abs(other["top"] - y) <= OVERPRINT_TOLERANCE
            and other["fontname"] == char["fontname"]
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in seen.get((text, key[1] + dx, key[2] + dy), ())
        ):
            twice.add(id(char))
            continue
        seen.setdefault(key, []).append(char)
    if not twice:
        return page
    return page.filter(lambda obj: id(obj) not in twice)


def _encrypted() -> EncryptedPdfError:
    return EncryptedPdfError(
        "the PDF is encrypted (password-protected); decrypt it first, e.g. "
        "qpdf --decrypt in.pdf out.pdf"
    )


def check_text_layer(doc: Document) -> None:
    """A PDF whose pages carry (almost) no text is a scan: say so instead of returning nothing."""
    if not doc.pages:
        raise EmptyInputError("the PDF has no pages; check the file was downloaded completely")
    # Counting stops at 200 characters, which always pass: no need to visit every line.
    chars = 0
    for page in doc.pages:
        for line in page.lines:
            chars += len(line.text)
        if chars >= 200:
            return
    if not doc.pages or chars < 20 * max(1, len(doc.pages)):
        raise NoTextLayerError(
            f"the PDF has no text layer ({chars} characters on {len(doc.pages)} pages); it is "
            "probably scanned: run OCR first, e.g. ocrmypdf in.pdf out.pdf"
        )
