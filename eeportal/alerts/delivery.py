"""A round's fan-out: list its recipients once, then send each of them one message.

Exactly once per subscriber and round rests on two things. Planning writes one Delivery row
per recipient, unique on (subscriber, alert), so planning twice adds nothing. Sending takes
one unsent row at a time, locked (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, so
workers never wait on one another; SQLite lets one writer in at a time), hands the message
to the SMTP server and marks the row sent in the same transaction. A worker killed at any
point leaves its row unsent and unlocked (the database drops a dead connection's locks) for
another worker; a message counts as delivered only once the server has answered 250 to it,
so the only window for a duplicate is between that answer and the commit, one message
wide. All rows of a pass share one SMTP connection.

An SMTP server that refuses or cannot be reached stops the pass and pauses the whole alert
(the server is down for every recipient, not just this one) for an exponential backoff,
BACKOFF_SECONDS doubling with each failure in a row up to BACKOFF_MAX_SECONDS; the log says
so, and the task is queued again for then (README, Round alerts). The first message sent
after that ends the pause.
"""

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from draws.models import Draw
from eeportal.alerts import emails
from eeportal.alerts.models import Delivery, RoundAlert, Subscriber

logger = logging.getLogger(__name__)

# The moment sending and backoff are measured on; tests move it.
clock = timezone.now
BACKOFF_SECONDS = 60
BACKOFF_MAX_SECONDS = 60 * 60
PLAN_BATCH = 5000


def backoff(failures):
    """Seconds to wait after `failures` failures in a row: 1, 2, 4 ... minutes, at most an
    hour. Never given up: the messages wait for the server to come back."""
    return min(BACKOFF_SECONDS * 2 ** (failures - 1), BACKOFF_MAX_SECONDS)


def plan(alert_id):
    """List the alert's recipients as Delivery rows, once; the number listed, or None when
    the round is not published (any more): nothing is planned, nothing sent."""
    with transaction.atomic():
        alert = RoundAlert.objects.select_for_update().select_related("draw").get(pk=alert_id)
        if alert.planned_at is not None:
            return alert.recipients
        if alert.draw.status != Draw.Status.PUBLISHED:
            return None
        # Those who had confirmed when the round was announced: an address confirmed later
        # is not sent a round older than its subscription.
        recipients = (
            Subscriber.objects.wanting(alert.draw)
            .filter(confirmed_at__lte=alert.created_at)
            .values_list("pk", flat=True)
        )
        now = clock()
        rows = (
            Delivery(alert=alert, subscriber_id=pk, next_attempt_at=now)
            for pk in recipients.iterator(chunk_size=PLAN_BATCH)
        )
        Delivery.objects.bulk_create(rows, batch_size=PLAN_BATCH, ignore_conflicts=True)
        alert.recipients = alert.deliveries.count()
        alert.planned_at = now
        alert.save(update_fields=["recipients", "planned_at"])
    logger.info("Round #%s: %d alerts to send", alert.draw.label, alert.recipients)
    return alert.recipients


@dataclass
class Outcome:
    sent: int = 0
    dropped: int = 0
    retry_at: dt.datetime | None = None


def deliver(alert_id):
    """Send the alert's due deliveries until none is left or the server fails; an Outcome."""
    outcome = Outcome()
    alert = RoundAlert.objects.filter(pk=alert_id).select_related("draw__stream").first()
    if alert is None:
        return outcome
    if alert.paused_until is not None and alert.paused_until > clock():
        outcome.retry_at = alert.paused_until
        return outcome
    draw, news = alert.draw, None
    connection = get_connection()
    try:
        while True:
            with transaction.atomic():
                delivery = (
                    Delivery.objects.due(clock())
                    .filter(alert_id=alert_id)
                    .select_related("subscriber")
                    .select_for_update(skip_locked=True, of=("self",))
                    .order_by("pk")
                    .first()
                )
                if delivery is None:
                    return outcome
                news = news or emails.RoundNews.of(draw)
                message = emails.round_alert(news, delivery.subscriber)
                try:
                    # Opened once for the pass (open() is a no-op when it is open already);
                    # left to send_messages, each message would have a connection of its own.
                    connection.open()
                    connection.send_messages([message])
                except smtplib.SMTPRecipientsRefused as error:
                    retry_at = drop_refused(delivery, error)
                    if retry_at is None:
                        outcome.dropped += 1
                    else:
                        outcome.retry_at = min(outcome.retry_at or retry_at, retry_at)
                    continue
                except (smtplib.SMTPException, OSError) as error:
                    outcome.retry_at = pause(alert, delivery, error)
                    return outcome
                delivery.sent_at = clock()
                delivery.attempts += 1
                delivery.save(update_fields=["sent_at", "attempts"])
                outcome.sent += 1
                if alert.failures:
                    RoundAlert.objects.filter(pk=alert.pk).update(failures=0, paused_until=None)
                    alert.failures = 0
    finally:
        connection.close()
        logger.info(
            "Round #%s: %d alerts sent, %d addresses refused in this pass",
            draw.label,
            outcome.sent,
            outcome.dropped,
        )


def pause(alert, delivery, error):
    """Note the failed attempt and pause the alert's sending; the moment it resumes."""
    delivery.attempts += 1
    delivery.last_error = f"{type(error).__name__}: {error}"[:300]
    delivery.save(update_fields=["attempts", "last_error"])
    # Read again: another worker may have failed meanwhile.
    failures = RoundAlert.objects.filter(pk=alert.pk).values_list("failures", flat=True).get() + 1
    resume_at = clock() + dt.timedelta(seconds=backoff(failures))
    RoundAlert.objects.filter(pk=alert.pk).update(failures=failures, paused_until=resume_at)
    logger.warning(
        "Round #%s: the SMTP server did not take an alert (%s); failure %d in a row, "
        "sending stops and resumes at %s",
        alert.draw.label,
        delivery.last_error,
        failures,
        resume_at.isoformat(),
    )
    return resume_at


def drop_refused(delivery, error):
    """An address the server refuses for good (5xx) bounces: it is dropped, as a bounce
    report would drop it (bounces.py), and None returned. A temporary refusal (4xx) is
    tried again later: when is returned."""
    codes = [code for code, _ in error.recipients.values()]
    if codes and all(500 <= code < 600 for code in codes):
        logger.warning("An alert address was refused for good (%s): unsubscribed", codes)
        delivery.subscriber.delete()
        return
    delivery.attempts += 1
    delivery.next_attempt_at = clock() + dt.timedelta(seconds=backoff(delivery.attempts))
    delivery.last_error = f"refused {codes}"
    delivery.save(update_fields=["attempts", "next_attempt_at", "last_error"])
    return delivery.next_attempt_at


def pending_alert_ids(now):
    """Alerts with a delivery due, or published rounds' alerts never planned: for the sweep."""
    due = Delivery.objects.due(now).order_by().values_list("alert_id", flat=True).distinct()
    unplanned = RoundAlert.objects.filter(
        planned_at__isnull=True, draw__status=Draw.Status.PUBLISHED
    ).values_list("pk", flat=True)
    return sorted(set(due) | set(unplanned))
