"""The history's filters, one FilterSet shared by the history page, the exports and the API.

Parameter names are part of the site's permalinks: keep them stable.
"""

import django_filters
from django import forms

from draws.models import Draw, Stream
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
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("crs-high", "Highest CRS first"),
    ("crs-low", "Lowest CRS first"),
    ("invitations-high", "Most invitations first"),
    ("invitations-low", "Fewest invitations first"),
]
FIRST_YEAR, LAST_YEAR = 2015, 2100


class DrawFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        low, high = data.get("crs_min"), data.get("crs_max")
        if low is not None and high is not None and low > high:
            self.add_error("crs_max", "The highest CRS score is below the lowest.")
        return data


class DrawFilter(django_filters.FilterSet):
    stream = django_filters.ModelMultipleChoiceFilter(
        field_name="stream__slug",
        queryset=Stream.objects.all(),
        to_field_name="slug",
        # One stream per round: the join cannot repeat rows, so no DISTINCT is needed.
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        label="Streams",
    )
    year = django_filters.NumberFilter(
        field_name="date__year", min_value=FIRST_YEAR, max_value=LAST_YEAR, label="Year"
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    crs_min = django_filters.NumberFilter(
        field_name="crs_min",
        lookup_expr="gte",
        min_value=0,
        max_value=CRS_MAX,
        label="CRS at least",
    )
    crs_max = django_filters.NumberFilter(
        field_name="crs_min",
        lookup_expr="lte",
        min_value=0,
        max_value=CRS_MAX,
        label="CRS at most",
    )
    invitations_min = django_filters.NumberFilter(
        field_name="invitations",
        lookup_expr="gte",
        min_value=0,
        max_value=1_000_000,
        label="Invitations at least",
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="sort_by", empty_label=None, label="Sort"
    )

    class Meta:
        model = Draw
        fields = []
        form = DrawFilterForm

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value])
