"""Facts read off regex source text, used to try per line only the patterns that can match."""

from __future__ import annotations

import re

# Inline flags and comments ("(?x:", "(?#"): a pattern using them is not looked into.
_INLINE_FLAGS = re.compile(r"\(\?[#aiLmsux-]")


def plain_first_letter(body: str) -> str | None:
    """The letter every match of `body` (matched from its start) begins with, where that is plain.

    Plain means `body` starts with an ASCII letter that no quantifier makes optional, and has no
    alternation ("|") outside its groups nor an unbalanced ")"; any other pattern, or one using
    inline flags or comments, gives None.
    """
    first, after = body[:1], body[1:2]
    if not (first.isascii() and first.isalpha()) or after in ("?", "*", "{"):
        return None
    if _INLINE_FLAGS.search(body):
        return None
    depth, i = 0, 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 1  # the escaped character is a literal
        elif c == "[":
            # A character class holds no groups: skip to its "]" (a "]" first in it is literal).
            i += 2 if body[i + 1 : i + 2] == "^" else 1
            i += 1 if body[i : i + 1] == "]" else 0
            while i < len(body) and body[i] != "]":
                i += 2 if body[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            return None
        i += 1
    return first


def may_start_with(letter: str | None, first: str) -> bool:
    """Whether a pattern whose `plain_first_letter` is `letter` can match text starting with
    `first` when compiled with re.I (compared as `re` compares: "ſ" is an "s")."""
    return letter is None or re.fullmatch(letter, first, re.I) is not None
