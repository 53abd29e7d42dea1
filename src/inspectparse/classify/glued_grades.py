"""Grade cells that column-layout text glued to a label's words (PyMuPDF's sorted text).

A converter that lays a page out with spaces sets each row of text at its place. Where a
summary table's label wraps, the grade cell sits level with the label's second line, and a
converter that merges words close on one row can set the grade and label words as one cell:
the tail of a wrapped label after its grade ("Good  leavers", "Requires improvement
permanence", "Outstanding and protection"), or a grade set before the whole label of its row
("Requires improvement Overall effectiveness", the grade's "to be good" on the row below), or
the first line of a wrapped one ("Adequate Outcomes for looked after children and"), even with
no space before the label's row number ("Requires1. Children who need help and protection").

Such a line, in the grade column, is split into its grade and a label line only where the
shape is unambiguous: the words before are a whole grade phrase, the words after are no grade
and no sentence, and are either a short run going on with a label (lower case) or open with a
label of the profile. Whether the label lines then make a label is still the profile's labels'
call (`_geometric_table`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Line
from ..profiles import Profile
from ..segment import is_terminal
from .grades import canonical_grade, goes_on
from .reading_order import FragmentMatcher
from .text import label_regex

# A wrapped label's tail is a few words ("and families", "care leavers", "permanence").
_TAIL_WORDS = 4
# A label may carry its row number ("3.", "2.1").
_ROW_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?\s+")
# A grade glued to the next row number with no space between ("Requires1. Children ...").
_GLUED_ROW_NUMBER = re.compile(r"^(\D+?)(\d{1,2}(?:\.\d{1,2})?\.\s+\S.*)$")


def split_glued_grades(
    region: list[Line], profile: Profile, fragment: FragmentMatcher, column: float
) -> list[Line]:
    """The region with each line in the grade column (starting at `column` or right of it)
    that is a grade glued to label words split in two: the grade, then the label words (same
    row, so both stay level with the label)."""
    labels = [label_regex(spec.label) for spec in profile.judgements if spec.label]
    out: list[Line] = []
    for line in region:
        in_column = (line.x0 or 0.0) >= column
        split = _split(line.text, labels, fragment) if in_column else None
        if split is None:
            out.append(line)
            continue
        grade, words = split
        out += [replace(line, text=grade), replace(line, text=words)]
    return out


def _split(
    text: str, labels: list[re.Pattern[str]], fragment: FragmentMatcher
) -> tuple[str, str] | None:
    """(grade, label words) of a line that opens with a whole grade phrase followed by label
    words; None for any other line (a grade alone, a sentence, a label alone)."""
    if fragment(text) is not None:
        return None
    numbered = _GLUED_ROW_NUMBER.match(text)
    if numbered and (head := fragment(numbered.group(1))) and head.group("start"):
        rest = numbered.group(2)
        if any(p.match(_ROW_NUMBER.sub("", rest)) for p in labels):
            return numbered.group(1).strip(), rest
    words = text.split()
    if len(words) < 2:
        return None
    for k in range(len(words) - 1, 0, -1):  # the longest grade phrase first
        head = fragment(" ".join(words[:k]))
        if head is None or not head.group("start"):
            continue
        rest = " ".join(words[k:])
        tail = rest[0].islower() and len(words) - k <= _TAIL_WORDS
        opens = any(p.match(_ROW_NUMBER.sub("", rest)) for p in labels)
        if fragment(rest) is None and not is_terminal(rest) and (tail or opens):
            return " ".join(words[:k]), rest
        return None
    return None


def rows_read_across(region: list[Line], profile: Profile, fragment: FragmentMatcher) -> list[Line]:
    """Reading-order text that reads a summary table's rows across (pdfplumber's plain text):
    a wrapped label's lines and its grade interleave ("... achieving" / "Inadequate" /
    "permanence"; "... social work Good" / "practice with children and families"; "...
    practice with Requires improvement to" / "children and families be good"). Where the
    label's lines, read apart from the grade, make a whole label of the profile, the label's
    lines come first and the grade after them, as the reading-order reader expects."""
    labels = [label_regex(spec.label) for spec in profile.judgements if spec.label]
    region = _grades_before_labels(region, labels, fragment)

    def whole_label(head: str, tail: str) -> bool:
        text = f"{_ROW_NUMBER.sub('', head.strip())} {tail.strip()}"
        return any(p.fullmatch(text) for p in labels)

    out: list[Line] = []
    k = 0
    while k < len(region):
        line, nxt = region[k], region[k + 1] if k + 1 < len(region) else None
        after = region[k + 2] if k + 2 < len(region) else None
        if nxt is None:
            out.append(line)
            break
        grade_between = (
            after is not None
            and fragment(line.text) is None
            and fragment(nxt.text) is not None
            and fragment(after.text) is None
        )
        if after is not None and grade_between and whole_label(line.text, after.text):
            out += [line, after, nxt]  # the grade set between the label's lines
            k += 3
            continue
        head = _trailing_grade(line.text, fragment, "start")
        if head is not None and fragment(nxt.text) is None:
            tail = _trailing_grade(nxt.text, fragment, "cont")
            label_tail, grade_tail = tail if tail is not None else (nxt.text, "")
            if whole_label(head[0], label_tail):
                grade = " ".join(t for t in (head[1], grade_tail) if t)
                out += [replace(line, text=head[0]), replace(nxt, text=label_tail)]
                out.append(replace(nxt, text=grade))
                k += 2
                continue
        out.append(line)
        k += 1
    return out


# Lines a label opening on a grade's line may wrap onto.
_LABEL_LINES = 3


def _grades_before_labels(
    region: list[Line], labels: list[re.Pattern[str]], fragment: FragmentMatcher
) -> list[Line]:
    """The region with each line that is a whole grade followed by the opening of the next
    row's label, which may wrap ("Outstanding The experiences and progress of" / "children
    who need help and protection"; "Requires improvement 2.1 Adoption performance"), split
    into the grade and the label's line: a converter ran the grade cell on into the label
    level with it, and the reading-order reader pairs cells by their order."""
    out: list[Line] = []
    above = ""  # the last line with text before this one
    for k, line in enumerate(region):
        following = " ".join(ln.text.strip() for ln in region[k + 1 : k + _LABEL_LINES])
        split = _leading_grade(line.text, above, following, labels, fragment)
        above = line.text.strip() or above
        if split is None:
            out.append(line)
        else:
            out += [replace(line, text=split[0]), replace(line, text=split[1])]
    return out


def _leading_grade(
    text: str,
    above: str,
    following: str,
    labels: list[re.Pattern[str]],
    fragment: FragmentMatcher,
) -> tuple[str, str] | None:
    """(grade, label words) of a line that opens with the longest whole grade phrase, or the
    rest of a grade the line `above` starts ("Requires" / "improvement 2. Children looked
    after ..."), and goes on with the opening of a label (read on into `following`); None for
    any other line."""
    if fragment(text) is not None:
        return None
    words = text.split()
    # Every grade opens with a word or two that are a fragment ("Good", "Requires", "Grade 3"):
    # the lines of prose that make most of a region skip the longest-first search.
    if len(words) < 2 or (fragment(words[0]) is None and fragment(" ".join(words[:2])) is None):
        return None
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        m = fragment(head)
        if m is None:
            continue
        whole = m.group("start") and canonical_grade(head) is not None
        if not (whole or (m.group("cont") and _goes_on_above(above, head, fragment))):
            continue
        rest = " ".join(words[k:])
        label = _ROW_NUMBER.sub("", f"{rest} {following}")
        if fragment(rest) is None and any(p.match(label) for p in labels):
            return head, rest
        return None
    return None


def _goes_on_above(above: str, head: str, fragment: FragmentMatcher) -> bool:
    """Whether `head`, a grade's second part, ends the grade cell the line above opens."""
    cell = fragment(above)
    return cell is not None and bool(cell.group("start")) and goes_on(above, head, True)


def _trailing_grade(text: str, fragment: FragmentMatcher, group: str) -> tuple[str, str] | None:
    """(words before, grade words) of a line ending with the longest grade fragment of the
    kind `group` ("start": a grade's first words; "cont": a wrapped grade's last words),
    with other words before it; None for any other line."""
    words = text.split()
    for k in range(1, len(words)):
        m = fragment(" ".join(words[k:]))
        if m is not None and m.group(group) and fragment(" ".join(words[:k])) is None:
            return " ".join(words[:k]), " ".join(words[k:])
    return None
