"""Which query parameters reach a page, and so the page cache's key.

Every distinct address is a page to render and store, so a parameter no page reads would let
anyone fill the cache and force a render per request (`/?x=1`, `/?x=2`, ...). Each view that
reads the query string says which names it reads (`reads_query`); any other name is either a
link tracker's, dropped silently, or unknown, and answered with a permanent redirect to the
address without it. Views that read nothing take no parameters at all.
"""

from django.http import HttpResponsePermanentRedirect, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path

# What link trackers add to a shared address: Facebook's fbclid, Google's gclid, campaign
# utm_ tags and their kin. No page reads them, and each visitor from a share can bring a
# different value, so kept in the cache key they would make every such visit render the
# page afresh. They are dropped before the key is made and before the view runs, without a
# redirect: the visitor from a share gets the page in one request.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "yclid",
        "srsltid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
    }
)
TRACKING_PREFIXES = ("utm_",)
# A redirect that browsers may remember, but not for ever: a page may learn a parameter.
REDIRECT_MAX_AGE = 24 * 60 * 60


def reads_query(*names):
    """Declare the query parameters a view reads; the page cache turns any other away."""

    def declare(view):
        view.query_parameters = frozenset(names)
        return view

    return declare


def is_tracking_parameter(name):
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def drop_tracking_parameters(request):
    """Remove trackers' parameters from the request, as if the link had come without them."""
    tracking = [name for name in request.GET if is_tracking_parameter(name)]
    if not tracking:
        return
    query = request.GET.copy()
    for name in tracking:
        del query[name]
    set_query(request, query)


def set_query(request, query):
    request.META["QUERY_STRING"] = query.urlencode()
    request.GET = QueryDict(request.META["QUERY_STRING"])


def parameters_read_by(path):
    """The names the view at `path` reads, or None when no view answers there."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    return getattr(view, "query_parameters", frozenset())


def redirect_without_unknown_parameters(request):
    """A 301 to the address without the parameters its view does not read, or None."""
    if not request.GET:
        return None
    known = parameters_read_by(request.path_info)
    if known is None:  # the view's 404 will answer, and 404s are never stored
        return None
    unknown = [name for name in request.GET if name not in known]
    if not unknown:
        return None
    query = request.GET.copy()
    for name in unknown:
        del query[name]
    location = escape_uri_path(request.path)
    if query:
        location += "?" + query.urlencode()
    response = HttpResponsePermanentRedirect(location)
    patch_cache_control(response, public=True, max_age=REDIRECT_MAX_AGE)
    return response
