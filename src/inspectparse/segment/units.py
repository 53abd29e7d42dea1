"""What the segment stage produces: blocks, paragraphs, sections and the document's structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..document import Document, Line, Note

BlockKind = Literal[
    "heading", "subheading", "text", "bullet", "sub_bullet", "contents", "table", "footnote"
]
# Block kinds that wrapped or page-broken lines can run on into.
RUNNING_KINDS = ("text", "bullet", "sub_bullet")


@dataclass(slots=True)
class Block:
    kind: BlockKind
    lines: list[Line]
    text: str
    number: int | None = None
    number_inferred: bool = False
    # Candidate paragraph number read from the first line, decided by `choose_numbering`.
    candidate: int | None = None
    candidate_has_dot: bool = True
    repairs: list[str] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def page_end(self) -> int:
        return self.lines[-1].page


@dataclass(slots=True)
class ParagraphUnit:
    """A paragraph: a numbered block with the list items and continuations that belong to it."""

    number: int | None
    number_inferred: bool
    section: str | None
    blocks: list[Block]
    repairs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([b.text for b in self.blocks])

    @property
    def page(self) -> int:
        return self.blocks[0].page

    @property
    def page_end(self) -> int:
        return self.blocks[-1].page_end


@dataclass(slots=True)
class SectionUnit:
    title: str
    block_index: int
    page: int
    paragraph_numbers: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Structure:
    document: Document
    blocks: list[Block]
    paragraphs: list[ParagraphUnit]
    sections: list[SectionUnit]
    # Warnings raised while segmenting.
    warnings: list[Note] = field(default_factory=list)
    # The footnotes at the pages' feet, out of `blocks` (each is a paragraph of its own).
    footnotes: list[Block] = field(default_factory=list)
    # id(block) -> the number of its paragraph, built on first use by `paragraph_number`.
    _paragraph_numbers: dict[int, int | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def paragraph_number(self, block: Block) -> int | None:
        """The number of the paragraph `block` belongs to (None if unnumbered or in none)."""
        if self._paragraph_numbers is None:
            self._paragraph_numbers = {id(b): p.number for p in self.paragraphs for b in p.blocks}
        return self._paragraph_numbers.get(id(block))
