"""Text input: UTF-8, form feeds are page breaks, blank lines are visible breaks."""

from __future__ import annotations

from ..document import Document, Line, Page
from ..errors import TextDecodeError


def load_text(data: bytes) -> Document:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextDecodeError(
            f"the text is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8"
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\f")
    # A file ending in a form feed has no page after it.
    if len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()
    pages: list[Page] = []
    for number, chunk in enumerate(chunks, start=1):
        page = Page(number=number)
        gap = False
        for raw in chunk.split("\n"):
            if not raw.strip():
                gap = True
                continue
            page.lines.append(
                Line(text=raw.rstrip(), page=number, index=len(page.lines), gap_before=gap)
            )
            gap = False
        pages.append(page)
    return Document(pages=pages, format="text", engine="text")
