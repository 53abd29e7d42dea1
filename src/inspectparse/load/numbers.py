"""Paragraph numbers that a reading-order converter set apart from their text, put back.

A PDF's paragraph numbers hang in a column left of the text. Converters that read the page in
reading order (plain `pdftotext`, pdfminer-based ones such as markitdown, a viewer's copy and
paste) often give that column on its own: "12." alone on a line, or a run of numbers ("5."
"6." "7.") before, after or among the paragraphs they belong to on that page. Positions are
lost, but two facts survive: the numbers keep their order, and so do the paragraphs. So a run
is paired in order with the paragraph starts beside it on its page (`starts.py` says where
paragraphs open), and only when the counts agree and no other reading of the page agrees
with a different answer; otherwise the numbers are left alone and `segment` reports the
numbers it cannot place.
"""

from __future__ import annotations

from itertools import combinations

from ..document import Line, Page
from .page_numbers import PAGE_NUMBER
from .starts import (
    HEAD_LINES,
    NUMBER_ONLY,
    NUMBERED_LINE,
    TEXT_START,
    PageText,
    ends_sentence,
    heading_before,
    is_known_heading,
    is_number,
    page_ends_sentence,
    running_texts,
    text_ends_sentence,
    text_width,
)

# At most this many possible starts in a window are tried every way; with more, all or none.
MAX_MAYBE = 4


def attach_lone_numbers(pages: list[Page]) -> None:
    """Join "12." alone on a line to the paragraph on the next line; pair runs of lone numbers
    with the paragraphs beside them on their page."""
    running, heads = running_texts(pages), running_texts(pages, HEAD_LINES)
    width = text_width(pages)
    last: int | None = None  # the last paragraph number seen, in document order
    top_opens = True  # whether the page before ended a sentence
    for page in pages:
        text = PageText(page.lines, running, top_opens, width, len(pages) == 1, heads)
        drop = _join_single_numbers(text)
        last = _pair_runs(text, drop, last)
        top_opens = page_ends_sentence(text)
        page.lines = [ln for k, ln in enumerate(page.lines) if k not in drop]
        for index, line in enumerate(page.lines):
            line.index = index


def _join_single_numbers(page: PageText) -> set[int]:
    lines = page.lines
    drop: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        # A page number the converter set between the number and its text ("9." / "4" /
        # "Review ..."): text without form feeds keeps it in the body; the number's text is
        # the line after it.
        if PAGE_NUMBER.fullmatch(nxt.text.strip()) and i + 2 < len(lines) and is_number(line):
            nxt = lines[i + 2]
            # Past the page number, a running line (a browser's address under it) is the
            # page's furniture, not the number's text.
            if page.is_running(nxt):
                continue
        in_run = i > 0 and is_number(lines[i - 1])
        if in_run or not is_number(line) or not TEXT_START.match(nxt.text):
            continue
        # A stray number before a known heading ("17." / "What needs to improve") is not the
        # heading's number: joined, the heading would read as a paragraph and its list be lost.
        if is_known_heading(nxt.text.strip()):
            continue
        # A number that interrupted a sentence is not joined to the rest of that sentence
        # ("11. When they ... children's and families'" / "12." / "circumstances are ...").
        if nxt.text.lstrip()[:1].islower() and not text_ends_sentence(page, i, page.top_opens):
            continue
        cut = page.lone_numbered_line_before(i)
        if cut is not None and not ends_sentence(cut):
            continue
        nxt.text = f"{line.text.strip()} {nxt.text.lstrip()}"
        nxt.gap_before = nxt.gap_before or line.gap_before
        drop.add(i)
    return drop


def _runs(lines: list[Line], drop: set[int]) -> list[list[int]]:
    """Maximal runs of lone numbers on consecutive lines, each counting up by one."""
    runs: list[list[int]] = []
    for k, line in enumerate(lines):
        m = NUMBER_ONLY.match(line.text) if k not in drop else None
        if m is None:
            continue
        n = int(m.group(1))
        prev = runs[-1] if runs else None
        if prev and prev[-1] == k - 1 and _number(lines[prev[-1]]) == n - 1:
            prev.append(k)
        else:
            runs.append([k])
    return runs


def _number(line: Line) -> int | None:
    m = NUMBER_ONLY.match(line.text) or NUMBERED_LINE.match(line.text)
    return int(m.group(1)) if m else None


def _pair_runs(page: PageText, drop: set[int], last: int | None) -> int | None:
    """Pair each run with the paragraph starts beside it; the last paragraph number the page
    reaches (a run that continues the numbering counts even when it could not be placed, so
    that one unplaced run does not stop the runs on the pages after it)."""
    lines = page.lines
    runs = _runs(lines, drop)
    in_run = {k for run in runs for k in run}
    # Numbered lines that open a block ("44." wrapped to the start of a line is no anchor).
    anchors = [
        k
        for k, ln in enumerate(lines)
        if k not in drop and NUMBERED_LINE.match(ln.text) and (ln.gap_before or k == 0)
    ]
    # Runs and numbered lines split the page into windows. In a text without page breaks the
    # page numbers may too (a page's numbers belong to its own paragraphs), or may not (a
    # converter can set a page's number column after its page number): both are read.
    bounds = sorted({-1, len(lines), *in_run, *anchors})
    folios = [k for k, ln in enumerate(lines) if ln.text.strip().isdigit()] if page.unbroken else []
    paged = sorted({*bounds, *folios})
    reached: dict[int, int] = {}  # last line of an unplaced run -> its last number
    done: set[int] = set()
    for r, run in enumerate(runs):
        if r in done:
            continue
        numbers = [n for n in (_number(lines[k]) for k in run) if n is not None]
        if not _continues(lines, run, numbers, sorted({*anchors, *in_run} - set(run)), last):
            continue
        windows = {_window(bounds, run), _window(paged, run)}
        if numbers[0] == 1:
            # A numbering opens a section: its paragraphs follow the heading before them.
            heading = heading_before(page, run[0])
            windows = {(max(lo, heading), hi) for lo, hi in windows}
        starts = _window_starts(page, run, windows, len(numbers))
        hi = _window(bounds, run)[1]
        nxt = runs[r + 1] if r + 1 < len(runs) else None
        if starts is None and nxt is not None and nxt[0] == hi:
            # Two runs around one stretch of text (one page column's numbers set before its
            # paragraphs, the next after them): the stretch holds both runs' paragraphs.
            more = [n for n in (_number(lines[k]) for k in nxt) if n is not None]
            if more[0] == numbers[-1] + 1:
                both = _window_starts(page, run, {(run[-1], hi)}, len(numbers) + len(more))
                if both is not None:
                    starts, numbers, run = both, numbers + more, run + nxt
                    done.add(r + 1)
        if starts is None:
            reached[run[-1]] = numbers[-1]
            continue
        for k, n in zip(starts, numbers, strict=True):
            lines[k].text = f"{n}. {lines[k].text.lstrip()}"
        drop.update(run)
        anchors = sorted([*anchors, *starts])
    marks = {**{k: _number(lines[k]) for k in anchors}, **reached}
    return next((marks[k] for k in sorted(marks, reverse=True) if marks[k] is not None), last)


def _continues(
    lines: list[Line], run: list[int], numbers: list[int], marks: list[int], last: int | None
) -> bool:
    """Whether the run continues the numbering (or starts a new list at 1) from the number
    before it (on its page, else the page before), and the next number on the page, if
    any, follows it (or restarts)."""
    prior = [_number(lines[k]) for k in marks if k < run[0]]
    following = [_number(lines[k]) for k in marks if k > run[-1]]
    before = prior[-1] if prior else last
    after = following[0] if following else None
    if not (numbers[0] == 1 or before is None or numbers[0] == before + 1):
        return False
    return after is None or after == numbers[-1] + 1 or after <= numbers[0]


def _leads_in(page: PageText, k: int, run: list[int]) -> bool:
    block, end = page.block(k)
    return end == run[0] and block.endswith(":")


def _window(bounds: list[int], run: list[int]) -> tuple[int, int]:
    """The bounds either side of the run (exclusive)."""
    return max(b for b in bounds if b < run[0]), min(b for b in bounds if b > run[-1])


def _window_starts(
    page: PageText, run: list[int], windows: set[tuple[int, int]], count: int
) -> list[int] | None:
    """The paragraph starts beside the run that take its numbers: those after it (up to the
    next run or numbered line), those before it, or those on both sides (reading order may
    set a page's number column among its paragraphs), each with the possible starts counted
    in or out. Every reading with exactly `count` starts is a candidate; the pairing is
    certain only when they all give one answer (two different ones: the numbers stay apart).
    """
    spans = {
        span for lo, hi in windows for span in ((run[-1] + 1, hi), (lo + 1, run[0]), (lo + 1, hi))
    }
    found: set[tuple[int, ...]] = set()
    for start, end in sorted(spans):
        sure, maybe = page.starts(start, end)
        # A lead-in that ends in a colon right before the numbers introduces the numbered
        # paragraphs; it is not one of them ("... is not yet good because:" / "1." "2.").
        sure = [k for k in sure if not _leads_in(page, k, run)]
        need = count - len(sure)
        if not 0 <= need <= len(maybe):
            continue
        if len(maybe) > MAX_MAYBE and 0 < need < len(maybe):
            return None  # too many ways to choose: not certain
        for chosen in combinations(maybe, need):
            found.add(tuple(sorted([*sure, *chosen])))
    return list(found.pop()) if len(found) == 1 else None
