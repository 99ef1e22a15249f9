"""The guides' and About page's corrected claims (issue 16), and the migration that made them.

The test database is built by the migrations, so the guides here are the seeded text with
draws 0012's corrections, as on a site that migrated.
"""

import html
import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.db.migrations.loader import MigrationLoader

from draws.models import Guide
from eeportal.pagecache.models import ContentVersion

seed = importlib.import_module("draws.migrations.0004_seed_guides")
correction = importlib.import_module("draws.migrations.0012_guides_correct_six_claims")
later = importlib.import_module("draws.migrations.0016_guide_applying_and_the_proposed_merger")

SEEDED_BODY = {guide["slug"]: guide["body"] for guide in seed.GUIDES}


def text(response):
    """The page as a reader sees it: no tags, entities read, runs of space made one."""
    assert response.status_code == 200
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


# About


def test_about_page_says_when_irccs_feed_starts_giving_tie_break_times(client, db):
    page = text(client.get("/about/"))
    assert "mid-2017" not in page
    assert "tie-breaks before round #77 of 8 November 2017" in page
    assert "IRCC's tie-breaking rule took effect in June 2017" in page
    assert 'href="/draws/77/">#77</a>' in client.get("/about/").content.decode()


# How candidates are invited now


@pytest.mark.parametrize("slug", ["cec", "fsw", "fst"])
def test_program_guides_say_general_rounds_happen_only_when_ircc_holds_them(client, db, slug):
    page = text(client.get(f"/programs/{slug}/"))
    assert "IRCC holds general rounds" not in page
    assert "IRCC runs general, program-specific and category-based rounds" not in page
    assert "category-based rounds, such as those for French-language proficiency" in page
    assert "a provincial nomination, which adds 600 points and brings an invitation" in page
    assert "and, when IRCC holds them, general rounds open to every program." in page


def test_cec_guide_still_names_cec_only_rounds(client, db):
    page = text(client.get("/programs/cec/"))
    assert "IRCC invites CEC candidates in rounds for the CEC alone and through" in page


def test_fsw_guide_says_fsw_only_rounds_are_rare(client, db):
    page = text(client.get("/programs/fsw/"))
    assert "IRCC rarely holds a round for FSW candidates alone." in page


def test_fst_guide_no_longer_promises_fst_only_rounds_from_time_to_time(client, db):
    page = text(client.get("/programs/fst/"))
    assert "from time to time" not in page
    assert "Rounds for FST candidates alone were held in earlier years and have become rare" in (
        page
    )
    assert "the box at the top of this page shows the latest" in page
    assert "How FST rounds have gone" in page, "the box the sentence points to"


# FSW duties


def test_fsw_guide_asks_for_all_the_essential_duties(client, db):
    page = text(client.get("/programs/fsw/"))
    assert "including its lead statement and most of its main duties" not in page
    assert (
        "you must have done what its lead statement describes, all of its essential duties "
        "and most of its main duties." in page
    )


# CRS


def test_crs_guide_gives_the_30_study_points_to_masters_professional_degrees_and_doctorates(
    client, db
):
    page = text(client.get("/programs/crs/"))
    assert "30 for three years or more" not in page
    assert (
        "30 for a credential of three years or more, a master's degree, an entry-to-practice "
        "professional degree or a doctorate" in page
    )


def test_crs_guide_dates_the_one_year_rule_of_occupation_categories(client, db):
    page = text(client.get("/programs/crs/"))
    assert "early 2026" not in page
    assert "Since February 18, 2026, the occupation categories generally require" in page


# Expired language test results


def test_crs_guide_says_expired_results_cost_the_profile_and_its_tie_break_place(client, db):
    page = text(client.get("/programs/crs/"))
    assert (
        "when your language test results are two years old, IRCC removes your profile from the "
        "pool, and the new profile you create gets a new submission time" in page
    )


@pytest.mark.parametrize("slug", ["cec", "fst"])
def test_program_guides_say_what_expired_results_cost(client, db, slug):
    page = text(client.get(f"/programs/{slug}/"))
    assert "If they expire while your profile is in the pool, IRCC removes the profile" in page
    assert "A new profile gets a new submission time, so a later place in any tie-break" in page


def test_fsw_guide_answers_what_happens_when_a_test_or_eca_expires(client, db):
    page = text(client.get("/programs/fsw/"))
    assert "Retake the test or renew the assessment in time, and update your profile." not in page
    assert "you no longer meet the requirements and IRCC removes your profile from the pool" in (
        page
    )


# The migration itself, run on the models as they are at that migration (the historical
# models RunPython is given, which send no signals), as `migrate` runs it.


@pytest.fixture(scope="module")
def migration_apps():
    # Read from the migration files alone (no connection): the state after draws 0012.
    loader = MigrationLoader(None)
    return loader.project_state(("draws", "0012_guides_correct_six_claims")).apps


def guide_bodies():
    return dict(Guide.objects.values_list("slug", "body"))


def test_going_back_restores_exactly_the_seeded_text_and_coming_forward_corrects_it(
    db, migration_apps
):
    # Going back to 0012 first takes out what 0016 added after it, as migrate would.
    later.remove_guides(django_apps, None)
    corrected = guide_bodies()
    correction.restore_old_sentences(migration_apps, None)
    assert guide_bodies() == SEEDED_BODY
    correction.correct_guides(migration_apps, None)
    assert guide_bodies() == corrected


def test_a_guide_an_editor_reworded_is_left_alone_and_the_others_are_corrected(db, migration_apps):
    correction.restore_old_sentences(migration_apps, None)
    fsw = Guide.objects.get(slug="fsw")
    fsw.body = fsw.body.replace(
        "IRCC runs general, program-specific and category-based rounds.",
        "IRCC runs several kinds of round.",
    )
    fsw.save()
    editors_fsw = fsw.body

    correction.correct_guides(migration_apps, None)

    bodies = guide_bodies()
    assert bodies["fsw"] == editors_fsw, "not even the FSW corrections that still matched"
    assert "including its lead statement and most of its main duties" in bodies["fsw"]
    assert "Since February 18, 2026" in bodies["crs"]
    assert "IRCC invites CEC candidates in rounds for the CEC alone" in bodies["cec"]


def test_an_editors_other_changes_are_kept(db, migration_apps):
    correction.restore_old_sentences(migration_apps, None)
    cec = Guide.objects.get(slug="cec")
    cec.body += "\n### A question an editor added\n\nAnd its answer.\n"
    cec.save()

    correction.correct_guides(migration_apps, None)

    body = Guide.objects.get(slug="cec").body
    assert body.endswith("\n### A question an editor added\n\nAnd its answer.\n")
    assert "CEC-only rounds are common" not in body


def test_correcting_an_already_corrected_guide_changes_nothing(db, migration_apps):
    before = guide_bodies()
    correction.correct_guides(migration_apps, None)
    assert guide_bodies() == before


def test_the_migration_leaves_the_reviewed_date_to_editors(db, migration_apps):
    reviewed = dict(Guide.objects.values_list("slug", "reviewed_on"))
    correction.restore_old_sentences(migration_apps, None)
    correction.correct_guides(migration_apps, None)
    assert dict(Guide.objects.values_list("slug", "reviewed_on")) == reviewed


def test_a_corrected_guide_is_not_served_from_the_page_cache_with_its_old_text(
    db, client, migration_apps, version_read_every_request
):
    correction.restore_old_sentences(migration_apps, None)
    assert "IRCC holds general rounds" in text(client.get("/programs/cec/"))  # now cached

    correction.correct_guides(migration_apps, None)

    assert "IRCC holds general rounds" not in text(client.get("/programs/cec/"))


def test_nothing_to_correct_leaves_cached_pages_alone(db, migration_apps):
    number, _ = ContentVersion.read()
    correction.correct_guides(migration_apps, None)
    assert ContentVersion.read()[0] == number
