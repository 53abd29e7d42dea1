"""Where an improvement list ends in text without fonts (converted text, not a PDF).

A PDF tells a topic subheading from a new section by its lighter font; converted text has no
fonts, so these rules read the numbering and the wording instead: a short title before the
item that goes on with the numbering is a topic; a line naming strengths, findings, a
judgement or weaknesses opens a new part; a jump in the item numbers is flagged for review.
"""

from __future__ import annotations

import re

from ..segment import Block, reads_as_title
from ..segment.headings import strip_footnote
from ..segment.numbering import NUMBER_ALONE
from .findings import RecommendationFinding

# A heading naming what went well or what was found opens a new part, never a topic of the list
# ("Early help strengths" after "What needs to improve?", "Main findings").
ENDS_LIST = re.compile(r"\b(?:strengths?|findings|next steps)\b", re.I)
# Text without fonts has no bold to tell a new part's title from a topic: titles naming a
# judgement, weaknesses or progress since the last inspection open a new part too.
TEXT_ENDS_LIST = re.compile(
    rf"{ENDS_LIST.pattern}|\b(?:judgements?|weaknesses|since the last inspection)\b", re.I
)


def without_fonts(block: Block) -> bool:
    """Whether a block's lines carry no font information (converted text, not a PDF)."""
    return all(line.bold is None for line in block.lines)


def is_text_topic(blocks: list[Block], i: int, start: int) -> bool:
    """Whether heading block `i`, inside the numbered list opened at `start`, is a topic
    subheading in text without fonts: a short title followed by the item that continues the
    numbering (or starts it at 1), or by a bullet in a list with no numbered item so far (a
    list printed with bullets under a heading whose lists are numbered elsewhere)."""
    block, opener = blocks[i], blocks[start]
    text = strip_footnote(block.text).strip()
    item = next_past_page_numbers(blocks, i)
    return (
        without_fonts(block)
        and without_fonts(opener)
        and _is_title(text)
        and not TEXT_ENDS_LIST.search(text)
        and item is not None
        and (
            item_number(item) == _number_before(blocks, i) + 1
            or (
                item.kind == "bullet"
                and not any(b.number is not None for b in blocks[start + 1 : i])
            )
        )
    )


def item_number(block: Block) -> int | None:
    """A block's paragraph number, or the number it is when it is one alone ("9."): a number
    the text loader could not pair with its item still says where the numbering is."""
    if block.number is not None:
        return block.number
    m = NUMBER_ALONE.match(block.text.strip())
    return int(m.group(1)) if m else None


def _number_before(blocks: list[Block], i: int) -> int:
    """The last paragraph or item number before block `i` (0 when there is none)."""
    return next((b.number for b in reversed(blocks[:i]) if b.number is not None), 0)


def next_past_page_numbers(blocks: list[Block], i: int) -> Block | None:
    """The block after block `i`, past bare page numbers a converter left between a
    subheading and its first item at a page break."""
    for block in blocks[i + 1 :]:
        if not (block.number is None and block.text.strip().isdigit()):
            return block
    return None


def _is_title(text: str) -> bool:
    """A topic subheading is a short title: a longer line, or one ending a sentence or in a
    colon (a lead-in), is prose."""
    return reads_as_title(text) and not text.endswith(":")


def opens_new_part(block: Block) -> bool:
    """In text without fonts, an unnumbered line that introduces what went well or what was
    found opens a new part and ends the list: a lead-in ending in a colon ("The council has
    the following strengths:") or a short title ("Key strengths of the board"). In a PDF
    these are set as headings; in converted text they may read as plain lines."""
    text = strip_footnote(block.text).strip()
    return (
        block.kind == "text"
        and block.number is None
        and without_fonts(block)
        and (text.endswith(":") or _is_title(text))
        and TEXT_ENDS_LIST.search(text) is not None
    )


def numbering_gap(found: list[RecommendationFinding]) -> tuple[int, int] | None:
    """The first jump in one list's item numbers (7 then 12), if any. In text without fonts a
    list's end and its topic subheadings are read from the numbering, so a jump means the
    list may have run on into numbered paragraphs or lost items to a misread heading or a
    lost line."""
    numbers = [item.number for item in found if item.number is not None]
    for before, after in zip(numbers, numbers[1:], strict=False):
        if after != before + 1:
            return before, after
    return None
