"""The timeline's address, in English and, translated in locale/fr, in French."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from eeportal.timeline import views

app_name = "timeline"

urlpatterns = [path(_("timeline/"), views.timeline, name="index")]
