from django.apps import AppConfig


class SyncConfig(AppConfig):
    name = "eeportal.sync"
    label = "sync"
    verbose_name = "IRCC feed sync"
