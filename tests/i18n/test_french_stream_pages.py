"""The streams' pages, the pool, the API page and the timeline in French: what the French
walker (tests/site/test_french.py) cannot tell, that the French is the right French, with
figures localized, French addresses and the editors' French where there is some."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from draws.models import Stream
from draws.templatetags.draws_extras import days_ago
from eeportal.i18n.templatetags.translated import translated
from eeportal.timeline.models import TimelineEvent
from tests.factories import add_distribution, make_draw

pytestmark = pytest.mark.django_db


def test_a_stream_page_in_french(client, history):
    page = client.get("/fr/volets/cec/").content.decode()

    assert (
        "<title>Rondes \u2013 Catégorie de l&#x27;expérience canadienne\u00a0: dernière note "
        "minimale du SCG 509 · Rondes d'Entrée express</title>"
    ) in page
    assert "<h1>Rondes d'invitations \u2013 Catégorie de l&#x27;expérience canadienne</h1>" in page
    assert "Note minimale du SCG de chaque ronde \u2013 CEC" in page  # the chart's title
    assert "La note limite de chaque ronde \u2013 Catégorie de l&#x27;expérience canadienne" in page
    assert "<title>21 janvier 2026\u00a0: note minimale du SCG 509</title>" in page
    assert 'href="/fr/flux/volets/cec/">RSS</a>' in page
    assert "la dernière a eu lieu " in page  # how often its rounds came


def test_the_same_stream_page_in_english_is_as_it_was(client, history):
    page = client.get("/streams/cec/").content.decode()

    assert "<h1>Canadian Experience Class rounds</h1>" in page
    assert "Minimum CRS score of each CEC round" in page
    assert "<title>21 January 2026: minimum CRS 509</title>" in page
    assert "the latest was " in page


def test_days_ago_in_both_languages():
    with translation.override("fr"):
        assert [days_ago(0), days_ago(1), days_ago(1200)] == [
            "aujourd'hui",
            "hier",
            "il y a 1\u00a0200 jours",
        ]
    with translation.override("en"):
        assert [days_ago(0), days_ago(1), days_ago(1200)] == [
            "today",
            "yesterday",
            "1,200 days ago",
        ]


def test_translated_shows_the_english_where_there_is_no_french_field_yet():
    event = TimelineEvent(date=dt.date(2017, 6, 6), title="The tie-breaking rule")
    stream = Stream(name="Canadian Experience Class", name_fr="Catégorie de l'expérience")
    with translation.override("fr"):
        assert translated(event, "title") == "The tie-breaking rule"
        assert translated(stream, "name") == "Catégorie de l'expérience"
        assert stream.translated("standing") == stream.standing
        assert stream.lacks_translation("standing")


def test_a_category_version_in_french_has_ircc_french_name_or_only_its_version(client):
    make_draw(
        252,
        dt.date(2023, 6, 28),
        "healthcare",
        round_name="Healthcare occupations (Version 1)",
        round_name_fr="Professions de la santé (version 1)",
    )
    make_draw(500, dt.date(2026, 3, 4), "healthcare", round_name="Healthcare, 2026-Version 2")

    page = client.get("/fr/categories/").content.decode()

    assert '<span class="muted">(Professions de la santé (version 1))</span>' in page
    # No French name from IRCC yet: the version alone, never IRCC's English name.
    assert "<li><strong>2026-Version 2</strong>\u00a0: une ronde" in page
    assert "Healthcare, 2026" not in page
    assert "une ronde, <time" in page


def test_the_pool_in_french(client, history):
    latest = make_draw(450, timezone.localdate() - dt.timedelta(days=3), "cec")
    add_distribution(latest, latest.date, [(451, 500, 1234), (491, 500, 200), (481, 490, 300)])

    page = client.get("/fr/bassin/").content.decode()

    assert "Le bassin par tranche de notes du SCG, de la plus récente à la plus ancienne" in page
    assert "Dans la tranche 451\u2013500\u00a0: toutes les répartitions" in page
    assert "1\u00a0234 candidats se trouvaient dans le bassin" in page


def test_the_api_page_gives_the_french_addresses(client, history):
    page = client.get("/fr/api/").content.decode()

    assert "/fr/api/rondes/?page_size=10" in page
    assert "<code>/fr/flux/volets/&lt;slug&gt;/</code>" in page
    assert "<code>/fr/volets/&lt;slug&gt;/</code>" in page
    assert "(de 0 à 1\u00a0200)" in page
    english = client.get("/api/").content.decode()
    assert "<code>/feeds/streams/&lt;slug&gt;/</code>" in english
    assert "(0 to 1,200)" in english
