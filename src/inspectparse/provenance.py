"""Where a value was read: lines and evidence -> the record's `provenance` data.

Shared by the validate stage (a warning's provenance) and the assemble stage (every judgement,
recommendation and paragraph carries one).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .document import Evidence, Line

if TYPE_CHECKING:
    from .segment import Block

# The record is assembled as plain data and validated once, as a whole, by `Record`: one
# pydantic call instead of one per model (thousands per report) is much the cheaper.
Data = dict[str, Any]


def provenance_of(
    lines: list[Line],
    text: str | None = None,
    *,
    paragraph: int | None = None,
    char_start: int | None = None,
    char_end: int | None = None,
) -> Data:
    if not lines:
        return {"text": text, "paragraph": paragraph}
    return {
        "page": lines[0].page,
        "page_end": lines[-1].page,
        "paragraph": paragraph,
        "line_start": lines[0].index,
        "line_end": lines[-1].index,
        "char_start": char_start,
        "char_end": char_end,
        "text": text,
    }


def evidence_data(ev: Evidence) -> Data:
    """An `Evidence`'s provenance: its lines, and the quoted span of its text if it has one."""
    text = ev.text
    if text is not None and ev.char_start is not None and ev.char_end is not None:
        return provenance_of(
            ev.lines,
            text[ev.char_start : ev.char_end],
            paragraph=ev.paragraph,
            char_start=ev.char_start,
            char_end=ev.char_end,
        )
    return provenance_of(ev.lines, text, paragraph=ev.paragraph)


def block_lines(blocks: Iterable[Block]) -> list[Line]:
    return [ln for b in blocks for ln in b.lines]
