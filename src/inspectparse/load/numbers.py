"""Paragraph numbers that a reading-order converter set apart from their text, put back.

A PDF's paragraph numbers hang in a column left of the text. Converters that read the page in
reading order (plain `pdftotext`, pdfminer-based ones such as markitdown, a viewer's copy and
paste) often give that column on its own: "12." alone on a line, or a run of numbers ("5."
"6." "7.") before or after the paragraphs they belong to on that page. Positions are lost,
but two facts survive: the numbers keep their order, and so do the paragraphs. So a run is
paired in order with the paragraph starts beside it on its page, and only when the counts
agree; otherwise the numbers are left alone and `segment` reports what it cannot place.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Line, Page

# A paragraph number alone on its line: "12.".
NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})\.\s*$")
NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})\.\s+\S")
_TEXT_START = re.compile(r"^\s*[A-Za-z\"'‘“(]")
# A line on at least this many pages is running furniture (a header or footer), not a paragraph.
RUNNING_PAGES = 3
_DIGITS = re.compile(r"\d+")
# A block of lines this short that ends no sentence is a heading, not a paragraph.
HEADING_LENGTH = 100


def running_texts(pages: list[Page]) -> set[str]:
    """Lines repeated on several pages (digits ignored): headers and footers, which reading
    order sets among the paragraphs and which must not be counted as paragraph starts."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(ln.text) for ln in page.lines})
    return {text for text, n in seen.items() if n >= RUNNING_PAGES and text}


def _key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).split()).lower()


def _is_paragraph_start(lines: list[Line], i: int, running: set[str], top_opens: bool) -> bool:
    """A line that opens a paragraph: after a break (the page's first line only when the page
    before ended a sentence), starting like text (upper case), and not a short line standing
    alone without a sentence end (a heading) nor running furniture."""
    line = lines[i]
    text = line.text.strip()
    broke = line.gap_before if i else (line.gap_before or top_opens)
    if not broke or not _TEXT_START.match(text) or text[:1].islower():
        return False
    if _key(text) in running:
        return False
    # The block of lines up to the next break: a short one that ends no sentence is a
    # heading (perhaps wrapped: "The graded judgement about ..." / "is good").
    end = next((k for k in range(i + 1, len(lines)) if lines[k].gap_before), len(lines))
    block = " ".join(ln.text.strip() for ln in lines[i:end])
    limit = 70 if end == len(lines) else HEADING_LENGTH  # a page's last block may run on
    # A question is a heading when short ("What needs to improve?").
    ends = block[-1:] in ".:;!" or block.endswith("?") and len(block) >= 70
    return not (len(block) < limit and not ends)


def attach_lone_numbers(pages: list[Page]) -> None:
    """Join "12." alone on a line to the paragraph on the next line; pair runs of lone numbers
    with the paragraphs after them on their page, else with those before them."""
    running = running_texts(pages)
    last: int | None = None  # the last paragraph number seen, in document order
    top_opens = True  # whether the page before ended a sentence
    for page in pages:
        lines = page.lines
        drop = _join_single_numbers(lines)
        last = _pair_runs(lines, drop, running, last, top_opens)
        top_opens = _ends_sentence(lines, running)
        page.lines = [ln for k, ln in enumerate(lines) if k not in drop]
        for index, line in enumerate(page.lines):
            line.index = index


def _ends_sentence(lines: list[Line], running: set[str]) -> bool:
    """Whether the page's last line of text (not a number, page number or running line)
    ends a sentence, so that the next page's first line may open a paragraph."""
    for line in reversed(lines):
        text = line.text.strip()
        if NUMBER_ONLY.match(text) or text.isdigit() or _key(text) in running:
            continue
        return text[-1:] in ".:;?!"
    return True


def _join_single_numbers(lines: list[Line]) -> set[int]:
    drop: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        in_run = i > 0 and NUMBER_ONLY.match(lines[i - 1].text) is not None
        if not in_run and NUMBER_ONLY.match(line.text) and _TEXT_START.match(nxt.text):
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


def _pair_runs(
    lines: list[Line], drop: set[int], running: set[str], last: int | None, top_opens: bool
) -> int | None:
    runs = _runs(lines, drop)
    in_run = {k for run in runs for k in run}
    # Numbered lines that open a block ("44." wrapped to the start of a line is no anchor).
    anchors = [
        k
        for k, ln in enumerate(lines)
        if k not in drop and NUMBERED_LINE.match(ln.text) and (ln.gap_before or k == 0)
    ]
    # Runs and numbered lines split the page into windows.
    bounds = sorted({-1, len(lines), *in_run, *anchors})
    done: set[int] = set()
    for r, run in enumerate(runs):
        if r in done:
            continue
        numbers = [n for n in (_number(lines[k]) for k in run) if n is not None]
        # The nearest numbers before and after the run: numbered lines or other runs.
        marks = sorted({*anchors, *in_run} - set(run))
        following = [_number(lines[k]) for k in marks if k > run[-1]]
        prior = [_number(lines[k]) for k in marks if k < run[0]]
        before = prior[-1] if prior else last
        after = following[0] if following else None
        # The run continues the numbering (or starts a new list at 1), and the next number
        # on the page, if any, follows it (or restarts).
        if not (numbers[0] == 1 or before is None or numbers[0] == before + 1):
            continue
        if after is not None and not (after == numbers[-1] + 1 or after <= numbers[0]):
            continue
        hi = min(b for b in bounds if b > run[-1])
        lo = max(b for b in bounds if b < run[0])
        starts = _window_starts(lines, run, (lo, hi), running, top_opens, len(numbers))
        nxt = runs[r + 1] if r + 1 < len(runs) else None
        if starts is None and nxt is not None and nxt[0] == hi:
            # Two runs around one stretch of text (one page column's numbers set before its
            # paragraphs, the next after them): the stretch holds both runs' paragraphs.
            more = [n for n in (_number(lines[k]) for k in nxt) if n is not None]
            if more[0] == numbers[-1] + 1:
                both = _window_starts(
                    lines, run, (run[-1], hi), running, top_opens, len(numbers) + len(more)
                )
                if both is not None:
                    starts, numbers, run = both, numbers + more, run + nxt
                    done.add(r + 1)
        if starts is None:
            continue
        for k, n in zip(starts, numbers, strict=True):
            lines[k].text = f"{n}. {lines[k].text.lstrip()}"
        drop.update(run)
        anchors = sorted([*anchors, *starts])
    numbered = [_number(lines[k]) for k in anchors]
    return next((n for n in reversed(numbered) if n is not None), last)


def _window_starts(
    lines: list[Line],
    run: list[int],
    bounds: tuple[int, int],
    running: set[str],
    top_opens: bool,
    count: int,
) -> list[int] | None:
    """The paragraph starts after the run on its page (up to the next run or numbered line),
    else those before it, when there are exactly `count`. A page's first line after a page
    that ended a sentence may open a paragraph or go on with the one before; the run holds
    a number for each paragraph that opens on its page, so the count decides."""
    lo, hi = bounds
    for start, end in ((run[-1] + 1, hi), (lo + 1, run[0])):
        for top in (top_opens, False) if top_opens and start == 0 else (top_opens,):
            starts = [k for k in range(start, end) if _is_paragraph_start(lines, k, running, top)]
            if len(starts) == count:
                return starts
    return None
