from django.apps import AppConfig


class ScoresConfig(AppConfig):
    name = "eeportal.scores"
    label = "scores"
    verbose_name = "Score tools"
