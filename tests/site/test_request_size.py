"""A request larger than the site accepts is a 413 that says so, not a bare 400."""

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.test import Client

from draws.models import Draw
from eeportal import views
from tests.factories import ADD_URL, round_form

pytestmark = pytest.mark.django_db

# Over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default), as a long paste in a form would be.
THREE_MEGABYTES = "x" * (3 * 1024 * 1024)
# What a browser sends from a form without a file field.
FORM_ENCODED = "application/x-www-form-urlencoded"
# One more query parameter than DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000 by default) allows.
TOO_MANY_PARAMETERS = "&".join(f"x{index}=1" for index in range(1001))


def page_names(response):
    return [template.name for template in response.templates]


def assert_says_too_large(response):
    assert response.status_code == 413
    assert "413.html" in page_names(response)
    html = response.content.decode()
    assert 'class="site-header"' in html  # the site's own page, from base.html
    assert "larger than this site accepts: at most 2.5\xa0MB" in html
    assert "Nothing was saved." in html
    assert "Back button" in html and "smaller parts" in html


def round_count():
    return Draw.objects.count()


@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_a_round_too_large_for_the_site_is_413_and_nothing_is_saved(editor_client, encoding):
    before = round_count()
    data = round_form(notes=THREE_MEGABYTES)
    if encoding == "urlencoded":
        response = editor_client.post(ADD_URL, urlencode(data), content_type=FORM_ENCODED)
    else:
        response = editor_client.post(ADD_URL, data)
    assert_says_too_large(response)
    assert round_count() == before
    # The same round with short notes is saved: only its size was refused.
    response = editor_client.post(ADD_URL, round_form(notes="Short notes."))
    assert response.status_code == 302
    assert round_count() == before + 1


def test_a_round_with_too_many_fields_is_413_and_nothing_is_saved(editor_client):
    before = round_count()
    # A pool distribution of 400 bands is three fields a band.
    bands = [(low, low, "1") for low in range(400)]
    response = editor_client.post(ADD_URL, urlencode(round_form(bands)), content_type=FORM_ENCODED)
    assert response.status_code == 413
    assert "413.html" in page_names(response)
    html = response.content.decode()
    assert "more fields than this site accepts: at most 1,000 at a time" in html
    assert "Nothing was saved." in html
    assert round_count() == before


def test_a_public_page_answers_a_too_large_post_with_the_413_page(db):
    # As a browser: Django's CSRF check reads the posted form, and it is there that the
    # size is refused (the test client skips the check unless told otherwise).
    browser = Client(enforce_csrf_checks=True)
    browser.cookies[settings.CSRF_COOKIE_NAME] = "a" * 32
    response = browser.post("/", {"text": THREE_MEGABYTES})
    assert_says_too_large(response)


def test_a_public_page_with_too_many_query_parameters_is_413(client):
    response = client.get(f"/draws/?{TOO_MANY_PARAMETERS}")
    assert response.status_code == 413
    assert "at most 1,000 at a time" in response.content.decode()


@pytest.mark.parametrize("url", ["/api/draws/", "/draws/export.csv", "/draws/export.json"])
def test_data_urls_answer_too_many_parameters_with_json(client, url):
    response = client.get(f"{url}?{TOO_MANY_PARAMETERS}")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "error": "The request is larger than this site accepts (at most 1000 fields)."
    }


def test_a_data_url_refusing_a_large_body_names_the_size_in_json(rf):
    # No data URL reads a posted body today (they are read-only), so the handler is asked
    # directly, as Django would ask it.
    request = rf.post("/api/draws/", {"text": THREE_MEGABYTES})
    response = views.bad_request(request, RequestDataTooBig("Request body exceeded the limit."))
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "error": "The request is larger than this site accepts (at most 2.5\xa0MB)."
    }
