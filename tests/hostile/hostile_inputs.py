"""Builders of hostile inputs, made at test time (nothing large is committed).

Also a script: `python tests/hostile/hostile_inputs.py DIR` writes every input to DIR, to try
them by hand. Each builder is small and deterministic; the large ones (a PDF whose content
stream inflates to hundreds of MiB, a zip whose headers lie) are compressed on the fly.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample-ilacs-report.pdf"

TEXT_REPORT = (
    "Inspection of children's social care services\n\n"
    "Inspection dates: 4 to 8 March 2019\n\n"
    "Lead inspector: Alex Example\n\n"
    "Judgement Grade\n"
    "The experiences and progress of children who need help and protection  Good\n"
)


def sample_pdf() -> bytes:
    return SAMPLE.read_bytes()


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file with a correct cross-reference table around the given objects (1-based)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _deflate_repeated(unit: bytes, total: int) -> bytes:
    comp = zlib.compressobj(9)
    parts = []
    block = unit * max(1, (1 << 20) // len(unit))
    written = 0
    while written < total:
        parts.append(comp.compress(block))
        written += len(block)
    parts.append(comp.flush())
    return b"".join(parts)


def inflating_pdf(inflated: int = 512 * 1024 * 1024) -> bytes:
    """A small PDF whose one content stream inflates to `inflated` bytes of text operators."""
    stream = _deflate_repeated(b"BT /F1 12 Tf 72 712 Td (Hello world again) Tj ET\n", inflated)
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def text_pdf(mediabox: bytes = b"[0 0 612 792]", text: bytes = b"Hello world") -> bytes:
    """A one-page PDF with some text; `mediabox` may be made hostile (non-numeric, missing)."""
    content = b"BT /F1 12 Tf 72 712 Td (" + text + b") Tj ET"
    box = b"/MediaBox " + mediabox + b" " if mediabox else b""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R " + box + b"/Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def lying_zip(real_size: int = 8 * 1024 * 1024, claimed: int = 100) -> bytes:
    """A zip whose one member inflates to `real_size` bytes while its headers claim `claimed`."""
    raw = _deflate_repeated(b"A", real_size)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(b"A" * real_size) + comp.flush()
    del raw
    name = b"bomb.txt"
    crc = zlib.crc32(b"A" * real_size)
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), claimed, len(name), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(data),
        claimed,
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    body = local + name + data
    directory = central + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(body), 0)
    return body + directory + end


def zip_of(members: list[tuple[str, bytes]]) -> bytes:
    """A zip holding `members` in order; names may repeat (zipfile warns, and writes them)."""
    import io
    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w") as zf:
            for name, data in members:
                zf.writestr(name, data)
    return buf.getvalue()


def utf16_text() -> bytes:
    return TEXT_REPORT.encode("utf-16")


def text_quoting_pdf_marker() -> bytes:
    return ("Note: the file header %PDF-1.7 is quoted here.\n\n" + TEXT_REPORT).encode()


INPUTS = {
    "one-byte.pdf": lambda: b"x",
    "blank.txt": lambda: b" \n\t\n",
    "utf16.txt": utf16_text,
    "quotes-marker.txt": text_quoting_pdf_marker,
    "truncated.pdf": lambda: sample_pdf()[:300],
    "bad-mediabox.pdf": lambda: text_pdf(b"[0 0 abc 792]"),
    "no-mediabox.pdf": lambda: text_pdf(b""),
    "dup-names.zip": lambda: zip_of([("x.pdf", sample_pdf()), ("x.pdf", TEXT_REPORT.encode())]),
    "lying.zip": lying_zip,
}


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, build in INPUTS.items():
        (out / name).write_bytes(build())
    (out / "inflating.pdf").write_bytes(inflating_pdf())


if __name__ == "__main__":
    main(sys.argv[1])
