"""The alerts' emails: the confirmation, the "already subscribed" note, and a round's alert.

Each is plain text with an HTML alternative, from templates/alerts/email/, written in the
language the subscriber sent the form in (Subscriber.language), links to the site's pages in
that language included. Links are plain
links to the site: no tracking pixel, no redirect through a click counter. Every email to a
subscriber carries the one-click unsubscribe of RFC 8058 in its headers as well as its body.
"""

import re
from dataclasses import dataclass
from email.utils import formatdate, make_msgid
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from draws.models import Draw, earlier_than
from draws.statistics import Change
from eeportal.alerts.models import MANAGE_SALT


def site_origin():
    """Where links in emails point: emails are made outside any request."""
    return settings.SITE_URL or "http://127.0.0.1:8000"


def message_domain():
    return urlsplit(site_origin()).hostname or "localhost"


def absolute(path):
    return site_origin() + path


def unsubscribe_headers(subscriber):
    return {
        "List-Unsubscribe": f"<{absolute(subscriber.get_unsubscribe_url())}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def render_email(template, subject, to, context, headers):
    context = {**context, "site_url": site_origin()}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"alerts/email/{template}.txt", context),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"alerts/email/{template}.html", context), "text/html"
    )
    return message


def subscriber_links(subscriber):
    return {
        "manage_url": absolute(subscriber.get_manage_url()),
        "unsubscribe_url": absolute(subscriber.get_unsubscribe_url()),
    }


def confirmation(subscriber):
    """The double opt-in link, to an address that has not confirmed yet."""
    with subscriber.speaking():
        return render_email(
            "confirm",
            _("Confirm your Express Entry round alerts"),
            subscriber.email,
            {"confirm_url": absolute(subscriber.get_confirm_url()), "subscriber": subscriber},
            {"Message-ID": make_msgid("confirm", domain=message_domain())},
        )


def already_subscribed(subscriber):
    """To a confirmed address someone asked to subscribe again: nothing is changed by the
    form (it could be anyone), the owner is given the link to change the choices."""
    with subscriber.speaking():
        return render_email(
            "already_subscribed",
            _("You already receive Express Entry round alerts"),
            subscriber.email,
            {"subscriber": subscriber, **subscriber_links(subscriber)},
            {
                "Message-ID": make_msgid("subscribed", domain=message_domain()),
                **unsubscribe_headers(subscriber),
            },
        )


@dataclass(frozen=True)
class RoundNews:
    """What every subscriber's alert of one round shares, read once per sending pass."""

    draw: Draw
    change: Change | None

    @property
    def url(self):
        """The round's page in the active language (the subscriber's, while its alert is
        written)."""
        return absolute(self.draw.get_absolute_url())

    @classmethod
    def of(cls, draw):
        previous = (
            Draw.objects.published()
            .for_stream(draw.stream)
            .filter(earlier_than(draw.date, draw.number, draw.suffix))
            .newest_first()
            .first()
        )
        return cls(draw=draw, change=Change.between(draw, previous))


# Stand-ins rendered where one subscriber's alert differs from another's. Letters and
# hyphens only, none the start of another: no template filter (intcomma leaves a word
# alone), no HTML escaping, no URL quoting and no MIME header encoding changes them, so
# each is found again verbatim in the rendered text, HTML and message bytes.
TOKEN_SLOT = "eeportal-slot-token"
SCORE_SLOT = "eeportal-slot-score"
SUBSCRIBER_SLOT = "eeportal-slot-subscriber"
ADDRESS_SLOT = "eeportal-slot-address@slot.invalid"
DATE_SLOT = "eeportal-slot-date"

# Addresses whose envelope and To header are the address itself, unchanged by
# sanitize_address: the fast path's condition (others take the full one).
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")


@dataclass(frozen=True)
class Variant:
    """A round's alert rendered for one value of score_met, with the stand-ins in it."""

    subject: str
    text: str
    html: str
    headers: dict
    mime: bytes  # the whole message as sent over SMTP
    envelope_from: str


class RoundAlertMail:
    """A round's alert for any subscriber. The templates are rendered once per variant
    (the subscriber's language; score met, not met, none given) with stand-ins where
    subscribers differ (the links' token, the score, the Message-ID, the address), and each
    subscriber's message is that variant with its own values put in: one template render per
    round and language instead of two per message, and over SMTP the MIME message is built
    once too. The alert is the same, byte for byte in its parts, as a full render for the
    subscriber (tests/alerts)."""

    def __init__(self, news):
        self.news = news
        self.variants = {}

    def variant(self, subscriber):
        key = (subscriber.language, subscriber.score_met(self.news.draw))
        if key not in self.variants:
            with subscriber.speaking():
                self.variants[key] = self.render(key[1])
        return self.variants[key]

    def render(self, score_met):
        """The variant for `score_met` in the active language, links included."""
        draw = self.news.draw
        context = {
            "draw": draw,
            "change": self.news.change,
            "round_url": self.news.url,
            "subscriber": SimpleNamespace(score=SCORE_SLOT),
            "score_met": score_met,
            "manage_url": absolute(reverse("alerts:manage", args=[TOKEN_SLOT])),
            "unsubscribe_url": absolute(reverse("alerts:unsubscribe", args=[TOKEN_SLOT])),
        }
        subject = _("Express Entry round #%(label)s: %(stream)s, minimum CRS %(crs_min)s") % {
            "label": draw.label,
            "stream": draw.stream.translated("short_name"),
            "crs_min": intcomma(draw.crs_min),
        }
        headers = {
            "Message-ID": f"<round-{draw.label}.subscriber-{SUBSCRIBER_SLOT}@{message_domain()}>",
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        message = render_email(
            "round_alert", subject, ADDRESS_SLOT, context, {**headers, "Date": DATE_SLOT}
        )
        return Variant(
            subject=subject,
            text=message.body,
            html=message.alternatives[0].content,
            headers=headers,
            mime=message.message().as_bytes(linesep="\r\n"),
            envelope_from=sanitize_address(message.from_email, settings.DEFAULT_CHARSET),
        )

    def values(self, subscriber):
        """What goes in place of each stand-in for `subscriber`, in its language."""
        with subscriber.speaking():
            score = "" if subscriber.score is None else intcomma(subscriber.score)
        return (
            (TOKEN_SLOT, subscriber.token(MANAGE_SALT)),
            (SCORE_SLOT, score),
            (SUBSCRIBER_SLOT, str(subscriber.pk)),
        )

    def message(self, subscriber):
        """The alert as an email, for any mail backend. Its Message-ID is the same however
        many times it is made, so a mail system that sees it twice can tell it is one."""
        variant = self.variant(subscriber)
        values = self.values(subscriber)
        message = EmailMultiAlternatives(
            subject=variant.subject,
            body=fill(variant.text, values),
            to=[subscriber.email],
            headers={name: fill(value, values) for name, value in variant.headers.items()},
        )
        message.attach_alternative(fill(variant.html, values), "text/html")
        return message

    def smtp_message(self, subscriber):
        """(envelope sender, recipients, bytes) ready for smtplib, or None when the
        address or the score need encoding (then `message` is the way)."""
        values = self.values(subscriber)
        if not PLAIN_ADDRESS.fullmatch(subscriber.email) or not values[1][1].isascii():
            return None
        variant = self.variant(subscriber)
        values += (
            (ADDRESS_SLOT, subscriber.email),
            (DATE_SLOT, formatdate(localtime=settings.EMAIL_USE_LOCALTIME)),
        )
        data = variant.mime
        for slot, value in values:
            data = data.replace(slot.encode(), value.encode())
        return variant.envelope_from, [subscriber.email], data


def fill(text, values):
    for slot, value in values:
        text = text.replace(slot, value)
    return text
