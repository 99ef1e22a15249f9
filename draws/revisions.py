"""Every change to rounds, streams and guides, kept with its values (django-reversion).

A round and its pool bands are one thing to an editor, so they are kept in one revision
(`follow`), restored together (bands added since are removed, deleted ones come back), and
a deleted round comes back with its bands. Revisions are made by the admin (its screens
are reversion's VersionAdmin), and by the importers, one revision per round they create or
change, so restoring one round never touches another.

The models are registered where they are defined (draws/models.py). A band's `parent` is
not kept: it follows from the bands' ranges, and every save through the admin sets it
again (Draw.link_sub_bands).

What changed since a form was opened is what stops one editor saving over another's work
(`changes_since`, used by the admin's forms).
"""

from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from reversion.models import Version

from draws.models import Draw, PoolBand

# Bookkeeping, not content: never reported as someone's change.
UNCOMPARED_FIELDS = {"created_at", "updated_at"}


def latest_revision_id(obj):
    """The id of the newest revision holding `obj`, or 0 when none was ever made."""
    version = Version.objects.get_for_object(obj).only("revision_id").first()
    return version.revision_id if version else 0


@dataclass
class Change:
    """One revision saved after a form was opened: who, when, and the fields it changed."""

    by: str
    at: object
    fields: list

    def describe(self):
        when = f"{self.by} at {self.at:%H:%M:%S} UTC"
        return f"{when} ({', '.join(self.fields)})" if self.fields else when


def who(revision):
    if revision.user is not None:
        return revision.user.get_username()
    return revision.comment or "a command"


def changes_since(obj, revision_id):
    """The revisions of `obj` newer than `revision_id`, oldest first, each with its changes."""
    versions = list(
        Version.objects.get_for_object(obj)
        .filter(revision_id__gte=revision_id)
        .select_related("revision__user")
        .order_by("revision_id")
    )
    changes = []
    previous = versions[0] if versions and versions[0].revision_id == revision_id else None
    for version in versions:
        if version.revision_id == revision_id:
            continue
        changes.append(
            Change(
                by=who(version.revision),
                at=version.revision.date_created,
                fields=changed_fields(obj, previous, version),
            )
        )
        previous = version
    return changes


def changed_fields(obj, before, after):
    """Names (as editors see them) of what differs from `before` to `after`."""
    if before is None:  # the object had no revision when the form was opened
        return []
    names = []
    old = before.field_dict
    for field, value in after.field_dict.items():
        if field in UNCOMPARED_FIELDS or old.get(field) == value:
            continue
        label = str(obj._meta.get_field(field).verbose_name)
        if isinstance(value, int) and isinstance(old.get(field), int):
            label += f" {intcomma(old[field])} → {intcomma(value)}"
        names.append(label)
    if isinstance(obj, Draw) and bands_of(before) != bands_of(after):
        names.append("pool distribution")
    return names


def bands_of(version):
    """(low, high, count) of each band kept in `version`'s revision, for a round's version."""
    bands = version.revision.version_set.filter(
        content_type__model=PoolBand._meta.model_name,
        content_type__app_label=PoolBand._meta.app_label,
    )
    return sorted(
        (band.field_dict["low"], band.field_dict["high"], band.field_dict["count"])
        for band in bands
    )
