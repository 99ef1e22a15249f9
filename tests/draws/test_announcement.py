"""IRCC's announcement of a round read with plain strings: what is read, and what is not."""

import datetime as dt

from draws.announcement import DESCRIPTIONS, read_announcement

# Round #392 as IRCC announced it, copied from its page (the table is tab-separated).
ANNOUNCEMENT_392 = """\
#392 \u2013 January 21, 2026
Canadian Experience Class
Number of invitations issued: 6,000
Rank required to be invited to apply: 6,000 or above
Date and time of round: January 21, 2026 at 12:37:42 UTC
CRS score of lowest-ranked candidate invited: 509
Tie-breaking rule: October 29, 2025 at 04:35:24 UTC

Distribution of the CRS scores of candidates in the pool as of January 19, 2026
CRS score range\tNumber of candidates
601-1200\t677
501-600\t16,341
451-500\t72,714
491-500\t13,278
481-490\t12,942
471-480\t15,965
461-470\t15,320
451-460\t15,209
401-450\t66,836
441-450\t14,452
431-440\t14,571
421-430\t13,092
411-420\t12,863
401-410\t11,858
351-400\t53,221
301-350\t19,062
0-300\t8,269
Total\t237,120
"""

BANDS_392 = (
    (601, 1200, 677),
    (501, 600, 16341),
    (451, 500, 72714),
    (491, 500, 13278),
    (481, 490, 12942),
    (471, 480, 15965),
    (461, 470, 15320),
    (451, 460, 15209),
    (401, 450, 66836),
    (441, 450, 14452),
    (431, 440, 14571),
    (421, 430, 13092),
    (411, 420, 12863),
    (401, 410, 11858),
    (351, 400, 53221),
    (301, 350, 19062),
    (0, 300, 8269),
)

WITHOUT_THE_TABLE = ANNOUNCEMENT_392.split("\n\n")[0]

POOL_VALUES = [
    "the date of the pool's distribution",
    "the distribution's score bands",
    "the total candidates in the pool",
]


def utc(*parts):
    return dt.datetime(*parts, tzinfo=dt.UTC)


def test_round_392s_announcement_is_read_in_full():
    announcement = read_announcement(ANNOUNCEMENT_392)
    assert (announcement.number, announcement.suffix) == (392, "")
    assert announcement.date == dt.date(2026, 1, 21)
    assert announcement.round_name == "Canadian Experience Class"
    assert announcement.invitations == 6000
    assert announcement.crs_min == 509
    assert announcement.run_at == utc(2026, 1, 21, 12, 37, 42)
    assert announcement.tie_break == utc(2025, 10, 29, 4, 35, 24)
    assert announcement.pool_as_of == dt.date(2026, 1, 19)
    assert announcement.pool_bands == BANDS_392
    assert announcement.pool_total == 237120
    assert announcement.unread == ()


def test_an_announcement_without_the_table_lists_the_distribution_as_unread():
    announcement = read_announcement(WITHOUT_THE_TABLE)
    assert (announcement.number, announcement.crs_min) == (392, 509)
    assert announcement.tie_break == utc(2025, 10, 29, 4, 35, 24)
    assert (announcement.pool_as_of, announcement.pool_bands, announcement.pool_total) == (
        None,
        (),
        None,
    )
    assert list(announcement.unread) == POOL_VALUES


def test_odd_spacing_dashes_and_separators_are_read_the_same():
    text = (
        "  #392 —January 21 , 2026  \n"
        "\n"
        "Canadian   Experience Class\n"
        "Number of invitations issued :  6\u00a0000\n"
        "Date and time of round:January 21, 2026 at 12:37:42 UTC\n"
        "CRS score of lowest\u2011ranked candidate invited: 509\n"
        "Tie breaking rule:   October 29, 2025 at 04:35:24 UTC\n"
        "Distribution of the CRS scores of candidates in the pool as of January 19, 2026:\n"
        "CRS score range    Number of candidates\n"
        + "\n".join(
            f"{low}{dash}{high}   {count:,}"
            for (low, high, count), dash in zip(
                BANDS_392, [" \u2013 ", "-", " to ", " - ", "\u2013"] * 4, strict=False
            )
        )
        + "\nTotal:  237 120\n"
    )
    announcement = read_announcement(text)
    assert announcement == read_announcement(ANNOUNCEMENT_392)


def test_junk_is_read_as_nothing_and_everything_is_listed():
    announcement = read_announcement(
        "Dear editor,\nplease enter: the round\n# of invitations: many\n12-14 things\n"
    )
    assert list(announcement.unread) == list(DESCRIPTIONS.values())
    assert announcement.number is None
    assert announcement.round_name is None
    assert announcement.invitations is None
    assert announcement.pool_bands == ()
    assert read_announcement("").unread == announcement.unread


def test_a_figure_written_with_a_point_is_refused_not_read_as_six():
    text = ANNOUNCEMENT_392.replace("issued: 6,000", "issued: 6.000")
    announcement = read_announcement(text)
    assert announcement.invitations is None
    assert announcement.unread == ("the number of invitations",)
    assert announcement.crs_min == 509


def test_a_band_whose_count_cannot_be_read_is_named_and_left_out():
    text = ANNOUNCEMENT_392.replace("491-500\t13,278", "491-500\t13.278")
    announcement = read_announcement(text)
    assert (491, 500, 13278) not in announcement.pool_bands
    assert len(announcement.pool_bands) == 16
    assert announcement.unread == ("the candidates in 491-500",)


def test_without_its_number_line_the_round_is_dated_by_when_it_ran_in_ottawa():
    # Round #139 ran at 02:04 UTC on 19 March 2020, 22:04 on the 18th in Ottawa.
    text = (
        "Canadian Experience Class\n"
        "Number of invitations issued: 3,232\n"
        "Date and time of round: March 19, 2020 at 02:04:25 UTC\n"
        "CRS score of lowest-ranked candidate invited: 467\n"
        "Tie-breaking rule: March 16 at 14:55:35 UTC\n"
    )
    announcement = read_announcement(text)
    assert (announcement.number, announcement.suffix) == (None, None)
    assert announcement.date == dt.date(2020, 3, 18)
    assert announcement.round_name == "Canadian Experience Class"
    # Without its year, the tie-break takes the round's.
    assert announcement.tie_break == utc(2020, 3, 16, 14, 55, 35)
    assert list(announcement.unread) == ["the round's number", *POOL_VALUES]


def test_a_lettered_round_keeps_its_letter():
    text = ANNOUNCEMENT_392.replace("#392 \u2013 January 21, 2026", "#91a \u2013 May 30, 2018")
    announcement = read_announcement(text)
    assert (announcement.number, announcement.suffix, announcement.date) == (
        91,
        "a",
        dt.date(2018, 5, 30),
    )
