"""PDFium's C functions, bound for speed: bare foreign calls and out-parameter readers.

The reader (`reader.py`) calls these ~9 times a line; see `Api` for why they are re-bound
rather than called through pypdfium2's bindings.
"""

from __future__ import annotations

import _ctypes
import codecs
import ctypes
import struct
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

decode_utf16 = codecs.utf_16_le_decode  # reads the buffer in place: no copy to bytes first
# Out-parameters are read with one `struct` call each: a ctypes field read is an attribute
# lookup, a descriptor call and a float each, and there are ~400 such reads a page.
read_box = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom
read_rect = struct.Struct("4d").unpack_from  # FPDFText_GetRect: left, top, right, bottom
read_two_boxes = struct.Struct("8f").unpack_from  # two FS_RECTFs side by side
read_scale = struct.Struct("8x2f").unpack_from  # FS_MATRIX: c, d


class FsRectF(ctypes.Structure):
    _fields_ = [
        ("left", ctypes.c_float),
        ("top", ctypes.c_float),
        ("right", ctypes.c_float),
        ("bottom", ctypes.c_float),
    ]


class FsMatrix(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in ("a", "b", "c", "d", "e", "f")]


@dataclass(frozen=True, slots=True)
class Api:
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
def api() -> Api:
    import pypdfium2.raw as raw

    def bare(func: Any, restype: Any, *, releases_gil: bool = False) -> Callable[..., Any]:
        address = ctypes.cast(func, ctypes.c_void_p).value
        assert address is not None, "a symbol of the loaded PDFium library"
        if restype is int:
            return IntResult(address)
        prototype = ctypes.CFUNCTYPE if releases_gil else ctypes.PYFUNCTYPE
        return prototype(restype)(address)

    # `int`: a C int (FPDF_BOOL, a count, a length under 2**31) read as `IntResult` reads it.
    return Api(
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


class IntResult(_ctypes.CFuncPtr):
    """A foreign function prototype (cdecl, keeping the GIL) that declares no result type.

    ctypes then reads the C int result straight into a Python int, as it does for any function
    whose restype is unset. A declared `c_int` is converted through the type's getter, which
    CPython (3.11) finds with a table search on every call: ~0.05 us, a tenth of a short call.
    """

    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_PYTHONAPI


# A handle as passed to the bare PDFium functions (see `pointer_argument`).
Pointer = Any


def pointer_argument(address: int) -> Pointer:
    """An argument that passes `address` as a pointer. ctypes wraps a `c_void_p` into a new
    argument object on every call; a `byref` is one already, made once per page (~10% of the
    cost of a call into PDFium). It points at a `c_char` placed at the address, never read."""
    return ctypes.byref(ctypes.c_char.from_address(address))
