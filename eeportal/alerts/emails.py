"""The alerts' emails: the confirmation, the "already subscribed" note, and a round's alert.

Each is plain text with an HTML alternative, from templates/alerts/email/, written in the
language the subscriber sent the form in (Subscriber.language), links to the site's pages in
that language included. Links are plain
links to the site: no tracking pixel, no redirect through a click counter. Every email to a
subscriber carries the one-click unsubscribe of RFC 8058 in its headers as well as its body.
"""

from dataclasses import dataclass
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from draws.models import Draw, earlier_than
from draws.statistics import Change


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


def round_alert(news, subscriber):
    """A subscriber's alert of a round. Its Message-ID is the same however many times it is
    made, so a mail system that sees it twice can tell it is one message."""
    with subscriber.speaking():
        return round_alert_in_active_language(news, subscriber)


def round_alert_in_active_language(news, subscriber):
    draw = news.draw
    context = {
        "draw": draw,
        "change": news.change,
        "round_url": news.url,
        "subscriber": subscriber,
        "score_met": subscriber.score_met(draw),
        **subscriber_links(subscriber),
    }
    subject = _("Express Entry round #%(label)s: %(stream)s, minimum CRS %(crs_min)s") % {
        "label": draw.label,
        "stream": draw.stream.translated("short_name"),
        "crs_min": intcomma(draw.crs_min),
    }
    message_id = f"<round-{draw.label}.subscriber-{subscriber.pk}@{message_domain()}>"
    return render_email(
        "round_alert",
        subject,
        subscriber.email,
        context,
        {"Message-ID": message_id, **unsubscribe_headers(subscriber)},
    )
