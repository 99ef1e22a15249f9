"""Values every page's head needs: the site's origin.

A page's canonical address is its PageMeta's `path` (draws/sharing.py), built from the object
or the view's cleaned parameters, never from the address asked for: that may hold a stray
space, tab or case variant, which must not become the page's name.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost


def site_url(request):
    """The public origin: DJANGO_SITE_URL when set, otherwise the request's own."""
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # Only while rendering the 400 page for a request with a forged Host header:
        # links in it stay relative rather than echo that host.
        return ""


def site(request):
    return {"site_url": site_url(request)}
