"""The pool over time (draws/pool.py and /pool/): one entry per distribution, net changes,
sub-bands, breaks where rounds came without a distribution, and each round's link to it."""

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from draws import ircc
from draws.models import Draw, PoolBand
from draws.pool import PoolHistory
from tests.factories import DATA, add_distribution, make_draw

APRIL_11, APRIL_25, JUNE_20 = dt.date(2022, 4, 11), dt.date(2022, 4, 25), dt.date(2022, 6, 20)


@pytest.fixture
def pool_history(db):
    """Three distributions, worked out by hand: the third carried by two rounds, after a
    round that came without one; 451-500 is split into 491-500 and 451-490."""
    first = make_draw(220, dt.date(2022, 4, 13), "general")
    add_distribution(
        first, APRIL_11, [(601, 1200, 800), (451, 500, 1000), (491, 500, 300), (0, 450, 200)]
    )
    second = make_draw(221, dt.date(2022, 4, 27), "general")
    add_distribution(
        second, APRIL_25, [(601, 1200, 750), (451, 500, 1100), (491, 500, 320), (0, 450, 200)]
    )
    make_draw(222, dt.date(2022, 5, 25), "pnp")  # no distribution
    for number in (223, 224):
        add_distribution(
            make_draw(number, dt.date(2022, 6, 22), "cec"),
            JUNE_20,
            [(601, 1200, 900), (451, 500, 1050), (491, 500, 350), (0, 450, 210)],
        )
    # A draft's distribution is nobody's business but the editors'.
    add_distribution(
        make_draw(225, dt.date(2022, 7, 6), "cec", status=Draw.Status.DRAFT),
        dt.date(2022, 7, 4),
        [(0, 1200, 5)],
    )


def load():
    return PoolHistory.of(
        Draw.objects.published().distribution_rounds(),
        PoolBand.objects.of_published_rounds().range_rows(),
    )


def test_each_distribution_appears_once_with_the_rounds_that_carried_it(pool_history):
    history = load()
    assert [d.as_of for d in history.distributions] == [APRIL_11, APRIL_25, JUNE_20]
    assert [d.rounds for d in history.distributions] == [["220"], ["221"], ["223", "224"]]
    assert history.round_count == 4
    assert [d.total for d in history.distributions] == [2000, 2050, 2160]


def test_changes_are_net_differences_from_the_previous_distribution(pool_history):
    first, second, third = load().distributions
    assert first.cell((601, 1200)).change is None  # nothing before it
    assert second.cell((601, 1200)).count == 750
    assert second.cell((601, 1200)).change == -50
    assert second.cell((491, 500)).change == 20
    assert third.cell((451, 500)).change == -50
    assert third.total_cell.change == 110
    assert third.previous is second


def test_sub_bands_are_columns_under_the_band_they_split(pool_history):
    history = load()
    assert [(c.low, c.high, c.parent) for c in history.columns] == [
        (601, 1200, None),
        (451, 500, None),
        (491, 500, (451, 500)),
        (0, 450, None),
    ]
    (table,) = history.sub_band_tables()
    assert [c.key for c in table.columns] == [(451, 500), (491, 500)]
    assert [cells[1].count for _, cells in table.rows] == [350, 320, 300]


def test_a_round_without_a_distribution_breaks_the_line(pool_history):
    history = load()
    _, second, third = history.distributions
    assert third.rounds_without == ["222"]
    assert third.follows_break and not second.follows_break
    assert [[point[0] for point in run] for run in history.runs()] == [
        [APRIL_11, APRIL_25],
        [JUNE_20],
    ]
    assert history.runs()[1][0] == (JUNE_20, 2160, "rounds #223 and #224")


def test_months_without_any_round_break_the_line_too(db):
    for number, as_of in [
        (1, dt.date(2023, 1, 2)),
        (2, dt.date(2023, 1, 16)),
        (3, dt.date(2023, 9, 1)),
    ]:
        add_distribution(make_draw(number, as_of + dt.timedelta(days=2)), as_of, [(0, 1200, 10)])
    runs = load().runs()
    assert [len(run) for run in runs] == [2, 1]


def rows_from_feed(path):
    """The shipped feed as the rows the database would give, without the database."""
    parsed = ircc.parse_feed(json.loads(path.read_text(encoding="utf-8")))
    rounds, bands = [], []
    for pk, each in enumerate(parsed, start=1):
        rounds.append(
            SimpleNamespace(
                pk=pk,
                number=each.number,
                suffix=each.suffix,
                date=each.date,
                pool_as_of=each.pool_as_of,
                pool_total=each.pool_total,
            )
        )
        ranges = [(band.low, band.high) for band in each.pool_bands]
        first_id = len(bands) + 1
        for index, (band, parent) in enumerate(
            zip(each.pool_bands, ircc.band_parents(ranges), strict=True)
        ):
            bands.append(
                SimpleNamespace(
                    pk=first_id + index,
                    draw_id=pk,
                    low=band.low,
                    high=band.high,
                    count=band.count,
                    parent_id=first_id + parent if parent is not None else None,
                )
            )
    return rounds, bands


def test_the_shipped_history_gives_one_entry_per_published_distribution():
    feed = DATA / "ircc-ee-rounds-123-en.json"
    raw = json.loads(feed.read_text(encoding="utf-8"))["rounds"]
    carrying = [r for r in raw if r["dd18"].replace(",", "") not in ("", "0")]
    history = PoolHistory.of(*rows_from_feed(feed))
    assert history.round_count == len(carrying)
    assert len(history.distributions) == len({r["drawDistributionAsOn"] for r in carrying})
    # Every total is IRCC's own, and every change adds up along the history.
    for distribution in history.distributions[1:]:
        assert distribution.total_cell.change == distribution.total - distribution.previous.total
    assert sorted(history.distributions[-1].rounds) == ["431", "432", "433", "434"]
    # Rounds #223 and #224 of 2022 came without a distribution.
    assert any(d.rounds_without == ["223", "224"] for d in history.distributions)


# The page


def test_the_pool_page_gives_every_distribution_with_its_net_changes(client, pool_history):
    response = client.get(reverse("draws:pool"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>The Express Entry pool over time" in page
    assert "the 3 distributions of the pool" in page
    assert "published with 4 rounds" in page
    assert "2,160 candidates were in the Express Entry pool" in page
    assert "It is a net figure" in page
    row = re.search(r'<tr id="pool-2022-04-25">.*?</tr>', page, re.S).group()
    assert "750<br>\u221250</td>" in row
    assert "2,050<br>+50</td>" in row
    assert "round #222 came without one" in page
    assert "Within 451\u2013500" in page
    assert "#225" not in page  # the draft


def test_the_pool_charts_give_each_value_on_hover_and_break_between_runs(client, pool_history):
    page = client.get(reverse("draws:pool")).content.decode()
    total_chart = re.search(r'<svg[^>]*aria-labelledby="pool-total-title.*?</svg>', page, re.S)
    svg = total_chart.group()
    assert svg.count("<polyline") == 1  # April, then June alone after the break
    assert svg.count("<circle") == 3
    assert "<title>20 June 2022 (rounds #223 and #224): 2,160 candidates</title>" in svg
    assert 'aria-labelledby="pool-451-500-title' in page


def test_each_round_with_a_distribution_links_to_its_row(client, pool_history):
    page = client.get(reverse("draws:detail", args=["223"])).content.decode()
    assert 'href="/pool/#pool-2022-06-20"' in page
    pool_page = client.get("/pool/").content.decode()
    assert 'id="pool-2022-06-20"' in pool_page


def test_a_round_without_a_distribution_links_to_the_pools_history(client, pool_history):
    page = client.get(reverse("draws:detail", args=["222"])).content.decode()
    assert 'href="/pool/">The pool\'s history</a>' in page


def test_the_pool_page_without_distributions_says_so(client, db):
    response = client.get(reverse("draws:pool"))
    assert response.status_code == 200
    assert "No distribution of the pool has been published here yet." in response.content.decode()


def test_the_pool_is_in_the_sitemap_and_the_menu(client, pool_history):
    assert "/pool/</loc>" in client.get("/sitemap.xml").content.decode()
    assert 'href="/pool/" aria-current="page"' in client.get("/pool/").content.decode()
