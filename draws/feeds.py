"""RSS and Atom feeds of new rounds, for everyone and per stream (contrib.syndication)."""

import copy
import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from draws import sharing
from draws.models import Draw, Stream
from eeportal.context_processors import site_url
from eeportal.i18n.dates import date_format

FEED_LENGTH = 50


class DrawFeed(Feed):
    """Every link and id is absolute on the site's public origin (site_url), as pages give
    them: a feed reader keeps an entry's id for good, so it must not depend on the host a
    request came through, and RSS guids and Atom ids must be absolute."""

    title = gettext_lazy("Express Entry rounds of invitations")
    description = gettext_lazy(
        "Each new Express Entry round: stream, invitations and minimum CRS score."
    )
    # RFC 4287 wants an author for every entry; the site's, given once for the feed.
    author_name = sharing.SITE_NAME
    origin = ""
    path = ""

    def __call__(self, request, *args, **kwargs):
        # urls.py makes one instance that answers every request: the origin goes on a
        # copy for this request, never on the instance other threads share.
        feed = copy.copy(self)
        feed.origin = site_url(request)
        feed.path = request.path
        return Feed.__call__(feed, request, *args, **kwargs)

    def feed_url(self):
        return self.origin + self.path

    def author_link(self):
        return self.origin + reverse("draws:home")

    def link(self):
        return self.origin + reverse("draws:list")

    def items(self):
        return (
            Draw.objects.published().with_stream().with_corrections().newest_first()[:FEED_LENGTH]
        )

    def item_title(self, draw):
        return sharing.draw_summary(draw)

    def item_description(self, draw):
        # The same words as the round's page, in the page's language and date format.
        tie_break = (
            " "
            + _("Tie-break: profiles submitted before %(date)s at %(time)s UTC.")
            % {"date": date_format(draw.tie_break), "time": time_format(draw.tie_break)}
            if draw.tie_break
            else ""
        )
        corrections = "".join(
            " "
            + _("Corrected on %(date)s: %(field)s %(before)s, now %(after)s.")
            % {
                "date": date_format(c.corrected_at),
                "field": c.get_field_display(),
                "before": c.before_shown,
                "after": c.after_shown,
            }
            for c in draw.corrections.all()
        )
        return f"{sharing.draw_summary(draw)}.{tie_break}{corrections}"

    def item_pubdate(self, draw):
        # The round's own date; IRCC's run time when known, which falls on that date.
        return draw.run_at or dt.datetime.combine(draw.date, dt.time(12), tzinfo=dt.UTC)

    def item_updateddate(self, draw):
        # Changed for readers when a figure was corrected; not for a note's typo.
        corrected = [c.corrected_at for c in draw.corrections.all()]
        return max(corrected, default=None) or self.item_pubdate(draw)

    def item_link(self, draw):
        return self.origin + draw.get_absolute_url()

    def item_guid(self, draw):
        # The round's permalink: its address never changes, corrections included.
        return self.item_link(draw)

    def item_categories(self, draw):
        return [draw.stream.translated("name")]


class AtomDrawFeed(DrawFeed):
    feed_type = Atom1Feed
    subtitle = DrawFeed.description


class StreamDrawFeed(DrawFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Stream, slug=slug)

    def title(self, stream):
        return _("%(stream)s: Express Entry rounds") % {"stream": stream.translated("name")}

    def description(self, stream):
        return _("Each new %(stream)s round: invitations and minimum CRS score.") % {
            "stream": stream.translated("name")
        }

    def link(self, stream):
        return self.origin + stream.get_absolute_url()

    def items(self, stream):
        return (
            Draw.objects.published()
            .for_stream(stream)
            .with_stream()
            .with_corrections()
            .newest_first()[:FEED_LENGTH]
        )


class AtomStreamDrawFeed(StreamDrawFeed):
    feed_type = Atom1Feed

    def subtitle(self, stream):
        return self.description(stream)
