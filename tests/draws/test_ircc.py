"""IRCC's feed read with plain strings: every quirk the shipped file has, and bad values."""

import datetime as dt
import json

import pytest

from draws import ircc
from tests.factories import DATA, raw_round

SHIPPED_FEED = DATA / "ircc-ee-rounds-123-en.json"


def utc(*parts):
    return dt.datetime(*parts, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6,000", 6000),
        ("442", 442),
        ("237,120", 237120),
        ("6 000", 6000),
        ("6\u00a0000", 6000),
        (" 1,000 ", 1000),
    ],
)
def test_counts_are_read_with_their_separators(text, expected):
    assert ircc.parse_count(text) == expected


@pytest.mark.parametrize("text", ["", "six", "-5", "6.5", "1,0a0"])
def test_a_count_that_is_not_a_whole_number_is_refused(text):
    with pytest.raises(ValueError):
        ircc.parse_count(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("392", (392, "")), ("91a", (91, "a")), ("91B", (91, "b")), (" 1 ", (1, ""))],
)
def test_round_numbers_including_the_lettered_ones(text, expected):
    assert ircc.parse_draw_number(text) == expected


@pytest.mark.parametrize("text", ["", "0", "-3", "91ab", "abc", "3.5", "07"])
def test_a_round_number_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError):
        ircc.parse_draw_number(text)


ROUND_DATE = dt.date(2026, 8, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 29, 2025 at 04:35:24 UTC", utc(2025, 10, 29, 4, 35, 24)),
        ("July 3rd 2026 at 21:35:13 UTC", utc(2026, 7, 3, 21, 35, 13)),
        ("May 26 2025 at 12:28:38 UTC", utc(2025, 5, 26, 12, 28, 38)),
        ("March 02. 2024 at 01:58:34 UTC", utc(2024, 3, 2, 1, 58, 34)),
        ("May 19,2022 06:48:41 UTC", utc(2022, 5, 19, 6, 48, 41)),
        ("December 12, 2022, at 10:48:12 UTC", utc(2022, 12, 12, 10, 48, 12)),
        ("September 30, 2023 at 04:22:17 AM UTC", utc(2023, 9, 30, 4, 22, 17)),
        ("September 30, 2023 at 04:22:17 PM UTC", utc(2023, 9, 30, 16, 22, 17)),
        ("September 30, 2023 at 12:05:00 AM UTC", utc(2023, 9, 30, 0, 5, 0)),
        ("June 22, 2021 at 20:19:59 PM UTC", utc(2021, 6, 22, 20, 19, 59)),
        ("June 15, 2023 at 23:49:05", utc(2023, 6, 15, 23, 49, 5)),
        ("October 18, 2025 at  7:18:52 UTC", utc(2025, 10, 18, 7, 18, 52)),
        (" January 17, 2018 at 12:33:00 UTC", utc(2018, 1, 17, 12, 33, 0)),
        ("July 04, 2023 at 19:36:18 UTC ", utc(2023, 7, 4, 19, 36, 18)),
        ("April 13, 2026  at 23:10:05 UTC", utc(2026, 4, 13, 23, 10, 5)),
        ("May 21, 2026 at  12:14:09 UTC", utc(2026, 5, 21, 12, 14, 9)),
        ("September 05, 2025 at 0:59:13 UTC", utc(2025, 9, 5, 0, 59, 13)),
        ("January 23, 2025 at 2025-01-23 15:30:04 UTC", utc(2025, 1, 23, 15, 30, 4)),
    ],
)
def test_every_timestamp_form_ircc_has_written(text, expected):
    assert ircc.parse_timestamp(text, ROUND_DATE) == expected


def test_a_timestamp_without_a_year_takes_the_rounds_year():
    assert ircc.parse_timestamp("October 7 at 16:38:21 UTC", dt.date(2021, 10, 27)) == utc(
        2021, 10, 7, 16, 38, 21
    )


def test_a_timestamp_without_a_year_after_the_round_date_is_from_the_year_before():
    assert ircc.parse_timestamp("December 30 at 08:00:00 UTC", dt.date(2022, 1, 5)) == utc(
        2021, 12, 30, 8, 0, 0
    )


def test_a_timestamp_without_a_year_needs_a_round_date():
    with pytest.raises(ValueError, match="no year"):
        ircc.parse_timestamp("October 7 at 16:38:21 UTC", None)


@pytest.mark.parametrize("text", ["", "   "])
def test_a_blank_timestamp_means_unknown(text):
    assert ircc.parse_timestamp(text, ROUND_DATE) is None


@pytest.mark.parametrize(
    "text", ["yesterday", "Octember 7, 2025 at 10:00:00 UTC", "February 30, 2025 at 10:00:00 UTC"]
)
def test_a_timestamp_that_cannot_be_read_is_refused(text):
    with pytest.raises(ValueError):
        ircc.parse_timestamp(text, ROUND_DATE)


def test_round_392_reads_as_published():
    parsed = ircc.parse_round(raw_round())
    assert parsed.label == "392"
    assert parsed.date == dt.date(2026, 1, 21)
    assert parsed.invitations == 6000
    assert parsed.crs_min == 509
    assert parsed.tie_break == utc(2025, 10, 29, 4, 35, 24)
    assert parsed.run_at == utc(2026, 1, 21, 12, 37, 42)
    assert parsed.pool_as_of == dt.date(2026, 1, 19)
    assert parsed.pool_total == 237120
    assert len(parsed.pool_bands) == 17
    assert parsed.source_url.endswith("invitations.html?q=392")


def test_all_zero_bands_mean_no_distribution_was_published():
    zeros = {f"dd{i}": "0" for i in range(1, 19)}
    parsed = ircc.parse_round(raw_round(**zeros, drawDistributionAsOn="March 1, 2019"))
    assert parsed.pool_total is None
    assert parsed.pool_as_of is None
    assert parsed.pool_bands == ()


def test_bands_that_do_not_add_up_name_the_round_and_field():
    with pytest.raises(ircc.IrccFormatError, match=r"Round 392, field dd18: .*237,121"):
        ircc.parse_round(raw_round(dd18="237,121"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("drawSize", "lots"),
        ("drawSize", "0"),
        ("drawCRS", "1,500"),
        ("drawDate", "21/01/2026"),
        ("drawCutOff", "sometime"),
        ("drawCutOff", "January 25, 2026 at 10:00:00 UTC"),
        ("drawName", ""),
        ("drawNumber", "x1"),
        ("dd5", "n/a"),
    ],
)
def test_a_bad_value_names_the_round_and_field(field, value):
    with pytest.raises(ircc.IrccFormatError) as raised:
        ircc.parse_round(raw_round(**{field: value}))
    assert raised.value.field_name == field


def test_a_tie_break_on_the_evening_of_the_round_in_ottawa_is_accepted():
    # Round 139 is dated 18 March 2020 and ran at 02:04 UTC on the 19th (22:04 in Ottawa).
    parsed = ircc.parse_round(
        raw_round(
            drawDate="2020-03-18",
            drawDateTime="March 19, 2020 at 02:04:06 UTC",
            drawCutOff="March 19, 2020 at 02:04:06 UTC",
        )
    )
    assert parsed.tie_break == utc(2020, 3, 19, 2, 4, 6)


def test_band_nesting_follows_the_ranges():
    assert ircc.band_parents([(451, 500), (491, 500), (401, 450), (0, 300)]) == [
        None,
        0,
        None,
        None,
    ]


def test_a_round_listed_twice_is_refused():
    with pytest.raises(ircc.IrccFormatError, match="twice"):
        ircc.parse_feed({"rounds": [raw_round(), raw_round()]})


def test_a_file_without_rounds_is_refused():
    with pytest.raises(ircc.IrccFormatError):
        ircc.parse_feed([1, 2, 3])


def test_every_round_of_the_shipped_feed_reads_with_a_sound_tie_break():
    raw_rounds = json.loads(SHIPPED_FEED.read_text())["rounds"]
    parsed = ircc.parse_feed({"rounds": raw_rounds})
    assert len(parsed) == len(raw_rounds) == 435
    with_text = [raw for raw in raw_rounds if raw["drawCutOff"].strip()]
    with_tie_break = [round_ for round_ in parsed if round_.tie_break]
    # Nothing dropped: each round with a tie-break text has a tie-break instant.
    assert len(with_tie_break) == len(with_text) == 435 - 76
    for round_ in with_tie_break:
        assert round_.tie_break.tzinfo == dt.UTC
        assert round_.tie_break.astimezone(ircc.OTTAWA).date() <= round_.date
    assert [round_.date for round_ in parsed] == sorted(round_.date for round_ in parsed)
