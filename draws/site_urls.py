"""The site's files for robots and browsers: one address each, in no language.

Outside eeportal/urls.py's i18n_patterns, so there is no /fr/robots.txt. They keep the
"draws" namespace's names under their own, "site" (site:sitemap, site:robots_txt).
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import require_safe

from draws import views
from draws.sitemaps import SITEMAPS
from eeportal.pagecache.query import reads_query

app_name = "site"

urlpatterns = [
    path(
        "sitemap.xml",
        # The sitemap paginates with ?p= once it outgrows one file.
        reads_query("p")(require_safe(sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("apple-touch-icon.png", views.apple_touch_icon, name="apple_touch_icon"),
]
