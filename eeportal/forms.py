"""How the site's forms are drawn: each field with its label, help and errors, from
templates/forms/field.html, when a template asks for `{{ form.field.as_field_group }}`.

TemplatesSetting rather than Django's default renderer: the default one looks only in
Django's and the apps' own templates, not in templates/ where the site's field template lives.
"""

import re

from django import forms
from django.forms.renderers import TemplatesSetting

# Characters HTML forbids in a page (C0 controls other than whitespace, DEL and the C1
# controls): a query string can carry them ("?year=%01") into the box that writes it back.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
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

    def format_value(self, value):
        if isinstance(value, str):
            value = CONTROL.sub("\ufffd", value)
        return super().format_value(value)


class DateInput(forms.DateInput):
    """A date box (type="date") that writes back only dates in HTML's form: `value="someday"`
    is invalid HTML and browsers show it as an empty box; the field's error says what to type."""

    input_type = "date"

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and not DATE.fullmatch(value.strip()):
            return None
        return value
