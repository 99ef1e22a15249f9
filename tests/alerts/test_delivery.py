"""Sending a round's alerts to a real SMTP server: who hears, retries when the server refuses
or is down, no second alert for a correction, none for a round withdrawn before sending."""

import datetime as dt
import io
import logging

from django.core.management import call_command
from django.utils import timezone

from draws.models import Correction, Draw, Stream
from eeportal.alerts.models import Delivery, RoundAlert, Subscriber
from tests.alerts.conftest import NOW, TODAY_IN_OTTAWA, text_of
from tests.factories import make_draw
from tests.servers import free_port


def subscriber(address, streams=(), score=None, confirmed=True):
    person = Subscriber.objects.create(
        email=address,
        all_streams=not streams,
        score=score,
        confirmed_at=timezone.now() if confirmed else None,
    )
    person.streams.set(Stream.objects.filter(slug__in=streams))
    return person


def publish_new_round(capture, **fields):
    with capture(execute=True):
        return make_draw(900, TODAY_IN_OTTAWA, "cec", crs_min=505, **fields)


def sweep(capture):
    with capture(execute=True):
        call_command("send_pending_alerts", stdout=io.StringIO())


def test_each_subscriber_whose_choices_match_gets_one_alert(
    db, inbox, clock, django_capture_on_commit_callbacks
):
    subscriber("every@example.com")
    subscriber("cec@example.com", streams=["cec"])
    subscriber("fsw@example.com", streams=["fsw"])
    subscriber("low-score@example.com", streams=["cec"], score=500)
    subscriber("high-score@example.com", streams=["cec", "fsw"], score=510)
    subscriber("unconfirmed@example.com", confirmed=False)

    publish_new_round(django_capture_on_commit_callbacks)

    assert sorted(m["To"] for m in inbox.messages) == [
        "cec@example.com",
        "every@example.com",
        "high-score@example.com",
    ]
    [high] = inbox.to("high-score@example.com")
    assert "Your score of 510 met it" in text_of(high)
    assert "Your score" not in text_of(inbox.to("every@example.com")[0])
    assert "The first round of this stream." in text_of(high)


def test_a_refusing_server_is_retried_with_backoff_and_nothing_is_lost(
    db, inbox, clock, caplog, django_capture_on_commit_callbacks
):
    for n in range(3):
        subscriber(f"candidate{n}@example.com")
    inbox.refusing = True
    with caplog.at_level(logging.WARNING, logger="eeportal.alerts"):
        publish_new_round(django_capture_on_commit_callbacks)
        assert inbox.messages == []
    assert "the SMTP server did not take an alert" in caplog.text
    assert "451" in caplog.text and "failure 1 in a row" in caplog.text
    first_retry = NOW + dt.timedelta(minutes=1)
    assert f"resumes at {first_retry.isoformat()}" in caplog.text
    # One try, then the whole alert waits: the server is down for everyone.
    assert Delivery.objects.pending().count() == 3
    assert sorted(Delivery.objects.values_list("attempts", flat=True)) == [0, 0, 1]

    clock.advance(seconds=59)
    sweep(django_capture_on_commit_callbacks)  # not due yet: not even tried
    assert sum(Delivery.objects.values_list("attempts", flat=True)) == 1

    clock.advance(seconds=1)
    with caplog.at_level(logging.WARNING, logger="eeportal.alerts"):
        sweep(django_capture_on_commit_callbacks)  # still refused: the wait doubles
    assert "failure 2 in a row" in caplog.text
    assert RoundAlert.objects.get().paused_until == first_retry + dt.timedelta(minutes=2)

    inbox.refusing = False
    clock.advance(minutes=2)
    sweep(django_capture_on_commit_callbacks)
    assert sorted(m["To"] for m in inbox.messages) == [
        f"candidate{n}@example.com" for n in range(3)
    ]
    sweep(django_capture_on_commit_callbacks)
    assert len(inbox.messages) == 3
    assert not Delivery.objects.pending().exists()


def test_a_server_that_is_down_is_retried_once_it_is_back(
    db, inbox, clock, settings, caplog, django_capture_on_commit_callbacks
):
    subscriber("candidate@example.com")
    listening_port, settings.EMAIL_PORT = settings.EMAIL_PORT, free_port()
    with caplog.at_level(logging.WARNING, logger="eeportal.alerts"):
        publish_new_round(django_capture_on_commit_callbacks)
    assert "ConnectionRefusedError" in caplog.text

    settings.EMAIL_PORT = listening_port
    clock.advance(minutes=1)
    sweep(django_capture_on_commit_callbacks)
    assert [m["To"] for m in inbox.messages] == ["candidate@example.com"]


def test_a_correction_sends_nothing_more(db, inbox, clock, django_capture_on_commit_callbacks):
    subscriber("candidate@example.com")
    draw = publish_new_round(django_capture_on_commit_callbacks)
    assert len(inbox.messages) == 1

    with django_capture_on_commit_callbacks(execute=True):
        draw.crs_min = 503
        draw.save()
    sweep(django_capture_on_commit_callbacks)
    assert Correction.objects.filter(draw=draw).exists()
    assert len(inbox.messages) == 1


def test_a_round_set_back_to_draft_before_its_alerts_went_out_sends_none(
    db, inbox, clock, django_capture_on_commit_callbacks
):
    subscriber("candidate@example.com")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        draw = make_draw(900, TODAY_IN_OTTAWA, "cec")
    draw.status = Draw.Status.DRAFT
    draw.save()
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()
    sweep(django_capture_on_commit_callbacks)
    assert inbox.messages == []
    assert not Delivery.objects.exists()


def test_an_address_refused_for_good_is_dropped(
    db, inbox, clock, django_capture_on_commit_callbacks
):
    subscriber("gone@example.com")
    subscriber("candidate@example.com")
    inbox.refused_addresses = {"gone@example.com"}
    publish_new_round(django_capture_on_commit_callbacks)
    assert [m["To"] for m in inbox.messages] == ["candidate@example.com"]
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["candidate@example.com"]
