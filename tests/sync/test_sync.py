"""sync_ircc against a real HTTP server started here, serving IRCC's feed and its failures.

Each case is checked against the database afterwards: what changed, or that nothing did.
"""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from draws.models import Correction, Draw, RoundName
from eeportal.sync.models import SyncConflict, SyncRun
from tests.sync.feeds import SYNCED, WHOLE_FEED, feed_with, new_round, serve, sync

pytestmark = pytest.mark.django_db


def failed_sync(url):
    with pytest.raises(CommandError) as failure:
        call_command("sync_ircc", url=url, stdout=io.StringIO())
    return str(failure.value), SyncRun.objects.first()


@pytest.fixture
def synced(server):
    """The site after a first sync of IRCC's whole feed, served with an ETag."""
    run = sync(serve(server, "/feed.json", feed_with(), ETag='"v1"'))
    assert (run.outcome, run.created) == (SyncRun.Outcome.CHANGED, SYNCED)
    return run


def test_a_first_sync_of_the_whole_feed_creates_every_round_published(server):
    run = sync(serve(server, "/whole.json", json.dumps(WHOLE_FEED).encode(), ETag='"v1"'))
    assert (run.created, run.rounds_in_feed) == (435, 435)
    assert Draw.objects.published().count() == 435
    assert run.etag == '"v1"' and run.http_status == 200
    assert Draw.objects.get_by_label("392").crs_min == 509


def test_an_unchanged_feed_costs_a_304_and_changes_nothing(server, synced):
    before = Draw.objects.order_by("pk").values_list("updated_at", flat=True)
    before = list(before)

    run = sync(server.url("/feed.json"))

    assert run.outcome == SyncRun.Outcome.UNCHANGED
    assert run.http_status == 304
    _, headers = server.requests[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert list(Draw.objects.order_by("pk").values_list("updated_at", flat=True)) == before


def test_a_new_round_is_created_and_a_changed_figure_corrected_with_a_note(server, synced):
    body = feed_with({"392": {"drawCRS": "508"}}, [new_round(438, "Canadian Experience Class")])

    run = sync(serve(server, "/feed.json", body, ETag='"v2"'))

    assert (run.created, run.corrected, run.conflicts) == (1, 1, 0)
    assert Draw.objects.get_by_label("438").status == Draw.Status.PUBLISHED
    assert Draw.objects.get_by_label("392").crs_min == 508
    correction = Correction.objects.get()
    assert (correction.before, correction.after) == (509, 508)


def test_new_rounds_can_arrive_as_drafts(server, synced, settings):
    settings.IRCC_SYNC_PUBLISH = False
    sync(
        serve(server, "/feed.json", feed_with(extra=[new_round(438, "Provincial Nominee Program")]))
    )
    assert Draw.objects.get_by_label("438").status == Draw.Status.DRAFT


def test_a_renamed_category_finds_its_stream_and_an_unknown_one_waits_as_a_draft(server, synced):
    body = feed_with(
        extra=[
            new_round(438, "Trades Occupations, 2027-Version 1"),
            new_round(439, "Research occupations (Version 1)"),
        ]
    )

    run = sync(serve(server, "/feed.json", body))

    renamed, unknown = Draw.objects.get_by_label("438"), Draw.objects.get_by_label("439")
    assert (renamed.stream.slug, renamed.status) == ("trades", Draw.Status.PUBLISHED)
    assert RoundName.objects.get(name="Trades Occupations, 2027-Version 1").stream.slug == "trades"
    assert unknown.status == Draw.Status.DRAFT
    assert "'Research occupations (Version 1)'" in run.message
    assert "Choose the stream" in unknown.notes


def test_a_figure_an_editor_changed_by_hand_is_not_overwritten_but_left_as_a_conflict(
    server, synced
):
    edited = Draw.objects.get_by_label("392")
    edited.crs_min = 510  # an editor's correction, by hand
    edited.save()
    body = feed_with({"392": {"drawCRS": "508"}, "391": {"drawSize": "700"}})

    run = sync(serve(server, "/feed.json", body))

    assert (run.corrected, run.conflicts) == (1, 1)
    assert Draw.objects.get_by_label("392").crs_min == 510
    assert Draw.objects.get_by_label("391").invitations == 700
    conflict = SyncConflict.objects.open().get()
    assert (conflict.draw, conflict.field) == (edited, "crs_min")
    assert (conflict.site_value, conflict.ircc_value) == (510, 508)

    # The next run finds the same conflict, not a second one.
    sync(server.url("/feed.json"))
    assert SyncConflict.objects.open().count() == 1


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/error", "IRCC answered 500"),
        ("/silent", "No answer within 1 s"),
        ("/html", "The feed is an HTML page"),
        ("/truncated", "The feed is not JSON"),
        ("/huge", "The feed is larger than 2 MB"),
        ("/huge-unannounced", "The feed is larger than 2 MB"),
        ("/short", f"The feed lists 10 rounds but the site has {SYNCED}: it looks cut short"),
        ("/crs-5000", "Round 392, field drawCRS: 5000 is above the CRS maximum of 1,200"),
        ("/negative", "Round 392, field drawSize"),
    ],
)
def test_a_bad_feed_fails_the_run_with_a_clear_message_and_changes_nothing(
    server, synced, route, reason
):
    whole = feed_with()
    short = json.loads(whole)
    short["rounds"] = short["rounds"][:10]
    serve(server, "/error", b"Internal error", status=500)
    serve(server, "/html", b"<!DOCTYPE html><html><body>Maintenance</body></html>")
    serve(server, "/truncated", whole[: len(whole) // 2])
    serve(server, "/huge", b"x" * 100, **{"Content-Length": str(50 * 1024 * 1024)})
    serve(server, "/huge-unannounced", b" " * (3 * 1024 * 1024))
    serve(server, "/short", json.dumps(short).encode())
    serve(server, "/crs-5000", feed_with({"392": {"drawCRS": "5,000"}}))
    serve(server, "/negative", feed_with({"392": {"drawSize": "-5"}}))
    rounds_before = list(Draw.objects.order_by("pk").values_list("pk", "crs_min", "invitations"))
    server.routes.setdefault("/silent", None)

    message, run = failed_sync(server.url(route))

    assert reason in message
    assert "changed" in message.lower()
    assert run.outcome == SyncRun.Outcome.FAILED and reason in run.message
    after = list(Draw.objects.order_by("pk").values_list("pk", "crs_min", "invitations"))
    assert after == rounds_before
    assert not Correction.objects.exists()


def test_a_local_file_and_a_file_url_work_too(tmp_path):
    path = tmp_path / "ee_rounds_123_en.json"
    path.write_bytes(feed_with())
    assert sync(str(path)).created == SYNCED
    assert sync(path.as_uri()).outcome == SyncRun.Outcome.UNCHANGED


def test_rounds_missing_from_the_feed_are_never_deleted(server, synced):
    feed = json.loads(feed_with())
    feed["rounds"] = [r for r in feed["rounds"] if r["drawNumber"] != "392"]
    sync(serve(server, "/feed.json", json.dumps(feed).encode()))
    assert Draw.objects.filter(number=392).exists()


def test_a_successful_check_retires_cached_pages_so_their_freshness_line_moves(
    server, synced, client
):
    first = client.get("/")
    sync(server.url("/feed.json"))  # a 304: nothing new, but checked
    second = client.get("/")
    assert second["ETag"] != first["ETag"]
