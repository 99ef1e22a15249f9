"""How the site's forms are drawn: each field with its label, help and errors, from
templates/forms/field.html, when a template asks for `{{ form.field.as_field_group }}`.

TemplatesSetting rather than Django's default renderer: the default one looks only in
Django's and the apps' own templates, not in templates/ where the site's field template lives.
"""

import re

from django import forms
from django.forms.renderers import TemplatesSetting

# A valid floating-point number in HTML's syntax (what a type="number" value may hold).
NUMBER = re.compile(r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")
# A valid date string (what a type="date" value may hold): a year of four digits or more.
DATE = re.compile(r"\d{4,}-\d\d-\d\d")


class SiteFormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"


class NumberInput(forms.NumberInput):
    """A number box that never writes back text that is not a number.

    `<input type="number" value="abcd">` is invalid HTML, and browsers show such a box
    empty anyway: what was typed is dropped here and the field's error says what to type.
    """

    def format_value(self, value):
        if isinstance(value, str):
            value = value.strip()
            if not NUMBER.fullmatch(value):
                return None
        return super().format_value(value)


class DateInput(forms.DateInput):
    """A date box (type="date") that writes back only dates in HTML's form, for the same
    reason as NumberInput: `value="someday"` is invalid HTML and shows as an empty box."""

    input_type = "date"

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and not DATE.fullmatch(value.strip()):
            return None
        return value
