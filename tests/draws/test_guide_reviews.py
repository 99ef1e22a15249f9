"""A guide's "last reviewed": an editor's statement with the IRCC pages checked, set only in
the admin; the page says when its words changed after it (issue 16, honest currency)."""

import datetime as dt
import html
import importlib
import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from draws.models import Guide, GuideSource
from tests.factories import form_data

pytestmark = pytest.mark.django_db

reviews = importlib.import_module("draws.migrations.0013_guide_reviews_and_sources")


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


def change_url(guide):
    return reverse("admin:draws_guide_change", args=[guide.pk])


def test_a_guide_shows_its_review_date_and_the_irccs_pages_checked(client):
    guide = Guide.objects.get(slug="fsw")
    page = client.get(guide.get_absolute_url()).content.decode()
    assert f'Last reviewed <time datetime="{guide.reviewed_on:%Y-%m-%d}">' in page
    assert (
        f'<li><a href="{guide.official_url}">Federal Skilled Worker Program: who can apply</a>'
        in page
    )


def test_a_guide_changed_by_a_migration_after_its_review_says_so(client):
    # Draws 0012 corrected the seeded guides after their review of 25 November 2026.
    guide = Guide.objects.get(slug="crs")
    assert guide.text_changed_on > guide.reviewed_on
    page = text(client.get(guide.get_absolute_url()))
    assert "The text changed after that review, on" in page
    assert "an editor has yet to check the changes" in page


def test_a_guide_nobody_has_reviewed_says_so(client):
    Guide.objects.filter(slug="cec").update(reviewed_on=None)
    page = text(client.get("/programs/cec/"))
    assert "Last reviewed" not in page
    assert "Not yet reviewed: no editor has checked this page claim by claim" in page


def review_form(client, guide):
    data = form_data(client.get(change_url(guide)))
    data["reviewed_on"] = timezone.localdate().isoformat()
    return data


def test_an_editor_records_a_review_with_its_sources_and_the_page_shows_it(editor_client, client):
    guide = Guide.objects.get(slug="fst")
    data = review_form(editor_client, guide)
    data["sources-1-title"] = "Proof of funds"
    data["sources-1-url"] = (
        "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
        "express-entry/documents/proof-funds.html"
    )
    assert editor_client.post(change_url(guide), data).status_code == 302

    guide.refresh_from_db()
    assert guide.reviewed_on == timezone.localdate()
    assert not guide.changed_since_review
    assert list(guide.sources.values_list("title", flat=True)) == [
        "Federal Skilled Trades Program: who can apply",
        "Proof of funds",
    ]
    page = text(client.get(guide.get_absolute_url()))
    assert "an editor has yet to check" not in page
    assert "IRCC pages checked in the last review" in page
    assert "Proof of funds" in page


def test_an_editors_later_change_of_the_words_is_shown_as_unreviewed(editor_client, client):
    guide = Guide.objects.get(slug="fst")
    Guide.objects.filter(pk=guide.pk).update(
        reviewed_on=dt.date(2026, 11, 30), text_changed_on=dt.date(2026, 11, 30)
    )
    data = form_data(editor_client.get(change_url(guide)))
    data["summary"] = "A new summary, not yet reviewed."
    assert editor_client.post(change_url(guide), data).status_code == 302
    guide.refresh_from_db()
    assert guide.reviewed_on == dt.date(2026, 11, 30)
    assert guide.text_changed_on == timezone.localdate()
    assert "an editor has yet to check the changes" in text(client.get(guide.get_absolute_url()))


def test_a_review_needs_at_least_one_official_page(editor_client):
    guide = Guide.objects.get(slug="cec")
    data = review_form(editor_client, guide)
    for index in range(guide.sources.count()):
        data[f"sources-{index}-DELETE"] = "on"
    refused = editor_client.post(change_url(guide), data)
    assert refused.status_code == 200
    assert "list at least one under Sources checked" in refused.content.decode()
    guide.refresh_from_db()
    assert guide.reviewed_on == dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    "address",
    [
        "https://www.cicnews.com/2026/02/express-entry.html",
        "http://www.canada.ca/en/immigration-refugees-citizenship.html",
        "https://canada.ca.example.org/en/immigration.html",
    ],
)
def test_a_source_must_be_an_official_government_page(editor_client, address):
    guide = Guide.objects.get(slug="cec")
    data = form_data(editor_client.get(change_url(guide)))
    data["sources-1-title"] = "Someone's summary"
    data["sources-1-url"] = address
    refused = editor_client.post(change_url(guide), data)
    assert refused.status_code == 200
    assert "official Government of Canada page" in refused.content.decode()
    assert not GuideSource.objects.filter(url=address).exists()


def test_a_review_date_in_the_future_is_refused(editor_client):
    guide = Guide.objects.get(slug="cec")
    data = form_data(editor_client.get(change_url(guide)))
    data["reviewed_on"] = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    refused = editor_client.post(change_url(guide), data)
    assert refused.status_code == 200
    assert "not in the future" in refused.content.decode()


def test_migrations_and_imports_leave_the_review_dates_alone():
    Guide.objects.filter(slug="cec").update(reviewed_on=dt.date(2026, 12, 1))
    reviewed = dict(Guide.objects.values_list("slug", "reviewed_on"))

    reviews.list_sources_and_dates(apps, None)
    output = io.StringIO()
    call_command("import_rounds", "data/rounds-after-2026-08-07.json", stdout=output)

    assert "3" in output.getvalue()  # the import did import its three rounds
    assert dict(Guide.objects.values_list("slug", "reviewed_on")) == reviewed


def test_editors_may_keep_the_sources(editor):
    assert editor.has_perms(
        ["draws.add_guidesource", "draws.change_guidesource", "draws.delete_guidesource"]
    )
