"""Bullets that a reading-order converter set apart from their text, put back.

A PDF's bullet glyph hangs left of its item, one row with the item's first line. Converters
that read the page in reading order give the glyph on a line of its own: plain `pdftotext`
sets it on the line before its item (often with a blank line between); pdfminer-based ones
(markitdown) gather a page's glyphs into runs ("•" "•" "•") before or after the paragraphs
they belong to. Positions are lost, but the glyphs and the items keep their order. So a lone
glyph joins the item that starts on the next line, and a run is paired in order with the
paragraph starts beside it on its page, only when the counts agree; a glyph left over stays
alone, and the improvement-list reader reports it (`improvement_list_bullets_apart`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from ..document import Line, Page
from .starts import HEADING_LENGTH, TEXT_START, line_key, running_texts

# Glyphs that mean "bullet" in this corpus: Symbol/Wingdings private-use code points, the
# geometric squares used from 2019, and U+0083 (how one 2009 report's bullet glyph decodes).
# `clean` maps them to "•" in every input.
BULLET_GLYPHS = (
    "\uf06e\uf0b7\uf0a7\uf0be\uf03c\uf0d8\uf0fc\uf076\uf0a8"
    "\u25fc\u25aa\u25a0\u25cf\u2022\u0083\u25e6\u2023\u2043"
)
# Marks that stand for a glyph, set apart from their items as glyphs are: the dashes ("-",
# which `segment` reads as a bullet; "–", the sub-bullets' glyph) and markdown's asterisk
# (`clean` reads it as the bullet glyph).
GLYPH_MARKS = "-–*"
LONE_BULLET = re.compile(rf"^\s*[{BULLET_GLYPHS}{re.escape(GLYPH_MARKS)}]\s*$")
# A line that is a bulleted item already: the glyph (or a mark and a space) and text.
BULLETED = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]\s*|[{re.escape(GLYPH_MARKS)}]\s+)\S")
# An item opens like a sentence: a capital letter, an opening quote or bracket.
_ITEM_START = re.compile(r"^\s*[A-Z\"'‘“(]")
# An item of a list that opens lower case (it finishes a lead-in's sentence: "the local
# authority should:" / "ensure ...") as well as with a capital.
_ANY_ITEM_START = re.compile(r"^\s*[A-Za-z\"'‘“(]")


def attach_lone_bullets(pages: list[Page]) -> None:
    """Join a lone glyph to the item on the next line; pair runs of lone glyphs with the
    paragraph starts after them on their page, else with those before them."""
    running = running_texts(pages)
    top_opens = True  # whether the page before ended a sentence
    for page in pages:
        lines = page.lines
        if any(LONE_BULLET.match(ln.text) for ln in lines):
            # Lines repeated on the page are table cells read apart from their rows (an area
            # SEND table's responsible body, row after row): furniture, never an item.
            furniture = running | _repeated(lines)
            drop = _join_single_bullets(lines, furniture, top_opens)
            _pair_runs(lines, drop, furniture, top_opens)
            page.lines = [ln for k, ln in enumerate(lines) if k not in drop]
            for index, line in enumerate(page.lines):
                line.index = index
        top_opens = _ends_sentence(page.lines, running)


def _repeated(lines: list[Line]) -> set[str]:
    """Keys of the lines of text that occur more than once on a page."""
    counts = Counter(line_key(ln.text) for ln in lines if TEXT_START.match(ln.text))
    return {key for key, n in counts.items() if n > 1}


def _ends_sentence(lines: list[Line], running: set[str]) -> bool:
    """Whether the page's last line of text (not a glyph, page number or running line) ends
    a sentence, so that the next page's first line may open an item."""
    for line in reversed(lines):
        text = line.text.strip()
        if LONE_BULLET.match(text) or text.isdigit() or line_key(text) in running:
            continue
        return text[-1:] in ".:;?!"
    return True


def _attach(glyph_line: Line, item: Line, *, in_place: bool) -> None:
    """The glyph joins its item's first line. In place (the glyph on the line before), the
    break before the glyph is the item's: a lead-in line straight above the glyph stays
    text, not a heading standing alone."""
    item.text = f"{glyph_line.text.strip()} {item.text.lstrip()}"
    if in_place:
        item.gap_before = glyph_line.gap_before


def _join_single_bullets(lines: list[Line], running: set[str], top_opens: bool) -> set[int]:
    """A glyph alone between lines that are not glyphs joins the text on the next line
    (plain `pdftotext`'s shape; an item may open lower case, "• identify the needs ..."),
    unless the glyph opens the page and the next line goes on with the page before."""
    drop: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        if not LONE_BULLET.match(line.text):
            continue
        # The item is the next line that is no furniture (cells may stand between).
        nxt = next(
            (j for j in range(i + 1, len(lines)) if line_key(lines[j].text) not in running), None
        )
        if nxt is None:
            continue
        if _at_top(lines, i, running) and not top_opens and lines[nxt].text.strip()[:1].islower():
            continue
        in_run = (i > 0 and LONE_BULLET.match(lines[i - 1].text)) or LONE_BULLET.match(
            lines[i + 1].text
        )
        if not in_run and nxt == i + 1 and TEXT_START.match(lines[nxt].text):
            _attach(line, lines[nxt], in_place=True)
            drop.add(i)
    return drop


def _runs(lines: list[Line], drop: set[int]) -> list[list[int]]:
    """Maximal runs of lone glyphs on consecutive lines (a single one left by the join too)."""
    runs: list[list[int]] = []
    for k, line in enumerate(lines):
        if k in drop or not LONE_BULLET.match(line.text):
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _pair_runs(lines: list[Line], drop: set[int], running: set[str], top_opens: bool) -> None:
    runs = _runs(lines, drop)
    # Runs and items already bulleted split the page into windows.
    bulleted = [k for k, ln in enumerate(lines) if k not in drop and BULLETED.match(ln.text)]
    bounds = sorted({-1, len(lines), *bulleted, *(k for run in runs for k in run)})
    for run in runs:
        hi = min(b for b in bounds if b > run[-1])
        lo = max(b for b in bounds if b < run[0])
        window = _Window(lines, running, run, lo, hi, top_opens)
        # Items open with a capital; items in lower case too (they finish a lead-in's
        # sentence: "ensure ...") only where the capitals alone give no answer.
        starts = window.pairing(_ITEM_START) or window.pairing(_ANY_ITEM_START)
        if starts is None:
            continue
        for k, start in zip(run, starts, strict=True):
            _attach(lines[k], lines[start], in_place=False)
        drop.update(run)


# Fewest glyphs of a run at a page's top for its first line to be read both ways.
_MIN_FLIPPED_RUN = 3
# Fewest characters of an item read in lower case: shorter, it is a line's tail cut off by
# reading order ("process"), not an item.
_MIN_LOWER_ITEM = 20
# A line ending in such a word goes on on the next line: no item ends there.
_ENDS_MID_PHRASE = re.compile(
    r"\b(?:a|an|the|of|to|from|for|in|on|at|by|with|and|or|as|that|their|its)$", re.I
)


@dataclass
class _Window:
    """A run of glyphs and the lines around it, up to the bounds either side."""

    lines: list[Line]
    running: set[str]
    run: list[int]
    lo: int
    hi: int
    top_opens: bool
    # A run with only furniture above it opens the page: the line after it is the page's
    # first line of text, which may go on with the page before.
    at_top: bool = field(init=False)
    # Glyphs set after their paragraphs: only where no text follows them (the text after a
    # run, even lower case, is its items).
    text_after: bool = field(init=False)

    def __post_init__(self) -> None:
        self.at_top = _at_top(self.lines, self.run[0], self.running)
        self.text_after = _holds_text(self.lines, range(self.run[-1] + 1, self.hi), self.running)

    def pairing(self, opens: re.Pattern[str]) -> list[int] | None:
        """The item starts of the run with items opening as `opens` says, where one reading
        gives them."""
        lines, run, running, at_top = self.lines, self.run, self.running, self.at_top
        before = (
            []
            if self.text_after
            else _openings(
                lines,
                range(self.lo + 1, run[0]),
                running,
                self.top_opens if self.lo < 0 else None,
                opens,
            )
        )
        lower = opens is _ANY_ITEM_START
        # Under a run that opens the page, the page's first line opens an item when the
        # page before ended a sentence; items set without a full stop end none, so in lower
        # case the other reading is tried too, and taken only where it alone pairs the run
        # and the run is long enough that its count agreeing is no chance.
        flip = at_top and lower and len(run) >= _MIN_FLIPPED_RUN
        tops = (
            (self.top_opens, not self.top_opens) if flip else (self.top_opens if at_top else None,)
        )
        found = set()
        for first in tops:
            after = _openings(lines, range(run[-1] + 1, self.hi), running, first, opens)
            starts = _paired(run, after, before)
            if starts is not None and (not lower or self._items_whole(starts)):
                found.add(tuple(starts))
        return list(found.pop()) if len(found) == 1 else None

    def _items_whole(self, starts: list[int]) -> bool:
        """Whether items read in lower case are a lower-case list's, whole: most of them open
        lower case (among items that open with a capital, a lower-case line after a short one
        goes on with the item above it), none is cut mid-phrase at its end, none is a line's
        tail alone."""
        lines = self.lines
        lower = sum(1 for k in starts if lines[k].text.strip()[:1].islower())
        if 2 * lower <= len(starts):
            return False
        ends = [*starts[1:], _block_end(lines, starts[-1], self.hi)]
        for start, end in zip(starts, ends, strict=True):
            text = " ".join(ln.text.strip() for ln in lines[start:end])
            if len(text) < _MIN_LOWER_ITEM or _ENDS_MID_PHRASE.search(text):
                return False
        return True


def _at_top(lines: list[Line], k: int, running: set[str]) -> bool:
    """Whether only running furniture stands above line `k` on its page."""
    return all(line_key(lines[j].text) in running for j in range(k))


def _holds_text(lines: list[Line], window: range, running: set[str]) -> bool:
    """Whether a window holds a line of text (not a page number nor running furniture)."""
    return any(
        TEXT_START.match(lines[k].text) and line_key(lines[k].text) not in running for k in window
    )


def _paired(
    run: list[int], after: list[tuple[int, bool]], before: list[tuple[int, bool]]
) -> list[int] | None:
    """The item starts for a run: the paragraph starts after it on its page up to the first
    heading (a new part of the page, such as a case study, may follow the list), else those
    before it from the last heading. Across a heading the counts can agree by chance (a
    paragraph break that reading order hides), so a run is never paired across one."""
    to_heading = [k for k, _ in itertools.takewhile(lambda o: not o[1], after)]
    if len(to_heading) == len(run):
        return to_heading
    from_heading = [k for k, _ in itertools.takewhile(lambda o: not o[1], reversed(before))]
    return from_heading[::-1] if len(from_heading) == len(run) else None


def _block_end(lines: list[Line], k: int, stop: int) -> int:
    """The end (exclusive) of the block that opens at line k: the next break, or `stop`."""
    return next((j for j in range(k + 1, stop) if lines[j].gap_before), stop)


def _openings(
    lines: list[Line],
    window: range,
    running: set[str],
    first_opens: bool | None,
    opens: re.Pattern[str] = _ITEM_START,
) -> list[tuple[int, bool]]:
    """The lines in `window` that open a block, each with whether the block is a heading.

    A block opens after a break, like a sentence, and is no running furniture; a short one
    that ends no sentence is a heading, any other a paragraph. When the window's first line
    is the page's first line of text, `first_opens` says whether it may open a block (the
    page before ended a sentence) or goes on with the page before."""
    openings: list[tuple[int, bool]] = []
    lead_ins: set[int] = set()
    for k in window:
        line = lines[k]
        text = line.text.strip()
        broke = first_opens if k == window.start and first_opens is not None else line.gap_before
        if not broke or not opens.match(text) or line_key(text) in running:
            continue
        block = " ".join(ln.text.strip() for ln in lines[k : _block_end(lines, k, window.stop)])
        # A question is a heading when short ("What needs to improve?").
        ends = block[-1:] in ".;!" or (block.endswith("?") and len(block) >= 70)
        # A short lead-in ("Within six months:") opens the next list: it bounds this one's
        # items as a heading does.
        lead_in = block.endswith(":")
        # A heading opens with a capital; a block in lower case finishes a lead-in's sentence.
        heading = len(block) < HEADING_LENGTH and (lead_in or not ends) and not text[:1].islower()
        openings.append((k, heading))
        if lead_in:
            lead_ins.add(k)
    if opens is _ANY_ITEM_START and openings:
        # Among items set without a full stop, a short one with a capital reads as a
        # heading; a heading heads something, so one straight before a heading or a lead-in
        # is an item.
        return [
            (k, heading and (k in lead_ins or nxt is None or not nxt[1]))
            for (k, heading), nxt in zip(openings, [*openings[1:], None], strict=True)
        ]
    return openings
