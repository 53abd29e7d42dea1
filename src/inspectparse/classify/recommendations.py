"""Improvement lists: items under the profile's list headings, with timescale and actor.

A list ends at the next heading, not at the last bullet (findings and strengths use the same
bullet glyph). Timescale subheadings ("Immediately:") group items; sub-bullets stay inside
their item; lead-in sentences and "there are no priority actions" lines are not items.
"""

from __future__ import annotations

import re

from ..profiles import ListHeading, Profile
from ..segment import Block, Structure
from .findings import Evidence, RecommendationFinding
from .text import strip_footnote

_BULLET_PREFIX = re.compile(r"^(?:•|-|–)\s*")
_ACTOR_SUBJECT = re.compile(
    r"^(?P<actor>(?:the\s+)?[A-Z]?[\w’' ,&-]{2,90}?)\s+(?:should|must|needs? to|is required to)\b"
)
_LEAD_IN_ACTOR = re.compile(
    r"(?P<actor>the (?:local authority|council|partnership|school|local area partnership"
    r"|(?:local )?safeguarding children (?:board|partnership)|LSCB)(?: and (?:its|their) partners)?)"
    r"\s+(?:should|must|needs? to)",
    re.I,
)
_KNOWN_ACTORS = re.compile(
    r"^(the )?(local authority|council|partnership|police|health|school|leaders|lscb|"
    r".*(board|partnership|council|trust|authority|police|service|services|commissioners|"
    r"icb|governors|leaders|school|partners))$",
    re.I,
)


def _heading_match(block: Block, profile: Profile) -> ListHeading | None:
    text = strip_footnote(block.text)
    for heading in profile.list_headings:
        if re.fullmatch(rf"(?:{heading.pattern})\s*", text, re.I):
            return heading
    return None


def _actor(text: str) -> str | None:
    m = _ACTOR_SUBJECT.match(text)
    if m and _KNOWN_ACTORS.match(m.group("actor").strip()):
        return m.group("actor").strip()
    return None


def extract_recommendations(structure: Structure, profile: Profile) -> list[RecommendationFinding]:
    blocks = structure.blocks
    para_of = {id(b): p.number for p in structure.paragraphs for b in p.blocks}
    skip = profile.compiled("list_skip")
    items: list[RecommendationFinding] = []
    i = 0
    while i < len(blocks):
        heading = _heading_match(blocks[i], profile) if blocks[i].kind == "heading" else None
        if heading is None:
            i += 1
            continue
        title = blocks[i].text
        timescale: str | None = None
        lead_actor: str | None = None
        i += 1
        while i < len(blocks) and blocks[i].kind != "heading":
            block = blocks[i]
            i += 1
            if block.kind == "subheading":
                timescale = block.text.strip().rstrip(":").strip()
                continue
            body = _BULLET_PREFIX.sub("", block.text).strip()
            if any(p.search(body) for p in skip):
                continue
            if block.kind == "sub_bullet":
                if items and items[-1].heading == title:
                    items[-1].sub_items.append(body)
                continue
            is_item = (
                block.kind == "bullet"
                or (heading.item_style == "numbered" and block.number is not None)
                or heading.item_style == "paragraphs"
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
                    evidence=Evidence(lines=block.lines, text=block.text, paragraph=para_of.get(id(block))),
                )
            )
    return items
