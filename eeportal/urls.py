"""The site's URLs: the rounds' pages, the score tools, the editors' admin, site endpoints.

Pages are English at their addresses and French under /fr/, with French words in the path
(i18n_patterns without a prefix for the default language): an English link people shared
keeps working and never redirects by the visitor's browser language.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
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
    path("", include("draws.site_urls")),
    *i18n_patterns(
        path("", include("eeportal.alerts.urls")),
        path("", include("eeportal.scores.urls")),
        path("", include("eeportal.timeline.urls")),
        path("", include("draws.urls")),
        prefix_default_language=False,
    ),
]
