"""{{ stream|translated:"name" }}: an editor-written field in the page's language."""

from django import template

register = template.Library()


@register.filter
def translated(obj, field):
    return obj.translated(field)
