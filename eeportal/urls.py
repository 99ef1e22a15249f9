"""The site's URLs: the public pages of the draws app and the editors' admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Express Entry rounds: editors"
admin.site.site_title = "Express Entry rounds admin"
admin.site.index_title = "Rounds, streams and guides"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("draws.urls")),
]
