"""The site's URLs: the rounds' pages, the score tools, the editors' admin, site endpoints."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from eeportal import views
from eeportal.sync import views as sync_views

handler400 = "eeportal.views.bad_request"
handler404 = "eeportal.views.page_not_found"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/sync", sync_views.sync_status, name="sync_status"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("", include("eeportal.alerts.urls")),
    path("", include("eeportal.scores.urls")),
    path("", include("eeportal.timeline.urls")),
    path("", include("draws.urls")),
]
