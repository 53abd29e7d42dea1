"""What the block builder's rules see of a line: `LineView`, the facts of the line being read
that several rules share, and `LineFacts`, the few of them the rule gates look at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..document import Line
from .units import Block, BlockKind


@dataclass(slots=True)
class LineView:
    """One line as the rules see it, with the facts several rules share (computed once).

    The builder refills one view for each line: a rule must not keep it past its line.
    """

    index: int
    line: Line
    text: str  # stripped
    first: str  # its first character
    geometric: bool
    prev: Line | None
    # Only the heading rule for text (no font facts) looks at the next line; None otherwise.
    nxt: Line | None
    new_page: bool
    # After a blank line, a page break or at the start.
    broke: bool
    # The block being built (the last one).
    current: Block | None
    num: re.Match[str] | None
    bullet: bool


class LineFacts(NamedTuple):
    """What the rule gates look at: facts of a line, and the kind of the block being built."""

    first: str  # the line's first character
    geometric: bool
    in_contents: bool  # the builder is inside a table of contents
    broke: bool  # `LineView.broke`: after a blank line, a page break or at the start
    current: BlockKind | None  # the kind of the block being built (None: no block yet)
