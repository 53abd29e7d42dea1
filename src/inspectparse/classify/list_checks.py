"""Plausibility of the improvement lists read: items that do not read like the list's items.

Frameworks that word every item as an instruction (a profile's `ListHeading.imperative`:
"Ensure that ...", "strengthen ...", "The board should ...") never print findings there. When
a run of a list's items reads as findings ("The board demonstrates ...", "A joint protocol
reflects ..."), the list ran on past its end into the report's paragraphs: a converter that
moved the heading, or an end the rules missed. The count is then wrong, so the list gets a
`review` warning on `recommendations` rather than passing as read.
"""

from __future__ import annotations

import re

from ..document import Evidence, Note
from ..profiles import Profile
from .findings import RecommendationFinding
from .recommendations import match_list_heading

# An item that says who must act or what must happen is an instruction, whatever its start:
# "... should ...", "... must ...", or a short subject and an infinitive ("The board to
# ensure that ...").
_ACTION = re.compile(
    r"\b(?:should|must|needs?\s+to|is\s+required\s+to|are\s+required\s+to)\b"
    r"|^\W*(?:\S+\s+){1,5}?to\s+(?!(?:the|a|an|be|its|their|this)\b)[a-z]+",
    re.I,
)
# How findings open: a determiner, a pronoun or a preposition, never an instruction's verb.
_FINDING_START = re.compile(
    r"^\W*(?:The|A|An|This|These|Those|There|It|Its|In|On|At|For|Most|Many|Some|All|Over|"
    r"During|Since|When|Although|While|However|Overall)\b"
)
# Fewer items than this say too little; at least this share of findings is a run of them.
MIN_ITEMS = 3
FINDINGS_SHARE = 0.3


def reads_as_finding(text: str) -> bool:
    """Whether an item's text reads as a finding rather than an instruction."""
    return _FINDING_START.match(text) is not None and _ACTION.search(text) is None


def list_item_checks(profile: Profile, items: list[RecommendationFinding]) -> list[Note]:
    """A `review` warning for each list of instructions whose items read as findings."""
    by_heading: dict[str, list[RecommendationFinding]] = {}
    for item in items:
        by_heading.setdefault(item.heading, []).append(item)
    notes = []
    for title, found in by_heading.items():
        heading = match_list_heading(title, profile)
        if heading is None or not heading.imperative or len(found) < MIN_ITEMS:
            continue
        findings = [item for item in found if reads_as_finding(item.text)]
        if len(findings) >= FINDINGS_SHARE * len(found):
            first = findings[0]
            notes.append(
                Note(
                    "improvement_items_unlike_actions",
                    f"{len(findings)} of the {len(found)} items under {title!r} read as findings, "
                    f"not instructions (the first: {first.text[:60]!r}...): the list may run on "
                    "past its end, or its heading may stand away from its items",
                    evidence=Evidence(first.evidence.lines, first.text),
                )
            )
    return notes
