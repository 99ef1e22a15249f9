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


class WholeNumberInput(forms.TextInput):
    """A whole number's input: a text box that brings up the digits keyboard on phones.

    Not `<input type="number">`: when someone types "abc", the form shows its error and gives
    back what was typed, and `type="number"` may not hold such a value (invalid HTML, and
    browsers show it empty, hiding what needs correcting). A text input can, and screen
    readers, spell-checkers and scroll wheels leave it alone, as GOV.UK's design system advises.
    """

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "spellcheck": "false", **(attrs or {})})


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
