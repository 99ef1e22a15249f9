"""The alerts' scheduled commands: the purge of unconfirmed addresses and the bounces."""

import datetime as dt
import io
import mailbox

from django.core.management import call_command
from django.utils import timezone

from eeportal.alerts.models import Subscriber


def test_unconfirmed_addresses_are_deleted_after_seven_days(db):
    now = timezone.now()
    old = Subscriber.objects.create(
        email="old@example.com", requested_at=now - dt.timedelta(days=8)
    )
    Subscriber.objects.create(email="recent@example.com", requested_at=now - dt.timedelta(days=6))
    confirmed = Subscriber.objects.create(
        email="kept@example.com", requested_at=now - dt.timedelta(days=300)
    )
    confirmed.confirm()
    out = io.StringIO()
    call_command("purge_unconfirmed_alerts", stdout=out)
    assert out.getvalue().strip() == "Deleted 1 unconfirmed address."
    assert not Subscriber.objects.filter(pk=old.pk).exists()
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "kept@example.com",
        "recent@example.com",
    ]


def delivery_report(address, action, status):
    """A bounce as mail servers write it (RFC 3464): multipart/report with a
    message/delivery-status part, one block per recipient."""
    return f"""From: MAILER-DAEMON@mx.example.net
To: alerts@eerounds.ca
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

This is the mail system at host mx.example.net.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; {address}
Action: {action}
Status: {status}

--b1--
""".encode()


def test_addresses_that_bounce_for_good_are_dropped_and_delays_are_not(db, tmp_path):
    for address in ("gone@example.com", "full@example.com", "fine@example.com"):
        Subscriber.objects.create(email=address)
    box = mailbox.Maildir(tmp_path / "bounces")
    box.add(delivery_report("Gone@Example.com", "failed", "5.1.1"))
    box.add(delivery_report("full@example.com", "delayed", "4.2.2"))
    box.add(b"From: someone@example.com\nSubject: a reply\n\nThanks for the alerts!\n")
    box.close()

    out = io.StringIO()
    call_command("process_bounces", str(tmp_path / "bounces"), stdout=out)

    assert out.getvalue().strip() == "Read 1 bounce report; dropped 1 address."
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "fine@example.com",
        "full@example.com",
    ]
    # The reports were taken out of the mailbox; the reply is left for a person to read.
    assert len(mailbox.Maildir(tmp_path / "bounces")) == 1
