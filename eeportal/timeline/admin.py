"""Editors add and correct the rule changes; only superusers delete (EditorsVersionAdmin)."""

from django.contrib import admin

from draws.admin import EditorsVersionAdmin
from eeportal.timeline.models import TimelineEvent


@admin.register(TimelineEvent)
class TimelineEventAdmin(EditorsVersionAdmin):
    list_display = ["date", "title", "source_title"]
    date_hierarchy = "date"
    search_fields = ["title", "what_changed"]
    # Each French text beside its English (issue 17).
    fields = [
        "opened_revision",
        "date",
        ("title", "title_fr"),
        ("what_changed", "what_changed_fr"),
        ("source_title", "source_title_fr"),
        "source_url",
    ]
