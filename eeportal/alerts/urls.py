from django.urls import path

from eeportal.alerts import views

app_name = "alerts"
urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/sent/", views.sent, name="sent"),
    path("alerts/privacy/", views.privacy, name="privacy"),
    path("alerts/confirm/<str:confirmation>/", views.confirm, name="confirm"),
    path("alerts/manage/<str:token>/", views.manage, name="manage"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
