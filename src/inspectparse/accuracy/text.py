"""Text checks: what a record's text must not hold, whatever the counts say."""

from __future__ import annotations

import re
from typing import Any

# Ofsted's back page: its self-description, the alternative-format offer, the licence, the
# address and the Crown copyright line. No paragraph (numbered or not) or item may hold any of it.
_BACK_PAGE = re.compile(
    r"Children.s Services and Skills \(Ofsted\) regulates and inspects"
    r"|in a different format, such as large print"
    r"|Open Government Licence|open-government-licence"
    r"|Piccadilly Gate|Store St(?:reet)?,? Manchester|enquiries@ofsted\.gov\.uk"
    r"|©\s*Crown copyright",
    re.I,
)
# A responsible-body cell of an area SEND table ("X Council and NHS Y Integrated Care Board")
# woven into an item's text.
_BODY_CELL = re.compile(
    r"\bCouncil\b(?:\s+\S+){0,6}?\s+and NHS\b"
    r"|\band NHS\b(?:\s+\S+){0,8}?\s+(?:Integrated Care Board|ICB)\b(?:\s+\S+){0,3}?\s+"
    r"(?:Area |Health )?[Ll]eaders\b"
    r"|\b(?:Council|Board|ICB)\s+(?:Area |Health |Local authority )?[Ll]eaders\b",
)
# The table's header row ("Responsible body | Areas for priority action") read as text.
_TABLE_HEADER = re.compile(r"\bResponsible bod(?:y|ies)\b")
# A judgement label that runs on into its grade or a grade cell.
_NOT_A_LABEL = re.compile(
    r"\bGrade\s+\d|\($|\b(?:is|are)\W*$"
    r"|\b(?:is|are)\s+(?:outstanding|good|inadequate|adequate|requires?)\b"
    r"|\b(?:outstanding|inadequate|requires? improvement(?: to be good)?)\W*$",
    re.I,
)
LABEL_MAX = 100


def text_failures(record: dict[str, Any]) -> list[str]:
    """What the record's text holds that it must not: back-page furniture in a paragraph
    (numbered or not) or an item, an item without text, a responsible-body cell or the
    table's header in an item, a judgement label that is not a label (too long, a grade in
    it, a trailing "Grade 3 (")."""
    out = []
    for p in record["paragraphs"]:
        if m := _BACK_PAGE.search(p["text"]):
            which = p["number"] if p["number"] is not None else f"(unnumbered) {p['text'][:40]!r}"
            out.append(f"paragraph {which} holds back-page text {m.group()!r}")
    for k, item in enumerate(record["recommendations"], start=1):
        # A glyph whose item could not be found keeps the count (with a review warning on
        # the list), but an item without text is not read: a count right by glyphs alone.
        if not item["text"].strip():
            out.append(f"item {k} has no text")
        if m := _BACK_PAGE.search(item["text"]):
            out.append(f"item {k} holds back-page text {m.group()!r}")
        if m := _BODY_CELL.search(item["text"]):
            out.append(f"item {k} holds a responsible-body cell {m.group()!r}")
        if m := _TABLE_HEADER.search(item["text"]):
            out.append(f"item {k} holds the table's header {m.group()!r}")
    for j in record["judgements"]:
        label = j["label"]
        if len(label) > LABEL_MAX or _NOT_A_LABEL.search(label.strip()):
            out.append(f"judgement {j['key']}: label {label!r} is not a label")
    return out
