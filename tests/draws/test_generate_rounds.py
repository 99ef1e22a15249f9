"""`manage.py generate_rounds`: the benchmark's made-up history, and its refusals."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum

from draws.models import Draw, PoolBand

pytestmark = pytest.mark.django_db

CONFIRM = "--yes-this-is-a-benchmark-database"


def generate(*args):
    call_command("generate_rounds", *args, stdout=io.StringIO())


def made_up_values():
    return list(
        Draw.objects.filter(number__gte=100_000)
        .order_by("number")
        .values_list("number", "date", "stream__slug", "invitations", "crs_min", "pool_total")
    )


def test_it_refuses_without_the_confirmation_and_writes_nothing():
    with pytest.raises(CommandError, match="throwaway benchmark database"):
        generate("--count=5")
    assert not Draw.objects.exists()


def test_made_up_rounds_are_older_and_numbered_apart_from_the_real_history(history):
    generate("--count=300", CONFIRM)
    made_up = Draw.objects.filter(number__gte=100_000)
    assert made_up.count() == 300
    assert set(made_up.values_list("number", flat=True)) == set(range(100_000, 100_300))
    assert made_up.filter(date__gte=dt.date(2015, 1, 1)).count() == 0
    assert made_up.filter(status=Draw.Status.PUBLISHED).count() == 300
    # The real history stays the newest, so the site's pages still lead with it.
    assert Draw.objects.published().newest_first().first() == history["392"]


def test_made_up_distributions_add_up_as_irccs_do():
    generate("--count=200", CONFIRM)
    with_pool = Draw.objects.filter(pool_total__isnull=False)
    assert with_pool.exists()
    for draw in with_pool:
        main = PoolBand.objects.filter(draw=draw, parent__isnull=True)
        assert main.aggregate(total=Sum("count"))["total"] == draw.pool_total
        for band in main.filter(sub_bands__isnull=False).distinct():
            assert band.sub_bands.aggregate(total=Sum("count"))["total"] == band.count


def test_the_same_seed_gives_the_same_rounds():
    generate("--count=50", "--seed=7", CONFIRM)
    first = made_up_values()
    Draw.objects.filter(number__gte=100_000).delete()
    generate("--count=50", "--seed=7", CONFIRM)
    assert made_up_values() == first
    Draw.objects.filter(number__gte=100_000).delete()
    generate("--count=50", "--seed=8", CONFIRM)
    assert made_up_values() != first


def test_it_refuses_a_database_that_already_has_made_up_rounds():
    generate("--count=5", CONFIRM)
    with pytest.raises(CommandError, match="already exist"):
        generate("--count=5", CONFIRM)
    assert Draw.objects.count() == 5
