"""Dates as printed in reports -> ISO dates, including ranges and split visits."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_TOKEN = re.compile(
    r"(?P<dmy>\d{1,2}/\d{1,2}/\d{4})|(?P<year>\d{4})|(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<month>[A-Za-z]+)|(?P<sep>[–—─-]+|,)"
)


def parse_date(text: str) -> dt.date | None:
    """'22 October 2018' or '22/10/2018' -> date."""
    spans = parse_periods(text)
    return spans[0][0] if spans else None


def parse_periods(text: str, default_year: int | None = None) -> list[tuple[dt.date, dt.date]]:
    """Parse 'D to D Month YYYY', 'D Month - D Month YYYY', '... and ...' into periods.

    Reading stops at the first word that is not part of a date, so trailing text is ignored.
    A year missing on the left is taken from the right; one missing everywhere from
    `default_year` (e.g. the letter's date).
    """
    parts: list[list[int | None]] = []  # [day, month, year] per date, in order
    joins: list[str] = []  # the connector before each date after the first
    pending_join = ""
    for m in _TOKEN.finditer(text):
        if m.group("dmy"):
            day, month, year = (int(x) for x in m.group("dmy").split("/"))
            parts.append([day, month, year])
            joins.append(pending_join)
            pending_join = ""
        elif m.group("day") is not None:
            parts.append([int(m.group("day")), None, None])
            joins.append(pending_join)
            pending_join = ""
        elif m.group("year"):
            if not parts or parts[-1][2] is not None:
                break
            parts[-1][2] = int(m.group("year"))
        elif m.group("month"):
            word = m.group("month").lower()
            if word in MONTHS and parts and parts[-1][1] is None:
                parts[-1][1] = MONTHS[word]
            elif word in ("to", "until", "and", "between", "from", "on"):
                pending_join = "and" if word == "and" else "to"
            else:
                break
        elif m.group("sep") == ",":
            continue
        else:
            pending_join = "to"
    if not parts:
        return []
    # Fill missing months/years from the right, then from the default year.
    for i in range(len(parts) - 2, -1, -1):
        for k in (1, 2):
            if parts[i][k] is None:
                parts[i][k] = parts[i + 1][k]
    dates: list[dt.date] = []
    for d, mo, y in parts:
        y = y or default_year
        if d is None or mo is None or y is None:
            return []
        try:
            dates.append(dt.date(y, mo, d))
        except ValueError:
            return []
    # A start later than its end means the left year was wrongly taken from the right.
    for i in range(len(dates) - 1):
        if dates[i] > dates[i + 1] and parts[i][2] == parts[i + 1][2]:
            dates[i] = dates[i].replace(year=dates[i].year - 1)
    periods: list[tuple[dt.date, dt.date]] = []
    i = 0
    while i < len(dates):
        if i + 1 < len(dates) and joins[i + 1] == "to":
            periods.append((dates[i], dates[i + 1]))
            i += 2
        else:
            periods.append((dates[i], dates[i]))
            i += 1
    return periods
