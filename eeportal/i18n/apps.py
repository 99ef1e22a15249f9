from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "eeportal.i18n"
    label = "site_i18n"
    verbose_name = "Languages"
