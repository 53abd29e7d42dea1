"""Paragraph numbering: which numbered-looking blocks are the report's paragraph numbers, and
repairs of numbers that conversion displaced or lost.

Numbers are chosen as the longest consistent run (1, 2, 3, ...) among the lines that look
numbered, so wrapped lines that happen to start with "12." and the page-1 table labels "1." "2."
"3." cannot hijack the numbering.
"""

from __future__ import annotations

import re

from ..clean import BULLET
from ..document import Evidence, Note
from .joins import join_lines, reads_as_title
from .units import RUNNING_KINDS, Block

# "12. Text", "12.Text" (number glued to its text), "- 12. Text" (bullet artefact), "12 Text".
NUMBERED = re.compile(
    r"^(?P<prefix>[-•–]\s*)?(?P<num>\d{1,3})"
    r"(?:(?P<dot>\.)(?:\s+|(?=[^\d\s.]))|\s+(?=[^\d\s.]))(?P<rest>\S.*)$"
)
# First characters of a `NUMBERED` line other than digits.
NUMBER_PREFIXES = "-•–"
_DISPLACED = re.compile(r"\s(?P<num>\d{1,3})\.\s+(?=[a-z])")
BULLET_START = re.compile(rf"^(?:{BULLET}|-(?=\s|$))\s*")

# A paragraph number alone in its block: one that a converter set apart from its text and the
# text loader could not place with certainty. It carries the numbering over the gap it leaves
# but numbers no paragraph; `repair_gaps` reports the numbers it stands for.
NUMBER_ALONE = re.compile(r"^(\d{1,3})\.$")

# A paragraph number must sit within this many points of the run's number column.
NUMBER_COLUMN_TOLERANCE = 8.0
# A run of paragraph numbers shorter than this is not the report's numbering.
MIN_RUN = 4
# The most runs of paragraph numbers read in one file (reports bound together restart at 1);
# numbers after the last are left unread, which `check_run_end` reports.
MAX_RUNS = 16


def choose_numbering(blocks: list[Block]) -> list[int]:
    """Indices of blocks whose candidate numbers form the report's paragraph numbering.

    Longest chains of +1 steps (a skip of up to two numbers or a repeated number is allowed at a
    cost) via dynamic programming; a second chain restarting at 1 (a second report bound into
    the same PDF) is kept too when it is long enough.
    """
    alone = {
        i: int(m[1])
        for i, b in enumerate(blocks)
        if b.candidate is None and b.kind == "text" and (m := NUMBER_ALONE.match(b.text))
    }
    cands = [i for i, b in enumerate(blocks) if b.candidate is not None or i in alone]
    chosen: list[int] = []
    remaining = cands
    # Each run costs a pass over the candidates left: a text of thousands of short runs
    # (numbers on every line, footnotes) would be quadratic. A report has one or two.
    for _ in range(MAX_RUNS):
        if not remaining:
            break
        chain = _best_chain(blocks, remaining, alone)
        if sum(1 for i in chain if i not in alone) < MIN_RUN:
            break
        chain = _filter_by_column(blocks, chain, [i for i in remaining if i not in alone])
        chosen.extend(i for i in chain if i not in alone)
        last = chain[-1]
        remaining = [i for i in remaining if i > last]
    return sorted(chosen)


# Score of a step from number m to number n = m + step; a repeat is allowed at a cost.
_STEP_GAIN = {1: 1.0, 2: 0.3, 3: 0.1, 0: -0.5}
_NO_SCORE = float("-inf")


def _best_chain(blocks: list[Block], cands: list[int], alone: dict[int, int]) -> list[int]:
    score: dict[int, float] = {}
    back: dict[int, int | None] = {}
    # Best (score, block index) so far among candidates carrying each number.
    best_with: dict[int, tuple[float, int]] = {}
    for i in cands:
        block = blocks[i]
        n = alone.get(i, block.candidate)
        assert n is not None
        dot_cost = 0.0 if block.candidate_has_dot else 0.6
        if i not in alone and reads_as_title(block.text):
            # A numbered title (a summary table's "1. Children who need help and protection")
            # is rarely a paragraph: where items are lost it must not outscore them.
            dot_cost += 0.6
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
    """With geometry, swap a chain member standing apart from the number column for a
    candidate with the same number that stands in it.

    The column is local: the number column can shift between sections (a new indent from one
    section on), so a member is in the column when it lines up with the member before or after
    it. A member that lines up with neither (a hanging indent, or a wrapped line that happens to
    start with the right number) is replaced by a same-numbered candidate between its
    neighbours that does line up; with none, it stays and the run goes on.
    """
    by_number: dict[int, list[int]] = {}
    for i in cands:
        by_number.setdefault(blocks[i].candidate, []).append(i)  # type: ignore[arg-type]
    out = list(chain)
    for k, i in enumerate(chain):
        x = blocks[i].lines[0].x0
        neighbours = [chain[m] for m in (k - 1, k + 1) if 0 <= m < len(chain)]
        columns = [c for j in neighbours if (c := blocks[j].lines[0].x0) is not None]
        if x is None or not columns or any(abs(x - c) <= NUMBER_COLUMN_TOLERANCE for c in columns):
            continue
        lo = chain[k - 1] if k else -1
        hi = chain[k + 1] if k + 1 < len(chain) else len(blocks)
        for j in by_number.get(blocks[i].candidate, []):  # type: ignore[arg-type]
            xj = blocks[j].lines[0].x0
            if (
                j != i
                and lo < j < hi
                and xj is not None
                and any(abs(xj - c) <= NUMBER_COLUMN_TOLERANCE for c in columns)
            ):
                out[k] = j
                break
    return out


def apply_numbering(blocks: list[Block]) -> None:
    """Number the chosen blocks (their number stripped from the text); a block that only looked
    numbered joins the block before when it is a wrapped line of it, else stays unnumbered."""
    chosen = set(choose_numbering(blocks))
    merged: list[Block] = []
    for i, block in enumerate(blocks):
        if block.candidate is not None and i not in chosen:
            # A wrapped line that only looks numbered: it belongs to the block before.
            prev = merged[-1] if merged else None
            line = block.lines[0]
            if (
                prev is not None
                and prev.kind in RUNNING_KINDS
                and not line.gap_before
                and line.page == prev.lines[-1].page
                and line.has_geometry
            ):
                prev.lines.extend(block.lines)
                prev.text = join_lines(prev.text, block.text)
                continue
            block.candidate = None
        elif i in chosen:
            m = NUMBERED.match(block.text)
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
    content = BULLET_START.sub("", block.text, count=1)
    return block.kind in ("text", "bullet") and content[:1].isupper()


def repair_gaps(blocks: list[Block], warnings: list[Note]) -> None:
    """Fill gaps in the numbering: numbers displaced into a line, then numbers lost altogether;
    a gap that cannot be filled is a warning."""
    numbered = [i for i, b in enumerate(blocks) if b.number is not None]
    first = blocks[numbered[0]].number if numbered else None
    if first is not None and first > 1:
        # Only numbers standing apart from their text open a run this late (a run starts
        # at 1): they could not be placed.
        warnings.append(
            Note(
                "paragraph_number_gap",
                f"paragraph numbers 1 to {first - 1} not found before {first}",
                evidence=Evidence(blocks[numbered[0]].lines, None, paragraph=first),
            )
        )
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
                blk.text = BULLET_START.sub(
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
        starts = [
            k
            for k in between
            if blocks[k].number is None
            and _starts_paragraph(blocks[k])
            # A title is never a paragraph whose number was lost.
            and not reads_as_title(blocks[k].text)
        ]
        if len(starts) == len(missing):
            for k, n in zip(starts, missing, strict=False):
                blk = blocks[k]
                blk.text = BULLET_START.sub("", blk.text, count=1)
                blk.kind = "text"
                blk.number, blk.number_inferred = n, True
                blk.repairs.append("number_inferred")
        else:
            warnings.append(
                Note(
                    "paragraph_number_gap",
                    f"paragraph numbers {', '.join(map(str, missing))} not found between "
                    f"{lo} and {hi}",
                    evidence=Evidence(blocks[a].lines, None, paragraph=blocks[a].number),
                )
            )
