"""Corrections shown to readers, and drafts an editor previews at their public address."""

import datetime as dt
import re

import feedparser
import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from draws.models import Correction, Draw
from tests.factories import change_url, form_data, make_draw, open_change_page

pytestmark = pytest.mark.django_db


def correct(client, draw, **changes):
    data = open_change_page(client, draw)
    data.update(changes)
    response = client.post(change_url(draw), data)
    assert response.status_code == 302, response.context and response.context["errors"]


def text(response):
    """The page's words, without its tags."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


@pytest.fixture
def visitor():
    """A reader who is not signed in (editor_client signs the `client` fixture in)."""
    return Client()


@pytest.fixture
def published_round(db):
    return make_draw(392, dt.date(2026, 1, 21), "cec", crs_min=516, invitations=6000)


def test_a_corrected_figure_is_told_on_the_round_page_the_list_the_api_and_the_feeds(
    editor_client, visitor, published_round
):
    correct(editor_client, published_round, crs_min="515")

    correction = Correction.objects.get()
    assert (correction.field, correction.before, correction.after) == ("crs_min", 516, 515)
    told = f"Corrected on {correction.corrected_at:%-d %B %Y}: minimum CRS 516, now 515."

    assert told in text(visitor.get("/draws/392/"))
    listed = text(visitor.get("/corrections/"))
    assert "#392" in listed and "Minimum CRS 516, now 515" in listed

    data = visitor.get("/api/draws/392/").json()
    assert data["corrections"] == [
        {
            "field": "crs_min",
            "before": 516,
            "after": 515,
            "corrected_at": correction.corrected_at.astimezone(dt.UTC)
            .isoformat()
            .replace("+00:00", "Z"),
        }
    ]

    atom = feedparser.parse(visitor.get("/feeds/draws/atom/").content)
    entry = next(e for e in atom.entries if e.link.endswith("/draws/392/"))
    assert entry.updated_parsed[:6] == correction.corrected_at.astimezone(dt.UTC).timetuple()[:6]
    rss = feedparser.parse(visitor.get("/feeds/draws/").content)
    assert "minimum CRS 516, now 515" in rss.entries[0].description


def test_every_kind_of_figure_is_a_correction_and_a_note_is_not(editor_client, published_round):
    correct(editor_client, published_round, notes="Fixed a typo.")
    assert not Correction.objects.exists()

    correct(
        editor_client,
        published_round,
        invitations="6,100",
        date="2026-01-22",
        tie_break="2025-10-29 05:00:00",
    )
    shown = {c.field: (c.before_shown, c.after_shown) for c in Correction.objects.all()}
    assert shown == {
        "invitations": ("6,000", "6,100"),
        "date": ("21 January 2026", "22 January 2026"),
        "tie_break": ("1 January 2026, 01:02:03 UTC", "29 October 2025, 05:00:00 UTC"),
    }


def test_changes_to_a_round_never_published_are_not_corrections(editor_client):
    draft = make_draw(393, dt.date(2026, 2, 4), "cec", crs_min=520, status=Draw.Status.DRAFT)
    correct(editor_client, draft, crs_min="519", status="draft")
    assert not Correction.objects.exists()
    draft.refresh_from_db()
    assert draft.published_at is None

    correct(editor_client, draft, status="published")
    draft.refresh_from_db()
    assert draft.published_at is not None
    correct(editor_client, draft, crs_min="518")
    assert Correction.objects.get().before == 519


def test_restoring_an_earlier_figure_is_a_correction_too(editor_client, visitor, published_round):
    correct(editor_client, published_round, notes="A first revision.")
    original = Version.objects.get_for_object(published_round).get()
    correct(editor_client, published_round, crs_min="515")

    url = reverse("admin:draws_draw_revision", args=[published_round.pk, original.pk])
    assert editor_client.post(url, form_data(editor_client.get(url))).status_code == 302

    assert [(c.before, c.after) for c in Correction.objects.newest_first()] == [
        (515, 516),
        (516, 515),
    ]
    assert "minimum CRS 515, now 516" in text(visitor.get("/draws/392/"))


def test_an_editor_previews_a_draft_marked_and_never_cached_or_listed(
    editor_client, visitor, history
):
    draft_url = history["393"].get_absolute_url()
    assert visitor.get(draft_url).status_code == 404

    preview = editor_client.get(draft_url)

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Draft: not public." in page
    assert '<meta name="robots" content="noindex">' in page
    assert preview["X-Robots-Tag"] == "noindex"
    assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    assert visitor.get(draft_url).status_code == 404  # nothing was stored for the public
    label = history["393"].label
    for public in ("/feeds/draws/", "/sitemap.xml", "/api/draws/", "/draws/export.csv"):
        assert f"/draws/{label}/" not in visitor.get(public).content.decode()


def test_a_published_round_stays_cacheable_when_an_editor_visits(editor_client, history):
    response = editor_client.get("/draws/392/")
    assert "Cookie" not in response.get("Vary", "")
    assert "Draft" not in response.content.decode()
