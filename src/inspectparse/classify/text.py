"""Helpers to view a page's lines as text while keeping track of which line each char is from."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..document import Line


@dataclass(slots=True)
class LineText:
    """Lines joined with a separator, with the char offset where each line starts."""

    text: str
    lines: list[Line]
    starts: list[int]

    @classmethod
    def of(cls, lines: list[Line], sep: str = "\n") -> LineText:
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for line in lines:
            starts.append(pos)
            parts.append(line.text)
            pos += len(line.text) + len(sep)
        return cls(sep.join(parts), lines, starts)

    def lines_in(self, start: int, end: int) -> list[Line]:
        """The lines with text in [start, end).

        Found from the last line starting at or before `start`: no line before it reaches
        `start` (a scan of every line per match was quadratic in a long table)."""
        starts, lines = self.starts, self.lines
        out = []
        for k in range(max(bisect_right(starts, start) - 1, 0), len(lines)):
            s = starts[k]
            if s >= end:
                break
            if s + len(lines[k].text) > start:
                out.append(lines[k])
        return out


# The full stop of a name's abbreviation ("St. Helens", "Mt. Pleasant") ends no sentence: the
# metadata and grade-sentence patterns, which stop at a full stop, read it as this one-dot
# leader (one character for one, so spans stay put); `show_abbreviation_dots` puts it back.
_NAME_ABBREVIATIONS = ("St", "Mt")
_NAME_ABBREVIATION = re.compile(rf"\b({'|'.join(_NAME_ABBREVIATIONS)})\.(?=\s?[A-Z])")
_WITH_DOT = tuple(f"{a}." for a in _NAME_ABBREVIATIONS)
ABBREVIATION_DOT = "\u2024"


def hide_abbreviation_dots(text: str) -> str:
    """`text` with each name abbreviation's full stop as `ABBREVIATION_DOT`."""
    # Substring tests are far cheaper than the regex, and nearly every text has none (this
    # runs on every block a judgement sentence is looked for in).
    for abbreviation in _WITH_DOT:
        if abbreviation in text:
            return _NAME_ABBREVIATION.sub(rf"\1{ABBREVIATION_DOT}", text)
    return text


def show_abbreviation_dots(text: str) -> str:
    return text.replace(ABBREVIATION_DOT, ".")


# A list item's leading bullet as `clean` leaves it: "•", a sub-item's "–", or a plain "- ".
BULLET_PREFIX = re.compile(r"^(?:•|-|–)\s*")


def flat(text: str) -> str:
    """Whitespace runs to one space, ends stripped (split/join: a regex sub is far slower)."""
    return " ".join(text.split())


@cache
def label_regex(label: str) -> re.Pattern[str]:
    """A label pattern that tolerates any whitespace (wrapping) between its words."""
    return re.compile(label.replace(" ", r"\s+"), re.I)
