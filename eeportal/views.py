"""Site-wide endpoints that are not about rounds: the health check and security.txt."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from eeportal.context_processors import site_url
from eeportal.pagecache.store import shared_cache


def is_data_request(request):
    """The open data's and the health check's URLs: their errors are JSON, like their answers."""
    return request.path.startswith(tuple(settings.JSON_ERROR_PATHS)) and (
        request.path not in settings.JSON_ERROR_EXCEPT_PATHS
    )


def page_not_found(request, exception):
    if is_data_request(request):
        return JsonResponse({"error": "There is nothing at this address."}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception):
    """The site's 400 page, except for a request larger than the site accepts: that is a 413."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return request_too_large(request, exception)
    return defaults.bad_request(request, exception)


def request_too_large(request, exception):
    """Django refuses to read a form past DATA_UPLOAD_MAX_MEMORY_SIZE or _NUMBER_FIELDS.

    An editor who pasted a long text would otherwise see "bad request" and lose the form
    without knowing why, so the page names the limit and the way back.
    """
    too_many_fields = isinstance(exception, TooManyFieldsSent)
    if is_data_request(request):
        limit = (
            f"{settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} fields"
            if too_many_fields
            else filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        )
        return JsonResponse(
            {"error": f"The request is larger than this site accepts (at most {limit})."},
            status=413,
        )
    return render(
        request,
        "413.html",
        {
            "too_many_fields": too_many_fields,
            "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
            "max_size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        },
        status=413,
    )


def csrf_failure(request, reason=""):
    """A form posted without its security token: the site's 403 page, not Django's."""
    if is_data_request(request):
        return JsonResponse({"error": "Forbidden."}, status=403)
    return defaults.permission_denied(request, None)


# RFC 9116 asks for an Expires under a year ahead; the file is generated, so it is kept
# a few months ahead and re-dated on every request.
SECURITY_TXT_VALIDITY = dt.timedelta(days=180)


@never_cache
@csrf_exempt
def healthz(request):
    """200 when this app server can query the database; 503 otherwise (for load balancers).

    A cache out of reach is reported as "degraded" with a 200: the server still serves.
    """
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"error": f"{request.method} is not allowed here."}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    cache = "ok" if shared_cache.is_reachable() else "unreachable"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable", "cache": cache}, status=503
        )
    # Pages are made without the cache while it is away: slower, but the site works.
    status = "ok" if cache == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})


@require_safe
def security_txt(request):
    expires = (timezone.now() + SECURITY_TXT_VALIDITY).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en, fr",
        f"Canonical: {site_url(request)}{request.path}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
