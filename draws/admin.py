"""The editors' screens: a new round, with its pool distribution, in one form.

Editors copy figures from IRCC's announcement, so the form takes them as IRCC writes them
("6,000", "October 29, 2025 at 04:35:24 UTC") and answers mistakes on the field.

Every screen keeps revisions (django-reversion's admin, with django-reversion-compare's
differences): the history lists each save with its values, and any revision can be
restored, the restore being a revision too. A save made from a page opened before someone
else's save is refused (GuardedForm). Editors withdraw a round by setting it to Draft; only
superusers delete, and a deleted round can be recovered from its revisions.

On Add round, an editor can paste IRCC's announcement instead: the form comes back filled
from it (draws/announcement.py), with what could not be read named, and nothing is saved
until Save.
"""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from reversion_compare.admin import CompareVersionAdmin

from draws import ircc, revisions
from draws.announcement import read_announcement
from draws.importing import streams_by_round_name
from draws.models import Draw, Guide, GuideSource, PoolBand, RoundName, Stream
from draws.text import without_direction_controls
from eeportal.admin_site import RecordAdmin
from eeportal.i18n.dates import date_format
from eeportal.scores.crs import CRS_MAX


class CountField(forms.IntegerField):
    """A whole number that may be written with thousands separators, as IRCC does.

    A text box, not a number box: browsers refuse to let anyone type "6,000" into one.
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 12})

    default_error_messages = {
        "invalid": "Enter a whole number, such as 6,000, 6 000 or 6000.",
        "decimal_point": "Write thousands with a comma or a space (5,000 or 5 000), not a "
        "point: in English 5.000 reads as five.",
    }

    def to_python(self, value):
        if isinstance(value, str) and "." in value:
            raise ValidationError(self.error_messages["decimal_point"], code="decimal_point")
        try:
            return ircc.parse_count(value)
        except (ValueError, TypeError):
            # Blank and negative values: the plain field gives the right message.
            return super().to_python(value)


class TimestampField(forms.DateTimeField):
    """A UTC time, typed as ISO ('2025-10-29 04:35:24') or pasted from IRCC's page."""

    widget = forms.TextInput(attrs={"placeholder": "October 29, 2025 at 04:35:24 UTC", "size": 40})

    def prepare_value(self, value):
        if hasattr(value, "astimezone"):
            return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        return value

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return None
        try:
            return super().to_python(text).astimezone(dt.UTC)
        except ValidationError:
            pass
        try:
            moment = ircc.parse_timestamp(text, round_date=None)
        except ValueError:
            moment = None
        if moment is None:
            raise ValidationError(
                "Enter the time in UTC with its year, as IRCC writes it "
                "('October 29, 2025 at 04:35:24 UTC') or as 2025-10-29 04:35:24.",
                code="invalid",
            )
        return moment


class EditorsModelForm(forms.ModelForm):
    """Text as editors meant it: without the invisible characters that reorder what follows.

    A right-to-left override pasted into a name would make the public page show it
    reversed, or disguise it; such characters have no use in an English or French text.
    """

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str):
                data[name] = without_direction_controls(value)
        return data


class GuardedForm(EditorsModelForm):
    """Refuses a save made from a page opened before someone else saved the same object.

    The page carries the revision it was opened at; if a newer one exists when it is saved,
    the save is refused with who changed what, and the editor's input stays on the form.
    Saving again then replaces the other changes knowingly.
    """

    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["opened_revision"] = revisions.latest_revision_id(self.instance)

    def clean(self):
        data = super().clean()
        if self.instance.pk is None:
            return data
        # Hold the row until this save commits (the admin saves in a transaction), so two
        # saves of one object are checked one after the other, never side by side.
        model = type(self.instance)
        list(model.objects.select_for_update().filter(pk=self.instance.pk).values_list("pk"))
        changes = revisions.changes_since(self.instance, data.get("opened_revision") or 0)
        if changes:
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_revision")] = revisions.latest_revision_id(
                self.instance
            )
            raise ValidationError(
                "While you had this page open, it was saved by "
                + "; then by ".join(change.describe() for change in changes)
                + ". Nothing of yours was saved. Your input is still below: compare it with "
                "the saved version (open this page again in another tab), then save again "
                "to replace those changes.",
                code="edit_conflict",
            )
        return data


class EditorsVersionAdmin(CompareVersionAdmin):
    """Revisions with their differences; only superusers delete (editors withdraw)."""

    form = GuardedForm
    # Addresses typed without a scheme are IRCC's pages: https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # Recovering a deleted object is a superuser's job: only they can delete.
    def recoverlist_view(self, request, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class DrawForm(GuardedForm):
    confirm_future_date = forms.BooleanField(
        required=False,
        label="The date is right",
        help_text="Tick to save a round dated after today in Ottawa.",
    )

    invitations = CountField(
        min_value=1,
        error_messages={"min_value": "A round invites at least one candidate."},
        help_text=Draw._meta.get_field("invitations").help_text,
    )
    pool_total = CountField(
        required=False,
        min_value=1,
        label="Candidates in the pool",
        help_text=Draw._meta.get_field("pool_total").help_text,
    )
    tie_break = TimestampField(
        required=False,
        label="Tie-breaking rule (UTC)",
        help_text=Draw._meta.get_field("tie_break").help_text,
    )
    source_url = forms.URLField(
        required=False,
        assume_scheme="https",
        max_length=500,
        label="Source",
        help_text=Draw._meta.get_field("source_url").help_text,
    )
    run_at = TimestampField(
        required=False,
        label="Run at (UTC)",
        help_text=Draw._meta.get_field("run_at").help_text,
    )

    class Meta:
        model = Draw
        fields = [
            "number",
            "suffix",
            "date",
            "stream",
            "status",
            "invitations",
            "crs_min",
            "tie_break",
            "pool_as_of",
            "pool_total",
            "round_name",
            "round_name_fr",
            "eligible_programs",
            "eligible_programs_fr",
            "run_at",
            "source_url",
            "notes",
            "notes_fr",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "notes_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        day, today = data.get("date"), ircc.ottawa_date(timezone.now())
        if day and day > today and not data.get("confirm_future_date"):
            self.add_error(
                "date",
                f"This is after today in Ottawa ({date_format(today)}). IRCC dates a round on "
                "the day it is held: check the date, or tick “The date is right” to save it.",
            )
        return data


# A paste is kept in the session and the add page opened again with ?pasted: the admin then
# builds the page as for any GET, its forms unbound and only their initial values taken
# from the text, so a paste can never save anything. A long announcement stays out of the
# address, and reloading the page neither loses the paste nor posts it again.
PASTE_BUTTON = "_fill_from_announcement"
PASTED_PARAMETER = "pasted"
PASTED_SESSION_KEY = "draws.pasted_announcement"
# An announcement is about a thousand characters: this keeps a stray paste of a whole page
# out of the session while leaving room for any announcement.
ANNOUNCEMENT_MAX_LENGTH = 20_000


def pasted_text(request):
    """The announcement pasted on the add page this request opens, or None."""
    if request.method != "GET" or PASTED_PARAMETER not in request.GET:
        return None
    return request.session.get(PASTED_SESSION_KEY)


def pasted_announcement(request):
    text = pasted_text(request)
    return None if text is None else read_announcement(text)


class PoolBandForm(forms.ModelForm):
    count = CountField(min_value=0, label="Candidates")

    class Meta:
        model = PoolBand
        fields = ["low", "high", "count"]


class PoolBandFormSet(forms.BaseInlineFormSet):
    """Checks the distribution as a whole: its bands must add up to IRCC's total."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        bands = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        draw = self.instance
        if not bands:
            if draw.pool_total:
                raise ValidationError("Enter the bands of the distribution, or clear its total.")
            return
        for band in bands:
            if band["low"] > band["high"]:
                raise ValidationError(f"The band {band['low']}-{band['high']} runs backwards.")
            if band["high"] > CRS_MAX:
                raise ValidationError(
                    f"CRS scores stop at {intcomma(CRS_MAX)}; no band can go higher."
                )
        ranges = [(band["low"], band["high"]) for band in bands]
        if len(set(ranges)) != len(ranges):
            raise ValidationError("The same band is entered twice.")
        if not draw.pool_total or not draw.pool_as_of:
            raise ValidationError(
                "Enter the distribution's date and its total candidates above, or leave the "
                "band counts empty."
            )
        total = ircc.top_level_total(
            [PoolBand(low=band["low"], high=band["high"], count=band["count"]) for band in bands]
        )
        gaps = ircc.sub_band_gaps(
            [PoolBand(low=band["low"], high=band["high"], count=band["count"]) for band in bands]
        )
        # Bands left as they were are IRCC's and stay as published (round #247's do not
        # add up); what an editor types must.
        if gaps and self.has_changed():
            band, sub_total = gaps[0]
            raise ValidationError(
                f"The bands within {band.low}-{band.high} add up to {intcomma(sub_total)}, but "
                f"{band.low}-{band.high} holds {intcomma(band.count)}. Check each figure "
                "against IRCC's table."
            )
        if total != draw.pool_total:
            raise ValidationError(
                f"The main bands add up to {intcomma(total)} but the total above is "
                f"{intcomma(draw.pool_total)}. Check each figure against IRCC's table."
            )


class PoolBandInline(admin.TabularInline):
    model = PoolBand
    form = PoolBandForm
    formset = PoolBandFormSet
    fields = ["low", "high", "count"]
    verbose_name = "pool band"
    verbose_name_plural = (
        "CRS score distribution of the pool (rows left without a count are not saved)"
    )

    def band_template(self, obj):
        """Empty rows laid out like the latest distribution, when the round has none yet."""
        if obj is not None and obj.pool_bands.exists():
            return []
        latest = Draw.objects.exclude(pool_total=None).newest_first().first()
        if latest is None:
            return [{"low": low, "high": high} for low, high in ircc.POOL_BANDS.values()]
        return [{"low": band.low, "high": band.high} for band in latest.pool_bands.all()]

    def initial_bands(self, request, obj):
        """A pasted announcement's bands on the add page, or the rows of band_template."""
        announcement = pasted_announcement(request) if obj is None else None
        if announcement is not None and announcement.pool_bands:
            return [
                {"low": low, "high": high, "count": count}
                for low, high, count in announcement.pool_bands
            ]
        return self.band_template(obj)

    def get_extra(self, request, obj=None, **kwargs):
        return len(self.initial_bands(request, obj)) or 1


@admin.register(Draw)
class DrawAdmin(EditorsVersionAdmin):
    form = DrawForm
    inlines = [PoolBandInline]
    list_display = ["round_label", "date", "stream", "invitations_shown", "crs_min", "status"]
    list_display_links = ["round_label", "date"]
    list_filter = ["stream", "status", ("date", admin.DateFieldListFilter)]
    list_select_related = ["stream"]
    date_hierarchy = "date"
    search_fields = ["round_name"]
    search_help_text = "A round number (392, #392 or 91a) or words from IRCC's round name."
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "opened_revision",
                    ("number", "suffix"),
                    ("date", "confirm_future_date"),
                    "stream",
                    "status",
                ]
            },
        ),
        ("Results", {"fields": ["invitations", "crs_min", "tie_break"]}),
        ("Pool distribution", {"fields": ["pool_as_of", "pool_total"]}),
        (
            "As IRCC published it",
            {
                "fields": [
                    ("round_name", "round_name_fr"),
                    ("eligible_programs", "eligible_programs_fr"),
                    "run_at",
                    "source_url",
                    ("notes", "notes_fr"),
                ]
            },
        ),
    ]

    @admin.display(description="Round", ordering="number")
    def round_label(self, draw):
        return f"#{draw.label}"

    @admin.display(description="Invitations", ordering="invitations")
    def invitations_shown(self, draw):
        return intcomma(draw.invitations)

    def get_changeform_initial_data(self, request):
        initial = {
            "number": Draw.objects.next_number(),
            # The date IRCC will give a round entered now: Ottawa's, not UTC's.
            "date": ircc.ottawa_date(timezone.now()),
            "status": Draw.Status.PUBLISHED,
        }
        initial.update(super().get_changeform_initial_data(request))
        announcement = pasted_announcement(request)
        if announcement is not None:
            initial.update(self.initial_from_announcement(announcement))
        return initial

    def initial_from_announcement(self, announcement):
        """The form's values read from a pasted announcement; the rest keep their defaults."""
        names = ["number", "suffix", "date", "round_name", "invitations", "crs_min"]
        names += ["tie_break", "run_at", "pool_as_of", "pool_total"]
        initial = {
            name: getattr(announcement, name)
            for name in names
            if getattr(announcement, name) is not None
        }
        stream = streams_by_round_name().get((announcement.round_name or "").casefold())
        if stream is not None:
            initial["stream"] = stream.pk
        return initial

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and PASTE_BUTTON in request.POST:
            if not self.has_add_permission(request):
                raise PermissionDenied
            text = request.POST.get("announcement", "")
            request.session[PASTED_SESSION_KEY] = text[:ANNOUNCEMENT_MAX_LENGTH]
            return redirect(f"{request.path}?{PASTED_PARAMETER}")
        announcement = pasted_announcement(request)
        if announcement is not None:
            self.say_what_was_read(request, announcement)
        extra_context = {
            **(extra_context or {}),
            "pasted_announcement": pasted_text(request),
            "announcement_max_length": ANNOUNCEMENT_MAX_LENGTH,
        }
        return super().add_view(request, form_url, extra_context)

    def say_what_was_read(self, request, announcement):
        if announcement.unread:
            messages.warning(
                request,
                f"Not found in the text: {', '.join(announcement.unread)}. "
                "Check the form before saving.",
            )
        else:
            messages.info(request, "Filled in from the announcement. Check the form before saving.")
        if announcement.round_name is None:
            messages.warning(
                request, "Choose the stream: the text gives no round name to find it by."
            )
        elif announcement.round_name.casefold() not in streams_by_round_name():
            messages.warning(
                request,
                f"No stream has IRCC's round name “{announcement.round_name}”: choose the "
                "stream, and add the name to it (Streams → the stream → IRCC round names) so "
                "the next announcement and import find it.",
            )

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, PoolBandInline):
            kwargs["initial"] = inline.initial_bands(request, obj if obj and obj.pk else None)
        return kwargs

    def get_search_results(self, request, queryset, search_term):
        try:
            number, suffix = ircc.parse_draw_number(search_term.strip().lstrip("#"))
        except ValueError:
            return super().get_search_results(request, queryset, search_term)
        return queryset.filter(number=number, **({"suffix": suffix} if suffix else {})), False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.link_sub_bands()


class RoundNameInline(admin.TabularInline):
    model = RoundName
    form = EditorsModelForm
    extra = 1


@admin.register(Stream)
class StreamAdmin(EditorsVersionAdmin):
    list_display = ["name", "short_name", "slug", "kind", "display_order"]
    list_editable = ["display_order"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["short_name"]}
    search_fields = ["name", "short_name", "round_names__name"]
    inlines = [RoundNameInline]
    # Each French text beside its English (issue 17).
    fields = [
        ("name", "name_fr"),
        ("short_name", "short_name_fr"),
        "slug",
        "kind",
        "display_order",
        ("description", "description_fr"),
        ("who_qualifies", "who_qualifies_fr"),
        "official_url",
        ("standing", "standing_fr"),
        "standing_source_url",
    ]


class GuideSourceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if self.instance.reviewed_on and not kept:
            raise ValidationError(
                "A review is checked against IRCC's own pages: list at least one under "
                "Sources checked, or leave Last reviewed as it was."
            )


class GuideSourceInline(admin.TabularInline):
    model = GuideSource
    form = EditorsModelForm
    formset = GuideSourceFormSet
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["title", "title_fr", "url", "display_order"]
    extra = 1


# What readers read: a change to any of these after the last review is shown on the page.
GUIDE_TEXT_FIELDS = {"title", "summary", "body", "official_url"}


@admin.register(Guide)
class GuideAdmin(EditorsVersionAdmin):
    """Guides and their reviews.

    "Last reviewed" is an editor's statement that every claim was checked against the listed
    IRCC pages that day: only this screen sets it, and the page says when its words changed
    after it.
    """

    list_display = ["title", "slug", "reviewed_on", "text_changed_on", "updated_at"]
    inlines = [GuideSourceInline]
    fields = [
        "opened_revision",
        "slug",
        # Each French text beside its English (issue 17).
        ("title", "title_fr"),
        ("short_name", "short_name_fr"),
        ("home_title", "home_title_fr"),
        ("tagline", "tagline_fr"),
        ("summary", "summary_fr"),
        "official_url",
        "reviewed_on",
        "stream",
        "body",
        "body_fr",
    ]
    search_fields = ["title", "body"]

    def get_readonly_fields(self, request, obj=None):
        # The navigation links to guides by slug; only a superuser may change one.
        return [] if request.user.is_superuser else ["slug"]

    def save_model(self, request, obj, form, change):
        if "reviewed_on" in form.changed_data and obj.reviewed_on:
            # A review covers the words as they are saved with it.
            obj.text_changed_on = obj.reviewed_on
        elif GUIDE_TEXT_FIELDS & set(form.changed_data) or not change:
            obj.text_changed_on = timezone.localdate()
        super().save_model(request, obj, form, change)


@admin.register(LogEntry)
class LogEntryAdmin(RecordAdmin):
    """Every change made through the admin, who made it and when: read-only, superusers only."""

    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_module_permission(self, request):
        return request.user.is_superuser
