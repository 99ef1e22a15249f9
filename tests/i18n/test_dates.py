"""French writes the first of a month "1er janvier 2026": in Python (eeportal/i18n/dates.py),
in every template's `date` filter, and so on the pages, feeds, descriptions and cards."""

import datetime as dt
import html
import re

import feedparser
import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.translation import gettext

from draws import cards, sharing
from eeportal.i18n.dates import date_format
from tests.factories import import_shipped_rounds

NBSP = "\u00a0"
FIRST_OF_OCTOBER = dt.date(2025, 10, 1)
# Round #253's tie-break, as IRCC gives it: "July 01, 2023 09:31:32 UTC".
TIE_BREAK_253 = dt.datetime(2023, 7, 1, 9, 31, 32, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "format", "english", "french"),
    [
        (FIRST_OF_OCTOBER, None, "1 October 2025", "1er octobre 2025"),
        (FIRST_OF_OCTOBER, "SHORT_DATE_FORMAT", f"1{NBSP}Oct 2025", "1er octobre 2025"),
        (FIRST_OF_OCTOBER, "MONTH_DAY_FORMAT", "October 1", "1er octobre"),
        (FIRST_OF_OCTOBER, "l j F", "Wednesday 1 October", "mercredi 1er octobre"),
        (
            TIE_BREAK_253,
            "DATETIME_FORMAT",
            "1 July 2023, 09:31:32",
            "1er juillet 2023 à 09 h 31 min 32 s",
        ),
        (dt.date(2026, 1, 21), None, "21 January 2026", "21 janvier 2026"),
        (dt.date(2026, 1, 31), None, "31 January 2026", "31 janvier 2026"),
        (dt.date(2026, 1, 11), None, "11 January 2026", "11 janvier 2026"),
        # Only a day written before a month's name is an ordinal: numbers, the zero-padded
        # day and an escaped "j" stay as Django writes them.
        (FIRST_OF_OCTOBER, "j/n/Y", "1/10/2025", "1/10/2025"),
        (FIRST_OF_OCTOBER, "Y-m-d", "2025-10-01", "2025-10-01"),
        (FIRST_OF_OCTOBER, "d F Y", "01 October 2025", "01 octobre 2025"),
        (FIRST_OF_OCTOBER, r"\j F", "j October", "j octobre"),
    ],
)
def test_the_first_of_a_month_is_1er_in_french_only(value, format, english, french):
    with translation.override("en"):
        assert date_format(value, format) == english
    with translation.override("fr"):
        assert date_format(value, format) == french


def test_every_templates_date_filter_writes_1er_without_loading_anything():
    template = Template('{{ d|date }} · {{ t|date:"DATETIME_FORMAT" }} · {{ t|date:"Y-m-d" }}')
    context = Context({"d": FIRST_OF_OCTOBER, "t": TIE_BREAK_253})
    with translation.override("fr"):
        assert template.render(context) == (
            "1er octobre 2025 · 1er juillet 2023 à 09 h 31 min 32 s · 2023-07-01"
        )
    with translation.override("en"):
        assert template.render(context) == "1 October 2025 · 1 July 2023, 09:31:32 · 2023-07-01"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # 03:00 UTC on 1 October is still 30 September in Toronto, 05:00 UTC is not.
        (dt.datetime(2025, 10, 1, 3, 0, tzinfo=dt.UTC), "30 septembre 2025, 23 h"),
        (dt.datetime(2025, 10, 1, 5, 0, tzinfo=dt.UTC), "1er octobre 2025, 01 h"),
    ],
)
def test_the_filter_converts_to_the_current_time_zone_before_writing_the_day(moment, expected):
    # As Django's own filter does (expects_localtime): the day is the one in that zone.
    template = Template(r'{{ t|date:"j F Y, H \h" }}')
    with translation.override("fr"), timezone.override("America/Toronto"):
        assert template.render(Context({"t": moment})) == expected


@pytest.mark.parametrize("value", [None, "", "2025-10-01", dt.time(9, 31)])
def test_the_filter_answers_odd_values_as_djangos_does(value):
    with translation.override("fr"):
        assert Template("{{ v|date }}").render(Context({"v": value})) == ""


@pytest.fixture
def rounds_on_the_first(tmp_path, db):
    """Two real rounds from IRCC's feed: #370 of 1 October 2025, and #253, whose tie-break
    is 1 July 2023."""
    return import_shipped_rounds(tmp_path, ["370", "253"])


def text(response):
    """The page's words, without its tags, entities decoded, spaces made one."""
    words = html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))
    return re.sub(r"[ \t\n]+", " ", words)


def test_a_french_round_page_dated_the_first_says_1er(client, rounds_on_the_first):
    assert rounds_on_the_first["370"].date == FIRST_OF_OCTOBER
    page = text(client.get("/fr/rondes/370/"))

    assert "Le 1er octobre 2025" in page
    assert "1 octobre" not in page


def test_a_french_tie_break_on_the_first_says_1er(client, rounds_on_the_first):
    assert rounds_on_the_first["253"].tie_break == TIE_BREAK_253
    page = text(client.get("/fr/rondes/253/"))

    assert "1er juillet 2023 à 09 h 31 min 32 s UTC" in page
    assert "avant le 1er juillet 2023 à 09 h 31 UTC" in page
    assert "1 juillet" not in page


def test_the_english_round_pages_keep_the_plain_day(client, rounds_on_the_first):
    assert "On 1 October 2025 IRCC invited" in text(client.get("/draws/370/"))
    assert "1 July 2023, 09:31:32 UTC" in text(client.get("/draws/253/"))


def test_the_french_feed_says_1er(client, rounds_on_the_first):
    feed = feedparser.parse(client.get("/fr/flux/rondes/").content)
    entries = {entry.link.rsplit("/", 2)[-2]: entry for entry in feed.entries}

    assert entries["370"].title.startswith("Ronde #370 (CEC) du 1er octobre 2025")
    assert (
        f"Règle de départage{NBSP}: profils soumis avant le 1er juillet 2023 à 09 h 31 min 32 s UTC"
        in entries["253"].summary
    )


def test_the_french_description_and_card_say_1er(client, rounds_on_the_first):
    page = client.get("/fr/rondes/370/").content.decode()
    description = re.search(r'<meta name="description" content="([^"]*)"', page)[1]
    card_alt = re.search(r'<meta property="og:image:alt" content="([^"]*)"', page)[1]

    assert "du 1er octobre 2025" in html.unescape(description)
    assert "1er octobre 2025" in html.unescape(card_alt)


def test_the_french_card_is_drawn_with_1er(client, rounds_on_the_first):
    draw = rounds_on_the_first["370"]
    with translation.override("fr"):
        drawn = {
            date: cards.render(
                eyebrow=gettext("Express Entry round #%(label)s · %(date)s")
                % {"label": "370", "date": date},
                title=draw.stream.translated("name"),
                figures=sharing.card_figures(draw),
                footer=gettext("%(site)s · figures from IRCC") % {"site": sharing.SITE_NAME},
            )
            for date in ("1er octobre 2025", "1 octobre 2025")
        }

    card = client.get("/fr/rondes/370/card.png").content
    assert card == drawn["1er octobre 2025"]
    assert card != drawn["1 octobre 2025"]
