"""The sitemap search engines read: every public page, every published round and guide.

One file with every address in both languages, up to the protocol's 50,000: IRCC holds a
few dozen rounds a year. Each section's items() is a list, read in one query; a queryset
would cost the paginator a COUNT as well, and the whole sitemap stays within five queries.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from draws.models import Draw, Guide, Stream


class BothLanguages:
    """Every address twice, English and French, each naming the other and the English as
    x-default (hreflang), as the pages' heads do."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(BothLanguages, Sitemap):
    """Home, history, streams and about change whenever a round is published."""

    changefreq = "daily"

    def items(self):
        return [
            "draws:home",
            "draws:list",
            "draws:stream_list",
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
        """One query for all the pages above (Django makes a Sitemap per request)."""
        return Draw.objects.published().aggregate(newest=Max("updated_at"))["newest"]


class StreamSitemap(BothLanguages, Sitemap):
    changefreq = "weekly"

    def items(self):
        return list(
            Stream.objects.annotate(
                newest=Max("draws__updated_at", filter=Draw.published_q())
            ).order_by("display_order")
        )

    def lastmod(self, stream):
        return stream.newest


class DrawSitemap(BothLanguages, Sitemap):
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return list(Draw.objects.published().only("number", "suffix", "updated_at").oldest_first())

    def lastmod(self, draw):
        return draw.updated_at


class GuideSitemap(BothLanguages, Sitemap):
    changefreq = "monthly"

    def items(self):
        return list(Guide.objects.order_by("display_order"))

    def lastmod(self, guide):
        return guide.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "streams": StreamSitemap,
    "draws": DrawSitemap,
    "guides": GuideSitemap,
}
