"""What a reader expects and didn't find (issue 16): fees with their date, proof of funds,
language tests, credential assessments and provincial nominations in a guide; the proposed
merger of the programs on their guides, as a proposal. Seeded by draws 0016."""

import html
import importlib
import re

import pytest
from django.db.migrations.loader import MigrationLoader

from draws.models import Guide

pytestmark = pytest.mark.django_db

content = importlib.import_module("draws.migrations.0016_guide_applying_and_the_proposed_merger")


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


@pytest.fixture
def migration_apps():
    # The models as the test database has them, all migrations applied: rows the migration's
    # functions create must fill the columns later migrations added (the French fields).
    return MigrationLoader(None).project_state().apps


def section(page, heading, next_heading):
    return page[page.index(heading) : page.index(next_heading)]


def test_the_fees_are_given_with_the_date_of_their_amounts(client):
    page = text(client.get("/programs/applying/"))
    fees = section(page, "Fees", "Proof of settlement funds")
    assert "Amount (from 30 April 2026)" in fees
    assert "Processing fee $990" in fees
    assert "Right of permanent residence fee $600" in fees
    assert "$85 a person, at most $170 for a family applying together" in fees
    assert 'href="https://ircc.canada.ca/english/information/fees/fees.asp"' in (
        client.get("/programs/applying/").content.decode()
    )


def test_proof_of_funds_links_irccs_table_instead_of_copying_its_amounts(client):
    page = text(client.get("/programs/applying/"))
    funds = section(page, "Proof of settlement funds", "Language tests and their equivalents")
    assert "$" not in funds
    assert "average balance over the past six months" in funds
    assert content.FUNDS in client.get("/programs/applying/").content.decode()


def test_language_tests_and_credential_assessors_are_named(client):
    page = text(client.get("/programs/applying/"))
    assert "CELPIP-General, IELTS General Training or PTE Core" in page
    assert "TEF Canada or TCF Canada" in page
    assert "language test equivalency charts" in page
    assert "World Education Services" in page
    assert "Medical Council of Canada, for physicians" in page
    assert "Pharmacy Examining Board of Canada, for pharmacists" in page


def test_an_express_entry_linked_nomination_is_explained(client):
    page = text(client.get("/programs/applying/"))
    nomination = page[page.index("A provincial nomination through Express Entry") :]
    assert "adds 600 points" in nomination
    assert "A province finds you." in nomination
    assert "You apply to a province first." in nomination


def test_the_new_guide_is_not_marked_reviewed_by_the_migration(client):
    guide = Guide.objects.get(slug="applying")
    assert guide.reviewed_on is None
    assert guide.sources.count() == len(content.APPLYING_SOURCES)
    assert "Not yet reviewed" in text(client.get("/programs/applying/"))


@pytest.mark.parametrize("slug", content.PROGRAM_GUIDES)
def test_the_program_guides_present_the_merger_as_a_proposal(client, slug):
    page = text(client.get(f"/programs/{slug}/"))
    proposal = page[page.index("A proposal, not a rule") :]
    assert "Forward Regulatory Plan for 2026 to 2028, published in April 2026" in proposal
    assert "the rules on this page are the ones that apply" in proposal
    assert content.REGULATORY_PLAN in client.get(f"/programs/{slug}/").content.decode()


def test_the_migration_reverses_exactly_and_does_not_repeat_itself(migration_apps):
    bodies = dict(Guide.objects.values_list("slug", "body"))
    reviewed = dict(Guide.objects.values_list("slug", "reviewed_on"))
    content.add_guides(migration_apps, None)
    assert dict(Guide.objects.values_list("slug", "body")) == bodies

    content.remove_guides(migration_apps, None)
    assert not Guide.objects.filter(slug="applying").exists()
    for slug in content.PROGRAM_GUIDES:
        assert "A proposal, not a rule" not in Guide.objects.get(slug=slug).body

    content.add_guides(migration_apps, None)
    assert dict(Guide.objects.values_list("slug", "body")) == bodies
    assert dict(Guide.objects.filter(slug__in=reviewed).values_list("slug", "reviewed_on")) == (
        reviewed
    )


def test_a_guide_an_editor_gave_its_own_proposal_section_is_left_alone(migration_apps):
    content.remove_guides(migration_apps, None)
    Guide.objects.filter(slug="fsw").update(body="## A proposal, not a rule\n\nOur own words.\n")
    content.add_guides(migration_apps, None)
    assert Guide.objects.get(slug="fsw").body == "## A proposal, not a rule\n\nOur own words.\n"
