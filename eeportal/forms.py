"""How the site's forms are drawn: each field with its label, help and errors, from
templates/forms/field.html, when a template asks for `{{ form.field.as_field_group }}`.

TemplatesSetting rather than Django's default renderer: the default one looks only in
Django's and the apps' own templates, not in templates/ where the site's field template lives.
"""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
