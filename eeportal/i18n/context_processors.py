"""Every page's twin in the other language: for the language link, hreflang and og:locale."""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse, translate_url
from django.utils import translation

from eeportal.context_processors import site_url

# BCP 47 tags for <html lang> and hreflang, and Open Graph's locales, of each language.
LANGUAGE_TAGS = {"en": "en-CA", "fr": "fr-CA"}
OPEN_GRAPH_LOCALES = {"en": "en_CA", "fr": "fr_CA"}


@functools.lru_cache(maxsize=4096)
def twin_path(path, language, current):
    """The page at `path` (in the `current` language) in `language`, or None for an address
    that is no page (a 404), which has no twin: translate_url gives it back as it is.

    Remembered, because every page asks for its twin and the answer depends only on the
    address and the URL patterns (a resolve and a reverse otherwise, on every request).
    """
    if language == current:
        return path
    twin = translate_url(path, language)
    return None if twin == path else twin


@receiver(setting_changed)
def forget_twins(setting, **kwargs):
    # Tests that swap the URL patterns change what a twin is.
    if setting == "ROOT_URLCONF":
        twin_path.cache_clear()


def languages(request):
    current = translation.get_language()
    origin = site_url(request)
    path, question_mark, query = request.get_full_path().partition("?")
    versions = []
    for code, name in settings.LANGUAGES:
        twin = twin_path(path, code, current)
        if twin is None:
            # No such page in either language: the link goes to that language's home page.
            with translation.override(code):
                twin = reverse("draws:home")
            switch_path = twin
        else:
            switch_path = twin + question_mark + query
        versions.append(
            {
                "code": code,
                "name": name,
                "tag": LANGUAGE_TAGS[code],
                "url": origin + twin,
                "switch_path": switch_path,
            }
        )
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
