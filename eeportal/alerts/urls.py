"""The alerts' addresses, in English and, translated in locale/fr, in French. Confirmation,
change and unsubscribe links are in emails people keep: keep them stable."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from eeportal.alerts import views

app_name = "alerts"
urlpatterns = [
    path(_("alerts/"), views.subscribe, name="subscribe"),
    path(_("alerts/sent/"), views.sent, name="sent"),
    path(_("alerts/privacy/"), views.privacy, name="privacy"),
    path(_("alerts/confirm/<str:confirmation>/"), views.confirm, name="confirm"),
    path(_("alerts/manage/<str:token>/"), views.manage, name="manage"),
    path(_("alerts/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
