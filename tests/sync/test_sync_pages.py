"""How fresh the site says it is, /healthz/sync, and the sync's screens in the admin."""

import datetime as dt
import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from draws.models import Correction, Draw
from eeportal.pagecache.store import pages
from eeportal.sync.models import SyncConflict, SyncRun
from tests.conftest import HandClock
from tests.factories import make_draw
from tests.sync.feeds import feed_with, serve, sync

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def checked(minutes_ago, outcome=SyncRun.Outcome.UNCHANGED):
    finished = timezone.now() - dt.timedelta(minutes=minutes_ago)
    return SyncRun.objects.create(
        started_at=finished, finished_at=finished, source="test", outcome=outcome
    )


def test_every_page_says_when_the_feed_was_last_checked(client, history):
    assert "Not yet checked against IRCC's published rounds." in text(client.get("/about/"))
    run = checked(4)
    pages.clear_local()
    page = client.get("/about/").content.decode()
    assert "Checked against IRCC's published rounds" in page
    # HTML's datetime allows at most three digits of a second: the page gives whole seconds.
    shown = re.search(r'<time datetime="([^"]+)">4\xa0minutes ago</time>', page)[1]
    assert dt.datetime.strptime(shown, "%Y-%m-%dT%H:%M:%S%z") == run.finished_at.replace(
        microsecond=0
    )


def test_a_failed_check_is_not_a_check(client, history):
    checked(30)
    checked(1, outcome=SyncRun.Outcome.FAILED)
    assert "30\xa0minutes ago" in client.get("/about/").content.decode()


def test_the_home_page_says_how_many_days_since_the_latest_round(client, db):
    today = timezone.now().astimezone(dt.timezone(dt.timedelta(hours=-5))).date()
    make_draw(392, today - dt.timedelta(days=3))
    assert "The latest round was 3 days ago." in text(client.get("/"))


def test_no_cached_page_outlives_its_maximum_age(client, history, settings, monkeypatch):
    clock = HandClock()
    monkeypatch.setattr(pages, "clock", clock)
    client.get("/about/")
    checked(1)  # a check made behind the page cache's back: no new content version
    clock.advance(settings.PAGE_CACHE_MAX_AGE - 1)
    assert "Not yet checked" in text(client.get("/about/"))
    clock.advance(1)
    assert "Checked against IRCC's published rounds a minute ago." in text(client.get("/about/"))


def test_the_sync_status_is_for_monitoring_and_apart_from_the_health_check(client, db, settings):
    assert client.get("/healthz/sync").status_code == 503  # never checked
    checked(10)
    status = client.get("/healthz/sync")
    assert status.status_code == 200
    assert status.json()["status"] == "ok" and 590 <= status.json()["age_seconds"] <= 610
    checked(settings.IRCC_SYNC_STALE_AFTER // 60 + 1, outcome=SyncRun.Outcome.FAILED)
    SyncRun.objects.exclude(outcome=SyncRun.Outcome.FAILED).update(
        finished_at=timezone.now() - dt.timedelta(hours=3)
    )
    stale = client.get("/healthz/sync")
    assert stale.status_code == 503 and stale.json()["status"] == "stale"
    assert client.get("/healthz").status_code == 200  # the site itself is fine


def test_the_admin_lists_runs_and_says_plainly_when_checks_have_stopped(editor_client, db):
    url = reverse("admin:sync_syncrun_changelist")
    assert "has never been checked successfully" in text(editor_client.get(url))
    run = checked(0)
    SyncRun.objects.filter(pk=run.pk).update(finished_at=timezone.now() - dt.timedelta(hours=3))
    page = text(editor_client.get(url))
    assert "checks have stopped or are failing" in page
    checked(5)
    assert "checks have stopped" not in text(editor_client.get(url))


def test_check_irccs_feed_now_from_the_admin(editor_client, server, settings):
    settings.IRCC_FEED_URL = serve(server, "/feed.json", feed_with())
    response = editor_client.post(reverse("admin:sync_check_now"), follow=True)
    assert response.status_code == 200
    assert "Changes applied" in text(response)
    assert Draw.objects.filter(number=392).exists()


def test_a_feed_file_is_previewed_round_by_round_and_applied_on_confirmation(editor_client, server):
    sync(serve(server, "/feed.json", feed_with()))
    body = feed_with({"392": {"drawCRS": "508"}})
    upload = {"feed": _file(body)}

    preview = editor_client.post(reverse("admin:sync_preview"), upload)

    assert preview.status_code == 200
    page = text(preview)
    assert "0 new rounds, 1 corrected" in page and "#392" in page and "crs_min" in page
    assert Draw.objects.get_by_label("392").crs_min == 509  # nothing applied yet

    applied = editor_client.post(reverse("admin:sync_preview"), {"apply": "1"}, follow=True)
    assert applied.status_code == 200
    assert Draw.objects.get_by_label("392").crs_min == 508
    assert Correction.objects.get().after == 508


def _file(body):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("ee_rounds_123_en.json", body, content_type="application/json")


@pytest.mark.parametrize(
    ("action", "crs_min"), [("use_irccs_value", 508), ("keep_the_sites_value", 510)]
)
def test_an_editor_settles_a_conflict_either_way(editor_client, server, action, crs_min):
    sync(serve(server, "/feed.json", feed_with()))
    edited = Draw.objects.get_by_label("392")
    edited.crs_min = 510
    edited.save()
    sync(serve(server, "/feed.json", feed_with({"392": {"drawCRS": "508"}})))
    conflict = SyncConflict.objects.open().get()
    listing = text(editor_client.get(reverse("admin:sync_syncconflict_changelist")))
    assert "510" in listing and "508" in listing

    editor_client.post(
        reverse("admin:sync_syncconflict_changelist"),
        {"action": action, "_selected_action": [conflict.pk]},
    )

    assert Draw.objects.get_by_label("392").crs_min == crs_min
    assert not SyncConflict.objects.open().exists()
    # Settled: the same feed again raises nothing.
    sync(server.url("/feed.json"))
    assert not SyncConflict.objects.open().exists()
    assert Draw.objects.get_by_label("392").crs_min == crs_min


def test_an_anonymous_visitor_cannot_start_a_check(db):
    response = Client().post(reverse("admin:sync_check_now"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not SyncRun.objects.exists()


def test_the_status_answer_is_json(client, db):
    assert json.loads(client.get("/healthz/sync").content)["last_success"] is None
