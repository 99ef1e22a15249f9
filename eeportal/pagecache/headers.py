"""How long browsers and CDNs may keep a public answer before asking again.

Browsers never reuse a page without asking (`no-cache`): the ETag and Last-Modified the
site sends make the question cheap, a 304 when nothing changed, and a reader who saw a
figure before a correction sees the corrected one on the next page they open. A CDN may
keep a page for PUBLIC_CDN_MAX_AGE seconds, and serve it stale as long again while it
fetches a fresh one, through CDN-Cache-Control (RFC 9213), which only CDNs read; browsers
would apply a stale-while-revalidate in Cache-Control to themselves.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# An image whose address carries its version (`?v=`) never changes at that address.
IMMUTABLE_MAX_AGE = 365 * 24 * 60 * 60


def ask_every_time(response):
    patch_cache_control(response, public=True, no_cache=True)
    seconds = settings.PUBLIC_CDN_MAX_AGE
    if seconds:
        response["CDN-Cache-Control"] = (
            f"public, max-age={seconds}, stale-while-revalidate={seconds}"
        )
    return response


def keep_for_good(response):
    patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE, immutable=True)
    return response
