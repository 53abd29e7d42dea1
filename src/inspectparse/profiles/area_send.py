"""Area SEND inspections of local area partnerships (2023 framework)."""

from __future__ import annotations

from .spec import (
    AREA_SEND_OUTCOMES,
    PERSON_NAME,
    TITLE_PAGE_FIRST_FIELD,
    BodyColumn,
    JudgementSpec,
    ListHeading,
    Profile,
)

PROFILE = Profile(
    kind="area_send",
    name="Area SEND inspection of a local area partnership",
    title_patterns=(
        r"Area SEND inspection of .{1,120}?Local\s+Area\s+Partnership",
        # The partnership's name printed otherwise: the title ends at the page's first field.
        rf"Area SEND inspection of .{{1,120}}?(?=\s+{TITLE_PAGE_FIRST_FIELD})",
    ),
    priority=30,
    grades=AREA_SEND_OUTCOMES,
    judgements=(
        JudgementSpec(
            "area_send_outcome",
            title="Inspection outcome",
            sentences=(
                r"arrangements\s+(?:typically\s+)?lead\s+to\s+(?P<grade>positive|inconsistent)\s+"
                r"experiences",
                r"widespread\s+and/or\s+systemic\s+failings\s+leading\s+to\s+"
                r"(?P<grade>significant\s+concerns)",
            ),
        ),
    ),
    list_headings=(
        ListHeading(r"Areas for priority action", "priority_action", item_style="paragraphs"),
        ListHeading(r"Areas for improvement", item_style="paragraphs"),
    ),
    body_column=BodyColumn(
        header=r"Responsible bod(?:y|ies)",
        # Capitalised names and acronyms, "(ICB)", joining words, a few lower-case role words.
        line=r"(?:(?:[A-Z][\w’'&-]*|\([A-Z]{2,}\)|and|of|the|for|&|area|local|authority|leaders)"
        r",?\s*)+",
        names=r"\b(?:Council|NHS|ICB|Integrated Care Board|Trust|Authority|Partnership|Board"
        r"|[Ll]eaders)\b",
        name_end=r"\b(?:Council|ICB|\(ICB\)|Board|Trust|Authority)$",
    ),
    section_headings=(
        r"Information about the local area partnership",
        r"What is it like to be a child or young person with SEND in this area\?",
        r"What is the area partnership doing that is effective\?",
        r"What does the area partnership need to do better\?",
        r"Local area partnership details",
        r"Information about this inspection",
        r"Inspection team",
        r"Inspection outcome",
    ),
    provider_patterns=(
        r"Area SEND inspection of\s+(?:the\s+)?(?P<provider>.+?Local\s+Area\s+Partnership)",
        # A name printed otherwise ends where the title page's first field begins.
        rf"Area SEND inspection of\s+(?:the\s+)?(?P<provider>.+?)\s+{TITLE_PAGE_FIRST_FIELD}",
    ),
    lead_patterns=(
        rf"^(?P<name>{PERSON_NAME}),?"
        r"\s+(?:HMI,?\s+)?Ofsted(?:\s+HMI)?,?\s+(?:HMI\s+)?[Ll]ead",
        rf"^(?P<name>{PERSON_NAME}),?"
        r"\s+HMI,?\s+Lead",
    ),
)
