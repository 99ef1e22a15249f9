"""The public pages' cache and conditional GET, keyed on the content version.

Every public GET is answered in one of three ways, cheapest first:
1. 304 Not Modified, when the browser or CDN already holds this version of the page, made
   from the stored page so that it carries the same Cache-Control;
2. the rendered page from this process's copy, or from Redis when REDIS_URL is set (store.py);
3. the view, whose 200 response is stored for the next visitor, plain and gzipped.

Only the query parameters a view reads reach the key (query.py): an address with any other
is redirected to the one without, so nobody can fill the cache with `/?x=1`, `/?x=2`, ...

The content version is what lets several app servers, each with its own local cache, agree
on what to show: an editor's save moves it, and every old page and ETag is left behind.
Each process reads it from the database at most once a second (ContentVersion.current), so
a cached answer usually costs no query at all.

Pages are compressed once, when they are stored, rather than on every request: gzip costs
more than serving a cached page. Only pages that are the same for everyone are stored, so
no secret (a CSRF token, a session) ever shares a compressed body with what a visitor sent,
which is what the BREACH attack needs.
"""

import hashlib

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string
from django.utils.translation import get_language

from eeportal.context_processors import site_url
from eeportal.middleware import answer_outage, is_outage
from eeportal.pagecache.headers import ask_every_time
from eeportal.pagecache.models import ContentVersion
from eeportal.pagecache.query import drop_tracking_parameters, redirect_without_unknown_parameters
from eeportal.pagecache.store import STORED_FORM, pages

# As django.middleware.gzip decides it.
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")


def gzipped_copy(response):
    """A copy of the response with its body gzipped."""
    body = compress_string(response.content)
    compressed = HttpResponse(body, status=response.status_code)
    for name, value in response.items():
        compressed[name] = value
    compressed["Content-Encoding"] = "gzip"
    compressed["Content-Length"] = str(len(body))
    return compressed


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.applies_to(request):
            return self.get_response(request)
        drop_tracking_parameters(request)
        redirect = redirect_without_unknown_parameters(request)
        if redirect is not None:
            return redirect
        try:
            version, changed_at = ContentVersion.current()
        except DatabaseError as error:
            if not is_outage(error):
                raise
            # Answer now: letting the view try would wait out a second connect timeout.
            return answer_outage(request, error)

        # Pages hold absolute links to their own origin (canonical, previews, feeds): one
        # rendered for localhost must never be served to 127.0.0.1.
        address = site_url(request) + request.get_full_path()
        # The address says the language (/fr/...); the language, active since
        # eeportal.i18n's middleware ran, is in the key too, so no page is ever stored or
        # found under the other language's name, whatever decides the language one day.
        page = hashlib.sha256(f"{get_language()} {address}".encode()).hexdigest()[:32]
        gzip = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
        etags = {False: f'"{version}-{page[:16]}"', True: f'"{version}-{page[:16]}-gzip"'}
        last_modified = int(changed_at.timestamp())

        key = f"page:{STORED_FORM}:{version}:{page}"
        keys = {False: key, True: f"{key}:gzip"}
        response = pages.get(keys[gzip])
        if response is None:
            response = self.get_response(request)
            if not self.is_shareable(response):
                return response
            response["Last-Modified"] = http_date(last_modified)
            patch_vary_headers(response, ["Accept-Encoding"])
            if not response.has_header("Cache-Control"):
                ask_every_time(response)
            variants = {False: response, True: gzipped_copy(response)}
            for compressed, variant in variants.items():
                variant["ETag"] = etags[compressed]
            stored = {keys[compressed]: variant for compressed, variant in variants.items()}
            pages.set_many(stored, settings.PAGE_CACHE_MAX_AGE)
            response = variants[gzip]
        return self.not_modified(request, response) or response

    @staticmethod
    def not_modified(request, response):
        """A 304 when the client holds this version, with the headers of the 200 it stands
        for: a cache takes a 304's Cache-Control for the copy it keeps (RFC 9111 4.3.4), so
        a card kept for good or an icon kept a day must not become `no-cache` on revalidation.
        Django copies Cache-Control, ETag, Last-Modified and Vary; CDN-Cache-Control too."""
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        not_modified = get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        if not_modified is None or not_modified.status_code != 304:
            return None
        if response.has_header("CDN-Cache-Control"):
            not_modified["CDN-Cache-Control"] = response["CDN-Cache-Control"]
        return not_modified

    @staticmethod
    def applies_to(request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(tuple(settings.PAGE_CACHE_SKIP_PATHS))
        )

    @staticmethod
    def is_shareable(response):
        """Only complete 200s that are the same for everyone: no cookies, no 'private'."""
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "cookie" not in response.get("Vary", "").lower()
            and not response.has_header("Content-Encoding")
        )
