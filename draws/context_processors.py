"""Values every page's head needs: the site's origin and the page's canonical address."""

from django.conf import settings


def site_url(request):
    """The public origin: DJANGO_SITE_URL when set, otherwise the request's own."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def site(request):
    origin = site_url(request)
    return {"site_url": origin, "canonical_url": origin + request.path}
