"""Joint area reviews and joint progress inspections with CQC and HMI Constabulary (to 2009).

The judgement is a description of progress, not a grade: the kind is ungraded. Reports give
no inspection dates and name no lead inspector.
"""

from __future__ import annotations

from .spec import DATES_LABEL, ListHeading, Profile

# What follows the area's name on the cover: a label, or a partner inspectorate's name.
_AFTER_NAME = (
    r"Published|Reference|Age group|Inspection|\d|Ofsted|Office for Standards|Care Quality"
    r"|Healthcare Commission|Commission for Social Care|Audit Commission|HM(?:I|\s)|Her Majesty"
)

PROFILE = Profile(
    kind="joint_area_review",
    name="Joint area review / joint progress inspection (to 2009)",
    title_patterns=(
        r"Inspection of progress made in the provision of safeguarding services",
        r"\bJoint area review\b.{0,200}?(?:Commission|Constabulary)",
    ),
    priority=30,
    expects_lead=False,
    graded=False,
    list_headings=(ListHeading(r"Priorities for further improvement", item_style="bullets"),),
    section_headings=(r"Introduction", r"Background", r"Context", r"Main findings"),
    provider_patterns=(
        # The name can wrap over the title's last lines ("... in the London" / "Borough of X"):
        # it ends where the partner inspectorates' names or the cover's labels begin.
        rf"provision of safeguarding services in\s+(?:the\s+)?(?P<provider>[A-Z][^.]{{1,80}}?)"
        rf"(?=\s+(?:{_AFTER_NAME})|\s*\Z)",
        r"provision of safeguarding services in\s+(?:the\s+)?(?P<provider>[A-Z][^\n.]{1,80}?)"
        r"(?=\s+(?:Published|Reference|Age group|Inspection|\d)|\n|$)",
        r"Joint area review\s+(?P<provider>[A-Z][^\n]{1,80}?)(?:\s+Children|\n)",
    ),
    date_patterns=(rf"{DATES_LABEL}:?\s+(?P<dates>[^\n]+)",),
    expects_dates=False,
    # No report of this era in the corpus shows how one ends: no check.
    endings=(),
)
