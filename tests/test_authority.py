"""The authority lookup (issue 13): printed variants, reorganisations, refusals, bundled data.

Synthetic names always run against the bundled data. The rebuild check needs
../shared/reference; the corpus checks need ../shared/corpus (both skip cleanly without).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import inspectparse
from conftest import CORPUS, REPO, gold_entries
from inspectparse.accuracy import load_known_failures
from inspectparse.authority import (
    MATCH_RULES,
    Authority,
    authorities,
    data_version,
    match_authority,
    normalise_name,
)
from repo_scripts import load_script

REFERENCE = REPO.parent / "shared" / "reference"
DATA = REPO / "src" / "inspectparse" / "data"
D = dt.date

build_authorities = load_script("build_authorities")


def gss(text: str | None, on: dt.date | None, kind: str | None = None) -> str | None:
    found = match_authority(text, on, kind=kind)
    return None if found is None else found.gss_code


# (as printed, date, GSS code, rule)
PRINTED_VARIANTS = [
    ("Harrow", D(2025, 1, 20), "E09000015", "canonical_name"),
    ("London Borough of Harrow", D(2018, 10, 9), "E09000015", "stripped_affixes"),
    ("Royal Borough of Kensington and Chelsea", D(2024, 11, 11), "E09000020", "stripped_affixes"),
    ("Royal Borough of Greenwich", D(2018, 2, 12), "E09000011", "stripped_affixes"),
    ("Medway Council", D(2013, 7, 15), "E06000035", "stripped_affixes"),
    ("Surrey County Council", D(2014, 10, 21), "E10000030", "stripped_affixes"),
    ("City of York Council", D(2022, 1, 1), "E06000014", "stripped_affixes"),
    ("City of Bradford Metropolitan District Council", D(2018, 9, 17), "E08000032",
     "stripped_affixes"),
    ("Rochdale Metropolitan Borough Council", D(2018, 1, 29), "E08000005", "stripped_affixes"),
    ("Metropolitan Borough of Barnsley Council", D(2014, 6, 2), "E08000016", "stripped_affixes"),
    ("Bristol City of", D(2018, 9, 10), "E06000023", "canonical_name"),
    ("Bristol, City of", D(2018, 9, 10), "E06000023", "canonical_name"),
    ("Bristol City Council", D(2017, 10, 16), "E06000023", "stripped_affixes"),
    ("City of Bristol", D(2017, 10, 16), "E06000023", "alias"),
    ("Kingston upon Hull City Council", D(2015, 1, 1), "E06000010", "stripped_affixes"),
    ("Kingston upon Hull", D(2014, 11, 18), "E06000010", "alias"),
    ("Hull", D(2014, 11, 18), "E06000010", "alias"),
    ("County Durham", D(2021, 7, 13), "E06000047", "canonical_name"),
    ("Durham", D(2021, 7, 13), "E06000047", "alias"),
    ("Durham County Council", D(2021, 7, 13), "E06000047", "stripped_affixes"),
    ("the Isles of Scilly", D(2023, 7, 11), "E06000053", "stripped_affixes"),
    ("Council of the Isles of Scilly", D(2023, 7, 11), "E06000053", "stripped_affixes"),
    ("Herefordshire Council", D(2014, 4, 29), "E06000019", "stripped_affixes"),
    ("Bedford Borough Council", D(2016, 1, 1), "E06000055", "stripped_affixes"),
    ("City of London", D(2016, 7, 28), "E09000001", "canonical_name"),
    ("City of London Corporation", D(2016, 7, 28), "E09000001", "alias"),
    ("Cheshire East Unitary Authority", D(2015, 7, 6), "E06000049", "stripped_affixes"),
    ("Leeds City", D(2025, 6, 30), "E08000035", "stripped_affixes"),
    ("Newcastle City Council", D(2020, 1, 1), "E08000021", "stripped_affixes"),
    ("Southend City Council", D(2024, 1, 1), "E06000033", "stripped_affixes"),
    ("Leicestershire County Council Children and Family Services", D(2020, 1, 1), "E10000018",
     "stripped_affixes"),
    # Case, spacing, punctuation, hyphens, '&', apostrophes, possessives.
    ("southend-on-sea city council", D(2024, 10, 14), "E06000033", "stripped_affixes"),
    ("NORFOLK COUNTY COUNCIL", D(2024, 12, 9), "E10000020", "stripped_affixes"),
    ("Stockton on Tees Borough Council", D(2025, 12, 9), "E06000004", "stripped_affixes"),
    ("Stockton\u2013on\u2013Tees", D(2025, 12, 9), "E06000004", "canonical_name"),
    ("Southend on Sea", D(2024, 10, 14), "E06000033", "canonical_name"),
    ("St Helens", D(2023, 7, 10), "E08000013", "canonical_name"),
    ("St. Helens Council", D(2023, 7, 10), "E08000013", "stripped_affixes"),
    ("Saint Helens", D(2023, 7, 10), "E08000013", "canonical_name"),
    ("Brighton & Hove City Council", D(2023, 3, 27), "E06000043", "stripped_affixes"),
    ("Windsor  and\n Maidenhead", D(2015, 3, 3), "E06000040", "canonical_name"),
    ("Royal Borough of Windsor & Maidenhead", D(2022, 5, 9), "E06000040", "stripped_affixes"),
    ("Trafford's children's services", D(2025, 9, 30), "E08000009", "stripped_affixes"),
    ("Trafford\u2019s children\u2019s services", D(2025, 9, 30), "E08000009", "stripped_affixes"),
    ("Medway Children's Services", D(2019, 7, 15), "E06000035", "stripped_affixes"),
    ("the London Borough of Harrow's children's services", D(2018, 10, 9), "E09000015",
     "stripped_affixes"),
    # Area SEND partnerships, LSCB reviews, JTAI areas.
    ("Blackpool Local Area Partnership", D(2024, 5, 20), "E06000009", "stripped_affixes"),
    ("North Northamptonshire Local Area Partnership", D(2024, 1, 22), "E06000061",
     "stripped_affixes"),
    ("Surrey Safeguarding Children Board", D(2015, 6, 15), "E10000030", "stripped_affixes"),
    ("Liverpool", D(2016, 6, 20), "E08000012", "canonical_name"),
    ("BCP Council", D(2022, 1, 1), "E06000058", "stripped_affixes"),
    ("Bournemouth, Christchurch & Poole", D(2020, 10, 13), "E06000058", "canonical_name"),
    # Children's trusts and companies.
    ("Birmingham Children's Trust", D(2021, 10, 27), "E08000025", "children_services_company"),
    ("Bradford Children and Families Trust", D(2026, 1, 12), "E08000032",
     "children_services_company"),
    ("Bradford Children's Trust", D(2026, 1, 12), "E08000032", "stripped_affixes"),
    ("Together for Children", D(2023, 10, 25), "E08000024", "children_services_company"),
    ("Slough Children First", D(2022, 1, 1), "E06000039", "children_services_company"),
    ("Achieving for Children on behalf of the Royal Borough of Kingston upon Thames",
     D(2019, 1, 1), "E09000021", "children_services_company_and_name"),
    ("Achieving for Children (Richmond upon Thames)", D(2019, 1, 1), "E09000027",
     "children_services_company_and_name"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "on", "code", "rule"), PRINTED_VARIANTS)
def test_printed_variant_matches(text: str, on: dt.date, code: str, rule: str) -> None:
    found = match_authority(text, on)
    assert found is not None, text
    assert (found.gss_code, found.rule) == (code, rule)
    assert found.matched_from == text
    assert found.type == "local_authority"


# (as printed, date, GSS code or None): each reorganisation with dates either side.
REORGANISATIONS = [
    ("Northamptonshire County Council", D(2019, 5, 1), "E10000021"),
    ("Northamptonshire", D(2021, 3, 31), "E10000021"),
    ("Northamptonshire", D(2021, 4, 1), None),
    ("North Northamptonshire Council", D(2022, 1, 1), "E06000061"),
    ("North Northamptonshire", D(2021, 3, 31), None),
    ("West Northamptonshire", D(2021, 4, 1), "E06000062"),
    # The county's trust, then both unitaries': one council, then two.
    ("Northamptonshire Children's Trust", D(2021, 1, 4), "E10000021"),
    ("Northamptonshire Children's Trust", D(2021, 4, 1), None),
    ("Bournemouth Borough Council", D(2019, 3, 31), "E06000028"),
    ("Bournemouth", D(2019, 4, 1), None),
    ("Borough of Poole", D(2018, 6, 1), "E06000029"),
    ("Poole", D(2019, 4, 1), None),
    ("Bournemouth, Christchurch and Poole", D(2019, 3, 31), None),
    ("Bournemouth, Christchurch and Poole", D(2019, 4, 1), "E06000058"),
    ("Dorset County Council", D(2019, 3, 31), "E10000009"),
    ("Dorset Council", D(2019, 4, 1), "E06000059"),
    ("Buckinghamshire County Council", D(2020, 3, 31), "E10000002"),
    ("Buckinghamshire Council", D(2020, 4, 1), "E06000060"),
    ("Cumbria County Council", D(2023, 3, 31), "E10000006"),
    ("Cumbria", D(2023, 4, 1), None),
    ("Cumberland Council", D(2023, 4, 1), "E06000063"),
    ("Westmorland and Furness Council", D(2023, 3, 31), None),
    ("Westmorland and Furness", D(2024, 1, 1), "E06000064"),
    ("North Yorkshire County Council", D(2023, 3, 31), "E10000023"),
    ("North Yorkshire Council", D(2023, 4, 1), "E06000065"),
    ("Somerset County Council", D(2015, 1, 20), "E10000027"),
    ("Somerset Council", D(2023, 4, 1), "E06000066"),
    ("Barnsley", D(2025, 4, 30), "E08000016"),
    ("Barnsley", D(2025, 5, 1), "E08000038"),
    ("Sheffield City Council", D(2025, 5, 1), "E08000039"),
    ("Gateshead", D(2013, 3, 31), "E08000020"),
    ("Gateshead Council", D(2013, 4, 1), "E08000037"),
    ("Northumberland County Council", D(2012, 1, 1), "E06000048"),
    ("Northumberland", D(2019, 6, 17), "E06000057"),
    # Before GSS codes began (2009-01-01 means "already existed"), and a unitary from 2009-04.
    ("London Borough of Barnet", D(2007, 3, 1), "E09000003"),
    ("Bedfordshire County Council", D(2008, 5, 1), "E10000001"),
    ("Bedford Borough Council", D(2008, 5, 1), None),
    # No date: only a name unambiguous across time.
    ("Oxfordshire", None, "E10000025"),
    ("Bournemouth", None, "E06000028"),
    ("Barnsley", None, None),
    ("Dorset", None, None),
    ("Buckinghamshire", None, None),
]


@pytest.mark.parametrize(("text", "on", "code"), REORGANISATIONS)
def test_matching_follows_reorganisations(text: str, on: dt.date | None, code: str | None) -> None:
    assert gss(text, on) == code


def test_codes_either_side_of_a_reorganisation() -> None:
    def codes(text: str, on: dt.date) -> tuple[str | None, str | None]:
        found = match_authority(text, on)
        assert found is not None
        return found.dfe_code, found.ofsted_urn

    assert codes("Northamptonshire", D(2019, 6, 1)) == ("928", "121939")
    assert codes("North Northamptonshire", D(2022, 6, 1)) == ("940", "2637539")
    # Buckinghamshire kept DfE code 825 and Ofsted URN 80442 when it became unitary.
    assert codes("Buckinghamshire", D(2019, 6, 1)) == ("825", "80442")
    assert codes("Buckinghamshire", D(2021, 6, 1)) == ("825", "80442")
    assert codes("Bournemouth", D(2018, 6, 1)) == ("837", None)  # no URN in the sources
    assert codes("Bournemouth, Christchurch and Poole", D(2020, 6, 1)) == ("839", "2532287")


NOT_AUTHORITIES = [
    None,
    "",
    "   ",
    "'s",
    "Council",
    "County Council",
    "London Borough of",
    "Local Area Partnership",
    "Children's Services",
    "The",
    "Northwick Council",  # the fixtures' fictional council
    "Atlantis County Council",
    "Kingston",
    "Newcastle",
    "Richmond",
    "family in Cornwall",  # prose, not a name: never fished for a council
    "Hampshire and Isle of Wight",
    "Kingston upon Thames and Richmond upon Thames",
    "Achieving for Children",  # serves several councils
    "Achieving for Children Royal Borough of Greenwich",  # a council it does not serve
]


@pytest.mark.parametrize("text", NOT_AUTHORITIES)
@pytest.mark.parametrize("on", [D(2024, 6, 1), None])
def test_no_confident_match_is_none(text: str | None, on: dt.date | None) -> None:
    assert match_authority(text, on) is None


def test_school_kinds_are_never_matched() -> None:
    assert gss("Kent", D(2016, 11, 9)) == "E10000016"
    assert gss("Kent", D(2016, 11, 9), kind="school_section5") is None
    assert gss("Kent", D(2016, 11, 9), kind="ilacs") == "E10000016"


def test_a_school_fits_the_same_shape() -> None:
    school = Authority(
        type="school", name="Northwick Primary School", gss_code=None, dfe_code=None,
        ofsted_urn="999999", region_code=None, region_name=None, valid_from=None,
        valid_to=None, matched_from="Northwick Primary School", rule=None,
    )  # fmt: skip
    assert {f.name for f in dataclasses.fields(school)} >= {"type", "name", "ofsted_urn", "rule"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        school.name = "other"  # type: ignore[misc]


def test_normalise_name_folds_printed_forms() -> None:
    folded = normalise_name("Trafford\u2019s  Children\u2019s Services")
    assert folded == "trafford children services"
    assert normalise_name("Stockton-on-Tees") == normalise_name("stockton on tees")
    assert normalise_name("St. Helens") == normalise_name("St Helens") == "st helens"
    assert normalise_name("Brighton & Hove") == "brighton and hove"
    assert normalise_name("Bristol, City of") == "bristol city of"


def test_rules_are_the_documented_ones() -> None:
    assert {rule for *_, rule in PRINTED_VARIANTS} == set(MATCH_RULES)


def test_the_lookup_is_read_once() -> None:
    from inspectparse import authority

    match_authority("Harrow", D(2025, 1, 20))
    before = authority._lookup.cache_info()
    match_authority("Bexley", D(2018, 7, 9))
    match_authority("Council of the Isles of Scilly", None)
    after = authority._lookup.cache_info()
    assert after.misses == before.misses == 1


# The bundled data itself.


def test_bundled_entries_are_well_formed() -> None:
    entries = authorities()
    assert len(entries) > 150
    assert len({e.gss_code for e in entries}) == len(entries)
    regions = build_authorities.REGIONS
    for e in entries:
        assert re.fullmatch(r"E\d{8}", e.gss_code or ""), e
        assert re.fullmatch(r"\d{3}", e.dfe_code or ""), e
        assert e.ofsted_urn is None or e.ofsted_urn.isdigit(), e
        assert regions[e.region_code or ""] == e.region_name, e
        assert e.valid_from is not None
        assert e.valid_to is None or e.valid_from <= e.valid_to, e
        # Every council in being today has an Ofsted URN.
        assert e.valid_to is not None or e.ofsted_urn, e


def test_one_dfe_code_one_urn_and_no_name_twice_at_once() -> None:
    entries = authorities()
    urns: dict[str | None, set[str | None]] = {}
    for e in entries:
        urns.setdefault(e.dfe_code, set()).add(e.ofsted_urn)
    assert all(len(found) == 1 for found in urns.values())
    for a in entries:
        for b in entries:
            if a is not b and normalise_name(a.name) == normalise_name(b.name):
                assert a.valid_from and b.valid_from
                overlap = (a.valid_to or D.max) >= b.valid_from and (b.valid_to or D.max) >= (
                    a.valid_from
                )
                assert not overlap, (a, b)


def test_data_version_pins_the_bundled_csv() -> None:
    text = (DATA / build_authorities.CSV_NAME).read_text(encoding="utf-8")
    version = data_version()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}", version)
    assert version.endswith(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8])


def test_attribution_ships_with_the_data() -> None:
    meta = json.loads((DATA / build_authorities.META_NAME).read_text(encoding="utf-8"))
    assert "Open Government Licence" in meta["attribution"]
    assert [s["licence"] for s in meta["sources"]] == ["MIT", "MIT"]
    assert all("Permission is hereby granted" in s["licence_text"] for s in meta["sources"])
    assert meta["rows"] == len(authorities())


def test_the_package_declares_its_data_files() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.csv"' in text and '"data/*.json"' in text


# The build script on synthetic reference rows (always run).


def _dfe(
    gss_code: str, name: str, dfe: str, start: str = "01/01/2009", end: str = ""
) -> dict[str, str]:
    return {
        "new_la_code": gss_code, "la_name": name, "old_la_code": dfe,
        "date_of_operation": start, "date_of_termination": end,
        "parent_geography_code": "E12000004",
    }  # fmt: skip


def test_build_leaves_out_rows_that_are_not_authorities() -> None:
    rows, excluded = build_authorities.dfe_rows([
        _dfe("E06000061", "North Northamptonshire", "940", "01/04/2021"),
        _dfe("E06000061 / E06000062", "North / West", "940 / 941", "01/04/2021"),
        _dfe("E10000010", "Durham", "x", end="31/03/2009"),
        _dfe("z", "British Forces Post Office overseas establishments", "702"),
    ])  # fmt: skip
    assert [r.gss_code for r in rows] == ["E06000061"]
    assert rows[0].valid_from == D(2021, 4, 1) and rows[0].valid_to is None
    assert [e["reason"] for e in excluded] == [
        "two authorities reported together, not an authority",
        "no DfE code",
        "not an English local authority",
    ]


def test_build_keeps_a_comma_in_an_alternative_name_whole() -> None:
    key = normalise_name("Bournemouth, Christchurch and Poole")
    split = build_authorities.split_also_known_as
    assert split("[BCP, Bournemouth, Christchurch & Poole]", key) == [
        "BCP",
        "Bournemouth, Christchurch & Poole",
    ]
    assert split("[Kingston Upon Hull, Hull]", "kingston upon hull city of") == [
        "Kingston Upon Hull",
        "Hull",
    ]


def test_build_refuses_a_urn_row_whose_gss_code_dfe_does_not_give() -> None:
    rows, _ = build_authorities.dfe_rows([_dfe("E10000021", "Northamptonshire", "928")])
    d2i = {"urn": "121939", "la_code": "928", "la_code_new": "E06000061",
           "local_authority_ons_name": "Northamptonshire", "also_known_as": ""}  # fmt: skip
    with pytest.raises(build_authorities.ReferenceDataError):
        build_authorities.add_d2i(rows, [d2i])
    build_authorities.add_d2i(rows, [{**d2i, "la_code_new": ""}])
    assert rows[0].ofsted_urn == "121939"


def test_bundled_data_is_what_the_script_builds() -> None:
    if not (REFERENCE / "dfe-las.csv").exists():
        pytest.skip("../shared/reference is absent: rebuild check skipped")
    built = build_authorities.build(REFERENCE)
    for name, text in built.items():
        assert (DATA / name).read_text(encoding="utf-8") == text, f"{name}: run make authorities"


# The corpus: every report's provider names the council whose Ofsted URN heads its folder.

FOLDER_URN = re.compile(r"^[^/]+/(\d+)_[^/]+/")
# Entries whose report is not in a "<URN>_<name>" folder, checked by name instead.
BY_NAME = {"child_protection_2012/brent-2012-child-protection.txt": "Brent"}
KNOWN = load_known_failures()


def _expected(entry: dict[str, Any]) -> tuple[str, str]:
    """("urn", number) from the folder name, or ("name", canonical name)."""
    folder = FOLDER_URN.match(entry["file"])
    if folder:
        return "urn", folder[1]
    return "name", BY_NAME[entry["file"]]


def _is(found: Authority | None, expected: tuple[str, str]) -> bool:
    if found is None:
        return False
    field, value = expected
    return (found.ofsted_urn if field == "urn" else found.name) == value


AUTHORITY_REPORTS = [e for e in gold_entries() if not e["kind"].startswith("school")]
SCHOOL_REPORTS = [e for e in gold_entries() if e["kind"].startswith("school")]


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [e["file"][:60] for e in entries]


@pytest.mark.corpus
def test_every_folder_number_is_a_council_urn_in_the_lookup(corpus: Path) -> None:
    urns = {e.ofsted_urn for e in authorities()}
    numbers = {FOLDER_URN.match(e["file"]) for e in AUTHORITY_REPORTS}
    found = {m[1] for m in numbers if m}
    assert found and found <= urns
    assert {e["file"] for e in AUTHORITY_REPORTS if not FOLDER_URN.match(e["file"])} == set(BY_NAME)


@pytest.mark.corpus
@pytest.mark.parametrize("entry", AUTHORITY_REPORTS, ids=_ids(AUTHORITY_REPORTS))
def test_gold_provider_matches_its_council(corpus: Path, entry: dict[str, Any]) -> None:
    on = D.fromisoformat(entry["inspection_start"]) if entry["inspection_start"] else None
    found = match_authority(entry["provider"], on, kind=entry["kind"])
    assert _is(found, _expected(entry)), (entry["provider"], found)


@cache
def _extracted(file: str) -> tuple[str | None, dt.date | None, str]:
    # Bytes, not a path: the match must owe nothing to the file's name.
    record = inspectparse.extract((CORPUS / "reports" / file).read_bytes())
    return record.report.provider, record.report.inspection_start, record.report.kind


@pytest.mark.corpus
@pytest.mark.parametrize("entry", AUTHORITY_REPORTS, ids=_ids(AUTHORITY_REPORTS))
def test_extracted_provider_matches_its_council(corpus: Path, entry: dict[str, Any]) -> None:
    provider, on, kind = _extracted(entry["file"])
    found = match_authority(provider, on, kind=kind)
    known = KNOWN.get(entry["file"], "auto")
    if known is not None and "provider" in known.checks:
        # A provider still misread must give no authority, never a wrong one.
        assert found is None or _is(found, _expected(entry)), (provider, found)
    else:
        assert _is(found, _expected(entry)), (provider, found)


@pytest.mark.corpus
@pytest.mark.parametrize("entry", SCHOOL_REPORTS, ids=_ids(SCHOOL_REPORTS))
def test_school_reports_get_no_authority(corpus: Path, entry: dict[str, Any]) -> None:
    provider, on, kind = _extracted(entry["file"])
    assert kind == entry["kind"]
    assert match_authority(provider, on, kind=kind) is None
