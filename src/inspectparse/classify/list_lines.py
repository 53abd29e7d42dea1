"""What a list's lines say, read without the list's structure: a sentence saying the list is
empty, a lead-in that introduces bullets, a line that reads like a list heading."""

from __future__ import annotations

import re
from collections.abc import Callable, Set

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


# The wordings of improvement-list headings, for both tests below.
_AREAS_FOR = r"areas? (?:for|of) (?:improvement|development|priority action)"
_PRIORITY_ACTIONS = r"priority (?:and immediate )?actions?"
_RECOMMENDATIONS = r"recommendations?"
# A short line that opens like an improvement-list heading ("What needs to improve ...",
# "What does the local authority need to improve?", "Areas for improvement", "Areas for
# development", "Areas for priority action", "Priority actions", "Recommendations").
_LIST_HEADING_LIKE = re.compile(
    r"^(?:what needs to improve|what (?:does|do) .{1,60}? need to improve"
    rf"|{_AREAS_FOR}|{_PRIORITY_ACTIONS}\b|{_RECOMMENDATIONS}\b)",
    re.I,
)
_HEADING_MAX_WORDS = 14
# No heading of that many words is longer than this (a cheap test before counting words).
_HEADING_MAX_CHARS = 200
# A line that is nothing but such a heading: text without fonts runs a heading the rules do
# not know on into the paragraph under it, whose first line it stays.
_LIST_HEADING_LINE = re.compile(
    rf"(?:what needs to improve[^.]{{0,60}}\?|{_AREAS_FOR}s?|{_PRIORITY_ACTIONS}"
    rf"|{_RECOMMENDATIONS})\s*:?",
    re.I,
)

# How an instruction opens: a verb that improvement lists open their items with ("Ensure
# that ...", "With partners, strengthen ..."), any verb after "Urgently" or "Swiftly", or a
# short subject and "should", "must", "need(s) to" or "to" that verb ("Leaders should ...",
# "The board to ensure that ...", "Assessments need to be ...").
# Findings open with a noun, a determiner or a preposition ("Review of cases shows ...",
# "Further work is under way ...").
_INSTRUCTION_VERB = (
    r"(?:accelerate|address|agree|build|clarify|complete|consolidate|continue|develop|embed|"
    r"enhance|ensure|establish|evaluate|extend|identify|implement|improve|increase|introduce|"
    r"make|monitor|prioritise|promote|provide|put|raise|reduce|reinforce|respond|review|"
    r"secure|strengthen|sustain|tackle|take|undertake|work)"
)
# A bullet or an item number before the words ("\\W" takes every bullet symbol).
_ITEM_START = r"^\W*(?:\d{1,2}[.)]?\s+)?"
_INSTRUCTION_VERB_FIRST = re.compile(
    rf"{_ITEM_START}(?:(?:urgently|swiftly)\s+[a-z]+\b"
    rf"|(?:(?:with\s+[^,]{{1,60}},|further)\s+)?{_INSTRUCTION_VERB}\b"
    r"(?!\s+(?:of|is|are|has|have|was|were)\b))",
    re.I,
)
_INSTRUCTION_MODAL = re.compile(
    rf"{_ITEM_START}[\w'’-]+(?:,?\s+[\w'’-]+){{0,8}}?\s+(?:should|must|needs?\s+to)\s", re.I
)
_INSTRUCTION_TO = re.compile(
    rf"{_ITEM_START}[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?\s+to\s+(?:urgently\s+)?{_INSTRUCTION_VERB}\b",
    re.I,
)
# The subject and its verb come within this many characters.
_INSTRUCTION_REACH = 160
# A run of at least this many blocks under a heading, one of its first two and this share of
# them worded as instructions, is an improvement list.
_INSTRUCTION_RUN = 2
_INSTRUCTION_SHARE = 2 / 3


def reads_as_instruction(text: str) -> bool:
    """Whether a block's text opens as an instruction."""
    if _INSTRUCTION_VERB_FIRST.match(text):
        return True
    # Most blocks are findings: the patterns that try a subject first only where their
    # words are there at all.
    head = text[:_INSTRUCTION_REACH].lower()
    if ("should" in head or "must" in head or "need" in head) and _INSTRUCTION_MODAL.match(text):
        return True
    return " to " in head and _INSTRUCTION_TO.match(text) is not None


def unread_list_heading(
    blocks: list[Block],
    read: set[int],
    titles: Set[str] = frozenset(),
    known: Callable[[Block], bool] = lambda block: False,
) -> Block | None:
    """A short, unpunctuated line that reads like an improvement-list heading, or outside the
    lists read (`read`: their blocks' indices) heads a run of blocks worded as instructions;
    never a heading the framework knows (`known`: its sections). `titles`: the lowered titles
    (`heading_title`) of the list headings read, which are no doubt wherever they are printed
    again (a table's header cell repeats its list's).

    One pass: each block is in at most one run (from a heading to the next), so the runs cost
    what the blocks do."""
    head: Block | None = None  # the heading of the run being read, if it may head a list
    run: list[Block] = []
    for i, block in enumerate(blocks):
        title_like = _reads_as_heading(block)
        if i in read or title_like or block.kind in ("subheading", "contents"):
            if head is not None and _instructions(run) and not known(head):
                return head
            head, run = (block if title_like and i not in read else None), []
        else:
            run.append(block)
        if (
            block.kind in ("heading", "text")
            and _worded_as_list_heading(block, titles)
            and not known(block)
        ):
            # Inside a list read too: the list ran on over a heading the rules do not know.
            return block
    return head if head is not None and _instructions(run) and not known(head) else None


# How the words list headings open with begin ("What", "Areas", "Priority",
# "Recommendations"): a cheap test before reading a block as one.
_LIST_HEADING_OPENINGS = frozenset({"what", "area", "prio", "reco"})


def _worded_as_list_heading(block: Block, titles: Set[str]) -> bool:
    """A block that is, or opens with a line that is, worded like a list heading (text
    without fonts runs a heading on into the paragraph under it)."""
    opening = block.text[:4]
    if opening[:1].isspace():
        opening = block.text.lstrip()[:4]
    if opening.lower() not in _LIST_HEADING_OPENINGS:
        return False
    if len(block.lines) > 1:
        first = heading_title(block.lines[0].text)
        if _LIST_HEADING_LINE.fullmatch(first) and first.lower() not in titles:
            return True
    if len(block.text) > _HEADING_MAX_CHARS:
        return False
    text = heading_title(block.text)
    return (
        _LIST_HEADING_LIKE.match(text) is not None
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not text.endswith(".")
        and text.lower() not in titles
    )


def _reads_as_heading(block: Block) -> bool:
    """A heading, or in text without fonts a short line of text of its own that ends no
    sentence and opens with a capital (most blocks are numbered or long: no more asked)."""
    if block.kind == "heading":
        return True
    if block.kind != "text" or block.number is not None or len(block.text) > _HEADING_MAX_CHARS:
        return False
    text = block.text.strip()
    return text[:1].isupper() and len(text.split()) <= _HEADING_MAX_WORDS and not is_terminal(text)


def _instructions(run: list[Block]) -> bool:
    """Whether a run of blocks under a heading is a run of instructions."""
    # In a numbered run the bullets are sub-points of the numbered items (`list_items.block_items`).
    if any(b.number is not None for b in run):
        run = [b for b in run if b.number is not None]
    if len(run) < _INSTRUCTION_RUN:
        return False
    # A list of instructions opens with one in its first two; most runs are findings, and
    # stop there.
    first_two = [reads_as_instruction(b.text) for b in run[:2]]
    if not any(first_two):
        return False
    others_allowed = len(run) * (1 - _INSTRUCTION_SHARE)
    others = first_two.count(False)
    if others > others_allowed:
        return False
    for block in run[2:]:
        if not reads_as_instruction(block.text):
            others += 1
            if others > others_allowed:
                return False
    return True


# An item's number printed at the start of its text ("3. Improve ...", "3) ...", "(3) ..."),
# or glued to its first word by a lost space ("3.The ...").
ITEM_NUMBER = re.compile(r"^\(?\d{1,2}(?:[.)]\s+|\.(?=[A-Z][a-z]))")


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


def unread_note(
    blocks: list[Block],
    read: set[int],
    titles: Set[str],
    known: Callable[[Block], bool],
    lists: int,
) -> Note | None:
    """A list whose heading the rules do not know (`unread_list_heading`; `lists`: how many
    were read) is a doubt: its items are missing from the count, or counted in another's."""
    unread = unread_list_heading(blocks, read, titles, known)
    if unread is None:
        return None
    what = "no improvement list read" if lists == 0 else f"{lists} improvement list(s) read"
    return Note(
        "improvement_list_unread",
        f"{what}, but {unread.text!r} reads like a list heading or heads items worded as "
        "instructions, and is none the rules know: its items are missing, or counted in the "
        "list before it",
        evidence=Evidence(unread.lines, unread.text),
    )
