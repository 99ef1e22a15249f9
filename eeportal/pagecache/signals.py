"""Any change to what the public sees bumps the content version, retiring cached pages.

The models watched are settings.PAGE_CACHE_WATCHED_MODELS: the page cache knows nothing of
the apps whose pages it keeps.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

from eeportal.pagecache.models import ContentVersion


def content_changed(sender, **kwargs):
    if kwargs.get("raw"):  # loaddata: fixtures bring their own state
        return
    ContentVersion.bump()


def connect():
    for label in settings.PAGE_CACHE_WATCHED_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"version-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"version-del-{label}")
