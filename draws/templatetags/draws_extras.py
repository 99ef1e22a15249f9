"""Small presentation filters for the public pages."""

import markdown as markdown_lib
import nh3
from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from draws import sharing

register = template.Library()

# What editors' Markdown may produce; anything else (scripts, event handlers, styles,
# javascript: links) is removed by nh3 before the page shows it.
ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "code", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "span",
}  # fmt: skip
# <span lang="en">: a name left in English in a French guide (an organisation's), so screen
# readers pronounce it in English (WCAG 3.1.2) and the French pages' check leaves it be.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"align"},
    "td": {"align"},
    "span": {"lang"},
}


@register.filter
def markdown(text):
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists"])
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"https", "http", "mailto"},
            link_rel="noopener noreferrer",
        )
    )


@register.filter
def signed(value):
    """+3, -3 (printed with a true minus sign), or 0: how a figure moved."""
    if value is None:
        return ""
    if value > 0:
        return f"+{intcomma(value)}"
    if value < 0:
        return f"\u2212{intcomma(abs(value))}"
    return "0"


@register.filter
def trend(value):
    """A word for screen readers and CSS: up, down or same."""
    if value is None or value == 0:
        return "same"
    return "up" if value > 0 else "down"


@register.filter
def json_ld(data):
    """Structured data as JSON that cannot close the <script> element it sits in."""
    return mark_safe(sharing.json_ld(data))


@register.filter
def days_ago(days):
    """'today', 'yesterday', '12 days ago': a filter rather than an include, so that the
    words can sit inside a translated sentence ({% blocktranslate with ago=… %})."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("%(count)s day ago", "%(count)s days ago", days) % {"count": intcomma(days)}
