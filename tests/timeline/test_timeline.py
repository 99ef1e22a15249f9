"""/timeline/: the dated rule changes, each with IRCC's source, kept by editors; the stream
charts mark them (issue 16)."""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from eeportal.timeline.models import TimelineEvent
from tests.factories import form_data, make_draw

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


def test_the_timeline_lists_each_rule_change_on_its_day_with_its_source(client):
    response = client.get("/timeline/")
    page = text(response)
    days = [
        "19 November 2016",
        "6 June 2017",
        "27 October 2020",
        "28 June 2023",
        "25 March 2025",
        "18 February 2026",
    ]
    assert [page.index(day) for day in days] == sorted(page.index(day) for day in days)
    assert "Job offers no longer earn points" in page
    assert "the tie-breaking rule" in page
    markup = response.content.decode()
    for event in TimelineEvent.objects.all():
        assert f'<a href="{html.escape(event.source_url)}">' in markup
        assert f'id="{event.anchor}"' in markup


def test_the_stream_chart_marks_the_rule_changes_within_its_dates(client):
    make_draw(100, dt.date(2016, 1, 6), "general", crs_min=461)
    make_draw(300, dt.date(2024, 4, 23), "general", crs_min=529)
    page = client.get("/streams/general/").content.decode()
    chart = page[page.index('<svg class="chart"') : page.index("</svg>")]
    assert chart.count('class="chart-event"') == 4  # 2016, 2017, 2020 and 2023
    assert "<title>25 March 2025" not in chart
    assert "<title>19 November 2016: Job offers worth far less; points for study in Canada" in chart
    assert '<ol class="chart-events">' in page
    assert (
        '<li><time datetime="2023-06-28">28 June 2023</time>: The first category-based rounds</li>'
        in page
    )


def test_an_event_an_editor_adds_appears_on_the_timeline_and_the_charts(editor_client, client):
    make_draw(400, dt.date(2026, 3, 1), "cec")
    make_draw(401, dt.date(2026, 11, 20), "cec")
    # Both pages are cached first: saving the event must retire them.
    assert "A new points factor" not in text(client.get("/timeline/"))
    assert "A new points factor" not in text(client.get("/streams/cec/"))
    url = reverse("admin:timeline_timelineevent_add")
    data = form_data(editor_client.get(url))
    data.update(
        date="2026-11-03",
        title="A new points factor",
        what_changed="IRCC added points for work in high-wage occupations.",
        source_title="Comprehensive Ranking System criteria",
        source_url="https://www.canada.ca/en/immigration-refugees-citizenship/services/"
        "immigrate-canada/express-entry/check-score/crs-criteria.html",
    )
    assert editor_client.post(url, data).status_code == 302
    assert "A new points factor" in text(client.get("/timeline/"))
    assert "<title>3 November 2026: A new points factor</title>" in (
        client.get("/streams/cec/").content.decode()
    )


def test_an_event_needs_an_official_source(editor_client):
    url = reverse("admin:timeline_timelineevent_add")
    data = form_data(editor_client.get(url))
    data.update(
        date="2026-11-03",
        title="Hearsay",
        what_changed="Reported by a blog.",
        source_title="A blog",
        source_url="https://example.org/express-entry-news",
    )
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "official Government of Canada page" in refused.content.decode()
    assert not TimelineEvent.objects.filter(title="Hearsay").exists()


def test_editors_keep_the_timeline_and_only_superusers_delete(editor):
    assert editor.has_perms(["timeline.add_timelineevent", "timeline.change_timelineevent"])
    assert not editor.has_perm("timeline.delete_timelineevent")
