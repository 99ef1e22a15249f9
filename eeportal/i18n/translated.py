"""Editors' French text beside the English: plain `<field>_fr` columns on the models.

Why plain fields rather than django-modeltranslation or django-parler: the French versions are
a handful of columns on three models (Stream, Guide, Draw) that other work keeps adding fields
to; a column each is an ordinary migration that merges like any other, shows in the admin
beside its English twin with no registry or second table to keep in step, and costs no query
(parler reads a translations table per object; modeltranslation patches the models at start-up).
"""

from django.utils import translation


class TranslatedFields:
    """For models with `<field>_fr` twins of some English fields."""

    def translated(self, field):
        """The field in the page's language: on French pages its French text when an editor
        wrote one, otherwise (and on English pages) the English."""
        return translated_field(self, field)

    def lacks_translation(self, field):
        """True on a French page whose French text for `field` is not written yet."""
        return translation.get_language() == "fr" and not getattr(self, f"{field}_fr", "")


def translated_field(obj, field):
    """`obj.field` in the page's language, for any object: on French pages `field_fr` when it
    exists and an editor wrote it, otherwise the English. A field whose French twin does not
    exist yet (templates may ask for it before its migration lands) shows the English."""
    if translation.get_language() == "fr":
        return getattr(obj, f"{field}_fr", "") or getattr(obj, field)
    return getattr(obj, field)
