"""Grouping blocks into paragraphs (a numbered block with the items and continuations that
belong to it) and sections (a heading with what is under it)."""

from __future__ import annotations

from .units import Block, ParagraphUnit, SectionUnit


def group_paragraphs(blocks: list[Block]) -> tuple[list[ParagraphUnit], list[SectionUnit]]:
    paragraphs: list[ParagraphUnit] = []
    sections: list[SectionUnit] = []
    current_section: str | None = None
    current: ParagraphUnit | None = None
    for idx, block in enumerate(blocks):
        if block.kind == "heading":
            current_section = block.text
            sections.append(SectionUnit(block.text, idx, block.page))
            current = None
            continue
        if block.kind in ("contents", "table"):
            current = None
            continue
        if block.kind == "subheading":
            if current is not None:
                current.blocks.append(block)
            continue
        if block.number is not None:
            current = ParagraphUnit(block.number, block.number_inferred, current_section, [block])
            current.repairs.extend(block.repairs)
            paragraphs.append(current)
            if sections:
                sections[-1].paragraph_numbers.append(block.number)
            continue
        if current is not None and (current.number is not None or block.kind != "text"):
            current.blocks.append(block)
            current.repairs.extend(block.repairs)
            continue
        current = ParagraphUnit(None, False, current_section, [block])
        paragraphs.append(current)
    # A heading with nothing under it before the next heading (title-page lines, a heading
    # that wraps into two blocks) is not a section of its own.
    ends = [s.block_index for s in sections[1:]] + [len(blocks)] if sections else []
    sections = [
        s
        for s, end in zip(sections, ends, strict=True)
        if any(b.kind not in ("heading", "contents") for b in blocks[s.block_index + 1 : end])
    ]
    return paragraphs, sections
