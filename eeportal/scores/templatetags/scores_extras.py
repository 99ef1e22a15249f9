from django import template
from django.utils import timezone

from eeportal.scores import crs
from eeportal.scores.crs import CRS_MAX

register = template.Library()


@register.simple_tag
def crs_max():
    """The CRS maximum, for number inputs that take a score."""
    return CRS_MAX


@register.inclusion_tag("scores/_crs_rules_currency.html")
def crs_rules_currency(rules=None):
    """Which CRS rule set a page applies, since when, and when it was checked against IRCC's
    criteria page: today's set unless another is given."""
    rules = rules or crs.rules_in_force(timezone.localdate())
    return {
        "rule_set": rules,
        "until": crs.in_force_until(rules),
        "source_url": crs.RULES_SOURCE_URL,
    }
