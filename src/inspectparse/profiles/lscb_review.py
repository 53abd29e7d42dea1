"""A standalone review of a local safeguarding children board (2015)."""

from __future__ import annotations

from .sif import LSCB_SENTENCE, LSCB_TITLE
from .spec import LEAD_LABEL, JudgementSpec, ListHeading, Profile

PROFILE = Profile(
    kind="lscb_review",
    numbers_paragraphs_from=0,
    name="Review of the effectiveness of the Local Safeguarding Children Board",
    title_patterns=(
        r"^(?:\d+\s+)?\S.{0,80}?Safeguarding Children Board\s+Review of the effectiveness of "
        r"the Local Safeguarding Children Board",
    ),
    # A SIF carries the review title too: the SIF profile has the higher priority.
    priority=15,
    visit_days=(1, 35),
    visit_span_days=42,
    judgements=(JudgementSpec("lscb", sentences=(LSCB_SENTENCE,), title=LSCB_TITLE),),
    list_headings=(
        ListHeading(r"Recommendations", "recommendation", item_style="bullets"),
        ListHeading(r"Areas for improvement", item_style="bullets"),
    ),
    section_headings=(
        r"Information about this (?:area|review)",
        r"Executive summary",
        r"Inspection findings.*",
    ),
    provider_patterns=(r"^(?:\d+\s+)?(?P<provider>.+?Safeguarding Children Board)\s+Review of",),
    lead_patterns=(rf"^{LEAD_LABEL}:?\s+(?P<name>.+)$",),
)
