"""Joint area reviews and joint progress inspections with CQC and HMI Constabulary (to 2009).

The judgement is a description of progress, not a grade: the kind is ungraded. Reports give
no inspection dates and name no lead inspector.
"""

from __future__ import annotations

from .spec import ListHeading, Profile

PROFILE = Profile(
    kind="joint_area_review",
    name="Joint area review / joint progress inspection (to 2009)",
    title_patterns=(
        r"Inspection of progress made in the provision of safeguarding services",
        r"\bJoint area review\b.{0,200}?(?:Commission|Constabulary)",
    ),
    priority=30,
    graded=False,
    list_headings=(ListHeading(r"Priorities for further improvement", item_style="bullets"),),
    section_headings=(r"Introduction", r"Background", r"Context", r"Main findings"),
    provider_patterns=(
        r"provision of safeguarding services in\s+(?:the\s+)?(?P<provider>[A-Z][^\n.]{1,80}?)"
        r"(?=\s+(?:Published|Reference|Age group|Inspection|\d)|\n|$)",
        r"Joint area review\s+(?P<provider>[A-Z][^\n]{1,80}?)(?:\s+Children|\n)",
    ),
    date_patterns=(r"Inspection dates?:?\s+(?P<dates>[^\n]+)",),
    expects_dates=False,
)
