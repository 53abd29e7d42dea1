"""How soon the inspectors want an item acted on, as data: `Urgency`.

Reports print a timescale as free text ("Immediately", "Within three months", "within 6
months"), or none at all where the list's heading says it ("Priority and immediate action",
"Areas for priority action"). `urgency` reads both onto one scale, so "every immediate
recommendation" is one query. The printed `timescale` stays in the record beside it.

Pure functions over (timescale text, list heading, item kind); the assembly stage applies them
to every recommendation it builds.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

__all__ = ["PRIORITY_HEADING", "URGENCIES", "Urgency", "read_timescale", "urgency"]

# The scale, soonest first: the record's field, `search --urgency` and the SQLite column.
Urgency = Literal["immediate", "within_3_months", "within_6_months", "unspecified"]
URGENCIES: tuple[Urgency, ...] = get_args(Urgency)

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty-eight": 28,
    "thirty": 30,
}
_IMMEDIATE = re.compile(r"^\W*(?:immediate(?:ly)?|with immediate effect|at once|now)\b", re.I)
_WITHIN = re.compile(
    rf"\b(?:within|in|over|during)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?"
    rf"(?P<n>\d{{1,3}}|{'|'.join(sorted(_NUMBERS, key=len, reverse=True))})\s+"
    r"(?P<unit>days?|weeks?|months?)\b",
    re.I,
)
# The heading of a list whose items are all to be acted on at once. The item kind
# `priority_action` (the profiles' name for these lists) says the same when a heading is cut.
PRIORITY_HEADING = re.compile(
    r"\bpriority\s+and\s+immediate\s+actions?\b|\bareas?\s+for\s+priority\s+actions?\b", re.I
)
# Days a unit stands for, and the longest delay (in days) each step of the scale takes.
_DAYS = {"day": 1, "week": 7, "month": 31}
_SCALE: tuple[tuple[int, Urgency], ...] = (
    (0, "immediate"),
    (3 * 31, "within_3_months"),
    (6 * 31, "within_6_months"),
)


def read_timescale(timescale: str | None) -> Urgency | None:
    """The urgency a printed timescale states; None when there is none or it is not on the scale.

    "Immediately" is `immediate`; "Within three months", "within 6 weeks", "within 28 days" are
    `within_3_months` (due within three months); "Within six months" is `within_6_months`.
    A longer delay ("within 12 months") or a wording without a delay ("by March") is None.
    """
    if not timescale or not timescale.strip():
        return None
    if _IMMEDIATE.search(timescale):
        return "immediate"
    m = _WITHIN.search(timescale)
    if m is None:
        return None
    word = m.group("n").lower()
    count = int(word) if word.isdigit() else _NUMBERS[word]
    days = count * _DAYS[m.group("unit").lower().rstrip("s")]
    return next((step for limit, step in _SCALE if days <= limit), None)


def urgency(timescale: str | None, heading: str | None = None, kind: str | None = None) -> Urgency:
    """One item's urgency: its printed timescale, else its list's priority heading.

    A printed timescale the scale knows wins; an item under "Priority and immediate action" or
    "Areas for priority action" (or of kind `priority_action`) is otherwise `immediate`;
    anything else is `unspecified` (never guessed).
    """
    stated = read_timescale(timescale)
    if stated is not None:
        return stated
    if kind == "priority_action" or (heading and PRIORITY_HEADING.search(heading)):
        return "immediate"
    return "unspecified"
