"""A round's alert rendered once per variant and filled in per subscriber is the alert a full
render of the templates gives that subscriber: as an email for any backend, and as the
bytes sent over SMTP."""

import datetime as dt
import email
from email import policy

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core import signing
from django.utils.translation import gettext as _

from eeportal.alerts import emails
from eeportal.alerts.models import Subscriber
from tests.alerts.conftest import html_of, text_of
from tests.factories import make_draw


def full_render(news, subscriber):
    """The alert as the templates give it with the subscriber's own context: the reference."""
    with subscriber.speaking():
        return full_render_in_active_language(news, subscriber)


def full_render_in_active_language(news, subscriber):
    draw = news.draw
    context = {
        "draw": draw,
        "change": news.change,
        "round_url": news.url,
        "subscriber": subscriber,
        "score_met": subscriber.score_met(draw),
        "manage_url": emails.absolute(subscriber.get_manage_url()),
        "unsubscribe_url": emails.absolute(subscriber.get_unsubscribe_url()),
    }
    subject = _("Express Entry round #%(label)s: %(stream)s, minimum CRS %(crs_min)s") % {
        "label": draw.label,
        "stream": draw.stream.translated("short_name"),
        "crs_min": intcomma(draw.crs_min),
    }
    headers = {
        "Message-ID": f"<round-{draw.label}.subscriber-{subscriber.pk}@eerounds.example>",
        "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return emails.render_email("round_alert", subject, subscriber.email, context, headers)


@pytest.fixture
def news(db, settings, monkeypatch):
    settings.SITE_URL = "https://eerounds.example"
    # Tokens carry the second they were made: one second for the reference and the fill.
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: "1kzY7a")
    make_draw(399, dt.date(2025, 11, 20), "cec", crs_min=520, invitations=2500)
    draw = make_draw(400, dt.date(2025, 12, 4), "cec", crs_min=505, invitations=3000)
    return emails.RoundNews.of(draw)


SUBSCRIBERS = [
    ("no-score@example.com", None, "en"),  # no score given
    ("high@example.com", 1200, "en"),  # met, with a thousands separator
    ("low@example.com", 480, "en"),  # not met
    ("bas@example.com", 480, "fr"),  # not met, in French
    ("o'brien+alerts@example.com", 505, "en"),  # met exactly; the fast path leaves it alone
    ("haut@example.com", 1200, "fr"),  # met, "1 200": the fast path leaves it alone too
]


@pytest.mark.parametrize(("address", "score", "language"), SUBSCRIBERS)
def test_each_variant_filled_in_is_the_full_render(news, address, score, language):
    subscriber = Subscriber.objects.create(
        email=address, all_streams=True, score=score, language=language
    )
    reference = full_render(news, subscriber)

    made = emails.RoundAlertMail(news).message(subscriber)

    assert made.subject == reference.subject
    assert made.to == reference.to
    assert made.body == reference.body
    assert made.alternatives == reference.alternatives
    assert made.extra_headers == reference.extra_headers
    with subscriber.speaking():
        assert subscriber.get_unsubscribe_url() in made.body
    assert (("Your score" if language == "en" else "Votre note") in made.body) == (
        score is not None
    )


@pytest.mark.parametrize(("address", "score", "language"), SUBSCRIBERS[:4])
def test_the_smtp_bytes_are_the_full_render_s_message(news, address, score, language):
    subscriber = Subscriber.objects.create(
        email=address, all_streams=True, score=score, language=language
    )
    reference = email.message_from_bytes(
        full_render(news, subscriber).message().as_bytes(linesep="\r\n"), policy=policy.default
    )

    sender, recipients, data = emails.RoundAlertMail(news).smtp_message(subscriber)
    sent = email.message_from_bytes(data, policy=policy.default)

    assert recipients == [address]
    assert sender == reference["From"]
    for header in ("Subject", "From", "To", "Message-ID", "List-Unsubscribe"):
        assert sent[header] == reference[header], header
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent["Date"].datetime is not None
    assert text_of(sent) == text_of(reference)
    assert html_of(sent) == html_of(reference)
    assert b"eeportal-slot" not in data


def test_one_mail_serves_every_subscriber_of_a_variant(news):
    mail = emails.RoundAlertMail(news)
    first = Subscriber.objects.create(email="first@example.com", all_streams=True, score=600)
    second = Subscriber.objects.create(email="second@example.com", all_streams=True, score=700)

    assert "Your score of 600 met it" in text_of(
        email.message_from_bytes(mail.smtp_message(first)[2], policy=policy.default)
    )
    assert "Your score of 700 met it" in mail.message(second).body
    assert list(mail.variants) == [("en", True)]


def test_an_address_that_needs_encoding_takes_the_full_email(news):
    subscriber = Subscriber.objects.create(email="o'brien@example.com", all_streams=True)

    assert emails.RoundAlertMail(news).smtp_message(subscriber) is None
