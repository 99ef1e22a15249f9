"""Public URLs. They are permalinks people share: keep them stable."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.decorators.http import require_safe

from draws import api, feeds, views
from draws.sitemaps import SITEMAPS
from eeportal.pagecache.query import reads_query

app_name = "draws"

urlpatterns = [
    path("", views.home, name="home"),
    path("card.png", views.site_card, name="site_card"),
    path("draws/", views.draw_list, name="list"),
    path("draws/export.csv", api.export_csv, name="export_csv"),
    path("draws/export.json", api.export_json, name="export_json"),
    path("draws/<str:number>/", views.draw_detail, name="detail"),
    path("draws/<str:number>/card.png", views.draw_card, name="card"),
    path("streams/", views.stream_list, name="stream_list"),
    path("streams/<slug:slug>/", views.stream_detail, name="stream_detail"),
    path("streams/<slug:slug>/card.png", views.stream_card, name="stream_card"),
    path("categories/", views.categories, name="categories"),
    path("programs/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("pool/", views.pool, name="pool"),
    path("about/", views.about, name="about"),
    path("corrections/", views.correction_list, name="corrections"),
    path("feeds/draws/", require_safe(feeds.DrawFeed()), name="feed"),
    path("feeds/draws/atom/", require_safe(feeds.AtomDrawFeed()), name="feed_atom"),
    path("feeds/streams/<slug:slug>/", require_safe(feeds.StreamDrawFeed()), name="stream_feed"),
    path(
        "feeds/streams/<slug:slug>/atom/",
        require_safe(feeds.AtomStreamDrawFeed()),
        name="stream_feed_atom",
    ),
    path("api/", api.docs, name="api"),
    path("api/draws/", api.draw_list, name="api_draw_list"),
    path("api/draws/<str:number>/", api.draw_detail, name="api_draw_detail"),
    path("api/streams/", api.stream_list, name="api_stream_list"),
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
