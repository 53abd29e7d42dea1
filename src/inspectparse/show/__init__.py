"""A record as a person reads it: `inspectparse show`, and `Record`'s notebook view.

`view(record)` turns a record (a `Record` or its JSON dict, of this schema or an earlier one)
into a `View`: plain data, what a reader wants first (who, what kind, when, which grades, what
must improve by when and who must act, what to check by hand). `render` lays a view out with
rich for a terminal, or as plain text (no colour, no escape codes) for a pipe or under
NO_COLOR; `to_html` is the same view for a notebook. `read_outcomes` reads what `show` is
given: a report (PDF or text), a saved record, or batch JSON Lines.

The package: `view.py` (the record -> a `View`), `render.py` (rich and plain text),
`html.py` (notebooks), `read.py` (what `show` is given -> outcomes).
"""

from __future__ import annotations

from .html import to_html
from .read import read_outcomes
from .render import GRADE_STYLES, plain_text, print_outcomes, render, render_outcome
from .view import View, view

__all__ = [
    "GRADE_STYLES",
    "View",
    "plain_text",
    "print_outcomes",
    "read_outcomes",
    "render",
    "render_outcome",
    "to_html",
    "view",
]
