"""Dates and figures as the site writes them, whatever the server's locale."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma

from draws.formats import iso_date, long_date, short_date, thousands


def test_dates_read_day_month_year():
    day = dt.date(2026, 1, 21)
    assert long_date(day) == "21 January 2026"
    assert short_date(day) == "21 Jan 2026"
    assert iso_date(day) == "2026-01-21"
    assert long_date(dt.date(2025, 9, 3)) == "3 September 2025"
    assert short_date(dt.date(2025, 9, 3)) == "3 Sep 2025"
    assert iso_date(dt.date(987, 5, 4)) == "0987-05-04"


def test_a_moment_is_dated_in_utc_as_the_site_shows_times():
    # 23:30 in Ottawa on 28 October is already 29 October in UTC.
    moment = dt.datetime(2025, 10, 28, 23, 30, tzinfo=ZoneInfo("America/Toronto"))
    assert long_date(moment) == "29 October 2025"
    assert iso_date(moment) == "2025-10-29"


@pytest.mark.parametrize("missing", [None, ""])
def test_a_missing_date_is_left_blank(missing):
    assert long_date(missing) == short_date(missing) == iso_date(missing) == ""


@pytest.mark.parametrize(
    "value",
    [0, 5, 999, 1000, 6000, -1200, 1234567, 10**20, 480.5, Decimal("1234.50"), "6000", "abc", ""],
)
def test_thousands_writes_figures_as_intcomma_did(value):
    assert thousands(value) == intcomma(value)


def test_thousands_examples():
    assert thousands(6000) == "6,000"
    assert thousands(72714) == "72,714"
    assert thousands("not a number") == "not a number"
