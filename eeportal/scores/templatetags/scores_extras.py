from django import template

from eeportal.scores.crs import CRS_MAX

register = template.Library()


@register.simple_tag
def crs_max():
    """The CRS maximum, for number inputs that take a score."""
    return CRS_MAX
