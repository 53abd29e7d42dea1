"""Official codes of English local authorities, matched from a report's provider text.

`match_authority("London Borough of Harrow", date(2025, 1, 20))` returns the council's ONS GSS
code, DfE 3-digit code, Ofsted provider URN and region, with the text it was matched from and
the rule that matched. The lookup is the bundled `data/authorities.csv`, rebuilt from public
sources by `scripts/build_authorities.py` (attribution and data version in
`data/authorities.meta.json`); it is read once per process.

Matching never guesses: a text that names no authority, or that two authorities valid on the
date could answer to (a company serving several councils, a name reused across a
reorganisation when the date is missing), gives None, and the caller warns.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal, NamedTuple

__all__ = [
    "MATCH_RULES",
    "Authority",
    "authorities",
    "data_version",
    "match_authority",
    "normalise_name",
]

AuthorityType = Literal["local_authority", "school"]

# What `Authority.rule` says, best first: the text is the canonical name; a known alternative
# name; either once council-type words are stripped ("London Borough of", "Council", "Local
# Area Partnership", ...); a trust or company that runs the council's children's services;
# such a company's name together with the council's.
MATCH_RULES = (
    "canonical_name",
    "alias",
    "stripped_affixes",
    "children_services_company",
    "children_services_company_and_name",
)

# DfE dates every authority that existed when ONS GSS codes began from this day: it means "since
# before the codes", not that the council was created then, so earlier reports still match.
GSS_CODES_INTRODUCED = dt.date(2009, 1, 1)

_DATA = "data/authorities.csv"
_META = "data/authorities.meta.json"

# Words around an authority's name as reports print it, normalised (see `normalise_name`).
# Each is stripped on its own, at either end, breadth first, so "City of Bradford Metropolitan
# District Council" and "Metropolitan Borough of Barnsley Council" reach the bare name.
PREFIXES = (
    "the",
    "london borough of",
    "royal borough of",
    "metropolitan borough of",
    "borough of",
    "city and county of",
    "city of",
    "county of",
    "council of",
    "corporation of",
)
SUFFIXES = (
    "council",
    "county council",
    "city council",
    "borough council",
    "district council",
    "metropolitan borough council",
    "metropolitan district council",
    "metropolitan borough",
    "metropolitan district",
    "unitary authority",
    "unitary council",
    "local authority",
    "city",
    "county",
    "borough",
    "corporation",
    "children services",
    "children social care",
    "children social care services",
    "social care",
    "services for children",
    "children and family services",
    "children and families services",
    "children and young people services",
    "local area partnership",
    "local area",
    "area",
    "safeguarding children board",
    "local safeguarding children board",
    "lscb",
    "safeguarding children partnership",
    "safeguarding partnership",
    # Trusts and companies named after the council they serve.
    "children trust",
    "children services trust",
    "children and families trust",
    "children first",
    "community interest company",
    "cic",
    "limited",
    "ltd",
)
# Words joining a company's name to a council's ("X on behalf of Y", "X for Y", "X in Y").
CONNECTORS = ("on behalf of", "for", "in", "at", "of", "and")
# Breadth-first stripping stops here: no printed name carries more council-type words.
_MAX_STRIPS = 5

_RULE_ORDER = {rule: rank for rank, rule in enumerate(MATCH_RULES)}
_KEY_RULE = {"name": "canonical_name", "alias": "alias", "company": "children_services_company"}

# Curly and stray apostrophes to "'", dashes to "-".
_FOLD = str.maketrans(
    {c: "'" for c in "\u2018\u2019\u02bc\u0060\u00b4\u2032"}
    | {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
)
_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_WORD_MAP = {"childrens": "children", "saint": "st"}


@dataclass(frozen=True, slots=True)
class Authority:
    """A local authority's official codes (or, built by the caller, a school's URN and name).

    Codes are strings: identifiers, not quantities. `valid_from`/`valid_to` bound the period
    the GSS code was in use (None: open). `matched_from` is the provider text as given and
    `rule` one of MATCH_RULES; both are None for entries listed by `authorities()`.
    """

    type: AuthorityType
    name: str
    gss_code: str | None
    dfe_code: str | None
    ofsted_urn: str | None
    region_code: str | None
    region_name: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    matched_from: str | None = None
    rule: str | None = None

    def valid_on(self, on: dt.date) -> bool:
        """Whether this entry's codes were in use on `on`."""
        starts = self.valid_from
        if starts is not None and starts != GSS_CODES_INTRODUCED and on < starts:
            return False
        return self.valid_to is None or on <= self.valid_to


class _Lookup(NamedTuple):
    entries: tuple[Authority, ...]
    # normalised name -> (entry index, "name" | "alias" | "company") for each entry it names
    by_key: dict[str, tuple[tuple[int, str], ...]]
    companies: tuple[str, ...]


Hit = tuple[int, str]  # (entry index, rule)


def normalise_name(text: str) -> str:
    """Fold the ways one name is printed into one key.

    Case, curly apostrophes, possessive 's, '&' for 'and', hyphens ("Stockton-on-Tees"),
    full stops ("St. Helens"), commas ("Bristol, City of"), "childrens", "Saint" and runs of
    spaces all fold away: "Trafford's Children's Services" -> "trafford children services".
    """
    if not text.isascii():  # most names are: NFKC is half the cost
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_FOLD).casefold().replace("&", " and ")
    if "'" in text:
        text = _POSSESSIVE.sub("", text).replace("'", "")
    words = _PUNCTUATION.sub(" ", text).split()
    return " ".join([_WORD_MAP.get(word, word) for word in words])


def match_authority(
    provider_text: str | None, on: dt.date | None, *, kind: str | None = None
) -> Authority | None:
    """The local authority `provider_text` names on date `on`, or None when unsure.

    `on` is the inspection date: the codes valid then are returned (Northamptonshire 928 in
    2019, North Northamptonshire 940 in 2022). Without a date a name matches only if it is
    unambiguous across time. School kinds (`kind` starting "school") are never matched: a
    school is not an authority. None also for a text that names no authority, or that more
    than one authority valid on the date could answer to.
    """
    if not provider_text or (kind is not None and kind.startswith("school")):
        return None
    return _match(provider_text, on)


@functools.lru_cache(maxsize=4096)
def _match(provider_text: str, on: dt.date | None) -> Authority | None:
    """`match_authority` for a real text; cached, as a batch repeats its providers and dates."""
    key = normalise_name(provider_text)
    if not key:
        return None
    lookup = _lookup()
    for level in _levels(key):
        valid = {idx for idx, _ in level if on is None or lookup.entries[idx].valid_on(on)}
        if len(valid) > 1:
            return None  # ambiguous: two authorities answer to this text
        if valid:
            idx = valid.pop()
            rule = min((r for i, r in level if i == idx), key=_RULE_ORDER.__getitem__)
            return dataclasses.replace(lookup.entries[idx], matched_from=provider_text, rule=rule)
    return None


def authorities() -> tuple[Authority, ...]:
    """Every entry of the bundled lookup, one per authority per GSS code period."""
    return _lookup().entries


def data_version() -> str:
    """The bundled lookup's data version (latest reorganisation it knows + content digest)."""
    return str(_meta()["data_version"])


@functools.lru_cache(maxsize=4096)
def _levels(key: str) -> tuple[tuple[Hit, ...], ...]:
    """Hits for `key`, grouped by how many council-type words had to be stripped first.

    The first level with one authority valid on the date decides; a level with several is
    ambiguous. Company-plus-council texts come last. Cached: a batch repeats its providers.
    """
    index = _lookup().by_key
    levels: list[tuple[Hit, ...]] = []
    frontier, seen = {key}, {key}
    for depth in range(_MAX_STRIPS + 1):
        hits = tuple(
            (idx, "stripped_affixes" if depth and kind != "company" else _KEY_RULE[kind])
            for text in sorted(frontier)
            for idx, kind in index.get(text, ())
        )
        if hits:
            levels.append(hits)
        frontier = {s for text in frontier for s in _strip_once(text, PREFIXES, SUFFIXES)}
        frontier -= seen
        seen |= frontier
        if not frontier:
            break
    levels.extend(_company_and_name(key))
    return tuple(levels)


def _strip_once(text: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> Iterator[str]:
    """Each text left by removing one prefix or one suffix word group (never all of it)."""
    for prefix in prefixes:
        if text.startswith(prefix + " "):
            yield text[len(prefix) + 1 :]
    for suffix in suffixes:
        if text.endswith(" " + suffix):
            yield text[: -len(suffix) - 1]


def _company_and_name(key: str) -> list[tuple[Hit, ...]]:
    """Levels for "<company> <council>" texts: the council must be one the company serves."""
    lookup = _lookup()
    levels: list[tuple[Hit, ...]] = []
    for company in lookup.companies:
        if key.startswith(company + " "):
            rest = key[len(company) + 1 :]
        elif key.endswith(" " + company):
            rest = key[: -len(company) - 1]
        else:
            continue
        served = {idx for idx, kind in lookup.by_key[company] if kind == "company"}
        rest = _strip_connectors(rest)
        for level in _levels(rest) if rest else ():
            hits = tuple(
                (idx, "children_services_company_and_name") for idx, _ in level if idx in served
            )
            if hits:
                levels.append(hits)
    return levels


def _strip_connectors(text: str) -> str:
    """`text` without joining words at either end ("on behalf of", "for", ...)."""
    while True:
        shorter = next(iter(_strip_once(text, CONNECTORS, CONNECTORS)), None)
        if shorter is None:
            return text
        text = shorter


@functools.cache
def _meta() -> dict[str, object]:
    text = resources.files("inspectparse").joinpath(_META).read_text(encoding="utf-8")
    meta: dict[str, object] = json.loads(text)
    return meta


@functools.cache
def _lookup() -> _Lookup:
    """Read the bundled CSV once and index every name, alias and company by its key."""
    text = resources.files("inspectparse").joinpath(_DATA).read_text(encoding="utf-8")
    entries: list[Authority] = []
    index: dict[str, list[Hit]] = {}
    companies: set[str] = set()
    for idx, row in enumerate(csv.DictReader(io.StringIO(text))):
        entries.append(_entry(row))
        keyed = [(row["name"], "name")]
        keyed += [(alias, "alias") for alias in _split_list(row["aliases"])]
        names = _split_list(row["children_services_companies"])
        keyed += [(name, "company") for name in names]
        companies.update(normalise_name(name) for name in names)
        for name, kind in keyed:
            hits = index.setdefault(normalise_name(name), [])
            if (idx, kind) not in hits:
                hits.append((idx, kind))
    return _Lookup(
        entries=tuple(entries),
        by_key={key: tuple(hits) for key, hits in index.items()},
        companies=tuple(sorted(companies)),
    )


def _entry(row: dict[str, str]) -> Authority:
    return Authority(
        type="local_authority",
        name=row["name"],
        gss_code=row["gss_code"],
        dfe_code=row["dfe_code"],
        ofsted_urn=row["ofsted_urn"] or None,
        region_code=row["region_code"],
        region_name=row["region_name"],
        valid_from=_date(row["valid_from"]),
        valid_to=_date(row["valid_to"]),
    )


def _split_list(cell: str) -> list[str]:
    return [item for item in cell.split("|") if item]


def _date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None
