"""Body lines -> blocks (headings, paragraphs, list items, contents, table rows).

Each line is offered to the named line rules in `LINE_RULES`, in order; the first rule that
takes the line decides what it is (a new block, or more of the block being built). A line no
rule takes starts a text block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..clean import BULLET, SUB_BULLET, CleanedDocument
from ..document import Line, Note
from .geometry import same_edge, same_row, same_size, set_beside
from .growing import GrowingBlock
from .headings import (
    CONTENTS_HEADING,
    TIMESCALE,
    KnownHeadings,
    contents_entry_page,
    heading_text,
    known_headings_matcher,
    looks_like_heading,
    may_be_timescale,
)
from .joins import ENDS_MID_PHRASE, is_terminal, join_lines
from .line_view import LineFacts, LineView
from .numbering import NUMBER_PREFIXES, NUMBERED
from .paragraphs import BACK_PAGE, GRADE_ALONE
from .units import RUNNING_KINDS, Block, BlockKind

_DASH_PREFIX = re.compile(r"^-\s+")
_LOWER_DASH_ITEM = re.compile(r"^-\s+[a-z]")
_LIST_LOOKBACK = 16
# Known headings are short: a block and a line longer than this together are never one.
_LONGEST_KNOWN_HEADING = 120


class BlockBuilder:
    def __init__(self, cleaned: CleanedDocument, known_headings: list[re.Pattern[str]]) -> None:
        self.lines = cleaned.lines
        self.vocabulary = cleaned.vocabulary
        self.known_headings: KnownHeadings = known_headings_matcher(
            tuple(p.pattern for p in known_headings)
        )
        self.blocks: list[Block] = []
        self.warnings: list[Note] = []
        self.in_contents = False
        self.contents_page = 0  # the page the last entry of the table of contents gives
        # The one view the rules see, refilled for each line by `_view`.
        self.view = LineView(
            0, Line("", 0, 0), "", "", False, None, None, False, False, None, None, False
        )
        # The block lines are added to (`_view` closes it when the next block starts); rules
        # read its text's end and start through it.
        self.growing = GrowingBlock()

    def build(self) -> list[Block]:
        lines, blocks = self.lines, self.blocks
        count = len(lines)
        prev: Line | None = None
        for i, line in enumerate(lines):
            view = self._view(i, line, prev, count)
            current = view.current
            rules = rules_for(
                view.first,
                view.geometric,
                self.in_contents,
                view.broke,
                current.kind if current is not None else None,
            )
            for rule in rules:
                if rule(self, view):
                    break
            else:
                blocks.append(Block("text", [line], view.text))
            prev = line
        self.growing.close()
        return blocks

    def _view(self, i: int, line: Line, prev: Line | None, count: int) -> LineView:
        """The view of line i: `self.view` refilled (no rule keeps a view past its line, and
        making one per line cost ~10% of building the blocks)."""
        view = self.view
        view.index, view.line, view.prev = i, line, prev
        view.text = text = line.text.strip()
        view.first = first = text[:1]
        view.geometric = geometric = line.top is not None and line.x0 is not None  # has_geometry
        view.nxt = (
            self.lines[i + 1] if (not geometric or line.bold is None) and i + 1 < count else None
        )
        view.new_page = new_page = prev is not None and prev.page != line.page
        view.broke = line.gap_before or new_page or prev is None
        blocks = self.blocks
        view.current = current = blocks[-1] if blocks else None
        if self.growing.block is not None and current is not self.growing.block:
            self.growing.close()
        # The cheap first-character tests spare most lines the regex.
        view.num = NUMBERED.match(text) if first.isdecimal() or first in NUMBER_PREFIXES else None
        # As `numbering.BULLET_START` matches: a bullet glyph, or "-" and a space or nothing
        # (a converter that writes bullets as "-" sets one apart from its item as a glyph).
        view.bullet = first == BULLET or (first == "-" and (text == "-" or text[1:2].isspace()))
        return view

    # -- the line rules, in the order they are tried ----------------------------------------
    def contents_entry(self, v: LineView) -> bool:
        """Inside a table of contents: an entry ends in its page number or has it as a cell on
        its row (the number is then an entry line too); a title may wrap onto a second line.
        The first line that is no entry ends the contents, and so does an entry whose page
        comes before the last one's: the pages of a table of contents run forward, so that is
        the body (a heading and a stray number on its row, at the next page's head)."""
        if not self.in_contents:
            return False
        lines, i = self.lines, v.index
        page = contents_entry_page(lines, i)
        if page is None and i + 1 < len(lines) and len(v.text) < 90:
            page = contents_entry_page(lines, i + 1)  # a title wrapped onto the entry's line
        if page is not None and page >= self.contents_page:
            self.contents_page = page
            current = v.current
            if current is not None and current.kind == "contents":
                self.growing.append(current, v.line, v.text)
            else:
                self.blocks.append(Block("contents", [v.line], v.text))
            return True
        self.in_contents = False
        return False

    def contents_heading(self, v: LineView) -> bool:
        if v.first in "cCtT" and CONTENTS_HEADING.match(v.text):  # its first letters
            self.in_contents, self.contents_page = True, 0
            self.blocks.append(Block("contents", [v.line], v.text))
            return True
        return False

    def text_table_row(self, v: LineView) -> bool:
        """Text input keeps table cells apart with tabs (e.g. "Record of main findings")."""
        if "\t" in v.text and not v.geometric:
            self.blocks.append(Block("table", [v.line], v.text))
            return True
        return False

    def timescale_subheading(self, v: LineView) -> bool:
        """ "Immediately:", "Within three months:" over the items due then."""
        if may_be_timescale(v.first) and TIMESCALE.match(v.text):
            self.blocks.append(Block("subheading", [v.line], v.text))
            return True
        return False

    def heading(self, v: LineView) -> bool:
        if v.num or v.bullet:
            return False
        if not looks_like_heading(self.known_headings, v.line, v.text, v.prev, v.nxt, v.geometric):
            return False
        # A heading that wraps runs on into the next line, in its size; a line in another size
        # is a heading of another level ("The local authority" over "Previous inspections").
        # Without font facts (text laid out with spaces) two heading lines in a row are two.
        current = v.current
        if (
            current is not None
            and current.kind == "heading"
            and not v.broke
            and v.geometric
            and v.line.bold is not None
            and same_size(v.line, current.lines[-1])
        ):
            self.growing.extend(current, v.line, v.text, None)  # a heading: no de-hyphenation
        else:
            text = heading_text(self.known_headings, v.text)
            self.blocks.append(Block("heading", [v.line], text))
        return True

    def known_heading_wrapped(self, v: LineView) -> bool:
        """A known heading broken over two lines ("What" / "needs to improve?"): the line that
        completes it makes the one-line block before it (text, or a heading the rules did not
        know) that heading, across a break too (text input breaks after a short line). Only a
        known heading's whole text joins, and only where the first part is none already, so
        prose is never taken for one."""
        current = v.current
        if (
            current is None
            or current.kind not in ("text", "heading")
            or len(current.lines) != 1
            or current.candidate is not None
            or len(current.text) + len(v.text) > _LONGEST_KNOWN_HEADING
        ):
            return False
        known = self.known_headings.match
        joined = join_lines(current.text, v.text)
        if not known(joined) or known(current.text):
            return False
        # A line that is a known heading itself ("Priority action") completes the one before
        # only when that stops mid-phrase ("Areas for").
        if known(v.text) and not ENDS_MID_PHRASE.search(current.text):
            return False
        # The heading ends with this line: a line going on in lower case (after a break too:
        # text input breaks after every short line) makes it a longer label ("The experiences
        # and progress of" / "children who need help and" / "protection"), which some known
        # headings' open ends would match too early.
        following = self.lines[v.index + 1] if v.index + 1 < len(self.lines) else None
        if (
            following is not None
            and following.page == v.line.page
            and following.text.strip()[:1].islower()
        ):
            return False
        current.kind = "heading"
        current.lines.append(v.line)
        current.text = heading_text(self.known_headings, joined)
        return True

    def cell_beside_heading(self, v: LineView) -> bool:
        """A grade set beside a heading, right of its first line (in the next column: reading
        order puts it between the heading's lines when the heading wraps), is a cell of its
        own, in neither the heading nor the text under it."""
        current, line = v.current, v.line
        if current is None or current.kind != "heading" or not v.geometric:
            return False
        # Only a grade is taken for a cell: other cells beside a heading are a table's header
        # row ("Areas for priority action | Responsible body"), which heads the list read under
        # it. A visible break before a row marks each of its cells, so a grade on the heading's
        # own row follows one too.
        if not GRADE_ALONE.match(v.text) or not set_beside(line, current):
            return False
        if v.broke and not same_row(line, current.lines[-1]):
            return False
        self.blocks.append(Block("table", [line], v.text))
        return True

    def heading_wrap(self, v: LineView) -> bool:
        """A heading wrapped before a lower-case word ("... children who need help and" /
        "protection: good"): the bold line straight below it, in its size, goes on with it
        (`heading` takes only lines that open in capitals). Past a cell set beside the
        heading, a line goes on with the one of the two whose left edge it starts at, in its
        size and weight (bold or not: the cell shows the heading is one)."""
        current, line = v.current, v.line
        if not ("a" <= v.first <= "z" and v.geometric) or current is None or v.broke:
            return False
        if current.kind == "heading":
            target = current
            if not line.bold:
                return False
        elif (beside := self._heading_beside(current)) is not None:
            if same_edge(line, current.lines[0]):
                target = current  # the cell wraps ("Requires improvement" / "to be good")
            elif same_edge(line, beside.lines[0]):
                target = beside
            else:
                return False
        else:
            return False
        last = target.lines[-1]
        if line.bold != last.bold or not same_size(line, last) or line.page != last.page:
            return False
        self.growing.extend(target, line, v.text, None)  # a heading: no de-hyphenation
        return True

    def _heading_beside(self, cell: Block) -> Block | None:
        """The heading a cell (`cell_beside_heading`) is set beside, if `cell` is one."""
        if cell.kind != "table" or len(self.blocks) < 2:
            return None
        heading = self.blocks[-2]
        if heading.kind != "heading" or not set_beside(cell.lines[0], heading):
            return None
        return heading

    def sentence_read_as_heading(self, v: LineView) -> bool:
        """Without fonts, a short line standing alone reads as a heading; when a lower-case
        line goes on from it ("Children's services in Northwick" / "require improvement to be
        good"), it was the start of a sentence. A known heading, or a line ending in ':', '?'
        or '.', stays a heading."""
        current = v.current
        if (
            not "a" <= v.first <= "z"
            or current is None
            or current.kind != "heading"
            or len(current.lines) != 1
            or current.lines[0].bold is not None
            or v.new_page
            or v.num
        ):
            return False
        if current.text.endswith((":", "?", ".")) or self.known_headings.match(current.text):
            return False
        current.kind = "text"
        self.growing.extend(current, v.line, v.text, self.vocabulary)
        return True

    def continuation_after_break(self, v: LineView) -> bool:
        """A continuation after a page break (or, in text input, after a blank line that stands
        for one): starts lower case, and the block before is unfinished. Only the "- " of a
        text conversion can hide a continuation; a real bullet glyph always starts an item,
        even a lower-case one after an unfinished item."""
        current, text = v.current, v.text
        content = _DASH_PREFIX.sub("", text, count=1) if v.first == "-" else text
        if (
            v.broke
            and current is not None
            and current.kind in RUNNING_KINDS
            and v.first != BULLET
            and "a" <= content[:1] <= "z"
            and not v.num
            and (content == text or self._dash_continues(current))
        ):
            if content != text:
                current.repairs.append("continuation_after_page_break_dash")
            self.growing.extend(current, v.line, content, self.vocabulary)
            return True
        return False

    def _dash_continues(self, current: Block) -> bool:
        """Whether a "- " and lower-case text after a break goes on with `current`: it is
        unfinished, and stops mid-phrase ("... from the") or the list's items do not open in
        lower case (there a "- the response to risk" after one is the next item)."""
        end = self.growing.end(current)
        if is_terminal(end):
            return False
        return ENDS_MID_PHRASE.search(end) is not None or not self._lower_list()

    def _lower_list(self) -> bool:
        """Whether the list being read has "- " items in lower case, looking back a few blocks
        to its heading."""
        for block in self.blocks[-1:-_LIST_LOOKBACK:-1]:
            if block.kind == "heading":
                return False
            if block.kind == "bullet" and _LOWER_DASH_ITEM.match(self.growing.start(block)):
                return True
        return False

    def numbered_start(self, v: LineView) -> bool:
        """A line that looks numbered starts a block holding a candidate paragraph number
        (`numbering.choose_numbering` decides which candidates are the numbering)."""
        if not v.num:
            return False
        block = Block("text", [v.line], v.text, candidate=int(v.num.group("num")))
        block.candidate_has_dot = bool(v.num.group("dot"))
        self.blocks.append(block)
        return True

    def sub_bullet(self, v: LineView) -> bool:
        if v.first == SUB_BULLET:
            self.blocks.append(Block("sub_bullet", [v.line], v.text))
            return True
        return False

    def bullet(self, v: LineView) -> bool:
        if v.bullet:
            self.blocks.append(Block("bullet", [v.line], v.text))
            return True
        return False

    def wrapped_line(self, v: LineView) -> bool:
        """With geometry, a line straight after a running block wraps it. A list item's wrapped
        lines hang right of its bullet; a line back at (or left of) the bullet after a finished
        item is new text, not more of the item."""
        current = v.current
        if current is None or current.kind not in RUNNING_KINDS or v.broke or not v.geometric:
            return False
        outdented = (
            current.kind != "text"
            and v.line.x0 is not None
            and current.lines[0].x0 is not None
            and v.line.x0 <= current.lines[0].x0 + 2
            and is_terminal(self.growing.end(current))
        )
        if outdented:
            return False
        self.growing.extend(current, v.line, v.text, self.vocabulary)
        return True

    def page_break_mid_sentence(self, v: LineView) -> bool:
        """Page break inside a sentence: the text runs on (never into Ofsted's back page)."""
        current = v.current
        if (
            current is not None
            and current.kind in RUNNING_KINDS
            and v.new_page
            and not is_terminal(self.growing.end(current))
            and not BACK_PAGE.match(v.text)
        ):
            self.growing.extend(current, v.line, v.text, self.vocabulary)
            return True
        return False

    def text_wrap_mid_sentence(self, v: LineView) -> bool:
        """Text input wrapped mid-sentence (e.g. pdftotext output), a bullet item too (its
        wrapped lines carry no glyph and no indent in reading-order text); never into Ofsted's
        back page (a page number left before it leaves the sentence open)."""
        current = v.current
        if (
            not v.geometric
            and current is not None
            and current.kind in ("text", "bullet", "sub_bullet")
            and not v.broke
            and not is_terminal(self.growing.end(current))
            and not BACK_PAGE.match(v.text)
        ):
            self.growing.extend(current, v.line, v.text, self.vocabulary)
            return True
        return False


LineRule = Callable[[BlockBuilder, LineView], bool]

# Tried in this order for each line; the first that returns True has taken it.
LINE_RULES: tuple[LineRule, ...] = (
    BlockBuilder.contents_entry,
    BlockBuilder.contents_heading,
    BlockBuilder.text_table_row,
    BlockBuilder.timescale_subheading,
    BlockBuilder.cell_beside_heading,
    BlockBuilder.known_heading_wrapped,
    BlockBuilder.heading,
    BlockBuilder.heading_wrap,
    BlockBuilder.sentence_read_as_heading,
    BlockBuilder.continuation_after_break,
    BlockBuilder.numbered_start,
    BlockBuilder.sub_bullet,
    BlockBuilder.bullet,
    BlockBuilder.wrapped_line,
    BlockBuilder.page_break_mid_sentence,
    BlockBuilder.text_wrap_mid_sentence,
)


# What a rule needs of a line before it can take it: a line is offered only to the rules these
# allow (most lines start with a letter that half the rules never take, a line runs on only
# into a block of a running kind, across a break or not, and text input and PDFs each have
# rules of their own), in the order of `LINE_RULES`. A gate must be implied by its rule taking
# the line: it only spares the calls that would return False.
RuleGate = Callable[[LineFacts], bool]
RULE_GATES: dict[LineRule, RuleGate] = {
    BlockBuilder.contents_entry: lambda line: line.in_contents,
    BlockBuilder.contents_heading: lambda line: line.first in "cCtT",
    BlockBuilder.text_table_row: lambda line: not line.geometric,
    BlockBuilder.timescale_subheading: lambda line: may_be_timescale(line.first),
    BlockBuilder.known_heading_wrapped: lambda line: line.current in ("text", "heading"),
    BlockBuilder.cell_beside_heading: lambda line: line.geometric and line.current == "heading",
    # Lower case, with geometry (a PDF's, or the pseudo-geometry of text laid out in columns),
    # straight under a heading or under the cell set beside one.
    BlockBuilder.heading_wrap: lambda line: (
        line.geometric
        and "a" <= line.first <= "z"
        and not line.broke
        and line.current in ("heading", "table")
    ),
    # Lower case (a sentence goes on) under a heading.
    BlockBuilder.sentence_read_as_heading: lambda line: (
        "a" <= line.first <= "z" and line.current == "heading"
    ),
    # Lower case, or the "- " of a text conversion before it, after a break.
    BlockBuilder.continuation_after_break: lambda line: (
        ("a" <= line.first <= "z" or line.first == "-")
        and line.broke
        and line.current in RUNNING_KINDS
    ),
    # `LineView.num` is looked for only after these.
    BlockBuilder.numbered_start: lambda line: (
        line.first.isdecimal() or line.first in NUMBER_PREFIXES
    ),
    BlockBuilder.sub_bullet: lambda line: line.first == SUB_BULLET,
    # `LineView.bullet`: a bullet glyph, or "-" and a space.
    BlockBuilder.bullet: lambda line: line.first in (BULLET, "-"),
    BlockBuilder.wrapped_line: lambda line: (
        line.geometric and not line.broke and line.current in RUNNING_KINDS
    ),
    # A new page is a break.
    BlockBuilder.page_break_mid_sentence: lambda line: line.broke and line.current in RUNNING_KINDS,
    BlockBuilder.text_wrap_mid_sentence: lambda line: (
        not line.geometric and not line.broke and line.current in ("text", "bullet", "sub_bullet")
    ),
}


@cache
def rules_for(
    first: str, geometric: bool, in_contents: bool, broke: bool, current: BlockKind | None
) -> tuple[LineRule, ...]:
    """The rules of `LINE_RULES`, in order, that `RULE_GATES` let take such a line."""
    line = LineFacts(first, geometric, in_contents, broke, current)
    return tuple(rule for rule in LINE_RULES if rule not in RULE_GATES or RULE_GATES[rule](line))
