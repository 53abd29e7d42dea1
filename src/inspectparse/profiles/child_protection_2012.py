"""Inspection of local authority arrangements for the protection of children (2012-13)."""

from __future__ import annotations

from .spec import (
    BACK_PAGE_ENDINGS,
    FOUR_POINT_TO_2013,
    GRADE,
    IS_OR_ARE,
    NAME_LINE,
    JudgementSpec,
    ListHeading,
    Profile,
    judgement,
)

PROFILE = Profile(
    kind="child_protection_2012",
    numbers_paragraphs_from=0,
    name="Inspection of local authority arrangements for the protection of children",
    title_patterns=(r"Inspection of local authority arrangements for the protection of children",),
    priority=25,
    grades=FOUR_POINT_TO_2013,
    # The "Record of main findings" table at the end.
    table_header=r"^Record of main findings\s*$",
    table_pages=0,
    # The narrative states each judgement; the closing table repeats it (and can disagree).
    primary_source="narrative",
    judgements=(
        JudgementSpec(
            "overall_effectiveness",
            label=r"Overall effectiveness",
            sentences=(
                rf"overall effectiveness of the arrangements to protect children in .{{0,80}}?"
                rf"(?:is|are) judged to be\s+(?P<grade>{GRADE})",
            ),
        ),
        JudgementSpec(
            "help_and_protection",
            label=r"The effectiveness of (?:the )?help and protection provided to children",
            sentences=(
                rf"^The effectiveness of (?:the )?help and protection provided to children"
                rf"[^.]{{0,120}}?\s(?:is|are)\s+(?:judged to be\s+)?(?P<grade>{GRADE})",
            ),
        ),
        judgement("quality_of_practice", r"The quality of practice", IS_OR_ARE),
        judgement("leadership_and_governance", r"Leadership and governance", IS_OR_ARE),
    ),
    list_headings=(ListHeading(r"Areas for improvement", imperative=True),),
    section_headings=(
        r"The inspection judgements and what they mean",
        r"Overall effectiveness",
        r"About this inspection",
        r"Service information",
        r"The effectiveness of the help and protection provided to children.*",
        r"The quality of practice",
        r"Leadership and governance",
        r"Record of main findings",
    ),
    # The copyright line is on the inside cover; the report ends with its summary table.
    endings=BACK_PAGE_ENDINGS + (r"^Record of main findings",),
    overall_lineage="overall_effectiveness",
    # The name is the line under the title, which may wrap ("... arrangements for the" /
    # "protection of children"); a running header that repeats the title after the area's name
    # does not open its line with it.
    provider_patterns=(
        r"^Inspection\s+of\s+local\s+authority\s+arrangements\s+for\s+the\s+protection\s+of\s+"
        rf"children\s*\n(?P<provider>{NAME_LINE})\n",
    ),
)
