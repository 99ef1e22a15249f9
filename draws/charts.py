"""Server-drawn SVG charts: the CRS cut-off over time, invitations per round and per year,
and where a score sits in the pool.

Pure functions from numbers to SVG markup. Colours come from classes styled in site.css (so
dark mode and print work, and the CSP needs no inline styles). Each chart carries a title
and a description for screen readers; pages put the same numbers in a table beside it.
"""

import datetime as dt
import itertools
import math
import statistics

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from eeportal.i18n.dates import date_format

WIDTH, HEIGHT = 640, 260
RIGHT, TOP, BOTTOM = 12, 16, 32
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
# The largest type site.css gives chart labels, in the viewBox's units: on a 360 px phone a
# 640-wide chart is drawn about 328 px wide, so 22 units are 11 px there. Every label is placed
# so that at this size it neither runs into another nor leaves the chart.
LABEL_SIZE = 22
# A character's width in ems, at most: digits are 0.55 to 0.64 em wide in the system fonts.
CHAR_WIDTH = 0.64
# Rows of labels under an axis: the first a line below the plot, the next ones a little more
# than a line apart (a line of type is about 1.17 em from its top to its bottom).
FIRST_ROW = LABEL_SIZE * 1.05
LABEL_ROW = LABEL_SIZE * 1.3
NICE_STEPS = [1, 2, 2.5, 5, 10]
MAX_DOTS = 80
# An axis spans at least this share of its values (4% of 489 is about 20 points).
NARROWEST_RANGE = 0.04
# A line between two rounds says the cut-off moved from one to the other; across a pause in
# which IRCC held no round of the stream there was no cut-off to draw, so the line breaks.
# A pause is a gap longer than a year, or longer than six times the stream's median gap (the
# median, so that the pauses themselves don't stretch it; six times, well past the skipped
# round or two of an ordinary month) once that is four months or more (so that a weekly
# stream's holiday lull doesn't chop its line).
PAUSE_ALWAYS = dt.timedelta(days=365)
PAUSE_TYPICAL_GAPS = 6
PAUSE_AT_LEAST = dt.timedelta(days=120)
# Labels under bars, at most. Twelve years' labels don't fit side by side at LABEL_SIZE, so
# past a few they take two rows, alternately.
MAX_BAR_LABELS = 12
# Bars of rounds on a time axis are at most this wide, and never wider than 70% of the
# distance between the two closest rounds, so that no bar runs into the next.
MAX_TIME_BAR_WIDTH = 14


def nice_ticks(low, high, count=5):
    """Round, distinct tick values covering low..high, e.g. (412, 561) -> [400, 450, 500, 550, 600].

    The values are scores and counts, whole numbers, so the steps are whole numbers too. A single
    value, or a range much narrower than the values themselves, gets room around it (489 alone
    reads 475 to 500), so that the axis is a scale and not 489 written six times.
    """
    least_range = max(count, (abs(low) + abs(high)) / 2 * NARROWEST_RANGE)
    if high - low < least_range:
        middle = (low + high) / 2
        # Counts and scores never go below zero: near zero the room goes above it instead.
        low = max(0, middle - least_range / 2) if low >= 0 else middle - least_range / 2
        high = low + least_range
    raw_step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(
        n * magnitude
        for n in NICE_STEPS
        if n * magnitude >= raw_step and (n * magnitude) % 1 == 0  # 2.5 only from 25 up
    )
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    ticks = []
    value = first
    while value <= last + step / 2:
        ticks.append(round(value, 6))
        value += step
    return ticks


def axis_labels(ticks):
    """The labels of one axis, all written the same way: '25k' for every tick once the axis
    reaches ten thousand (so that labels fit at a phone's larger type), '1,200' otherwise, never
    a mix of the two. Through Django's localization, like every figure on the site."""
    if ticks[-1] >= 10_000:
        return [f"{intcomma(_whole_or_exact(tick / 1000))}k" if tick else "0" for tick in ticks]
    return [intcomma(_whole_or_exact(tick)) for tick in ticks]


def _whole_or_exact(value):
    """25 for 25.0, so that no label reads '25.0k'; 2.5 stays 2.5."""
    return int(value) if value == int(value) else round(value, 3)


def _svg(chart_id, title, description, body, *, width=WIDTH, height=HEIGHT, css_class="chart"):
    return mark_safe(
        f'<svg class="{css_class}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def label_width(text):
    """How wide `text` can be at LABEL_SIZE, at most."""
    return len(text) * CHAR_WIDTH * LABEL_SIZE


def _label(x, y, text, anchor="middle", css_class="chart-label"):
    return (
        f'<text class="{css_class}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">'
        f"{escape(text)}</text>"
    )


def _mark_title(name, value_text, *values):
    """A mark's `<title>`, "21 January 2026: minimum CRS 509" (or "... 413 to 886" for a
    span): browsers show it on hover and tap, screen readers read it."""
    figures = str(intcomma(values[0]))
    if len(values) > 1:
        figures = _("%(low)s to %(high)s") % {"low": figures, "high": intcomma(values[1])}
    return f"<title>{escape(titled(name, value_text.format(value=figures)))}</title>"


def titled(name, text):
    """'21 January 2026: minimum CRS 509'; French puts a space before the colon."""
    return _("%(name)s: %(text)s") % {"name": name, "text": text}


def _label_within(x, text, left, right=WIDTH):
    """The middle of a label centred on x, moved inside left..right if it would stick out."""
    half = label_width(text) / 2
    return min(max(x, left + half), right - half)


def _y_axis_left(ticks):
    """Where the plot starts: right of the widest tick label."""
    return math.ceil(max(label_width(label) for label in axis_labels(ticks))) + 10


def _y_axis(ticks, y, left):
    parts = []
    for tick, label in zip(ticks, axis_labels(ticks), strict=True):
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{WIDTH - RIGHT}" '
            f'y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            # Baseline a third of the type below the grid line: the figure sits centred on it.
            + _label(left - 6, y(tick) + LABEL_SIZE * 0.35, label, anchor="end")
        )
    return "".join(parts)


def _row_baseline(row):
    """The baseline of a row of labels under the plot, the first row being 0."""
    return TOP + PLOT_HEIGHT + FIRST_ROW + row * LABEL_ROW


def _time_ticks(start, end, most):
    """January 1sts between start and end, thinned to at most `most` labels."""
    years = list(range(start.year + (start > dt.date(start.year, 1, 1)), end.year + 1))
    stride = max(1, math.ceil(len(years) / most))
    return [dt.date(year, 1, 1) for year in years[::stride]]


def runs_between_pauses(points):
    """Sorted (date, value, ...) points split into runs, a new run after each pause."""
    gaps = [later[0] - earlier[0] for earlier, later in itertools.pairwise(points)]
    if not gaps:
        return [points] if points else []
    pause = min(PAUSE_ALWAYS, max(PAUSE_AT_LEAST, PAUSE_TYPICAL_GAPS * statistics.median(gaps)))
    runs = [[points[0]]]
    for gap, point in zip(gaps, points[1:], strict=True):
        if gap > pause:
            runs.append([])
        runs[-1].append(point)
    return runs


def marks_within(marks, dates):
    """The (date, label) marks that fall within the span of `dates`, oldest first: what a time
    chart of those dates draws, for a page to list beside it with the same numbers."""
    if not dates:
        return []
    first, last = min(dates), max(dates)
    return sorted((date, label) for date, label in marks if first <= date <= last)


def event_marks(marks, x):
    """Each (date, label) mark as a labelled vertical line across the plot: its number (1, 2,
    ...) at the top, the date and label in its <title> (shown on hover and tap, read by screen
    readers). Numbers too close to the previous one drop a row, so none covers another.

    For any chart drawn on this module's plot (TOP, PLOT_HEIGHT, WIDTH), given its own
    date-to-x function: time_chart uses it, and so can another chart of dates. Pass the marks
    through marks_within first, and list the same marks beside the chart, numbered alike."""
    parts, previous_x, row = [], None, 0
    for number, (date, label) in enumerate(marks, start=1):
        line_x = x(date)
        text = str(number)
        if previous_x is not None and line_x - previous_x < label_width(text) + 8:
            row = (row + 1) % 3
        else:
            row = 0
        previous_x = line_x
        # The number sits right of its line, or left of it where it would leave the chart.
        fits_right = line_x + 3 + label_width(text) <= WIDTH - RIGHT
        parts.append(
            f'<g class="chart-event"><title>{escape(titled(date_format(date), label))}</title>'
            f'<line class="chart-event-line" x1="{line_x:.1f}" x2="{line_x:.1f}" y1="{TOP}" '
            f'y2="{TOP + PLOT_HEIGHT}"/>'
            + _label(
                line_x + 3 if fits_right else line_x - 3,
                TOP + LABEL_SIZE * 0.85 + row * LABEL_ROW,
                text,
                anchor="start" if fits_right else "end",
                css_class="chart-label chart-event-label",
            )
            + "</g>"
        )
    return "".join(parts)


def time_chart(
    chart_id,
    points,
    *,
    title,
    description,
    kind="line",
    zero_based=False,
    value_text="{value}",
    marks=(),
):
    """A chart of (date, value), (date, value, round label) or (date, value, round label, note)
    points on a time axis, as a line with dots or as bars. Each dot and bar gives its round's
    value on hover or tap, written with `value_text` ("minimum CRS {value}"), and its note
    (such as the category version IRCC named the round with).

    `marks` are (date, label) events, such as rule changes, drawn as numbered vertical lines
    where they fall within the chart's dates (see marks_within)."""
    if not points:
        return ""
    points = sorted(
        (point[0], point[1], point[2] if len(point) > 2 else "", point[3] if len(point) > 3 else "")
        for point in points
    )
    start, end = points[0][0], points[-1][0]
    if start == end:
        start, end = start - dt.timedelta(days=15), end + dt.timedelta(days=15)
    values = [point[1] for point in points]
    ticks = nice_ticks(0 if zero_based else min(values), max(values))
    low, high = ticks[0], ticks[-1]
    span_days = (end - start).days
    left = _y_axis_left(ticks)
    plot_width = WIDTH - RIGHT - left
    bar_width = _time_bar_width(points, plot_width / span_days) if kind == "bars" else 0
    # The first and last marks sit inside the plot, clear of the axis labels.
    inset = bar_width / 2 + 1 if kind == "bars" else 4

    def x(date):
        return left + inset + (plot_width - 2 * inset) * (date - start).days / span_days

    def y(value):
        return TOP + PLOT_HEIGHT * (1 - (value - low) / (high - low))

    def mark_title(date, value, label, note):
        name = date_format(date)
        name = _("Round #%(label)s, %(date)s") % {"label": label, "date": name} if label else name
        return _mark_title(f"{name} ({note})" if note else name, value_text, value)

    body = [_y_axis(ticks, y, left)]
    body.append(event_marks(marks_within(marks, [start, end]), x))
    # Year labels at least 1.6 label widths apart, so that moving one inside the plot
    # doesn't bring it onto the next.
    most_years = max(1, math.floor(plot_width / (1.6 * label_width("2026"))))
    # Rounds all within one year pass no January 1st: their year is written under the middle.
    for tick in _time_ticks(start, end, most_years) or [start + (end - start) / 2]:
        text = str(tick.year)
        body.append(_label(_label_within(x(tick), text, left), _row_baseline(0), text))
    if kind == "bars":
        for date, value, label, note in points:
            body.append(
                f'<rect class="chart-bar" x="{x(date) - bar_width / 2:.1f}" y="{y(value):.1f}" '
                f'width="{bar_width:.1f}" height="{y(low) - y(value):.1f}">'
                f"{mark_title(date, value, label, note)}</rect>"
            )
    else:
        for run in runs_between_pauses(points):
            if len(run) > 1:
                path = " ".join(f"{x(point[0]):.1f},{y(point[1]):.1f}" for point in run)
                # Without dots, the line itself says what it spans.
                run_values = [point[1] for point in run]
                span = _mark_title(
                    _("%(low)s to %(high)s")
                    % {"low": date_format(run[0][0]), "high": date_format(run[-1][0])},
                    value_text,
                    min(run_values),
                    max(run_values),
                )
                body.append(f'<polyline class="chart-line" points="{path}">{span}</polyline>')
            # A round alone between two pauses is no line at all: it keeps its dot.
            if len(points) <= MAX_DOTS or len(run) == 1:
                body.extend(
                    f'<circle class="chart-dot" cx="{x(date):.1f}" cy="{y(value):.1f}" r="3">'
                    f"{mark_title(date, value, label, note)}</circle>"
                    for date, value, label, note in run
                )
    return _svg(chart_id, title, description, "".join(body))


def _time_bar_width(points, units_per_day):
    """70% of the distance between the two closest rounds (rounds of the same day share a
    place whatever the width), at most MAX_TIME_BAR_WIDTH and at least one unit."""
    gaps = [(later[0] - earlier[0]).days for earlier, later in itertools.pairwise(points)]
    closest = min((gap for gap in gaps if gap), default=None)
    if closest is None:
        return MAX_TIME_BAR_WIDTH
    return max(1, min(MAX_TIME_BAR_WIDTH, 0.7 * closest * units_per_day))


def bar_chart(chart_id, bars, *, title, description, today=None, value_text="{value}"):
    """Vertical bars for labelled values, e.g. invitations per year, each giving its value on
    hover or tap. Given `today`, the bar labelled with today's year is marked as the year so
    far."""
    if not bars:
        return ""
    ticks = nice_ticks(0, max(value for _, value in bars))
    high = ticks[-1]
    left = _y_axis_left(ticks)
    slot = (WIDTH - RIGHT - left) / len(bars)
    current_year = str(today.year) if today else None

    def y(value):
        return TOP + PLOT_HEIGHT * (1 - value / high)

    # Every bar is labelled up to MAX_BAR_LABELS; past that every second, third... counted
    # back from the latest, which always has one. Labels too wide for the room between them
    # alternate between two rows.
    label_every = math.ceil(len(bars) / MAX_BAR_LABELS)
    widest = max(label_width(str(label)) for label, _ in bars)
    rows = 2 if label_every * slot < widest * 1.15 else 1
    body = [_y_axis(ticks, y, left)]
    lowest_row = 0
    for index, (label, value) in enumerate(bars):
        bar_left = left + index * slot + slot * 0.15
        middle = bar_left + slot * 0.35
        so_far = str(label) == current_year
        bar_name = _("%(year)s so far") % {"year": label} if so_far else str(label)
        body.append(
            f'<rect class="chart-bar{" chart-bar-partial" if so_far else ""}" '
            f'x="{bar_left:.1f}" y="{y(value):.1f}" '
            f'width="{slot * 0.7:.1f}" height="{y(0) - y(value):.1f}">'
            f"{_mark_title(bar_name, value_text, value)}</rect>"
        )
        from_latest = len(bars) - 1 - index
        if from_latest % label_every == 0:
            row = from_latest // label_every % rows
            text = str(label)
            body.append(_label(_label_within(middle, text, left), _row_baseline(row), text))
            if so_far:
                # A row of its own, below the others, so that it runs into no other label.
                row = rows
                text = _("so far")
                body.append(_label(_label_within(middle, text, left), _row_baseline(row), text))
            lowest_row = max(lowest_row, row)
    height = HEIGHT + lowest_row * LABEL_ROW
    return _svg(chart_id, title, description, "".join(body), height=math.ceil(height))


def distribution_chart(
    chart_id, bands, *, title, description, marked_score=None, value_text="{value}"
):
    """Horizontal bars, one per CRS band (highest first), optionally marking a score; each
    gives its count on hover or tap."""
    if not bands:
        return ""
    row = PLOT_HEIGHT / len(bands)
    ticks = nice_ticks(0, max(count for _, _, count in bands))
    high = ticks[-1]
    left = math.ceil(max(label_width(f"{low}-{band_high}") for low, band_high, _ in bands)) + 10

    def width(count):
        return (WIDTH - RIGHT - left) * count / high

    body = []
    for index, (low, band_high, count) in enumerate(bands):
        top = TOP + index * row
        marked = marked_score is not None and low <= marked_score <= band_high
        body.append(
            _label(left - 6, top + row / 2 + LABEL_SIZE * 0.35, f"{low}-{band_high}", anchor="end")
            + f'<rect class="chart-bar{" chart-bar-marked" if marked else ""}" x="{left}" '
            f'y="{top + row * 0.15:.1f}" width="{width(count):.1f}" height="{row * 0.7:.1f}">'
            f"{_mark_title(f'{low}-{band_high}', value_text, count)}</rect>"
        )
    return _svg(chart_id, title, description, "".join(body))


# The pool bar is drawn small, so that its labels stay legible when a phone shrinks it.
POOL_WIDTH, POOL_HEIGHT = 360, 92
POOL_LEFT, POOL_RIGHT = 8, 8
POOL_BAR_TOP, POOL_BAR_HEIGHT = 26, 28
# Room for a band such as 451-500 at the 13 px site.css gives these labels on a phone.
POOL_LABEL_MIN_WIDTH = 62


def pool_position_chart(chart_id, bands, at_or_above, score, *, title, description):
    """The whole pool as one bar, lowest scores on the left and each (low, high, count) band
    as wide as its count, with the candidates at `score` or above shaded and the score marked.
    """
    total = sum(count for _, _, count in bands)
    if not total:
        return ""
    bar_width = POOL_WIDTH - POOL_LEFT - POOL_RIGHT
    bar_bottom = POOL_BAR_TOP + POOL_BAR_HEIGHT

    def x(count):
        return POOL_LEFT + bar_width * count / total

    marker = x(total - min(at_or_above, total))
    body = [
        f'<rect class="chart-bar" x="{POOL_LEFT}" y="{POOL_BAR_TOP}" '
        f'width="{marker - POOL_LEFT:.1f}" height="{POOL_BAR_HEIGHT}"/>',
        f'<rect class="chart-bar chart-bar-marked" x="{marker:.1f}" y="{POOL_BAR_TOP}" '
        f'width="{POOL_WIDTH - POOL_RIGHT - marker:.1f}" height="{POOL_BAR_HEIGHT}"/>',
    ]
    below = 0
    for low, high, count in sorted(bands):
        left, right = x(below), x(below + count)
        below += count
        if right < POOL_WIDTH - POOL_RIGHT - 0.5:
            body.append(
                f'<line class="chart-gap" x1="{right:.1f}" x2="{right:.1f}" '
                f'y1="{POOL_BAR_TOP}" y2="{bar_bottom}"/>'
            )
        if right - left >= POOL_LABEL_MIN_WIDTH:
            body.append(
                f'<text class="chart-label" x="{(left + right) / 2:.1f}" y="{bar_bottom + 16}" '
                f'text-anchor="middle">{low}\u2013{high}</text>'
            )
    if marker < POOL_LEFT + 20:
        anchor = "start"
    elif marker > POOL_WIDTH - POOL_RIGHT - 20:
        anchor = "end"
    else:
        anchor = "middle"
    body.append(
        f'<line class="chart-marker" x1="{marker:.1f}" x2="{marker:.1f}" '
        f'y1="{POOL_BAR_TOP - 6}" y2="{bar_bottom + 4}"/>'
        f'<text class="chart-label chart-marker-label" x="{marker:.1f}" y="{POOL_BAR_TOP - 10}" '
        f'text-anchor="{anchor}">{intcomma(score)}</text>'
    )
    return _svg(
        chart_id,
        title,
        description,
        "".join(body),
        width=POOL_WIDTH,
        height=POOL_HEIGHT,
        css_class="chart chart-small",
    )


def pool_chart(chart_id, runs, *, title, description, value_text="{value}", marks=()):
    """A line over time drawn from runs of (date, value, what) points: the line breaks between
    runs (where nothing was measured), and each dot gives its date, value and `what` (the
    rounds that published it) on hover or tap. `marks` are (date, label) events drawn as
    numbered vertical lines, as on time_chart, those outside the chart's dates left out."""
    points = [point for run in runs for point in run]
    if not points:
        return ""
    start, end = min(point[0] for point in points), max(point[0] for point in points)
    if start == end:
        start, end = start - dt.timedelta(days=15), end + dt.timedelta(days=15)
    ticks = nice_ticks(min(point[1] for point in points), max(point[1] for point in points))
    low, high = ticks[0], ticks[-1]
    left = _y_axis_left(ticks)
    plot_width = WIDTH - RIGHT - left
    inset = 4

    def x(date):
        return left + inset + (plot_width - 2 * inset) * (date - start).days / (end - start).days

    def y(value):
        return TOP + PLOT_HEIGHT * (1 - (value - low) / (high - low))

    body = [_y_axis(ticks, y, left)]
    most_years = max(1, math.floor(plot_width / (1.6 * label_width("2026"))))
    years = _time_ticks(start, end, most_years) or [start + (end - start) / 2]
    # A history starting after New Year's Day (distributions begin in January 2022) names its
    # first year at its start too, where that leaves room before the next label.
    if years[0].year != start.year and x(years[0]) - x(start) >= 1.6 * label_width("2026"):
        years.insert(0, start)
    for tick in years:
        text = str(tick.year)
        body.append(_label(_label_within(x(tick), text, left), _row_baseline(0), text))
    body.append(event_marks(marks_within(marks, [start, end]), x))
    for run in runs:
        if len(run) > 1:
            path = " ".join(f"{x(date):.1f},{y(value):.1f}" for date, value, _ in run)
            body.append(f'<polyline class="chart-line" points="{path}"/>')
        body.extend(
            f'<circle class="chart-dot" cx="{x(date):.1f}" cy="{y(value):.1f}" r="2.5">'
            + _mark_title(
                f"{date_format(date)} ({what})" if what else date_format(date), value_text, value
            )
            + "</circle>"
            for date, value, what in run
        )
    return _svg(chart_id, title, description, "".join(body))
