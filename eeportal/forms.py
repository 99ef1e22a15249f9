"""How the site's forms are drawn: each field with its label, help and errors, from
templates/forms/field.html, when a template asks for `{{ form.field.as_field_group }}`.

TemplatesSetting rather than Django's default renderer: the default one looks only in
Django's and the apps' own templates, not in templates/ where the site's field template lives.
"""

from django import forms
from django.forms.renderers import TemplatesSetting


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
