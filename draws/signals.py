"""Any change to what the public sees bumps the content version, expiring cached pages."""

from django.db.models.signals import post_delete, post_save

from draws.models import ContentVersion, Draw, Guide, PoolBand, RoundName, Stream

PUBLIC_MODELS = (Draw, PoolBand, Stream, RoundName, Guide)


def content_changed(sender, **kwargs):
    if kwargs.get("raw"):  # loaddata: fixtures bring their own state
        return
    ContentVersion.bump()


def connect():
    for model in PUBLIC_MODELS:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"version-save-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"version-del-{model}")
