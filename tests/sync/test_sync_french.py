"""The sync's second feed: IRCC's French one, for the rounds' French names, read after the
English feed from a real HTTP server, and never able to undo the English sync."""

import json

import pytest

from draws.models import Draw
from eeportal.sync.models import SyncRun
from tests.french_feed import french_feed
from tests.sync.feeds import FEED, new_round, serve, sync

pytestmark = pytest.mark.django_db

# A few of IRCC's rounds are enough here, and keep each sync quick.
ROUNDS = [raw for raw in FEED["rounds"] if 427 <= int(raw["drawNumber"]) <= 434]


def english_feed(*extra):
    return json.dumps({**FEED, "rounds": [*extra, *ROUNDS]}).encode()


def test_the_french_feed_names_the_rounds_in_french_after_the_english_sync(server, settings):
    # #431 of the French feed says 508 invitations, the English 507: another round, or a
    # feed half-way through a change; its name waits for a feed that agrees.
    body = french_feed({"431": {"drawSize": "508"}}, bom=True)
    settings.IRCC_FEED_URL_FR = serve(server, "/fr.json", body)

    run = sync(serve(server, "/en.json", english_feed()))

    assert (run.outcome, run.created, run.message) == (SyncRun.Outcome.CHANGED, len(ROUNDS), "")
    assert [path for path, _ in server.requests] == ["/en.json", "/fr.json"]
    assert (
        Draw.objects.get_by_label("432").round_name_fr
        == "Catégorie de l\u2019expérience canadienne"
    )
    assert Draw.objects.get_by_label("433").round_name_fr == (
        "Compétence linguistique en français 2026-Version 2"
    )
    assert Draw.objects.get_by_label("431").round_name_fr == ""


def test_the_french_feed_gives_the_rounds_lists_of_programs(server, settings):
    settings.IRCC_FEED_URL_FR = serve(server, "/fr.json", french_feed())

    sync(serve(server, "/en.json", english_feed()))

    assert Draw.objects.get_by_label("431").eligible_programs_fr == (
        "Programme des candidats des provinces"
    )
    assert Draw.objects.get_by_label("433").eligible_programs_fr == (
        "Programme des travailleurs qualifiés (fédéral), Catégorie de l\u2019expérience "
        "canadienne et Programme des travailleurs de métiers spécialisés (fédéral)"
    )


def test_a_list_an_editor_wrote_is_kept_and_a_changed_list_from_ircc_taken(server, settings):
    settings.IRCC_FEED_URL_FR = serve(server, "/fr.json", french_feed())
    sync(serve(server, "/en.json", english_feed(), ETag='"v1"'))
    Draw.objects.filter(number=431).update(eligible_programs_fr="Candidats des provinces")
    changed = {"428": {"drawText2": "Catégorie de l\u2019expérience canadienne (CEC)"}}
    serve(server, "/fr.json", french_feed(changed))

    sync(server.url("/en.json"))

    assert Draw.objects.get_by_label("431").eligible_programs_fr == "Candidats des provinces"
    assert Draw.objects.get_by_label("428").eligible_programs_fr == changed["428"]["drawText2"]


def test_the_french_feed_in_windows_1252_is_read_too(server, settings):
    settings.IRCC_FEED_URL_FR = serve(server, "/fr.json", french_feed(encoding="cp1252"))

    sync(serve(server, "/en.json", english_feed()))

    assert (
        Draw.objects.get_by_label("432").round_name_fr
        == "Catégorie de l\u2019expérience canadienne"
    )


@pytest.mark.parametrize(
    ("status", "body", "why"),
    [
        (500, b"oops", "IRCC answered 500"),
        (200, b"<html>Erreur</html>", "Expecting value"),
    ],
)
def test_a_french_feed_that_fails_keeps_the_english_sync_and_says_why(
    server, settings, status, body, why
):
    settings.IRCC_FEED_URL_FR = serve(server, "/fr.json", body, status=status)

    run = sync(serve(server, "/en.json", english_feed(new_round(438, "Trades Occupations"))))

    assert (run.outcome, run.created) == (SyncRun.Outcome.CHANGED, len(ROUNDS) + 1)
    assert Draw.objects.count() == len(ROUNDS) + 1
    assert "IRCC's French feed was not read" in run.message and why in run.message
    assert SyncRun.objects.get().message == run.message
    assert not Draw.objects.exclude(round_name_fr="").exists()


def test_a_name_an_editor_wrote_is_kept_and_a_changed_french_name_from_ircc_taken(server, settings):
    settings.IRCC_FEED_URL_FR = serve(server, "/fr.json", french_feed())
    sync(serve(server, "/en.json", english_feed(), ETag='"v1"'))
    Draw.objects.filter(number=431).update(round_name_fr="Candidats des provinces")
    renamed = {"428": {"drawName": "Catégorie de l\u2019expérience canadienne (CEC)"}}
    serve(server, "/fr.json", french_feed(renamed))

    run = sync(server.url("/en.json"))

    assert run.outcome == SyncRun.Outcome.UNCHANGED  # the English feed answered 304
    assert Draw.objects.get_by_label("431").round_name_fr == "Candidats des provinces"
    assert Draw.objects.get_by_label("428").round_name_fr == renamed["428"]["drawName"]
