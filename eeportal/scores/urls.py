"""The score tools' URLs. Their query strings are links people share: keep them stable."""

from django.urls import path

from eeportal.scores import views

app_name = "scores"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("crs/calculator/", views.crs_calculator, name="crs_calculator"),
]
