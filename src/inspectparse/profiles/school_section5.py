"""School inspection reports under section 5 (common inspection framework, 2015-19)."""

from __future__ import annotations

from .spec import (
    ALONE_AFTER,
    DATES_LABEL,
    NAME_LINE,
    JudgementSpec,
    ListHeading,
    Profile,
    judgement,
    wrapped_name,
)

# Words that end a school's name and never name one on their own (a line of only these is the
# wrapped end of the name above it; the address line below holds a street and a postcode).
_SCHOOL_TAIL = (
    r"(?:Primary|Junior|Infant|Nursery|Secondary|High|Middle|First|Upper|Grammar|Community"
    r"|Catholic|Church|of|England|CofE|C|E|Voluntary|Aided|Controlled|Academy|School|College"
    r"|Special|Free|Studio|Technical|Foundation|and|the|\(VA\)|\(VC\))"
)

PROFILE = Profile(
    kind="school_section5",
    name="School inspection report (section 5)",
    # The title is "School report"; the inspection dates follow the school's name and address.
    title_patterns=(rf"^School report(?=\s+\S.{{2,120}}?{DATES_LABEL})",),
    priority=30,
    visit_days=(1, 3),
    visit_span_days=7,
    authority_type="school",
    identifier_patterns=(
        r"^Unique reference number\s+(?P<urn>\d{6,7})\s*$",
        r"^Local authority\s+(?P<local_authority>[A-Z][^\n]{1,60}?)\s*$",
    ),
    table_header=None,
    table_pages=1,
    judgements=(
        judgement(
            "overall_effectiveness", r"Overall effectiveness(?!\s+at\s+previous)", ALONE_AFTER
        ),
        judgement(
            "leadership_and_management",
            r"Effectiveness of leadership and management",
            ALONE_AFTER,
        ),
        judgement(
            "teaching_learning_and_assessment",
            r"Quality of teaching, learning and assessment",
            ALONE_AFTER,
        ),
        judgement(
            "personal_development_behaviour_and_welfare",
            r"Personal development, behaviour and welfare",
            ALONE_AFTER,
        ),
        judgement("outcomes_for_pupils", r"Outcomes for pupils", ALONE_AFTER),
        judgement("early_years_provision", r"Early years provision", ALONE_AFTER, required=False),
        JudgementSpec(
            "sixth_form_provision",
            label=r"(?:16 to 19 study programmes|Sixth form provision)",
            required=False,
        ),
    ),
    list_headings=(
        ListHeading(
            r"What does the school need to do to improve further\?",
            item_style="bullets",
            imperative=True,
        ),
    ),
    list_items_after_bullets=True,
    section_headings=(
        r"Summary of key findings for parents and pupils",
        r"Full report",
        r"Inspection judgements",
        r"Effectiveness of leadership and management",
        r"Quality of teaching, learning and assessment",
        r"Personal development, behaviour and welfare",
        r"Outcomes for pupils",
        r"Early years provision",
        r"School details",
        r"Information about this school",
        r"Information about this inspection",
        r"Inspection team",
    ),
    # The school's name under the title, or two lines when the second holds only the words a
    # school's name ends in ("Northwick St Mary's Church of England" / "Primary School").
    provider_patterns=(
        rf"^School report\s*\n(?P<provider>{wrapped_name(_SCHOOL_TAIL, NAME_LINE)})\n",
    ),
    lead_patterns=(r"^(?P<name>[A-Z][^,]{2,60}),\s*lead inspector",),
)
