"""Judgements: anchored to their printed labels, never read by position.

Two independent sources, both declared by the profile:
- the summary table (`summary_table.py`);
- sentences and graded headings ("... protection: requires improvement to be good"), here.
The first source found is primary; the others confirm it or raise a conflict warning.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Evidence, Note
from ..profiles import GRADE, JudgementSpec, Profile
from ..segment import Structure
from ..segment.headings import strip_footnote
from ..segment.joins import ENDS_MID_PHRASE
from .eras import era_notes, required
from .findings import JudgementFinding
from .grades import canonical_grade
from .summary_table import TableRead
from .text import flat, hide_abbreviation_dots, label_regex

_GRADE_START = re.compile(rf"\s*:?\s*(?:Grade\s+\d\s*\(\s*)?{GRADE}\b", re.I)
# The end of a headline wrapped before its grade ("... Council area" / "are good";
# "... require" / "improvement (to be good)"): a short block that joins the heading above.
_HEADLINE_TAIL = re.compile(rf"\s*(?:(?:are|is)\s+)?(?:{GRADE}|improvement)\b", re.I)
_HEADLINE_TAIL_CHARS = 40
# A headline run into the title block: the text after "Report published: D Month YYYY".
_AFTER_PUBLISHED = re.compile(r"\bReport published:?\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}\.?\s+", re.I)
# A summary table's numbered row ("3. Leadership ... Inadequate"), a sentence run on after it.
_AFTER_TABLE_ROW = re.compile(
    rf"\d{{1,2}}(?:\.\d{{1,2}})?\.?\s+[A-Z][^.:;]{{3,100}}?\s(?i:{GRADE})\s+(?=[A-Z])"
)
# Text every match holds, lower-cased: a cheap test that spares most blocks the search (its
# leading `\b` under re.I leaves the regex no literal to skip ahead by). Each of these letters
# matches under re.I only characters that lower-case to it (unlike "i" and "s").
_PUBLISHED_CUE = "report publ"


@cache
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.I) for p in patterns]


def sentence_judgements(structure: Structure, profile: Profile) -> dict[str, JudgementFinding]:
    """Graded headings and grade sentences; a heading's grade may sit in the next block."""
    found: dict[str, JudgementFinding] = {}
    blocks = structure.blocks
    # Every (spec's position, spec, pattern number, pattern), flat: this runs for every block.
    searches = [
        (position, spec, n, pattern)
        for position, spec in enumerate(profile.judgements)
        for n, pattern in enumerate(_compiled(spec.sentences))
    ]
    keys = {spec.key for _, spec, _, _ in searches}
    for i, block in enumerate(blocks):
        if len(found) == len(keys):  # every judgement found: the rest cannot change anything
            break
        if block.kind in ("contents", "table"):
            continue
        text = block.text
        lines = list(block.lines)
        if block.kind == "heading":
            # A graded heading can wrap into the next heading block, and its grade can sit
            # on a line of its own ("Grade 4 (Inadequate)", ": requires improvement").
            for nxt in blocks[i + 1 : i + 3]:
                is_grade = _GRADE_START.match(nxt.text) or (
                    len(nxt.text) <= _HEADLINE_TAIL_CHARS and _HEADLINE_TAIL.match(nxt.text)
                )
                # A graded heading broken after a word no heading ends with ("Children's
                # services in" / "Northwick require improvement to be good") goes on.
                cut = ENDS_MID_PHRASE.search(text) is not None
                if not is_grade and not cut and (nxt.kind != "heading" or len(nxt.text) > 80):
                    break
                text = f"{text} {nxt.text}"
                lines += nxt.lines
                if is_grade:
                    break
        elif _PUBLISHED_CUE in text.lower() and (published := _AFTER_PUBLISHED.search(text)):
            text = text[published.end() :]
        elif block.kind == "text" and (row := _AFTER_TABLE_ROW.match(text)):
            # A grade sentence run into the summary table's last row (text without blank
            # lines): the sentence starts after the row's grade.
            text = text[row.end() :]
        # Searched with a name's abbreviation ("St. Helens") ending no sentence; the evidence
        # keeps the text as printed (the same length).
        searched = hide_abbreviation_dots(text)
        # A spec whose pattern matched here without a grade: its later patterns are not tried.
        ungraded: int | None = None
        for position, spec, n, pattern in searches:
            if spec.key in found or position == ungraded:
                continue
            m = pattern.search(searched)
            if not m:
                continue
            grade_text = strip_footnote(m.group("grade"))
            grade = canonical_grade(grade_text)
            if grade is None:
                ungraded = position
                continue
            found[spec.key] = JudgementFinding(
                key=spec.key,
                label=_printed_label(spec, text[m.start() : m.start("grade")]),
                grade=grade,
                grade_text=grade_text,
                rule=f"{profile.kind}.{'heading' if block.kind == 'heading' else 'sentence'}"
                f".{spec.key}.{n}",
                evidence=Evidence(
                    lines=lines,
                    text=text,
                    char_start=m.start(),
                    char_end=m.end(),
                    paragraph=structure.paragraph_number(block),
                ),
            )
    return found


# What joins a label to its grade in a sentence or graded heading: never part of the label.
_LABEL_TAIL = re.compile(
    r"(?:[\s:,(]|\b(?:is|are|requires?|judged|to|be|that|it|Grade\s+\d)\b)*$", re.I
)


def _printed_label(spec: JudgementSpec, before_grade: str) -> str:
    """The judgement's label as printed: the spec's label where the text has it, else the
    framework's title for a sentence that prints none, else the text before the grade
    without the words that join it to the grade ("is", "Grade 3 (")."""
    if spec.label:
        m = label_regex(spec.label).search(before_grade)
        if m:
            return " ".join(m.group(0).split())
    if spec.title:
        return spec.title
    return _LABEL_TAIL.sub("", before_grade).strip(" :,(") or spec.key


def extract_judgements(
    structure: Structure, profile: Profile, variant: str | None, table: TableRead
) -> tuple[list[JudgementFinding], list[Note]]:
    warnings: list[Note] = list(table.notes)
    absent = next((v.absent for v in profile.variants if v.name == variant), ())
    sources = [table.found, sentence_judgements(structure, profile)]
    if profile.primary_source == "narrative":
        sources.reverse()
    results: list[JudgementFinding] = []
    warnings.extend(era_notes(profile, variant, absent, sources))
    not_judged = {n.field for n in table.notes if n.code == "judgement_not_judged"}
    for spec in profile.judgements:
        if spec.key in absent:
            continue
        hits = [s[spec.key] for s in sources if spec.key in s]
        if not hits:
            said = f"judgements.{spec.key}" in not_judged  # the table prints "Not judged"
            if not said and (required(spec, variant) or _expected(spec, structure)):
                warnings.append(
                    Note(
                        "judgement_missing",
                        f"the {profile.kind} report should have a '{spec.key}' judgement "
                        "but none was found next to its label; left empty, not guessed",
                        field=f"judgements.{spec.key}",
                    )
                )
            continue
        primary = hits[0]
        if primary.grade not in profile.grades:
            warnings.append(
                Note(
                    "grade_out_of_scale",
                    f"{spec.key}: '{primary.grade_text}' is not on this "
                    f"framework's scale ({', '.join(profile.grades)}); dropped",
                    field=f"judgements.{spec.key}",
                    evidence=primary.evidence,
                )
            )
            continue
        for other in hits[1:]:
            if other.grade == primary.grade:
                primary.confirmed_by.append(other.rule)
            else:
                warnings.append(
                    Note(
                        "judgement_conflict",
                        f"{spec.key}: {primary.rule} reads '{primary.grade_text}' but "
                        f"{other.rule} reads '{other.grade_text}'; kept the first",
                        field=f"judgements.{spec.key}",
                        evidence=other.evidence,
                    )
                )
        results.append(primary)
    return results, warnings


def _expected(spec: JudgementSpec, structure: Structure) -> bool:
    """Whether the text shows the report has a judgement not every report has."""
    if spec.expected_if is None:
        return False
    found = re.compile(spec.expected_if, re.I).search
    # A footnote may say so too (a SIF's: the report "includes ... the review of the LSCB").
    return any(found(flat(block.text)) for block in [*structure.blocks, *structure.footnotes])
