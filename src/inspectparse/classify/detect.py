"""Framework detection from page 1: the highest-priority profile whose title pattern matches."""

from __future__ import annotations

import re

from ..document import Document
from ..profiles import Profile, profiles
from .text import flat


def front_text(document: Document, min_chars: int = 400) -> str:
    """Page-1 body text, plus following pages while page 1 is nearly empty."""
    parts: list[str] = []
    for page in document.pages:
        parts.extend(line.text for line in page.body_lines)
        if sum(len(p) for p in parts) >= min_chars:
            break
    return "\n".join(parts)


# Title patterns are looked for only this far into page 1: the body often names other
# inspections ("the focused visit in 2018"), which must not decide the kind.
TITLE_ZONE_CHARS = 1500


def detect_kind(document: Document) -> tuple[Profile | None, str | None]:
    """Return (profile, the pattern that matched), or (None, None) when no profile matches."""
    text = flat(front_text(document))[:TITLE_ZONE_CHARS]
    for profile in sorted(profiles(), key=lambda p: -p.priority):
        if any(re.search(p, text, re.I) for p in profile.exclude_patterns):
            continue
        for pattern in profile.title_patterns:
            if re.search(pattern, text, re.I):
                return profile, pattern
    return None, None


def column_text(document: Document) -> str:
    """Page-1 text with the left column first, so wrapped table labels read whole."""
    lines = document.pages[0].body_lines if document.pages else []
    if not lines or not lines[0].has_geometry:
        return front_text(document)
    left = min(ln.x0 or 0.0 for ln in lines)
    ordered = sorted(lines, key=lambda ln: ((ln.x0 or 0.0) > left + 60, ln.top or 0.0))
    return "\n".join(ln.text for ln in ordered)


def detect_variant(
    profile: Profile, document: Document, table_labels: str | None = None
) -> str | None:
    """The first variant whose marker is in the table's row labels (else in page-1 text)."""
    text = flat(table_labels if table_labels else column_text(document))
    for variant in profile.variants:
        if variant.marker is None or re.search(variant.marker, text, re.I):
            return variant.name
    return profile.variants[-1].name if profile.variants else None
