"""Improvement-list items in text without geometry or fonts (reading-order converters).

A PDF shows an item's extent by its hanging indent and its glyph beside its first line;
reading order keeps neither. What survives is the missing break between an item's sentences
and, where the loader could not pair them, glyphs standing alone (`load/bullets.py`).
"""

from __future__ import annotations

from ..document import Evidence, Note
from ..segment import Block, is_terminal
from ..segment.growing import GrowingText
from ..segment.numbering import NUMBER_ALONE
from .findings import RecommendationFinding
from .text import BULLET_PREFIX

# Longer than this, a text block that ends no sentence is no title.
_TITLE_MAX = 120


def goes_on_item(item_block: Block, block: Block, item_text: str) -> bool:
    """In reading-order text (no geometry, no fonts), whether a text block after a list item
    on the same page is more of the item, as a PDF shows by its hanging indent:

    - with no break before it, the item's next sentence (segment starts a block at every
      sentence that ends a line), but no title line (short, ending no sentence: a topic
      subheading set as text);
    - after a break (converters that set blank lines between an item's lines), only one line
      that ends the unfinished item's sentence ("... of Working" / "Together 2013."), or a
      parenthetical note on the item ("(outcome 2, national framework)").
    """
    first, last = block.lines[0], item_block.lines[-1]
    if (
        not item_text  # a glyph left apart (`glyphs_apart`): its text was not placed
        or block.kind != "text"
        or block.number is not None
        or first.x0 is not None
        or first.bold is not None
        or first.page != last.page
    ):
        return False
    text = block.text.strip()
    if not first.gap_before:
        return is_terminal(text) or len(text) > _TITLE_MAX
    if len(block.lines) != 1:
        return False
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        return True
    return not is_terminal(item_text) and is_terminal(text) and text[:1].isupper()


class ItemGrowth:
    """The blocks that go on a list item (`goes_on_item`), joined onto it when `done`: joining
    each onto its whole text and evidence copied them at every block (quadratic in an item that
    runs on for thousands of sentences). Until then the item's `text` is stale: `end` is the
    end of its text as it grows."""

    def __init__(self, item: RecommendationFinding) -> None:
        self.item = item
        self._text = GrowingText(item.text)
        self._evidence = GrowingText(item.evidence.text or "")
        self._lines = list(item.evidence.lines)

    @property
    def end(self) -> str:
        return self._text.end

    def add(self, block: Block) -> None:
        self._text.join(block.text.strip())
        self._evidence.join(block.text)
        self._lines.extend(block.lines)

    def done(self) -> None:
        item = self.item
        item.text = self._text.text()
        item.evidence = Evidence(
            lines=self._lines, text=self._evidence.text(), paragraph=item.evidence.paragraph
        )


def glyphs_apart(region: list[Block]) -> int:
    """How many bullets or sub-bullets in a list hold no text: glyphs a reading-order converter
    set apart from their items that the text loader could not pair (`load/bullets.py`). A
    bullet still counts as an item (the glyphs are the surest count there is), its text left
    empty."""
    return sum(
        1
        for b in region
        if b.kind in ("bullet", "sub_bullet") and not BULLET_PREFIX.sub("", b.text)
    )


def bullets_apart_note(blocks: list[Block], start: int, end: int) -> Note | None:
    """A review warning on the list opened at `start` when glyphs in it stand apart."""
    apart = glyphs_apart(blocks[start + 1 : end])
    return _apart_note(
        "improvement_list_bullets_apart",
        apart,
        "bullet glyph(s)",
        "missing or merged",
        blocks[start],
    )


def numbers_apart_note(blocks: list[Block], start: int, end: int) -> Note | None:
    """A review warning on the numbered list opened at `start` when item numbers in it stand
    alone ("3." on its own line, a run of them): the text loader could not pair them with
    their items, which then read as no item of the list."""
    apart = sum(1 for b in blocks[start + 1 : end] if NUMBER_ALONE.match(b.text.strip()))
    return _apart_note(
        "improvement_list_numbers_apart", apart, "item number(s)", "missing", blocks[start]
    )


def _apart_note(code: str, apart: int, what: str, items: str, heading: Block) -> Note | None:
    if not apart:
        return None
    return Note(
        code,
        f"text without fonts: {apart} {what} under {heading.text!r} stand apart from their "
        f"items and could not be paired with them; items may be {items}",
        evidence=Evidence(heading.lines, heading.text),
    )


def is_sub_item(
    block: Block, items: list[RecommendationFinding], bullets_are_sub_items: bool
) -> bool:
    """A sub-item: a sub-bullet, a bullet in a numbered list, or a plain "- " under an item
    with another glyph that ends in a colon ("... by:"), as converters that write every dash
    as "-" leave the en-dash sub-bullets; its run goes on until that glyph comes back."""
    if block.kind == "sub_bullet" or (block.kind == "bullet" and bullets_are_sub_items):
        return True
    if block.kind != "bullet" or not items or not block.text.startswith("-"):
        return False
    last = items[-1]
    glyph = (last.evidence.text or "").lstrip()[:1]
    return glyph not in ("-", "") and (last.text.rstrip().endswith(":") or bool(last.sub_items))
