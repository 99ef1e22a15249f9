"""The public pages: read the request, ask a queryset, render."""

import contextlib
from dataclasses import replace
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_safe

from draws import charts, ircc, sharing
from draws.filters import DrawFilter
from draws.models import Correction, Draw, Guide, PoolBand, Stream
from draws.pool import PoolHistory
from draws.statistics import Change, Figures, Gaps, Version, recent_after
from draws.text import category_version
from eeportal.context_processors import site_url
from eeportal.i18n.dates import date_format
from eeportal.pagecache.headers import ask_every_time, keep_for_good
from eeportal.pagecache.query import reads_query
from eeportal.timeline.models import TimelineEvent

HISTORY_PAGE_SIZE = 50
STREAM_TABLE_LENGTH = 25
STREAM_CHART_ROUNDS = 200


@require_safe
def home(request):
    published = Draw.objects.published()
    today = timezone.localdate()
    year = today.year
    # Active streams' latest rounds are all newer than any dormant stream's latest.
    active = list(published.latest_per_stream().filter(stream__in=Stream.objects.active(today)))
    dormant = list(published.latest_per_stream().filter(stream__in=Stream.objects.dormant(today)))
    latest = (active + dormant)[0] if active or dormant else None
    per_year = published.invitations_per_year()
    return render(
        request,
        "draws/home.html",
        {
            "section": "home",
            "meta": sharing.home_meta(latest, site_url(request)),
            "latest": latest,
            "days_since_latest": latest.days_ago(timezone.now()) if latest else None,
            "change_in_stream": Change.between(latest, latest.previous_in_stream())
            if latest
            else None,
            "latest_per_stream": active + dormant,
            "active_latest": active,
            "dormant_latest": dormant,
            "year": year,
            "this_year": published.in_year(year).totals(),
            "per_year": per_year,
            "per_year_chart": charts.bar_chart(
                "per-year",
                [(str(y), invitations) for y, _, invitations in per_year],
                title=gettext("Invitations per year"),
                description=gettext(
                    "Invitations to apply issued in each year since 2015, all streams."
                ),
                today=timezone.localdate(),
                # The chart puts the figure in with str.format.
                value_text=gettext("{value} invitations"),
            ),
        },
    )


@reads_query(*DrawFilter.base_filters, "page")
@require_safe
def draw_list(request):
    filterset = DrawFilter(
        request.GET or None,
        queryset=Draw.objects.published().with_stream().listing_fields().newest_first(),
    )
    if filterset.is_bound and not filterset.is_valid():
        meta = sharing.history_meta(site_url(request), "", "")
        return render(
            request,
            "draws/draw_list.html",
            {
                "section": "draws",
                "meta": replace(meta, noindex=True),
                "filter": filterset,
                "invalid": True,
            },
            status=400,
        )
    draws = filterset.qs
    figures = draws.figures()
    paginator = Paginator(draws, HISTORY_PAGE_SIZE)
    # The figures already counted the rounds; spare the paginator its own COUNT query.
    paginator.count = figures.rounds
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("There is no such page in the history.") from None
    title = filterset.title()
    return render(
        request,
        "draws/draw_list.html",
        {
            "section": "draws",
            "meta": sharing.history_meta(
                site_url(request),
                title,
                filterset.canonical_query(),
                figures,
                page.number,
                paginator.num_pages,
            ),
            "heading": title,
            "filter": filterset,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "figures": figures,
            "is_filtered": bool(title),
        },
    )


def round_to_show(request, number):
    """The published round, or for an editor a draft too, to preview at its address.

    The public lookup comes first: asking who the visitor is would read the session and
    make the page vary by cookie, which the page cache must not store.
    """
    rounds = Draw.objects.with_stream().with_neighbour_ids().with_last_correction()
    try:
        return rounds.published().get_by_label(number)
    except Draw.DoesNotExist:
        pass
    if Draw.can_preview(request.user):
        with contextlib.suppress(Draw.DoesNotExist):
            return rounds.get_by_label(number)
    raise Http404(f"No published round #{number}.")


@require_safe
def draw_detail(request, number):
    draw = round_to_show(request, number)
    if number != draw.label:  # "91A", " 400", "400\t": one address per round
        return redirect(draw, permanent=True)
    previous_in_stream, previous_overall, next_overall = draw.neighbours()
    bands = list(draw.pool_bands.all())
    response = render(
        request,
        "draws/draw_detail.html",
        {
            "section": "draws",
            "meta": sharing.draw_meta(draw, site_url(request)),
            "heading": sharing.draw_heading(draw),
            "share_links": sharing.share_links(
                site_url(request) + draw.get_absolute_url(), sharing.draw_summary(draw)
            ),
            "draw": draw,
            "corrections": list(draw.corrections.newest_first()),
            "change_in_stream": Change.between(draw, previous_in_stream),
            "change_overall": Change.between(draw, previous_overall),
            "previous_overall": previous_overall,
            "next_overall": next_overall,
            "bands": bands,
            "sub_band_gaps": ircc.sub_band_gaps(bands),
            "pool_chart": charts.distribution_chart(
                "pool",
                [(b.low, b.high, b.count) for b in bands if not b.is_sub_band],
                title=gettext("CRS scores in the pool on %(date)s")
                % {"date": date_format(draw.pool_as_of)}
                if draw.pool_as_of
                else "",
                description=gettext(
                    "Candidates per CRS band; the band holding the round's cut-off "
                    "of %(crs)s is highlighted."
                )
                % {"crs": draw.crs_min},
                marked_score=draw.crs_min,
                # The chart puts the figure in with str.format.
                value_text=gettext("{value} candidates"),
            ),
        },
    )
    if draw.is_draft:
        # An editor's preview: never stored by any cache, never indexed.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def stream_list(request):
    streams = Stream.objects.with_published_totals()
    published = Draw.objects.published()
    latest = {draw.stream_id: draw for draw in published.latest_per_stream()}
    today = timezone.localdate()
    gaps = Gaps.per_stream(
        published.recent_dates(today), {pk: draw.date for pk, draw in latest.items()}, today
    )
    rows = [(stream, latest.get(stream.pk)) for stream in streams]
    return render(
        request,
        "draws/stream_list.html",
        {
            "section": "streams",
            "meta": sharing.streams_meta(site_url(request)),
            "rows": rows,
            "gap_rows": [(stream, gaps[stream.pk]) for stream in streams if stream.pk in gaps],
        },
    )


@require_safe
def stream_detail(request, slug):
    stream = get_object_or_404(Stream.objects.prefetch_related("guides"), slug=slug)
    rounds = Draw.objects.published().for_stream(stream).newest_first()
    # The table shows the most recent rounds (the full list is one click away in the
    # filtered history); the charts and figures cover every round.
    recent = list(rounds.listing_fields()[:STREAM_TABLE_LENGTH])
    every = list(rounds.figure_rows())
    # Past a few hundred rounds a chart's marks blur together and only add bytes: chart
    # the latest ones (every real stream fits; the benchmark's generated history does not).
    charted = every[:STREAM_CHART_ROUNDS]
    which = "latest" if len(every) > len(charted) else "every"
    is_category = stream.kind == Stream.Kind.CATEGORY
    # A category's rounds carry the version IRCC named them with: its lists change between
    # versions (the 2023 and 2026 transport lists differ).
    points = [
        (row.date, row.crs_min, "", category_version(row.round_name) if is_category else "")
        for row in charted
    ]
    versions = Version.of(every) if is_category else []
    marks = charts.marks_within(TimelineEvent.objects.chart_marks(), [row.date for row in charted])
    latest = recent[0] if recent else None
    name, short_name = stream.translated("name"), stream.translated("short_name")
    return render(
        request,
        "draws/stream_detail.html",
        {
            "section": "streams",
            "meta": sharing.stream_meta(stream, latest, site_url(request)),
            "stream": stream,
            "draws": recent,
            "round_count": len(every),
            "latest": latest,
            "figures_all": Figures.of(every),
            "figures_year": Figures.of_last_year(every, timezone.localdate()),
            "versions": versions,
            # Rounds are labelled with their version where the stream has had several.
            "show_version": len(versions) > 1,
            "dormant": is_dormant(latest),
            "marks": marks,
            "gaps": Gaps.of([row.date for row in every], timezone.localdate()),
            "crs_chart": charts.time_chart(
                "crs",
                points,
                title=gettext("Minimum CRS score of each %(stream)s round")
                % {"stream": short_name},
                description=stream_chart_description(
                    gettext("The cut-off score of every %(stream)s round, oldest to newest."),
                    gettext(
                        "The cut-off score of latest %(stream)s round (the latest %(count)s), "
                        "oldest to newest."
                    ),
                    name,
                    len(charted),
                    every_round=which == "every",
                ),
                value_text=gettext("minimum CRS {value}"),
                marks=marks,
            ),
            "invitations_chart": charts.time_chart(
                "invitations",
                [(row.date, row.invitations) for row in charted],
                title=gettext("Invitations issued in each %(stream)s round")
                % {"stream": short_name},
                description=stream_chart_description(
                    gettext("How many candidates every %(stream)s round invited."),
                    gettext(
                        "How many candidates latest %(stream)s round invited "
                        "(the latest %(count)s)."
                    ),
                    name,
                    len(charted),
                    every_round=which == "every",
                ),
                kind="bars",
                zero_based=True,
                value_text=gettext("{value} invitations"),
            ),
        },
    )


def stream_chart_description(every_text, latest_text, name, count, *, every_round):
    """A stream chart's description: of every round, or of the latest `count` of them."""
    if every_round:
        return every_text % {"stream": name}
    return latest_text % {"stream": name, "count": count}


def is_dormant(latest):
    """A stream without a round in the last 12 months has paused: its page says since when,
    and how its candidates are invited meanwhile (Stream.standing)."""
    return latest is not None and latest.date <= recent_after(timezone.localdate())


CATEGORIES_META = sharing.PageMeta(
    title=gettext_lazy("Express Entry categories: who qualifies, and the versions IRCC has used"),
    description=gettext_lazy(
        "Each Express Entry category with who qualifies in plain words, the versions "
        "of it IRCC has held rounds for, and IRCC's official occupation lists."
    ),
)


@require_safe
def categories(request):
    streams = Stream.objects.filter(kind=Stream.Kind.CATEGORY)
    rounds = Draw.objects.published().category_rounds()
    per_stream = {}
    for row in rounds:
        per_stream.setdefault(row.stream_id, []).append(row)
    rows = [(stream, Version.of(per_stream.get(stream.pk, []))) for stream in streams]
    return render(
        request,
        "draws/categories.html",
        {"section": "streams", "meta": CATEGORIES_META.resolved(), "rows": rows},
    )


@require_safe
def guide_detail(request, slug):
    guide = get_object_or_404(Guide.objects.with_stream().with_sources(), slug=slug)
    latest, every = None, []
    if guide.stream:
        rounds = Draw.objects.published().for_stream(guide.stream).newest_first()
        latest = rounds.listing_fields().first()
        every = list(rounds.figure_rows())
    return render(
        request,
        "draws/guide_detail.html",
        {
            "section": "guides",
            "meta": sharing.guide_meta(guide, site_url(request)),
            "guide": guide,
            # base.html says so above a guide shown in English on a French page.
            "shows_english_text": guide.lacks_translation("body"),
            "latest": latest,
            "dormant": is_dormant(latest),
            "figures_year": Figures.of_last_year(every, timezone.localdate()),
            "figures_all": Figures.of(every),
        },
    )


POOL_META = sharing.PageMeta(
    title=gettext_lazy("The Express Entry pool over time"),
    description=gettext_lazy(
        "How many candidates were in the Express Entry pool, in each CRS score band, on every "
        "distribution IRCC has given with its rounds since January 2022, and how each changed."
    ),
)


@require_safe
def pool(request):
    history = PoolHistory.of(
        Draw.objects.published().distribution_rounds(),
        PoolBand.objects.of_published_rounds().range_rows(),
    )
    return render(
        request,
        "draws/pool.html",
        {
            "section": "pool",
            "meta": POOL_META.resolved(),
            "history": history,
            "table": history.table(),
            "sub_band_tables": history.sub_band_tables(),
            # The whole pool, marked with the rule changes, then one small chart per band,
            # each on its own scale.
            "charts": [
                pool_band_chart(history, None, TimelineEvent.objects.chart_marks()),
                *(pool_band_chart(history, column) for column in history.top_columns),
            ],
        },
    )


def pool_band_chart(history, column, marks=()):
    """The chart of the pool's total (column None) or of one CRS band over time, with the
    (date, label) events it marks among `marks`."""
    if column:
        name = gettext("CRS %(band)s") % {"band": f"{column.low}\u2013{column.high}"}
        description = gettext(
            "Candidates in the pool with a CRS score of %(low)s to %(high)s on each date IRCC "
            "published a distribution; the line breaks where rounds came without one."
        ) % {"low": column.low, "high": column.high}
    else:
        name = gettext("The whole pool")
        description = gettext(
            "Candidates in the pool on each date IRCC published a distribution; the line breaks "
            "where rounds came without one."
        )
    return (
        name,
        charts.pool_chart(
            f"pool-{column.low}-{column.high}" if column else "pool-total",
            history.runs(column),
            title=gettext("%(name)s: candidates on each distribution") % {"name": name},
            description=description,
            value_text=gettext("{value} candidates"),
            marks=marks,
        ),
        charts.marks_within(marks, [date for run in history.runs(column) for date, *_ in run]),
    )


ABOUT_META = sharing.PageMeta(
    path=reverse_lazy("draws:about"),
    title=gettext_lazy("About this site and its data"),
    description=gettext_lazy(
        "Where the Express Entry round figures come from, how often they are updated, "
        "and who runs this independent site."
    ),
)


CORRECTIONS_META = sharing.PageMeta(
    path=reverse_lazy("draws:corrections"),
    title=gettext_lazy("Corrections to published rounds"),
    description=gettext_lazy(
        "Every figure of an Express Entry round corrected after it was published here: "
        "what it said, what it says now, and when it changed."
    ),
)
CORRECTIONS_PER_PAGE = 50


@reads_query("page")
@require_safe
def correction_list(request):
    corrections = Correction.objects.public().select_related("draw__stream").newest_first()
    paginator = Paginator(corrections, CORRECTIONS_PER_PAGE, allow_empty_first_page=True)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page of corrections.") from None
    return render(
        request,
        "draws/correction_list.html",
        {"section": "about", "meta": CORRECTIONS_META.resolved(), "page": page},
    )


@require_safe
def about(request):
    return render(
        request,
        "draws/about.html",
        {
            "section": "about",
            "meta": ABOUT_META.resolved(),
            # The page names the latest round by its number and date, nothing more.
            "latest": Draw.objects.published()
            .newest_first()
            .only("number", "suffix", "date")
            .first(),
        },
    )


def png_response(request, etag, last_modified, render_png):
    """The card, or 304 when the client already has this version of it.

    Pages link to a card with its version in the address (`?v=`), so that address never
    changes and may be kept for good; a corrected round links to a new one. Asked without
    it, or for an older version, the current card is sent, to be revalidated each time.
    """
    # HTTP dates have whole seconds; a fractional timestamp would never compare as unmodified.
    last_modified = int(last_modified) if last_modified else None
    not_modified = get_conditional_response(request, etag=f'"{etag}"', last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(render_png(), content_type="image/png")
    response["ETag"] = f'"{etag}"'
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    if request.GET.get("v") == sharing.card_version(etag):
        return keep_for_good(response)
    return ask_every_time(response)


@reads_query("v")
@require_safe
def draw_card(request, number):
    try:
        draw = Draw.objects.published().with_stream().get_by_label(number)
    except Draw.DoesNotExist:
        raise Http404(f"No published round #{number}.") from None
    if number != draw.label:
        return redirect("draws:card", draw.label, permanent=True)
    return png_response(
        request,
        sharing.draw_card_etag(draw),
        draw.updated_at.timestamp(),
        lambda: sharing.draw_card(draw),
    )


@reads_query("v")
@require_safe
def stream_card(request, slug):
    stream = get_object_or_404(Stream, slug=slug)
    latest = Draw.objects.published().for_stream(stream).newest_first().first()
    return png_response(
        request,
        sharing.stream_card_etag(stream, latest),
        latest.updated_at.timestamp() if latest else None,
        lambda: sharing.stream_card(stream, latest),
    )


@reads_query("v")
@require_safe
def site_card(request):
    latest = Draw.objects.published().with_stream().newest_first().first()
    return png_response(
        request,
        sharing.site_card_etag(latest),
        latest.updated_at.timestamp() if latest else None,
        lambda: sharing.site_card(latest),
    )


# Browsers and feed readers ask for these two addresses whatever a page links (the pages
# link favicon.svg). The files are drawn by scripts/make_icons.py; a day is long enough to
# spare the requests and short enough for a new icon to reach everyone soon.
ICON_MAX_AGE = 24 * 60 * 60


def static_icon(name, content_type):
    response = HttpResponse(Path(finders.find(name)).read_bytes(), content_type=content_type)
    patch_cache_control(response, public=True, max_age=ICON_MAX_AGE)
    return response


@require_safe
def favicon(request):
    return static_icon("favicon.ico", "image/vnd.microsoft.icon")


@require_safe
def apple_touch_icon(request):
    return static_icon("apple-touch-icon.png", "image/png")


@require_safe
def robots_txt(request):
    """Everything public may be indexed; the sitemap lists it. The admin is not linked here."""
    sitemap = site_url(request) + reverse("site:sitemap")
    return HttpResponse(
        f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", content_type="text/plain"
    )
