"""The history's filters, one FilterSet shared by the history page, the exports and the API.

Parameter names are part of the site's permalinks: keep them stable.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from draws.models import Draw, Stream
from eeportal.forms import DateInput, WholeNumberInput
from eeportal.i18n.dates import date_format
from eeportal.scores.crs import CRS_MAX

SORTS = {
    "newest": ("-date", "-number", "-suffix"),
    "oldest": ("date", "number", "suffix"),
    "crs-high": ("-crs_min", "-date", "-number"),
    "crs-low": ("crs_min", "-date", "-number"),
    "invitations-high": ("-invitations", "-date", "-number"),
    "invitations-low": ("invitations", "-date", "-number"),
}
SORT_CHOICES = [
    ("newest", gettext_lazy("Newest first")),
    ("oldest", gettext_lazy("Oldest first")),
    ("crs-high", gettext_lazy("Highest CRS first")),
    ("crs-low", gettext_lazy("Lowest CRS first")),
    ("invitations-high", gettext_lazy("Most invitations first")),
    ("invitations-low", gettext_lazy("Fewest invitations first")),
]
FIRST_YEAR, LAST_YEAR = 2015, 2100


class WholeNumberFilter(django_filters.NumberFilter):
    """A filter on a whole number: years, scores and invitations have no fractions, so
    "450.5" is refused with the field's error rather than read as a bound between scores."""

    field_class = forms.IntegerField


DEFAULT_SORT = "newest"
# The parameters that choose rounds (sort and page only order and cut the same set).
FILTERING = ["stream", "year", "date_from", "date_to", "crs_min", "crs_max", "invitations_min"]


class DrawFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The streams' names in the page's language (str(stream) is the English name).
        self.fields["stream"].label_from_instance = lambda stream: stream.translated("name")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        low, high = data.get("crs_min"), data.get("crs_max")
        if low is not None and high is not None and low > high:
            self.add_error("crs_max", _("The highest CRS score is below the lowest."))
        return data


class DrawFilter(django_filters.FilterSet):
    stream = django_filters.ModelMultipleChoiceFilter(
        field_name="stream__slug",
        queryset=Stream.objects.all(),
        to_field_name="slug",
        # One stream per round: the join cannot repeat rows, so no DISTINCT is needed.
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Streams"),
    )
    year = WholeNumberFilter(
        field_name="date__year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        label=gettext_lazy("Year"),
        widget=WholeNumberInput,
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label=gettext_lazy("From"),
        widget=DateInput(format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label=gettext_lazy("To"),
        widget=DateInput(format="%Y-%m-%d"),
    )
    crs_min = WholeNumberFilter(
        field_name="crs_min",
        lookup_expr="gte",
        min_value=0,
        max_value=CRS_MAX,
        label=gettext_lazy("CRS at least"),
        widget=WholeNumberInput,
    )
    crs_max = WholeNumberFilter(
        field_name="crs_min",
        lookup_expr="lte",
        min_value=0,
        max_value=CRS_MAX,
        label=gettext_lazy("CRS at most"),
        widget=WholeNumberInput,
    )
    invitations_min = WholeNumberFilter(
        field_name="invitations",
        lookup_expr="gte",
        min_value=0,
        max_value=1_000_000,
        label=gettext_lazy("Invitations at least"),
        widget=WholeNumberInput,
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="sort_by", empty_label=None, label=gettext_lazy("Sort")
    )

    class Meta:
        model = Draw
        fields = []
        form = DrawFilterForm

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value])

    def title(self):
        """The filtered rounds in words, for the page's heading and <title>:
        'Canadian Experience Class rounds in 2025', or '' when no filter is in use.
        Call after is_valid()."""
        return describe(self.form.cleaned_data) if self.is_bound else ""

    def canonical_query(self):
        """The filters in use as one query string, the same however they were written: the
        declared parameters only, in declaration order, defaults left out. Call after
        is_valid()."""
        data = self.form.cleaned_data if self.is_bound else {}
        pairs = []
        for name in self.base_filters:
            value = data.get(name)
            if not in_use(value) or (name == "sort" and value == DEFAULT_SORT):
                continue
            if name == "stream":
                pairs += [(name, stream.slug) for stream in ordered_streams(value)]
            else:
                pairs.append((name, plain(value)))
        return urlencode(pairs)


def in_use(value):
    """Whether a cleaned filter value chooses anything: no streams is an empty queryset."""
    if value is None or value == "":
        return False
    return not hasattr(value, "__len__") or len(value) > 0


def ordered_streams(streams):
    return sorted(streams, key=lambda stream: (stream.display_order, stream.name))


def plain(value):
    """A cleaned value as a link writes it: dates in ISO form."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def describe(data):
    """'Canadian Experience Class rounds in 2025', 'CEC and PNP rounds with a minimum CRS of
    500 or more': the filters in use as a title ('' for none). Sorting changes no rounds,
    so it says nothing. Each piece is a sentence of its own to translate (French puts the
    stream first: 'Catégorie de l'expérience canadienne : rondes en 2025')."""
    if not any(in_use(data.get(name)) for name in FILTERING):
        return ""
    streams = ordered_streams(data.get("stream") or [])
    if len(streams) == 1:
        words = [_("%(stream)s rounds") % {"stream": streams[0].translated("name")}]
    elif streams:
        names = [stream.translated("short_name") for stream in streams]
        words = [
            pgettext("the rounds of several streams", "%(streams)s rounds")
            % {"streams": get_text_list(names, pgettext("the last of a list", "and"))}
        ]
    else:
        words = [_("Express Entry rounds")]
    if data.get("year") is not None:
        words.append(_("in %(year)s") % {"year": plain(data["year"])})
    start, end = data.get("date_from"), data.get("date_to")
    if start and end:
        words.append(
            _("from %(start)s to %(end)s") % {"start": date_format(start), "end": date_format(end)}
        )
    elif start:
        words.append(_("from %(start)s on") % {"start": date_format(start)})
    elif end:
        words.append(_("up to %(end)s") % {"end": date_format(end)})
    low, high = data.get("crs_min"), data.get("crs_max")
    if low is not None and high is not None:
        words.append(
            _("with a minimum CRS from %(low)s to %(high)s")
            % {"low": intcomma(low), "high": intcomma(high)}
        )
    elif low is not None:
        words.append(_("with a minimum CRS of %(low)s or more") % {"low": intcomma(low)})
    elif high is not None:
        words.append(_("with a minimum CRS of %(high)s or less") % {"high": intcomma(high)})
    if data.get("invitations_min") is not None:
        least = {"invitations": intcomma(data["invitations_min"])}
        if low is not None or high is not None:
            words.append(_("and at least %(invitations)s invitations") % least)
        else:
            words.append(_("with at least %(invitations)s invitations") % least)
    return " ".join(words)
