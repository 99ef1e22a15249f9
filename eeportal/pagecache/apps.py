from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "eeportal.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from eeportal.pagecache import signals

        signals.connect()
