"""Open data: CSV and JSON exports of the history, and a small read-only JSON API.

Plain Django views rather than Django REST framework: the API is a handful of read-only
GET endpoints that reuse the history's DrawFilter, so a framework would add a dependency,
its own serializer layer and a second way to validate the same parameters for no gain.
"""

import csv
import datetime as dt
from functools import wraps

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from draws import sharing
from draws.filters import DrawFilter
from draws.models import Draw, PoolBand, Stream
from draws.text import without_direction_controls
from eeportal.context_processors import site_url
from eeportal.pagecache.headers import ask_every_time
from eeportal.pagecache.query import reads_query

API_PAGE_SIZE = 100
API_MAX_PAGE_SIZE = 500
# The exports' columns, in order. Part of the public interface: add, never rename.
EXPORT_COLUMNS = [
    "number",
    "date",
    "stream",
    "stream_name",
    "round_name",
    "eligible_programs",
    "invitations",
    "crs_min",
    "tie_break",
    "pool_as_of",
    "pool_total",
    "url",
    "source_url",
    "stream_name_fr",
    "round_name_fr",
    "eligible_programs_fr",
]


def open_data(view):
    """GET/HEAD only, readable from any origin; clients revalidate, as for pages."""

    # Nothing here changes state, so there is no form to protect: a POST gets a JSON 405
    # rather than the CSRF refusal.
    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error(405, f"{request.method} is not allowed here: the data is read-only.")
            response["Allow"] = "GET, HEAD"
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 200:
            ask_every_time(response)
        return response

    return wrapper


def error(status, message, fields=None):
    body = {"error": message}
    if fields:
        body["fields"] = fields
    return JsonResponse(body, status=status)


def invalid_filters(filterset):
    return error(
        400,
        "Some parameters could not be read.",
        {
            name: [str(message) for message in messages]
            for name, messages in filterset.errors.items()
        },
    )


def utc_iso(value):
    """'2025-10-29T04:35:24Z', or None when IRCC published no time."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def iso(value):
    return value.isoformat() if value else None


def draw_row(draw, origin):
    """A round as the exports' flat row (EXPORT_COLUMNS)."""
    return {
        "number": draw.label,
        "date": draw.date.isoformat(),
        "stream": draw.stream.slug,
        "stream_name": draw.stream.name,
        "round_name": draw.round_name or draw.stream.name,
        "eligible_programs": draw.eligible_programs,
        "invitations": draw.invitations,
        "crs_min": draw.crs_min,
        "tie_break": utc_iso(draw.tie_break),
        "pool_as_of": iso(draw.pool_as_of),
        "pool_total": draw.pool_total,
        "url": origin + draw.get_absolute_url(),
        "source_url": draw.source_url,
        "stream_name_fr": draw.stream.name_fr,
        "round_name_fr": draw.round_name_fr or draw.stream.name_fr,
        "eligible_programs_fr": draw.french_programs,
    }


def stream_data(stream, origin):
    return {
        "slug": stream.slug,
        "name": stream.name,
        "short_name": stream.short_name,
        "name_fr": stream.name_fr,
        "short_name_fr": stream.short_name_fr,
        "kind": stream.kind,
        "url": origin + stream.get_absolute_url(),
    }


def pool_distribution(draw):
    """The pool's bands, or None before IRCC published distributions (2022)."""
    if draw.pool_as_of is None:
        return None
    bands = {band.pk: band for band in draw.pool_bands.all()}
    return {
        "as_of": draw.pool_as_of.isoformat(),
        "total": draw.pool_total,
        "bands": [
            {
                "low": band.low,
                "high": band.high,
                "count": band.count,
                "within": (
                    [bands[band.parent_id].low, bands[band.parent_id].high]
                    if band.parent_id in bands
                    else None
                ),
            }
            for band in bands.values()
        ],
    }


def draw_data(draw, origin):
    """A round for the API: the export row, with its stream and pool distribution nested."""
    data = draw_row(draw, origin)
    data["stream"] = stream_data(draw.stream, origin)
    del data["stream_name"], data["stream_name_fr"]
    data["run_at"] = utc_iso(draw.run_at)
    data["updated_at"] = utc_iso(draw.updated_at)
    data["pool_distribution"] = pool_distribution(draw)
    del data["pool_as_of"], data["pool_total"]
    data["corrections"] = [
        {
            "field": correction.field,
            "before": correction.before,
            "after": correction.after,
            "corrected_at": utc_iso(correction.corrected_at),
        }
        for correction in draw.corrections.all()
    ]
    return data


def published_draws():
    return (
        Draw.objects.published()
        .with_stream()
        .with_corrections()
        .newest_first()
        .prefetch_related(
            Prefetch("pool_bands", queryset=PoolBand.objects.order_by("-high", "low"))
        )
    )


def history_filter(request):
    """The history page's filters, over every published round (no page: exports take all)."""
    return DrawFilter(request.GET, queryset=Draw.objects.published().with_stream().newest_first())


# What a spreadsheet takes as the start of a formula (OWASP, "CSV Injection"): a name such as
# =HYPERLINK("http://x") would run when the export is opened.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A CSV cell that a spreadsheet shows as it is: text that could start a formula gets a
    leading apostrophe, and direction controls are removed so text cannot disguise itself.

    Only text is touched: the counts and scores stay numbers (none is ever negative).
    """
    if not isinstance(value, str):
        return value
    text = without_direction_controls(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def export_filename(extension):
    return f"express-entry-rounds-{timezone.localdate().isoformat()}.{extension}"


@reads_query(*DrawFilter.base_filters)
@open_data
def export_csv(request):
    filterset = history_filter(request)
    if not filterset.is_valid():
        return invalid_filters(filterset)
    origin = site_url(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
    # The csv module's own line ending, CRLF as RFC 4180 has it. With "\n" alone, Python 3.11
    # leaves a cell holding a bare carriage return unquoted, and spreadsheets end the row
    # there: the rest of the cell would open a row of its own, unchecked for formulas.
    writer = csv.DictWriter(response, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    for draw in filterset.qs:
        row = draw_row(draw, origin)
        writer.writerow({column: spreadsheet_cell(value) for column, value in row.items()})
    return response


@reads_query(*DrawFilter.base_filters)
@open_data
def export_json(request):
    filterset = history_filter(request)
    if not filterset.is_valid():
        return invalid_filters(filterset)
    origin = site_url(request)
    rows = [draw_row(draw, origin) for draw in filterset.qs]
    response = JsonResponse(
        {"count": len(rows), "columns": EXPORT_COLUMNS, "draws": rows},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = f'inline; filename="{export_filename("json")}"'
    return response


def whole_number(text):
    """`text` as an int when it is plain ASCII digits, otherwise None.

    int() alone would take " 5", "5_0" and Arabic-Indic digits, and it raises ValueError
    past 4,300 digits (CPython's guard against slow conversions), which a hostile ?page=
    or ?page_size= can send.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    try:
        return int(text)
    except ValueError:
        return None


def page_size(request):
    """The requested page size, or None when it is not a whole number in range."""
    raw = request.GET.get("page_size", "")
    if raw == "":
        return API_PAGE_SIZE
    size = whole_number(raw)
    if size is not None and 1 <= size <= API_MAX_PAGE_SIZE:
        return size
    return None


@reads_query(*DrawFilter.base_filters, "page", "page_size")
@open_data
def draw_list(request):
    filterset = DrawFilter(request.GET, queryset=published_draws())
    if not filterset.is_valid():
        return invalid_filters(filterset)
    size = page_size(request)
    if size is None:
        return error(
            400,
            "Some parameters could not be read.",
            {"page_size": [f"Enter a whole number from 1 to {API_MAX_PAGE_SIZE}."]},
        )
    paginator = Paginator(filterset.qs, size)
    requested = request.GET.get("page") or "1"
    try:
        page = paginator.page(requested)
    except InvalidPage:
        # A real page number past the end is "not found"; anything else is malformed.
        past_the_end = (whole_number(requested) or 0) > 0
        return error(
            404 if past_the_end else 400,
            "No such page.",
            {"page": [f"Enter a page number from 1 to {paginator.num_pages}."]},
        )
    origin = site_url(request)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return f"{origin}{request.path}?{query.urlencode()}"

    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [draw_data(draw, origin) for draw in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@open_data
def draw_detail(request, number):
    try:
        draw = published_draws().get_by_label(number)
    except Draw.DoesNotExist:
        return error(404, f"No published round #{number}.")
    if number != draw.label:  # one address per round, as for its page
        return HttpResponsePermanentRedirect(reverse("draws:api_draw_detail", args=[draw.label]))
    return JsonResponse(
        draw_data(draw, site_url(request)), json_dumps_params={"ensure_ascii": False}
    )


@open_data
def stream_list(request):
    origin = site_url(request)
    latest = {draw.stream_id: draw for draw in Draw.objects.published().latest_per_stream()}
    streams = []
    for stream in Stream.objects.with_published_totals():
        data = stream_data(stream, origin)
        newest = latest.get(stream.pk)
        data["rounds"] = stream.round_count
        data["invitations"] = stream.invitation_total or 0
        data["latest"] = (
            {
                "number": newest.label,
                "date": newest.date.isoformat(),
                "invitations": newest.invitations,
                "crs_min": newest.crs_min,
                "url": origin + newest.get_absolute_url(),
            }
            if newest
            else None
        )
        streams.append(data)
    return JsonResponse(
        {"count": len(streams), "results": streams}, json_dumps_params={"ensure_ascii": False}
    )


API_META = sharing.PageMeta(
    path=reverse_lazy("draws:api"),
    title=gettext_lazy("Open data: CSV, JSON and the read API"),
    description=gettext_lazy(
        "Download every Express Entry round as CSV or JSON, or read rounds, streams and "
        "pool distributions from a free JSON API that any website can call."
    ),
)


@require_safe
def docs(request):
    """The API's documentation, with examples built from the newest round."""
    return render(
        request,
        "draws/api.html",
        {
            "section": "data",
            "meta": API_META.resolved(),
            "latest": Draw.objects.published().newest_first().first(),
            "columns": EXPORT_COLUMNS,
            "page_size": API_PAGE_SIZE,
            "max_page_size": API_MAX_PAGE_SIZE,
            # '/feeds/streams/<slug>/' in the page's language.
            "stream_feed_pattern": reverse("draws:stream_feed", args=["slug"]).replace(
                "/slug/", "/<slug>/"
            ),
        },
    )
