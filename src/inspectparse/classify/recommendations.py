"""Improvement lists: items under the profile's list headings, with timescale and actor.

A list ends at the next heading, not at the last bullet (findings and strengths use the same
bullet glyph). Timescale subheadings ("Immediately:") group items; sub-bullets stay inside
their item; lead-in sentences and "there are no priority actions" lines are not items.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Evidence, Line
from ..profiles import ListHeading, Profile
from ..segment import Block, Structure, is_terminal, join_lines
from .findings import RecommendationFinding
from .text import strip_footnote

_BULLET_PREFIX = re.compile(r"^(?:•|-|–)\s*")
_ACTOR_SUBJECT = re.compile(
    r"^(?P<actor>(?:the\s+)?[A-Z]?[\w’' ,&-]{2,90}?)\s+(?:should|must|needs? to|is required to)\b"
)
# Every `_ACTOR_SUBJECT` match contains one of these: most items are spared its slow regex.
_ACTOR_VERBS = ("should", "must", "need", "is required to")
_LEAD_IN_ACTOR = re.compile(
    r"(?P<actor>the (?:local authority|council|partnership|school|local area partnership"
    r"|(?:local )?safeguarding children (?:board|partnership)|LSCB)"
    r"(?: and (?:its|their) partners)?)"
    r"\s+(?:should|must|needs? to)",
    re.I,
)
_KNOWN_ACTORS = re.compile(
    r"^(the )?(local authority|council|partnership|police|health|school|leaders|lscb|"
    r".*(board|partnership|council|trust|authority|police|service|services|commissioners|"
    r"icb|governors|leaders|school|partners))$",
    re.I,
)


@cache
def _whole_heading(pattern: str) -> re.Pattern[str]:
    """A heading pattern to `fullmatch` a block's text (trailing spaces allowed), compiled once."""
    return re.compile(rf"(?:{pattern})\s*", re.I)


def _heading_match(block: Block, profile: Profile) -> ListHeading | None:
    text = strip_footnote(block.text)
    for heading in profile.list_headings:
        if _whole_heading(heading.pattern).fullmatch(text):
            return heading
    return None


def _actor(text: str) -> str | None:
    if not any(verb in text for verb in _ACTOR_VERBS):
        return None
    m = _ACTOR_SUBJECT.match(text)
    if m and _KNOWN_ACTORS.match(m.group("actor").strip()):
        return m.group("actor").strip()
    return None


def _is_section_heading(block: Block, profile: Profile) -> bool:
    text = strip_footnote(block.text)
    return _heading_match(block, profile) is not None or any(
        _whole_heading(p).fullmatch(text) for p in profile.section_headings
    )


def _list_end(blocks: list[Block], start: int, heading: ListHeading, profile: Profile) -> int:
    """Index of the block that ends the list opened at `start` (a heading)."""
    i = start + 1
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading":
            # A topic subheading inside a bulleted list ("Leadership", "Health") is passed
            # over when bullets follow it; a known section or list heading always ends the list.
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if (
                heading.item_style == "bullets"
                and not _is_section_heading(block, profile)
                and nxt is not None
                and nxt.kind == "bullet"
            ):
                i += 1
                continue
            return i
        i += 1
    return i


def extract_recommendations(structure: Structure, profile: Profile) -> list[RecommendationFinding]:
    blocks = structure.blocks
    skip = profile.compiled("list_skip")
    items: list[RecommendationFinding] = []
    i = 0
    while i < len(blocks):
        heading = _heading_match(blocks[i], profile) if blocks[i].kind == "heading" else None
        if heading is None:
            i += 1
            continue
        end = _list_end(blocks, i, heading, profile)
        if heading.item_style == "paragraphs":
            items.extend(_paragraph_items(structure, blocks[i], end, heading, profile, skip))
        else:
            items.extend(
                _block_items(blocks[i + 1 : end], blocks[i].text, heading, profile, skip, structure)
            )
        i = end
    return items


def _block_items(
    region: list[Block],
    title: str,
    heading: ListHeading,
    profile: Profile,
    skip: list[re.Pattern[str]],
    structure: Structure,
) -> list[RecommendationFinding]:
    items: list[RecommendationFinding] = []
    timescale: str | None = None
    lead_actor: str | None = None
    # In a numbered list, bullets are sub-points of the numbered item above them; only a list
    # with no numbered item at all (the 2013 pilots) is made of bullets.
    bullets_are_sub_items = heading.item_style == "numbered" and any(
        b.number is not None for b in region
    )
    for block in region:
        if block.kind == "subheading":
            timescale = block.text.strip().rstrip(":").strip()
            continue
        if block.kind in ("heading", "contents", "table"):
            continue
        body = _BULLET_PREFIX.sub("", block.text).strip()
        if any(p.search(body) for p in skip):
            continue
        if block.kind == "sub_bullet" or (block.kind == "bullet" and bullets_are_sub_items):
            if items:
                items[-1].sub_items.append(body)
            continue
        if profile.list_items_after_bullets and items and block.kind == "text":
            # Sentences after the bullets are items too, one per sentence-ending line.
            items.extend(
                _row_item(
                    row,
                    heading,
                    title,
                    f"{profile.kind}.list.{heading.kind}.after_bullets",
                    timescale,
                )
                for row in split_rows(block.lines)
            )
            continue
        is_item = block.kind == "bullet" or (
            heading.item_style == "numbered" and block.number is not None
        )
        if not is_item:
            m = _LEAD_IN_ACTOR.search(block.text)
            if m:
                lead_actor = m.group("actor")
            continue
        items.append(
            RecommendationFinding(
                text=body,
                kind=heading.kind,
                timescale=timescale,
                actor=_actor(body) or lead_actor,
                heading=title,
                number=block.number,
                sub_items=[],
                rule=f"{profile.kind}.list.{heading.kind}.{heading.item_style}",
                evidence=Evidence(
                    lines=block.lines, text=block.text, paragraph=structure.paragraph_number(block)
                ),
            )
        )
    return items


_ITEM_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")


def split_rows(lines: list[Line]) -> list[list[Line]]:
    """Unbulleted items: a new one starts where a line follows one ending a sentence and
    begins with a capital letter (or an item number)."""
    rows: list[list[Line]] = []
    for ln in lines:
        text = ln.text.strip()
        if (
            not rows
            or _ITEM_NUMBER.match(text)
            or (is_terminal(rows[-1][-1].text) and text[:1].isupper())
        ):
            rows.append([ln])
        else:
            rows[-1].append(ln)
    return rows


def _row_item(
    row: list[Line], heading: ListHeading, title: str, rule: str, timescale: str | None = None
) -> RecommendationFinding:
    """An unbulleted item made of the lines of one row."""
    text = ""
    for ln in row:
        text = join_lines(text, ln.text.strip())
    text = _ITEM_NUMBER.sub("", text)
    return RecommendationFinding(
        text=text,
        kind=heading.kind,
        timescale=timescale,
        actor=_actor(text),
        heading=title,
        number=None,
        sub_items=[],
        rule=rule,
        evidence=Evidence(lines=row, text=text),
    )


def _paragraph_items(
    structure: Structure,
    heading_block: Block,
    end: int,
    heading: ListHeading,
    profile: Profile,
    skip: list[re.Pattern[str]],
) -> list[RecommendationFinding]:
    """Items that are plain paragraphs or table rows with no bullet and no blank line between.

    Works on the lines, not blocks: a row starts where a line follows one ending in a full stop
    and begins with a capital (or an item number). In a two-column table whose header repeats
    the heading ("Responsible body | Areas for priority action"), only the column under the
    repeated heading holds items.
    """
    lines = structure.document.lines()
    first = heading_block.lines[-1]
    last = structure.blocks[end].lines[0] if end < len(structure.blocks) else None
    start_at = next(k for k, ln in enumerate(lines) if ln is first) + 1
    stop_at = next((k for k, ln in enumerate(lines) if ln is last), len(lines))
    region = lines[start_at:stop_at]
    title = strip_footnote(heading_block.text)
    header = next((ln for ln in region if strip_footnote(ln.text).lower() == title.lower()), None)
    if header is not None:
        column = header.x0
        region = [ln for ln in region if ln.top != header.top or ln.page != header.page]
        if column is not None:
            region = [ln for ln in region if ln.x0 is None or ln.x0 >= column - 4]
    region = [ln for ln in region if ln.text.strip() and not any(p.search(ln.text) for p in skip)]
    rule = f"{profile.kind}.list.{heading.kind}.paragraphs"
    return [_row_item(row, heading, heading_block.text, rule) for row in split_rows(region)]
