"""The language of a request comes from its address alone: /fr/... is French, the rest English.

Django's LocaleMiddleware would do the same with i18n_patterns(prefix_default_language=False),
but it also adds `Vary: Accept-Language` to every English page, although nothing in them
depends on that header: a CDN would keep one copy of each page per browser language. It also
leaves the language active in the thread after the response, which reverse() in the next
piece of code run there would silently follow. Here the language is active for exactly the
request, outside the page cache, so cached pages are looked up and stored in their language.
"""

from django.conf import settings
from django.utils import translation


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
