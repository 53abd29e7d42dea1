"""What a list's lines say, read without the list's structure: a sentence saying the list is
empty, a lead-in that introduces bullets, a line that reads like a list heading."""

from __future__ import annotations

import re

from ..document import Evidence, Line, Note
from ..segment import Block, is_terminal
from ..segment.headings import strip_footnote
from .text import BULLET_PREFIX

# A sentence saying a list is empty ("There are no areas of priority action", "No areas were
# identified for immediate improvement", "The inspection did not find any priority actions") is
# not an item, in every framework; a profile's `list_skip` adds its own stock lines.
_LIST_NOUN = r"(?:areas?|priorit\w*|actions?|recommendations?|improvements?)"
_EMPTY_LIST = re.compile(
    rf"^(?:there\s+(?:are|were|is|was)\s+no\s+(?:[\w-]+\s+){{0,3}}?{_LIST_NOUN}\b"
    rf"|no\s+(?:[\w-]+\s+){{0,3}}?{_LIST_NOUN}\b.{{0,80}}?\b(?:identified|found)\b"
    rf"|(?:the\s+)?(?:inspection|inspectors?|visit)\s+(?:did|has|have)\s+not\s+"
    rf"(?:find|found|identify|identified)\s+any\s+(?:[\w-]+\s+){{0,3}}?{_LIST_NOUN}\b"
    rf"|none(?:\s+identified)?\W*$)",
    re.I,
)


def says_list_is_empty(text: str) -> bool:
    """Whether an item's text is a short sentence saying the list holds nothing."""
    text = text.strip()
    return len(text) < 200 and _EMPTY_LIST.match(text) is not None


def region_says_empty(region: list[Block]) -> bool:
    """Whether a list's blocks hold a sentence saying the list is empty."""
    return any(
        says_list_is_empty(BULLET_PREFIX.sub("", line).strip())
        for block in region
        for line in re.split(r"(?<=[.!?])\s+", block.text)
    )


def lead_in_to_bullets(blocks: list[Block], i: int) -> bool:
    """A lead-in sentence ending in a colon ("The police should make sure that:") with a
    bullet straight after it: a topic's items introduced under its subheading."""
    block = blocks[i]
    return (
        block.kind in ("text", "heading")  # a short lead-in reads as a heading in text
        and block.text.rstrip().endswith(":")
        and i + 1 < len(blocks)
        and blocks[i + 1].kind == "bullet"
    )


# A short line that opens like an improvement-list heading ("What needs to improve ...",
# "Areas for improvement", "Areas for priority action", "Recommendations").
_LIST_HEADING_LIKE = re.compile(
    r"^(?:what needs to improve|areas? for (?:improvement|priority action)|recommendations?\b)",
    re.I,
)
_HEADING_MAX_WORDS = 14


def unread_list_heading(blocks: list[Block]) -> Block | None:
    """The first short, unpunctuated line that reads like an improvement-list heading."""
    for block in blocks:
        text = strip_footnote(block.text).strip()
        if (
            block.kind in ("heading", "text")
            and _LIST_HEADING_LIKE.match(text)
            and len(text.split()) <= _HEADING_MAX_WORDS
            and not text.endswith(".")
        ):
            return block
    return None


# An item's number printed at the start of its text ("3. Improve ...", "3) ...").
ITEM_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")


def split_rows(lines: list[Line]) -> list[list[Line]]:
    """Unbulleted items: a new one starts where a line follows one ending a sentence and
    begins with a capital letter (or an item number)."""
    rows: list[list[Line]] = []
    for ln in lines:
        text = ln.text.strip()
        if (
            not rows
            or ITEM_NUMBER.match(text)
            or (is_terminal(rows[-1][-1].text) and text[:1].isupper())
        ):
            rows.append([ln])
        else:
            rows[-1].append(ln)
    return rows


def stray_numbers(region: list[Block]) -> dict[int, int]:
    """Item numbers printed at the start of blocks that the paragraph numbering left without
    one, by `id(block)`. A list whose numbering skips (an item lost by a converter, a misprint)
    breaks the run the numbers are read from, and the item before the jump would be lost with
    it: a printed number between those of the numbered items around it is the block's own."""
    found: dict[int, int] = {}
    after: int | None = None
    pending: list[tuple[Block, int]] = []
    for block in [*region, None]:
        number = None if block is None else block.number
        if block is None or number is not None:
            found.update(
                (id(b), n)
                for b, n in pending
                if (after is None or n > after) and (number is None or n < number)
            )
            pending, after = [], number if number is not None else after
            continue
        m = ITEM_NUMBER.match(block.text.strip())
        if m is not None and block.kind == "text":
            pending.append((block, int(m.group().strip(" .)"))))
    return found


def unread_note(blocks: list[Block]) -> Note | None:
    """Letters may have no list at all: one whose heading the rules do not know is a doubt."""
    unread = unread_list_heading(blocks)
    if unread is None:
        return None
    return Note(
        "improvement_list_unread",
        f"no improvement list read, but {unread.text!r} reads like a list heading",
        evidence=Evidence(unread.lines, unread.text),
    )
