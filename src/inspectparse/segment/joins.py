"""Joining wrapped and page-broken lines: where a sentence ends, and how two lines join."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..clean import Vocabulary

# A sentence ends in one of these, then maybe closing quotes/brackets and a footnote digit.
_SENTENCE_END = ".!?:;"
_CLOSERS = "\"'’”)]"
_LINE_END_HYPHEN = re.compile(r"([A-Za-z]{2,})-$")
# How much of a text's end (before its trailing space) a join reads: a block's text grows line
# by line, and reading or copying all of it at each line would be quadratic.
END_CHARS = 64


def is_terminal(text: str) -> bool:
    """Whether text ends a sentence: . ! ? : or ; then any closing quotes or brackets and at
    most one footnote digit.

    Looks only at the end: it runs on the block being built at every line, and a regex search
    anchored at `$` would scan the whole block each time.
    """
    end = text.rstrip()  # no copy when nothing trails
    if end[-1:].isdecimal():  # the footnote digit
        # Cut from the end only (a copy of a growing block's whole text at each line is
        # quadratic); all of it only where closers fill the cut.
        cut = end[-END_CHARS - 1 : -1].rstrip(_CLOSERS)
        end = cut if cut or len(end) <= END_CHARS + 1 else end[:-1].rstrip(_CLOSERS)
    else:
        end = end.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _SENTENCE_END


# Text that stops mid-phrase: a joining word, a verb awaiting its complement or a comma at
# its end ("... from the", "Children's services in", "... services are").
ENDS_MID_PHRASE = re.compile(
    r"(?:\b(?:the|a|an|of|to|and|or|for|in|on|at|by|with|from|that|as|their|its|are|is)|,)$",
    re.I,
)


# A line this short that ends no sentence reads as a title (a heading, a list's topic, a
# section read as text), not as a line of prose.
TITLE_MAX_CHARS = 80


def reads_as_title(text: str) -> bool:
    """Whether text is short and ends no sentence: a title, not prose."""
    return len(text) <= TITLE_MAX_CHARS and not is_terminal(text)


def join_lines(
    left: str, right: str, vocabulary: Vocabulary | Mapping[str, int] | None = None
) -> str:
    """Join two wrapped lines; drop a line-end hyphen only when the document proves it spurious.

    "multi-" + "agency" stays "multi-agency"; "reg-" + "ularly" becomes "regularly" only if the
    document also has "regularly" and never "reg-ularly" elsewhere (conservative: a wrong join
    destroys information, a kept hyphen does not).
    """
    left = left.rstrip()
    right = right.lstrip()
    if left.endswith("-") and (cut := _hyphen_cut(left, right, vocabulary)) is not None:
        return (left[:-1] if cut else left) + right
    return f"{left} {right}" if left else right


def join_edit(
    left: str, right: str, vocabulary: Vocabulary | Mapping[str, int] | None = None
) -> tuple[int, str]:
    """`join_lines` as an edit of `left`: how many characters to drop from its end, and the text
    to add after them.

    It reads only `left`'s trailing space and the `END_CHARS` characters before it, so a
    builder that keeps a long text in parts passes just its end and the edit is the same.
    """
    kept = left.rstrip()
    drop = len(left) - len(kept)
    right = right.lstrip()
    if kept.endswith("-") and (cut := _hyphen_cut(kept, right, vocabulary)) is not None:
        return drop + cut, right
    return drop, (" " + right if kept else right)


def _hyphen_cut(
    left: str, right: str, vocabulary: Vocabulary | Mapping[str, int] | None
) -> int | None:
    """For `left` ending in a hyphen: 1 to drop it and glue the words, 0 to keep it and glue
    them ("multi-agency"), None when this is no word broken at its hyphen (a space joins)."""
    # Only the tail matters: searching the whole (growing) block text would be quadratic.
    m = _LINE_END_HYPHEN.search(left[-END_CHARS:])
    if not (m and right[:1].islower()):
        return None
    head = m.group(1)
    tail = re.match(r"[A-Za-z]+", right)
    if tail and vocabulary is not None:
        fused = (head + tail.group()).lower()
        hyphenated = f"{head}-{tail.group()}".lower()
        if vocabulary.get(fused, 0) > 0 and vocabulary.get(hyphenated, 0) == 0:
            return 1
    return 0
