"""Template filters for the two languages.

{{ stream|translated:"name" }}: an editor-written field in the page's language.
{{ "fr"|language_tag }}: the BCP 47 tag the pages' hreflang use ("fr-CA").
"""

from django import template

from eeportal.i18n.context_processors import LANGUAGE_TAGS

register = template.Library()


@register.filter
def translated(obj, field):
    return obj.translated(field)


@register.filter
def language_tag(code):
    return LANGUAGE_TAGS.get(code, code)
