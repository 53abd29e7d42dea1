"""The summary table's judgements: each label (which may wrap) paired with the grade cell whose
vertical extent overlaps it (grades wrap too, and may straddle the label: first line above,
rest below); without geometry (text input) a row's cells are separated by tabs, or labels and
grades come as separate runs of lines in reading order (`reading_order.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..document import Evidence, Line, Note
from ..grades import GRADES, NOT_JUDGED
from ..profiles import GRADE, Profile
from ..segment import Structure
from ..segment.headings import strip_footnote
from .eras import lost_label_notes
from .findings import JudgementFinding, table_rule
from .glued_grades import rows_read_across, split_glued_grades
from .grades import (
    GradeCell,
    canonical_grade,
    cut_grade_note,
    goes_on,
    is_not_judged,
    not_judged_note,
)
from .text import LineText, label_regex

# A cell that is (part of) a grade. Continuations attach to the grade cell above them.
# The one-word grades come from the vocabulary (grades.py); the wrapped pieces of "requires
# improvement to be good" are spelt out, as a cell may end at any of its words.
_ONE_WORD_GRADES = "|".join(
    w.phrase for w in GRADES.values() if w.phrase is not None and w.phrase.isalpha()
)
_FRAGMENT = re.compile(
    rf"^(?:(?P<start>{_ONE_WORD_GRADES}|{NOT_JUDGED}"
    r"|requires?(?:\s+improvement(?:\s+to(?:\s+be(?:\s+good)?)?)?)?"
    r"|grade\s+\d(?:\s*\(\w+\))?)(?:\s+grade\s+\d)?"
    r"|(?P<cont>improvement(?:\s+to(?:\s+be(?:\s+good)?)?)?|to(?:\s+be(?:\s+good)?)?"
    r"|be(?:\s+good)?))$",
    re.I,
)

# Lines of the next page a summary table split over a page break may go on for: its header
# row and seven rows of a two-line label and a grade, each cell a line of its own.
_NEXT_PAGE_LINES = 24
# The grade column starts at least this far right of the table's left edge (points).
MIN_GRADE_INDENT = 60.0


def _fragment(text: str) -> re.Match[str] | None:
    return _FRAGMENT.match(strip_footnote(text).rstrip("."))


# Public for the reading-order table reader: whether a line is (part of) a grade cell.
grade_fragment = _fragment


def table_region(structure: Structure, profile: Profile) -> list[Line]:
    """Body lines from the table header (or page 1) to the end of the table's page(s)."""
    return next(table_regions(structure, profile), [])


def table_regions(structure: Structure, profile: Profile) -> Iterator[list[Line]]:
    """`table_region`, then the region after each later hit of the table header (a contents
    entry the segmenter did not recognise names the table too)."""
    document = structure.document
    pages, cover = document.pages, document.cover_index
    limit = (
        len(pages)
        if profile.table_pages == 0
        else min(cover + profile.table_pages + 1, len(pages))
    )
    header = re.compile(profile.table_header, re.I) if profile.table_header else None
    # The contents page names the table too: its entry is not the table's header.
    contents = {id(ln) for b in structure.blocks if b.kind == "contents" for ln in b.lines}
    for p in range(cover, limit):
        lines = pages[p].body_lines
        starts = [0]
        if header is not None:
            starts = [
                i + 1
                for i, ln in enumerate(lines)
                if id(ln) not in contents and header.search(ln.text.strip())
            ]
        for start in starts:
            region = lines[start:]
            # A table split over a page break continues at the top of the next page, as far
            # as a whole table goes (a row is up to three lines, and text laid out in columns
            # sets its grade as a line of its own).
            if p + 1 < len(pages) and profile.table_pages != 0:
                region = region + pages[p + 1].body_lines[:_NEXT_PAGE_LINES]
            yield region
        if header is None:
            return


@dataclass(slots=True)
class TableRead:
    """Judgements read from the summary table, and the text of its row labels (variant cue)."""

    found: dict[str, JudgementFinding]
    label_text: str
    # Warnings about the table itself (e.g. labels and grades that cannot be paired).
    notes: list[Note] = field(default_factory=list)


def read_table(structure: Structure, profile: Profile) -> TableRead:
    region = table_region(structure, profile)
    text_input = structure.document.format == "text"
    if region and region[0].has_geometry:
        if text_input:  # a converter's columns laid out with spaces may glue cells
            column = min(ln.x0 or 0.0 for ln in region) + MIN_GRADE_INDENT
            region = split_glued_grades(region, profile, _fragment, column)
        placed = _geometric_table(region, profile)
        # A PDF's rows all have their places; text laid out with spaces may have them only
        # for the rows that fit one line.
        return _with_reading_order(placed, structure, profile) if text_input else placed
    tabbed = _tabbed_table(region, profile) if region else None
    if tabbed is None or not tabbed.found:
        return _reading_order_table(structure, profile)
    return _with_reading_order(tabbed, structure, profile)


def _with_reading_order(spaced: TableRead, structure: Structure, profile: Profile) -> TableRead:
    """Text whose table has some rows set apart by spaces (`spaced`, read by position or by
    tabs) and the rest in reading order (a converter that aligns only the rows that fit one
    line): the reading-order rows add judgements, where every grade both read agrees."""
    if not spaced.found:
        return spaced
    paired = _reading_order_table(structure, profile)
    both = spaced.found.keys() & paired.found.keys()
    more = paired.found.keys() - spaced.found.keys()
    if not more or any(spaced.found[k].grade != paired.found[k].grade for k in both):
        return spaced
    found = {**paired.found, **spaced.found}
    found = {spec.key: found[spec.key] for spec in profile.judgements if spec.key in found}
    labels = " ".join(t for t in (spaced.label_text, paired.label_text) if t)
    return TableRead(found, labels, spaced.notes + paired.notes)


def _reading_order_table(structure: Structure, profile: Profile) -> TableRead:
    """Reading-order text: labels and grades as separate runs of lines, paired by their order;
    the first region that holds the table's labels is the table."""
    from .reading_order import read_reading_order_table

    # A region that pairs its labels is the table; else the first that lists them (a
    # contents page names them too) says why it could not be paired.
    first: TableRead | None = None
    for candidate in table_regions(structure, profile):
        if not candidate:
            continue
        across = rows_read_across(candidate, profile, grade_fragment)
        paired = read_reading_order_table(across, profile, grade_fragment)
        if paired.found:
            return TableRead(paired.found, paired.label_text, paired.notes)
        if first is None and paired.label_text:
            first = TableRead(paired.found, paired.label_text, paired.notes)
    return first or TableRead({}, "")


def _geometric_table(region: list[Line], profile: Profile) -> TableRead:
    left = min(ln.x0 or 0.0 for ln in region)
    cells: list[GradeCell] = []
    label_lines: list[Line] = []
    for line in region:
        frag = _fragment(line.text)
        if frag and (line.x0 or 0.0) >= left + MIN_GRADE_INDENT:
            near = cells[-1] if cells else None
            if (
                near is not None
                and line.page == near.lines[-1].page
                and (line.top or 0) - near.bottom < 2.5 * max(line.height, 1.0)
                and goes_on(near.text, line.text, bool(frag.group("cont")))
            ):
                near.lines.append(line)
            else:
                cells.append(GradeCell([line]))
        else:
            label_lines.append(line)
    text = LineText.of(label_lines, sep=" ")
    found: dict[str, JudgementFinding] = {}
    notes: list[Note] = []
    used: set[int] = set()
    cut: dict[str, tuple[str, list[Line], str]] = {}
    for spec in profile.judgements:
        if spec.label is None:
            continue
        for m in label_regex(spec.label).finditer(text.text):
            lines = text.lines_in(m.start(), m.end())
            inline = _inline_grade(text, m, lines[-1])
            if inline is not None:
                found[spec.key] = JudgementFinding(
                    key=spec.key,
                    label=m.group(0),
                    grade=inline[0],
                    grade_text=inline[1],
                    rule=table_rule(profile.kind, spec.key),
                    evidence=Evidence(lines=lines, text=lines[-1].text),
                )
                break
            best = _best_overlap(lines, cells, used)
            if best is None:
                continue
            cell = cells[best]
            grade = canonical_grade(cell.text)
            if grade is None and not is_not_judged(cell.text):
                # A grade's tail whose head is lost ("improvement to be good"): said below
                # unless another copy of the label finds a grade.
                cut.setdefault(spec.key, (m.group(0), lines + cell.lines, cell.text))
                continue
            used.add(best)
            if grade is None:
                notes.append(not_judged_note(spec.key, m.group(0), lines + cell.lines))
            else:
                found[spec.key] = JudgementFinding(
                    key=spec.key,
                    label=m.group(0),
                    grade=grade,
                    grade_text=cell.text,
                    rule=table_rule(profile.kind, spec.key),
                    evidence=Evidence(lines=lines + cell.lines, text=f"{m.group(0)} | {cell.text}"),
                )
            break
    notes += [cut_grade_note(key, *seen) for key, seen in cut.items() if key not in found]
    if _unlabelled_cell(cells, used, label_lines):
        keys = set(found) | {n.field.removeprefix("judgements.") for n in notes if n.field}
        notes += lost_label_notes(profile, keys, len(cells))
    # Row labels: left-column lines level with some grade cell (cell extents computed once).
    extents = [(c.lines[0].page, c.top, c.bottom) for c in cells]
    rows = [ln for ln in label_lines if _level_with_a_cell(ln, extents)]
    return TableRead(found, " ".join(ln.text for ln in rows), notes)


def _unlabelled_cell(cells: list[GradeCell], used: set[int], label_lines: list[Line]) -> bool:
    """Whether a graded cell within the table's rows (down to a row's height below the last
    one paired) took no label and has no text level with it: its row's label may be lost."""
    paired = [cells[k] for k in used]
    if not paired:
        return False
    page = paired[0].lines[0].page
    top = min(c.top for c in paired if c.lines[0].page == page)
    bottom = max(c.bottom for c in paired if c.lines[0].page == page)
    row = max(c.bottom - c.top + 2 * c.lines[0].height for c in paired)
    return any(
        k not in used
        and cell.lines[0].page == page
        and top <= cell.top <= bottom + row
        and canonical_grade(cell.text) is not None
        and not any(
            ln.page == page and (ln.top or 0) <= cell.bottom and (ln.bottom or 0) >= cell.top
            for ln in label_lines
        )
        for k, cell in enumerate(cells)
    )


def _level_with_a_cell(line: Line, extents: list[tuple[int, float, float]]) -> bool:
    """Whether a label line lies level with a grade cell, given each cell's (page, top, bottom)."""
    height, top = line.height, line.top or 0
    return any(
        page == line.page and cell_top - 2 * height <= top <= cell_bottom + height
        for page, cell_top, cell_bottom in extents
    )


def _inline_grade(text: LineText, m: re.Match[str], line: Line) -> tuple[str, str] | None:
    """A grade printed on the label's own line (the column gap was filled with spaces)."""
    # Found by identity: `list.index` would compare lines field by field.
    index = next(k for k, ln in enumerate(text.lines) if ln is line)
    end_of_line = text.starts[index] + len(line.text)
    rest = text.text[m.end() : end_of_line].strip()
    g = re.fullmatch(rf"(?P<grade>{GRADE})\.?\d?", rest, re.I)
    if g is None:
        return None
    grade = canonical_grade(g.group("grade"))
    return (grade, g.group("grade")) if grade else None


def _best_overlap(label: list[Line], cells: list[GradeCell], used: set[int]) -> int | None:
    top = min(ln.top or 0.0 for ln in label)
    bottom = max(ln.bottom or 0.0 for ln in label)
    page = label[0].page
    best, best_overlap = None, 0.0
    for i, cell in enumerate(cells):
        if i in used or cell.lines[0].page != page:
            continue
        overlap = min(bottom, cell.bottom) - max(top, cell.top)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _tabbed_table(region: list[Line], profile: Profile) -> TableRead:
    found: dict[str, JudgementFinding] = {}
    labels: list[str] = []
    for line in region:
        cells = [c.strip() for c in line.text.split("\t") if c.strip()]
        if len(cells) < 2:
            continue
        labels.append(cells[0])
        for spec in profile.judgements:
            if spec.key in found or spec.label is None:
                continue
            if label_regex(spec.label).match(cells[0]):
                grade = canonical_grade(cells[1])
                if grade is not None:
                    found[spec.key] = JudgementFinding(
                        key=spec.key,
                        label=cells[0],
                        grade=grade,
                        grade_text=cells[1],
                        rule=table_rule(profile.kind, spec.key),
                        evidence=Evidence(lines=[line], text=line.text),
                    )
                break
    return TableRead(found, " ".join(labels))
