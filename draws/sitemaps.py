"""The sitemap search engines read: every public page, every published round and guide.

`lastmod` is when a page's content last changed: a round's announcement or its latest
correction, not `updated_at`, which every import and every edit of a note moves (a fresh
install would otherwise date all 438 rounds to the day it loaded them).

One file with every address in both languages, up to the protocol's 50,000: IRCC holds
a few dozen rounds a year. Each section's items() is a list, read in one query; a queryset
would cost the paginator a COUNT as well, and the whole sitemap stays within five queries.
"""

import datetime as dt
from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from draws import ircc
from draws.models import Draw, Guide, Stream


class BothLanguages:
    """Every address twice, English and French, each naming the other and the English as
    x-default (hreflang), as the pages' heads do."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(BothLanguages, Sitemap):
    """Home, history, streams, the pool and about change whenever a round is published."""

    changefreq = "daily"

    def items(self):
        return [
            "draws:home",
            "draws:list",
            "draws:stream_list",
            "draws:categories",
            "draws:pool",
            "scores:check",
            "scores:crs_calculator",
            "draws:api",
            "draws:about",
            "draws:corrections",
        ]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.newest_change

    @cached_property
    def newest_change(self):
        """One query for all the pages above (Django makes a Sitemap per request): the
        newest round's date, or a later correction."""
        newest = Draw.objects.published().aggregate(
            date=Max("date"), corrected=Max("corrections__corrected_at")
        )
        return later_of(newest["date"], newest["corrected"])


class StreamSitemap(BothLanguages, Sitemap):
    changefreq = "weekly"

    def items(self):
        published = Draw.published_q()
        return list(
            Stream.objects.annotate(
                newest_date=Max("draws__date", filter=published),
                corrected=Max("draws__corrections__corrected_at", filter=published),
            ).order_by("display_order")
        )

    def lastmod(self, stream):
        return later_of(stream.newest_date, stream.corrected)


class DrawSitemap(BothLanguages, Sitemap):
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return list(
            Draw.objects.published()
            .only("number", "suffix", "date", "run_at")
            .with_last_correction()
            .oldest_first()
        )

    def lastmod(self, draw):
        return draw.content_changed


class GuideSitemap(BothLanguages, Sitemap):
    changefreq = "monthly"

    def items(self):
        return list(Guide.objects.order_by("display_order"))

    def lastmod(self, guide):
        return guide.updated_at


class TimelineSitemap(BothLanguages, Sitemap):
    """The timeline changes when an editor enters a rule change: its newest edit is not kept,
    so no lastmod is given rather than a wrong one."""

    changefreq = "monthly"

    def items(self):
        return ["timeline:index"]

    def location(self, name):
        return reverse(name)


def later_of(date, moment):
    """The later of a round's date (from the start of its day in Ottawa, where IRCC dates
    rounds) and an aware datetime; either may be None. Django compares lastmods, so every
    one is a datetime."""
    start = dt.datetime.combine(date, dt.time(), tzinfo=ircc.OTTAWA) if date else None
    return max((value for value in (start, moment) if value is not None), default=None)


SITEMAPS = {
    "pages": PageSitemap,
    "streams": StreamSitemap,
    "draws": DrawSitemap,
    "guides": GuideSitemap,
    "timeline": TimelineSitemap,
}
