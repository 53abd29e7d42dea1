"""`report.authority` and grade codes in the record, on synthetic texts (real council names
are public facts; the report wording is invented)."""

from __future__ import annotations

from typing import get_args

import inspectparse
from inspectparse.record import GRADE_CODES

ILACS = """\
Inspection of {provider} local authority children's services
Inspection dates: 4 to 15 September {year}
Lead inspector: Miriam Ashcombe, His Majesty's Inspector

Judgement Grade
The impact of leaders on social work practice with children and families Good
The experiences and progress of children who need help and protection Inadequate
The experiences and progress of children in care Requires improvement to be good
The experiences and progress of care leavers Good
"""

SCHOOL = """\
School report

Northwick Primary School
1 High Street, Northwick NW1 1AA

Inspection dates 9–10 November 2016

Overall effectiveness Good

School details

Unique reference number 123456
Local authority Sandwell
Inspection number 10000001
"""


def _extract(provider: str, year: int = 2023) -> inspectparse.Record:
    return inspectparse.extract(ILACS.format(provider=provider, year=year).encode())


def test_a_council_gets_its_codes_and_the_rule_that_matched() -> None:
    record = _extract("London Borough of Harrow")
    a = record.report.authority
    assert a is not None
    assert (a.type, a.name, a.dfe_code, a.gss_code, a.ofsted_urn) == (
        "local_authority",
        "Harrow",
        "310",
        "E09000015",
        "80499",
    )
    assert a.region_name == "London" and a.matched_from == "London Borough of Harrow"
    assert a.rule and a.lookup_version
    assert not [w for w in record.warnings if w.field == "report.authority"]


def test_matching_follows_the_inspection_date_across_a_reorganisation() -> None:
    assert _extract("Northamptonshire", 2019).report.authority.dfe_code == "928"
    assert _extract("North Northamptonshire", 2022).report.authority.dfe_code == "940"


def test_an_unknown_provider_has_no_codes_and_a_review_warning() -> None:
    record = _extract("Northwick")
    assert record.report.authority is None
    (w,) = [w for w in record.warnings if w.field == "report.authority"]
    assert (w.code, w.severity) == ("authority_unmatched", "review")
    assert record.needs_review


def test_a_school_gets_its_printed_urn_and_its_councils_codes() -> None:
    record = inspectparse.extract(SCHOOL.encode())
    assert record.report.kind == "school_section5"
    a = record.report.authority
    assert a is not None
    assert (a.type, a.name, a.ofsted_urn, a.dfe_code) == (
        "school",
        "Northwick Primary School",
        "123456",
        "333",
    )


def test_every_judgement_carries_ofsteds_numeric_grade_code() -> None:
    record = _extract("London Borough of Harrow")
    codes = {j.key: j.grade_code for j in record.judgements}
    assert codes == {
        "impact_of_leaders": 2,
        "help_and_protection": 4,
        "children_in_care": 3,
        "care_leavers": 2,
    }
    assert set(GRADE_CODES) == set(get_args(inspectparse.record.Grade))


# A SIF-era cover: the provider's name is every word above the title.
SIF_COVER = """\
{above}
Inspection of services for children in need of help and protection, children looked
after and care leavers
Inspection date: 4 June 2031 - 28 June 2031
Report published: 17 August 2031
"""


def _provider_warnings(above: str) -> tuple[str | None, list[str]]:
    record = inspectparse.extract(SIF_COVER.format(above=above).encode())
    codes = [w.code for w in record.warnings if w.field == "report.provider"]
    return record.report.provider, codes


def test_a_line_run_into_the_provider_s_name_above_it_is_a_review_warning() -> None:
    # A logo's word (or a header) over the name runs into it: the provider read holds it.
    provider, codes = _provider_warnings("Ofsted\nSomerset County Council")
    assert provider == "Ofsted Somerset County Council"
    assert codes == ["provider_words_before_name"]
    provider, codes = _provider_warnings("Children's services report\nSomerset County Council")
    assert codes == ["provider_words_before_name"]


def test_a_provider_that_is_an_authority_s_name_or_none_has_no_such_warning() -> None:
    assert _provider_warnings("Somerset County Council") == ("Somerset County Council", [])
    assert _provider_warnings("Royal Borough of Windsor and Maidenhead")[1] == []
    # A trust's name: no authority's, and no words before one.
    assert _provider_warnings("Northwick Children's Trust") == ("Northwick Children's Trust", [])
