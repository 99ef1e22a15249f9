"""Editors write the French beside the English; pages in French show it, or the English
under a note when it is not written yet; feeds and cards speak the page's language."""

import feedparser
import pytest
from django.utils import translation

from draws.models import Draw, Guide, Stream
from eeportal.timeline.models import TimelineEvent
from tests.factories import change_url, open_change_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "pairs"),
    [
        (
            "/admin/draws/stream/{stream}/change/",
            ["name", "short_name", "description", "who_qualifies", "standing"],
        ),
        ("/admin/draws/guide/{guide}/change/", ["title", "short_name", "summary", "tagline"]),
        ("/admin/draws/draw/{draw}/change/", ["round_name", "eligible_programs", "notes"]),
        (
            "/admin/timeline/timelineevent/{event}/change/",
            ["title", "what_changed", "source_title"],
        ),
    ],
)
def test_an_editor_finds_each_french_field_beside_its_english(editor_client, history, url, pairs):
    ids = {
        "stream": Stream.objects.get(slug="cec").pk,
        "guide": Guide.objects.get(slug="cec").pk,
        "draw": history["392"].pk,
        "event": TimelineEvent.objects.earliest("date").pk,
    }
    page = editor_client.get(url.format(**ids)).content.decode()
    for name in pairs:
        assert f"field-{name} field-{name}_fr" in page, name


def test_an_editor_writes_a_rounds_programs_and_note_in_french(editor_client, history):
    draw = history["392"]
    data = open_change_page(editor_client, draw)
    data.update(
        eligible_programs="Canadian Experience Class",
        eligible_programs_fr="Catégorie de l'expérience canadienne",
        notes="IRCC held this round a day early.",
        notes_fr="IRCC a tenu cette ronde un jour plus tôt.",
    )

    response = editor_client.post(change_url(draw), data)

    assert response.status_code == 302
    draw.refresh_from_db()
    assert (draw.eligible_programs_fr, draw.notes_fr) == (
        "Catégorie de l'expérience canadienne",
        "IRCC a tenu cette ronde un jour plus tôt.",
    )
    assert "IRCC a tenu cette ronde" in open_change_page(editor_client, draw)["notes_fr"]


def test_a_french_note_longer_than_the_english_limit_is_refused(editor_client, history):
    draw = history["392"]
    data = {**open_change_page(editor_client, draw), "notes_fr": "é" * 2001}

    response = editor_client.post(change_url(draw), data)

    assert response.status_code == 200
    assert "at most 2000 characters (it has 2001)" in str(
        response.context["adminform"].form.errors["notes_fr"]
    )
    draw.refresh_from_db()
    assert draw.notes_fr == ""


def test_streams_have_irccs_french_names_from_the_start(db):
    names = dict(Stream.objects.values_list("slug", "name_fr"))
    assert names["cec"] == "Catégorie de l'expérience canadienne"
    assert names["fsw"] == "Programme des travailleurs qualifiés (fédéral)"
    assert names["fst"] == "Programme des travailleurs de métiers spécialisés (fédéral)"
    assert names["pnp"] == "Programme des candidats des provinces"
    assert all(names.values())


def test_a_field_is_shown_in_the_pages_language_and_falls_back_to_english(db):
    stream = Stream.objects.get(slug="fsw")
    with translation.override("fr"):
        assert stream.translated("short_name") == "PTQF"
        stream.description_fr = ""
        assert stream.translated("description") == stream.description
        assert stream.lacks_translation("description")
    with translation.override("en"):
        assert stream.translated("short_name") == "FSW"
        assert not stream.lacks_translation("description")


def test_a_round_is_named_in_french_by_irccs_french_name_or_its_streams(history):
    draw = Draw.objects.with_stream().get(pk=history["392"].pk)
    with translation.override("fr"):
        assert draw.display_name == "Catégorie de l'expérience canadienne"
        draw.round_name_fr = "Catégorie de l'expérience canadienne (CEC)"
        assert draw.display_name == "Catégorie de l'expérience canadienne (CEC)"
    with translation.override("en"):
        assert draw.display_name == (draw.round_name or draw.stream.name)


def test_a_guide_without_french_text_says_so_in_french_and_shows_the_english(client, history):
    note = "Ce guide n'est pas encore traduit en français"
    guide = Guide.objects.get(slug="cec")
    guide.body_fr = ""  # as before draws 0018 wrote its French
    guide.save()

    page = client.get("/fr/programmes/cec/").content.decode()
    assert note in page
    assert guide.body.split("\n")[0][:20].strip("# ") in page
    assert note not in client.get("/programs/cec/").content.decode()

    guide.body_fr = "## Qui est admissible\n\nTexte."
    guide.save()  # as the admin saves it, which retires the cached pages
    assert note not in client.get("/fr/programmes/cec/").content.decode()


def test_the_french_feed_has_french_titles_and_french_links(client, history):
    feed = feedparser.parse(client.get("/fr/flux/rondes/").content)

    assert feed.feed.title == "Rondes d'invitations d'Entrée express"
    assert feed.feed.link == "http://testserver/fr/rondes/"
    entry = next(e for e in feed.entries if e.link.endswith("/392/"))
    assert entry.link == "http://testserver/fr/rondes/392/"
    assert entry.title.startswith("Ronde #392 (CEC) du 21 janvier 2026")
    assert (
        "Règle de départage\u00a0: profils soumis avant le 29 octobre 2025 à 04 h 35 min 24 s UTC"
        in entry.summary
    )
    stream_feed = feedparser.parse(client.get("/fr/flux/volets/fsw/atom/").content)
    assert stream_feed.feed.title == (
        "Programme des travailleurs qualifiés (fédéral)\u00a0: rondes d'Entrée express"
    )


def test_the_english_feed_is_as_it_was(client, history):
    feed = feedparser.parse(client.get("/feeds/draws/").content)
    entry = next(e for e in feed.entries if e.link.endswith("/392/"))

    assert feed.feed.title == "Express Entry rounds of invitations"
    assert entry.title == "CEC round #392 on 21 January 2026: 6,000 invitations, minimum CRS 509"
    assert "Tie-break: profiles submitted before 29 October 2025 at 04:35:24 UTC." in entry.summary
