"""Pieces shared by the synthetic reports the tests write (never a real report's text)."""

from __future__ import annotations

# How a complete report ends: Ofsted's back page, here its last line. Without it a text reads
# as cut short (`report_end_missing`), which tests about other things must not trip over.
BACK_PAGE_LINE = "\u00a9 Crown copyright 2031"


def complete(text: str) -> str:
    """The synthetic report `text` with its back page after its last page."""
    return f"{text.rstrip()}\n\n{BACK_PAGE_LINE}\n"
