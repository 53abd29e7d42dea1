"""Improvement lists: the profile's list headings, where each list ends, and the warnings on
lists (a heading with text but no item, no list where the framework gives one). The items of a
list, with timescale and actor, are read by `list_items.py`.

A list ends at the next heading, not at the last bullet (findings and strengths use the same
bullet glyph). Timescale subheadings ("Immediately:") group items; sub-bullets stay inside
their item; lead-in sentences and "there are no priority actions" lines are not items.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Evidence, Line, Note
from ..profiles import ListHeading, Profile
from ..segment import Block, Structure, reads_as_title
from ..segment.geometry import same_row
from ..segment.headings import heading_title, strip_footnote
from .findings import RecommendationFinding
from .list_ends import (
    ENDS_LIST,
    TEXT_ENDS_LIST,
    is_text_topic,
    item_number,
    next_past_page_numbers,
    numbering_gap,
    opens_new_part,
    without_fonts,
)
from .list_items import block_items, has_geometry, paragraph_items
from .list_lines import lead_in_to_bullets, region_says_empty, unread_note
from .text_items import bullets_apart_note, numbers_apart_note


@cache
def _whole_heading(pattern: str) -> re.Pattern[str]:
    """A heading pattern to `fullmatch` a block's text, compiled once. Trailing spaces and a
    trailing colon are allowed: 2014-15 reports print "Areas for improvement:" and
    "Priority and immediate action:" where others print the bare heading."""
    return re.compile(rf"(?:{pattern})\s*:?\s*", re.I)


def _heading_match(block: Block, profile: Profile) -> ListHeading | None:
    return match_list_heading(block.text, profile)


def match_list_heading(text: str, profile: Profile) -> ListHeading | None:
    """The profile's list heading that a heading's text is (a footnote marker aside)."""
    text = strip_footnote(text)
    for heading in profile.list_headings:
        if _whole_heading(heading.pattern).fullmatch(text):
            return heading
    return None


def _is_section_heading(block: Block, profile: Profile) -> bool:
    text = strip_footnote(block.text)
    return _heading_match(block, profile) is not None or any(
        _whole_heading(p).fullmatch(text) for p in profile.section_headings
    )


def _is_topic_subheading(
    blocks: list[Block], i: int, start: int, heading: ListHeading, profile: Profile, depth: int = 0
) -> bool:
    """A topic subheading inside a list ("Leadership and management", "Care leavers") groups
    the items after it and does not end the list.

    It is no known section or list heading, names no new part (strengths, findings), and an
    item of the list follows it: a bullet in a bulleted list; in a numbered list a numbered
    item, where the subheading is set in a lighter font than the list's own heading (a bold
    heading followed by numbered paragraphs is a new section that goes on with the numbering).
    Text without fonts cannot show that contrast: there a short title line followed by the
    item that continues the numbering (or starts it at 1) is a topic subheading, and so is
    one followed by a bullet in a list that has no numbered item so far (a list printed
    with bullets under a heading whose lists are numbered elsewhere).
    """
    block, opener = blocks[i], blocks[start]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is None or _is_section_heading(block, profile) or ENDS_LIST.search(block.text):
        return False
    if heading.item_style == "bullets":
        # A topic left with no item (its one item lost by a converter) before the next topic
        # (which text may read as a line of its own) still sits inside the list.
        title = nxt.kind == "heading" or (nxt.kind == "text" and reads_as_title(nxt.text))
        if title and depth < 1:
            return _is_topic_subheading(blocks, i + 1, start, heading, profile, depth + 1)
        return nxt.kind == "bullet" or lead_in_to_bullets(blocks, i + 1)
    if heading.item_style != "numbered":
        return False
    if nxt.number is not None and (
        opener.lines[0].bold is True and all(line.bold is False for line in block.lines)
    ):
        return True
    return is_text_topic(blocks, i, start)


def _header_row(blocks: list[Block], start: int) -> Line | None:
    """The header cell of a table that repeats the list heading straight after it (area SEND:
    "Responsible body | Areas for priority action"), if there is one."""
    title = heading_title(blocks[start].text).lower()
    for block in blocks[start + 1 : start + 3]:
        if block.kind != "heading":
            return None
        if heading_title(block.text).lower() == title:
            return block.lines[0]
    return None


def _list_end(
    blocks: list[Block], start: int, heading: ListHeading, profile: Profile, tables: bool
) -> int:
    """Index of the block that ends the list opened at `start` (a heading). With `tables` (a
    PDF's geometry), a table's header cells repeating the heading are part of its list."""
    header = _header_row(blocks, start) if tables and heading.item_style == "paragraphs" else None
    i = start + 1
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading":
            if header is not None and same_row(block.lines[0], header):
                i += 1  # a header cell of the list's own table
                continue
            if _text_table_cell(blocks, i, start, heading, profile, tables):
                i += 1
                continue
            # A known section or list heading always ends the list; a topic subheading not.
            if _is_topic_subheading(blocks, i, start, heading, profile):
                i += 1
                continue
            return i
        if opens_new_part(block):
            return i
        i += 1
    return i


def _text_table_cell(
    blocks: list[Block], i: int, start: int, heading: ListHeading, profile: Profile, tables: bool
) -> bool:
    """In text without fonts or geometry, a table's narrow cells read as headings (the body
    column's header, body cells, the action column's header repeating the list's title, a
    short first line of an action cell): in a table with a body column only a known section
    or another list's heading ends the list."""
    if tables or profile.body_column is None or heading.item_style != "paragraphs":
        return False
    block, title = blocks[i], heading_title(blocks[start].text)
    return heading_title(block.text).lower() == title.lower() or not _is_section_heading(
        block, profile
    )


def extract_recommendations(structure: Structure, profile: Profile) -> list[RecommendationFinding]:
    return read_lists(structure, profile)[0]


def read_lists(
    structure: Structure, profile: Profile
) -> tuple[list[RecommendationFinding], list[Note]]:
    """The items of every improvement list, and review warnings: a list heading with content
    but no item and no sentence saying the list is empty; no list at all where the framework
    always gives one."""
    blocks = structure.blocks
    skip = profile.compiled("list_skip")
    items: list[RecommendationFinding] = []
    notes: list[Note] = []
    lists = 0
    read: set[int] = set()  # the blocks of the lists read, headings and items
    titles: set[str] = set()  # their headings' titles, lowered (`heading_title`)
    i = 0
    while i < len(blocks):
        heading = _heading_match(blocks[i], profile) if blocks[i].kind == "heading" else None
        if heading is None:
            i += 1
            continue
        end = _list_end(blocks, i, heading, profile, has_geometry(structure))
        if heading.item_style == "paragraphs":
            found = paragraph_items(structure, blocks[i], end, heading, profile, skip, notes)
        else:
            found = block_items(
                blocks[i + 1 : end], blocks[i].text, heading, profile, skip, structure
            )
        items.extend(found)
        if heading.item_style == "numbered" and _end_unsure(blocks, i, end, profile):
            notes.append(
                Note(
                    "improvement_list_end_unsure",
                    f"text without fonts: the list under {blocks[i].text!r} stops at "
                    f"{blocks[end].text!r}, no known heading, before a numbered paragraph "
                    "that does not go on with the list's numbering",
                    evidence=Evidence(blocks[end].lines, blocks[end].text),
                )
            )
        if structure.document.format == "text" and (note := bullets_apart_note(blocks, i, end)):
            notes.append(note)
        if heading.item_style == "numbered" and (note := numbers_apart_note(blocks, i, end)):
            notes.append(note)
        gap = numbering_gap(found) if without_fonts(blocks[i]) else None
        if gap is not None:
            notes.append(
                Note(
                    "improvement_list_numbering_gap",
                    f"text without fonts: the items under {blocks[i].text!r} jump from "
                    f"{gap[0]} to {gap[1]}; the list's end or a subheading in it may be "
                    "misread, or items lost",
                    evidence=Evidence(blocks[i].lines, blocks[i].text),
                )
            )
        # An umbrella heading over the lists that follow ("What does the local authority need
        # to improve?" over "Priority and immediate action") holds no items of its own.
        umbrella = end < len(blocks) and end == i + 1 and _heading_match(blocks[end], profile)
        if found and not umbrella:
            lists += 1
        elif not umbrella:
            lists += _empty_list(blocks, i, end, profile, notes)
        read.update(range(i, end))
        titles.add(heading_title(blocks[i].text).lower())
        i = end
    if lists == 0 and profile.expects_list:
        notes.append(
            Note("improvement_list_missing", f"no improvement list found; {profile.name} gives one")
        )
        return items, notes

    # The framework's own sections are known parts, not lists ("Next steps" in a JTAI).
    def known(block: Block) -> bool:
        return block.kind == "heading" and _is_section_heading(block, profile)

    if (note := unread_note(blocks, read, titles, known, lists)) is not None:
        notes.append(note)
    return items, notes


def _empty_list(blocks: list[Block], i: int, end: int, profile: Profile, notes: list[Note]) -> int:
    """1 where the list heading at `i`, no item found under it, is a list read: it holds text
    (with a review warning unless a sentence says the list is empty) or that sentence; 0 for
    a heading with nothing under it (a table of contents' entry): where it is the only one,
    the framework's list is missing."""
    reach = _topics_end(blocks, end, profile)
    holds_text = _holds_text(blocks, i, reach)
    says_empty = region_says_empty(blocks[i + 1 : reach])
    if holds_text and not says_empty:
        notes.append(
            Note(
                "improvement_list_empty",
                f"no item found under the list heading {blocks[i].text!r}",
                evidence=Evidence(blocks[i].lines, blocks[i].text),
            )
        )
    return int(holds_text or says_empty)


def _topics_end(blocks: list[Block], end: int, profile: Profile) -> int:
    """Where a list that stopped at `end`, at a title with prose under it, would stop if such
    titles were its topics: prose under agency titles holds the list's content (no item read
    there is a doubt, not an empty list)."""
    # Dashes under the title hold content too: sub-items with no item above them (a list
    # set with the dash glyph, or items whose glyph a converter dropped).
    if end + 1 >= len(blocks) or blocks[end].kind != "heading":
        return end
    if blocks[end + 1].kind not in ("text", "sub_bullet"):
        return end
    i = end
    while (
        i < len(blocks)
        and not _is_section_heading(blocks[i], profile)
        and not (blocks[i].kind == "heading" and ENDS_LIST.search(blocks[i].text))
        and not opens_new_part(blocks[i])
    ):
        i += 1
    return i


def _end_unsure(blocks: list[Block], start: int, end: int, profile: Profile) -> bool:
    """Whether a numbered list in text without fonts stopped at a heading that is no known
    section or list heading and names no new part, with a numbered paragraph after it: a
    topic subheading over an item whose number was lost reads the same as a new section."""
    if end >= len(blocks) or not without_fonts(blocks[start]):
        return False
    block = blocks[end]
    item = next_past_page_numbers(blocks, end)
    if item is not None and item.kind == "heading" and not _is_section_heading(item, profile):
        # Two titles stacked: a topic whose one item was lost, then the next topic.
        # Its index found by identity: `list.index` would compare blocks field by field.
        item = next_past_page_numbers(blocks, next(k for k, b in enumerate(blocks) if b is item))
    return (
        block.kind == "heading"
        and not _is_section_heading(block, profile)
        and not TEXT_ENDS_LIST.search(block.text)
        and item is not None
        and item_number(item) is not None
    )


# Fewer characters than this under a list heading is no list (a contents entry's page number,
# a table's header cell), so an empty result there is no doubt worth a warning.
_LIST_TEXT_MIN = 40


def _holds_text(blocks: list[Block], start: int, end: int) -> bool:
    """Whether a list heading has text under it, and is not a table header that repeats the
    heading before the table starts (the list is then read under the repeat)."""
    if (
        end < len(blocks)
        and heading_title(blocks[end].text).lower() == heading_title(blocks[start].text).lower()
    ):
        return False
    text = sum(len(b.text) for b in blocks[start + 1 : end] if b.kind != "heading")
    return text >= _LIST_TEXT_MIN
