"""Figures about sets of rounds (draws/statistics.py), checked by hand."""

import datetime as dt

from draws.statistics import Gaps, recent_after

TODAY = dt.date(2026, 12, 3)


def day(text):
    return dt.date.fromisoformat(text)


def test_the_last_12_months_are_the_365_days_up_to_today():
    assert recent_after(TODAY) == day("2025-12-03")


def test_gaps_are_the_median_days_between_the_last_12_months_rounds():
    dates = [
        day("2026-11-24"),
        day("2026-10-20"),
        day("2026-11-10"),
        day("2026-10-27"),
        day("2026-10-27"),  # a second round that day: one day of rounds, not a gap of 0
        day("2025-12-01"),  # more than 12 months ago: no gap to it
    ]
    gaps = Gaps.of(dates, TODAY)
    # 20 Oct -> 27 Oct: 7 days; -> 10 Nov: 14; -> 24 Nov: 14.
    assert gaps == Gaps(
        recent_rounds=5, median_days=14, latest=day("2026-11-24"), days_since_latest=9
    )


def test_an_even_number_of_gaps_has_the_middle_two_for_median():
    gaps = Gaps.of([day("2026-11-01"), day("2026-11-08"), day("2026-11-22")], TODAY)
    assert gaps.median_days == 10.5  # gaps of 7 and 14


def test_a_stream_with_no_recent_round_still_says_how_long_ago_its_latest_was():
    gaps = Gaps.of([day("2020-08-06")], TODAY)
    assert gaps == Gaps(
        recent_rounds=0, median_days=None, latest=day("2020-08-06"), days_since_latest=2310
    )
    assert Gaps.of([], TODAY).latest is None


def test_gaps_per_stream_take_each_streams_latest_round_however_old():
    rows = [(1, day("2026-11-24")), (1, day("2026-11-10")), (1, day("2026-10-27"))]
    gaps = Gaps.per_stream(rows, {1: day("2026-11-24"), 2: day("2020-08-06")}, TODAY)
    assert gaps[1].median_days == 14
    assert gaps[1].days_since_latest == 9
    assert gaps[2] == Gaps(
        recent_rounds=0, median_days=None, latest=day("2020-08-06"), days_since_latest=2310
    )
