"""Only the query parameters a page reads reach the cache: junk is redirected away."""

import os

import pytest
import redis
from django.core.cache import cache
from django.test.signals import template_rendered

from eeportal.pagecache.store import pages

pytestmark = pytest.mark.django_db

# A Redis database of its own, as in tests/site/test_outage.py.
REDIS_URL = os.environ.get("EEPORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def renders():
    """The pages rendered while the test runs, by template name."""
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    yield rendered
    template_rendered.disconnect(record)


@pytest.fixture
def redis_cache(settings):
    """Pages shared through a real Redis, as on a fleet of app servers."""
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    settings.PAGE_CACHE_SHARED = True
    yield client
    cache.clear()
    client.close()


@pytest.mark.parametrize("shared", [False, True], ids=["local", "redis"])
def test_a_thousand_junk_parameters_neither_grow_the_cache_nor_render_a_page(
    client, history, page_cache_clock, renders, request, shared
):
    entries = pages.local_count
    if shared:
        entries = request.getfixturevalue("redis_cache").dbsize
    assert client.get("/").status_code == 200
    before, rendered_before = entries(), len(renders)

    for n in range(1000):
        response = client.get(f"/?x{n}={n}")
        assert response.status_code == 301
        assert response["Location"] == "/"

    assert entries() == before
    assert len(renders) == rendered_before
    # The address they lead to is the page already stored: still no render.
    assert client.get("/").status_code == 200
    assert len(renders) == rendered_before


def test_parameters_a_page_reads_are_kept_and_the_others_dropped(client, history):
    response = client.get("/draws/?stream=cec&x=1&sort=oldest&y=2")
    assert response.status_code == 301
    assert response["Location"] == "/draws/?stream=cec&sort=oldest"
    assert "max-age=86400" in response["Cache-Control"]

    filtered = client.get(response["Location"])
    assert filtered.status_code == 200
    assert "/draws/392/" in filtered.content.decode()
    assert "/draws/391/" not in filtered.content.decode()


@pytest.mark.parametrize(
    "address",
    [
        "/draws/?stream=cec&year=2026&date_from=2026-01-01&date_to=2026-12-31&crs_min=400"
        "&crs_max=600&invitations_min=1&sort=newest&page=1",
        "/api/draws/?stream=cec&page=1&page_size=2",
        "/draws/export.csv?stream=cec&year=2026",
        "/draws/export.json?sort=oldest",
        "/check/?score=480&stream=cec",
        "/crs/calculator/?marital_status=single&age=30",
        "/sitemap.xml?p=1",
    ],
)
def test_every_parameter_a_page_documents_is_answered_without_a_redirect(client, history, address):
    assert client.get(address).status_code in (200, 400)  # 400: the calculator's missing answers


@pytest.mark.parametrize(
    "address, clean",
    [
        ("/draws/392/?ref=newsletter", "/draws/392/"),
        ("/api/draws/?strem=cec&page=2", "/api/draws/?page=2"),
        ("/check/?score=480&debug=1", "/check/?score=480"),
        ("/feeds/draws/?format=atom", "/feeds/draws/"),
        ("/draws/?utm_source=x&junk=1&stream=cec", "/draws/?stream=cec"),
    ],
)
def test_an_unknown_parameter_is_redirected_to_the_address_without_it(
    client, history, address, clean
):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == clean


def test_an_address_without_a_page_stays_a_404_whatever_its_parameters(client, history):
    assert client.get("/no-such-page/?x=1").status_code == 404
    assert client.get("/draws/999/?x=1")["Location"] == "/draws/999/"
    assert client.get("/draws/999/").status_code == 404


def test_a_link_tracker_is_dropped_without_a_redirect(client, history):
    response = client.get("/draws/392/?utm_source=newsletter&fbclid=abc")
    assert response.status_code == 200
