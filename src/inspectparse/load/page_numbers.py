"""Page breaks recovered from printed page numbers, in text that lost its form feeds (a
viewer's copy and paste, a converter told not to write them).

A report prints its page number in a running footer or header on every page after the cover.
Without form feeds those numbers are still there, counting up through the text: as lone lines,
each beside the running title that repeats on every page, or at the end of a running line
itself ("14 to 18 October 2024 6": the footer's dates and the number on one line). Where such
a run is found the text is cut after each number, so `clean` finds the running lines by
repetition as it does across real pages, and provenance gets the printed page numbers. A run
must count up by one, stand well apart, and sit by lines that repeat about as often as it has
numbers: lone paragraph numbers (which also count up) stand beside sentences that never
repeat.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..document import Line, Page
from .starts import line_key

# A printed page number, whole ("12", "Page 3 of 13", "3/13"; `fullmatch`); the number in
# group 1. `clean` finds page numbers at pages' edges with it too.
PAGE_NUMBER = re.compile(r"(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
# A running line that ends with the page number: its text, then the number ("... 2024 6",
# "... 2016 Page 3 of 13").
TRAILING_PAGE_NUMBER = re.compile(
    r"(\S.*?)\s+(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?", re.I
)
# Fewest numbers in a run, and fewest lines between two of them (a page holds more).
MIN_RUN = 3
MIN_LINES_APART = 4
# A number's running line is within this many lines of it, and repeats on at least this
# share of the run's pages; this share of the run's numbers must have one.
NEAR = 3
REPEAT_SHARE = 0.6
SUPPORTED_SHARE = 0.8


def _printed_numbers(lines: list[Line]) -> list[tuple[int, int]]:
    """(line index, number) of each line that may carry a page number: a lone number, or one
    ending a line whose text before it repeats through the text (a running line)."""
    trailing = [(k, TRAILING_PAGE_NUMBER.fullmatch(ln.text.strip())) for k, ln in enumerate(lines)]
    repeats = Counter(line_key(m.group(1)) for _, m in trailing if m is not None)
    found = []
    for k, ln in enumerate(lines):
        lone = PAGE_NUMBER.fullmatch(ln.text.strip())
        if lone is not None:
            found.append((k, int(lone.group(1))))
        elif (m := trailing[k][1]) is not None and repeats[line_key(m.group(1))] >= MIN_RUN:
            found.append((k, int(m.group(2))))
    return found


def _longest_run(lines: list[Line]) -> list[tuple[int, int]]:
    """(line index, printed number) of the longest chain of page numbers counting up by one,
    each at least MIN_LINES_APART lines after the one before."""
    best: dict[int, list[tuple[int, int]]] = {}
    longest: list[tuple[int, int]] = []
    for k, value in _printed_numbers(lines):
        before = best.get(value - 1)
        chain = (
            [*before, (k, value)]
            if before and k - before[-1][0] >= MIN_LINES_APART
            else [(k, value)]
        )
        if len(chain) > len(best.get(value, [])):
            best[value] = chain
        if len(chain) > len(longest):
            longest = chain
    return longest


def split_at_page_numbers(page: Page) -> list[Page] | None:
    """The pages of a one-page text cut after each printed page number, numbered as printed;
    None where no run of page numbers with running lines beside them is found."""
    lines = page.lines
    run = _longest_run(lines)
    if len(run) < MIN_RUN:
        return None
    counts = Counter(line_key(ln.text) for ln in lines)
    need = REPEAT_SHARE * len(run)

    def beside_running_line(k: int) -> bool:
        near = range(max(0, k - NEAR), min(len(lines), k + NEAR + 1))
        return any(counts[line_key(lines[j].text)] >= need for j in near if j != k) or (
            PAGE_NUMBER.fullmatch(lines[k].text.strip()) is None  # the number ends a running line
        )

    if sum(beside_running_line(k) for k, _ in run) < SUPPORTED_SHARE * len(run):
        return None
    cuts = [k + 1 for k, _ in run]
    numbers = [value for _, value in run]
    if cuts[-1] < len(lines):
        numbers.append(numbers[-1] + 1)
    else:
        cuts.pop()
    return [
        Page(number=number, lines=_page_lines(lines[start:end], number))
        for start, end, number in zip([0, *cuts], [*cuts, len(lines)], numbers, strict=True)
    ]


def _page_lines(lines: list[Line], number: int) -> list[Line]:
    """One cut page's lines as a page of their own: the blank line after the page number
    before is the page break, not a break in the body, so no line of the page's first row
    stands after a gap (in laid-out text every cell of that row had it); and pseudo-geometry
    is measured from the page's top, as a text with form feeds gives it."""
    first_top = lines[0].top if lines else None
    shift = first_top or 0.0
    kept = []
    for i, ln in enumerate(lines):
        on_first_row = i == 0 or (first_top is not None and ln.top == first_top)
        kept.append(
            replace(
                ln,
                page=number,
                index=i,
                gap_before=ln.gap_before and not on_first_row,
                top=None if ln.top is None else ln.top - shift,
                bottom=None if ln.bottom is None else ln.bottom - shift,
            )
        )
    return kept
