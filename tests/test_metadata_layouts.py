"""Metadata layout classes (provider, lead inspector, dates) and the warnings on their fields.

Every fixture is synthetic: invented places and people set out in the reports' layouts.
"""

from __future__ import annotations

import datetime as dt

import pytest

import inspectparse
from inspectparse.assemble import build_record
from inspectparse.classify import classify
from inspectparse.classify.metadata import clean_name
from inspectparse.clean import clean
from inspectparse.document import Document, Line, Page
from inspectparse.record import Record
from inspectparse.segment import segment


def _record_from_cells(cells: list[tuple[str, float, float]]) -> Record:
    """A one-page PDF-like document: (text, x0, top) per line, in reading order."""
    lines = [
        Line(
            text=t,
            page=1,
            index=i,
            x0=x0,
            x1=x0 + 5.5 * len(t),
            top=top,
            bottom=top + 10,
            size=11,
        )
        for i, (t, x0, top) in enumerate(cells)
    ]
    document = Document(
        pages=[Page(number=1, lines=lines, width=595.0, height=842.0)], format="pdf", engine="test"
    )
    structure = segment(clean(document))
    return build_record(structure, classify(structure), parser_version="t", path=None, sha256="0")


def _fields(record: Record, code: str) -> set[str | None]:
    return {w.field for w in record.warnings if w.code == code and w.severity == "review"}


_ILACS_2018 = [
    ("Inspection of children's social care services", 70.0, 160.0),
    ("Inspection dates: 4 June 2018 to 15 June 2018", 70.0, 190.0),
]


# -- provider ---------------------------------------------------------------------------------
def test_a_provider_name_wrapped_over_two_lines_above_the_title_is_read_whole() -> None:
    record = _record_from_cells(
        [
            ("City of Northwick Metropolitan District", 70.0, 100.0),
            ("Council", 70.0, 130.0),
            *_ILACS_2018,
        ]
    )
    assert record.report.provider == "City of Northwick Metropolitan District Council"
    assert not _fields(record, "provider_generic")


def test_a_provider_is_read_without_an_article_before_it() -> None:
    record = _record_from_cells([("the Royal Borough of Northwick", 70.0, 130.0), *_ILACS_2018])
    assert record.report.provider == "Royal Borough of Northwick"


def test_a_provider_on_one_line_above_the_title_is_not_joined_to_the_line_before() -> None:
    text = (
        "A banner line\nNorthwick City Council\nInspection of children's social care services\n"
        "Inspection dates: 4 June 2018 to 15 June 2018\n"
    )
    assert inspectparse.extract(text.encode()).report.provider == "Northwick City Council"


def test_a_bare_generic_provider_is_a_review_warning() -> None:
    record = _record_from_cells([("Council", 70.0, 130.0), *_ILACS_2018])
    assert record.report.provider == "Council"
    assert _fields(record, "provider_generic") == {"report.provider"}


def test_joint_area_review_provider_ends_a_three_line_title_before_the_partners() -> None:
    text = (
        "Inspection of progress made in the provision of safeguarding\n"
        "services in the London\nBorough of Northwick\n"
        "Ofsted\nCare Quality Commission\nHM Inspectorate of Constabulary\n"
        "Published: 3 March 2009\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "joint_area_review"
    assert record.report.provider == "London Borough of Northwick"


def test_jtai_provider_comes_from_the_title_not_the_theme_s_prose() -> None:
    text = (
        "12 December 2018\n\nDear local partnership\n\n"
        "Joint targeted area inspection of the multi-agency response to harm in the\n"
        "family in Northwick\n\n"
        "Between 5 November 2018 and 9 November 2018, Ofsted, the Care Quality Commission and\n"
        "others undertook a joint inspection of the response to harm in the family in Northwick.\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "jtai"
    assert record.report.provider == "Northwick"
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2018, 11, 5),
        dt.date(2018, 11, 9),
    )
    assert record.report.inspection_periods == []


def test_jtai_dates_from_to_with_two_years_are_not_cut_at_the_first() -> None:
    text = (
        "25 August 2022\n\nDear Northwick Safeguarding Children Partnership\n\n"
        "Joint targeted area inspection of Northwick\n\n"
        "This inspection took place from 27 June 2022 to 1 July 2022. It was carried out by\n"
        "inspectors from four inspectorates.\n"
    )
    record = inspectparse.extract(text.encode())
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2022, 6, 27),
        dt.date(2022, 7, 1),
    )


_CP_2012_TITLE_WRAPPED = (
    "Inspection of local authority\narrangements for the protection of\nchildren\n"
)
_CP_2012_PAGES = (
    "London Borough of Northwick\n\nInspection dates: 22 – 31 October 2012\n\n"
    "Lead inspector Pat Example HMI\n\n\f"
    "Northwick Inspection of local authority arrangements for the protection of children\n\n1\n\n"
    "Overall effectiveness\n\n"
    "1. The overall effectiveness of the arrangements to protect children in Northwick is "
    "judged to be adequate.\n"
)


def test_a_title_wrapped_over_three_lines_still_leads_to_the_provider_below_it() -> None:
    record = inspectparse.extract((_CP_2012_TITLE_WRAPPED + _CP_2012_PAGES).encode())
    assert record.report.kind == "child_protection_2012"
    assert record.report.provider == "London Borough of Northwick"


def test_a_page_number_after_a_running_title_is_never_the_provider() -> None:
    # No name under the title: the running header's title, then its page number, is all
    # that follows the title's words.
    text = _CP_2012_TITLE_WRAPPED + _CP_2012_PAGES.replace("London Borough of Northwick\n\n", "")
    record = inspectparse.extract(text.encode())
    assert record.report.provider is None
    assert "report.provider" in _fields(record, "provider_missing")


def test_looked_after_children_title_wrapped_before_services_leads_to_the_provider() -> None:
    text = (
        "Inspection of looked after\nchildren services\nNorthwick Borough Council\n\n"
        "Inspection dates: 24 – 28 June 2013\n\nReporting inspector Pat Example HMI\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "looked_after_children_2012"
    assert record.report.provider == "Northwick Borough Council"


@pytest.mark.parametrize(
    "title",
    [
        "Inspection of children’s\nsocial care services",
        "Inspection\nof children’s social care services",
        "Inspection of local\nauthority children’s services",
    ],
)
def test_a_2018_title_wrapped_by_the_converter_keeps_the_provider_above_it(title: str) -> None:
    text = (
        f"Northwick City Council\n{title}\n"
        "Inspection dates: 4 June 2018 to 15 June 2018\nLead inspector: Pat Example\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs"
    assert record.report.provider == "Northwick City Council"


def test_a_provider_pattern_running_into_the_title_page_s_fields_gives_no_provider() -> None:
    # No name above the title: the last resort ("Inspection of X children's services") would
    # reach the next "children's services" in the text, through the fields, and that is no name.
    text = (
        "Inspection of children’s social care services\n"
        "Inspection dates: 4 June 2018 to 15 June 2018\nLead inspector: Pat Example\n\n"
        "Leaders of Northwick’s children’s services have improved them since the last visit.\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs"
    assert record.report.provider is None
    assert "report.provider" in _fields(record, "provider_missing")


def _school_report(name_lines: str) -> Record:
    text = (
        f"School report\n\n{name_lines}\n1 High Street, Northwick NW1 1AA\n"
        "Inspection dates\n\n9–10 November 2016\n\nOverall effectiveness\n\nGood\n"
    )
    return inspectparse.extract(text.encode())


def test_a_school_report_s_title_is_school_report_and_its_name_the_line_below() -> None:
    record = _school_report("Northwick Primary School")
    assert record.report.kind == "school_section5"
    assert record.report.title == "School report"
    assert record.report.provider == "Northwick Primary School"


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (
            "Northwick St Anne's Church of England\nPrimary School",
            "Northwick St Anne's Church of England Primary School",
        ),
        ("Northwick Park\nAcademy", "Northwick Park Academy"),
    ],
)
def test_a_school_name_wrapped_before_the_words_it_ends_in_is_read_whole(
    lines: str, name: str
) -> None:
    assert _school_report(lines).report.provider == name


# -- lead inspector ---------------------------------------------------------------------------
def test_lead_label_and_name_in_two_columns_on_one_baseline_with_rank_below() -> None:
    record = _record_from_cells(
        [
            ("Northwick City Council", 70.0, 100.0),
            *_ILACS_2018,
            ("Lead inspector:", 70.0, 220.0),
            ("Pat Example", 176.0, 220.0),
            ("Her Majesty's Inspector", 176.0, 235.0),
        ]
    )
    assert record.report.lead_inspector == "Pat Example"
    assert not _fields(record, "lead_missing")


def test_a_label_column_with_its_value_on_another_baseline_is_not_joined() -> None:
    record = _record_from_cells(
        [
            ("Northwick City Council", 70.0, 100.0),
            *_ILACS_2018,
            ("Lead inspector:", 70.0, 220.0),
            ("Some later line of text", 70.0, 300.0),
        ]
    )
    assert record.report.lead_inspector is None
    assert _fields(record, "lead_missing") == {"report.lead_inspector"}


def test_lead_label_alone_on_its_line_in_text_takes_the_next_line() -> None:
    text = (
        "Northwick City Council\nInspection of children's social care services\n"
        "Inspection dates: 4 June 2018 to 15 June 2018\n\nLead inspector:\n\nPat Example\n"
        "Her Majesty's Inspector\n"
    )
    assert inspectparse.extract(text.encode()).report.lead_inspector == "Pat Example"


@pytest.mark.parametrize("separator", [" -", " –", " —", " :"])
@pytest.mark.parametrize("between", [" ", "\n\n"])  # on the label's line, or alone below it
def test_a_lead_label_set_off_by_a_dash_gives_the_name_alone(separator: str, between: str) -> None:
    text = (
        "Northwick City Council\nInspection of children's social care services\n"
        f"Inspection dates: 4 June 2018 to 15 June 2018\n"
        f"Lead inspector{separator}{between}Pat Example\n"
    )
    assert inspectparse.extract(text.encode()).report.lead_inspector == "Pat Example"


@pytest.mark.parametrize(
    ("lead_label", "dates_label"),
    [
        ("Lead Inspector", "Dates of inspection"),
        ("Lead inspectors", "Date of inspection"),
        ("Lead inspector(s)", "Dates of the inspection"),
    ],
)
def test_field_labels_worded_otherwise_give_the_same_fields(
    lead_label: str, dates_label: str
) -> None:
    text = (
        "Northwick City Council\nInspection of children's social care services\n"
        f"{dates_label}: 4 June 2018 to 15 June 2018\n{lead_label}: Pat Example\n"
    )
    report = inspectparse.extract(text.encode()).report
    assert (report.inspection_start, report.inspection_end) == (
        dt.date(2018, 6, 4),
        dt.date(2018, 6, 15),
    )
    assert report.lead_inspector == "Pat Example"


def test_ranks_and_roles_are_never_part_of_a_name() -> None:
    assert clean_name("Pat Example Senior HMI") == "Pat Example"
    assert clean_name("Pat Example, Senior") == "Pat Example"
    assert clean_name("Pat Example, Ofsted Inspector") == "Pat Example"
    assert clean_name("Pat Example (Lead Inspector)") == "Pat Example"
    # "Senior" is a surname too: kept when no rank follows and no comma sets it apart.
    assert clean_name("Robin Senior") == "Robin Senior"
    # A name holds no comma or bracket: what follows is a role, listed as a rank or not.
    assert clean_name("Pat Example, Regional Director") == "Pat Example"
    assert clean_name("Pat Example, HMI (Social Care)") == "Pat Example"
    assert clean_name("Pat Example, Ofsted Senior HMI") == "Pat Example"
    assert clean_name("Pat Example, HMI, and Sam Other, Principal Officer") == (
        "Pat Example and Sam Other"
    )


def test_area_send_name_hmi_lead_inspector() -> None:
    from inspectparse.classify.metadata import _lead_patterns
    from inspectparse.profiles import get

    profile = get("area_send")
    assert profile is not None
    line = "Pat Example, HMI, Lead inspector Sam Other, CQC Lead inspector"
    matches = [p.match(line) for p in _lead_patterns(profile).for_first("P")]
    assert any(m and m.group("name") == "Pat Example" for m in matches)


def _focused_visit_letter(visit: str, area: str = "Northwick", subject_tail: str = "") -> str:
    """A focused-visit letter dated 3 March 2022: its subject line names `area` (then
    `subject_tail`), and its first sentence goes on with `visit` (the dates, the team)."""
    return (
        "3 March 2022\n\nDear Director\n\n"
        f"Focused visit to {area}{subject_tail} children's services\n\n"
        f"This letter summarises the findings of the focused visit to {area} children's "
        f"services {visit}\n"
    )


def test_letter_listing_lead_then_team_inspector_gives_the_lead() -> None:
    text = _focused_visit_letter(
        "on 8 and 9 February 2022. The visit was carried out by Pat Example, lead "
        "inspector, Sam Other, team inspector."
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs_focused_visit"
    assert record.report.lead_inspector == "Pat Example"
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2022, 2, 8),
        dt.date(2022, 2, 9),
    )
    assert not _fields(record, "lead_missing")  # letters rarely name a lead: none expected


@pytest.mark.parametrize(
    "team",
    [
        "carried out by Pat Example, His Majesty's Inspector, lead inspector, and Sam Other.",
        "carried out by Pat Example, Senior HMI (lead inspector), and Sam Other, HMI.",
        "carried out by Pat Example, Her Majesty's Inspector (lead inspector) and Sam Other.",
        "done by two inspectors. The lead inspector was Pat Example, HMI.",
    ],
)
def test_a_letter_naming_its_lead_with_a_rank_between_gives_the_lead(team: str) -> None:
    """A rank between the name and its role, or "the lead inspector was", still names the
    lead: a letter's lead is optional, so a lead not read would be lost with no warning."""
    text = _focused_visit_letter(f"on 8 and 9 February 2022. The visit was {team}")
    assert inspectparse.extract(text.encode()).report.lead_inspector == "Pat Example"


def test_a_letter_naming_the_lead_by_role_only_gives_no_lead() -> None:
    text = _focused_visit_letter(
        "on 8 and 9 February 2022. The lead inspector was given access to records."
    )
    assert inspectparse.extract(text.encode()).report.lead_inspector is None


@pytest.mark.parametrize(
    "name",
    [
        "Ian de Souza",
        "Rebecca van der Berg",
        "Mary-Jane O'Connor",
        "Pat M. Example",
        "P. J. Example",
        "P J Example",
        "Dr. Pat Example",
    ],
)
def test_a_lead_named_in_a_letter_is_read_whole(name: str) -> None:
    """A surname's lower-case particles, an initial's or an honorific's full stop do not cut
    the name: a letter's lead is optional, so a name cut short would be a lead lost with no
    warning."""
    text = _focused_visit_letter(
        "on 8 and 9 February 2022. His Majesty's Inspectors for this visit were lead "
        f"inspector {name} and team inspector Sam Other."
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs_focused_visit"
    assert record.report.lead_inspector == name


@pytest.mark.parametrize("name", ["Pat M. Example", "Mr P. J. Example"])
def test_an_area_send_lead_keeps_initials_and_an_honorific(name: str) -> None:
    from inspectparse.classify.metadata import _lead_patterns
    from inspectparse.profiles import get

    profile = get("area_send")
    assert profile is not None
    line = f"{name}, HMI, Lead inspector Sam Other, CQC Lead inspector"
    matches = [p.match(line) for p in _lead_patterns(profile).for_first(name[0])]
    assert any(m and m.group("name") == name for m in matches)


def test_jtai_area_named_in_prose_may_hold_a_comma_before_a_capitalised_word() -> None:
    text = (
        "12 December 2018\n\nDear partners\n\n"
        "Joint targeted area inspection of the multi-agency response to harm in the family\n\n"
        "Between 5 November 2018 and 9 November 2018, Ofsted and others undertook a joint\n"
        "inspection. This letter outlines our findings about partnership working and the work\n"
        "of individual agencies in Northwick, Eastbury and Dale local authority.\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "jtai"
    assert record.report.provider == "Northwick, Eastbury and Dale"


def test_jtai_area_named_in_prose_stops_where_the_sentence_goes_on_after_a_comma() -> None:
    text = (
        "12 December 2018\n\nDear partners\n\n"
        "Joint targeted area inspection of the multi-agency response to harm in the family\n\n"
        "Between 5 November 2018 and 9 November 2018, Ofsted and others undertook a joint\n"
        "inspection. This letter outlines our findings about partnership working and the work\n"
        "of individual agencies in Northwick, and in the wider region.\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.provider != "Northwick, and in the wider region"


_ILACS_2018_HEAD = (
    "Northwick City Council\nInspection of children's social care services\n"
    "Inspection dates: 4 June 2018 to 15 June 2018\n"
)


@pytest.mark.parametrize(
    ("lines", "lead"),
    [
        ("Lead inspector: Pat\nExample, His Majesty’s Inspector", "Pat Example"),
        ("Lead inspector: Pat Example, His\nMajesty’s Inspector", "Pat Example"),
        (
            "Lead inspectors: Pat Example, His\nMajesty’s Inspector, and Sam\n"
            "Other, His Majesty’s Inspector",
            "Pat Example and Sam Other",
        ),
        (
            "Lead inspectors: Pat Example, His Majesty’s Inspector, and\n"
            "Sam Other, His Majesty’s Inspector",
            "Pat Example and Sam Other",
        ),
    ],
)
def test_a_lead_line_wrapped_inside_the_name_or_the_rank_gives_the_whole_name(
    lines: str, lead: str
) -> None:
    record = inspectparse.extract((_ILACS_2018_HEAD + lines + "\n").encode())
    assert record.report.lead_inspector == lead
    assert not _fields(record, "lead_incomplete")


def test_a_one_word_lead_that_cannot_be_completed_is_a_review_warning() -> None:
    text = _ILACS_2018_HEAD + "Lead inspector: Pat\nInspection team: Sam Other\n"
    record = inspectparse.extract(text.encode())
    assert record.report.lead_inspector == "Pat"
    assert _fields(record, "lead_incomplete") == {"report.lead_inspector"}


# -- dates: impossible and implausible -------------------------------------------------------
def _ilacs_with_dates(dates: str) -> Record:
    text = (
        "Northwick City Council\nInspection of children's social care services\n"
        f"Inspection dates: {dates}\nLead inspector: Pat Example\n"
    )
    return inspectparse.extract(text.encode())


def test_impossible_printed_dates_are_a_review_warning_never_a_crash() -> None:
    for dates in ("29 February 2023 to 3 March 2023", "12 to 8 October 2018", "1 January 0001"):
        record = _ilacs_with_dates(dates)
        assert record.report.inspection_start is None, dates
        assert _fields(record, "dates_impossible") == {
            "report.inspection_start",
            "report.inspection_end",
        }
        assert not _fields(record, "dates_missing")
        assert record.needs_review


def test_a_one_day_span_where_the_framework_visits_for_days_is_a_review_warning() -> None:
    record = _ilacs_with_dates("4 June 2018")
    assert record.report.inspection_start == record.report.inspection_end
    assert _fields(record, "dates_implausible") == {
        "report.inspection_start",
        "report.inspection_end",
    }
    assert not _fields(_ilacs_with_dates("4 June 2018 to 15 June 2018"), "dates_implausible")


def test_a_visit_longer_than_the_framework_allows_is_a_review_warning() -> None:
    record = _ilacs_with_dates("4 June 2018 to 15 August 2018")
    assert _fields(record, "dates_implausible")


def test_dates_far_from_the_letter_date_are_a_review_warning() -> None:
    text = _focused_visit_letter("on 8 and 9 February 2019.")
    record = inspectparse.extract(text.encode())
    assert record.report.inspection_start == dt.date(2019, 2, 8)
    assert _fields(record, "dates_implausible")


def test_a_lead_holding_a_rank_word_is_a_review_warning() -> None:
    record = _record_from_cells(
        [
            ("Northwick City Council", 70.0, 100.0),
            *_ILACS_2018,
            ("Lead inspector: Inspector", 70.0, 220.0),
        ]
    )
    assert _fields(record, "lead_rank_word") == {"report.lead_inspector"}
    assert not _fields(record, "lead_missing")


# -- kind: only title and heading evidence decides it -----------------------------------------
_ILACS_SUMMARY = (
    "Northwick City Council\nInspection of children's social care services\n"
    "Inspection dates: 4 June 2018 to 15 June 2018\nLead inspector: Pat Example\n\n"
    "Judgement Grade\n"
    "The impact of leaders on social work practice with children and families Good\n\n"
    "Since the last inspection, leaders have strengthened the service. A focused visit to\n"
    "the front door in 2017 found weaknesses; a focused visit to Northwick children's\n"
    "services then found improvement.\n"
)


def test_page_one_prose_naming_a_focused_visit_does_not_change_the_kind() -> None:
    record = inspectparse.extract(_ILACS_SUMMARY.encode())
    assert record.report.kind == "ilacs"
    assert not _fields(record, "kind_from_prose")


def test_a_line_of_prose_opening_like_another_title_below_the_title_is_flagged() -> None:
    """A capitalised line of page-1 prose that opens like a focused visit's subject line, below
    the full inspection's title: the kind read is in doubt, and a review warning says so."""
    text = _ILACS_SUMMARY.replace(
        "A focused visit to\nthe front door in 2017 found weaknesses; a focused visit to Northwick",
        "The last\nFocused visit to Northwick children's services found weaknesses; then",
    )
    assert "\nFocused visit to Northwick children's services found" in text
    record = inspectparse.extract(text.encode())
    assert _fields(record, "kind_conflict") == {"report.kind"}
    assert record.needs_review


def test_a_title_alone_or_one_line_read_by_two_frameworks_is_no_conflict() -> None:
    # The summary above, its prose in lower case: one title, no doubt.
    assert not _fields(inspectparse.extract(_ILACS_SUMMARY.encode()), "kind_conflict")
    # A focused visit letter: its letterhead lines above the subject are no title.
    letter = (
        "Ofsted\nPiccadilly Gate\nStore Street\nManchester M1 2WD\n\n3 March 2022\n\n"
        "Pat Director\nDirector of Children's Services\nNorthwick City Council\n\n"
        "Dear Pat\n\nFocused visit to Northwick children's services\n\nThis letter summarises "
        "the findings of a focused visit to Northwick children's services on 8 and 9 February "
        "2022.\n"
    )
    record = inspectparse.extract(letter.encode())
    assert record.report.kind == "ilacs_focused_visit"
    assert not _fields(record, "kind_conflict")


def test_2019_title_variant_with_a_lower_case_provider_above_is_ilacs() -> None:
    text = (
        "northwick city council\n"
        "Inspection of local authority children's social care services\n"
        "Inspection dates: 4 March 2019 to 15 March 2019\nLead inspector: Pat Example\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs"
    assert record.report.provider == "northwick city council"


def test_a_title_broken_by_the_converter_is_read_from_prose_with_a_review_warning() -> None:
    text = (
        "3 March 2022\n\nDear Director\n\nNW1 2XY visit to Northwick children's\nFocused\n"
        "services.\n\nThis letter summarises the findings of a focused visit to Northwick "
        "children's services on 8 and 9 February 2022.\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs_focused_visit"
    assert _fields(record, "kind_from_prose") == {"report.kind"}


# -- names with an abbreviation's full stop; titles naming a trust by its brand ---------------
def test_a_saint_abbreviated_with_a_full_stop_ends_neither_the_name_nor_the_dates() -> None:
    """The full stop of "St." ends no sentence: the subject line's name is read whole, and the
    dates sentence that names it is read to its last day."""
    text = _focused_visit_letter(
        "on 28 February, and 1 and 2 March 2022.", "St. Aldwyn", " local authority"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs_focused_visit"
    assert record.report.provider == "St. Aldwyn"
    assert (record.report.inspection_start, record.report.inspection_end) == (
        dt.date(2022, 2, 28),
        dt.date(2022, 3, 2),
    )


def test_a_headline_naming_a_saint_with_a_full_stop_is_graded() -> None:
    text = _SIF_HEADLINE.replace("Northwick", "St. Aldwyn")
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "sif"
    overall = {j.key: j for j in record.judgements}["overall_effectiveness"]
    assert overall.grade == "requires_improvement"
    # The evidence keeps the text as printed.
    assert "St. Aldwyn" in (overall.provenance.text or "")


_SIF_HEADLINE = (
    "Northwick\n"
    "Inspection of services for children in need of help and protection, children looked\n"
    "after and care leavers\n"
    "Inspection date: 4 June 2031 to 28 June 2031\n"
    "Report published: 17 August 2031\n\n"
    "Children's services in Northwick require improvement to be good\n\n"
)


@pytest.mark.parametrize("name", ["Northwick Children First", "County Northwick", "Northwick"])
def test_a_title_naming_any_provider_before_the_fields_of_an_ilacs_title_page_is_ilacs(
    name: str,
) -> None:
    """2026 titles name the body inspected ("Inspection of X"), a trust by its brand too: the
    kind follows from the title page's fields and the framework's first label."""
    text = (
        f"Inspection of {name}\nInspection dates: 12 to 23 January 2026\n"
        "Lead inspector: Pat Example, His Majesty's Inspector\n"
        "Judgement\nGrade\n\n"
        "The impact of leaders on social work\npractice with children and families\n\nGood\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "ilacs"
    assert record.report.provider == name
    # Without the framework's label the title page is no ILACS one (a school's "Inspection of
    # X" has the same fields): no kind is guessed.
    other = text.replace("The impact of leaders on social work", "Quality of education")
    assert inspectparse.extract(other.encode()).report.kind == "unknown"


@pytest.mark.parametrize("name", ["Northwick Council", "Northwick Children First"])
def test_an_area_send_title_naming_the_area_otherwise_is_still_area_send(name: str) -> None:
    """The framework's title decides the kind however the partnership's name is printed; an
    ILACS-like "Inspection of X Council" inside it is no ILACS title."""
    text = (
        "Local area partnership report\n\n"
        f"Area SEND inspection of {name}\n"
        "Inspection dates: 12 to 16 February 2032\n\n"
        "Inspection outcome\n"
        "The local area partnership's arrangements lead to inconsistent experiences and outcomes "
        "for children and young people with special educational needs and/or disabilities "
        "(SEND).\n"
    )
    record = inspectparse.extract(text.encode())
    assert record.report.kind == "area_send"
    assert record.report.title == f"Area SEND inspection of {name}"
    assert record.report.provider == name
    assert {j.key: j.grade for j in record.judgements} == {"area_send_outcome": "inconsistent"}
