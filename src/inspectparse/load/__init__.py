"""Load stage: bytes of a PDF or text file -> engine-independent `Document`.

The PDF engines are imported lazily, so text input and `--help` never pay for pdfminer or pdfium.
Every failure of an engine becomes a typed error (`MalformedPdfError` unless the engine said
more); under `auto` the first engine's reason is kept when the fallback fails too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from ..document import Document, Note, PdfEngine
from ..errors import (
    EncryptedPdfError,
    InspectparseError,
    MalformedPdfError,
    NoTextLayerError,
)
from .sniff import empty_input_error as _empty
from .sniff import has_words, looks_like_text, sniff_format

__all__ = ["ENGINES", "PDF_ENGINES", "Engine", "load", "sniff_format"]

# A caller's choice of engine: "auto" is pdfium, falling back to pdfplumber.
Engine = Literal["auto", PdfEngine]
ENGINES: tuple[Engine, ...] = get_args(Engine)
PDF_ENGINES: tuple[PdfEngine, ...] = get_args(PdfEngine)


def load(
    data: bytes, *, engine: Engine = "auto", fmt: Literal["pdf", "text"] | None = None
) -> Document:
    """Turn input bytes into a `Document` with the chosen PDF engine (text needs none)."""
    sniffed = fmt is None
    fmt = fmt or sniff_format(data)
    if fmt == "text":
        return _load_text(data)
    try:
        return _load_pdf(data, engine)
    except MalformedPdfError:
        # A text report that happens to open with the marker: read what it is.
        if sniffed and looks_like_text(data):
            return _load_text(data)
        raise


def _load_text(data: bytes) -> Document:
    from .text import load_text

    doc = load_text(data)
    if not any(has_words(line.text) for line in doc.iter_lines(None)):
        raise _empty()
    return doc


def _typed(engine: str, loader: Callable[[bytes], Document], data: bytes) -> Document:
    """Run one engine; anything it raises that is not already typed becomes `malformed_pdf`."""
    try:
        return loader(data)
    except MemoryError:
        raise
    except Exception as exc:
        # An allocation that failed deep in an engine (zlib's "Unable to allocate", wrapped
        # by pdfminer) is a memory overrun, a `too_large` for the caller, not a damaged file.
        if _out_of_memory(exc):
            raise MemoryError(str(exc)) from exc
        if isinstance(exc, InspectparseError):
            raise
        raise _untyped(engine, exc) from exc


def _out_of_memory(exc: BaseException) -> bool:
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, MemoryError) or "unable to allocate" in str(item).lower():
            return True
        todo.extend([item.__cause__, item.__context__, *item.args[:1]])
    return False


def _untyped(engine: str, exc: Exception) -> MalformedPdfError:
    """The typed error for an engine's untyped exception (a damaged PDF can raise anything)."""
    if isinstance(exc, RecursionError):
        return MalformedPdfError(
            f"the PDF is nested too deeply for {engine} to read (RecursionError); the file may "
            "be damaged or hostile: download it again"
        )
    return MalformedPdfError(
        f"the PDF cannot be parsed by {engine} ({type(exc).__name__}: {exc}); the file may "
        "be truncated or damaged: download it again"
    )


def _pdfplumber(data: bytes) -> Document:
    from .pdfplumber_engine import load_pdf_pdfplumber

    return _typed("pdfplumber", load_pdf_pdfplumber, data)


def _load_pdf(data: bytes, engine: Engine) -> Document:
    if engine == "pdfplumber":
        return _pdfplumber(data)
    try:
        from .pdfium_engine import load_pdf_pdfium
    except ImportError:  # pdfium engine unavailable: pdfplumber is always installed
        if engine == "pdfium":
            raise
        return _pdfplumber(data)
    if engine == "pdfium":
        return _typed("pdfium", load_pdf_pdfium, data)
    try:
        return _typed("pdfium", load_pdf_pdfium, data)
    except (EncryptedPdfError, NoTextLayerError):
        raise  # the other engine cannot do better on these
    except MalformedPdfError as first:
        try:
            doc = _pdfplumber(data)
        except (EncryptedPdfError, NoTextLayerError):
            raise
        except MalformedPdfError as second:
            # Both failed: the first engine's reason is the one to show, without a hint to
            # try the engine that has just failed.
            raise MalformedPdfError(
                f"{_reason(first)} (pdfplumber could not read it either); download it again"
            ) from second
        cause = first.__cause__ or first
        doc.notes.append(
            Note(
                "engine_fallback",
                f"pdfium failed ({type(cause).__name__}: {cause}); used pdfplumber",
            )
        )
        return doc


def _reason(exc: MalformedPdfError) -> str:
    """The message without its advice to try another engine (both have been tried)."""
    message = exc.message
    for hint in (
        ": try --engine pdfplumber",
        ", or try --engine pdfium",
        ": try --engine pdfium",
        ": download it again",
        "; download it again",
    ):
        message = message.replace(hint, "")
    return message
