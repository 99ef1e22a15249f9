"""Public URLs. They are permalinks people share: keep them stable.

Each path is also a French one: eeportal/urls.py serves these under /fr/, with the path's
words translated in locale/fr (README.md lists them). Changing a French translation moves a
French address, as changing an English path moves an English one.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from draws import api, feeds, views

app_name = "draws"


urlpatterns = [
    path("", views.home, name="home"),
    path("card.png", views.site_card, name="site_card"),
    path(_("draws/"), views.draw_list, name="list"),
    path(_("draws/export.csv"), api.export_csv, name="export_csv"),
    path(_("draws/export.json"), api.export_json, name="export_json"),
    path(_("draws/<str:number>/"), views.draw_detail, name="detail"),
    path(_("draws/<str:number>/card.png"), views.draw_card, name="card"),
    path(_("streams/"), views.stream_list, name="stream_list"),
    path(_("streams/<slug:slug>/"), views.stream_detail, name="stream_detail"),
    path(_("streams/<slug:slug>/card.png"), views.stream_card, name="stream_card"),
    path(_("categories/"), views.categories, name="categories"),
    path(_("programs/<slug:slug>/"), views.guide_detail, name="guide_detail"),
    path(_("pool/"), views.pool, name="pool"),
    path(_("about/"), views.about, name="about"),
    path(_("corrections/"), views.correction_list, name="corrections"),
    path(_("feeds/draws/"), require_safe(feeds.DrawFeed()), name="feed"),
    path(_("feeds/draws/atom/"), require_safe(feeds.AtomDrawFeed()), name="feed_atom"),
    path(
        _("feeds/streams/<slug:slug>/"),
        require_safe(feeds.StreamDrawFeed()),
        name="stream_feed",
    ),
    path(
        _("feeds/streams/<slug:slug>/atom/"),
        require_safe(feeds.AtomStreamDrawFeed()),
        name="stream_feed_atom",
    ),
    path("api/", api.docs, name="api"),
    path(_("api/draws/"), api.draw_list, name="api_draw_list"),
    path(_("api/draws/<str:number>/"), api.draw_detail, name="api_draw_detail"),
    path(_("api/streams/"), api.stream_list, name="api_stream_list"),
]
