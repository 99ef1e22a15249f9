"""Public URLs. They are permalinks people share: keep them stable."""

from django.urls import path

from draws import views

app_name = "draws"

urlpatterns = [
    path("", views.home, name="home"),
    path("draws/", views.draw_list, name="list"),
    path("draws/<str:number>/", views.draw_detail, name="detail"),
    path("streams/", views.stream_list, name="stream_list"),
    path("streams/<slug:slug>/", views.stream_detail, name="stream_detail"),
    path("programs/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("about/", views.about, name="about"),
]
