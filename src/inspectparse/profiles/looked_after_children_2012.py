"""Inspection of looked after children services (2012-13)."""

from __future__ import annotations

from . import GRADE, JudgementSpec, ListHeading, Profile

PROFILE = Profile(
    kind="looked_after_children_2012",
    name="Inspection of looked after children services (2012-13)",
    title_patterns=(r"Inspection of looked after children services",),
    exclude_patterns=(),
    priority=25,
    visit_days=(3, 14),
    visit_span_days=21,
    grades=("outstanding", "good", "adequate", "inadequate"),
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
        JudgementSpec(
            "capacity_to_improve",
            label=r"Capacity (?:for|to) improve(?:ment)?",
            sentences=(
                rf"^Capacity (?:for|to) improve(?:ment)?\s+Grade\s+\d\s*\(\s*(?P<grade>{GRADE})\s*\)",
            ),
        ),
        JudgementSpec(
            "outcomes_for_looked_after_children",
            label=r"(?:How good are )?outcomes for looked after children(?: and (?:care leavers|young people))?",
            sentences=(
                rf"^(?:How good are )?outcomes for looked after children\b[^.]{{0,60}}?"
                rf"\s+Grade\s+\d\s*\(\s*(?P<grade>{GRADE})\s*\)",
            ),
        ),
        JudgementSpec(
            "quality_of_provision",
            label=r"(?:The )?quality of provision",
            sentences=(
                rf"^(?:The )?quality of provision\s+Grade\s+\d\s*\(\s*(?P<grade>{GRADE})\s*\)",
            ),
        ),
        JudgementSpec(
            "leadership_and_management",
            label=r"Leadership and management",
            sentences=(rf"^Leadership and management\s+Grade\s+\d\s*\(\s*(?P<grade>{GRADE})\s*\)",),
        ),
    ),
    list_headings=(ListHeading(r"Areas for improvement"),),
    section_headings=(
        r"Overall effectiveness",
        r"Capacity (?:for|to) improve(?:ment)?",
        r"Areas for improvement",
        r"About this inspection",
        r"Service information",
        r"Record of main findings",
        # Optional first words are written as separate headings: a heading that starts with a
        # plain letter is tried only on lines starting with it (segment._KnownHeadings).
        r"How good are outcomes for looked after children.*",
        r"outcomes for looked after children.*",
        r"The quality of provision",
        r"quality of provision",
        r"Leadership and management",
    ),
    provider_patterns=(
        r"Inspection of looked after children\s+services\s*\n(?P<provider>[^\n]+)\n",
    ),
)
