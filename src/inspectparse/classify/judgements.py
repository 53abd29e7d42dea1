"""Judgements: anchored to their printed labels, never read by position.

Two independent sources, both declared by the profile:
- the summary table: a label (which may wrap) paired with the grade cell whose vertical extent
  overlaps it (grades wrap too, and may straddle the label: first line above, rest below);
  without geometry (text input) a row's cells are separated by tabs;
- sentences and graded headings ("... protection: requires improvement to be good").
The first source found is primary; the others confirm it or raise a conflict warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ..document import Evidence, Line, Note
from ..grades import GRADES, NOT_JUDGED
from ..profiles import GRADE, JudgementSpec, Profile
from ..segment import Structure
from ..segment.headings import strip_footnote
from ..segment.joins import ENDS_MID_PHRASE
from .eras import era_notes, lost_label_notes, required
from .findings import JudgementFinding
from .glued_grades import rows_read_across, split_glued_grades
from .grades import canonical_grade, cut_grade_note, goes_on, is_not_judged, not_judged_note
from .text import LineText, flat, hide_abbreviation_dots, label_regex

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


# Lines of the next page a summary table split over a page break may go on for: its header
# row and seven rows of a two-line label and a grade, each cell a line of its own.
_NEXT_PAGE_LINES = 24
# The grade column starts at least this far right of the table's left edge (points).
MIN_GRADE_INDENT = 60.0


@dataclass(slots=True)
class _GradeCell:
    lines: list[Line]

    @property
    def text(self) -> str:
        return " ".join(strip_footnote(ln.text) for ln in self.lines)

    @property
    def top(self) -> float:
        return min(ln.top or 0.0 for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom or 0.0 for ln in self.lines)


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
    pages = structure.document.pages
    limit = len(pages) if profile.table_pages == 0 else min(profile.table_pages + 1, len(pages))
    header = re.compile(profile.table_header, re.I) if profile.table_header else None
    # The contents page names the table too: its entry is not the table's header.
    contents = {id(ln) for b in structure.blocks if b.kind == "contents" for ln in b.lines}
    for p in range(limit):
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
    cells: list[_GradeCell] = []
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
                cells.append(_GradeCell([line]))
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
                    rule=f"{profile.kind}.table.{spec.key}",
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
                    rule=f"{profile.kind}.table.{spec.key}",
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


def _unlabelled_cell(cells: list[_GradeCell], used: set[int], label_lines: list[Line]) -> bool:
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


def _best_overlap(label: list[Line], cells: list[_GradeCell], used: set[int]) -> int | None:
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
                        rule=f"{profile.kind}.table.{spec.key}",
                        evidence=Evidence(lines=[line], text=line.text),
                    )
                break
    return TableRead(found, " ".join(labels))


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
    return any(found(flat(block.text)) for block in structure.blocks)
