"""The public pages: read the request, ask a queryset, render."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from draws import charts
from draws.filters import DrawFilter
from draws.models import Draw, Figures, Guide, Stream

HISTORY_PAGE_SIZE = 50


def home(request):
    published = Draw.objects.published()
    year = timezone.localdate().year
    latest_per_stream = list(published.latest_per_stream())
    per_year = published.invitations_per_year()
    return render(
        request,
        "draws/home.html",
        {
            "section": "home",
            "latest": latest_per_stream[0] if latest_per_stream else None,
            "latest_per_stream": latest_per_stream,
            "year": year,
            "this_year": published.in_year(year).totals(),
            "per_year": per_year,
            "per_year_chart": charts.bar_chart(
                "per-year",
                [(str(y), invitations) for y, _, invitations in per_year],
                title="Invitations per year",
                description="Invitations to apply issued in each year since 2015, all streams.",
            ),
        },
    )


def draw_list(request):
    filterset = DrawFilter(
        request.GET or None, queryset=Draw.objects.published().with_stream().newest_first()
    )
    if filterset.is_bound and not filterset.is_valid():
        return render(
            request,
            "draws/draw_list.html",
            {"section": "draws", "filter": filterset, "invalid": True},
            status=400,
        )
    draws = filterset.qs
    paginator = Paginator(draws, HISTORY_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("There is no such page in the history.") from None
    return render(
        request,
        "draws/draw_list.html",
        {
            "section": "draws",
            "filter": filterset,
            "page": page,
            "totals": draws.totals(),
            "is_filtered": filterset.is_bound,
        },
    )


def draw_detail(request, number):
    published = Draw.objects.published().with_stream()
    try:
        draw = published.get_by_label(number)
    except Draw.DoesNotExist:
        raise Http404(f"No published round #{number}.") from None
    previous_in_stream = draw.previous_in_stream()
    previous_overall = draw.previous_overall()
    bands = list(draw.pool_bands.all())
    return render(
        request,
        "draws/draw_detail.html",
        {
            "section": "draws",
            "draw": draw,
            "change_in_stream": draw.change_from(previous_in_stream),
            "change_overall": draw.change_from(previous_overall),
            "previous_overall": previous_overall,
            "next_overall": draw.next_overall(),
            "bands": bands,
            "pool_chart": charts.distribution_chart(
                "pool",
                [(b.low, b.high, b.count) for b in bands if not b.is_sub_band],
                title=f"CRS scores in the pool on {draw.pool_as_of:%-d %B %Y}"
                if draw.pool_as_of
                else "",
                description=f"Candidates per CRS band; the band holding the round's cut-off "
                f"of {draw.crs_min} is highlighted.",
                marked_score=draw.crs_min,
            ),
        },
    )


def stream_list(request):
    streams = Stream.objects.with_published_totals()
    latest = {draw.stream_id: draw for draw in Draw.objects.published().latest_per_stream()}
    rows = [(stream, latest.get(stream.pk)) for stream in streams]
    return render(request, "draws/stream_list.html", {"section": "streams", "rows": rows})


def stream_detail(request, slug):
    stream = get_object_or_404(Stream.objects.prefetch_related("guides"), slug=slug)
    draws = list(Draw.objects.published().for_stream(stream).newest_first())
    points = [(draw.date, draw.crs_min) for draw in draws]
    return render(
        request,
        "draws/stream_detail.html",
        {
            "section": "streams",
            "stream": stream,
            "draws": draws,
            "latest": draws[0] if draws else None,
            "figures_all": Figures.of(draws),
            "figures_year": Figures.of_last_year(draws, timezone.localdate()),
            "crs_chart": charts.time_chart(
                "crs",
                points,
                title=f"Minimum CRS score of each {stream.short_name} round",
                description=f"The cut-off score of every {stream.name} round, oldest to newest.",
            ),
            "invitations_chart": charts.time_chart(
                "invitations",
                [(draw.date, draw.invitations) for draw in draws],
                title=f"Invitations issued in each {stream.short_name} round",
                description=f"How many candidates each {stream.name} round invited.",
                kind="bars",
                zero_based=True,
            ),
        },
    )


def guide_detail(request, slug):
    guide = get_object_or_404(Guide.objects.with_stream(), slug=slug)
    draws = []
    if guide.stream:
        draws = list(Draw.objects.published().for_stream(guide.stream).newest_first())
    return render(
        request,
        "draws/guide_detail.html",
        {
            "section": "guides",
            "guide": guide,
            "latest": draws[0] if draws else None,
            "figures_year": Figures.of_last_year(draws, timezone.localdate()),
            "figures_all": Figures.of(draws),
        },
    )


def about(request):
    return render(
        request,
        "draws/about.html",
        {"section": "about", "latest": Draw.objects.published().newest_first().first()},
    )
