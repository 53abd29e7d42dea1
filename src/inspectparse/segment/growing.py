"""Texts that grow at their end: a block line by line, a list item block by block.

Joining a line onto a text copies the whole text. A paragraph is a few hundred characters, but
one long block (a CSV read by mistake, a text with no sentence end) or an item that runs on for
thousands of sentences made every join, and every look at the text's end, cost its whole
length: quadratic. A `GrowingText` keeps the parts and its end apart; `GrowingBlock` is the
block builder's block being built, joined in place while short and as a `GrowingText` beyond.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..clean import Vocabulary
from ..document import Line
from .joins import END_CHARS, join_edit, join_lines
from .units import Block

# The end a `GrowingText` keeps apart: at least what a join reads, and twice that before it is
# cut back.
_END_KEPT = 2 * END_CHARS


class GrowingText:
    """A text kept as parts with its end apart: joining onto it costs the added text, not a
    copy of all of it. `end` is its last characters, enough for `is_terminal`,
    `ENDS_MID_PHRASE` and a join; `text()` is all of it."""

    __slots__ = ("_parts", "end")

    def __init__(self, text: str) -> None:
        self._parts = [text]
        self.end = text[-_END_KEPT:]

    def join(self, right: str, vocabulary: Vocabulary | Mapping[str, int] | None = None) -> None:
        """`join_lines` onto the text."""
        self.edit(*join_edit(self.end, right, vocabulary))

    def edit(self, drop: int, add: str) -> None:
        """The text loses `drop` characters from its end and gains `add`."""
        parts, end = self._parts, self.end
        if drop:
            end = end[: len(end) - drop]
            while drop and parts:
                last = parts.pop()
                if len(last) > drop:
                    parts.append(last[: len(last) - drop])
                    drop = 0
                else:
                    drop -= len(last)
        parts.append(add)
        end += add
        self.end = end if len(end) <= 2 * _END_KEPT else end[-_END_KEPT:]

    def start(self) -> str:
        """The text's start, to its first character after the opening one that is not a space
        (enough for a match of a list marker and the word after it)."""
        start = ""
        for part in self._parts:
            start += part
            if start[1:].strip():
                break
        return start

    def text(self) -> str:
        whole = "".join(self._parts)
        self._parts = [whole]
        return whole


# A block's text is kept as a `GrowingText` once it is this long (a paragraph is a few hundred
# characters: copying those at each line costs less than keeping parts).
OPEN_CHARS = 2048


class GrowingBlock:
    """The block being built as lines are added to it: its text joined in place while short,
    kept as a `GrowingText` once long until `close` (the builder closes it when the next block
    starts). While it is open the block's `text` is stale: `end` and `start` read it."""

    __slots__ = ("block", "_text")

    def __init__(self) -> None:
        self.block: Block | None = None  # the open block, if any
        self._text = GrowingText("")

    def extend(
        self,
        block: Block,
        line: Line,
        text: str,
        vocabulary: Vocabulary | Mapping[str, int] | None,
    ) -> None:
        """A wrapped (or page-broken) line joined on (`join_lines`, with `vocabulary` to
        de-hyphenate by)."""
        block.lines.append(line)
        if block is not self.block and len(block.text) < OPEN_CHARS:  # most blocks
            block.text = join_lines(block.text, text, vocabulary)
        else:
            self._grown(block).join(text, vocabulary)

    def append(self, block: Block, line: Line, text: str) -> None:
        """A line added as it is, after a line break (a table of contents)."""
        block.lines.append(line)
        if block is not self.block and len(block.text) < OPEN_CHARS:
            block.text += "\n" + text
        else:
            self._grown(block).edit(0, "\n" + text)

    def _grown(self, block: Block) -> GrowingText:
        if block is not self.block:
            self.close()
            self.block, self._text = block, GrowingText(block.text)
        return self._text

    def close(self) -> None:
        """The open block's text made whole."""
        if self.block is not None:
            self.block.text = self._text.text()
            self.block = None

    def end(self, block: Block) -> str:
        """The end of a block's text: all of it, or the open block's last characters."""
        return self._text.end if block is self.block else block.text

    def start(self, block: Block) -> str:
        """The start of a block's text (`GrowingText.start` for the open block)."""
        return self._text.start() if block is self.block else block.text
