"""The rules a round must keep, enforced by the database and explained by clean()."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from draws.models import Draw, PoolBand, Stream
from eeportal.pagecache.models import ContentVersion
from tests.factories import add_distribution, import_shipped_rounds, make_draw

pytestmark = pytest.mark.django_db

JAN_21 = dt.date(2026, 1, 21)


@pytest.mark.parametrize(
    ("field", "value"),
    [("crs_min", 1500), ("invitations", 0), ("number", 0), ("suffix", "A")],
)
def test_the_database_refuses_impossible_values(field, value):
    draw = make_draw(392, JAN_21)
    setattr(draw, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        draw.save()


def test_the_database_refuses_a_second_round_with_the_same_number():
    make_draw(392, JAN_21)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_draw(392, dt.date(2026, 1, 22))


def test_lettered_rounds_share_a_number_but_not_a_letter():
    make_draw("91a", dt.date(2018, 5, 30))
    make_draw("91b", dt.date(2018, 5, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_draw("91a", dt.date(2018, 5, 30))


def test_the_database_refuses_a_band_that_runs_backwards():
    draw = make_draw(392, JAN_21)
    with pytest.raises(IntegrityError), transaction.atomic():
        PoolBand.objects.create(draw=draw, low=500, high=451, count=3)


def test_clean_explains_a_duplicate_number_on_the_number_field():
    make_draw(392, JAN_21)
    duplicate = Draw(
        number=392, date=JAN_21, stream=Stream.objects.get(slug="fsw"), invitations=10, crs_min=400
    )
    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean()
    assert (
        "Round #392 already exists (21 January 2026, CEC)" in raised.value.message_dict["number"][0]
    )


def test_clean_explains_a_tie_break_after_the_round():
    draw = make_draw(392, JAN_21)
    draw.tie_break = dt.datetime(2026, 1, 23, 10, tzinfo=dt.UTC)
    with pytest.raises(ValidationError) as raised:
        draw.full_clean()
    assert "after the round's date" in raised.value.message_dict["tie_break"][0]


def test_clean_explains_a_crs_score_above_the_maximum():
    draw = make_draw(392, JAN_21)
    draw.crs_min = 1500
    with pytest.raises(ValidationError) as raised:
        draw.full_clean()
    assert raised.value.message_dict["crs_min"] == [
        "CRS scores run from 0 to 1,200; 1,500 is not possible."
    ]


def test_drafts_are_not_published():
    make_draw(392, JAN_21)
    make_draw(393, dt.date(2026, 1, 22), status=Draw.Status.DRAFT)
    assert [draw.label for draw in Draw.objects.published()] == ["392"]


def test_latest_per_stream_gives_each_streams_newest_published_round():
    make_draw(390, dt.date(2026, 1, 7), "cec")
    make_draw(391, dt.date(2026, 1, 14), "pnp")
    make_draw(392, JAN_21, "cec")
    make_draw(393, dt.date(2026, 1, 28), "cec", status=Draw.Status.DRAFT)
    latest = {draw.stream.slug: draw.label for draw in Draw.objects.published().latest_per_stream()}
    assert latest == {"cec": "392", "pnp": "391"}


def test_previous_in_stream_skips_other_streams_and_drafts():
    make_draw(389, dt.date(2026, 1, 2), "cec")
    make_draw(390, dt.date(2026, 1, 7), "cec", status=Draw.Status.DRAFT)
    make_draw(391, dt.date(2026, 1, 14), "pnp")
    make_draw(392, JAN_21, "cec")
    make_draw(393, dt.date(2026, 1, 28), "cec", status=Draw.Status.DRAFT)
    with_ids = Draw.objects.with_neighbour_ids()
    previous_in_stream, previous_overall, next_overall = with_ids.get(number=392).neighbours()
    assert previous_in_stream.label == "389"
    assert previous_overall.label == "391"
    assert next_overall is None  # 393 is a draft
    assert with_ids.get(number=389).neighbours() == (None, None, Draw.objects.get(number=391))


def test_same_day_lettered_rounds_sort_in_their_place():
    make_draw(90, dt.date(2018, 5, 23))
    b = make_draw("91b", dt.date(2018, 5, 30), "pnp")
    a = make_draw("91a", dt.date(2018, 5, 30), "fst")
    make_draw(92, dt.date(2018, 6, 13))
    assert [d.label for d in Draw.objects.oldest_first()] == ["90", "91a", "91b", "92"]
    with_ids = Draw.objects.with_neighbour_ids()
    assert with_ids.get(pk=a.pk).neighbours()[2] == b
    assert with_ids.get(pk=b.pk).neighbours()[1] == a
    assert Draw.objects.get_by_label("91a") == a


@pytest.mark.parametrize("label", ["91c", "abc", "0", "99999999999999999999"])
def test_get_by_label_raises_does_not_exist_for_unknown_rounds(label):
    make_draw("91a", dt.date(2018, 5, 30))
    with pytest.raises(Draw.DoesNotExist):
        Draw.objects.get_by_label(label)


def test_sub_bands_are_linked_to_the_band_they_split():
    draw = make_draw(392, JAN_21)
    add_distribution(
        draw, dt.date(2026, 1, 19), [(451, 500, 30), (491, 500, 10), (451, 490, 20), (0, 450, 70)]
    )
    bands = {(band.low, band.high): band for band in draw.pool_bands.all()}
    assert bands[(491, 500)].parent == bands[(451, 500)]
    assert bands[(451, 490)].parent == bands[(451, 500)]
    assert bands[(451, 500)].parent is None
    assert draw.pool_total == 100


def test_next_number_follows_the_highest():
    assert Draw.objects.next_number() == 1
    make_draw("91a", dt.date(2018, 5, 30))
    make_draw(392, JAN_21)
    assert Draw.objects.next_number() == 393


def test_content_version_moves_with_each_change_and_reads_back_as_utc():
    number, changed_at = ContentVersion.current()
    assert changed_at.tzinfo is not None
    make_draw(400, JAN_21, "cec")
    later_number, later = ContentVersion.current()
    assert later_number > number
    assert later >= changed_at
    assert abs((timezone.now() - later).total_seconds()) < 60


def test_a_rounds_previous_in_stream_skips_other_streams_drafts_and_later_rounds():
    make_draw(389, dt.date(2026, 1, 2), "cec")
    make_draw(390, dt.date(2026, 1, 7), "cec", status=Draw.Status.DRAFT)
    make_draw(391, dt.date(2026, 1, 14), "pnp")
    latest = make_draw(392, JAN_21, "cec")
    make_draw(394, dt.date(2026, 2, 4), "cec")
    assert latest.previous_in_stream().label == "389"
    assert Draw.objects.get(number=389).previous_in_stream() is None


def test_active_streams_had_a_round_in_the_last_12_months_dormant_ones_only_before():
    today = dt.date(2026, 12, 3)
    make_draw(500, dt.date(2025, 12, 4), "cec")  # 364 days before: in the 12 months
    make_draw(400, dt.date(2025, 12, 3), "fst")  # 365 days before: not
    make_draw(401, dt.date(2026, 11, 1), "pnp", status=Draw.Status.DRAFT)
    make_draw(300, dt.date(2024, 1, 1), "pnp")
    assert set(Stream.objects.active(today).values_list("slug", flat=True)) == {"cec"}
    assert set(Stream.objects.dormant(today).values_list("slug", flat=True)) == {"fst", "pnp"}
    # A stream that never had a published round is neither.
    assert not Stream.objects.active(today).filter(slug="french").exists()
    assert not Stream.objects.dormant(today).filter(slug="french").exists()


@pytest.mark.parametrize(("zone", "active"), [("Pacific/Kiritimati", False), ("Etc/GMT+12", True)])
def test_the_12_months_end_on_todays_date_in_the_sites_time_zone(settings, zone, active):
    # UTC+14 and UTC-12 are always on different dates: a round dated 365 days before the
    # first's today is 364 or fewer days before the second's.
    kiritimati_today = timezone.localtime(timezone=dt.timezone(dt.timedelta(hours=14))).date()
    make_draw(500, kiritimati_today - dt.timedelta(days=365), "cec")
    settings.TIME_ZONE = zone
    assert Stream.objects.active(timezone.localdate()).exists() is active


def test_ircc_published_no_distribution_only_for_rounds_its_full_feed_gives_without_one(tmp_path):
    rounds = import_shipped_rounds(tmp_path, ["223", "224", "225", "226", "227", "228", "435"])
    entered_by_hand = make_draw(500, dt.date(2026, 9, 2), tie_break=None)

    published_none = [
        label for label, draw in rounds.items() if draw.ircc_published_no_pool_distribution
    ]
    assert published_none == ["223", "224", "226", "227"]
    # #225 and #228 came with a distribution; #435 from a digest, without a run time.
    assert rounds["225"].pool_as_of is not None
    assert rounds["228"].pool_as_of is not None
    assert rounds["435"].pool_as_of is None
    assert rounds["435"].run_at is None
    assert not entered_by_hand.ircc_published_no_pool_distribution
