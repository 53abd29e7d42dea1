"""What kind of input some bytes are: a PDF, text, or something to refuse with a helpful message.

Decided by content, never by file name. A PDF is a file that *opens* with `%PDF-` (after
optional whitespace or a byte-order mark): a text report that merely quotes the marker is
text, in UTF-8 or UTF-16 (with or without a byte-order mark). An input without a single
word is `empty_input`, whatever its size.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

from ..errors import EmptyInputError, UnsupportedInputError

__all__ = ["empty_input_error", "has_words", "looks_like_text", "sniff_format", "utf16_codec"]

_HTML_PREFIXES = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")
_LEADING = b"\xef\xbb\xbf \t\r\n\f\x00"
# A word: two letters in a row (any script). Digits and punctuation alone are not a report.
_WORD = re.compile(r"[^\W\d_]{2}")


def has_words(text: str) -> bool:
    return _WORD.search(text) is not None


def utf16_codec(head: bytes) -> str | None:
    """The UTF-16 codec a text is in ("utf-16" with a byte-order mark, else the byte order
    its NULs show), or None. Windows tools write UTF-16 (PowerShell 5's `>` redirection)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    # No byte-order mark: ASCII text in UTF-16 has a NUL in every other byte, and letters,
    # spaces and punctuation in the others.
    sample = head[:512]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        printable = sum(1 for b in chars if 32 <= b < 127 or b in (9, 10, 13))
        if zeros.count(0) > 0.8 * len(zeros) and printable > 0.8 * len(chars):
            return codec
    return None


def empty_input_error() -> EmptyInputError:
    return EmptyInputError(
        "the input has no words (empty or blank); check the file was downloaded completely"
    )


# Files people save by mistake, by their opening bytes: what each is and what to do instead.
# A ZIP is told apart by its members (an Office document is a ZIP of XML parts).
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old-style Office document (Word .doc or Excel .xls)",
        "save it as PDF (File > Save As > PDF) or as plain text",
    ),
    (b"{\\rtf", "a Rich Text (RTF) document", "save it as PDF or as plain text"),
    (
        b"\x89PNG",
        "a PNG image",
        "inspectparse reads a report's text, not pictures of it; "
        "download the report's PDF from Ofsted",
    ),
    (
        b"\xff\xd8\xff",
        "a JPEG image",
        "inspectparse reads a report's text, not pictures of "
        "it; download the report's PDF from Ofsted",
    ),
    (b"GIF8", "a GIF image", "download the report's PDF from Ofsted"),
    (b"II*\x00", "a TIFF image (a scan?)", "download the report's PDF from Ofsted"),
    (b"MM\x00*", "a TIFF image (a scan?)", "download the report's PDF from Ofsted"),
    (
        b"\x1f\x8b",
        "a gzip-compressed file",
        "unpack it first, or give the archive to inspectparse batch",
    ),
)
_ZIP_MEMBERS: tuple[tuple[str, str, str], ...] = (
    ("word/", "a Word document (.docx)", "save it as PDF (File > Save As > PDF) or as plain text"),
    (
        "xl/",
        "an Excel workbook (.xlsx)",
        "inspectparse reads inspection reports, not spreadsheets; give it the report's PDF",
    ),
    ("ppt/", "a PowerPoint presentation (.pptx)", "save it as PDF"),
    ("content.xml", "an OpenDocument file", "save it as PDF or as plain text"),
)


def _what_binary(data: bytes) -> tuple[str, str] | None:
    """What a known non-report file is, and what to do instead; None when not recognised."""
    for magic, what, todo in _SIGNATURES:
        if data.startswith(magic):
            return what, todo
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, ValueError, OSError):
            names = []
        for prefix, what, todo in _ZIP_MEMBERS:
            if any(n.startswith(prefix) for n in names):
                return what, todo
        return (
            "a ZIP archive",
            "inspectparse batch reads archives (inspectparse batch FILE.zip -o out.jsonl)",
        )
    return None


_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b|\bendobj\b|\bxref\b|\bstartxref\b")


def looks_like_text(data: bytes) -> bool:
    """Whether the bytes decode as UTF-8 text with words in it, and hold no NUL bytes and no
    PDF object syntax (a PDF cut short is a damaged PDF, not a text)."""
    if b"\x00" in data or _PDF_OBJECT.search(data[:65536]):
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return has_words(text)


def sniff_format(data: bytes) -> Literal["pdf", "text"]:
    """Decide by content: PDF magic bytes opening the file, else text; reject HTML/binary."""
    stripped = data.lstrip(_LEADING)
    if not stripped:
        raise empty_input_error()
    if stripped.startswith(b"%PDF-"):
        return "pdf"
    known = _what_binary(data)
    if known is not None:
        what, todo = known
        raise UnsupportedInputError(f"this is {what}, not a report's PDF or text; {todo}")
    # Junk before the header (the PDF spec tolerates it within the first kilobyte) still makes
    # a PDF, unless the whole input reads as text: a text report may quote the marker.
    if b"%PDF-" in data[:1024] and not looks_like_text(data):
        return "pdf"
    if utf16_codec(data[:4096]):
        return "text"  # `load.text.decode` reads it
    head = stripped[:512].lower()
    if head.startswith(_HTML_PREFIXES):
        raise UnsupportedInputError(
            "this is an HTML page, not a report (often a saved 'Report not found' page); "
            "download the PDF again"
        )
    if b"\x00" in data[:4096]:
        raise UnsupportedInputError(
            "this is neither a PDF nor a text file (binary data without a %PDF header); "
            "check the file is an inspection report"
        )
    return "text"
