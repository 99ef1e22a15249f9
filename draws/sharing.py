"""What a shared link shows: card images, share links, descriptions and structured data."""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from urllib.parse import quote, urlencode

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, reverse_lazy
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from draws import cards
from eeportal.i18n.dates import date_format
from eeportal.pagecache.store import shared_cache

SITE_DESCRIPTION = gettext_lazy(
    "Every Express Entry round of invitations since 2015: minimum CRS scores, invitations, "
    "tie-breaks and the pool's score distribution, by stream."
)
# Bump when the card design or its wording changes, so cached cards and ETags are replaced
# (2: French cards write the first of a month "1er").
CARD_VERSION = "2"
SITE_NAME = gettext_lazy("Express Entry rounds")


@dataclass(frozen=True)
class PageMeta:
    """A page's title, description and card: shown in <title>, search results and previews.

    `path` is the page's one address, query included where the content depends on it
    (`/check/?score=478`), built from the object or the view's cleaned parameters; pages
    without one are named by their view's URL pattern (eeportal/context_processors.py).
    """

    title: str
    description: str
    card_path: str = field(default_factory=lambda: reverse_lazy("draws:site_card"))
    og_type: str = "website"
    structured_data: dict | list | None = None
    path: str | None = None
    # Pages whose every combination of parameters search engines should not index.
    noindex: bool = False
    # For og:type "article": when the article's content was published and last changed.
    published_time: object = None
    modified_time: object = None
    card_alt: str = ""

    @property
    def image_alt(self):
        return self.card_alt or _("Card: %(title)s") % {"title": self.title}

    def resolved(self):
        """This meta with its lazy texts and addresses made once, in the active language.

        A page written at import time (ABOUT_META) holds gettext_lazy and reverse_lazy
        values, and base.html writes each of them two or three times (<title>, og: and
        twitter: tags): resolved once per request rather than at every mention."""
        lazy = {
            item.name: str(value)
            for item in fields(self)
            if isinstance(value := getattr(self, item.name), Promise)
        }
        return replace(self, **lazy) if lazy else self


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
        (_("Email"), f"mailto:?{urlencode({'subject': text, 'body': url}, quote_via=quote)}"),
        ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        ("Reddit", "https://www.reddit.com/submit?" + urlencode({"url": url, "title": text})),
    ]


IRCC = {
    "@type": "GovernmentOrganization",
    "name": gettext_lazy("Immigration, Refugees and Citizenship Canada"),
    "url": "https://www.canada.ca/en/immigration-refugees-citizenship.html",
}
IRCC_ROUNDS_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/"
    "express-entry-rounds.html"
)


def page_language():
    """The page's language as schema.org's inLanguage writes it."""
    return "fr-CA" if get_language() == "fr" else "en-CA"


def site_organisation(site_url):
    return {"@type": "Organization", "name": SITE_NAME, "url": site_url + reverse("draws:home")}


def iso_moment(value):
    """A date or an aware datetime in ISO 8601, in UTC, whole seconds."""
    if hasattr(value, "astimezone"):
        return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    return value.isoformat()


def draw_structured_data(draw, url, image_url, site_url):
    """schema.org data for a round: an Article reporting IRCC's published decision (a round
    is a ministerial instruction, not an event anyone attends), based on IRCC's page."""
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": draw_heading(draw),
        "description": draw_summary(draw) + ".",
        "datePublished": iso_moment(draw.announced),
        "dateModified": iso_moment(draw.content_changed),
        "about": {
            "@type": "GovernmentService",
            "name": _("Express Entry: %(stream)s") % {"stream": draw.stream.translated("name")},
            "provider": IRCC,
        },
        "isBasedOn": draw.source_url or IRCC_ROUNDS_URL,
        "author": site_organisation(site_url),
        "publisher": site_organisation(site_url),
        "image": image_url,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page_language(),
    }


def draw_heading(draw):
    """'Round #252: Healthcare occupations (Version 1)': IRCC's name at the time, where
    it differs from the stream's name today."""
    name = draw.display_name if draw.renamed_since else draw.stream.translated("name")
    return _("Round #%(label)s: %(name)s") % {"label": draw.label, "name": name}


def draw_meta(draw, site_url):
    """For a round fetched with_last_correction() (or given last_corrected_at)."""
    path = draw.get_absolute_url()
    card_path = versioned(reverse("draws:card", args=[draw.label]), draw_card_etag(draw))
    figures = {
        "label": draw.label,
        "stream": draw.stream.translated("short_name"),
        "stream_name": draw.stream.translated("name"),
        "invitations": intcomma(draw.invitations),
        "crs_min": draw.crs_min,
        "date": date_format(draw.date),
    }
    return PageMeta(
        title=_(
            "Round #%(label)s: %(stream)s, %(invitations)s invitations, minimum CRS %(crs_min)s "
            "(%(date)s)"
        )
        % figures,
        description=draw_summary(draw) + ".",
        card_path=card_path,
        card_alt=_(
            "Card of round #%(label)s, %(stream_name)s, on %(date)s: minimum CRS %(crs_min)s, "
            "%(invitations)s invitations."
        )
        % figures,
        og_type="article",
        path=path,
        published_time=iso_moment(draw.announced),
        modified_time=iso_moment(draw.content_changed),
        structured_data=draw_structured_data(draw, site_url + path, site_url + card_path, site_url),
    )


def site_structured_data(home_url):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": home_url,
        "inLanguage": page_language(),
    }


def home_meta(latest, site_url):
    home = reverse("draws:home")
    if latest is None:
        return PageMeta(
            title=_("Express Entry rounds of invitations"), description=SITE_DESCRIPTION, path=home
        )
    return PageMeta(
        title=_("Latest round #%(label)s: %(stream)s, CRS %(crs_min)s")
        % {
            "label": latest.label,
            "stream": latest.stream.translated("short_name"),
            "crs_min": latest.crs_min,
        },
        description=_("Latest: %(summary)s. %(site)s")
        % {"summary": draw_summary(latest), "site": SITE_DESCRIPTION},
        structured_data=site_structured_data(site_url + home),
        card_path=versioned(reverse("draws:site_card"), site_card_etag(latest)),
        path=home,
    )


HISTORY_DESCRIPTION = gettext_lazy(
    "Every Express Entry round since 2015, filtered by stream, year, date, CRS score and "
    "invitations, with their figures and CSV and JSON downloads."
)


def history_meta(site_url, title, filters, figures=None, page_number=1, page_count=1):
    """The history, whole or filtered: named with its filters (`filters`, a query string in
    canonical order) and page, not indexed when filtered (one page per combination), and
    described as a Dataset with its downloads. Without `figures` (filters that could not
    be read), the page is described as the whole history."""
    query = "&".join(part for part in [filters, page_number > 1 and f"page={page_number}"] if part)
    path = reverse("draws:list") + (f"?{query}" if query else "")
    heading = title or _("All Express Entry rounds of invitations")
    in_page = (
        _(" (page %(number)s of %(count)s)") % {"number": page_number, "count": page_count}
        if page_count > 1
        else ""
    )
    if figures is None:
        description = str(HISTORY_DESCRIPTION)
    elif figures.rounds:
        description = ngettext(
            "%(heading)s: %(rounds)s round, %(invitations)s invitations, minimum CRS from "
            "%(lowest)s to %(highest)s, with CSV and JSON downloads.",
            "%(heading)s: %(rounds)s rounds, %(invitations)s invitations, minimum CRS from "
            "%(lowest)s to %(highest)s, with CSV and JSON downloads.",
            figures.rounds,
        ) % {
            "heading": heading,
            "rounds": intcomma(figures.rounds),
            "invitations": intcomma(figures.invitations),
            "lowest": figures.crs_lowest,
            "highest": figures.crs_highest,
        }
    else:
        description = _("%(heading)s: no rounds match these filters.") % {"heading": heading}
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": heading,
        "description": description,
        "url": site_url + path,
        "creator": IRCC,
        "publisher": site_organisation(site_url),
        "isBasedOn": IRCC_ROUNDS_URL,
        "isAccessibleForFree": True,
        "inLanguage": page_language(),
        "variableMeasured": [
            gettext_lazy("invitations"),
            gettext_lazy("minimum CRS score"),
            gettext_lazy("tie-breaking rule"),
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": media_type,
                "contentUrl": site_url + reverse(name) + (f"?{filters}" if filters else ""),
            }
            for name, media_type in [
                ("draws:export_csv", "text/csv"),
                ("draws:export_json", "application/json"),
            ]
        ],
    }
    if figures and figures.rounds:
        data["temporalCoverage"] = (
            f"{figures.first_date.isoformat()}/{figures.last_date.isoformat()}"
        )
    return PageMeta(
        title=heading + in_page,
        description=description,
        path=path,
        noindex=bool(filters),
        structured_data=data,
    )


def stream_meta(stream, latest, site_url):
    name = stream.translated("name")
    path = stream.get_absolute_url()
    if latest:
        figures = {
            "stream": name,
            "label": latest.label,
            "date": date_format(latest.date),
            "crs_min": latest.crs_min,
        }
        title = _("%(stream)s rounds: latest CRS %(crs_min)s") % figures
        description = (
            _(
                "Every %(stream)s round of invitations, latest #%(label)s on %(date)s with "
                "minimum CRS %(crs_min)s: cut-offs, invitations and trends."
            )
            % figures
        )
        card_alt = _("Card of the %(stream)s rounds: latest minimum CRS %(crs_min)s.") % figures
    else:
        title = _("%(stream)s rounds") % {"stream": name}
        description = _(
            "Every %(stream)s round of invitations: cut-offs, invitations and trends."
        ) % {"stream": name}
        card_alt = _("Card of the %(stream)s rounds.") % {"stream": name}
    return PageMeta(
        title=title,
        description=description,
        card_path=versioned(
            reverse("draws:stream_card", args=[stream.slug]), stream_card_etag(stream, latest)
        ),
        card_alt=card_alt,
        path=path,
        structured_data=collection_page(site_url + path, title, description),
    )


def collection_page(url, name, description):
    """schema.org for a page listing rounds: a CollectionPage of the site."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "description": description,
        "url": url,
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME},
        "inLanguage": page_language(),
    }


def streams_meta(site_url):
    title = _("Express Entry streams and their latest rounds")
    description = _(
        "Every Express Entry program and category with its latest round of invitations: "
        "minimum CRS score, invitations and date."
    )
    path = reverse("draws:stream_list")
    return PageMeta(
        title=title,
        description=description,
        path=path,
        structured_data=collection_page(site_url + path, title, description),
    )


def check_meta(score, streams, site_url):
    """The checker's answer names itself with its parameters, so a shared link previews the
    score; search engines are asked not to index every score (base.html's noindex)."""
    in_order = sorted(streams, key=lambda stream: (stream.display_order, stream.name))
    query = urlencode([("score", score)] + [("stream", stream.slug) for stream in in_order])
    return PageMeta(
        title=f"Would a CRS score of {intcomma(score)} have been invited?",
        description=f"The Express Entry rounds a CRS score of {intcomma(score)} would have met, "
        "stream by stream, and where it sat in the latest pool distribution.",
        path=f"{reverse('scores:check')}?{query}",
        noindex=True,
        structured_data=web_application(site_url, "scores:check", "Express Entry score checker"),
    )


def web_application(site_url, view_name, name):
    """schema.org for the score tools: free web applications that run in the browser."""
    return {
        "@context": "https://schema.org",
        "@type": "WebApplication",
        "name": name,
        "url": site_url + reverse(view_name),
        "applicationCategory": "ReferenceApplication",
        "operatingSystem": "Any",
        "browserRequirements": "Any web browser; no JavaScript needed.",
        "isAccessibleForFree": True,
        "offers": {"@type": "Offer", "price": "0", "priceCurrency": "CAD"},
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "inLanguage": "en-CA",
    }


def tool_meta(site_url, view_name, title, description, name):
    return PageMeta(
        title=title,
        description=description,
        path=reverse(view_name),
        structured_data=web_application(site_url, view_name, name),
    )


def guide_meta(guide, site_url):
    path = guide.get_absolute_url()
    title = _("%(title)s: who qualifies and how the rounds go") % {
        "title": guide.translated("title")
    }
    summary = guide.translated("summary")
    return PageMeta(
        title=title,
        description=summary,
        path=path,
        og_type="article",
        modified_time=iso_moment(guide.updated_at),
        structured_data={
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": title,
            "description": summary,
            "dateModified": iso_moment(guide.updated_at),
            "about": {
                "@type": "GovernmentService",
                "name": guide.translated("title"),
                "provider": IRCC,
            },
            "author": site_organisation(site_url),
            "publisher": site_organisation(site_url),
            "url": site_url + path,
            "mainEntityOfPage": site_url + path,
            "inLanguage": "en-CA",
        },
    )


def json_ld(data):
    """JSON-LD safe to place inside a <script> element."""
    return (
        json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
