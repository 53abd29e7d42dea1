"""ILACS focused-visit letters (2018 on): ungraded."""

from __future__ import annotations

from .spec import APOS, INSPECTOR_RANK, LETTER_ENDINGS, PERSON_NAME, ListHeading, Profile

# A trust's brand name as the subject ("Focused visit to Bright Futures for Children"): capitalised
# words with no full stop, and not the usual "X children's services" subject.
_BRAND = rf"(?!(?:\S+\s+){{0,8}}?children{APOS}s\s+services\b)(?-i:[A-Z])[^.]{{1,70}}?"
# A character of a name on the subject line: no full stop, and not the opening's first words.
_NAME_CHAR = r"(?:(?!This letter\b|(?:Her|His) Majesty)[^.])"
# What follows the subject line: the letter's first paragraph ("This letter summarises ..."; in
# COVID-era letters "Her Majesty's Chief Inspector ... is leading ...").
_OPENING = r"(?=This letter\b|(?:Her|His) Majesty.s Chief Inspector\b)"

# A rank between a name and its role ("A, His Majesty's Inspector, lead inspector").
_RANK_BEFORE_ROLE = rf"(?:(?:Senior\s+)?{INSPECTOR_RANK},?\s+)?"
# Words that open a council officer's role, never a person's name.
_NOT_A_ROLE = (
    r"(?!(?:Chief|Assistant|Deputy|Director|Executive|Corporate|Strategic|Head|Service|Principal"
    r"|Interim|Acting|Lead|Team)\b)"
)

PROFILE = Profile(
    kind="ilacs_focused_visit",
    name="Focused visit letter under ILACS",
    title_patterns=(
        # An address block can be printed over the title ("children'sHA1 2XF services").
        r"Focused\s+(?:\S+\s+){0,4}?visit to\s+.{1,120}?children"
        + APOS
        + r"s\S*\s+(?:[A-Z0-9]{2,4}\s+)*services",
        r"Focused\s+(?:\S+\s+){0,4}?visit to\s+(?:the\s+)?[A-Z].{1,80}?(?:Trust|Council)\b",
        # A trust known by its brand name alone: the subject line, then the letter's opening.
        r"Focused\s+visit\s+to\s+" + _BRAND + r"\s+" + _OPENING,
    ),
    priority=30,
    visit_days=(1, 7),
    visit_span_days=14,
    expects_lead=False,
    graded=False,
    # Some letters have no improvement list at all.
    expects_list=False,
    list_headings=(
        ListHeading(r"Areas? for priority actions?", "priority_action"),
        # A footnote marker after the question mark, glued or set apart ("practice?1").
        ListHeading(
            r"What needs to improve in this area of (?:social work )?practice\s*[?:]?\s?\d?"
        ),
        ListHeading(r"Areas for improvement"),
    ),
    section_headings=(
        r"Overview",
        r"Headline findings",
        r"Main findings",
        r"Findings",
    ),
    provider_patterns=(
        # The address block can be printed over the subject line: a postcode may sit anywhere.
        # The name never runs on into the letter's opening (whose HMCI title names "Children's
        # Services"), where a subject without "children's services" would end.
        rf"Focused\s+(?:\S+\s+){{0,4}}?visit to\s+(?:the\s+)?(?P<provider>{_NAME_CHAR}{{1,80}}?)"
        rf"(?:{APOS}s?)?\s+"
        rf"(?:local\s+authority\s+)?children{APOS}s\S*\s+(?:[A-Z0-9]{{2,4}}\s+)*services\b"
        # "X Children's Services Trust" is a trust's name: the pattern below reads it whole.
        r"(?!\s+Trust\b)",
        # A trust or council named without "children's services" after it.
        r"Focused\s+(?:\S+\s+){0,4}?visit to\s+(?:the\s+)?(?P<provider>[A-Z][^.\n]{1,80}?"
        r"(?:Trust|Council|Partnership))\b",
        rf"Focused\s+visit\s+to\s+(?P<provider>{_BRAND})\s+{_OPENING}",
    ),
    date_patterns=(
        # The reader stops at the first word that is not part of a date: capture generously.
        r"(?:focused visit|visit to|findings of)[^.]{0,160}?"
        r"\b(?P<dates>(?:on|between|from)\s+(?:the\s+)?\d{1,2}\b[^.]{0,100})",
        r"\b(?P<dates>(?:on|between|from)\s+(?:the\s+)?\d{1,2}\s+(?:and|to|–|-)\s+\d{1,2}\s+\w+"
        r"(?:\s+\d{4})?)",
    ),
    lead_patterns=(),
    lead_search_patterns=(
        # COVID-era letters name the lead inspector beside council officers by role only ("the
        # lead inspector, Chief Executive and director agreed ..."): a role is never a name.
        r"(?i:lead\s+inspector)(?:\s+(?:was|is)\b)?,?\s+"
        + _NOT_A_ROLE
        + rf"(?P<name>{PERSON_NAME})",
        # "A, His Majesty's Inspector, lead inspector", "A, Senior HMI (lead inspector)".
        rf"(?P<name>{PERSON_NAME}),?\s+{_RANK_BEFORE_ROLE}\((?i:lead\s+inspector)\)",
        rf"(?P<name>{PERSON_NAME}),\s+{_RANK_BEFORE_ROLE}(?i:lead\s+inspector)\b",
    ),
    letter=True,
    endings=LETTER_ENDINGS,
    # The subject line comes before the body's sentences that name the visit again.
    provider_earliest=True,
)
