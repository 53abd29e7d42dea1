"""Is the framework era read right? A report's era (`Profile.variants`) decides which
judgements it must have; it is read from the summary table's labels and page 1, where a table
read in part or a lost line can make a report look like another era. These checks turn such
doubt into review warnings on the judgements it concerns.
"""

from __future__ import annotations

from collections.abc import Collection

from ..document import Note
from ..profiles import JudgementSpec, Profile
from .findings import JudgementFinding, Meta


def required(spec: JudgementSpec, variant: str | None) -> bool:
    """Whether a report of era `variant` must grade `spec`."""
    if not spec.required:
        return False
    return not spec.required_in or variant in spec.required_in


def era_notes(
    profile: Profile,
    variant: str | None,
    absent: tuple[str, ...],
    sources: list[dict[str, JudgementFinding]],
) -> list[Note]:
    """When judgements only the chosen era requires were not found, the era itself is in
    doubt: each judgement only another era grades, not looked for, gets a review warning, and
    so does each judgement found that a rival era (one without the missing judgements) lacks:
    it may be that era's label read in part ("... children in care" of "... children in care
    and care leavers" cut at a line)."""
    missing = [
        spec.key
        for spec in profile.judgements
        if spec.required_in and required(spec, variant) and not any(spec.key in s for s in sources)
    ]
    if not missing:
        return []
    doubt = (
        f"the {variant} era's judgements {', '.join(missing)} were not found, so the era is "
        "in doubt"
    )
    notes = [
        Note(
            "judgement_era_unsure",
            f"{doubt}; '{spec.key}', which another era grades, was not looked for: check the "
            "summary table",
            field=f"judgements.{spec.key}",
        )
        for spec in profile.judgements
        if spec.key in absent
        and any(required(spec, v.name) for v in profile.variants if v.name != variant)
    ]
    rivals = [v for v in profile.variants if v.name != variant and set(missing) & set(v.absent)]
    found = {key for source in sources for key in source}
    return notes + [
        Note(
            "judgement_era_unsure",
            f"{doubt}; '{spec.key}', which another era does not grade, may be that era's "
            "judgement read in part: check the summary table",
            field=f"judgements.{spec.key}",
        )
        for spec in profile.judgements
        if spec.key in found and any(spec.key in v.absent for v in rivals)
    ]


def era_date_notes(
    profile: Profile, variant: str | None, meta: Meta, graded: Collection[str]
) -> list[Note]:
    """A report read as an era that began after its visit: the judgements that era lacks
    and another era grades (one that has every judgement `graded` in the table) may be lost
    from the text (a dropped table row looks like the newer era): each gets a review
    warning."""
    era = next((v for v in profile.variants if v.name == variant), None)
    start = meta.periods[0][0] if meta.periods else None
    if era is None or era.first_year is None or start is None or start.year >= era.first_year:
        return []
    return [
        Note(
            "judgement_era_unsure",
            f"the report reads as the {era.name} era, which began in {era.first_year}, but its "
            f"inspection began in {start.year}: '{key}' may be lost from the text; check the "
            "summary table",
            field=f"judgements.{key}",
        )
        for key in era.absent
        if any(
            key not in v.absent and not set(graded) & set(v.absent)
            for v in profile.variants
            if v.name != era.name
        )
    ]


def lost_label_notes(profile: Profile, keys: set[str], cells: int) -> list[Note]:
    """A summary table with a grade cell no label it holds takes (`cells` cells, `keys` the
    judgements whose labels it holds): a label may be lost (a converter dropped its line), so
    each judgement the report could have beside those found (in any era of the framework that
    has every key found) gets the doubt too; its absence may be that loss."""
    eras = [v.absent for v in profile.variants if not keys & set(v.absent)] or [()]
    could_have = {s.key for s in profile.judgements if any(s.key not in a for a in eras)}
    return [
        Note(
            "judgement_pairing_ambiguous",
            f"the summary table has {cells} grade cells but only {len(keys)} labels the rules "
            f"know: the label of '{key}' may be lost from the text; no grade guessed",
            field=f"judgements.{key}",
        )
        for key in sorted(could_have - keys)
    ]
