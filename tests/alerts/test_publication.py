"""Which rounds are announced: new ones, first published by any path; never the history
loaded by import_rounds or by a sync catching up."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from draws.models import Draw
from eeportal.alerts.models import RoundAlert, Subscriber
from tests.alerts.conftest import TODAY_IN_OTTAWA
from tests.factories import DATA, make_draw
from tests.sync.feeds import FEED, feed_with, new_round, serve, sync

HISTORY = [DATA / "ircc-ee-rounds-123-en.json", DATA / "rounds-after-2026-08-07.json"]


@pytest.fixture
def everyone(db):
    return Subscriber.objects.create(
        email="candidate@example.com", all_streams=True, confirmed_at=timezone.now()
    )


def announced():
    return sorted(RoundAlert.objects.values_list("draw__number", flat=True))


def test_importing_the_whole_history_announces_only_the_rounds_of_the_last_days(
    everyone, inbox, clock, django_capture_on_commit_callbacks
):
    # The day after the history's last round (19 August 2026, in Ottawa).
    clock.now = dt.datetime(2026, 8, 20, 15, 0, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_rounds", *HISTORY, stdout=io.StringIO())
    recent = Draw.objects.filter(date__gte=dt.date(2026, 8, 17))
    assert Draw.objects.count() > 400
    assert announced() == sorted(recent.values_list("number", flat=True))
    assert len(inbox.messages) == recent.count() == 3


def test_a_sync_catching_up_announces_only_the_new_round(
    everyone,
    inbox,
    clock,
    feed_server,
    django_capture_on_commit_callbacks,
):
    clock.now = dt.datetime(2026, 9, 3, 15, 0, tzinfo=dt.UTC)
    name = next(r["drawName"] for r in FEED["rounds"] if r["drawNumber"] == "434")
    feed = feed_with(extra=[new_round(436, name)])  # dated 2 September 2026
    with django_capture_on_commit_callbacks(execute=True):
        sync(serve(feed_server, "/feed.json", feed))
    assert Draw.objects.count() > 40
    assert announced() == [436]
    assert [m["Subject"].split(":")[0] for m in inbox.messages] == ["Express Entry round #436"]


def test_a_round_saved_as_a_draft_is_announced_when_published(
    everyone, inbox, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draw = make_draw(900, TODAY_IN_OTTAWA, status=Draw.Status.DRAFT)
    assert announced() == []
    clock.advance(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        draw.status = Draw.Status.PUBLISHED
        draw.save()
    assert announced() == [900]
    assert len(inbox.messages) == 1


def test_an_old_round_entered_today_is_not_announced(
    everyone, inbox, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_draw(900, TODAY_IN_OTTAWA - dt.timedelta(days=4))
    assert announced() == []
    assert inbox.messages == []


def test_today_is_ottawas_not_utcs(everyone, inbox, clock, django_capture_on_commit_callbacks):
    # 02:00 UTC on 7 December is still 6 December in Ottawa: a round dated 3 December is
    # three days old there, new enough; at 05:00 UTC it is four, too old.
    clock.now = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        make_draw(900, dt.date(2026, 12, 3))
    clock.now = dt.datetime(2026, 12, 7, 5, 0, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        make_draw(901, dt.date(2026, 12, 3))
    assert announced() == [900]
