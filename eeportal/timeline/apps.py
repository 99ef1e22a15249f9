from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "eeportal.timeline"
    label = "timeline"
    verbose_name = "Timeline of rule changes"
