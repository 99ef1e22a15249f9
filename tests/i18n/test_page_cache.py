"""The page cache keeps each language's pages apart: the language is chosen before the cache
looks, and neither a stored page nor its validators ever answer for the other language."""

import pytest

pytestmark = pytest.mark.django_db


def test_each_language_is_stored_and_served_under_its_own_address(
    client, history, django_assert_num_queries
):
    french = client.get("/fr/rondes/392/")
    english = client.get("/draws/392/")

    assert '<html lang="fr-CA">' in french.content.decode()
    assert '<html lang="en-CA">' in english.content.decode()
    assert french["ETag"] != english["ETag"]
    # Both are now cached: served without the view, each in its own language.
    with django_assert_num_queries(0):
        again_french = client.get("/fr/rondes/392/")
        again_english = client.get("/draws/392/", headers={"accept-language": "fr"})
    assert again_french.content == french.content and again_french["Content-Language"] == "fr"
    assert again_english.content == english.content
    assert again_english["Content-Language"] == "en"


def test_a_french_etag_does_not_validate_the_english_page(client, history):
    etag = client.get("/fr/rondes/392/")["ETag"]

    assert client.get("/fr/rondes/392/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/draws/392/", headers={"if-none-match": etag}).status_code == 200


def test_the_french_card_is_drawn_and_cached_apart_from_the_english(client, history):
    english = client.get("/draws/392/card.png")
    french = client.get("/fr/rondes/392/card.png")

    assert english.status_code == french.status_code == 200
    assert english["ETag"] != french["ETag"]
    assert english.content != french.content
    assert client.get("/draws/392/card.png").content == english.content
