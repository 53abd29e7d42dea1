"""SIF: single inspection framework 2013-18 (with the LSCB review; re-inspections too)."""

from __future__ import annotations

from functools import partial

from .spec import (
    ALONE_AFTER,
    APOS,
    GRADE,
    LEAD_LABEL,
    JudgementSpec,
    ListHeading,
    Profile,
    judgement,
)

# "is", "is that it is", "is that it requires improvement", "is judged to be".
_IS = r"(?:\s+is|\s+are)?(?:\s+that\s+it(?:\s+is)?)?(?:\s+judged\s+to\s+be)?\s+"
# The LSCB grade sentence: "The (judgement for the) (effectiveness of the) Local Safeguarding
# Children Board (LSCB) is / requires ..." (one report leaves out "Board": then a verb must
# join it to its grade, or a heading cut after "Children" would take any grade that follows),
# or "The effectiveness of the LSCB is ...".
LSCB_SENTENCE = (
    rf"^(?:The\s+)?(?:judgement\s+for\s+the\s+)?(?:(?:effectiveness\s+of\s+the\s+)?"
    rf"Local\s+Safeguarding\s+Children(?:\s+Board\d?(?:\s+\(LSCB\))?|(?=\s+(?:is|are)\s))"
    # The 2014 LSCB section's heading: "The effectiveness of the LSCB is inadequate".
    rf"|effectiveness\s+of\s+the\s+LSCB){_IS}(?P<grade>{GRADE})"
)

_numbered = partial(ListHeading, item_style="numbered", imperative=True)

LSCB_TITLE = "The effectiveness of the Local Safeguarding Children Board"
# Text only a report that includes the LSCB review holds (the combined-report boilerplate,
# "... and the review of the LSCB under its power to combine reports", is in every one).
_LSCB_NAME = r"(?:Local\s+Safeguarding\s+Children\s+Board|LSCB)"
LSCB_REVIEW = (
    rf"Review\s+of\s+the\s+effectiveness\s+of\s+the\s+{_LSCB_NAME}"
    rf"|review\s+of\s+the\s+{_LSCB_NAME}\s+(?:was\s+)?carried\s+out"
    rf"|The\s+effectiveness\s+of\s+the\s+{_LSCB_NAME}\b"
)

PROFILE = Profile(
    kind="sif",
    # The 2013 pilots and some early-2014 reports are unnumbered; from 2015 every one is.
    numbers_paragraphs_from=2015,
    name="Single inspection framework (SIF) 2013-18",
    title_patterns=(
        r"(?:Re-?\s?inspection|Inspection) of services for children in need of help and protection",
    ),
    overall_lineage="overall_effectiveness",
    priority=20,
    # Four weeks on site; one 2016 report prints a single date (a review warning).
    visit_days=(2, 35),
    visit_span_days=42,
    table_header=None,
    table_pages=1,
    judgements=(
        JudgementSpec(
            "overall_effectiveness",
            title="Overall effectiveness",
            sentences=(
                rf"^The overall judgement is(?: that)?(?: children{APOS}s services)?"
                rf"(?:\s+are|\s+is)?\s+(?P<grade>{GRADE})",
                rf"^Children{APOS}s services(?: in [^.]{{1,80}}?)?(?:\s+are|\s+is)?\s+(?P<grade>{GRADE})",
            ),
        ),
        judgement("help_and_protection", r"Children who need help and protection", ALONE_AFTER),
        judgement(
            "children_looked_after",
            r"Children looked after and achieving permanence",
            ALONE_AFTER,
        ),
        JudgementSpec(
            "adoption_performance",
            label=r"Adoption performance",
            sentences=(rf"^The graded judgement for adoption performance{_IS}(?P<grade>{GRADE})",),
        ),
        JudgementSpec(
            "care_leavers",
            label=r"Experiences and progress of care leavers",
            sentences=(
                rf"^The graded judgement about the experiences? and progress of care leavers"
                rf"{_IS}(?P<grade>{GRADE})",
            ),
        ),
        judgement(
            "leadership_management_governance",
            r"Leadership, management and governance",
            ALONE_AFTER,
        ),
        # Re-inspections and a few late inspections have no LSCB review: not required.
        JudgementSpec(
            "lscb",
            sentences=(LSCB_SENTENCE,),
            title=LSCB_TITLE,
            # Re-inspections and the pilot have no LSCB review; a report that includes one
            # names it in its title, its legal footnote or its section heading.
            required=False,
            expected_if=LSCB_REVIEW,
        ),
    ),
    # Numbered lists of instructions ("Ensure that ...", "Strengthen ...").
    list_headings=(
        _numbered(r"What does the local authority need to improve\??"),
        _numbered(r"What does the LSCB need to improve\??"),
        _numbered(r"Priority and immediate action", "priority_action"),
        # The 2014 LSCB section's form of the same list.
        _numbered(r"Priority actions?", "priority_action"),
        _numbered(r"Areas for improvement"),
        _numbered(r"Recommendations", "recommendation"),
    ),
    list_skip=(
        r"^(?:the inspection did not find any|there (?:are|were) no)\s+(?:areas for )?"
        r"priority(?: and immediate)? actions?",
    ),
    section_headings=(
        r"Section \d:.*",
        r"Summary of (?:key )?findings",
        r"Information about this (?:local authority area|inspection)",
        r"Executive summary",
        r"Summary for children and young people",
        r"The Local Safeguarding Children Board(?: \(LSCB\))?",
        # The closing description of the grades (2014-15), the local authority's and the LSCB's.
        r"What the (?:local authority|LSCB) inspection judgements mean",
        r"Information about the (?:local authority|LSCB) inspection",
    ),
    provider_patterns=(
        r"\A(?:\d+\s+)?(?P<provider>.+?)\s+(?:Re-?\s?inspection|Inspection) of services for children",
    ),
    lead_patterns=(rf"^{LEAD_LABEL}(?: on site)?:?\s+(?P<name>.+)$",),
)
