"""Joint targeted area inspection letters (2016 on) as the corpus's field guide describes them:
the two templates' titles, date sentences and headings, long grouped lists, "none" lines and the
four-inspectorate sign-off (synthetic "Northwick" letters written here, never a real report's
text)."""

from __future__ import annotations

import datetime as dt

import pytest

from report_parts import read, review_codes

GLYPH = "\uf06e"  # the Wingdings bullet of 2016-18 letters, as converters give it
THEMED_TITLE = (
    "Joint targeted area inspection of the multi-agency response to abuse and\nneglect in Northwick"
)
OLD_DATES = (
    "Between 5 and 9 November 2018, Ofsted, the Care Quality Commission (CQC), HMI\n"
    "Constabulary (HMIC) and HMI Probation (HMI Prob) undertook a joint inspection of the\n"
    "multi-agency response to abuse and neglect in Northwick."
)
ADDRESSEES = (
    "Pat One, Director of Children’s Services, Northwick Council\n"
    "Lee Two, Chief Nurse, Northwick Clinical Commissioning Group\n"
    "Alex Four, Chief Constable, Northshire Police\n"
    "Kim Six, Independent Chair, Northwick LSCB\n\n"
)
# The sign-off: four inspectorates in two columns, as `pdftotext -layout` keeps them.
OLD_SIGN_OFF = (
    "Yours sincerely\n\nOfsted                                   Care Quality Commission\n\n"
    "Ann Example                              Bob Example\n"
    "National Director, Social Care           Deputy Chief Inspector\n\n"
    "HMI Constabulary                         HMI Probation\n\n"
    "Cat Example                              Dan Example\n"
    "HM Inspector of Constabulary             Assistant Chief Inspector\n"
)
NEW_SIGN_OFF = (
    "Yours sincerely\n\n Ann Example\n National Director Regulation and Social Care, Ofsted\n\n"
    " Dr Bob Example\n Chief Inspector of Health Care, CQC\n\n"
    " Cat Example\n His Majesty’s Inspector of Constabulary\n"
)
STRENGTHS = ("Partners share information quickly.", "The front door is well staffed.")
ITEMS = (
    "Health visitors are not always invited to strategy meetings.",
    "Police referrals lack detail about the child.",
    "Assessments do not always take account of the family’s history.",
)


def _bullets(lines: tuple[str, ...], glyph: str = "◼") -> str:
    return "".join(f"{glyph} {line}\n" for line in lines) + "\n"


def old_body(glyph: str = "◼", improve: str = "", strengths: str = "Key strengths") -> str:
    case = (
        "Case study: highly effective practice\n\n    A young person was helped quickly by a "
        "youth worker\n    and a school nurse working together.\n\n"
    )
    improve = improve or f"Areas for improvement\n\n{_bullets(ITEMS, glyph)}"
    return f"{strengths}\n\n{_bullets(STRENGTHS, glyph)}{case}{improve}"


def old_letter(
    *,
    title: str = THEMED_TITLE,
    dates: str = OLD_DATES,
    body: str | None = None,
    letter_date: str = "14 January 2019",
) -> str:
    return (
        f"{letter_date}\n\n\n{ADDRESSEES}Dear local partnership\n\n{title}\n\n{dates}\n\n"
        "This letter to the local authority, health, police and probation services outlines our\n"
        "findings about the effectiveness of partnership working and of the work of individual\n"
        "agencies in Northwick.\n\n"
        f"{old_body() if body is None else body}"
        "Next steps\n\nThe director of children’s services should prepare a written statement "
        f"of proposed action.\n\n{OLD_SIGN_OFF}"
    )


def new_body(improve: str = "What needs to improve?", before: str = "") -> str:
    return (
        "Headline findings\n\nPartners know their area well.\n\n"
        f"{before}{improve}\n\n{_bullets(ITEMS)}"
        f"Strengths\n\n{_bullets(STRENGTHS)}"  # the same glyph straight after the list
        "Main findings\n\nThe partnership understands its local area and its children.\n\n"
    )


def new_letter(
    *,
    title: str = "Joint targeted area inspection of Northwick",
    dates: str = "This inspection took place from 5 to 9 June 2023.",
    dear: str = "Dear Northwick Safeguarding Children Partnership",
    body: str | None = None,
) -> str:
    return (
        f"20 July 2023\n\nPat One, Director of Children’s Services, Northwick Council\n"
        f"Alex Four, Chief Constable, Northshire Police\n\n\n{dear}\n\n{title}\n\n"
        "This letter summarises the findings of the joint targeted area inspection (JTAI) of the\n"
        f"multi-agency response to serious youth violence in Northwick.\n\n{dates} It was carried "
        "out by\ninspectors from Ofsted, the Care Quality Commission and His Majesty’s "
        f"Inspectorate of\nConstabulary.\n\n{new_body() if body is None else body}"
        "Next steps\n\nThe local partnership should prepare a written statement of proposed "
        f"action.\n\n{NEW_SIGN_OFF}"
    )


@pytest.mark.parametrize("text", [old_letter(), new_letter()])
def test_both_templates_read_whole_ungraded_and_without_a_lead(text: str) -> None:
    record = read(text)
    rep = record.report
    assert (rep.kind, rep.provider, rep.lead_inspector) == ("jtai", "Northwick", None)
    assert record.judgements == []
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()  # the sign-off is read as the letter's end


def _more_addressees(count: int) -> str:
    return "".join(
        f"Chris Example {n}, Head of Service, Northwick Agency {n}\n"
        f"Building {n}, High Street, Northwick NW{n} 1AB\n"
        for n in range(1, count + 1)
    )


@pytest.mark.parametrize(
    ("extra", "break_before"),
    [
        (14, ""),  # the title starts some 1,700 characters into page 1
        (3, "Dear local partnership"),  # the addressees fill page 1: greeting and title on 2
        (3, "Joint targeted area"),  # page 1 ends with the greeting, the title tops page 2
    ],
)
def test_a_long_stack_of_addressees_does_not_hide_the_title(extra: int, break_before: str) -> None:
    """A letter's subject line follows its greeting however far the addressees above push it:
    late on page 1, or over the page break."""
    text = old_letter().replace(
        ADDRESSEES, ADDRESSEES.rstrip("\n") + "\n" + _more_addressees(extra) + "\n"
    )
    if break_before:
        text = text.replace(break_before, "\f" + break_before, 1)
    record = read(text)
    rep = record.report
    assert (rep.kind, rep.provider) == ("jtai", "Northwick")
    assert (rep.inspection_start, rep.inspection_end) == (
        dt.date(2018, 11, 5),
        dt.date(2018, 11, 9),
    )
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()


def test_a_title_phrase_below_the_greeting_s_next_line_is_read_as_prose() -> None:
    """Only the line straight after the greeting is the subject: a title phrase opening a
    line further down gives the kind only as prose, with its review warning."""
    head = f"14 January 2019\n\n{ADDRESSEES}{_more_addressees(14)}\nDear local partnership\n\n"
    body = (
        "Thank you for your help with our visit to Northwick.\n\n"
        + "We met leaders and partners and read the records of many children.\n" * 12
        + "\nJoint targeted area inspection of the multi-agency response in Northwick\n"
    )
    record = read(head + body)
    assert record.report.kind == "jtai"
    assert "kind_from_prose" in review_codes(record)
    # With no title phrase at all, the letter is of no known kind, and says so.
    unknown = read(head + body.rsplit("\nJoint", 1)[0])
    assert unknown.report.kind == "unknown"
    assert "kind_unknown" in review_codes(unknown)


@pytest.mark.parametrize(
    "theme",
    [
        "children living with domestic abuse",
        "child sexual exploitation, children associated with gangs and at risk of\n"
        "exploitation and children missing from home, care or education",
        "sexual abuse in the family environment",
        "children’s mental health",
        "the criminal exploitation of children",
    ],
)
def test_themed_titles_give_the_area_after_the_theme(theme: str) -> None:
    title = f"Joint targeted area inspection of the multi-agency response to {theme}\nin Northwick"
    assert read(old_letter(title=title)).report.provider == "Northwick"


@pytest.mark.parametrize(
    "theme",
    [
        "children living with\ndomestic abuse",
        "sexual abuse in the family\nenvironment",  # a theme with its own " in "
        "child sexual exploitation, children associated with gangs and at risk of\n"
        "exploitation and children missing from home, care or education",
    ],
)
def test_a_title_naming_no_area_takes_it_from_the_text_not_the_theme(theme: str) -> None:
    title = f"Joint targeted area inspection of the multi-agency response to {theme}"
    record = read(old_letter(title=title))
    assert record.report.provider == "Northwick"


@pytest.mark.parametrize(
    ("title", "provider"),
    [
        (THEMED_TITLE.replace("Northwick", "Northwick City Council"), "Northwick City Council"),
        (THEMED_TITLE.replace("Northwick", "Northwick Council1"), "Northwick Council"),
        ("Joint targeted area inspection of Northwick1", "Northwick"),
        (
            "Joint targeted area inspection of the Royal Borough of Northwick and\nSouthby",
            "Royal Borough of Northwick and Southby",
        ),
    ],
)
def test_area_names_whole_and_without_a_footnote_digit(title: str, provider: str) -> None:
    make = new_letter if "multi-agency" not in title else old_letter
    assert read(make(title=title)).report.provider == provider


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        (
            "Between 5 and 9 November 2018, Ofsted and others undertook",
            (2018, 11, 5),
            (2018, 11, 9),
        ),
        (
            "Between 30 October and 3 November 2018, Ofsted and others undertook",
            (2018, 10, 30),
            (2018, 11, 3),
        ),
        (
            "Between 5 November 2018 and 9 November 2018, Ofsted and others undertook",
            (2018, 11, 5),
            (2018, 11, 9),
        ),
        # No year printed: the letter's date gives it.
        ("Between 5 and 9 November, Ofsted and others undertook", (2018, 11, 5), (2018, 11, 9)),
    ],
)
def test_2016_20_date_sentences(
    dates: str, start: tuple[int, int, int], end: tuple[int, int, int]
) -> None:
    record = read(old_letter(dates=dates + " a joint inspection.", letter_date="14 December 2018"))
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(*start),
        dt.date(*end),
    )
    assert review_codes(record) == set()


@pytest.mark.parametrize(
    "dates",
    [
        "This inspection took place from 5 to 9 June 2023.",
        "This inspection took place from 5 June to 9 June 2023.",
        "This inspection took place from 5 June 2023 to 9 June 2023.",
        "This inspection took place between 5 and 9 June 2023.",
    ],
)
def test_2022_on_date_sentences(dates: str) -> None:
    record = read(new_letter(dates=dates))
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2023, 6, 5),
        dt.date(2023, 6, 9),
    )


@pytest.mark.parametrize(
    "dear",
    [
        "Dear Northwick Safeguarding Children Partnership",
        "Dear Northwick Local Safeguarding Children Partnership",
    ],
)
def test_the_partnership_greeting_is_not_read_as_the_area(dear: str) -> None:
    assert read(new_letter(dear=dear)).report.provider == "Northwick"


GROUPED = (
    "Areas for improvement\n\nLeadership\n\n"
    "◼ Leaders do not check the quality of referrals.\n◼ The board does not hear from children.\n\n"
    "The Local Safeguarding Children Board\n\n◼ The board’s audits are not followed up.\n\n"
    "Health\n\n◼ School nurses are not told about strategy meetings.\n◼ GPs rarely share "
    "information.\n\nNorthshire Police\n\n◼ Officers do not always record the child’s voice.\n\n"
)
PRIORITY = (
    "Areas for priority action\n\n◼ The police must reduce delay in joint investigations.\n"
    "◼ Partners must agree how risk is assessed.\n\n"
)
PRIORITY_ONE = (
    "Area for priority action\n\n◼ The police must reduce delay in joint investigations.\n\n"
)


@pytest.mark.parametrize(
    ("body", "count", "priority"),
    [
        (old_body(), 3, 0),
        (old_body(glyph=GLYPH), 3, 0),
        (old_body(strengths="Key Strengths"), 3, 0),
        # Agency and topic subheadings group the items: they are not items.
        (old_body(improve=GROUPED), 6, 0),
        (old_body(glyph=GLYPH, improve=GROUPED.replace("◼", GLYPH)), 6, 0),
        (old_body(improve=PRIORITY + GROUPED), 8, 2),
        (old_body(improve=PRIORITY.replace("action", "actions") + GROUPED), 8, 2),
        (old_body(improve=PRIORITY_ONE + GROUPED), 7, 1),
        # 2016: grouped priority actions, then a case-study box, then the improvement list.
        (
            old_body(
                improve="Areas for priority actions\n\nLeadership\n\n◼ Oversight of enquiries is "
                "weak.\n◼ Return interviews are not done.\n\nCase study: area for priority action"
                "\n\n    Arrangements to manage referrals are fragmented and\n    information is "
                "not shared in high-risk cases.\n\n" + GROUPED
            ),
            8,
            2,
        ),
        # A topic's lead-in under its subheading; subheadings with a colon or wrapped.
        (
            old_body(
                improve="Areas for improvement\n\nLeadership\n\n◼ Leaders do not check "
                "referrals.\n\nNorthshire Police\n\nThe police should make sure that:\n\n"
                "◼ officers record the child’s voice\n◼ referrals are sent on the same day.\n\n"
            ),
            3,
            0,
        ),
        (old_body(improve=GROUPED.replace("Leadership\n", "Leadership:\n")), 6, 0),
        (
            old_body(
                improve=GROUPED.replace(
                    "Leadership\n",
                    "Identifying and managing the risk of harm to children at the front door "
                    "of\nservices\n",
                )
            ),
            6,
            0,
        ),
        # Sub-bullets belong to their item.
        (
            old_body(
                improve="Areas for improvement\n\n◼ Leaders do not check referrals, in "
                "particular:\n  − the quality of police notices\n  − the timeliness of health "
                "checks.\n◼ GPs rarely share information.\n\n"
            ),
            2,
            0,
        ),
        # A bulleted line saying there is no priority action is not an item.
        (
            old_body(
                improve="Areas for priority action\n\n◼ There are no areas for priority "
                "action.\n\n" + GROUPED
            ),
            6,
            0,
        ),
        (
            old_body(
                improve="Areas for priority action\n\n◼ No areas for priority action were "
                "identified during this inspection.\n\n" + GROUPED
            ),
            6,
            0,
        ),
    ],
)
def test_2016_20_lists_count_items_only(body: str, count: int, priority: int) -> None:
    record = read(old_letter(body=body))
    kinds = [r.kind for r in record.recommendations]
    assert len(kinds) == count
    assert kinds.count("priority_action") == priority
    assert review_codes(record) == set()


def test_a_case_study_box_after_the_list_is_not_items() -> None:
    case = (
        "Case study: area for improvement\n\n    Indicators of harm are not well understood "
        "by\n    practitioners, who see some behaviour as a choice.\n\n"
    )
    improve = f"Areas for improvement\n\n{_bullets(ITEMS)}{case}"
    record = read(old_letter(body=old_body(improve=improve)))
    assert [r.text for r in record.recommendations] == list(ITEMS)


def test_prose_under_agency_headings_with_no_bullet_is_a_review_warning() -> None:
    """One letter gives its improvements as prose under agency titles: no item can be read,
    and the list is not empty either."""
    improve = (
        "Areas for improvement\n\nNorthwick Council\n\nThe council should make sure that "
        "assessments always\nconsider the family’s history and what children say.\n\n"
        "Northshire Police\n\nThe police should make sure that officers record the voice of the "
        "child\nin every referral they make.\n\n"
    )
    record = read(old_letter(body=old_body(improve=improve)))
    assert record.recommendations == []
    empty = [w for w in record.warnings if w.code == "improvement_list_empty"]
    assert [(w.field, w.severity) for w in empty] == [("recommendations", "review")]


@pytest.mark.parametrize(
    ("body", "count", "priority"),
    [
        (new_body(), 3, 0),
        (new_body(improve="What needs to improve"), 3, 0),
        (new_body(improve="What needs to improve?1"), 3, 0),  # a glued footnote marker
        (new_body(improve="What needs to improve? 1"), 3, 0),
        ("Context\n\nNorthwick is a large rural county.\n\n" + new_body(), 3, 0),
        (new_body(before=PRIORITY), 5, 2),
        (new_body(before=PRIORITY_ONE), 4, 1),
        (new_body().replace("Strengths\n", "Key strengths\n"), 3, 0),
    ],
)
def test_2022_on_lists_stop_at_the_strengths_bullets(body: str, count: int, priority: int) -> None:
    record = read(new_letter(body=body))
    kinds = [r.kind for r in record.recommendations]
    assert len(kinds) == count
    assert kinds.count("priority_action") == priority
    assert [r.text for r in record.recommendations][priority:] == list(ITEMS)
    assert review_codes(record) == set()


def test_numbered_main_findings_give_the_paragraph_run() -> None:
    findings = "".join(
        f"{n}. Finding {n}: partners in the area know the children they work with well.\n\n"
        for n in range(1, 36)
    )
    body = new_body().split("Main findings")[0] + "Main findings\n\n" + findings
    record = read(new_letter(body=body))
    assert [p.number for p in record.paragraphs if p.number] == list(range(1, 36))
    assert [r.text for r in record.recommendations] == list(ITEMS)


@pytest.mark.parametrize(
    "furnish",
    [
        lambda t: t + "\f\n\f",  # an empty last page
        lambda t: t + "\f\n   Assistant Chief Inspector of Probation\n",  # a role line spilt over
    ],
)
def test_an_empty_or_spilt_last_page_is_still_the_letter_s_end(furnish: object) -> None:
    assert callable(furnish)
    for text in (old_letter(), new_letter()):
        record = read(furnish(text))
        assert len(record.recommendations) == len(ITEMS)
        assert review_codes(record) == set()


def _reading_order(text: str) -> str:
    """Plain `pdftotext`'s shape: columns one after the other (no padding), each glyph on a
    line of its own before its item."""
    lines = [part.strip() for line in text.split("\n") for part in line.split("   ") if part]
    out: list[str] = []
    for line in lines:
        if line[:2] in ("◼ ", f"{GLYPH} "):
            out += [line[0], "", line[2:]]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


PAGE_BREAK_ITEM = (
    "Areas for improvement\n\n◼ Health visitors are not always invited to strategy meetings, "
    "which means\nthat what they know is not heard when risk is first weighed\n\n6\n\f"
    "and acted on by the police and social workers.\n"
    f"◼ {ITEMS[1]}\n◼ {ITEMS[2]}\n\n"
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (old_letter(body=old_body(improve=GROUPED)), 6),
        (old_letter(body=old_body(improve=PRIORITY + GROUPED)), 8),
        (old_letter(body=old_body(improve=PAGE_BREAK_ITEM)), 3),  # an item over a page break
        (new_letter(), 3),
    ],
)
def test_reading_order_text_reads_the_same_lists(text: str, count: int) -> None:
    record = read(_reading_order(text))
    assert record.report.provider == "Northwick"
    assert len(record.recommendations) == count
    assert review_codes(record) == set()


FOOTNOTE_PAGE_END = (
    "\n\n1\n  as of 1 July 2023, the clinical commissioning groups became an integrated care "
    "board\n                                            2\n\f"
)


@pytest.mark.parametrize("after", [ITEMS[1], ITEMS[2]])
@pytest.mark.parametrize("shape", [lambda t: t, _reading_order])
def test_a_footnote_at_a_page_end_inside_or_after_the_list_is_no_item(
    after: str, shape: object
) -> None:
    assert callable(shape)
    body = new_body().replace(f"◼ {after}", f"◼ {after}{FOOTNOTE_PAGE_END}", 1)
    record = read(shape(new_letter(body=body)))
    assert [r.text for r in record.recommendations] == list(ITEMS)
    assert review_codes(record) == set()
