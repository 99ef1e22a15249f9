"""SVG charts drawn on the server: accessible, and true to the numbers given."""

import datetime as dt
import re

from draws import charts


def test_ticks_are_round_and_cover_the_range():
    assert charts.nice_ticks(412, 561) == [400, 450, 500, 550, 600]
    assert charts.nice_ticks(0, 119_865) == [0, 25_000, 50_000, 75_000, 100_000, 125_000]
    assert charts.nice_ticks(5, 5)[0] <= 5 <= charts.nice_ticks(5, 5)[-1]


def test_a_time_chart_has_a_title_and_description_for_screen_readers():
    svg = charts.time_chart(
        "crs",
        [(dt.date(2025, 1, 1), 500), (dt.date(2026, 1, 1), 520)],
        title="Minimum CRS <CEC>",
        description="Cut-offs over time",
    )
    assert 'role="img"' in svg
    assert 'aria-labelledby="crs-title crs-desc"' in svg
    assert '<title id="crs-title">Minimum CRS &lt;CEC&gt;</title>' in svg
    assert '<desc id="crs-desc">Cut-offs over time</desc>' in svg
    assert svg.count("<circle") == 2


def test_a_higher_value_is_drawn_higher():
    svg = charts.time_chart(
        "crs",
        [(dt.date(2025, 1, 1), 400), (dt.date(2026, 1, 1), 600)],
        title="t",
        description="d",
    )
    (first_y, second_y) = [float(y) for y in re.findall(r'<circle[^>]* cy="([\d.]+)"', svg)]
    assert second_y < first_y  # SVG's y grows downwards


def test_bars_are_as_tall_as_their_values():
    svg = charts.bar_chart("years", [("2025", 100), ("2026", 50)], title="t", description="d")
    heights = [float(h) for h in re.findall(r'<rect[^>]* height="([\d.]+)"', svg)]
    assert heights[0] == 2 * heights[1]


def test_many_points_are_drawn_as_a_line_without_dots():
    points = [(dt.date(2015, 1, 1) + dt.timedelta(days=7 * i), 400 + i) for i in range(200)]
    svg = charts.time_chart("crs", points, title="t", description="d")
    assert "<polyline" in svg
    assert "<circle" not in svg


def test_the_distribution_marks_the_band_holding_the_score():
    svg = charts.distribution_chart(
        "pool", [(501, 600, 10), (451, 500, 30)], title="t", description="d", marked_score=509
    )
    assert svg.count("chart-bar-marked") == 1
    assert svg.index("chart-bar-marked") < svg.index("451-500")


def test_no_points_draw_nothing():
    assert charts.time_chart("x", [], title="t", description="d") == ""
    assert charts.bar_chart("x", [], title="t", description="d") == ""


def axis_labels(svg):
    return re.findall(r'<text class="chart-label"[^>]*>([^<]*)</text>', svg)


def year_labels(svg):
    return [label for label in axis_labels(svg) if re.fullmatch(r"20\d\d", label)]


def test_large_axis_values_are_written_short_enough_for_a_phone():
    svg = charts.bar_chart(
        "per-year", [("2025", 119_865), ("2026", 98_000)], title="t", description="d"
    )
    assert axis_labels(svg)[:6] == ["0", "25k", "50k", "75k", "100k", "125k"]
    small = charts.time_chart(
        "crs", [(dt.date(2025, 1, 1), 480), (dt.date(2026, 1, 1), 1200)], title="t", description="d"
    )
    assert "1,200" in axis_labels(small)


def test_bar_labels_are_thinned_past_twelve_keeping_the_latest():
    years = [(str(year), 1000) for year in range(2000, 2030)]  # 30 bars
    labels = year_labels(charts.bar_chart("y", years, title="t", description="d"))
    assert len(labels) <= charts.MAX_BAR_LABELS
    assert labels[-1] == "2029"
    twelve = [(str(year), 1000) for year in range(2015, 2027)]
    shown = year_labels(charts.bar_chart("y", twelve, title="t", description="d"))
    assert shown == [year for year, _ in twelve]
