"""The dated changes to Express Entry's rules that moved the cut-offs, each with IRCC's source.

The timeline page lists them, and the time charts of cut-offs mark them (draws/charts.py),
so a reader sees why a line jumped. Editors keep them in the admin.
"""

import reversion
from django.db import models
from django.urls import reverse
from django.utils import translation

from draws.models import validate_official_address
from eeportal.i18n.translated import TranslatedFields


class TimelineEventQuerySet(models.QuerySet):
    def oldest_first(self):
        return self.order_by("date", "pk")

    def chart_marks(self):
        """(date, short title) of every event, oldest first: what time charts mark. On
        French pages, the French title where an editor wrote one (once the model has one)."""
        has_french = any(field.name == "title_fr" for field in self.model._meta.fields)
        if not has_french or translation.get_language() != "fr":
            return list(self.oldest_first().values_list("date", "title"))
        rows = self.oldest_first().values_list("date", "title", "title_fr")
        return [(date, title_fr or title) for date, title, title_fr in rows]


@reversion.register()
class TimelineEvent(TranslatedFields, models.Model):
    """A change to the rules, on the day it took effect."""

    date = models.DateField(
        "took effect on", help_text="The day the change applied to rounds or to the pool."
    )
    title = models.CharField(
        max_length=80,
        help_text="A few words, shown on the timeline and on charts, e.g. "
        "'Job offers no longer earn points'.",
    )
    what_changed = models.TextField(
        max_length=2000,
        help_text="Plain text: what changed, in our own words, and how it moved the cut-offs.",
    )
    source_title = models.CharField(
        max_length=200, help_text="The title of IRCC's page that states the change."
    )
    source_url = models.URLField(
        "source",
        max_length=500,
        validators=[validate_official_address],
        help_text="IRCC's page (https://www.canada.ca/... or another gc.ca site).",
    )
    # French versions, shown on the French pages; empty: the English is shown there.
    title_fr = models.CharField("title in French", max_length=80, blank=True)
    what_changed_fr = models.TextField("what changed, in French", max_length=2000, blank=True)
    source_title_fr = models.CharField(
        "source's title in French",
        max_length=200,
        blank=True,
        help_text="The title of IRCC's French version of the page.",
    )

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "rule change"
        constraints = [
            models.UniqueConstraint(
                fields=["date", "title"],
                name="timeline_event_unique",
                violation_error_message="This change is already on the timeline.",
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.title}"

    def get_absolute_url(self):
        return reverse("timeline:index") + f"#{self.anchor}"

    # The templates say "description" for an object's text, as on streams:
    # {{ event|translated:"description" }} is what_changed in the page's language.
    @property
    def description(self):
        return self.what_changed

    @property
    def description_fr(self):
        return self.what_changed_fr

    @property
    def anchor(self):
        return f"change-{self.date:%Y-%m-%d}-{self.pk}"
