"""Pieces shared by the synthetic reports the tests write (never a real report's text)."""

from __future__ import annotations

import inspectparse
from inspectparse.record import Record

# How a complete report ends: Ofsted's back page, here its last line. Without it a text reads
# as cut short (`report_end_missing`), which tests about other things must not trip over.
BACK_PAGE_LINE = "\u00a9 Crown copyright 2031"


def complete(text: str) -> str:
    """The synthetic report `text` with its back page after its last page."""
    return f"{text.rstrip()}\n\n{BACK_PAGE_LINE}\n"


def read(text: str) -> Record:
    """The record of a synthetic report's text."""
    return inspectparse.extract(text.encode())


def review_codes(record: Record) -> set[str]:
    """Review warnings, save the one every invented council gets (its name matches no
    authority)."""
    return {
        w.code
        for w in record.warnings
        if w.severity == "review" and w.code != "authority_unmatched"
    }
