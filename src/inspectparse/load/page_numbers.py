"""Page breaks recovered from printed page numbers, in text that lost its form feeds (a
viewer's copy and paste, a converter told not to write them).

A report prints its page number in a running footer or header on every page after the cover.
Without form feeds those numbers are still there, as lone lines counting up through the text,
each beside the running title that repeats on every page. Where such a run is found the text
is cut after each number, so `clean` finds the running lines by repetition as it does across
real pages, and provenance gets the printed page numbers. A run must count up by one, stand
well apart, and sit by lines that repeat about as often as it has numbers: lone paragraph
numbers (which also count up) stand beside sentences that never repeat.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..document import Line, Page

_PAGE_NUMBER = re.compile(r"(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_DIGITS = re.compile(r"\d+")
# Fewest numbers in a run, and fewest lines between two of them (a page holds more).
MIN_RUN = 3
MIN_LINES_APART = 4
# A number's running line is within this many lines of it, and repeats on at least this
# share of the run's pages; this share of the run's numbers must have one.
NEAR = 3
REPEAT_SHARE = 0.6
SUPPORTED_SHARE = 0.8


def _key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


def _longest_run(lines: list[Line]) -> list[tuple[int, int]]:
    """(line index, printed number) of the longest chain of lone numbers counting up by one,
    each at least MIN_LINES_APART lines after the one before."""
    best: dict[int, list[tuple[int, int]]] = {}
    longest: list[tuple[int, int]] = []
    for k, ln in enumerate(lines):
        m = _PAGE_NUMBER.fullmatch(ln.text.strip())
        if m is None:
            continue
        value = int(m.group(1))
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
    counts = Counter(_key(ln.text) for ln in lines)
    need = REPEAT_SHARE * len(run)

    def beside_running_line(k: int) -> bool:
        near = range(max(0, k - NEAR), min(len(lines), k + NEAR + 1))
        return any(j != k and counts[_key(lines[j].text)] >= need for j in near)

    if sum(beside_running_line(k) for k, _ in run) < SUPPORTED_SHARE * len(run):
        return None
    cuts = [k + 1 for k, _ in run]
    numbers = [value for _, value in run]
    if cuts[-1] < len(lines):
        numbers.append(numbers[-1] + 1)
    else:
        cuts.pop()
    pages: list[Page] = []
    for start, end, number in zip([0, *cuts], [*cuts, len(lines)], numbers, strict=True):
        kept = [
            replace(ln, page=number, index=i, gap_before=ln.gap_before and i > 0)
            for i, ln in enumerate(lines[start:end])
        ]
        pages.append(Page(number=number, lines=kept))
    return pages
