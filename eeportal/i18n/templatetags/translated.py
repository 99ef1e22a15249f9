"""Template filters for the two languages.

{{ stream|translated:"name" }}: an editor-written field in the page's language.
{{ "fr"|language_tag }}: the BCP 47 tag the pages' hreflang use ("fr-CA").
{{ 12.5|percent }}: "12.5%" in English, "12,5 %" in French.
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from eeportal.i18n.context_processors import LANGUAGE_TAGS
from eeportal.i18n.translated import translated_field

register = template.Library()


@register.filter
def translated(obj, field):
    # Any object: models without TranslatedFields (timeline events) show their English.
    return translated_field(obj, field)


@register.filter
def language_tag(code):
    return LANGUAGE_TAGS.get(code, code)


@register.filter
def percent(value, decimals=-1):
    """{{ 12.5|percent }}: "12.5%" in English, "12,5 %" in French (a non-breaking space
    before the sign, as French typography asks). Decimals as floatformat's argument."""
    if value is None or value == "":
        return ""
    return _("%(number)s%%") % {"number": floatformat(value, decimals)}
