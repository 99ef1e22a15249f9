"""/timeline/: every dated rule change, oldest first, each with IRCC's source."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from draws import sharing
from eeportal.timeline.models import TimelineEvent

TIMELINE_META = sharing.PageMeta(
    title=gettext_lazy("Timeline of Express Entry rule changes"),
    description=gettext_lazy(
        "Each change to Express Entry's ranking rules and categories that moved the "
        "CRS cut-offs since 2015, with the day it took effect and IRCC's source."
    ),
)


@require_safe
def timeline(request):
    return render(
        request,
        "timeline/timeline.html",
        {
            "section": "timeline",
            "meta": TIMELINE_META.resolved(),
            "events": TimelineEvent.objects.oldest_first(),
        },
    )
