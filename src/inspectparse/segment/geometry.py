"""Where two lines sit relative to each other on a page: at one left edge, on one row, one
set beside another (a cell to its right), in one font size. Text laid out in columns has
the pseudo-geometry `load.columns` gives it, so the same tests serve it."""

from __future__ import annotations

from ..document import Line
from .units import Block

# Two lines' font sizes (rounded to 0.01 pt) differ by at most this when they are one size.
SIZE_TOLERANCE = 0.25
# Lines whose left edges are this close, in points, start at one edge.
SAME_EDGE = 2.0
# Lines on one row of a table sit within this many points of each other.
SAME_ROW = 3.0


def same_edge(line: Line, other: Line) -> bool:
    """Whether two lines start at one left edge."""
    return line.x0 is not None and other.x0 is not None and abs(line.x0 - other.x0) <= SAME_EDGE


def same_row(line: Line, other: Line) -> bool:
    """Whether two lines (cells of a table) sit on one row of a page: their tops within
    `SAME_ROW` points."""
    return (
        line.page == other.page
        and line.top is not None
        and other.top is not None
        and abs(line.top - other.top) <= SAME_ROW
    )


def set_beside(line: Line, block: Block) -> bool:
    """Whether a line is set beside a block's first line, as a cell to its right on its page
    (a heading's grade), rather than under it."""
    first = block.lines[0]
    return (
        line.x0 is not None
        and first.x1 is not None
        and line.page == first.page
        and line.x0 > first.x1 + SAME_EDGE
    )


def same_size(line: Line, other: Line) -> bool:
    """Whether two lines are set in one font size (lines without sizes are)."""
    if line.size is None or other.size is None:
        return line.size == other.size
    return abs(line.size - other.size) <= SIZE_TOLERANCE
