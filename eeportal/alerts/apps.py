from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "eeportal.alerts"
    label = "alerts"
    verbose_name = "Round alerts"

    def ready(self):
        from eeportal.alerts import publication

        publication.connect()
