"""The sync in the admin: recent runs, a warning when checks have stopped, "Check IRCC now",
a feed file to preview, and the conflicts an editor settles."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from eeportal.admin_site import RecordAdmin
from eeportal.sync import running
from eeportal.sync.models import SyncConflict, SyncRun


class FeedFileForm(forms.Form):
    feed = forms.FileField(
        label="A feed file (ee_rounds_123_en.json)",
        help_text="What it would change is shown first; nothing is applied until you confirm.",
    )


@admin.register(SyncRun)
class SyncRunAdmin(RecordAdmin):
    list_display = [
        "started_at",
        "outcome",
        "created",
        "corrected",
        "conflicts",
        "http_status",
        "etag",
        "message",
    ]
    list_filter = ["outcome"]
    change_list_template = "admin/sync/syncrun/change_list.html"

    def get_urls(self):
        return [
            path("check/", self.admin_site.admin_view(self.check_now), name="sync_check_now"),
            path("preview/", self.admin_site.admin_view(self.preview), name="sync_preview"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        last_success = SyncRun.objects.last_success()
        extra_context = {
            **(extra_context or {}),
            "last_success": last_success,
            "overdue": SyncRun.is_overdue(last_success),
            "open_conflicts": SyncConflict.objects.open().count(),
            "feed_form": FeedFileForm(),
        }
        return super().changelist_view(request, extra_context)

    def check_now(self, request):
        if request.method != "POST" or not request.user.has_perm("draws.change_draw"):
            raise PermissionDenied
        record = running.run()
        level = messages.ERROR if record.outcome == SyncRun.Outcome.FAILED else messages.SUCCESS
        text = f"{record.get_outcome_display()}: {record.created} new, {record.corrected} "
        text += f"corrected, {record.conflicts} conflicts. {record.message}"
        messages.add_message(request, level, text.strip())
        return redirect("admin:sync_syncrun_changelist")

    def preview(self, request):
        """A feed file: what it would change first; applied when the editor confirms."""
        if request.method != "POST" or not request.user.has_perm("draws.change_draw"):
            raise PermissionDenied
        if "apply" in request.POST:
            body = request.session.pop("sync_preview_feed", "").encode()
            if not body:
                messages.error(request, "Nothing to apply: upload the file again.")
                return redirect("admin:sync_syncrun_changelist")
            record = running.run_with_body(body, source="feed file uploaded in the admin")
            level = messages.ERROR if record.outcome == SyncRun.Outcome.FAILED else messages.SUCCESS
            text = f"{record.get_outcome_display()}. {record.message}"
            messages.add_message(request, level, text.strip())
            return redirect("admin:sync_syncrun_changelist")
        form = FeedFileForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, "Choose a feed file to preview.")
            return redirect("admin:sync_syncrun_changelist")
        body = form.cleaned_data["feed"].read(settings.IRCC_FEED_MAX_BYTES + 1)
        try:
            result = running.preview(body)
        except running.SyncFailed as failure:
            messages.error(request, str(failure))
            return redirect("admin:sync_syncrun_changelist")
        request.session["sync_preview_feed"] = body.decode("utf-8", errors="replace")
        context = {
            **self.admin_site.each_context(request),
            "title": "What this feed would change",
            "result": result,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/sync/preview.html", context)


@admin.register(SyncConflict)
class SyncConflictAdmin(RecordAdmin):
    """A figure IRCC changed that an editor had changed too: both values, and a choice."""

    list_display = ["draw", "field", "site_value", "ircc_value", "found_at", "settled_at"]
    list_filter = [("settled_at", admin.EmptyFieldListFilter), "field"]
    list_select_related = ["draw"]
    actions = ["use_irccs_value", "keep_the_sites_value"]

    @admin.action(description="Use IRCC's value", permissions=["settle"])
    def use_irccs_value(self, request, queryset):
        with transaction.atomic():
            for conflict in queryset.open().select_related("draw"):
                conflict.draw.take_irccs_figure(conflict.field, conflict.ircc_value)
                self.settle(conflict, request, "ircc")
        messages.success(request, "IRCC's values are in place.")

    @admin.action(description="Keep the site's value", permissions=["settle"])
    def keep_the_sites_value(self, request, queryset):
        with transaction.atomic():
            for conflict in queryset.open().select_related("draw"):
                conflict.draw.acknowledge_irccs_figure(conflict.field, conflict.ircc_value)
                self.settle(conflict, request, "site")
        messages.success(request, "The site's values stay; IRCC's are noted as seen.")

    def has_settle_permission(self, request):
        return request.user.has_perm("draws.change_draw")

    @staticmethod
    def settle(conflict, request, settlement):
        conflict.settled_at = timezone.now()
        conflict.settled_by = request.user
        conflict.settlement = settlement
        conflict.save()
