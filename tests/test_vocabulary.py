"""The de-hyphenation vocabulary (`clean.Vocabulary`): "does this word occur whole in the
text?", answered by searching the text, or, once a text has asked many questions, from an
index of its words; both answers must be the same, whatever the text holds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspectparse import clean
from inspectparse.clean import Vocabulary
from inspectparse.document import Line
from inspectparse.segment.joins import join_lines

# Letters, hyphens and what bounds a word, with the characters where a letter test and a
# regex's letters part ways: a superscript digit, an accent, an apostrophe, a digit.
_CHARS = "abcAB-- \n'²é1.ñ"


def _vocabulary(
    text: str, *, searches_before_index: int, monkeypatch: pytest.MonkeyPatch
) -> Vocabulary:
    monkeypatch.setattr(clean, "_SEARCHES_BEFORE_INDEX", searches_before_index)
    return Vocabulary([Line(t, 1, i) for i, t in enumerate(text.split("\n"))])


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_CHARS, max_size=60),
    queries=st.lists(st.text(alphabet="abAé-²1'", min_size=1, max_size=5), max_size=12),
)
def test_the_index_answers_as_the_search_does(text: str, queries: list[str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        searched = _vocabulary(text, searches_before_index=10**9, monkeypatch=mp)
        indexed = _vocabulary(text, searches_before_index=0, monkeypatch=mp)
        for word in queries:
            assert indexed.get(word) == searched.get(word), (text, word)


@pytest.mark.parametrize("searches_before_index", [0, 10**9])
def test_a_whole_word_is_found_and_a_part_of_one_is_not(
    searches_before_index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Partners work regularly.\nThe multi-agency team met.\nA note² on reviews, and café."
    vocabulary = _vocabulary(
        text, searches_before_index=searches_before_index, monkeypatch=monkeypatch
    )
    assert vocabulary.get("regularly") == 1
    assert vocabulary.get("Regularly") == 1  # case-blind
    assert vocabulary.get("agency") == 0  # only inside "multi-agency"
    assert vocabulary.get("multi-agency") == 1
    assert vocabulary.get("note") == 1  # a footnote mark after it is no letter
    assert vocabulary.get("café") == 1
    assert vocabulary.get("review") == 0  # only inside "reviews"
    assert vocabulary.get("absent", -1) == -1


def test_a_long_text_asks_its_index_not_the_text_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of line-end hyphens: past the first searches, answers come from the index."""
    monkeypatch.setattr(clean, "_SEARCHES_BEFORE_INDEX", 2)
    lines = [Line(f"the service prevention{n} and regularly", 1, n) for n in range(50)]
    vocabulary = Vocabulary(lines)
    searched: list[str] = []

    class CountingText(str):
        def find(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            searched.append(args[0])
            return super().find(*args, **kwargs)

    vocabulary.get("regularly")  # the first query makes the text; it is searched
    vocabulary._text = CountingText(vocabulary._text or "")
    for n in range(20):
        assert (
            join_lines("teams work reg-", "ularly with", vocabulary) == "teams work regularly with"
        )
        vocabulary.get(f"word{chr(97 + n)}x")  # a new word each time
    assert len(searched) <= 2, searched
