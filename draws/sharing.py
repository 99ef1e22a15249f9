"""What a shared link shows: card images, share links, descriptions and structured data."""

import hashlib
import json
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from draws import cards
from eeportal.pagecache.store import shared_cache

SITE_DESCRIPTION = (
    "Every Express Entry round of invitations since 2015: minimum CRS scores, invitations, "
    "tie-breaks and the pool's score distribution, by stream."
)
# Bump when the card design changes, so cached cards and ETags are replaced.
CARD_VERSION = "1"
SITE_NAME = gettext_lazy("Express Entry rounds")


@dataclass(frozen=True)
class PageMeta:
    """A page's title, description and card: shown in <title>, search results and previews."""

    title: str
    description: str
    card_path: str = field(default_factory=lambda: reverse_lazy("draws:site_card"))
    og_type: str = "website"
    structured_data: dict | None = None


def draw_summary(draw):
    """'CEC round #392 on 21 January 2026: 6,000 invitations, minimum CRS 509'."""
    return _(
        "%(stream)s round #%(label)s on %(date)s: %(invitations)s invitations, "
        "minimum CRS %(crs_min)s"
    ) % {
        "stream": draw.stream.translated("short_name"),
        "label": draw.label,
        "date": date_format(draw.date),
        "invitations": intcomma(draw.invitations),
        "crs_min": draw.crs_min,
    }


def card_etag(*parts):
    """Per language too: /fr/.../card.png is another picture, drawn and cached on its own."""
    text = "|".join(str(part) for part in (CARD_VERSION, get_language(), *parts))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def card_version(etag):
    """What a card's address carries (`?v=`), so a changed card gets a new address."""
    return etag[:12]


def versioned(path, etag):
    return f"{path}?v={card_version(etag)}"


def draw_card_etag(draw):
    return card_etag(
        "draw",
        draw.label,
        draw.updated_at.isoformat(),
        draw.stream.translated("name"),
        draw.stream.translated("short_name"),
    )


def card_figures(draw):
    """The two numbers every card shows big: (label, value) pairs; none without a round."""
    if draw is None:
        return []
    return [(_("Minimum CRS"), str(draw.crs_min)), (_("Invitations"), intcomma(draw.invitations))]


def cached_card(etag, **content):
    """PNG bytes of a card, drawn once per ETag (that is, per version of what it shows)."""
    return shared_cache.get_or_set(f"card:{etag}", lambda: cards.render(**content), timeout=None)


def draw_card(draw):
    return cached_card(
        draw_card_etag(draw),
        eyebrow=_("Express Entry round #%(label)s · %(date)s")
        % {"label": draw.label, "date": date_format(draw.date)},
        title=draw.stream.translated("name"),
        figures=card_figures(draw),
        footer=_("%(site)s · figures from IRCC") % {"site": SITE_NAME},
    )


def shown_on_card(draw):
    """What a card shows of a round, so its ETag changes exactly when the picture does."""
    if draw is None:
        return ("",)
    return (draw.label, draw.date.isoformat(), draw.crs_min, draw.invitations)


def stream_card_etag(stream, latest):
    return card_etag("stream", stream.slug, stream.translated("name"), *shown_on_card(latest))


def stream_card(stream, latest):
    return cached_card(
        stream_card_etag(stream, latest),
        eyebrow=_("Latest round #%(label)s · %(date)s")
        % {"label": latest.label, "date": date_format(latest.date)}
        if latest
        else _("No rounds yet"),
        title=_("%(stream)s rounds") % {"stream": stream.translated("name")},
        figures=card_figures(latest),
        footer=_("%(site)s · every round since 2015") % {"site": SITE_NAME},
    )


def site_card_etag(latest):
    stream = latest.stream.translated("short_name") if latest else ""
    return card_etag("site", stream, *shown_on_card(latest))


def site_card(latest):
    return cached_card(
        site_card_etag(latest),
        eyebrow=_("Latest: #%(label)s %(stream)s · %(date)s")
        % {
            "label": latest.label,
            "stream": latest.stream.translated("short_name"),
            "date": date_format(latest.date),
        }
        if latest
        else _("Canada's Express Entry"),
        title=_("Express Entry rounds of invitations"),
        figures=card_figures(latest),
        footer=_("%(site)s · cut-offs, invitations and trends by stream") % {"site": SITE_NAME},
    )


def share_links(url, text):
    """Share URLs that need no third-party script: (name, href) pairs."""
    return [
        ("Email", f"mailto:?{urlencode({'subject': text, 'body': url}, quote_via=quote)}"),
        ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        ("Reddit", "https://www.reddit.com/submit?" + urlencode({"url": url, "title": text})),
    ]


def draw_structured_data(draw, url, image_url):
    """schema.org data for a round: an observation of the Express Entry pool on a date."""
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": f"Express Entry round of invitations #{draw.label} ({draw.stream.name})",
        "description": draw_summary(draw) + ".",
        "startDate": draw.date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": draw.source_url or url},
        "organizer": {
            "@type": "GovernmentOrganization",
            "name": "Immigration, Refugees and Citizenship Canada",
            "url": "https://www.canada.ca/en/immigration-refugees-citizenship.html",
        },
        "image": image_url,
        "url": url,
    }


def site_structured_data(home_url):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": home_url,
    }


def draw_meta(draw, site_url):
    url = site_url + draw.get_absolute_url()
    card_path = versioned(reverse("draws:card", args=[draw.label]), draw_card_etag(draw))
    return PageMeta(
        title=f"Round #{draw.label}: {draw.stream.short_name}, {intcomma(draw.invitations)} "
        f"invitations, minimum CRS {draw.crs_min} ({date_format(draw.date)})",
        description=draw_summary(draw) + ".",
        card_path=card_path,
        og_type="article",
        structured_data=draw_structured_data(draw, url, site_url + card_path),
    )


def home_meta(latest, site_url):
    if latest is None:
        return PageMeta(title="Express Entry rounds of invitations", description=SITE_DESCRIPTION)
    return PageMeta(
        title=f"Latest round #{latest.label}: {latest.stream.short_name}, CRS {latest.crs_min}",
        description=f"Latest: {draw_summary(latest)}. {SITE_DESCRIPTION}",
        structured_data=site_structured_data(site_url + reverse("draws:home")),
        card_path=versioned(reverse("draws:site_card"), site_card_etag(latest)),
    )


def stream_meta(stream, latest):
    latest_text = (
        f", latest #{latest.label} on {date_format(latest.date)} with minimum CRS {latest.crs_min}"
        if latest
        else ""
    )
    return PageMeta(
        title=f"{stream.name} rounds" + (f": latest CRS {latest.crs_min}" if latest else ""),
        description=f"Every {stream.name} round of invitations{latest_text}: cut-offs, "
        "invitations and trends.",
        card_path=versioned(
            reverse("draws:stream_card", args=[stream.slug]), stream_card_etag(stream, latest)
        ),
    )


def check_meta(score):
    return PageMeta(
        title=f"Would a CRS score of {intcomma(score)} have been invited?",
        description=f"The Express Entry rounds a CRS score of {intcomma(score)} would have met, "
        "stream by stream, and where it sat in the latest pool distribution.",
    )


def guide_meta(guide):
    return PageMeta(
        title=f"{guide.title}: who qualifies and how the rounds go", description=guide.summary
    )


def json_ld(data):
    """JSON-LD safe to place inside a <script> element."""
    return (
        json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
