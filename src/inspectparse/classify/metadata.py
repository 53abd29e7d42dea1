"""Metadata: title, provider, inspection dates, lead inspector, publication date."""

from __future__ import annotations

import re

from ..document import Document
from ..profiles import Profile
from .dates import parse_date, parse_periods
from .detect import front_text
from .findings import Meta
from .text import flat

_INSPECTOR_TITLES = re.compile(
    r",?\s*(?:(?:Her|His)\s+Majesty[’']s\s+Inspectors?|\bHMI\b|Ofsted\s+Inspector"
    r"|Social\s+Care\s+Regulatory\s+Inspector)\b,?",
    re.I,
)


def tidy(value: str) -> str:
    """Metadata values: one space between words, straight apostrophes (easier to join on)."""
    return re.sub(r"\s+", " ", value.replace("’", "'")).strip(" ,")


def clean_name(raw: str) -> str | None:
    name = _INSPECTOR_TITLES.sub(" ", raw.strip())
    name = re.sub(r"\s*,?\s+and\s+", " and ", tidy(name)).strip(" ,;:.")
    if not name or len(name) > 80 or not re.search(r"[A-Za-z]", name):
        return None
    return name


def extract_metadata(document: Document, profile: Profile) -> Meta:
    meta = Meta()
    lined = front_text(document)
    flat_text = flat(lined)
    for pattern in profile.title_patterns:
        m = re.search(pattern, flat_text, re.I)
        if m:
            meta.title = re.sub(r"\s+Inspection dates?\b.*$", "", m.group(0), flags=re.I).strip()
            break
    meta.provider = _first_group(profile.provider_patterns, (lined, flat_text), "provider")
    if meta.provider:
        meta.provider = tidy(meta.provider)
    if meta.title:
        meta.title = tidy(meta.title)
    published = _first_group(profile.published_patterns, (lined,), "date")
    meta.published = parse_date(published) if published else None
    dates = _first_group(profile.date_patterns, (flat_text,), "dates")
    if dates:
        meta.periods = parse_periods(dates, default_year=meta.published.year if meta.published else None)
    meta.lead_inspector = find_lead(document, profile)
    return meta


def _first_group(patterns: tuple[str, ...], texts: tuple[str, ...], group: str) -> str | None:
    for pattern in patterns:
        for text in texts:
            m = re.search(pattern, text, re.I | re.M)
            if m and m.group(group) and m.group(group).strip():
                return m.group(group).strip()
    return None


def find_lead(document: Document, profile: Profile) -> str | None:
    """First explicit lead label at the start of a line; never a deputy or a signatory."""
    compiled = profile.compiled("lead_patterns")
    lines = document.lines()
    for i, line in enumerate(lines):
        text = line.text.strip()
        # A list of leads wraps: "A, His Majesty's Inspector, and B," / "His Majesty's Inspector".
        if re.search(r"(,|\band)$", text) and i + 1 < len(lines):
            text = f"{text} {lines[i + 1].text.strip()}"
        for pattern in compiled:
            m = pattern.match(text)
            if m:
                name = clean_name(m.group("name"))
                if name:
                    return name
    return None
