"""Inspection of looked after children services (2012-13)."""

from __future__ import annotations

from .spec import (
    BACK_PAGE_ENDINGS,
    FOUR_POINT_TO_2013,
    GRADE,
    NAME_LINE,
    NUMBERED_IN_BRACKETS,
    JudgementSpec,
    ListHeading,
    Profile,
    judgement,
)

PROFILE = Profile(
    kind="looked_after_children_2012",
    numbers_paragraphs_from=0,
    name="Inspection of looked after children services (2012-13)",
    title_patterns=(r"Inspection of looked after children services",),
    exclude_patterns=(),
    priority=25,
    grades=FOUR_POINT_TO_2013,
    table_header=r"^Record of main findings\s*$",
    table_pages=0,
    primary_source="narrative",
    judgements=(
        JudgementSpec(
            "overall_effectiveness",
            label=r"Overall effectiveness(?: of services for looked after children(?: and young people)?)?",
            # The heading wraps ("... of services for looked / after children ...").
            sentences=(
                rf"^Overall effectiveness\b[^.]{{0,80}}?\s+Grade\s+\d\s*\(\s*(?P<grade>{GRADE})\s*\)",
            ),
        ),
        judgement(
            "capacity_to_improve", r"Capacity (?:for|to) improve(?:ment)?", NUMBERED_IN_BRACKETS
        ),
        JudgementSpec(
            "outcomes_for_looked_after_children",
            label=r"(?:How good are )?outcomes for looked after children(?: and (?:care leavers|young people))?",
            sentences=(
                rf"^(?:How good are )?outcomes for looked after children\b[^.]{{0,60}}?"
                rf"\s+Grade\s+\d\s*\(\s*(?P<grade>{GRADE})\s*\)",
            ),
        ),
        judgement("quality_of_provision", r"(?:The )?quality of provision", NUMBERED_IN_BRACKETS),
        judgement("leadership_and_management", r"Leadership and management", NUMBERED_IN_BRACKETS),
    ),
    list_headings=(ListHeading(r"Areas for improvement", imperative=True),),
    section_headings=(
        r"Overall effectiveness",
        r"Capacity (?:for|to) improve(?:ment)?",
        r"Areas for improvement",
        r"About this inspection",
        r"Service information",
        r"Record of main findings",
        # Optional first words are written as separate headings: a heading that starts with a
        # plain letter is tried only on lines starting with it (segment.headings.KnownHeadings).
        r"How good are outcomes for looked after children.*",
        r"outcomes for looked after children.*",
        r"The quality of provision",
        r"quality of provision",
        r"Leadership and management",
    ),
    # The copyright line is on the inside cover; the report ends with its summary table.
    endings=BACK_PAGE_ENDINGS + (r"^Record of main findings",),
    provider_patterns=(
        # The line under the title (a running header repeats it after the area's name).
        rf"^Inspection\s+of\s+looked\s+after\s+children\s+services\s*\n(?P<provider>{NAME_LINE})\n",
    ),
)
