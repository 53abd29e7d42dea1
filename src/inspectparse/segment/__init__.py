"""Segment stage: body lines -> blocks (headings, paragraphs, list items) -> numbered paragraphs.

- `units`: what the stage produces (Block, ParagraphUnit, SectionUnit, Structure);
- `blocks`: lines -> blocks by named line rules;
- `headings`: which lines are headings, timescale subheadings, contents entries;
- `joins`: sentence ends and the joining of wrapped and page-broken lines;
- `numbering`: which numbers are the paragraph numbering, and repairs of displaced or lost ones
  (recorded as repairs or warnings);
- `paragraphs`: blocks -> paragraphs and sections; the pages' footnotes as paragraphs.
"""

from __future__ import annotations

import re

from ..clean import CleanedDocument
from .blocks import BlockBuilder
from .joins import is_terminal, join_lines, reads_as_title
from .numbering import apply_numbering, choose_numbering, repair_gaps
from .paragraphs import (
    check_run_end,
    footnote_blocks,
    furniture_blocks,
    group_paragraphs,
    unmark_headings,
    with_footnotes,
)
from .units import Block, BlockKind, ParagraphUnit, SectionUnit, Structure

__all__ = [
    "Block",
    "BlockKind",
    "ParagraphUnit",
    "SectionUnit",
    "Structure",
    "choose_numbering",
    "is_terminal",
    "join_lines",
    "reads_as_title",
    "segment",
]


def segment(
    cleaned: CleanedDocument, known_headings: list[re.Pattern[str]] | None = None
) -> Structure:
    if known_headings is None:
        from ..profiles import known_headings as all_known

        known_headings = all_known()
    builder = BlockBuilder(cleaned, known_headings)
    blocks = builder.build()
    apply_numbering(blocks)
    repair_gaps(blocks, builder.warnings)
    furniture = furniture_blocks(blocks, builder.known_headings)
    footnotes = footnote_blocks(cleaned.document, cleaned.vocabulary)
    unmark_headings(blocks, footnotes)
    paragraphs, sections = group_paragraphs(blocks, furniture)
    builder.warnings.extend(check_run_end(paragraphs, blocks, furniture))
    paragraphs = with_footnotes(paragraphs, footnotes)
    return Structure(
        cleaned.document, blocks, paragraphs, sections, builder.warnings, footnotes=footnotes
    )
