"""Corrections: a published round's figure that changes is recorded, and readers told.

Readers may have acted on a figure (a cut-off met or missed), so a change to what they saw
is shown on the round's page, marked in the feeds and the API, and listed at /corrections/.
What counts: the invitations, the minimum CRS, the date, the stream and the tie-break of a
round that has been published (Draw.published_at), changed by any path. A restored revision
is saved without Django's save() (raw), so this listens to the save signals, raw ones
included, rather than overriding Draw.save(). Notes and IRCC's wording are not figures:
fixing a typo there is not a correction.
"""

from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from draws.models import Correction, Draw, Stream

# Draw attribute -> the Correction field it is recorded as.
CORRECTED = {
    "invitations": Correction.Field.INVITATIONS,
    "crs_min": Correction.Field.CRS_MIN,
    "date": Correction.Field.DATE,
    "stream_id": Correction.Field.STREAM,
    "tie_break": Correction.Field.TIE_BREAK,
}


def remember_what_readers_saw(sender, instance, **kwargs):
    """Before a round is saved: its stored figures, and the moment it is first published."""
    instance.figures_before_save = None
    if instance.pk is not None:
        instance.figures_before_save = (
            Draw.objects.filter(pk=instance.pk).values(*CORRECTED, "published_at").first()
        )
    if instance.status == Draw.Status.PUBLISHED and instance.published_at is None:
        instance.published_at = timezone.now()


def record_corrections(sender, instance, **kwargs):
    before = getattr(instance, "figures_before_save", None)
    if not before or before["published_at"] is None:
        return
    changed = [name for name in CORRECTED if before[name] != getattr(instance, name)]
    Correction.objects.bulk_create(
        Correction(
            draw=instance,
            field=CORRECTED[name],
            before=as_json(name, before[name]),
            after=as_json(name, getattr(instance, name)),
        )
        for name in changed
    )


def as_json(name, value):
    if value is None:
        return None
    if name == "stream_id":
        return Stream.objects.filter(pk=value).values_list("slug", flat=True).first()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def connect():
    pre_save.connect(remember_what_readers_saw, sender=Draw, dispatch_uid="corrections-before")
    post_save.connect(record_corrections, sender=Draw, dispatch_uid="corrections-record")
