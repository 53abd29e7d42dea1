"""What a list's lines say, read without the list's structure: a sentence saying the list is
empty, a lead-in that introduces bullets, a line that reads like a list heading."""

from __future__ import annotations

import re

from ..document import Evidence, Line, Note
from ..segment import Block, is_terminal
from ..segment.headings import heading_title
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
# "What does the local authority need to improve?", "Areas for improvement", "Areas for
# development", "Areas for priority action", "Priority actions", "Recommendations").
_LIST_HEADING_LIKE = re.compile(
    r"^(?:what needs to improve|what (?:does|do) .{1,60}? need to improve"
    r"|areas? (?:for|of) (?:improvement|development|priority action)"
    r"|priority (?:and immediate )?actions?\b|recommendations?\b)",
    re.I,
)
_HEADING_MAX_WORDS = 14
# A line that is nothing but such a heading: text without fonts runs a heading the rules do
# not know on into the paragraph under it, whose first line it stays.
_LIST_HEADING_LINE = re.compile(
    r"(?:what needs to improve[^.]{0,60}\?|areas? (?:for|of) (?:improvement|development|"
    r"priority action)s?|priority (?:and immediate )?actions?|recommendations?)\s*:?",
    re.I,
)

# How an instruction opens: a verb that improvement lists open their items with ("Ensure
# that ...", "Urgently improve ...", "With partners, strengthen ..."), or a short subject and
# "should", "must", "need(s) to" or "to" that verb ("Leaders should ...", "The board to ensure
# that ...", "Assessments need to be ...").
# Findings open with a noun, a determiner or a preposition ("Review of cases shows ...").
_INSTRUCTION_VERB = (
    r"(?:accelerate|address|agree|build|clarify|complete|consolidate|continue|develop|embed|"
    r"enhance|ensure|establish|evaluate|extend|identify|implement|improve|increase|introduce|"
    r"make|monitor|prioritise|promote|provide|put|raise|reduce|reinforce|respond|review|"
    r"secure|strengthen|sustain|tackle|take|undertake|work)"
)
_ITEM_START = r"^\W*(?:\d{1,2}[.)]?\s+)?"
_INSTRUCTION = re.compile(
    rf"{_ITEM_START}(?:(?:with\s+[^,]{{1,60}},|urgently|further|swiftly)\s+)?"
    rf"{_INSTRUCTION_VERB}\b(?!\s+of\b)"
    rf"|{_ITEM_START}[\w'’-]+(?:,?\s+[\w'’-]+){{0,8}}?\s+(?:should|must|needs?\s+to)\s"
    rf"|{_ITEM_START}[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?\s+to\s+(?:urgently\s+)?{_INSTRUCTION_VERB}\b",
    re.I,
)
# A run of at least this many blocks under a heading, this share of them worded as
# instructions, is an improvement list.
_INSTRUCTION_RUN = 2
_INSTRUCTION_SHARE = 2 / 3


def reads_as_instruction(text: str) -> bool:
    """Whether a block's text opens as an instruction."""
    return _INSTRUCTION.match(BULLET_PREFIX.sub("", text.strip())) is not None


def unread_list_heading(
    blocks: list[Block], read: set[int], titles: set[str] | None = None
) -> Block | None:
    """The first short, unpunctuated line that reads like an improvement-list heading, or
    outside the lists read (`read`: their blocks' indices) heads a run of blocks worded as
    instructions. `titles`: the lowered titles (`heading_title`) of the headings read, which
    are no doubt wherever they are printed again (a table's header cell repeats its list's)."""
    titles = titles or set()
    for i, block in enumerate(blocks):
        if block.kind not in ("heading", "text"):
            continue
        first = heading_title(block.lines[0].text)
        if (
            len(block.lines) > 1
            and first.lower() not in titles
            and _LIST_HEADING_LINE.fullmatch(first)
        ):
            return block
        text = heading_title(block.text)
        if len(text.split()) > _HEADING_MAX_WORDS or text.endswith(".") or text.lower() in titles:
            continue
        # Inside a list read, a line worded like another list's heading means the list ran
        # on over a heading the rules do not know.
        if _LIST_HEADING_LIKE.match(text) or (
            i not in read and _reads_as_heading(block) and _heads_instructions(blocks, i, read)
        ):
            return block
    return None


def _reads_as_heading(block: Block) -> bool:
    """A heading, or in text without fonts a short line of text of its own that ends no
    sentence and opens with a capital."""
    if block.kind == "heading":
        return True
    text = block.text.strip()
    return (
        block.kind == "text"
        and block.number is None
        and text[:1].isupper()
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not is_terminal(text)
    )


def _heads_instructions(blocks: list[Block], i: int, read: set[int]) -> bool:
    """Whether the blocks under `blocks[i]`, up to the next heading, are a run of
    instructions."""
    run: list[Block] = []
    for j in range(i + 1, len(blocks)):
        if (
            j in read
            or blocks[j].kind in ("subheading", "contents")
            or _reads_as_heading(blocks[j])
        ):
            break
        run.append(blocks[j])
    # In a numbered run the bullets are sub-points of the numbered items (`_block_items`).
    if any(b.number is not None for b in run):
        run = [b for b in run if b.number is not None]
    instructions = sum(reads_as_instruction(b.text) for b in run)
    return instructions >= _INSTRUCTION_RUN and instructions >= _INSTRUCTION_SHARE * len(run)


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


def unread_note(blocks: list[Block], read: set[int], titles: set[str], lists: int) -> Note | None:
    """A list whose heading the rules do not know (`unread_list_heading`; `lists`: how many
    were read) is a doubt: its items are missing from the count, or counted in another's."""
    unread = unread_list_heading(blocks, read, titles)
    if unread is None:
        return None
    what = "no improvement list read" if lists == 0 else f"{lists} improvement list(s) read"
    return Note(
        "improvement_list_unread",
        f"{what}, but {unread.text!r} reads like a list heading or heads items worded as "
        "instructions, and is none the rules know: its items are not in the list",
        evidence=Evidence(unread.lines, unread.text),
    )
