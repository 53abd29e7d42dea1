"""Segment stage: body lines -> blocks (headings, paragraphs, list items) -> numbered paragraphs.

Paragraph numbers are chosen as the longest consistent run (1, 2, 3, ...) among the lines that
look numbered, so wrapped lines that happen to start with "12." and the page-1 table labels
"1." "2." "3." cannot hijack the numbering. Repairs of conversion artefacts (a bullet before the
number, a number displaced into the line, numbers lost altogether) are recorded as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from .clean import BULLET, SUB_BULLET, CleanedDocument, Vocabulary
from .document import Document, Evidence, Line, Note
from .pattern_facts import may_start_with, plain_first_letter

BlockKind = Literal["heading", "subheading", "text", "bullet", "sub_bullet", "contents", "table"]

# "12. Text", "12.Text" (number glued to its text), "- 12. Text" (bullet artefact), "12 Text".
_NUMBERED = re.compile(
    r"^(?P<prefix>[-•–]\s*)?(?P<num>\d{1,3})"
    r"(?:(?P<dot>\.)(?:\s+|(?=[^\d\s.]))|\s+(?=[^\d\s.]))(?P<rest>\S.*)$"
)
_DISPLACED = re.compile(r"\s(?P<num>\d{1,3})\.\s+(?=[a-z])")
_BULLET_START = re.compile(rf"^(?:{BULLET}|-(?=\s))\s*")
# A sentence ends in one of these, then maybe closing quotes/brackets and a footnote digit.
_SENTENCE_END = ".!?:;"
_CLOSERS = "\"'’”)]"
_CONTENTS_HEADING = re.compile(r"^(table of )?contents$", re.I)
# First characters of a `_NUMBERED` line other than digits.
_NUMBER_PREFIXES = "-•–"
# Block kinds that wrapped or page-broken lines can run on into.
_RUNNING_KINDS = ("text", "bullet", "sub_bullet")
_CONTENTS_ENTRY = re.compile(r"(\t|\s\.{2,}\s*|\s{2,}|\s)\d{1,3}\s*$")
_LABEL_VALUE = re.compile(r"^[A-Z][A-Za-z ’']{2,40}:\s+\S")
_TIMESCALE = re.compile(
    r"^(immediately|within\s+(\w+|\d+)\s+(weeks?|months?)|longer\s+term)\s*:?$", re.I
)
# The first letters of `_TIMESCALE`'s words, compared as `re.I` compares them.
_TIMESCALE_START = re.compile(r"i|w|l", re.I)
_LINE_END_HYPHEN = re.compile(r"([A-Za-z]{2,})-$")
_FOOTNOTE_DIGIT = re.compile(r"(?<=[a-z?:])\d$")
_DASH_PREFIX = re.compile(r"^-\s+")
_NUMBER_ONLY = re.compile(r"\d{1,3}")

# A paragraph number must sit within this many points of the run's number column.
NUMBER_COLUMN_TOLERANCE = 8.0
# A run of paragraph numbers shorter than this is not the report's numbering.
MIN_RUN = 4


@dataclass(slots=True)
class Block:
    kind: BlockKind
    lines: list[Line]
    text: str
    number: int | None = None
    number_inferred: bool = False
    # Candidate paragraph number read from the first line, decided by `choose_numbering`.
    candidate: int | None = None
    candidate_has_dot: bool = True
    repairs: list[str] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def page_end(self) -> int:
        return self.lines[-1].page


@dataclass(slots=True)
class ParagraphUnit:
    """A paragraph: a numbered block with the list items and continuations that belong to it."""

    number: int | None
    number_inferred: bool
    section: str | None
    blocks: list[Block]
    repairs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([b.text for b in self.blocks])

    @property
    def page(self) -> int:
        return self.blocks[0].page

    @property
    def page_end(self) -> int:
        return self.blocks[-1].page_end


@dataclass(slots=True)
class SectionUnit:
    title: str
    block_index: int
    page: int
    paragraph_numbers: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Structure:
    document: Document
    blocks: list[Block]
    paragraphs: list[ParagraphUnit]
    sections: list[SectionUnit]
    # Warnings raised while segmenting.
    warnings: list[Note] = field(default_factory=list)
    # id(block) -> the number of its paragraph, built on first use by `paragraph_number`.
    _paragraph_numbers: dict[int, int | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def paragraph_number(self, block: Block) -> int | None:
        """The number of the paragraph `block` belongs to (None if unnumbered or in none)."""
        if self._paragraph_numbers is None:
            self._paragraph_numbers = {id(b): p.number for p in self.paragraphs for b in p.blocks}
        return self._paragraph_numbers.get(id(block))


def is_terminal(text: str) -> bool:
    """Whether text ends a sentence: . ! ? : or ; then any closing quotes or brackets and at
    most one footnote digit.

    Looks only at the end: it runs on the block being built at every line, and a regex search
    anchored at `$` would scan the whole block each time.
    """
    end = text.rstrip()
    if end[-1:].isdecimal():  # the footnote digit
        end = end[:-1]
    end = end.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _SENTENCE_END


@cache
def _may_be_timescale(first: str) -> bool:
    """Whether a line starting with `first` can match `_TIMESCALE` (memoised: it runs per line)."""
    return _TIMESCALE_START.match(first) is not None


def join_lines(
    left: str, right: str, vocabulary: Vocabulary | Mapping[str, int] | None = None
) -> str:
    """Join two wrapped lines; drop a line-end hyphen only when the document proves it spurious.

    "multi-" + "agency" stays "multi-agency"; "reg-" + "ularly" becomes "regularly" only if the
    document also has "regularly" and never "reg-ularly" elsewhere (conservative: a wrong join
    destroys information, a kept hyphen does not).
    """
    left = left.rstrip()
    right = right.lstrip()
    # Only the tail matters: searching the whole (growing) block text would be quadratic.
    m = _LINE_END_HYPHEN.search(left[-64:]) if left.endswith("-") else None
    if m and right[:1].islower():
        head = m.group(1)
        tail = re.match(r"[A-Za-z]+", right)
        if tail and vocabulary is not None:
            fused = (head + tail.group()).lower()
            hyphenated = f"{head}-{tail.group()}".lower()
            if vocabulary.get(fused, 0) > 0 and vocabulary.get(hyphenated, 0) == 0:
                return left[:-1] + right
        return left + right
    return f"{left} {right}" if left else right


@cache
def _alternation(patterns: tuple[str, ...]) -> Callable[[str], re.Match[str] | None] | None:
    """The `match` of one alternation instead of a loop over patterns (it runs for every line);
    None for no patterns, so that a caller skips the regex call altogether."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I).match


# A known-heading pattern as `profiles.known_headings` builds it: "^(?:BODY)\s*$".
_WRAPPED_HEADING = re.compile(r"\^\(\?:(?P<body>.*)\)\\s\*\$", re.S)


def _leading_letter(pattern: str) -> str | None:
    """The letter every match of a known-heading pattern starts with, where that is plain
    (see `plain_first_letter`); None for a pattern not in the known-heading wrapper."""
    m = _WRAPPED_HEADING.fullmatch(pattern)
    return plain_first_letter(m["body"]) if m is not None else None


_UNSEEN_FIRST: Any = object()  # Any: it stands in for a `match` method in one dict


class _KnownHeadings:
    """Whole-line heading patterns, each line tried only against those its first character allows.

    One alternation of every pattern costs ~1.5 µs a line, and nearly every line is tried. Most
    patterns start with a fixed letter, so each first character gets (once) the alternation of
    the patterns that can start with it (compared case-insensitively, as `re` compares) and of
    the few with no plain first letter: the same answer from a fraction of the branches.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self._patterns = [(p, _leading_letter(p)) for p in patterns]
        # First character -> the `match` method of its alternation (None: no pattern can match).
        self._by_first: dict[str, Callable[[str], re.Match[str] | None] | None] = {}

    def match(self, text: str) -> bool:
        first = text[:1]
        match = self._by_first.get(first, _UNSEEN_FIRST)
        if match is _UNSEEN_FIRST:
            allowed = tuple(p for p, letter in self._patterns if may_start_with(letter, first))
            # None when no pattern can start with this character (a digit, a bullet).
            match = self._by_first[first] = _alternation(allowed)
        return match is not None and match(text) is not None


@cache
def _known_headings(patterns: tuple[str, ...]) -> _KnownHeadings:
    """One per set of patterns, so its per-character alternations serve every document."""
    return _KnownHeadings(patterns)


def _is_contents_entry(lines: list[Line], i: int) -> bool:
    line = lines[i]
    text = line.text.strip()
    if _CONTENTS_ENTRY.search(text) or _NUMBER_ONLY.fullmatch(text):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (
        nxt is not None
        and _NUMBER_ONLY.fullmatch(nxt.text.strip()) is not None
        and nxt.top is not None
        and line.top is not None
        and nxt.page == line.page
        and abs(nxt.top - line.top) < max(line.height, 4.0)
    )


class _Builder:
    def __init__(self, cleaned: CleanedDocument, known_headings: list[re.Pattern[str]]) -> None:
        self.lines = cleaned.lines
        self.vocabulary = cleaned.vocabulary
        self.known_headings = _known_headings(tuple(p.pattern for p in known_headings))
        self.blocks: list[Block] = []
        self.warnings: list[Note] = []

    # -- line classification ------------------------------------------------------------------
    def looks_like_heading(
        self, line: Line, text: str, prev: Line | None, nxt: Line | None, geometric: bool
    ) -> bool:
        """`text` is the line's stripped text, already known not to be numbered or a bullet."""
        if len(text) > 160:
            return False
        # A footnote digit may be glued to a known heading ("improve?1").
        heading = _FOOTNOTE_DIGIT.sub("", text) if text[-1:].isdigit() else text
        if self.known_headings.match(heading):
            return True
        # Font facts decide where the loader knows them; text laid out with spaces has
        # pseudo-geometry but no fonts (bold None), and is judged by the textual rule below.
        fonts = geometric and line.bold is not None
        if fonts and not line.bold:
            return False  # with fonts, only a bold line is a heading beyond the known ones
        if not text[:1].isupper() or text.endswith((".", ",")) or "\t" in text:
            return False
        if ":" in text and _LABEL_VALUE.match(text):
            return False
        if fonts:
            return len(text) < 130
        # Text input: a short line standing alone between breaks.
        next_breaks = nxt is None or nxt.gap_before or nxt.page != line.page
        return (line.gap_before or prev is None) and next_breaks and len(text) < 120

    # -- block building -----------------------------------------------------------------------
    def build(self) -> list[Block]:
        lines, blocks = self.lines, self.blocks
        in_contents = False
        for i, line in enumerate(lines):
            prev = lines[i - 1] if i else None
            text = line.text.strip()
            first = text[:1]
            geometric = line.has_geometry
            # Only the heading rule for text (no font facts) looks at the next line.
            nxt = (
                lines[i + 1]
                if (not geometric or line.bold is None) and i + 1 < len(lines)
                else None
            )
            new_page = prev is not None and prev.page != line.page
            broke = line.gap_before or new_page or prev is None
            current = blocks[-1] if blocks else None

            if in_contents:
                # An entry ends in its page number or has it as a cell on its row (the number
                # is then an entry line too); an entry's title may wrap onto a second line.
                if _is_contents_entry(lines, i) or (
                    i + 1 < len(lines) and _is_contents_entry(lines, i + 1) and len(text) < 90
                ):
                    if current is not None and current.kind == "contents":
                        current.lines.append(line)
                        current.text += "\n" + text
                    else:
                        blocks.append(Block("contents", [line], text))
                    continue
                in_contents = False
            if first in "cCtT" and _CONTENTS_HEADING.match(text):  # its first letters
                in_contents = True
                blocks.append(Block("contents", [line], text))
                continue

            # Text input keeps table cells apart with tabs (e.g. "Record of main findings").
            if "\t" in text and not geometric:
                blocks.append(Block("table", [line], text))
                continue

            # The cheap first-character tests spare most lines these regexes.
            num = _NUMBERED.match(text) if first.isdecimal() or first in _NUMBER_PREFIXES else None
            # As `_BULLET_START` matches: a bullet glyph, or "-" and a space.
            bullet = first == BULLET or (first == "-" and text[1:2].isspace())
            if _may_be_timescale(first) and _TIMESCALE.match(text):
                blocks.append(Block("subheading", [line], text))
                continue
            if not (num or bullet) and self.looks_like_heading(line, text, prev, nxt, geometric):
                # A heading that wraps runs on into the next line; without font facts (text
                # laid out with spaces) two heading lines in a row are two headings.
                if (
                    current is not None
                    and current.kind == "heading"
                    and not broke
                    and geometric
                    and line.bold is not None
                ):
                    current.lines.append(line)
                    current.text = join_lines(current.text, text)
                else:
                    blocks.append(Block("heading", [line], text))
                continue
            # A continuation after a page break (or, in text input, after a blank line that
            # stands for one): starts lower case, and the block before is unfinished.
            # Only the "- " of a text conversion can hide a continuation; a real bullet glyph
            # always starts an item, even a lower-case one after an unfinished item.
            content = _DASH_PREFIX.sub("", text, count=1) if first == "-" else text
            if (
                broke
                and current is not None
                and current.kind in _RUNNING_KINDS
                and first != BULLET
                and "a" <= content[:1] <= "z"
                and not num
                and (content == text or not is_terminal(current.text))
            ):
                if content != text:
                    current.repairs.append("continuation_after_page_break_dash")
                self._extend(current, line, content)
                continue
            if num:
                block = Block("text", [line], text, candidate=int(num.group("num")))
                block.candidate_has_dot = bool(num.group("dot"))
                blocks.append(block)
                continue
            if first == SUB_BULLET:
                blocks.append(Block("sub_bullet", [line], text))
                continue
            if bullet:
                blocks.append(Block("bullet", [line], text))
                continue
            continues_block = current is not None and current.kind in _RUNNING_KINDS
            if continues_block and current is not None and not broke and geometric:
                # A list item's wrapped lines hang right of its bullet; a line back at (or left
                # of) the bullet after a finished item is new text, not more of the item.
                outdented = (
                    current.kind != "text"
                    and line.x0 is not None
                    and current.lines[0].x0 is not None
                    and line.x0 <= current.lines[0].x0 + 2
                    and is_terminal(current.text)
                )
                if not outdented:
                    self._extend(current, line, text)
                    continue
            if (
                continues_block
                and current is not None
                and new_page
                and not is_terminal(current.text)
            ):
                # Page break inside a sentence: the text runs on.
                self._extend(current, line, text)
                continue
            if (
                not geometric
                and current is not None
                and current.kind == "text"
                and not broke
                and not is_terminal(current.text)
            ):
                # Text input wrapped mid-sentence (e.g. pdftotext output).
                self._extend(current, line, text)
                continue
            blocks.append(Block("text", [line], text))
        return blocks

    def _extend(self, block: Block, line: Line, text: str) -> None:
        """Add a wrapped (or page-broken) line to a block, de-hyphenating conservatively."""
        block.lines.append(line)
        block.text = join_lines(block.text, text, self.vocabulary)


def choose_numbering(blocks: list[Block]) -> list[int]:
    """Indices of blocks whose candidate numbers form the report's paragraph numbering.

    Longest chains of +1 steps (a skip of up to two numbers or a repeated number is allowed at a
    cost) via dynamic programming; a second chain restarting at 1 (a second report bound into
    the same PDF) is kept too when it is long enough.
    """
    cands = [i for i, b in enumerate(blocks) if b.candidate is not None]
    chosen: list[int] = []
    remaining = cands
    while remaining:
        chain = _best_chain(blocks, remaining)
        if len(chain) < MIN_RUN:
            break
        chain = _filter_by_column(blocks, chain, remaining)
        chosen.extend(chain)
        last = chain[-1]
        remaining = [i for i in remaining if i > last]
    return sorted(chosen)


# Score of a step from number m to number n = m + step; a repeat is allowed at a cost.
_STEP_GAIN = {1: 1.0, 2: 0.3, 3: 0.1, 0: -0.5}
_NO_SCORE = float("-inf")


def _best_chain(blocks: list[Block], cands: list[int]) -> list[int]:
    score: dict[int, float] = {}
    back: dict[int, int | None] = {}
    # Best (score, block index) so far among candidates carrying each number.
    best_with: dict[int, tuple[float, int]] = {}
    for i in cands:
        block = blocks[i]
        n = block.candidate
        assert n is not None
        dot_cost = 0.0 if block.candidate_has_dot else 0.6
        best, arg = (1.0 - dot_cost if n <= 1 else _NO_SCORE), None
        for step, gain in _STEP_GAIN.items():
            prev = best_with.get(n - step)
            if prev is None:
                continue
            total = prev[0] + gain - dot_cost
            # On a tie the nearer predecessor wins: numbering runs in reading order, so an
            # earlier equal candidate (a page-1 table label "3.") is the one to skip.
            if total > best or (total == best and arg is not None and prev[1] > arg):
                best, arg = total, prev[1]
        if best > _NO_SCORE:
            score[i], back[i] = best, arg
            held = best_with.get(n)
            if held is None or best >= held[0]:
                best_with[n] = (best, i)
    if not score:
        return []
    end = max(score, key=lambda k: (score[k], -k))
    chain = [end]
    while back[chain[-1]] is not None:
        chain.append(back[chain[-1]])  # type: ignore[arg-type]
    return chain[::-1]


def _filter_by_column(blocks: list[Block], chain: list[int], cands: list[int]) -> list[int]:
    """With geometry, drop chain members far right of the number column, then re-chain."""
    xs = sorted(x0 for i in chain if (x0 := blocks[i].lines[0].x0) is not None)
    if not xs:
        return chain
    column = xs[len(xs) // 2]
    ok = [
        i
        for i in cands
        if (x0 := blocks[i].lines[0].x0) is None or abs(x0 - column) <= NUMBER_COLUMN_TOLERANCE
    ]
    if len(ok) == len(cands):
        return chain
    rechained = _best_chain(blocks, [i for i in ok if chain[0] <= i <= chain[-1]])
    return rechained if len(rechained) >= MIN_RUN else chain


def apply_numbering(builder: _Builder, blocks: list[Block]) -> None:
    chosen = set(choose_numbering(blocks))
    merged: list[Block] = []
    for i, block in enumerate(blocks):
        if block.candidate is not None and i not in chosen:
            # A wrapped line that only looks numbered: it belongs to the block before.
            prev = merged[-1] if merged else None
            line = block.lines[0]
            if (
                prev is not None
                and prev.kind in ("text", "bullet", "sub_bullet")
                and not line.gap_before
                and line.page == prev.lines[-1].page
                and line.has_geometry
            ):
                prev.lines.extend(block.lines)
                prev.text = join_lines(prev.text, block.text)
                continue
            block.candidate = None
        elif i in chosen:
            m = _NUMBERED.match(block.text)
            assert m is not None
            block.number = int(m.group("num"))
            if m.group("prefix"):
                block.repairs.append("bullet_before_number")
            if not m.group("dot"):
                block.repairs.append("number_without_full_stop")
            block.text = m.group("rest")
            block.kind = "text"
        merged.append(block)
    blocks[:] = merged


def _starts_paragraph(block: Block) -> bool:
    """An unnumbered block that reads like a paragraph start (not a continuation)."""
    content = _BULLET_START.sub("", block.text, count=1)
    return block.kind in ("text", "bullet") and content[:1].isupper()


def repair_gaps(builder: _Builder, blocks: list[Block]) -> None:
    """Fill gaps in the numbering: numbers displaced into a line, then numbers lost altogether."""
    numbered = [i for i, b in enumerate(blocks) if b.number is not None]
    for a, b in zip(numbered, numbered[1:], strict=False):
        lo, hi = blocks[a].number, blocks[b].number
        assert lo is not None and hi is not None
        if hi - lo <= 1:
            continue
        between = [
            k
            for k in range(a + 1, b)
            if blocks[k].kind not in ("heading", "subheading", "contents", "table")
        ]
        expected = lo + 1
        # Displaced: "... quality of practice and management 41. oversight ..."
        for k in between:
            m = _DISPLACED.search(blocks[k].text)
            if m and int(m.group("num")) == expected and _starts_paragraph(blocks[k]):
                blk = blocks[k]
                blk.text = _BULLET_START.sub(
                    "", blk.text[: m.start()] + " " + blk.text[m.end() :], count=1
                )
                blk.text = re.sub(r"\s{2,}", " ", blk.text)
                blk.number = expected
                blk.kind = "text"
                blk.repairs.append("number_displaced_into_line")
                expected += 1
        numbered_between = [k for k in between if blocks[k].number is not None]
        missing = list(range(lo + 1, hi))
        for k in numbered_between:
            missing.remove(blocks[k].number)  # type: ignore[arg-type]
        if not missing:
            continue
        starts = [k for k in between if blocks[k].number is None and _starts_paragraph(blocks[k])]
        if len(starts) == len(missing):
            for k, n in zip(starts, missing, strict=False):
                blk = blocks[k]
                blk.text = _BULLET_START.sub("", blk.text, count=1)
                blk.kind = "text"
                blk.number, blk.number_inferred = n, True
                blk.repairs.append("number_inferred")
        else:
            builder.warnings.append(
                Note(
                    "paragraph_number_gap",
                    f"paragraph numbers {', '.join(map(str, missing))} not found between "
                    f"{lo} and {hi}",
                    evidence=Evidence(blocks[a].lines, None, paragraph=blocks[a].number),
                )
            )


def group_paragraphs(
    builder: _Builder, blocks: list[Block]
) -> tuple[list[ParagraphUnit], list[SectionUnit]]:
    paragraphs: list[ParagraphUnit] = []
    sections: list[SectionUnit] = []
    current_section: str | None = None
    current: ParagraphUnit | None = None
    for idx, block in enumerate(blocks):
        if block.kind == "heading":
            current_section = block.text
            sections.append(SectionUnit(block.text, idx, block.page))
            current = None
            continue
        if block.kind in ("contents", "table"):
            current = None
            continue
        if block.kind == "subheading":
            if current is not None:
                current.blocks.append(block)
            continue
        if block.number is not None:
            current = ParagraphUnit(block.number, block.number_inferred, current_section, [block])
            current.repairs.extend(block.repairs)
            paragraphs.append(current)
            if sections:
                sections[-1].paragraph_numbers.append(block.number)
            continue
        if current is not None and (current.number is not None or block.kind != "text"):
            current.blocks.append(block)
            current.repairs.extend(block.repairs)
            continue
        current = ParagraphUnit(None, False, current_section, [block])
        paragraphs.append(current)
    # A heading with nothing under it before the next heading (title-page lines, a heading
    # that wraps into two blocks) is not a section of its own.
    ends = [s.block_index for s in sections[1:]] + [len(blocks)] if sections else []
    sections = [
        s
        for s, end in zip(sections, ends, strict=True)
        if any(b.kind not in ("heading", "contents") for b in blocks[s.block_index + 1 : end])
    ]
    return paragraphs, sections


def segment(
    cleaned: CleanedDocument, known_headings: list[re.Pattern[str]] | None = None
) -> Structure:
    if known_headings is None:
        from .profiles import known_headings as all_known

        known_headings = all_known()
    builder = _Builder(cleaned, known_headings)
    blocks = builder.build()
    apply_numbering(builder, blocks)
    repair_gaps(builder, blocks)
    paragraphs, sections = group_paragraphs(builder, blocks)
    return Structure(cleaned.document, blocks, paragraphs, sections, builder.warnings)
