"""The public pages' cache and conditional GET, keyed on the content version.

Every public GET is answered in one of three ways, cheapest first:
1. 304 Not Modified, when the browser or CDN already holds this version of the page;
2. the rendered page from the cache (local memory, or Redis when REDIS_URL is set);
3. the view, whose 200 response is stored for the next visitor.

The content version is what lets several app servers, each with its own local cache, agree
on what to show: an editor's save moves it, and every old page and ETag is left behind.
Each process reads it from the database at most once a second (ContentVersion.current), so
a cached answer usually costs no query at all.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from draws.models import ContentVersion
from eeportal.middleware import answer_outage, is_outage

# Long enough to outlive any quiet spell between rounds: old versions' pages are simply
# never asked for again and fall out of the cache.
PAGE_CACHE_TIMEOUT = 24 * 60 * 60
# Browsers and CDNs may reuse a page for a minute, then must ask (and usually get a 304).
PAGE_MAX_AGE = 60
NOT_CACHED_PREFIXES = ("/healthz", "/static/")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.applies_to(request):
            return self.get_response(request)
        try:
            version, changed_at = ContentVersion.current()
        except DatabaseError as error:
            if not is_outage(error):
                raise
            # Answer now: letting the view try would wait out a second connect timeout.
            return answer_outage(request, error)

        page = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        etag = f'"{version}-{page[:16]}"'
        last_modified = int(changed_at.timestamp())
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            patch_cache_control(not_modified, public=True, max_age=PAGE_MAX_AGE)
            return not_modified

        key = f"page:{version}:{page}"
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if not self.is_shareable(response):
                return response
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
            cache.set(key, response, PAGE_CACHE_TIMEOUT)
        return response

    @staticmethod
    def applies_to(request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(("/" + settings.ADMIN_URL, *NOT_CACHED_PREFIXES))
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
        )
