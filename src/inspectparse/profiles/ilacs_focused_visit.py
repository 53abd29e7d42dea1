"""ILACS focused-visit letters (2018 on): ungraded."""

from __future__ import annotations

from .spec import APOS, LETTER_ENDINGS, ListHeading, Profile

PROFILE = Profile(
    kind="ilacs_focused_visit",
    name="Focused visit letter under ILACS",
    title_patterns=(
        # An address block can be printed over the title ("children'sHA1 2XF services").
        r"Focused\s+(?:\S+\s+){0,4}?visit to\s+.{1,120}?children"
        + APOS
        + r"s\S*\s+(?:[A-Z0-9]{2,4}\s+)*services",
        r"Focused\s+(?:\S+\s+){0,4}?visit to\s+(?:the\s+)?[A-Z].{1,80}?(?:Trust|Council)\b",
    ),
    priority=30,
    visit_days=(1, 7),
    visit_span_days=14,
    expects_lead=False,
    graded=False,
    # Some letters have no improvement list at all.
    expects_list=False,
    list_headings=(
        ListHeading(r"Areas? for priority actions?", "priority_action"),
        ListHeading(r"What needs to improve in this area of (?:social work )?practice\s*[?:]?\d?"),
        ListHeading(r"Areas for improvement"),
    ),
    section_headings=(
        r"Overview",
        r"Headline findings",
        r"Main findings",
        r"Findings",
    ),
    provider_patterns=(
        # The address block can be printed over the subject line: a postcode may sit anywhere.
        rf"Focused\s+(?:\S+\s+){{0,4}}?visit to\s+(?:the\s+)?(?P<provider>[^.]{{1,80}}?)(?:{APOS}s?)?\s+"
        rf"(?:local\s+authority\s+)?children{APOS}s\S*\s+(?:[A-Z0-9]{{2,4}}\s+)*services",
        # A trust or council named without "children's services" after it.
        r"Focused\s+(?:\S+\s+){0,4}?visit to\s+(?:the\s+)?(?P<provider>[A-Z][^.\n]{1,80}?"
        r"(?:Trust|Council|Partnership))\b",
    ),
    date_patterns=(
        # The reader stops at the first word that is not part of a date: capture generously.
        r"(?:focused visit|visit to|findings of)[^.]{0,160}?"
        r"\b(?P<dates>(?:on|between|from)\s+(?:the\s+)?\d{1,2}\b[^.]{0,100})",
        r"\b(?P<dates>(?:on|between|from)\s+(?:the\s+)?\d{1,2}\s+(?:and|to|–|-)\s+\d{1,2}\s+\w+"
        r"(?:\s+\d{4})?)",
    ),
    lead_patterns=(),
    lead_search_patterns=(
        r"(?i:lead\s+inspector),?\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})",
        r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),?\s+(?:HMI,?\s+)?\((?i:lead\s+inspector)\)",
        r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+(?:HMI,\s+)?(?i:lead\s+inspector)\b",
    ),
    letter=True,
    endings=LETTER_ENDINGS,
    # The subject line comes before the body's sentences that name the visit again.
    provider_earliest=True,
)
