"""The items of one improvement list, with their timescale and actor: bulleted or numbered
blocks (sub-bullets inside their item, sentences that go on an item joined onto it, lead-ins
and "none" sentences left out), unbulleted rows, and area SEND table rows whose
responsible-body cell is the item's actor. `recommendations.py` finds the lists and their ends.
"""

from __future__ import annotations

import re

from ..document import Evidence, Line, Note
from ..profiles import ListHeading, Profile
from ..segment import Block, Structure
from ..segment.growing import GrowingText
from ..segment.headings import heading_title
from .findings import RecommendationFinding
from .list_lines import ITEM_NUMBER, says_list_is_empty, split_rows, stray_numbers
from .table_rows import TableRow, past_glyph, rows_by_sentence, rows_under_header
from .text import BULLET_PREFIX
from .text_items import ItemGrowth, goes_on_item, is_sub_item
from .text_table import text_table_rows

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


def _actor(text: str) -> str | None:
    if not any(verb in text for verb in _ACTOR_VERBS):
        return None
    m = _ACTOR_SUBJECT.match(text)
    if m and _KNOWN_ACTORS.match(m.group("actor").strip()):
        return m.group("actor").strip()
    return None


def block_items(
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
    stray = stray_numbers(region) if bullets_are_sub_items else {}
    item_block: Block | None = None  # the last block of the last item
    growth: ItemGrowth | None = None  # the blocks going on the last item, joined on at its end
    for block in region:
        if block.kind == "subheading":
            timescale = block.text.strip().rstrip(":").strip()
            continue
        if block.kind in ("heading", "contents", "table"):
            continue
        if (
            item_block
            and not profile.list_items_after_bullets
            and goes_on_item(item_block, block, growth.end if growth else items[-1].text)
        ):
            growth = growth or ItemGrowth(items[-1])
            growth.add(block)
            item_block = block
            continue
        if growth is not None:
            growth.done()
            growth = None
        item_block = None
        number = block.number if block.number is not None else stray.get(id(block))
        body = BULLET_PREFIX.sub("", block.text).strip()
        if id(block) in stray:
            body = ITEM_NUMBER.sub("", body)
        if says_list_is_empty(body) or any(p.search(body) for p in skip):
            continue
        if is_sub_item(block, items, bullets_are_sub_items):
            if items:
                items[-1].sub_items.append(body)
            continue
        if profile.list_items_after_bullets and items and block.kind == "text":
            items.extend(_after_bullets_items(block, heading, title, profile, timescale))
            continue
        numbered = heading.item_style == "numbered" and number is not None
        is_item = block.kind == "bullet" or numbered
        if not is_item:
            m = _LEAD_IN_ACTOR.search(block.text)
            if m:
                lead_actor = m.group("actor")
            continue
        item_block = block
        items.append(
            RecommendationFinding(
                text=body,
                kind=heading.kind,
                timescale=timescale,
                actor=_actor(body) or lead_actor,
                heading=title,
                number=number,
                sub_items=[],
                rule=f"{profile.kind}.list.{heading.kind}.{heading.item_style}",
                evidence=Evidence(
                    lines=block.lines, text=block.text, paragraph=structure.paragraph_number(block)
                ),
            )
        )
    if growth is not None:
        growth.done()
    return items


def _after_bullets_items(
    block: Block, heading: ListHeading, title: str, profile: Profile, timescale: str | None
) -> list[RecommendationFinding]:
    """Sentences after a list's bullets are items too, one per sentence-ending line."""
    rule = f"{profile.kind}.list.{heading.kind}.after_bullets"
    return [
        _row_item(row, heading, title, rule, timescale)
        for row in split_rows(block.lines)
        if not says_list_is_empty(" ".join(ln.text for ln in row))
    ]


def _row_item(
    row: list[Line], heading: ListHeading, title: str, rule: str, timescale: str | None = None
) -> RecommendationFinding:
    """An unbulleted item made of the lines of one row."""
    joined = GrowingText("")
    for ln in row:
        joined.join(ln.text.strip())
    text = past_glyph(ITEM_NUMBER.sub("", joined.text()))
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


def paragraph_items(
    structure: Structure,
    heading_block: Block,
    end: int,
    heading: ListHeading,
    profile: Profile,
    skip: list[re.Pattern[str]],
    notes: list[Note],
) -> list[RecommendationFinding]:
    """Items that are plain paragraphs or table rows with no bullet and no blank line between;
    review notes on the rows are appended to `notes`.

    Works on the lines, not blocks. With geometry, a row is a table row (`table_rows`): in a
    two-column table whose header repeats the heading ("Responsible body | Areas for priority
    action") the column under the repeated heading holds the item and the body cell is its
    actor. Without geometry, a table with responsible-body cells is read by `text_table_rows`
    (rows the cells and the text disagree on get a review note); otherwise a row starts
    where a line follows one ending in a full stop and begins with a capital (or a number).
    """
    lines = structure.document.lines()
    first = heading_block.lines[-1]
    last = structure.blocks[end].lines[0] if end < len(structure.blocks) else None
    start_at = next(k for k, ln in enumerate(lines) if ln is first) + 1
    stop_at = next((k for k, ln in enumerate(lines) if ln is last), len(lines))
    region = [
        ln
        for ln in lines[start_at:stop_at]
        if ln.text.strip() and not any(p.search(ln.text) for p in skip)
    ]
    title = heading_title(heading_block.text)
    rule = f"{profile.kind}.list.{heading.kind}.paragraphs"
    rows: list[TableRow] | None = None
    if has_geometry(structure):
        rows = rows_under_header(region, title, grid=structure.document.format != "pdf")
    elif profile.body_column is not None and (
        table := text_table_rows(region, title, profile.body_column)
    ):
        rows = table.rows
        notes += [
            Note(
                "improvement_table_rows_unsure",
                f"text without table geometry: under {title!r}, {doubt}; rows may be misread",
                evidence=Evidence(heading_block.lines, heading_block.text),
            )
            for doubt in table.doubts
        ]
    if rows is None:  # no positions, no body column: rows by sentence
        region = [ln for ln in region if heading_title(ln.text).lower() != title.lower()]
        rows = [TableRow(row) for row in rows_by_sentence(region)]
    items = []
    for row in rows:
        item = _row_item(row.lines, heading, heading_block.text, rule)
        if row.body:
            item.actor = " ".join(" ".join(ln.text.split()) for ln in row.body)
        items.append(item)
    return [item for item in items if not says_list_is_empty(item.text)]


def has_geometry(structure: Structure) -> bool:
    """Whether the lines carry positions: a PDF's, or a column-layout text's character grid."""
    return structure.document.format == "pdf" or structure.document.text_layout == "layout"
