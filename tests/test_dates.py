"""The date reader: every printed shape, impossible dates as a problem, never an exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from inspectparse.classify.dates import parse_periods, plain_day_numbers, read_periods

d = dt.date


def test_between_two_full_dates_is_one_period() -> None:
    # JTAI 2016-19: "Between D Month YYYY and D Month YYYY, Ofsted ... undertook".
    assert parse_periods("Between 3 May 2017 and 7 May 2017, the inspectorates") == [
        (d(2017, 5, 3), d(2017, 5, 7))
    ]
    assert parse_periods("Between 25 and 29 September 2017, four inspectorates") == [
        (d(2017, 9, 25), d(2017, 9, 29))
    ]


def test_from_to_with_a_year_on_each_side_is_not_cut_at_the_first_year() -> None:
    assert parse_periods("from 26 June 2023 to 3 July 2023. It was carried out") == [
        (d(2023, 6, 26), d(2023, 7, 3))
    ]


def test_on_the_days_of_a_month() -> None:
    assert parse_periods("on the 14 and 15 of March 2019") == [(d(2019, 3, 14), d(2019, 3, 15))]


def test_separate_days_stay_separate_periods() -> None:
    assert parse_periods("2 and 9 March 2020") == [
        (d(2020, 3, 2), d(2020, 3, 2)),
        (d(2020, 3, 9), d(2020, 3, 9)),
    ]


def test_a_span_over_new_year_takes_the_left_year_from_the_right() -> None:
    assert parse_periods("29 December to 3 January 2019") == [(d(2018, 12, 29), d(2019, 1, 3))]


def test_a_span_over_new_year_with_no_year_printed_takes_the_given_year_for_its_end() -> None:
    assert parse_periods("30 December to 2 January", default_year=2020) == [
        (d(2019, 12, 30), d(2020, 1, 2))
    ]
    # A printed year is not moved: this span is impossible as printed.
    assert read_periods("30 December 2020 to 2 January 2020").problem


def test_impossible_dates_are_a_problem_not_periods() -> None:
    for text in (
        "29 February 2023",  # no 29 February in 2023
        "31 April 2022",
        "12 to 8 October 2018",  # start after end
        "10 October 2019 to 2 October 2019",
        "1 January 0001",  # a year no report can have
        "01/01/0001 to 02/01/0001",
        "29 February to 1 January 2024",  # moving the left a year back lands on 29/2/2023
        "5 to 9 March 2020 and 7 to 12 March 2020",  # periods overlap
    ):
        read = read_periods(text)
        assert read.periods == [], text
        assert read.problem, text


def test_text_without_dates_is_neither_periods_nor_a_problem() -> None:
    read = read_periods("to be confirmed")
    assert (read.periods, read.problem) == ([], None)


_DATE_WORDS = st.sampled_from(
    [
        "29",
        "31",
        "0",
        "1",
        "February",
        "December",
        "Jan",
        "0001",
        "2023",
        "9999",
        "and",
        "to",
        "between",
        "from",
        "on the",
        "of",
        "–",
        ",",
        "/",
        "29/02/2023",
        "1st",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATE_WORDS, max_size=12), st.none() | st.integers(-5, 10000))
def test_any_run_of_date_words_never_raises(words: list[str], default_year: int | None) -> None:
    read = read_periods(" ".join(words), default_year=default_year)
    for start, end in read.periods:
        assert start <= end
    assert not (read.periods and read.problem)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.none() | st.integers(-5, 10000))
def test_any_text_never_raises(text: str, default_year: int | None) -> None:
    read_periods(text, default_year=default_year)


def test_weekday_names_before_day_numbers_are_dropped() -> None:
    assert plain_day_numbers("on Tuesday 5 and Wednesday 6 February 2019") == (
        "on 5 and 6 February 2019"
    )
    assert plain_day_numbers("Monday, 4th to Friday, 8th February") == "4 to 8 February"
    # A weekday name not before a day number stays.
    assert plain_day_numbers("visits on Tuesday mornings") == "visits on Tuesday mornings"
