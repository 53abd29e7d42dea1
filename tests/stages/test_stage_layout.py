"""Load stage, engine-neutral layout: positioned words -> rows -> cells -> lines."""

from __future__ import annotations

from inspectparse.load.layout import Word, build_lines


def _w(text: str, x0: float, top: float, *, size: float = 10.0, font: str = "Arial") -> Word:
    width = 5.0 * len(text)
    return Word(text, x0, x0 + width, top, top + size, size, font, len(text.split()))


def test_rows_are_grouped_by_top_within_a_fraction_of_the_font_size() -> None:
    words = [
        _w("second", 40, 30.0),
        _w("world", 68, 12.0),  # 2 pt lower than "hello": the same row (tolerance 4.5 pt)
        _w("hello", 40, 10.0),
    ]
    lines = build_lines(words, 3)
    assert [ln.text for ln in lines] == ["hello world", "second"]
    assert [(ln.page, ln.index) for ln in lines] == [(3, 0), (3, 1)]
    assert lines[0].top == 10.0 and lines[0].bottom == 22.0  # the row's extent


def test_a_column_gap_splits_a_row_into_cells_but_not_after_a_list_marker() -> None:
    label, grade = _w("Leadership", 40, 100.0), _w("Good", 300, 100.0)
    marker, text = _w("12.", 40, 130.0), _w("Leaders act.", 100, 130.0)  # hanging indent
    lines = build_lines([label, grade, marker, text], 1)
    assert [ln.text for ln in lines] == ["Leadership", "Good", "12. Leaders act."]
    # Cells of one row share its gap flag; the second row stands apart from the first.
    assert [ln.gap_before for ln in lines] == [False, False, True]


def test_a_cell_takes_the_font_and_size_most_of_its_words_have() -> None:
    words = [
        _w("a b c", 40, 10.0, font="Arial-Bold", size=12.0),
        _w("d", 70, 10.0, font="Arial", size=10.0),
    ]
    (line,) = build_lines(words, 1)
    assert line.text == "a b c d"
    assert (line.font, line.bold, line.size) == ("Arial-Bold", True, 12.0)


def test_one_word_rows_round_coordinates_and_keep_no_empty_font() -> None:
    (line,) = build_lines([Word("Alone", 10.004, 40.006, 5.0, 15.0, 0.0, "")], 1)
    assert (line.x0, line.x1) == (10.0, 40.01)
    assert line.size is None and line.font is None and line.bold is None
    assert build_lines([], 1) == []
