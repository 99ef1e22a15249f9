"""The alerts in the admin: how many subscribe to what, and how each round's alert went.

Never who: there is no list of addresses to browse, search or export, for editors or for
superusers (an address is only ever read by the code that mails it). The subscribers'
screen is a table of counts; the round alerts' list shows figures only.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path

from eeportal.alerts.models import RoundAlert, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    def get_urls(self):
        # Only the summary: no change, history or delete page that could show an address.
        summary = self.admin_site.admin_view(self.summary_view)
        info = self.opts.app_label, self.opts.model_name
        return [path("", summary, name=f"{info[0]}_{info[1]}_changelist")]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}

    def summary_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        confirmed = Subscriber.objects.confirmed()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Round alert subscribers",
            "streams": Subscriber.objects.counts_per_stream(),
            "confirmed": confirmed.count(),
            "every_round": confirmed.filter(all_streams=True).count(),
            "with_score": confirmed.filter(score__isnull=False).count(),
            "waiting": Subscriber.objects.filter(confirmed_at__isnull=True).count(),
        }
        return TemplateResponse(request, "admin/alerts/subscriber/summary.html", context)


@admin.register(RoundAlert)
class RoundAlertAdmin(admin.ModelAdmin):
    list_display = ["draw", "created_at", "planned_at", "recipients", "sent", "waiting"]
    list_select_related = ["draw"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                sent=Count("deliveries", filter=Q(deliveries__sent_at__isnull=False)),
                waiting=Count("deliveries", filter=Q(deliveries__sent_at__isnull=True)),
            )
        )

    @admin.display(description="sent")
    def sent(self, alert):
        return alert.sent

    @admin.display(description="not sent yet")
    def waiting(self, alert):
        return alert.waiting

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
