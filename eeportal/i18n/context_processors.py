"""Every page's twin in the other language: for the language link, hreflang and og:locale."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from eeportal.context_processors import site_url

# BCP 47 tags for <html lang> and hreflang, and Open Graph's locales, of each language.
LANGUAGE_TAGS = {"en": "en-CA", "fr": "fr-CA"}
OPEN_GRAPH_LOCALES = {"en": "en_CA", "fr": "fr_CA"}


def twin_path(path, language):
    """The same page in `language`, query string kept.

    An address that is no page (a 404) has no twin: translate_url gives it back as it is,
    and the link goes to that language's home page instead.
    """
    if language == translation.get_language():
        return path
    twin = translate_url(path, language)
    if twin == path:
        with translation.override(language):
            return reverse("draws:home")
    return twin


def languages(request):
    current = translation.get_language()
    origin = site_url(request)
    versions = [
        {
            "code": code,
            "name": name,
            "tag": LANGUAGE_TAGS[code],
            "url": origin + twin_path(request.path, code),
            "switch_path": twin_path(request.get_full_path(), code),
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_tag": LANGUAGE_TAGS[current],
        "og_locale": OPEN_GRAPH_LOCALES[current],
        "og_locale_alternates": [
            OPEN_GRAPH_LOCALES[v["code"]] for v in versions if v["code"] != current
        ],
        "language_versions": versions,
        "other_languages": [v for v in versions if v["code"] != current],
        "x_default_url": next(v["url"] for v in versions if v["code"] == settings.LANGUAGE_CODE),
    }
