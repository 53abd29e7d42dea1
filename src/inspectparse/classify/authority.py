"""The report's subject as official codes: a council from the lookup, or a school as printed.

Councils are matched from the provider text and the inspection date by
`inspectparse.authority.match_authority` (time-aware: reorganised councils change codes).
Schools print their own identifiers ("Unique reference number", "Local authority") in a
details table: the profile's `identifier_patterns` read them. Nothing is guessed: no confident
match is a `review` warning on `report.authority`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..authority import Authority, data_version, match_authority
from ..document import Document, Note
from ..profiles import Profile
from .findings import Meta


def _when(meta: Meta) -> dt.date | None:
    """The date the provider's name was in force: the visit, else the letter or publication."""
    if meta.periods:
        return meta.periods[0][0]
    return meta.letter_date or meta.published


def find_authority(
    document: Document, profile: Profile, meta: Meta
) -> tuple[Authority | None, list[Note]]:
    on = _when(meta)
    if profile.authority_type == "school":
        return _school(document, profile, meta, on)
    found = match_authority(meta.provider, on, kind=profile.kind) if meta.provider else None
    if found is None:
        return None, [_unmatched(meta.provider), *_words_before_a_name(meta.provider, on)]
    return found, []


# Words a line above the provider's name can run in with ("Ofsted", a date, a header): so
# many are looked past, no more.
_MAX_WORDS_BEFORE = 3


def _words_before_a_name(provider: str | None, on: dt.date | None) -> list[Note]:
    """A provider no authority answers to whose end one does ("Ofsted Isle of Wight Council"):
    the words before that name are most likely a line above it run in (a logo's word, a
    header), so the provider read is doubted. Its words are kept as read: a name can open
    with a word of its own that the lookup lacks."""
    words = (provider or "").split()
    for cut in range(1, min(_MAX_WORDS_BEFORE, len(words) - 1) + 1):
        rest = " ".join(words[cut:])
        if match_authority(rest, on) is not None:
            before = " ".join(words[:cut])
            return [
                Note(
                    "provider_words_before_name",
                    f"the provider read, {provider!r}, is no authority's name, but '{rest}' "
                    f"after {before!r} is: a line above the name may have run into it",
                )
            ]
    return []


def _school(
    document: Document, profile: Profile, meta: Meta, on: dt.date | None
) -> tuple[Authority | None, list[Note]]:
    text = "\n".join(line.text for line in document.iter_lines())
    groups: dict[str, str] = {}
    for pattern in profile.compiled("identifier_patterns"):
        m = pattern.search(text)
        if m:
            groups.update({k: v.strip() for k, v in m.groupdict().items() if v})
    urn = groups.get("urn")
    if urn is None or meta.provider is None:
        return None, [
            Note(
                "authority_unmatched",
                "the school's unique reference number or name was not found; no identifiers given",
                field="report.authority",
            )
        ]
    # The school's own URN and name; the codes and region are its local authority's.
    printed_council = groups.get("local_authority")
    council = match_authority(printed_council, on) if printed_council else None
    school = Authority(
        type="school",
        name=meta.provider,
        gss_code=council.gss_code if council else None,
        dfe_code=council.dfe_code if council else None,
        ofsted_urn=urn,
        region_code=council.region_code if council else None,
        region_name=council.region_name if council else None,
        valid_from=None,
        valid_to=None,
        matched_from=meta.provider,
        rule="school_details",
    )
    notes = []
    if council is None:
        notes.append(
            Note(
                "authority_unmatched",
                f"the school's local authority ({printed_council!r}) matches no "
                "council in the lookup; its codes are left empty",
                field="report.authority",
            )
        )
    return school, notes


def _unmatched(provider: str | None) -> Note:
    if not provider:
        message = "no provider name, so no local authority codes; left empty"
    else:
        message = (
            f"'{provider}' matches no single local authority in the lookup "
            f"(version {data_version()}) on the inspection date; codes left empty, not guessed"
        )
    return Note("authority_unmatched", message, field="report.authority")


def authority_data(found: Authority | None) -> dict[str, object] | None:
    """The record's `report.authority` as plain data."""
    if found is None:
        return None
    # Field by field: `dataclasses.asdict` deep-copies every value (~0.15 ms a record), and
    # these are all strings, dates or None.
    data: dict[str, object] = {name: getattr(found, name) for name in _RECORD_FIELDS}
    data["lookup_version"] = data_version()
    return data


# `Authority`'s fields that the record carries, in its order: not its period of validity.
_RECORD_FIELDS = tuple(
    f.name for f in dataclasses.fields(Authority) if f.name not in ("valid_from", "valid_to")
)


__all__ = ["authority_data", "find_authority"]
