"""RSS and Atom feeds of new rounds, for everyone and per stream (contrib.syndication)."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format

from draws import sharing
from draws.models import Draw, Stream

FEED_LENGTH = 50


class DrawFeed(Feed):
    title = "Express Entry rounds of invitations"
    description = "Each new Express Entry round: stream, invitations and minimum CRS score."

    def link(self):
        return reverse("draws:list")

    def items(self):
        return (
            Draw.objects.published().with_stream().with_corrections().newest_first()[:FEED_LENGTH]
        )

    def item_title(self, draw):
        return sharing.draw_summary(draw)

    def item_description(self, draw):
        tie_break = (
            f" Tie-break: profiles submitted before {draw.tie_break:%-d %B %Y at %H:%M:%S} UTC."
            if draw.tie_break
            else ""
        )
        corrections = "".join(
            f" Corrected on {date_format(c.corrected_at)}: {c.get_field_display()} "
            f"{c.before_shown}, now {c.after_shown}."
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

    def item_guid(self, draw):
        return draw.get_absolute_url()

    def item_categories(self, draw):
        return [draw.stream.name]


class AtomDrawFeed(DrawFeed):
    feed_type = Atom1Feed
    subtitle = DrawFeed.description


class StreamDrawFeed(DrawFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Stream, slug=slug)

    def title(self, stream):
        return f"{stream.name}: Express Entry rounds"

    def description(self, stream):
        return f"Each new {stream.name} round: invitations and minimum CRS score."

    def link(self, stream):
        return stream.get_absolute_url()

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
