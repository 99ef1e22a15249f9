"""The categories page, what each stream means now, and category versions (issues 15 and 16).

The streams' words come from draws 0015, as on a site that migrated; the rounds are made here.
"""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from draws.models import Stream
from tests.factories import make_draw

pytestmark = pytest.mark.django_db

CATEGORY_PAGE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/rounds-invitations/category-based-selection.html"
)


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


@pytest.fixture
def transport_rounds():
    """Rounds of the two transport versions, as IRCC named them."""
    make_draw(
        264,
        dt.date(2023, 9, 20),
        "transport",
        crs_min=435,
        round_name="Transport occupations (Version 1)",
    )
    make_draw(
        289,
        dt.date(2024, 3, 13),
        "transport",
        crs_min=430,
        round_name="Transport occupations (Version 1)",
    )
    make_draw(
        434,
        dt.date(2026, 8, 7),
        "transport",
        crs_min=470,
        round_name="Transport Occupations, 2026-Version 2",
    )


def test_the_categories_page_says_who_qualifies_for_each_category(client):
    page = text(client.get(reverse("draws:categories")))
    for stream in Stream.objects.filter(kind=Stream.Kind.CATEGORY):
        assert stream.name in page
    assert "French test results at NCLC 7 or better in all four abilities" in page
    assert "At least one year of work in one occupation on IRCC's list for this category" in page
    assert "Since 18 February 2026 the year need not be continuous" in page
    assert "At least one year of work in Canada, within the last three years" in page
    assert (
        "serving in a recognized foreign military who have a job offer from the Canadian "
        "Armed Forces" in page
    )
    assert f'href="{CATEGORY_PAGE}"' in client.get("/categories/").content.decode()


def test_the_categories_page_lists_the_versions_irccs_rounds_used(client, transport_rounds):
    page = text(client.get("/categories/"))
    transport = page[page.index("Transport occupations Who qualifies") :]
    transport = transport[: transport.index("Agriculture")]
    assert (
        "Version 1 (Transport occupations (Version 1)): two rounds, 20 September 2023 to "
        "13 March 2024" in transport
    )
    assert "2026-Version 2 (Transport Occupations, 2026-Version 2): one round, 7 August 2026" in (
        transport
    )


def test_the_merger_of_the_three_programs_is_presented_as_a_proposal(client):
    page = text(client.get("/categories/"))
    proposal = page[page.index("Proposed, not in force") :]
    assert "Forward Regulatory Plan for 2026 to 2028, published in April 2026" in proposal
    assert "It is a proposal" in proposal
    assert "the three programs' own rules are the ones that apply" in proposal


def test_the_researchers_category_of_2026_has_a_stream_without_rounds(client):
    researchers = Stream.objects.get(slug="researchers")
    assert researchers.name == "Researchers with Canadian work experience"
    assert researchers.kind == Stream.Kind.CATEGORY
    page = text(client.get("/streams/researchers/"))
    assert "No Researchers with Canadian work experience rounds have been published yet." in page
    assert "university professors and lecturers" in page
    assert "IRCC has held no round for this category yet." in page


def test_a_category_stream_page_says_who_qualifies_and_links_the_lists(client, transport_rounds):
    response = client.get("/streams/transport/")
    page = text(response)
    assert "Who qualifies" in page
    assert "The 2026 list of transport occupations differs from the 2023 one" in page
    assert f'href="{CATEGORY_PAGE}"' in response.content.decode()
    assert 'href="/categories/#transport"' in response.content.decode()


def test_rounds_of_two_versions_are_labelled_in_the_table_and_the_chart(client, transport_rounds):
    page = client.get("/streams/transport/").content.decode()
    assert '#434</a> <small class="version">2026-Version 2</small>' in page
    assert '#289</a> <small class="version">Version 1</small>' in page
    assert "<title>7 August 2026 (2026-Version 2): minimum CRS 470</title>" in page
    assert "<title>13 March 2024 (Version 1): minimum CRS 430</title>" in page


def test_a_category_with_one_version_does_not_label_its_rounds(client):
    make_draw(254, dt.date(2023, 7, 5), "stem", round_name="STEM occupations (Version 1)")
    assert 'class="version"' not in client.get("/streams/stem/").content.decode()


def test_fst_says_when_its_last_own_round_was_and_how_candidates_are_invited_now(client):
    make_draw(159, dt.date(2020, 8, 6), "fst", crs_min=415)
    for address in ("/streams/fst/", "/programs/fst/"):
        page = text(client.get(address))
        assert "IRCC has held no round for FST candidates alone for" in page
        assert "the latest was #159 on 6 August 2020" in page
        assert "Federal Skilled Trades candidates are now invited through rounds open to" in page
        assert "IRCC's source" in page


def test_the_fsw_words_follow_the_data_not_a_sentence(client):
    make_draw(240, dt.date(2023, 2, 2), "fsw", crs_min=489)
    assert "the latest was #240 on 2 February 2023" in text(client.get("/streams/fsw/"))

    make_draw(500, timezone.localdate() - dt.timedelta(days=10), "fsw", crs_min=480)
    page = text(client.get("/streams/fsw/"))
    assert "IRCC has held no round for FSW candidates alone" not in page
    assert "Federal Skilled Worker candidates are now invited through" in page


def test_rounds_entered_without_irccs_name_are_counted_not_lost(client):
    make_draw(500, dt.date(2026, 9, 1), "education", round_name="")
    page = text(client.get("/streams/education/"))
    assert "IRCC has held no round for this category yet." not in page
    assert "IRCC's name not recorded here: one round, 1 September 2026" in page
