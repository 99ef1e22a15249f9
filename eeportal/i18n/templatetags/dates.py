"""The `date` filter, registered as a template builtin (settings.TEMPLATES) in place of
Django's, so that every `{{ value|date }}` writes "1er" for the first of a month in French
(eeportal/i18n/dates.py) without each template loading anything.

Otherwise it is Django's filter line for line (django/template/defaultfilters.py): the same
`expects_localtime` flag, with which the template engine converts an aware datetime to the
current time zone before the filter sees it, and the same answers for empty or odd values.
"""

from django import template
from django.utils.dateformat import format

from eeportal.i18n.dates import date_format

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """Format a date according to the given format."""
    if value in (None, ""):
        return ""
    try:
        return date_format(value, arg)
    except AttributeError:
        try:
            return format(value, arg)
        except AttributeError:
            return ""
