"""ILACS: inspection of local authority children's services, 2018 onward (all three variants)."""

from __future__ import annotations

from .spec import (
    APOS,
    COLON_OR_VERB,
    DATES_LABEL,
    TITLE_PAGE_FIRST_FIELD,
    WRAPPED_NAME,
    JudgementSpec,
    ListHeading,
    Profile,
    Variant,
    judgement,
)

_CHILDREN = rf"children{APOS}s"
# The first judgement's label as it begins (a layout's grade cell can follow these words).
_LEADERS_LABEL_START = "The impact of leaders on"

PROFILE = Profile(
    kind="ilacs",
    numbers_paragraphs_from=0,
    name="Inspection of local authority children's services (ILACS)",
    title_patterns=(
        # 2019 also "Inspection of local authority children's social care services".
        rf"Inspection of (?:local authority )?{_CHILDREN} social care services",
        # The title page's first field follows the title: the dates, or the lead inspector.
        rf"Inspection of .{{0,120}}?{_CHILDREN} services\s+{TITLE_PAGE_FIRST_FIELD}",
        rf"Inspection of .{{0,120}}?(?:Trust|Council)\s+{TITLE_PAGE_FIRST_FIELD}",
        # Any other name (a trust's brand, "Inspection of County Durham") where the title
        # page's table goes on with this framework's first label.
        rf"Inspection of (?!local authority |{_CHILDREN}).{{1,120}}?\s+{TITLE_PAGE_FIRST_FIELD}"
        rf"(?=.{{0,600}}?\b{_LEADERS_LABEL_START})",
    ),
    exclude_patterns=(r"Focused visit to\b", r"Joint targeted area inspection of\b"),
    overall_lineage="overall_effectiveness",
    priority=10,
    # Standard inspections two weeks on site, short ones one (a small authority: three days);
    # some are split over two periods months apart.
    visit_days=(2, 21),
    visit_span_days=150,
    # The table's "Judgement" column head, or that head run on after the title page's last
    # field ("Lead inspector: ... Judgement") by a converter that lost the line break.
    table_header=r"^Judgement\b|\s(?-i:Judgement)$",
    judgements=(
        judgement(
            "impact_of_leaders",
            rf"{_LEADERS_LABEL_START} (?:social work )?practice with children and families",
            COLON_OR_VERB,
        ),
        judgement(
            "help_and_protection",
            r"The experiences and progress of children who need help and protection",
            COLON_OR_VERB,
        ),
        judgement(
            "children_in_care_and_care_leavers",
            r"The experiences and progress of children in care and care leavers",
            COLON_OR_VERB,
            required_in=("three_judgements",),
        ),
        judgement(
            "children_in_care",
            r"The experiences and progress of children in care(?! and care leavers)",
            COLON_OR_VERB,
            required_in=("four_judgements", "no_overall"),
        ),
        judgement(
            "care_leavers",
            # One report prints "children care leavers": match the label by its last words.
            r"The experiences and progress of (?:children )?care\s+leavers",
            COLON_OR_VERB,
            required_in=("four_judgements", "no_overall"),
        ),
        JudgementSpec(
            "overall_effectiveness",
            label=r"Overall effectiveness",
            required_in=("three_judgements", "four_judgements"),
        ),
    ),
    variants=(
        Variant(
            "three_judgements",
            marker=r"children in care and\s+care leavers",
            absent=("children_in_care", "care_leavers"),
        ),
        Variant(
            "four_judgements",
            marker=r"Overall effectiveness",
            absent=("children_in_care_and_care_leavers",),
        ),
        # 2026 format: four sub-judgements and no overall effectiveness grade.
        Variant(
            "no_overall",
            absent=("children_in_care_and_care_leavers", "overall_effectiveness"),
            first_year=2026,
        ),
    ),
    list_headings=(
        ListHeading(r"What needs to improve(?: in this local authority)?\s*[?:]?\d?"),
        ListHeading(r"What Needs to Improve"),
    ),
    section_headings=(
        r"The experiences and progress of children.*",
        r"The impact of leaders on .*",
    ),
    provider_patterns=(
        # 2018-20: the provider is the line above the title, or two when the name wraps
        # ("City of X Metropolitan District" / "Council").
        # The title's words may wrap onto a second line.
        rf"^(?P<provider>{WRAPPED_NAME})\n\s*Inspection\s+of\s+(?:local\s+authority\s+)?"
        rf"{_CHILDREN}\s+(?:social\s+care\s+)?services",
        # 2021 on: "Inspection of [the] X local authority children's services".
        rf"Inspection\s+of\s+(?:the\s+)?(?P<provider>.+?)\s+local\s+authority\s+{_CHILDREN}\s+services",
        rf"Inspection\s+of\s+(?:the\s+)?(?P<provider>.+?(?:Trust|Council))\s+{DATES_LABEL}",
        rf"Inspection\s+of\s+(?:the\s+)?(?P<provider>.+?)\s+{_CHILDREN}\s+services",
        # Any other name before the title page's first field (the title patterns above).
        rf"Inspection\s+of\s+(?:the\s+)?(?P<provider>(?!local\s+authority\s|{_CHILDREN}).+?)"
        rf"\s+{TITLE_PAGE_FIRST_FIELD}",
    ),
)
