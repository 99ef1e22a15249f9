"""The score tools' URLs. Their query strings are links people share: keep them stable."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from eeportal.scores import views

app_name = "scores"

urlpatterns = [
    path(_("check/"), views.check, name="check"),
    path(_("crs/calculator/"), views.crs_calculator, name="crs_calculator"),
]
