"""Load stage: bytes of a PDF or text file -> engine-independent `Document`.

The PDF engines are imported lazily, so text input and `--help` never pay for pdfminer or pdfium.
"""

from __future__ import annotations

from typing import Literal

from ..document import Document, Note
from ..errors import EmptyInputError, UnsupportedInputError

Engine = Literal["auto", "pdfium", "pdfplumber"]
ENGINES: tuple[str, ...] = ("auto", "pdfium", "pdfplumber")

_HTML_PREFIXES = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")


def sniff_format(data: bytes) -> Literal["pdf", "text"]:
    """Decide by content, never by file name: PDF magic bytes, else text; reject HTML/binary."""
    if not data or not data.strip():
        raise EmptyInputError("the input is empty; check the file was downloaded completely")
    # The PDF header may follow a little junk (the spec allows it within the first 1024 bytes).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_PREFIXES):
        raise UnsupportedInputError(
            "this is an HTML page, not a report (often a saved 'Report not found' page); "
            "download the PDF again"
        )
    # UTF-16 text (with its byte-order mark) has NUL bytes but is text.
    if b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise UnsupportedInputError(
            "this is neither a PDF nor a text file (binary data without a %PDF header); "
            "check the file is an inspection report"
        )
    return "text"


def load(
    data: bytes, *, engine: Engine = "auto", fmt: Literal["pdf", "text"] | None = None
) -> Document:
    """Turn input bytes into a `Document` with the chosen PDF engine (text needs none)."""
    fmt = fmt or sniff_format(data)
    if fmt == "text":
        from .text import load_text

        return load_text(data)
    if engine == "pdfplumber":
        from .pdfplumber_engine import load_pdf_pdfplumber

        return load_pdf_pdfplumber(data)
    return _load_pdf_auto(data, engine)


def _load_pdf_auto(data: bytes, engine: Engine) -> Document:
    try:
        from .pdfium_engine import load_pdf_pdfium
    except ImportError:  # pdfium engine unavailable: pdfplumber is always installed
        from .pdfplumber_engine import load_pdf_pdfplumber

        if engine == "pdfium":
            raise
        return load_pdf_pdfplumber(data)
    if engine == "pdfium":
        return load_pdf_pdfium(data)
    from ..errors import EncryptedPdfError, NoTextLayerError

    try:
        return load_pdf_pdfium(data)
    except (EncryptedPdfError, NoTextLayerError):
        raise  # the other engine cannot do better on these
    except Exception as exc:  # noqa: BLE001 - any pdfium failure falls back, with a note
        from .pdfplumber_engine import load_pdf_pdfplumber

        doc = load_pdf_pdfplumber(data)
        doc.notes.append(
            Note("engine_fallback", f"pdfium failed ({type(exc).__name__}: {exc}); used pdfplumber")
        )
        return doc
