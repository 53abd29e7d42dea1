"""Dates as printed in reports -> ISO dates, including ranges and split visits.

Reading never raises: printed dates that cannot be real (29 February in a year without it, a
start after its end, a year no report can have) give no periods and say why in `problem`,
which the classify stage turns into a `dates_impossible` review warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

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
# Years a printed inspection date can have: Ofsted was founded in 1992.
EARLIEST_YEAR = 1992
LATEST_YEAR = 2100

_TOKEN = re.compile(
    r"(?P<dmy>\d{1,2}/\d{1,2}/\d{4})|(?P<year>\d{4})|(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<month>[A-Za-z]+)|(?P<sep>[–—─-]+|,)"
)
# A day's ordinal suffix before its month or the next day of a range ("8th October",
# "the 15th of May", "8th - 12th October", "1st and 2nd May"): the patterns that find dates
# read plain day numbers, so the suffix goes first.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL_DAY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)\b(?=(?:\s+of)?\s+(?:{_MONTH_NAMES})\b"
    r"|\s*(?:,|and|to|until|till|[–—-])\s*\d)",
    re.I,
)


# A weekday's name before a day number ("on Tuesday 5 and Wednesday 6 February"): the
# patterns that find dates read the day numbers alone.
_WEEKDAY_BEFORE_DAY = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?=\d{1,2}(?:st|nd|rd|th)?\b)", re.I
)


def plain_day_numbers(text: str) -> str:
    """'8th October 2018' -> '8 October 2018' (only a day number before a month or a day), and
    'Tuesday 5 February' -> '5 February'."""
    if "day" in text or "DAY" in text:
        text = _WEEKDAY_BEFORE_DAY.sub("", text)
    return _ORDINAL_DAY.sub(r"\1", text) if re.search(r"\d(?:st|nd|rd|th)\b", text, re.I) else text


# Words that join one date to the next: a range ("to") or another day ("and").
_RANGE_WORDS = ("to", "until", "till")
_LEAD_WORDS = ("between", "from", "on")
# Words that can sit inside a printed date without ending it ("on the 15 and 16 of May").
_FILLER_WORDS = ("the", "of")

Period = tuple[dt.date, dt.date]


@dataclass(slots=True)
class DateRead:
    """Periods read from printed dates, or why the printed dates cannot be real."""

    periods: list[Period] = field(default_factory=list)
    problem: str | None = None


def parse_date(text: str) -> dt.date | None:
    """'22 October 2018' or '22/10/2018' -> date."""
    spans = parse_periods(text)
    return spans[0][0] if spans else None


def parse_periods(text: str, default_year: int | None = None) -> list[Period]:
    """The periods of `read_periods`; [] when none, or when the printed dates are impossible."""
    return read_periods(text, default_year).periods


@dataclass(slots=True)
class _Part:
    day: int | None
    month: int | None = None
    year: int | None = None
    year_borrowed: bool = False
    join: str = ""  # the connector before this date: "", "to" or "and"


def _tokens(text: str) -> tuple[list[_Part], bool]:
    """Printed date parts in order, and whether the text opened with 'between'.

    Reading stops at the first word that is not part of a date, so trailing text is ignored.
    """
    parts: list[_Part] = []
    pending = ""
    between = False
    for m in _TOKEN.finditer(text):
        if m.group("dmy"):
            day, month, year = (int(x) for x in m.group("dmy").split("/"))
            parts.append(_Part(day, month, year, join=pending))
            pending = ""
        elif m.group("day") is not None:
            parts.append(_Part(int(m.group("day")), join=pending))
            pending = ""
        elif m.group("year"):
            if not parts or parts[-1].year is not None:
                break
            parts[-1].year = int(m.group("year"))
        elif m.group("month"):
            word = m.group("month").lower()
            if word in MONTHS and parts and parts[-1].month is None:
                parts[-1].month = MONTHS[word]
            elif word == "and":
                pending = "and"
            elif word in _RANGE_WORDS:
                pending = "to"
            elif word in _LEAD_WORDS:
                between = between or (word == "between" and not parts)
            elif word in _FILLER_WORDS:
                continue
            else:
                break
        elif m.group("sep") != ",":
            pending = "to"
    # A number after the last date ("... 2018 and 45 children") is not a date: no month follows.
    while parts and parts[-1].month is None:
        parts.pop()
    return parts, between


def read_periods(text: str, default_year: int | None = None) -> DateRead:
    """Parse 'D to D Month YYYY', 'D Month - D Month YYYY', '... and ...' into periods.

    A year missing on the left is taken from the right; one missing everywhere from
    `default_year` (e.g. the letter's date). "Between A and B" is one period from A to B;
    days joined by "and" that follow each other are one period too.
    """
    parts, between = _tokens(text)
    if not parts:
        return DateRead()
    if between and len(parts) == 2 and parts[1].join == "and":
        parts[1].join = "to"
    # Fill missing months/years from the right, then from the default year.
    for i in range(len(parts) - 2, -1, -1):
        if parts[i].month is None:
            parts[i].month = parts[i + 1].month
        if parts[i].year is None and parts[i + 1].year is not None:
            parts[i].year, parts[i].year_borrowed = parts[i + 1].year, True
    dates: list[dt.date] = []
    for part in parts:
        year = part.year
        if year is None:
            # Borrowed too: "30 December to 2 January" in a January letter spans New Year.
            year, part.year_borrowed = default_year, True
        if part.day is None or part.month is None or year is None:
            return DateRead()
        printed = f"{part.day}/{part.month}/{year}"
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            return DateRead(problem=f"{printed}: year {year} is not an inspection year")
        try:
            dates.append(dt.date(year, part.month, part.day))
        except ValueError:
            return DateRead(problem=f"{printed} is not a calendar date")
    return _periods(parts, dates)


def _periods(parts: list[_Part], dates: list[dt.date]) -> DateRead:
    # "29 December to 3 January 2019": the left year was borrowed from the right, wrongly.
    for i in range(len(dates) - 1):
        crosses_new_year = dates[i].month > dates[i + 1].month
        if dates[i] > dates[i + 1] and parts[i].year_borrowed and crosses_new_year:
            try:
                dates[i] = dates[i].replace(year=dates[i].year - 1)
            except ValueError:  # 29 February of a year before a non-leap one
                return DateRead(problem=f"{dates[i]} moved a year back is not a calendar date")
    periods: list[Period] = []
    i = 0
    while i < len(dates):
        if i + 1 < len(dates) and parts[i + 1].join == "to":
            periods.append((dates[i], dates[i + 1]))
            i += 2
        else:
            periods.append((dates[i], dates[i]))
            i += 1
    for (start, end), nxt in zip(periods, [*periods[1:], None], strict=True):
        if start > end:
            return DateRead(problem=f"the start {start} is after the end {end}")
        if nxt is not None and nxt[0] <= end:
            return DateRead(problem=f"a period from {nxt[0]} starts before {end}")
    return DateRead(_merge_adjacent(periods))


def _merge_adjacent(periods: list[Period]) -> list[Period]:
    """'15 and 16 May': periods on consecutive days are one period."""
    merged: list[Period] = []
    for start, end in periods:
        if merged and (start - merged[-1][1]).days == 1:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
