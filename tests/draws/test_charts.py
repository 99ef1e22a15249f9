"""SVG charts drawn on the server: accessible, and true to the numbers given."""

import datetime as dt
import itertools
import re
from pathlib import Path

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


def every_fortnight(start, count, value=450):
    return [(start + dt.timedelta(days=14 * i), value + i) for i in range(count)]


def test_the_line_breaks_across_years_without_rounds():
    # CEC: rounds in early 2015, none until 2020.
    points = every_fortnight(dt.date(2015, 1, 1), 4) + every_fortnight(dt.date(2020, 3, 1), 4)
    svg = charts.time_chart("crs", points, title="t", description="d")
    lines = re.findall(r'<polyline class="chart-line" points="([^"]*)"', svg)
    assert [len(line.split()) for line in lines] == [4, 4]


def test_a_pause_many_times_the_streams_usual_gap_breaks_the_line():
    # Rounds every fortnight, then a five-month pause: no year, but twelve usual gaps.
    points = every_fortnight(dt.date(2020, 1, 1), 10) + every_fortnight(dt.date(2020, 10, 1), 10)
    runs = charts.runs_between_pauses(points)
    assert [len(run) for run in runs] == [10, 10]


def test_an_ordinary_lull_does_not_break_the_line():
    weekly = [(dt.date(2024, 1, 1) + dt.timedelta(days=7 * i), 500) for i in range(20)]
    after_the_holidays = [(weekly[-1][0] + dt.timedelta(days=60), 500)]
    assert len(charts.runs_between_pauses(weekly + after_the_holidays)) == 1
    # Rounds every five months or so never break on their own rhythm, only past a year.
    sparse = [(dt.date(2017, 5, 26), 199), (dt.date(2017, 11, 1), 241), (dt.date(2018, 5, 30), 288)]
    assert len(charts.runs_between_pauses(sparse)) == 1
    assert len(charts.runs_between_pauses([*sparse, (dt.date(2020, 8, 6), 415)])) == 2


def test_a_round_alone_between_pauses_keeps_its_dot_on_a_dense_chart():
    points = [*every_fortnight(dt.date(2015, 1, 1), 100), (dt.date(2021, 6, 1), 500)]
    svg = charts.time_chart("crs", points, title="t", description="d")
    assert svg.count("<polyline") == 1
    assert svg.count("<circle") == 1


def y_axis_labels(svg):
    return re.findall(r'<text class="chart-label"[^>]*text-anchor="end">([^<]*)</text>', svg)


def test_a_single_round_gets_a_scale_around_it_not_its_own_value_six_times():
    # The FSW stream has had one round.
    svg = charts.time_chart("crs", [(dt.date(2025, 6, 1), 489)], title="t", description="d")
    labels = y_axis_labels(svg)
    assert len(labels) >= 3
    assert len(set(labels)) == len(labels)
    assert int(labels[0]) < 489 < int(labels[-1])
    assert year_labels(svg) == ["2025"]


def test_an_axis_never_repeats_a_label():
    for low, high in [(489, 489), (489, 490), (0, 0), (0, 3), (5, 5), (9_998, 10_003), (0, 2)]:
        labels = charts.axis_labels(charts.nice_ticks(low, high))
        assert len(set(labels)) == len(labels) >= 3, (low, high, labels)
        ticks = charts.nice_ticks(low, high)
        assert ticks[0] <= low and high <= ticks[-1]


def test_every_label_of_an_axis_is_written_the_same_way():
    # 0 to 10,000 once read "8,000" next to "10k".
    assert charts.axis_labels(charts.nice_ticks(0, 10_000)) == ["0", "2k", "4k", "6k", "8k", "10k"]
    assert charts.axis_labels([0, 2_500, 5_000, 7_500, 10_000]) == [
        "0",
        "2.5k",
        "5k",
        "7.5k",
        "10k",
    ]
    assert charts.axis_labels(charts.nice_ticks(0, 8_000)) == [
        "0",
        "2,000",
        "4,000",
        "6,000",
        "8,000",
    ]
    svg = charts.bar_chart("y", [("2025", 9_000), ("2026", 3_000)], title="t", description="d")
    assert y_axis_labels(svg) == ["0", "2k", "4k", "6k", "8k", "10k"]


PROJECT = Path(__file__).resolve().parents[2]


def phone_label_sizes():
    """The font sizes site.css gives chart labels on a phone, by selector."""
    css = (PROJECT / "static" / "css" / "site.css").read_text()
    phone = css[css.index("@media (max-width: 30rem)") :]
    return dict(re.findall(r"(\.chart[^{,]*\.chart-label) \{\s*font-size: (\d+)px;", phone))


def test_chart_labels_are_11_pixels_on_a_360_pixel_phone():
    sizes = phone_label_sizes()
    drawn_width = 360 - 2 * 16  # the page's padding is 1rem each side
    large = int(sizes[".chart:not(.chart-small) .chart-label"])
    assert large == charts.LABEL_SIZE  # the size the charts place their labels for
    assert large * drawn_width / charts.WIDTH >= 11
    assert int(sizes[".chart-small .chart-label"]) * drawn_width / charts.POOL_WIDTH >= 11


def label_boxes(svg, size=22):
    """Each label's box at `size` (the phone's, in the viewBox's units), with characters 0.6 em
    wide, as (text, left, right, top, bottom)."""
    boxes = []
    for x, y, anchor, text in re.findall(
        r'<text class="chart-label[^"]*" x="([\d.-]+)" y="([\d.-]+)" '
        r'text-anchor="(\w+)">([^<]*)</text>',
        svg,
    ):
        width = len(text) * 0.6 * size
        left = {"start": 0, "middle": -width / 2, "end": -width}[anchor] + float(x)
        boxes.append((text, left, left + width, float(y) - 0.93 * size, float(y) + 0.24 * size))
    return boxes


def assert_labels_fit_at_phone_size(svg):
    _, _, view_width, view_height = (
        float(n) for n in re.search(r'viewBox="([^"]+)"', svg)[1].split()
    )
    boxes = label_boxes(svg)
    assert boxes
    for text, left, right, top, bottom in boxes:
        assert left >= 0 and top >= 0 and right <= view_width and bottom <= view_height, text
    for index, (text, left, right, top, bottom) in enumerate(boxes):
        for other, o_left, o_right, o_top, o_bottom in boxes[index + 1 :]:
            apart = right <= o_left or o_right <= left or bottom <= o_top or o_bottom <= top
            assert apart, f"{text} runs into {other}"


def test_labels_neither_overlap_nor_leave_the_chart_at_phone_size():
    per_year = [(str(year), 100_000 + year) for year in range(2015, 2027)]
    assert_labels_fit_at_phone_size(
        charts.bar_chart("y", per_year, title="t", description="d", today=dt.date(2026, 3, 1))
    )
    thirty_years = [(str(year), 1_000) for year in range(1997, 2027)]
    assert_labels_fit_at_phone_size(charts.bar_chart("y", thirty_years, title="t", description="d"))
    cec = every_fortnight(dt.date(2015, 1, 1), 150, value=1_100)
    assert_labels_fit_at_phone_size(charts.time_chart("c", cec, title="t", description="d"))
    for years in range(1, 13):
        points = [(dt.date(2015, 1, 1), 400), (dt.date(2015 + years, 1, 1), 9_000)]
        assert_labels_fit_at_phone_size(charts.time_chart("c", points, title="t", description="d"))
    assert_labels_fit_at_phone_size(
        charts.time_chart("c", [(dt.date(2025, 6, 1), 489)], title="t", description="d")
    )
    bands = [(601, 1200, 500), (501, 600, 19_705), (451, 500, 73_099), (0, 300, 7_683)]
    assert_labels_fit_at_phone_size(
        charts.distribution_chart("p", bands, title="t", description="d")
    )


def bars(svg):
    return [
        (float(x), float(x) + float(width))
        for x, width in re.findall(
            r'<rect class="chart-bar[^"]*" x="([\d.]+)" [^>]*width="([\d.]+)"', svg
        )
    ]


def test_bars_of_close_rounds_do_not_run_into_each_other_nor_into_the_axis_labels():
    # French-language rounds: 35 in three years, two of them five days apart.
    french = [(dt.date(2023, 7, 7) + dt.timedelta(days=32 * i), 1_500) for i in range(35)]
    french.append((french[-1][0] + dt.timedelta(days=5), 2_500))
    svg = charts.time_chart("i", french, title="t", description="d", kind="bars", zero_based=True)
    drawn = bars(svg)
    assert all(right < next_left for (_, right), (next_left, _) in itertools.pairwise(drawn))
    plot_left = float(re.search(r'<line class="chart-grid" x1="([\d.]+)"', svg)[1])
    assert drawn[0][0] >= plot_left
    y_labels_right = max(
        right for text, _, right, _, _ in label_boxes(svg) if text in y_axis_labels(svg)
    )
    assert y_labels_right < drawn[0][0]


def test_the_current_years_bar_says_it_is_the_year_so_far():
    per_year = [("2024", 1_000), ("2025", 1_200), ("2026", 300)]
    svg = charts.bar_chart("y", per_year, title="t", description="d", today=dt.date(2026, 3, 1))
    labels = axis_labels(svg)
    assert labels[-2:] == ["2026", "so far"]
    assert svg.count("chart-bar-partial") == 1
    assert svg.rindex("<rect") < svg.index("chart-bar-partial") + 40  # the last bar's
    for today in (dt.date(2027, 1, 5), None):
        svg = charts.bar_chart("y", per_year, title="t", description="d", today=today)
        assert "so far" not in axis_labels(svg)
        assert "chart-bar-partial" not in svg


def mark_titles(svg, mark):
    return re.findall(rf"<{mark} [^>]*><title>([^<]*)</title></{mark}>", svg)


def test_every_mark_gives_its_value_on_hover_or_tap():
    points = [(dt.date(2026, 1, 21), 509, "392"), (dt.date(2026, 2, 4), 6_000, "395")]
    crs = charts.time_chart(
        "c", points, title="t", description="d", value_text="minimum CRS {value}"
    )
    assert mark_titles(crs, "circle") == [
        "Round #392, 21 January 2026: minimum CRS 509",
        "Round #395, 4 February 2026: minimum CRS 6,000",
    ]
    invitations = charts.time_chart(
        "i", points[:1], title="t", description="d", kind="bars", value_text="{value} invitations"
    )
    assert mark_titles(invitations, "rect") == ["Round #392, 21 January 2026: 509 invitations"]
    per_year = charts.bar_chart(
        "y",
        [("2025", 119_865), ("2026", 4_000)],
        title="t",
        description="d",
        today=dt.date(2026, 3, 1),
        value_text="{value} invitations",
    )
    assert mark_titles(per_year, "rect") == [
        "2025: 119,865 invitations",
        "2026 so far: 4,000 invitations",
    ]
    pool = charts.distribution_chart(
        "p", [(501, 600, 19_705)], title="t", description="d", value_text="{value} candidates"
    )
    assert mark_titles(pool, "rect") == ["501-600: 19,705 candidates"]


def test_a_line_too_dense_for_dots_says_what_it_spans():
    points = [(dt.date(2015, 1, 7) + dt.timedelta(days=14 * i), 400 + i) for i in range(100)]
    svg = charts.time_chart(
        "c", points, title="t", description="d", value_text="minimum CRS {value}"
    )
    assert mark_titles(svg, "polyline") == [
        "7 January 2015 to 24 October 2018: minimum CRS 400 to 499"
    ]


# Rule changes marked on time charts (issue 16)

RULE_CHANGES = [
    (dt.date(2016, 11, 19), "Job offers worth far less"),
    (dt.date(2017, 6, 6), "Points for French & siblings"),
    (dt.date(2025, 3, 25), "Job offers no longer earn points"),
]


def event_marks(svg):
    return re.findall(
        r'<g class="chart-event"><title>([^<]*)</title><line class="chart-event-line" '
        r'x1="([\d.]+)" x2="[\d.]+" y1="(\d+)" y2="(\d+)"/><text class="chart-label '
        r'chart-event-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)">(\d+)</text></g>',
        svg,
    )


def test_a_time_chart_marks_the_events_within_its_dates_as_numbered_lines():
    points = [(dt.date(2016, 1, 6), 461), (dt.date(2020, 1, 1), 470), (dt.date(2024, 1, 1), 540)]
    svg = charts.time_chart("c", points, title="t", description="d", marks=RULE_CHANGES)
    marks = event_marks(svg)
    assert [(title, number) for title, *_, number in marks] == [
        ("19 November 2016: Job offers worth far less", "1"),
        ("6 June 2017: Points for French &amp; siblings", "2"),
    ]
    for _, line_x, top, bottom, *_ in marks:
        assert charts.TOP <= int(top) < int(bottom) <= charts.HEIGHT - charts.BOTTOM
        assert 0 < float(line_x) < charts.WIDTH
    # Without marks, the chart is drawn as before.
    assert "chart-event" not in charts.time_chart("c", points, title="t", description="d")


def test_event_numbers_close_together_drop_a_row_and_stay_inside_the_chart():
    points = [(dt.date(1990, 1, 1), 470), (dt.date(2025, 3, 25), 480)]
    marks = event_marks(
        charts.time_chart("c", points, title="t", description="d", marks=RULE_CHANGES)
    )
    (_, first_x, *_, first_y, _, _), (_, second_x, *_, second_y, _, _) = marks[:2]
    assert float(second_x) - float(first_x) < charts.label_width("2") + 8
    assert float(second_y) > float(first_y)  # the second number is on the next row
    # The last mark is at the chart's right edge: its number is written to the left.
    *_, last_x, _, anchor, _ = marks[-1]
    assert anchor == "end"
    assert float(last_x) <= charts.WIDTH - charts.RIGHT


def test_marks_within_gives_the_events_a_chart_of_these_dates_draws():
    dates = [dt.date(2017, 1, 1), dt.date(2026, 1, 1)]
    assert charts.marks_within(RULE_CHANGES, dates) == RULE_CHANGES[1:]
    assert charts.marks_within(RULE_CHANGES, []) == []


def test_a_point_with_a_note_says_it_in_its_title():
    points = [(dt.date(2026, 8, 7), 470, "", "2026-Version 2")]
    svg = charts.time_chart("c", points, title="t", description="d", value_text="CRS {value}")
    assert mark_titles(svg, "circle") == ["7 August 2026 (2026-Version 2): CRS 470"]


# The pool over time


POOL_RUNS = [
    [(dt.date(2022, 1, 17), 196_000, "round #214"), (dt.date(2022, 1, 31), 197_000, "round #215")],
    [(dt.date(2022, 6, 20), 220_674, "round #225")],
]


def test_a_pool_chart_breaks_its_line_between_runs_and_titles_every_dot():
    svg = charts.pool_chart(
        "pool", POOL_RUNS, title="t", description="d", value_text="{value} candidates"
    )
    assert svg.count("<polyline") == 1  # the lone June point is a dot, joined to nothing
    assert svg.count("<circle") == 3
    assert "<title>20 June 2022 (round #225): 220,674 candidates</title>" in svg
    assert charts.pool_chart("pool", [], title="t", description="d") == ""


def test_a_pool_chart_marks_the_events_within_its_dates_as_a_time_chart_does():
    marks = [(dt.date(2022, 3, 1), "New rule"), (dt.date(2019, 1, 1), "Long before")]
    svg = charts.pool_chart("pool", POOL_RUNS, title="t", description="d", marks=marks)
    (mark,) = event_marks(svg)  # 2019 lies outside the chart's dates
    title, mark_x, *_, number = mark
    assert (title, number) == ("1 March 2022: New rule", "1")
    dots_x = [float(x) for x in re.findall(r'<circle[^>]* cx="([\d.]+)"', svg)]
    assert dots_x[1] < float(mark_x) < dots_x[2]
