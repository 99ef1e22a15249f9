"""The editors' content in French (issue 17): the guides, the streams' "who qualifies" and
"where it stands", the guides' sources and the rule changes, written by draws 0018 and
timeline 0003, and the guide page that shows them."""

import datetime as dt
import html
import importlib
import re

import pytest
from django.db.migrations.loader import MigrationLoader
from django.template import Context, Template
from django.utils import translation

from draws.models import Guide, GuideSource, Stream
from eeportal.timeline.models import TimelineEvent
from tests.site.test_french import english_in

pytestmark = pytest.mark.django_db

guides_fr = importlib.import_module("draws.migrations.0018_guides_streams_and_sources_in_french")
events_fr = importlib.import_module("eeportal.timeline.migrations.0003_rule_changes_in_french")
GUIDES = ["cec", "fsw", "fst", "crs", "applying"]
NOTE = "Ce guide n'est pas encore traduit en français"

# The parts of a guide page other translators' templates write: the live figures of the
# guide's stream (draws/_stream_standing.html and draws/_figures.html, shared with the stream
# page) and the CRS guide's rules (scores/). Everything else on the page is this group's.
OTHER_GROUPS = re.compile(
    r'<aside class="live".*?</aside>|<aside class="crs-guide-rules".*?</aside>', re.DOTALL
)


@pytest.fixture
def draws_apps():
    return (
        MigrationLoader(None)
        .project_state(("draws", "0018_guides_streams_and_sources_in_french"))
        .apps
    )


@pytest.fixture
def timeline_apps():
    return MigrationLoader(None).project_state(("timeline", "0003_rule_changes_in_french")).apps


@pytest.mark.parametrize("slug", GUIDES)
def test_each_french_guide_is_in_french(client, history, slug):
    guide = Guide.objects.get(slug=slug)
    page = html.unescape(client.get(f"/fr/programmes/{slug}/").content.decode())

    assert f"<h1>{guide.title_fr}</h1>" in page
    # The page's title and description in search results and link previews too.
    assert f"<title>{guide.title_fr}\u00a0: qui est admissible et comment se passent" in page
    assert f'<meta name="description" content="{guide.summary_fr}">' in page
    assert f"<h2>{guide.body_fr.split(chr(10))[0].strip('# ')}</h2>" in page
    main = page.split("<main", 1)[1]
    assert NOTE not in main
    assert 'lang="en-CA"' not in main
    assert english_in(OTHER_GROUPS.sub("", page)) == []


def test_a_guide_with_no_other_groups_part_has_no_english_at_all(client, history):
    # The applying guide shows no stream's figures nor the CRS rules: all of it is ours.
    page = client.get("/fr/programmes/applying/").content.decode()
    assert english_in(page) == []
    assert (
        "Pages d'IRCC vérifiées lors de la dernière révision"
        if Guide.objects.get(slug="applying").reviewed_on
        else "Pages d'IRCC à partir desquelles ce guide est rédigé"
    ) in page
    assert "Liste des frais" in page
    # An organisation's name stays English, marked so for screen readers.
    assert '<span lang="en">World Education Services</span>' in page


def test_the_review_note_is_french_with_french_dates(client, history):
    guide = Guide.objects.get(slug="cec")
    guide.reviewed_on, guide.text_changed_on = dt.date(2026, 3, 2), dt.date(2026, 4, 20)
    guide.save()  # as the admin saves it, which retires the cached pages
    page = client.get("/fr/programmes/cec/").content.decode()

    assert 'Dernière révision le <time datetime="2026-03-02">2 mars 2026</time>' in page
    assert 'le <time datetime="2026-04-20">20 avril 2026</time>' in page
    assert "dernière révision le 2 mars 2026." in page
    guide.reviewed_on = None
    guide.save()
    assert "Pas encore révisé\u00a0: personne" in client.get("/fr/programmes/cec/").content.decode()


def test_a_guide_without_its_french_body_shows_the_english_marked_as_english(client, history):
    guide = Guide.objects.get(slug="fsw")
    guide.body_fr = ""
    guide.save()
    page = client.get("/fr/programmes/fsw/").content.decode()

    assert NOTE in page
    assert '<div class="prose" lang="en-CA"><h2>Who the program is for</h2>' in page
    # Its French title and review note stay French.
    assert "Programme des travailleurs qualifiés (fédéral) (PTQF)</h1>" in page


def test_the_english_guides_are_as_they_were(client, history):
    for slug in GUIDES:
        page = html.unescape(client.get(f"/programs/{slug}/").content.decode())
        guide = Guide.objects.get(slug=slug)
        assert f"<h1>{guide.title}</h1>" in page
        assert 'lang="en-CA"' not in page.split("<main", 1)[1] and NOTE not in page
        assert (
            "Last reviewed <time datetime="
            if guide.reviewed_on
            else "Not yet reviewed: no editor has checked this page claim by claim"
        ) in page
        assert "The rules can change: IRCC's pages are the authority." in page
        assert "Written by this site's team from IRCC's published rules" in page
        assert "révision" not in page and "Entrée express" not in page.split("<main", 1)[1]
    page = client.get("/programs/cec/").content.decode()
    assert '<div class="prose"><h2>Who the program is for</h2>' in page
    assert "How CEC rounds have gone" in page
    assert "Canadian Experience Class: who can apply</a>" in page


def test_the_migration_fills_only_empty_french_and_only_for_the_english_it_translated(
    draws_apps,
):
    guides_fr.remove_french(draws_apps, None)
    assert set(Guide.objects.values_list("body_fr", flat=True)) == {""}
    assert not Stream.objects.exclude(who_qualifies_fr="", standing_fr="").exists()
    assert set(GuideSource.objects.values_list("title_fr", flat=True)) == {""}
    Guide.objects.filter(slug="cec").update(body_fr="## Le texte d'une rédactrice\n")
    Guide.objects.filter(slug="fsw").update(body="## An editor rewrote the English\n")
    Stream.objects.filter(slug="french").update(who_qualifies_fr="Sa version à elle.")

    guides_fr.write_french(draws_apps, None)

    assert Guide.objects.get(slug="cec").body_fr == "## Le texte d'une rédactrice\n"
    assert Guide.objects.get(slug="cec").title_fr == "Catégorie de l'expérience canadienne (CEC)"
    fsw = Guide.objects.get(slug="fsw")
    assert fsw.body_fr == "" and fsw.title_fr.startswith("Programme des travailleurs qualifiés")
    assert Guide.objects.get(slug="fst").body_fr == guides_fr.BODY_FST
    assert Stream.objects.get(slug="french").who_qualifies_fr == "Sa version à elle."
    assert Stream.objects.get(slug="stem").who_qualifies_fr == guides_fr.OCCUPATION_YEAR[1]
    assert Stream.objects.get(slug="fsw").standing_fr.startswith("Les candidats du Programme")
    assert not GuideSource.objects.filter(title_fr="").exists()


def test_the_migration_reverses_to_what_it_found_and_runs_again_the_same(draws_apps):
    french = list(Guide.objects.order_by("slug").values())
    streams = list(Stream.objects.order_by("slug").values("who_qualifies_fr", "standing_fr"))
    Guide.objects.filter(slug="crs").update(tagline_fr="Une rédactrice l'a changé.")

    guides_fr.remove_french(draws_apps, None)

    crs = Guide.objects.get(slug="crs")
    assert crs.tagline_fr == "Une rédactrice l'a changé." and crs.body_fr == "" == crs.title_fr
    # 0017's short names are 0017's to remove.
    assert Guide.objects.get(slug="fsw").short_name_fr == "PTQF"
    Guide.objects.filter(slug="crs").update(tagline_fr="")
    guides_fr.write_french(draws_apps, None)
    guides_fr.write_french(draws_apps, None)
    assert list(Guide.objects.order_by("slug").values()) == french
    assert list(Stream.objects.order_by("slug").values("who_qualifies_fr", "standing_fr")) == (
        streams
    )


def test_every_stream_with_english_has_its_french(db):
    for stream in Stream.objects.all():
        assert bool(stream.who_qualifies) == bool(stream.who_qualifies_fr), stream.slug
        assert bool(stream.standing) == bool(stream.standing_fr), stream.slug


def test_the_rule_changes_are_in_french_and_the_migration_keeps_an_editors(timeline_apps):
    assert TimelineEvent.objects.count() == 6
    assert not TimelineEvent.objects.filter(title_fr="").exists()
    assert not TimelineEvent.objects.filter(what_changed_fr="").exists()
    TimelineEvent.objects.filter(date=dt.date(2020, 10, 27)).update(title_fr="Le sien")

    events_fr.remove_french(timeline_apps, None)
    assert TimelineEvent.objects.get(date=dt.date(2020, 10, 27)).title_fr == "Le sien"
    assert TimelineEvent.objects.filter(what_changed_fr="").count() == 6

    events_fr.write_french(timeline_apps, None)
    event = TimelineEvent.objects.get(date=dt.date(2020, 10, 27))
    assert event.title_fr == "Le sien"
    assert event.what_changed_fr.startswith("Les points supplémentaires pour une bonne maîtrise")


def test_the_translated_filter_reads_the_new_fields(db):
    template = Template(
        '{% load translated %}{{ s|translated:"who_qualifies" }}|{{ g|translated:"standing" }}|'
        '{{ e|translated:"title" }}|{{ e|translated:"description" }}|'
        '{{ e|translated:"source_title" }}'
    )
    context = Context(
        {
            "s": Stream.objects.get(slug="french"),
            "g": Stream.objects.get(slug="general"),
            "e": TimelineEvent.objects.get(date=dt.date(2025, 3, 25)),
        }
    )
    with translation.override("fr"):
        french = template.render(context).split("|")
    with translation.override("en"):
        english = template.render(context).split("|")

    assert french[0].startswith("Des résultats de niveau NCLC 7 ou plus")
    assert french[1].startswith("Quand IRCC ne tient aucune ronde générale")
    assert french[2:4] == [
        "Les offres d&#x27;emploi ne donnent plus de points",
        "Les 50 ou 200 points accordés pour une offre d&#x27;emploi ont été retirés de tous "
        "les profils du bassin, et les notes ont été recalculées; les candidats déjà invités "
        "ont gardé les leurs. Une offre d&#x27;emploi compte encore pour l&#x27;admissibilité "
        "à certains programmes.",
    ]
    assert french[4].startswith("Instructions ministérielles")
    assert english[0].startswith("French test results at NCLC 7 or better")
    assert english[2:3] == ["Job offers no longer earn points"]
    assert english[3].startswith("The 50 or 200 points for a job offer were removed")
