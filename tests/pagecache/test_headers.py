"""Every reader sees a change on the next load: browsers revalidate, CDNs keep pages briefly,
and a card's address changes with the card."""

import re

import pytest
from django.test import Client

from draws.models import Draw

pytestmark = pytest.mark.django_db

REVALIDATED = [
    "/",
    "/draws/",
    "/draws/392/",
    "/streams/cec/",
    "/corrections/",
    "/feeds/draws/",
    "/feeds/draws/atom/",
    "/draws/export.csv",
    "/draws/export.json",
    "/api/draws/",
    "/api/draws/392/",
    "/draws/392/card.png",
]


@pytest.mark.parametrize("url", REVALIDATED)
def test_browsers_revalidate_every_public_answer_and_a_cdn_keeps_it_briefly(client, history, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, no-cache"
    assert response["CDN-Cache-Control"] == "public, max-age=30, stale-while-revalidate=30"
    assert response["ETag"]
    # Revalidating costs a 304, not the page.
    again = client.get(url, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_the_cdn_lifetime_can_be_set_to_nothing(client, history, settings):
    settings.PUBLIC_CDN_MAX_AGE = 0
    assert "CDN-Cache-Control" not in client.get("/draws/392/")


def card_address(page):
    return re.search(r'<meta property="og:image" content="https?://[^/]+([^"]+)"', page)[1]


@pytest.mark.parametrize("url", ["/", "/draws/392/", "/streams/cec/"])
def test_a_card_is_linked_by_its_version_and_that_address_is_kept_for_good(client, history, url):
    address = card_address(client.get(url).content.decode())
    assert "?v=" in address

    card = Client().get(address)

    assert card.status_code == 200
    assert card["Content-Type"] == "image/png"
    assert card["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_corrected_round_links_a_new_card_and_its_old_address_is_not_kept(client, history):
    before = card_address(client.get("/draws/392/").content.decode())
    draw = Draw.objects.get_by_label("392")
    draw.crs_min = 508
    draw.save()

    after = card_address(client.get("/draws/392/").content.decode())

    assert after != before
    old = client.get(before)
    assert old.status_code == 200  # the current card, to be revalidated from now on
    assert old["Cache-Control"] == "public, no-cache"
    assert old.content == client.get(after).content


def assert_revalidation_keeps_the_lifetime(client, url, response):
    """A cache takes a 304's Cache-Control for the copy it holds (RFC 9111 4.3.4), so a 304
    must carry exactly what its 200 carried."""
    assert response.status_code == 200
    validators = {"if-none-match": response["ETag"]}
    if response.has_header("Last-Modified"):
        validators["if-modified-since"] = response["Last-Modified"]
    again = client.get(url, headers=validators)
    assert again.status_code == 304
    for header in ("Cache-Control", "CDN-Cache-Control", "ETag"):
        assert again.get(header) == response.get(header), (url, header)


@pytest.mark.parametrize("url", [*REVALIDATED, "/favicon.ico"])
def test_a_304_carries_the_cache_lifetime_of_the_200_it_revalidates(client, history, url):
    assert_revalidation_keeps_the_lifetime(client, url, client.get(url))


@pytest.mark.parametrize("url", ["/", "/draws/392/", "/streams/cec/"])
def test_a_304_for_a_versioned_card_keeps_it_for_good(client, history, url):
    address = card_address(client.get(url).content.decode())
    assert_revalidation_keeps_the_lifetime(client, address, client.get(address))
