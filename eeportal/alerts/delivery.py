"""A round's fan-out: list its recipients once, then send each of them one message.

Exactly once per subscriber and round rests on two things. Planning writes one Delivery row
per recipient, unique on (subscriber, alert), so planning twice adds nothing. Sending takes
one unsent row at a time and marks it sent in one statement (an UPDATE whose row comes from
SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, so workers never wait on one another;
SQLite lets one writer in at a time), hands the message to the SMTP server and commits; if
the server does not take it, the same transaction puts the row back. A worker killed at any
point before the commit leaves its row unsent and unlocked (the database rolls back a dead
connection's transaction) for another worker; a message counts as delivered only once the
server has answered 250 to it, so the only window for a duplicate is between that answer
and the commit, one message wide. All rows of a pass share one SMTP connection, and the
commits do not wait for the disk (commits_without_waiting_for_disk).

An SMTP server that refuses or cannot be reached stops the pass and pauses the whole alert
(the server is down for every recipient, not just this one) for an exponential backoff,
BACKOFF_SECONDS doubling with each failure in a row up to BACKOFF_MAX_SECONDS; the log says
so, and the task is queued again for then (README, Round alerts). The first message sent
after that ends the pause.
"""

import datetime as dt
import logging
import smtplib
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from draws.models import Draw
from eeportal.alerts import emails
from eeportal.alerts.models import Delivery, RoundAlert, Subscriber

logger = logging.getLogger(__name__)

# The moment sending and backoff are measured on; tests move it.
clock = timezone.now
BACKOFF_SECONDS = 60
BACKOFF_MAX_SECONDS = 60 * 60


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
            .values("pk")
        )
        now = clock()
        # One statement, the rows never leaving the database; a second plan adds nothing.
        select, params = recipients.query.get_compiler(using=recipients.db).as_sql()
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO alerts_delivery"
                " (alert_id, subscriber_id, attempts, next_attempt_at, last_error)"
                " SELECT %s, recipient.id, 0, %s, '' FROM alerts_subscriber AS recipient"
                f" WHERE recipient.id IN ({select})"
                " ON CONFLICT DO NOTHING",
                (alert.pk, connection.ops.adapt_datetimefield_value(now), *params),
            )
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


# Take the next due delivery of an alert and mark it sent, in one statement; the caller's
# transaction keeps it locked while the message goes out, and undoes the mark if it fails.
# The row's lock is FOR UPDATE SKIP LOCKED on PostgreSQL (added below); SQLite lets one
# writer in at a time, so there the statement alone is enough.
CLAIM = """
UPDATE alerts_delivery SET sent_at = %(now)s, attempts = attempts + 1
WHERE id = (
    SELECT delivery.id FROM alerts_delivery AS delivery
    JOIN alerts_roundalert AS alert ON alert.id = delivery.alert_id
    JOIN draws_draw AS draw ON draw.id = alert.draw_id
    WHERE delivery.alert_id = %(alert)s AND delivery.sent_at IS NULL
        AND delivery.next_attempt_at <= %(now)s
        AND (alert.paused_until IS NULL OR alert.paused_until <= %(now)s)
        AND draw.status = %(published)s
    ORDER BY delivery.id LIMIT 1 {lock}
)
RETURNING id, attempts, subscriber_id,
    (SELECT email FROM alerts_subscriber WHERE alerts_subscriber.id = subscriber_id),
    (SELECT score FROM alerts_subscriber WHERE alerts_subscriber.id = subscriber_id),
    (SELECT language FROM alerts_subscriber WHERE alerts_subscriber.id = subscriber_id)
"""
UNDO = """
UPDATE alerts_delivery SET sent_at = NULL, next_attempt_at = %(next)s, last_error = %(error)s
WHERE id = %(id)s
"""


def claim_statement():
    lock = "FOR UPDATE OF delivery SKIP LOCKED" if connection.vendor == "postgresql" else ""
    return CLAIM.format(lock=lock)


@contextmanager
def commits_without_waiting_for_disk():
    """On PostgreSQL, each delivery's commit returns before its record reaches the disk
    (synchronous_commit off, for this connection while it sends): a commit per message
    without a flush per message. A database crash (not a worker's) can lose the last
    fraction of a second of marks, whose messages would go out again (README)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        except DatabaseError:
            # A broken connection is closed by Django and takes the setting with it.
            pass


def deliver(alert_id):
    """Send the alert's due deliveries until none is left or the server fails; an Outcome."""
    outcome = Outcome()
    alert = RoundAlert.objects.filter(pk=alert_id).select_related("draw__stream").first()
    if alert is None:
        return outcome
    if alert.paused_until is not None and alert.paused_until > clock():
        outcome.retry_at = alert.paused_until
        return outcome
    draw, mail = alert.draw, None
    backend = get_connection()
    claim = claim_statement()
    adapt = connection.ops.adapt_datetimefield_value
    try:
        with commits_without_waiting_for_disk():
            while True:
                now = clock()
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(
                        claim,
                        {"now": adapt(now), "alert": alert_id, "published": Draw.Status.PUBLISHED},
                    )
                    row = cursor.fetchone()
                    if row is None:
                        return outcome
                    delivery_id, attempts, subscriber_id, address, score, language = row
                    subscriber = Subscriber(
                        pk=subscriber_id, email=address, score=score, language=language
                    )
                    mail = mail or emails.RoundAlertMail(emails.RoundNews.of(draw))
                    try:
                        send(backend, mail, subscriber)
                    except smtplib.SMTPRecipientsRefused as error:
                        retry_at = drop_refused(cursor, delivery_id, attempts, subscriber, error)
                        if retry_at is None:
                            outcome.dropped += 1
                        else:
                            outcome.retry_at = min(outcome.retry_at or retry_at, retry_at)
                        continue
                    except (smtplib.SMTPException, OSError) as error:
                        outcome.retry_at = pause(cursor, alert, delivery_id, error)
                        return outcome
                    outcome.sent += 1
                    if alert.failures:
                        RoundAlert.objects.filter(pk=alert.pk).update(failures=0, paused_until=None)
                        alert.failures = 0
    finally:
        backend.close()
        logger.info(
            "Round #%s: %d alerts sent, %d addresses refused in this pass",
            draw.label,
            outcome.sent,
            outcome.dropped,
        )


def send(backend, mail, subscriber):
    """Hand `subscriber`'s alert to the mail backend. Over SMTP the message's bytes go
    straight to the server; other backends (the console, tests' outbox) take an email."""
    # Opened once for the pass (open() is a no-op when it is open already); left to
    # send_messages, each message would have a connection of its own.
    backend.open()
    prepared = mail.smtp_message(subscriber) if isinstance(backend, SmtpBackend) else None
    if prepared is None:
        backend.send_messages([mail.message(subscriber)])
    else:
        backend.connection.sendmail(*prepared)


def pause(cursor, alert, delivery_id, error):
    """Put the delivery back unsent, note the error and pause the alert's sending; the
    moment it resumes."""
    last_error = f"{type(error).__name__}: {error}"[:300]
    cursor.execute(UNDO, {"id": delivery_id, "next": adapt_now(), "error": last_error})
    # Read again: another worker may have failed meanwhile.
    failures = RoundAlert.objects.filter(pk=alert.pk).values_list("failures", flat=True).get() + 1
    resume_at = clock() + dt.timedelta(seconds=backoff(failures))
    RoundAlert.objects.filter(pk=alert.pk).update(failures=failures, paused_until=resume_at)
    logger.warning(
        "Round #%s: the SMTP server did not take an alert (%s); failure %d in a row, "
        "sending stops and resumes at %s",
        alert.draw.label,
        last_error,
        failures,
        resume_at.isoformat(),
    )
    return resume_at


def drop_refused(cursor, delivery_id, attempts, subscriber, error):
    """An address the server refuses for good (5xx) bounces: it is dropped, as a bounce
    report would drop it (bounces.py), and None returned. A temporary refusal (4xx) is
    tried again later: when is returned."""
    codes = [code for code, _ in error.recipients.values()]
    if codes and all(500 <= code < 600 for code in codes):
        logger.warning("An alert address was refused for good (%s): unsubscribed", codes)
        Subscriber.objects.filter(pk=subscriber.pk).delete()
        return
    next_attempt_at = clock() + dt.timedelta(seconds=backoff(attempts))
    cursor.execute(
        UNDO,
        {
            "id": delivery_id,
            "next": connection.ops.adapt_datetimefield_value(next_attempt_at),
            "error": f"refused {codes}",
        },
    )
    return next_attempt_at


def adapt_now():
    return connection.ops.adapt_datetimefield_value(clock())


def pending_alert_ids(now):
    """Alerts with a delivery due, or published rounds' alerts never planned: for the sweep."""
    due = Delivery.objects.due(now).order_by().values_list("alert_id", flat=True).distinct()
    unplanned = RoundAlert.objects.filter(
        planned_at__isnull=True, draw__status=Draw.Status.PUBLISHED
    ).values_list("pk", flat=True)
    return sorted(set(due) | set(unplanned))
