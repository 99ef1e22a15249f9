"""`manage.py import_rounds`: the shipped history, idempotency, and all-or-nothing loads."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from draws.models import Draw
from tests.factories import DATA, raw_round

pytestmark = pytest.mark.django_db

HISTORY = [DATA / "ircc-ee-rounds-123-en.json", DATA / "rounds-after-2026-08-07.json"]


def feed_file(tmp_path, *rounds, name="feed.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"classes": "wb-tables", "rounds": list(rounds)}))
    return path


def run_import(*paths):
    from io import StringIO

    out = StringIO()
    call_command("import_rounds", *[str(path) for path in paths], stdout=out)
    return out.getvalue()


def small_feed(tmp_path):
    no_pool = {f"dd{i}": "0" for i in range(1, 19)}
    return feed_file(
        tmp_path,
        raw_round(),
        raw_round(
            drawNumber="91a",
            drawDate="2018-05-30",
            drawName="Federal Skilled Trades",
            drawSize="500",
            drawCRS="288",
            drawDateTime="May 30, 2018 at 14:10:12 UTC",
            drawCutOff="June 7, 2017 at 20:11:13 UTC",
            **no_pool,
        ),
        raw_round(
            drawNumber="50",
            drawDate="2016-12-07",
            drawName="No Program Specified",
            drawSize="559",
            drawCRS="470",
            drawDateTime="December 7, 2016 at 10:00:00 UTC",
            drawCutOff="",
            **no_pool,
        ),
    )


def test_a_small_feed_is_imported_with_its_values(tmp_path):
    output = run_import(small_feed(tmp_path))
    assert "Created 3, updated 0, unchanged 0." in output
    draw = Draw.objects.get_by_label("392")
    assert draw.stream.slug == "cec"
    assert draw.pool_bands.count() == 17
    assert draw.pool_total == 237120
    assert draw.pool_bands.get(low=491, high=500).parent.low == 451
    assert Draw.objects.get_by_label("91a").stream.slug == "fst"
    assert Draw.objects.get_by_label("50").stream.slug == "general"
    assert Draw.objects.get_by_label("50").tie_break is None


def test_a_second_import_changes_nothing_and_says_so(tmp_path):
    feed = small_feed(tmp_path)
    run_import(feed)
    before = {d.label: d.updated_at for d in Draw.objects.all()}
    output = run_import(feed)
    assert "Nothing to change: all 3 rounds are up to date." in output
    assert {d.label: d.updated_at for d in Draw.objects.all()} == before


def test_a_corrected_round_is_updated_and_the_rest_left_alone(tmp_path):
    run_import(feed_file(tmp_path, raw_round()))
    draw = Draw.objects.get_by_label("392")
    draw.status = Draw.Status.DRAFT
    draw.save()
    corrected = raw_round(drawCRS="510", dd1="678", dd18="237,121")
    output = run_import(feed_file(tmp_path, corrected, name="corrected.json"))
    assert "Created 0, updated 1, unchanged 0." in output
    draw.refresh_from_db()
    assert draw.crs_min == 510
    assert draw.pool_bands.get(low=601).count == 678
    # The editors' choice to hide the round survives a re-import.
    assert draw.status == Draw.Status.DRAFT


def test_a_bad_value_anywhere_writes_nothing(tmp_path):
    feed = feed_file(tmp_path, raw_round(), raw_round(drawNumber="393", drawCRS="1,500"))
    with pytest.raises(CommandError, match=r"Round 393, field drawCRS"):
        run_import(feed)
    assert Draw.objects.count() == 0


def test_an_unknown_round_name_names_the_round_and_writes_nothing(tmp_path):
    feed = feed_file(tmp_path, raw_round(), raw_round(drawNumber="393", drawName="Astronauts"))
    with pytest.raises(CommandError, match=r"Round 393, field drawName: unknown round name"):
        run_import(feed)
    assert Draw.objects.count() == 0


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"rounds": [')
    with pytest.raises(CommandError, match="not valid JSON"):
        run_import(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "nowhere.json")


def test_the_shipped_history_loads_completely():
    output = run_import(*HISTORY)
    feed_count = sum(len(json.loads(path.read_text())["rounds"]) for path in HISTORY)
    assert feed_count == 438
    assert f"Created {feed_count}, updated 0, unchanged 0." in output
    assert Draw.objects.count() == feed_count

    draw = Draw.objects.get_by_label("392")
    assert draw.date == dt.date(2026, 1, 21)
    assert draw.stream.slug == "cec"
    assert draw.invitations == 6000
    assert draw.crs_min == 509
    assert draw.tie_break == dt.datetime(2025, 10, 29, 4, 35, 24, tzinfo=dt.UTC)

    fst, pnp = Draw.objects.get_by_label("91a"), Draw.objects.get_by_label("91b")
    assert (fst.stream.slug, pnp.stream.slug) == ("fst", "pnp")
    assert fst.date == pnp.date == dt.date(2018, 5, 30)

    # "October 7 at 16:38:21 UTC" has no year; the round it belongs to is of 2021-10-27.
    no_year = Draw.objects.get(tie_break=dt.datetime(2021, 10, 7, 16, 38, 21, tzinfo=dt.UTC))
    assert no_year.date == dt.date(2021, 10, 27)
    # "June 22, 2021 at 20:19:59 PM UTC": a 24-hour time with a stray PM.
    assert Draw.objects.filter(
        tie_break=dt.datetime(2021, 6, 22, 20, 19, 59, tzinfo=dt.UTC)
    ).exists()
    # "September 30, 2023 at 04:22:17 AM UTC".
    assert Draw.objects.filter(
        tie_break=dt.datetime(2023, 9, 30, 4, 22, 17, tzinfo=dt.UTC)
    ).exists()

    assert Draw.objects.filter(tie_break=None).count() == 76 + 3
    assert Draw.objects.exclude(pool_total=None).count() == 217
    newest = Draw.objects.latest()
    assert (newest.label, newest.crs_min, newest.invitations) == ("437", 382, 5000)
    assert newest.stream.slug == "french"

    assert "Nothing to change" in run_import(*HISTORY)


def planner_statistics(table):
    """How many statistics rows the database's query planner holds for `table`."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0]


def test_an_import_that_adds_rounds_refreshes_the_planners_statistics():
    if connection.vendor == "sqlite":  # PostgreSQL's autovacuum may have been there first
        assert planner_statistics("draws_draw") == 0
    run_import(*HISTORY)
    assert planner_statistics("draws_draw") > 0
    assert planner_statistics("draws_poolband") > 0
    assert planner_statistics("draws_stream") > 0
