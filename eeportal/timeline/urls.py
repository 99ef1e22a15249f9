from django.urls import path

from eeportal.timeline import views

app_name = "timeline"

urlpatterns = [path("timeline/", views.timeline, name="index")]
