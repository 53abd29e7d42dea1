"""Joint targeted area inspection letters (2016 on): ungraded."""

from __future__ import annotations

from .spec import LETTER_ENDINGS, ListHeading, Profile

PROFILE = Profile(
    kind="jtai",
    name="Joint targeted area inspection letter",
    title_patterns=(r"Joint targeted area inspection of",),
    priority=30,
    visit_days=(3, 10),
    visit_span_days=14,
    expects_lead=False,
    graded=False,
    # Some letters have no improvement list at all.
    expects_list=False,
    list_headings=(
        ListHeading(r"Areas? for priority actions?", "priority_action"),
        ListHeading(r"Areas for improvement"),
        # A footnote marker after the question mark, glued or set apart ("improve?1").
        ListHeading(r"What needs to improve\s*\??\s?\d?"),
    ),
    list_skip=(
        r"^there (?:are|were) no (?:areas for )?priority actions?",
        r"^(?:no|there are no) areas for priority action",
    ),
    section_headings=(
        r"Key strengths",
        r"Strengths",
        r"Case study.*",
        r"Next steps",
        r"Headline findings",
        r"Main findings",
        r"Context",
    ),
    provider_patterns=(
        # The area follows the title's last " in ": a theme can hold one ("abuse in the family").
        # An area is a name, capitalised even though patterns match without case: a title that
        # names no area ends its theme in lower case ("... in the family environment").
        r"Joint targeted area inspection of the multi-agency response to [\s\S]{3,120}\s+in\s+"
        r"(?:the\s+)?(?P<provider>(?-i:[A-Z])[^.\d]{1,80}?)(?=\d?\s+(?:Between|This|From|On)\b)",
        # A title that names only the theme (no " in <area>") is no area: the lookahead sits
        # before the optional "the", so "the multi-agency response to ..." is never read as one.
        r"Joint targeted area inspection of (?!(?:the\s+)?multi-agency)(?:the\s+)?"
        r"(?P<provider>[A-Z][^.\d]{1,80}?)"
        r"(?=\d?\s+(?:Between|This|From|On)\b)",
        # Titles that name only the theme: the template sentence about the agencies names the area.
        # A name may hold a comma before a capitalised word ("Bournemouth, Christchurch and
        # Poole"); ", and the ..." is the sentence going on.
        r"the work of individual agencies in (?:the\s+)?"
        r"(?P<provider>[A-Z][\w’' -]{1,60}?(?:,\s+(?-i:[A-Z])[\w’' -]{1,60}?)*)"
        r"(?:\s+local authority)?\s*\.",
        r"Dear (?P<provider>[A-Z][^\n]{1,60}?)\s+(?:Local\s+)?Safeguarding (?:Children )?Partnership",
    ),
    date_patterns=(
        # The reader stops at the first word that is not part of a date: capture generously.
        r"\b(?P<dates>Between\s+\d{1,2}\b[^.]{0,100})",
        r"took place\s+(?P<dates>(?:from|between|on)\s+(?:the\s+)?\d{1,2}\b[^.]{0,100})",
    ),
    lead_patterns=(),
    letter=True,
    endings=LETTER_ENDINGS,
)
