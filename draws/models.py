"""Streams, rounds of invitations and the pool distributions IRCC publishes with them.

The site says "round" to people and the code says `Draw`, as IRCC's feed does. Every model
here is kept in revisions with its values (django-reversion; see draws/revisions.py).
"""

import datetime as dt
from urllib.parse import urlsplit

import reversion
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Max, Q, Sum
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import pgettext, pgettext_lazy

from draws import ircc, pool, programs
from draws.statistics import Figures, recent_after
from draws.text import category_version
from eeportal.i18n.dates import date_format
from eeportal.i18n.translated import TranslatedFields
from eeportal.scores.crs import CRS_MAX


def is_official_address(url):
    """IRCC's and the Government of Canada's own pages: canada.ca and gc.ca, over https."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and (
        host in ("canada.ca", "gc.ca") or host.endswith((".canada.ca", ".gc.ca"))
    )


def validate_official_address(url):
    if not is_official_address(url):
        raise ValidationError(
            "Give the address of an official Government of Canada page (https://www.canada.ca/"
            "... or a gc.ca site): a guide is reviewed against IRCC's own words, not a summary.",
            code="not_official",
        )


class StreamQuerySet(models.QuerySet):
    def with_published_totals(self):
        """Each stream with `round_count` and `invitation_total` of its published rounds."""
        published = Draw.published_q()
        # Django leaves Meta.ordering out of queries that group rows (since 3.1), so the
        # streams' order is asked for again: the streams page groups them by kind in it.
        return self.annotate(
            round_count=Count("draws", filter=published),
            invitation_total=Sum("draws__invitations", filter=published),
        ).order_by(*Stream._meta.ordering)

    def active(self, today):
        """Streams with a published round in the 12 months up to `today` (statistics.
        recent_after): the one definition the home page, the streams and the checker share."""
        return self.filter(models.Exists(Draw.objects.published().recent_for_stream(today)))

    def dormant(self, today):
        """Streams with published rounds, none of them in the 12 months up to `today`."""
        published = Draw.objects.published().filter(stream=models.OuterRef("pk"))
        return self.filter(models.Exists(published)).exclude(
            models.Exists(Draw.objects.published().recent_for_stream(today))
        )


@reversion.register(follow=["round_names"])
class Stream(TranslatedFields, models.Model):
    """What a round was held for: a program, all programs, or a category."""

    class Kind(models.TextChoices):
        PROGRAM = "program", "Program"
        GENERAL = "general", "General (all programs)"
        CATEGORY = "category", "Category"

    slug = models.SlugField(
        unique=True,
        help_text="Used in the stream's web address, e.g. cec for /streams/cec/. "
        "Changing it breaks links people have shared.",
    )
    name = models.CharField(
        max_length=120, unique=True, help_text="Full name, e.g. Canadian Experience Class."
    )
    short_name = models.CharField(
        max_length=40, help_text="Name used in tables and titles, e.g. CEC."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    display_order = models.PositiveSmallIntegerField(
        default=100, help_text="Streams are listed from the lowest number to the highest."
    )
    description = models.TextField(
        blank=True,
        max_length=1000,
        help_text="One or two plain sentences shown at the top of the stream's page.",
    )
    # French versions, shown on the French pages; empty: the English is shown there.
    name_fr = models.CharField(
        "name in French",
        max_length=120,
        blank=True,
        help_text="IRCC's French name, e.g. Catégorie de l'expérience canadienne.",
    )
    short_name_fr = models.CharField(
        "short name in French", max_length=40, blank=True, help_text="E.g. PTQF for FSW."
    )
    description_fr = models.TextField("description in French", blank=True, max_length=1000)

    who_qualifies = models.TextField(
        "who qualifies",
        blank=True,
        max_length=2000,
        help_text="For a category: who can be invited in its rounds, in plain words (shown on "
        "the stream's page and the categories page). Check it against IRCC's page below.",
    )
    official_url = models.URLField(
        "IRCC's page",
        blank=True,
        max_length=500,
        validators=[validate_official_address],
        help_text="IRCC's page with the rules, such as a category's official occupation list.",
    )
    standing = models.TextField(
        "where it stands now",
        blank=True,
        max_length=1000,
        help_text="Plain words on how the stream's candidates are invited today, e.g. through "
        "other rounds when IRCC holds none for it. The date of its latest round is added from "
        "the data: don't write it here.",
    )
    standing_source_url = models.URLField(
        "source of where it stands",
        blank=True,
        max_length=500,
        validators=[validate_official_address],
        help_text="IRCC's page that supports those words.",
    )
    who_qualifies_fr = models.TextField("who qualifies, in French", blank=True, max_length=2000)
    standing_fr = models.TextField("where it stands now, in French", blank=True, max_length=1000)

    objects = StreamQuerySet.as_manager()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("draws:stream_detail", args=[self.slug])


@reversion.register()
class RoundName(models.Model):
    """A name IRCC has given rounds of a stream; IRCC renames categories between versions."""

    stream = models.ForeignKey(Stream, on_delete=models.CASCADE, related_name="round_names")
    name = models.CharField(
        max_length=200,
        unique=True,
        help_text="Exactly as IRCC writes it in its rounds feed, e.g. "
        "'Healthcare and social services occupations (Version 2)'.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "IRCC round name"

    def __str__(self):
        return self.name


# The history's order, newest first, as expressions for window functions.
NEWEST_FIRST = [F("date").desc(), F("number").desc(), F("suffix").desc()]


def earlier_than(date, number, suffix):
    """Rounds before (date, number, suffix) in the history's order (OuterRefs welcome).

    The leading date__lte says again what the rest implies: written out, it lets the
    database start its index scan at that date instead of filtering rounds one by one
    from the far end of the history (1.3 ms against 0.03 ms with 10,000 rounds).
    """
    return Q(date__lte=date) & (
        Q(date__lt=date)
        | Q(date=date, number__lt=number)
        | Q(date=date, number=number, suffix__lt=suffix)
    )


def later_than(date, number, suffix):
    """Rounds after (date, number, suffix) in the history's order, as earlier_than."""
    return Q(date__gte=date) & (
        Q(date__gt=date)
        | Q(date=date, number__gt=number)
        | Q(date=date, number=number, suffix__gt=suffix)
    )


class DrawQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Draw.Status.PUBLISHED)

    def with_stream(self):
        return self.select_related("stream")

    def with_corrections(self):
        return self.prefetch_related("corrections")

    def with_last_correction(self):
        """Each round with `last_corrected_at`, its latest correction's time, or None."""
        return self.annotate(last_corrected_at=Max("corrections__corrected_at"))

    def for_stream(self, stream):
        return self.filter(stream=stream)

    def listing_fields(self):
        """Only what tables show: a round's link, date, stream and figures. (The stream's
        columns count only where with_stream() joins it.) Each datetime column left out is
        one less value for the driver to parse per row."""
        return self.only(
            "number",
            "suffix",
            "date",
            "stream_id",
            "invitations",
            "crs_min",
            "round_name",
            "stream__slug",
            "stream__name",
            "stream__short_name",
            "stream__name_fr",
            "stream__short_name_fr",
        )

    def figure_rows(self):
        """(date, crs_min, invitations) rows for charts and Figures, not models: building
        1,500 rounds as models was two thirds of a long stream page's time (BENCHMARKS.md)."""
        return self.values_list(
            "date",
            "crs_min",
            "invitations",
            "number",
            "suffix",
            "round_name",
            "round_name_fr",
            named=True,
        )

    def newest_first(self):
        return self.order_by("-date", "-number", "-suffix")

    def oldest_first(self):
        return self.order_by("date", "number", "suffix")

    def latest_per_stream(self):
        """The newest round of each stream, one query, newest stream activity first.

        One index lookup per stream (index draw_stream_newest): ranking every round with a
        window function cost 37 ms at 10,000 rounds, a correlated subquery per round 174 ms.
        """
        newest_in_stream = self.filter(stream=models.OuterRef("pk")).newest_first()
        latest_ids = Stream.objects.annotate(
            latest_id=models.Subquery(newest_in_stream.values("pk")[:1])
        ).values("latest_id")
        return self.filter(pk__in=latest_ids).with_stream().newest_first()

    def with_neighbour_ids(self):
        """Annotate each round with the ids of the published rounds around it.

        `previous_in_stream_id`, `previous_overall_id` and `next_overall_id` come with the
        round itself, so a round page needs one more query for all three neighbours
        (Draw.neighbours) instead of one each.
        """
        published = Draw.objects.published()
        outer = (models.OuterRef("date"), models.OuterRef("number"), models.OuterRef("suffix"))
        before, after = published.filter(earlier_than(*outer)), published.filter(later_than(*outer))
        return self.annotate(
            previous_in_stream_id=models.Subquery(
                before.filter(stream=models.OuterRef("stream")).newest_first().values("pk")[:1]
            ),
            previous_overall_id=models.Subquery(before.newest_first().values("pk")[:1]),
            next_overall_id=models.Subquery(after.oldest_first().values("pk")[:1]),
        )

    def get_by_label(self, label):
        """The round whose public number is `label` ('392', '91a'); DoesNotExist otherwise."""
        try:
            number, suffix = ircc.parse_draw_number(label)
        except ValueError:
            raise self.model.DoesNotExist(f"{label!r} is not a round number") from None
        return self.get(number=number, suffix=suffix)

    def recent_for_stream(self, today):
        """These rounds of the outer query's stream in the 12 months up to `today`."""
        return self.filter(stream=models.OuterRef("pk"), date__gt=recent_after(today))

    def recent_dates(self, today):
        """(stream_id, date) of these rounds in the 12 months up to `today`, for Gaps."""
        return self.filter(date__gt=recent_after(today)).order_by().values_list("stream_id", "date")

    def in_year(self, year):
        return self.filter(date__year=year)

    def figures(self):
        """The set's Figures (rounds, invitations, lowest, median and highest minimum CRS,
        first and last date) in one query: the median needs every score, so three small
        columns are read and summarised in Python (a few thousand rows at most)."""
        return Figures.of(self.order_by().figure_rows())

    def totals(self):
        """{'rounds': n, 'invitations': n} for the rounds in this queryset, in one query."""
        totals = self.aggregate(rounds=Count("pk"), invitations=Sum("invitations"))
        return {"rounds": totals["rounds"], "invitations": totals["invitations"] or 0}

    def invitations_per_year(self):
        """[(year, rounds, invitations)], oldest year first."""
        rows = (
            self.order_by()
            .values("date__year")
            .annotate(rounds=Count("pk"), invitations=Sum("invitations"))
            .order_by("date__year")
        )
        return [(row["date__year"], row["rounds"], row["invitations"]) for row in rows]

    def next_number(self):
        return (self.aggregate(highest=Max("number"))["highest"] or 0) + 1

    def for_streams(self, streams):
        return self.filter(stream__in=streams)

    def latest_and_latest_met_per_stream(self, score):
        """Each stream's newest round that `score` meets and newest that it does not.

        Between them they are the stream's newest round and its newest met, found in one
        query that ranks the rounds once (a window function) rather than once per round.
        Newest first.
        """
        met = models.ExpressionWrapper(Q(crs_min__lte=score), output_field=models.BooleanField())
        return (
            self.annotate(
                place=models.Window(
                    RowNumber(), partition_by=[F("stream"), met], order_by=NEWEST_FIRST
                )
            )
            .filter(place=1)
            .with_stream()
            .newest_first()
        )

    def met_counts_per_stream(self, score, recent_after):
        """{stream_id: counts} of rounds, all time and dated after `recent_after`, in one query.

        Each value holds `rounds`, `recent_rounds`, `met` and `recent_met`: how many rounds
        there were, and how many of them had a cut-off `score` meets or beats; and
        `with_tie_break`, how many of them have their tie-breaking time recorded.
        """
        recent, met = Q(date__gt=recent_after), Q(crs_min__lte=score)
        rows = (
            self.order_by()
            .values("stream")
            .annotate(
                rounds=Count("pk"),
                recent_rounds=Count("pk", filter=recent),
                met=Count("pk", filter=met),
                recent_met=Count("pk", filter=recent & met),
                with_tie_break=Count("pk", filter=Q(tie_break__isnull=False)),
            )
        )
        return {row.pop("stream"): row for row in rows}

    def category_rounds(self):
        """(stream_id, round_name, round_name_fr, date) of category rounds: the versions IRCC
        has used."""
        return self.filter(stream__kind=Stream.Kind.CATEGORY).values_list(
            "stream_id", "round_name", "round_name_fr", "date", named=True
        )

    def newest_distribution_bands(self):
        """The bands of the newest pool distribution among these rounds, each with its round.

        One query; empty when none of the rounds came with a distribution.
        """
        newest = (
            self.filter(pool_as_of__isnull=False)
            .order_by("-pool_as_of", "-date", "-number", "-suffix")
            .values("pk")[:1]
        )
        return PoolBand.objects.filter(draw=models.Subquery(newest)).select_related("draw")

    def distribution_rounds(self):
        """Rows for the pool's history (draws/pool.py), oldest first, not models: every round,
        so that the history knows where rounds came without a distribution."""
        return self.oldest_first().values_list(
            "pk", "number", "suffix", "date", "pool_as_of", "pool_total", named=True
        )


@reversion.register(follow=["pool_bands"])
class Draw(TranslatedFields, models.Model):
    """One round of invitations."""

    class Status(models.TextChoices):
        PUBLISHED = "published", "Published: shown on the site"
        DRAFT = "draft", "Draft: hidden from the public"

    number = models.PositiveIntegerField(
        help_text="IRCC's round number, e.g. 392.",
    )
    suffix = models.CharField(
        max_length=1,
        blank=True,
        help_text="Leave empty. Only for IRCC's lettered rounds, such as the 'a' of 91a.",
    )
    date = models.DateField(help_text="The date IRCC gives the round (Ottawa time).")
    stream = models.ForeignKey(
        Stream,
        on_delete=models.PROTECT,
        related_name="draws",
        help_text="What the round was held for.",
    )
    round_name = models.CharField(
        "IRCC's round name",
        max_length=200,
        blank=True,
        help_text="As IRCC published it, e.g. 'Healthcare and Social Services Occupations, "
        "2026-Version 3'. Leave empty to use the stream's name.",
    )
    round_name_fr = models.CharField(
        "IRCC's round name in French",
        max_length=200,
        blank=True,
        help_text="As IRCC's French feed writes it, e.g. 'Professions de la santé et des "
        "services sociaux 2026-version 3'. Leave empty to use the stream's French name.",
    )
    eligible_programs = models.CharField(
        max_length=300,
        blank=True,
        help_text="The programs whose candidates could be invited, as IRCC lists them.",
    )
    eligible_programs_fr = models.CharField(
        "eligible programs in French",
        max_length=300,
        blank=True,
        help_text="The same list as IRCC's French feed writes it, filled in by the import; you "
        "may also type it. Empty: the French page shows the French names of the programs "
        "listed in English.",
    )
    invitations = models.PositiveIntegerField(
        help_text="Invitations to apply issued. '6,000' and '6000' both work.",
    )
    crs_min = models.PositiveSmallIntegerField(
        "minimum CRS score",
        help_text="Lowest Comprehensive Ranking System score of those invited (0 to 1,200).",
    )
    tie_break = models.DateTimeField(
        "tie-breaking rule",
        null=True,
        blank=True,
        help_text="In UTC. Candidates at the minimum score were invited if their profile was "
        "submitted before this time. Paste IRCC's text, e.g. 'October 29, 2025 at 04:35:24 UTC'.",
    )
    run_at = models.DateTimeField(
        "run at",
        null=True,
        blank=True,
        help_text="In UTC: when IRCC ran the round, if it says.",
    )
    pool_as_of = models.DateField(
        "pool distribution as of",
        null=True,
        blank=True,
        help_text="The date of the CRS score distribution entered below, if IRCC published one.",
    )
    pool_total = models.PositiveIntegerField(
        "candidates in the pool",
        null=True,
        blank=True,
        help_text="IRCC's total for the distribution; the main bands must add up to it.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.PUBLISHED,
        help_text="Drafts are saved but nobody outside the admin can see them.",
    )
    source_url = models.URLField(
        "source",
        max_length=500,
        blank=True,
        help_text="IRCC's page for the round.",
    )
    notes = models.TextField(
        blank=True,
        max_length=2000,
        help_text="Optional plain-text note shown on the round's page (at most 2,000 "
        "characters). A changed figure is shown as a correction by itself.",
    )
    notes_fr = models.TextField(
        "notes in French",
        blank=True,
        max_length=2000,
        help_text="The note in French, for the French page. Empty: the French page shows the "
        "English note, saying it is not translated yet.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    ircc_figures = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="IRCC's figures for the round as the last import or sync read them: a "
        "figure that differs from them was changed here by hand (draws/importing.py).",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the round was first published: its figures changed after this are "
        "corrections, shown to readers (draws/corrections.py).",
    )

    objects = DrawQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-number", "-suffix"]
        get_latest_by = ["date", "number", "suffix"]
        verbose_name = "round"
        constraints = [
            models.UniqueConstraint(
                fields=["number", "suffix"],
                name="draw_number_unique",
                violation_error_message="A round with this number already exists.",
            ),
            models.CheckConstraint(
                condition=Q(number__gt=0),
                name="draw_number_positive",
                violation_error_message="Round numbers start at 1: check the number on "
                "IRCC's page.",
            ),
            models.CheckConstraint(
                condition=Q(suffix="") | Q(suffix__in=list("abcdefghijklmnopqrstuvwxyz")),
                name="draw_suffix_one_letter",
                violation_error_message="The letter after a round number is a single "
                "lower-case letter, like the 'a' of 91a.",
            ),
            models.CheckConstraint(
                condition=Q(invitations__gt=0),
                name="draw_invitations_positive",
                violation_error_message="A round invites at least one candidate.",
            ),
            models.CheckConstraint(
                condition=Q(crs_min__gte=0, crs_min__lte=CRS_MAX),
                name="draw_crs_min_in_range",
                violation_error_message=f"CRS scores run from 0 to {intcomma(CRS_MAX)}.",
            ),
            models.CheckConstraint(
                condition=Q(pool_total__isnull=True) | Q(pool_as_of__isnull=False),
                name="draw_pool_total_has_date",
                violation_error_message="Give the date of the pool distribution with its total.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-date"], name="draw_status_date"),
            # A stream's rounds newest first: stream pages and each stream's latest round.
            models.Index(
                fields=["stream", "status", "-date", "-number", "-suffix"],
                name="draw_stream_newest",
            ),
        ]

    def __str__(self):
        return f"Round #{self.label}"

    def get_absolute_url(self):
        return reverse("draws:detail", args=[self.label])

    @staticmethod
    def published_q():
        """Published rounds, filtered from a stream's side of the relation."""
        return Q(draws__status=Draw.Status.PUBLISHED)

    def take_irccs_figure(self, name, value):
        """Settle a sync conflict for IRCC: its value replaces the site's (a correction)."""
        from draws.importing import apply_irccs_figure

        apply_irccs_figure(self, name, value)

    def acknowledge_irccs_figure(self, name, value):
        """Settle a sync conflict for the site: IRCC's value is noted as seen, not used, so
        the next sync does not raise it again unless IRCC changes it once more."""
        figures = {**(self.ircc_figures or {}), name: value}
        Draw.objects.filter(pk=self.pk).update(ircc_figures=figures)
        self.ircc_figures = figures

    @property
    def pool_history_url(self):
        """The pool's history, at this round's distribution where it has one."""
        url = reverse("draws:pool")
        return f"{url}#{pool.anchor(self.pool_as_of)}" if self.pool_as_of else url

    @property
    def ircc_published_no_pool_distribution(self):
        """Whether IRCC's feed gave this round in full, with the time it ran, but without a
        distribution of the pool, as for #223, #224, #226 and #227 of 2022: IRCC published
        none, so none is to come. A round taken from a digest of the feed has no run time
        (#435 to #437) and may still get its distribution when the full feed gives it."""
        figures = self.ircc_figures or {}
        return bool(figures.get("run_at")) and not figures.get("pool_bands")

    def previous_in_stream(self):
        """The published round of this round's stream just before it, or None: one query."""
        before = earlier_than(self.date, self.number, self.suffix)
        return (
            Draw.objects.published()
            .for_stream(self.stream_id)
            .filter(before)
            .newest_first()
            .first()
        )

    def days_ago(self, now):
        """Whole days from the round's date to today in Ottawa, where IRCC dates rounds."""
        return (ircc.ottawa_date(now) - self.date).days

    @property
    def is_draft(self):
        return self.status == Draw.Status.DRAFT

    @staticmethod
    def can_preview(user):
        """Editors see drafts at their public address, marked as drafts."""
        return user.is_active and user.is_staff and user.has_perm("draws.view_draw")

    @property
    def label(self):
        """The round's public number: '392', or '91a' for IRCC's two lettered rounds."""
        return f"{self.number}{self.suffix}"

    @property
    def display_name(self):
        """IRCC's name for the round in the page's language, or its stream's."""
        if translation.get_language() == "fr":
            return self.round_name_fr or self.stream.translated("name")
        return self.round_name or self.stream.name

    @property
    def french_programs(self):
        """The eligible programs in French: as IRCC's French feed or an editor gave them,
        otherwise made from IRCC's English list (draws/programs.py); "" for a list naming a
        program not known there."""
        return self.eligible_programs_fr or programs.in_french(self.eligible_programs)

    @property
    def eligible_programs_shown(self):
        """The eligible programs in the page's language; on a French page, IRCC's English list
        where no French one can be given (eligible_programs_in_english then says so)."""
        if translation.get_language() == "fr":
            return self.french_programs or self.eligible_programs
        return self.eligible_programs

    @property
    def eligible_programs_in_english(self):
        """True on a French page that can only show IRCC's English list of programs."""
        return (
            translation.get_language() == "fr"
            and bool(self.eligible_programs)
            and not self.french_programs
        )

    @property
    def note_shown(self):
        """The editors' note in the page's language: on a French page its French when written,
        otherwise the English (note_in_english then says so)."""
        return self.translated("notes")

    @property
    def note_in_english(self):
        """True on a French page whose note has no French yet."""
        return bool(self.notes) and self.lacks_translation("notes")

    @property
    def version(self):
        """The category version IRCC named the round with ('2026-Version 2'), if any."""
        return category_version(self.round_name)

    @property
    def renamed_since(self):
        """Whether IRCC called the round something other than its stream's name today, as
        with #252 of 2023, 'Healthcare occupations (Version 1)': headings then use IRCC's."""
        return bool(self.round_name) and self.round_name.casefold() != self.stream.name.casefold()

    @property
    def announced(self):
        """When IRCC made the round public: the time it ran, or where IRCC gave none, the
        start of its date in Ottawa (a datetime either way, so the two compare)."""
        return self.run_at or dt.datetime.combine(self.date, dt.time(), tzinfo=ircc.OTTAWA)

    @property
    def content_changed(self):
        """When what the round's page says last changed: its latest correction, otherwise
        its announcement (an import or a note's edit moves updated_at, not the figures).
        Needs with_last_correction(), or last_corrected_at set by hand."""
        return getattr(self, "last_corrected_at", None) or self.announced

    def clean(self):
        errors = {}
        if self.number:
            same_number = Draw.objects.filter(number=self.number, suffix=self.suffix)
            other = same_number.exclude(pk=self.pk).select_related("stream").first()
            if other:
                errors["number"] = (
                    f"Round #{other.label} already exists ({other.date:%-d %B %Y}, "
                    f"{other.stream.short_name}). Check the number on IRCC's page."
                )
        if self.number is not None and self.number < 1:
            errors["number"] = "Round numbers start at 1: check the number on IRCC's page."
        if self.suffix and not (len(self.suffix) == 1 and self.suffix.islower()):
            errors["suffix"] = (
                "Use a single lower-case letter, like the 'a' of 91a, or leave it empty."
            )
        if self.crs_min is not None and self.crs_min > CRS_MAX:
            errors["crs_min"] = (
                f"CRS scores run from 0 to {intcomma(CRS_MAX)}; "
                f"{intcomma(self.crs_min)} is not possible."
            )
        if self.invitations is not None and self.invitations <= 0:
            errors["invitations"] = "A round invites at least one candidate."
        if self.date and self.tie_break:
            problem = ircc.tie_break_problem(self.tie_break, self.date, self.run_at)
            if problem:
                errors["tie_break"] = (
                    f"{problem.capitalize()} ({self.date:%-d %B %Y}). Check the year and the time."
                )
        if self.date and self.pool_as_of and self.pool_as_of > self.date:
            errors["pool_as_of"] = (
                "The distribution IRCC publishes with a round is from before the round."
            )
        if self.pool_total is not None and not self.pool_as_of:
            errors["pool_as_of"] = "Give the date of the distribution."
        if errors:
            raise ValidationError(errors)

    def neighbours(self):
        """(previous_in_stream, previous_overall, next_overall), each None when there is none.

        One query, for a round fetched with DrawQuerySet.with_neighbour_ids().
        """
        ids = (self.previous_in_stream_id, self.previous_overall_id, self.next_overall_id)
        found = Draw.objects.with_stream().in_bulk([pk for pk in ids if pk is not None])
        return tuple(found.get(pk) for pk in ids)

    def replace_pool_bands(self, bands):
        """Swap this round's distribution for `bands` (objects with low, high and count)."""
        self.pool_bands.all().delete()
        PoolBand.objects.bulk_create(
            PoolBand(draw=self, low=band.low, high=band.high, count=band.count) for band in bands
        )
        self.link_sub_bands()

    def link_sub_bands(self):
        """Point each band at the band that contains it, as IRCC's table nests them."""
        bands = list(self.pool_bands.all())
        parents = ircc.band_parents([(band.low, band.high) for band in bands])
        for band, parent in zip(bands, parents, strict=True):
            band.parent = bands[parent] if parent is not None else None
        PoolBand.objects.bulk_update(bands, ["parent"])


class PoolBandQuerySet(models.QuerySet):
    def of_published_rounds(self):
        return self.filter(draw__status=Draw.Status.PUBLISHED, draw__pool_as_of__isnull=False)

    def range_rows(self):
        """(pk, draw_id, low, high, count, parent_id) rows, not models, for draws/pool.py."""
        return self.order_by().values_list(
            "pk", "draw_id", "low", "high", "count", "parent_id", named=True
        )


# Its parent is not kept: it follows from the ranges (Draw.link_sub_bands).
@reversion.register(exclude=["parent"])
class PoolBand(models.Model):
    """Candidates in the pool within a CRS band on the round's distribution date."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="pool_bands")
    low = models.PositiveSmallIntegerField(help_text="Lowest CRS score in the band.")
    high = models.PositiveSmallIntegerField(help_text="Highest CRS score in the band.")
    count = models.PositiveIntegerField("candidates", help_text="'13,278' and '13278' both work.")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_bands",
        help_text="The wider band this one splits, e.g. 451-500 for 491-500. Set automatically.",
    )

    objects = PoolBandQuerySet.as_manager()

    class Meta:
        ordering = ["-high", "low"]
        verbose_name = "pool band"
        constraints = [
            models.UniqueConstraint(
                fields=["draw", "low", "high"],
                name="pool_band_unique",
                violation_error_message="The same band is entered twice.",
            ),
            models.CheckConstraint(
                condition=Q(low__lte=models.F("high")),
                name="pool_band_low_le_high",
                violation_error_message="A band's lowest score must not be above its highest.",
            ),
            models.CheckConstraint(
                condition=Q(high__lte=CRS_MAX),
                name="pool_band_high_in_range",
                violation_error_message=f"CRS scores stop at {intcomma(CRS_MAX)}; no band goes "
                "higher.",
            ),
        ]

    def __str__(self):
        return f"{self.low}-{self.high}: {intcomma(self.count)}"

    @property
    def is_sub_band(self):
        return self.parent_id is not None

    @property
    def holds_cut_off(self):
        return self.low <= self.draw.crs_min <= self.high


class CorrectionQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-corrected_at", "-pk")

    def public(self):
        """Corrections of rounds the public can see."""
        return self.filter(draw__status=Draw.Status.PUBLISHED)


class Correction(models.Model):
    """A figure of a round changed after it was published, as readers are told of it.

    Made by draws/corrections.py whenever such a change is saved, by any path: the admin,
    a restored revision, an import. Values are kept as JSON (numbers, ISO dates and times,
    a stream's slug) and shown through the site's localization.
    """

    class Field(models.TextChoices):
        INVITATIONS = "invitations", pgettext_lazy("a corrected figure", "invitations")
        CRS_MIN = "crs_min", pgettext_lazy("a corrected figure", "minimum CRS")
        DATE = "date", pgettext_lazy("a corrected figure", "date")
        STREAM = "stream", pgettext_lazy("a corrected figure", "stream")
        TIE_BREAK = "tie_break", pgettext_lazy("a corrected figure", "tie-breaking rule")

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=20, choices=Field.choices)
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    corrected_at = models.DateTimeField(default=timezone.now)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-corrected_at", "-pk"]
        indexes = [models.Index(fields=["-corrected_at"], name="correction_newest")]

    def __str__(self):
        field = self.get_field_display()
        return f"{self.draw}: {field} {self.before_shown}, now {self.after_shown}"

    @property
    def before_shown(self):
        return self.shown(self.before)

    @property
    def after_shown(self):
        return self.shown(self.after)

    def shown(self, value):
        """The value as a reader reads it: '6,000', '21 January 2026', 'CEC'."""
        if value is None:
            return pgettext("a corrected figure that had no value", "none")
        if self.field in (self.Field.INVITATIONS, self.Field.CRS_MIN):
            return intcomma(value)
        if self.field == self.Field.DATE:
            return date_format(dt.date.fromisoformat(value))
        if self.field == self.Field.TIE_BREAK:
            moment = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
            return f"{date_format(moment, 'DATETIME_FORMAT')} UTC"
        stream = Stream.objects.filter(slug=value).first()
        return stream.translated("short_name") if stream else value


class GuideQuerySet(models.QuerySet):
    def with_stream(self):
        return self.select_related("stream")

    def with_sources(self):
        return self.prefetch_related("sources")

    def for_menus(self):
        """What the header's menu and the home page's list show, in display order."""
        return self.only(
            "slug",
            "short_name",
            "home_title",
            "tagline",
            "display_order",
            "short_name_fr",
            "home_title_fr",
            "tagline_fr",
        )


@reversion.register(follow=["sources"])
class Guide(TranslatedFields, models.Model):
    """An explanatory page about a program or the CRS, kept current by editors."""

    slug = models.SlugField(
        unique=True, help_text="The page's address, e.g. cec for /programs/cec/."
    )
    title = models.CharField(max_length=120)
    short_name = models.CharField(max_length=40, help_text="Used in menus, e.g. CEC.")
    home_title = models.CharField(
        "title on the home page",
        max_length=60,
        help_text="The guide's name in the home page's list, e.g. Canadian Experience Class.",
    )
    tagline = models.CharField(
        max_length=80,
        help_text="A few words under that name on the home page, e.g. "
        "A year of skilled work in Canada.",
    )
    summary = models.CharField(
        max_length=200,
        help_text="One sentence under 160 characters: the page's description in search results "
        "and link previews.",
    )
    body = models.TextField(
        max_length=50_000,
        help_text="Markdown: ## for headings, - for lists, [text](https://...) for links, "
        "| tables |. HTML is removed when the page is shown.",
    )
    official_url = models.URLField(
        "official source", max_length=500, help_text="IRCC's page that states the rules."
    )
    reviewed_on = models.DateField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="The day you checked every claim on this page against the IRCC pages listed "
        "under Sources checked. Set it only then: the page shows it as the date of its last "
        "review. Empty: not reviewed yet.",
    )
    text_changed_on = models.DateField(
        "text last changed",
        null=True,
        blank=True,
        editable=False,
        help_text="When the page's words last changed, by an editor or a data migration: a "
        "page changed after its review says so.",
    )
    stream = models.ForeignKey(
        Stream,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guides",
        help_text="The stream whose rounds the page shows live figures for, if any.",
    )
    display_order = models.PositiveSmallIntegerField(default=100)
    updated_at = models.DateTimeField(auto_now=True)
    # French versions, shown on the French page; a guide without a French body shows its
    # English text there, under a note saying so.
    title_fr = models.CharField("title in French", max_length=120, blank=True)
    short_name_fr = models.CharField("short name in French", max_length=40, blank=True)
    home_title_fr = models.CharField("title on the home page, in French", max_length=60, blank=True)
    tagline_fr = models.CharField("tagline in French", max_length=80, blank=True)
    summary_fr = models.CharField("summary in French", max_length=200, blank=True)
    body_fr = models.TextField(
        "body in French",
        max_length=50_000,
        blank=True,
        help_text="Markdown, as the English. A name that stays English, such as an organisation's: "
        '<span lang="en">World Education Services</span>, so screen readers say it in '
        "English. Empty: the French page shows the English text.",
    )

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["display_order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("draws:guide_detail", args=[self.slug])

    def clean(self):
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError(
                {"reviewed_on": "A review date is the day the review was done: not in the future."}
            )

    @property
    def changed_since_review(self):
        """The words changed after the last review (or there has been none)."""
        if self.reviewed_on is None:
            return True
        return bool(self.text_changed_on and self.text_changed_on > self.reviewed_on)


@reversion.register()
class GuideSource(TranslatedFields, models.Model):
    """An official page a guide's review checked its claims against, shown on the guide."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(
        max_length=200, help_text="The page's title as IRCC gives it, e.g. Proof of funds."
    )
    url = models.URLField(
        "address",
        max_length=500,
        validators=[validate_official_address],
        help_text="https://www.canada.ca/... (or another gc.ca site).",
    )
    display_order = models.PositiveSmallIntegerField(default=100)
    title_fr = models.CharField(
        "title in French",
        max_length=200,
        blank=True,
        help_text="The title of IRCC's French version of the page, e.g. Preuve de fonds.",
    )

    class Meta:
        ordering = ["display_order", "pk"]
        verbose_name = "source checked"
        verbose_name_plural = "sources checked"
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "url"],
                name="guide_source_unique",
                violation_error_message="This page is already listed for the guide.",
            )
        ]

    def __str__(self):
        return self.title
