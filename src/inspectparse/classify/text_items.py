"""Improvement-list items in text without geometry or fonts (reading-order converters).

A PDF shows an item's extent by its hanging indent and its glyph beside its first line;
reading order keeps neither. What survives is the missing break between an item's sentences
and, where the loader could not pair them, glyphs standing alone (`load/bullets.py`).
"""

from __future__ import annotations

import re

from ..document import Evidence
from ..segment import Block, is_terminal, join_lines
from .findings import RecommendationFinding

_BULLET_PREFIX = re.compile(r"^(?:•|-|–)\s*")


# Longer than this, a text block that ends no sentence is no title.
_TITLE_MAX = 120


def goes_on_item(item_block: Block, block: Block) -> bool:
    """In reading-order text (no geometry, no fonts), a text block straight after a bullet
    item on the same page, with no break before it, is the item's next sentence: a PDF
    shows it in the item by its hanging indent; reading order keeps only the missing break
    (segment starts a block at every sentence that ends a line). A title line (short,
    ending no sentence: a topic subheading set as text) is no sentence of the item."""
    first, last = block.lines[0], item_block.lines[-1]
    return (
        block.kind == "text"
        and block.number is None
        and (is_terminal(block.text) or len(block.text) > _TITLE_MAX)
        and first.x0 is None
        and first.bold is None
        and not first.gap_before
        and first.page == last.page
    )


def extend_item(item: RecommendationFinding, block: Block) -> None:
    item.text = join_lines(item.text, block.text.strip())
    item.evidence = Evidence(
        lines=[*item.evidence.lines, *block.lines],
        text=join_lines(item.evidence.text or "", block.text),
        paragraph=item.evidence.paragraph,
    )


def glyphs_apart(region: list[Block]) -> int:
    """How many bullets in a list hold no text: glyphs a reading-order converter set apart
    from their items that the text loader could not pair (`load/bullets.py`). Each still
    counts as an item (the glyphs are the surest count there is), its text left empty."""
    return sum(1 for b in region if b.kind == "bullet" and not _BULLET_PREFIX.sub("", b.text))
