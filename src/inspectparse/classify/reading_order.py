"""Summary tables in reading-order text: labels and grades paired by their order.

Text in reading order (plain `pdftotext`, pdfminer-based converters, copy and paste from a
viewer) has no geometry and no cell separators. A summary table arrives as runs of lines: a
row's label (which may wrap), then its grade, or two or three labels and then their grades as a
block, or a grade set just before its label. What survives every one of these is the order
*within* each column: the labels come in row order and so do the grades. So the labels the
framework knows and the grade cells of the table are listed in reading order, and when the
two lists are equally long the i-th label takes the i-th grade. When they are not, some cell
is missing or extra and any pairing would be a guess: the table gives nothing, and each label
it holds gets a `judgement_pairing_ambiguous` warning (the narrative may still state the grade).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..document import Evidence, Line, Note
from ..profiles import Profile
from ..segment import is_terminal
from .eras import lost_label_notes
from .findings import JudgementFinding, table_rule
from .grades import (
    GradeCell,
    canonical_grade,
    cut_grade_note,
    goes_on,
    is_not_judged,
    not_judged_note,
    stops_short,
)
from .text import LineText, label_regex

# Whether a line is (part of) a grade cell: `summary_table.grade_fragment`, passed in by the caller.
FragmentMatcher = Callable[[str], "re.Match[str] | None"]
_WANTS_GRADE = re.compile(r"\b(?:to\s+be|is|are|was|were)$", re.I)
# A line of digits alone: a page number or footnote marker that reading order set mid-table.
_DIGITS_ONLY = re.compile(r"^\s*\d{1,3}\s*$")
# A line that is only a date or a range of dates ("9-10 November 2016"): the value cell of
# the table's dates row ("Inspection dates"), which reading order may set in the grade
# column between the last label and the first grade. It is no grade and ends nothing.
_DATE_CELL = re.compile(
    r"^\s*\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]{2,8})?(?:\s+\d{4})?"
    r"(?:\s*(?:[–—-]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+[A-Z][a-z]{2,8}\s+\d{4}\s*$"
)
# A table row label may carry its row number ("1.", "2.1"), glued to it by a lost space.
_ROW_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})?(?:\.\s*|\s+))?")


@dataclass(slots=True)
class _Label:
    key: str
    text: str
    lines: list[Line]


@dataclass(slots=True)
class ReadingOrderTable:
    found: dict[str, JudgementFinding]
    label_text: str
    notes: list[Note]


def _grade_cells(
    region: list[Line], label_lines: set[int], fragment: FragmentMatcher
) -> dict[int, GradeCell]:
    """Grade cells by the index of their first line: a grade phrase alone on its line (or
    wrapped over lines), not the tail of a sentence that ran onto it."""
    cells: dict[int, GradeCell] = {}
    current: GradeCell | None = None
    for i, line in enumerate(region):
        frag = fragment(line.text)
        if frag is None:
            current = None
            continue
        if current is not None and goes_on(current.text, line.text, bool(frag.group("cont"))):
            # "Requires" / "improvement to be" / "good": one cell over three lines.
            current.lines.append(line)
            continue
        prev = region[i - 1] if i else None
        if frag.group("cont"):
            # No cell opens with a grade's second part ("improvement to be"). After a line of
            # prose it is the rest of that sentence's grade ("... require" / "improvement to
            # be" / "good"), and its tail is no cell either. After a cell that stops short
            # ("Requires improvement") with a label between, it is that cell's tail (a grade
            # set across its label's lines). Else it is a cell whose first words are lost
            # ("Requires" dropped by a converter): it still holds its row's place, so the cells
            # after it keep their labels, and it reads as no grade.
            if (
                prev is not None
                and prev.page == line.page
                and _prose(prev, i - 1, label_lines, fragment)
            ):
                current = GradeCell([line])
            elif (
                cells
                and (last := cells[max(cells)]).lines[-1].page == line.page
                and stops_short(last.text)
            ):
                last.lines.append(line)
                current = last
            else:
                current = cells[i] = GradeCell([line])
            continue
        # "... (LSCB) is" / "good": a sentence wrapped onto a grade word is no cell.
        runs_on = (
            prev is not None
            # A break after a verb that wants its grade ("... require improvement to be",
            # "... is") is the text's line end (a short line in a wider text), no cell's edge;
            # so is one before a lower-case line ("Children's services in Northwick" /
            # "require improvement to be good"): a sentence goes on.
            and (
                not line.gap_before
                or _WANTS_GRADE.search(prev.text) is not None
                or line.text.strip()[:1].islower()
            )
            and prev.page == line.page
            and _prose(prev, i - 1, label_lines, fragment)
        )
        if runs_on:
            # The sentence's grade words: a tail wrapped after them ("good") joins them, and
            # neither is a cell.
            current = GradeCell([line])
            continue
        current = GradeCell([line])
        cells[i] = current
    return cells


def _prose(line: Line, index: int, label_lines: set[int], fragment: FragmentMatcher) -> bool:
    """An unfinished line of a sentence: no label, no grade words, no closing full stop, and
    three words at least (a header cell such as "Grade" is one)."""
    return (
        index not in label_lines
        and fragment(line.text) is None
        and not is_terminal(line.text)
        and len(line.text.split()) >= 3
    )


def _labels(
    region: list[Line], profile: Profile, fragment: FragmentMatcher
) -> tuple[list[tuple[int, _Label]], dict[str, tuple[_Label, str]]]:
    """Label cells in reading order (by the index of their last line), and labels printed with
    their grade on the same line."""
    text = LineText.of(region, sep="\n")
    index_of = {id(ln): k for k, ln in enumerate(region)}
    labels: list[tuple[int, _Label]] = []
    inline: dict[str, tuple[_Label, str]] = {}
    seen: set[str] = set()
    for spec in profile.judgements:
        if spec.label is None:
            continue
        pattern = re.compile(
            rf"(?m)^[ \t]*{_ROW_NUMBER.pattern}(?P<label>{label_regex(spec.label).pattern})"
            r"(?P<rest>[^\n]*)$",
            re.I,
        )
        for m in pattern.finditer(text.text):
            rest = m.group("rest").strip(" .:")
            lines = text.lines_in(m.start("label"), m.end("label"))
            label = _Label(spec.key, " ".join(m.group("label").split()), lines)
            if rest and fragment(rest) is None:
                continue  # a sentence that starts with the label's words
            if spec.key in seen:
                break  # the first table only: later copies are headings in the body
            seen.add(spec.key)
            if rest:
                inline[spec.key] = (label, rest)
            else:
                labels.append((index_of[id(lines[-1])], label))
            break
    labels.sort(key=lambda pair: pair[0])
    return labels, inline


def read_reading_order_table(
    region: list[Line], profile: Profile, fragment: FragmentMatcher
) -> ReadingOrderTable:
    labels, inline = _labels(region, profile, fragment)
    label_lines = {id(ln) for _, lab in labels for ln in lab.lines}
    cells = _grade_cells(
        region, {k for k, ln in enumerate(region) if id(ln) in label_lines}, fragment
    )
    found: dict[str, JudgementFinding] = {}
    notes: list[Note] = []
    for key, (label, grade_text) in inline.items():
        _add(found, profile, key, label, GradeCell([]), grade_text)
    label_text = " ".join(lab.text for _, lab in labels)
    if not labels:
        return ReadingOrderTable(found, label_text, notes)
    grades = _table_grades(region, cells, labels)
    if len(grades) != len(labels):
        for _, label in labels:
            notes.append(
                Note(
                    "judgement_pairing_ambiguous",
                    f"the summary table lists {len(labels)} labels but {len(grades)} grade "
                    f"cells in reading order, so '{label.text}' cannot be paired with its "
                    "grade for certain; the table is not used for it",
                    field=f"judgements.{label.key}",
                    evidence=Evidence(lines=label.lines, text=label.text),
                )
            )
        for key, (label, grade_text) in inline.items():
            # A row read across beside rows that cannot be paired may be a label run on into
            # another row's grade (a converter that lost a line break between columns).
            notes.append(
                Note(
                    "judgement_pairing_ambiguous",
                    f"the summary table's other rows cannot be paired with their grades, so "
                    f"the grade printed beside '{label.text}' ({grade_text!r}) may be another "
                    "row's; kept, to be checked",
                    field=f"judgements.{key}",
                    evidence=Evidence(lines=label.lines, text=f"{label.text} {grade_text}"),
                )
            )
        if len(grades) > len(labels):
            found_keys = {lab.key for _, lab in labels} | set(inline)
            notes += lost_label_notes(profile, found_keys, len(grades))
        return ReadingOrderTable(found, label_text, notes)
    for (_, label), cell in zip(labels, grades, strict=True):
        _add(found, profile, label.key, label, cell, cell.text)
        if is_not_judged(cell.text):
            notes.append(not_judged_note(label.key, label.text, label.lines + cell.lines))
        elif canonical_grade(cell.text) is None:
            notes.append(cut_grade_note(label.key, label.text, label.lines + cell.lines, cell.text))
    return ReadingOrderTable(found, label_text, notes)


def _table_grades(
    region: list[Line], cells: dict[int, GradeCell], labels: list[tuple[int, _Label]]
) -> list[GradeCell]:
    """The table's grade cells: those from its first label to its last, plus the grade
    cells adjoining either end with no other text between (a grade set just above its
    label; the last rows' grades after their labels). The table ends at the first other line
    that is no page number and no date cell (the value of the table's dates row)."""
    in_cell = {id(ln): k for k, cell in cells.items() for ln in cell.lines}
    index_of = {id(ln): k for k, ln in enumerate(region)}
    first = min(index_of[id(lab.lines[0])] for _, lab in labels)
    last = max(k for k, _ in labels)
    while first > 0 and id(region[first - 1]) in in_cell:
        first -= 1
    k = last + 1
    while k < len(region) and (
        id(region[k]) in in_cell
        or _DIGITS_ONLY.match(region[k].text)
        or _DATE_CELL.match(region[k].text)
    ):
        if id(region[k]) in in_cell:
            last = k
        k += 1
    return [cells[k] for k in sorted(cells) if first <= k <= last]


def _add(
    found: dict[str, JudgementFinding],
    profile: Profile,
    key: str,
    label: _Label,
    cell: GradeCell,
    grade_text: str,
) -> None:
    grade = canonical_grade(grade_text)
    if grade is None:  # "Not judged" (or no grade): the row holds no judgement
        return
    lines = label.lines + cell.lines
    found[key] = JudgementFinding(
        key=key,
        label=label.text,
        grade=grade,
        grade_text=grade_text.strip(),
        rule=table_rule(profile.kind, key),
        evidence=Evidence(lines=lines, text=f"{label.text} | {grade_text.strip()}"),
    )
