"""Each process's bounded copy of pages in front of Redis, and a Redis that goes away."""

import logging
import os
import socket

import pytest
import redis
from django.core.cache import cache

from eeportal.pagecache.store import pages, shared_cache
from tests.conftest import HandClock

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("EEPORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
PAGES = ["/", "/draws/", "/draws/392/", "/streams/", "/streams/cec/", "/about/", "/api/"]


def redis_settings(settings, url, timeout=0.5):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    }
    settings.PAGE_CACHE_SHARED = True


@pytest.fixture
def redis_cache(settings):
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    redis_settings(settings, REDIS_URL)
    yield client
    cache.clear()
    client.close()


def gets(client):
    """How many GETs this Redis has answered since it started."""
    return client.info("commandstats").get("cmdstat_get", {}).get("calls", 0)


@pytest.fixture
def closed_port():
    """A port nothing listens on: connecting is refused, as with a stopped Redis."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def retry_clock(monkeypatch):
    clock = HandClock()
    monkeypatch.setattr(shared_cache, "clock", clock)
    monkeypatch.setattr(shared_cache, "unreachable_since", None)
    monkeypatch.setattr(shared_cache, "retry_at", 0.0)
    return clock


def test_a_page_served_twice_is_answered_from_the_process_copy_without_asking_redis(
    client, history, redis_cache, page_cache_clock, django_assert_num_queries
):
    first = client.get("/draws/392/")
    assert redis_cache.dbsize() == 2  # plain and gzipped, for the other app servers
    asked = gets(redis_cache)

    with django_assert_num_queries(0):
        again = client.get("/draws/392/")

    assert gets(redis_cache) == asked
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_a_page_another_process_stored_comes_from_redis_and_is_then_kept_here(
    client, history, redis_cache, page_cache_clock, django_assert_num_queries
):
    first = client.get("/draws/392/")
    pages.clear_local()  # as a process that has not served this page yet
    asked = gets(redis_cache)

    with django_assert_num_queries(0):  # nothing rendered
        from_redis = client.get("/draws/392/")
        here = client.get("/draws/392/")

    assert gets(redis_cache) == asked + 1
    assert from_redis.content == here.content == first.content


def test_the_process_copy_stays_within_its_byte_bound_dropping_the_oldest(
    client, history, settings
):
    settings.PAGE_CACHE_LOCAL_BYTES = 60_000
    sizes = {}
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200
        sizes[path] = len(response.content)
        assert pages.local.currsize <= settings.PAGE_CACHE_LOCAL_BYTES

    assert sum(sizes.values()) > settings.PAGE_CACHE_LOCAL_BYTES  # so some had to go
    assert 1 <= pages.local_count() < 2 * len(PAGES)
    # Whatever was dropped is simply made again.
    for path in PAGES:
        assert len(client.get(path).content) == sizes[path]


def test_a_page_larger_than_the_whole_bound_is_served_but_not_kept(client, history, settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 1_000
    assert client.get("/draws/").status_code == 200
    assert pages.local_count() == 0


def test_with_redis_refusing_connections_pages_are_made_without_it_and_one_warning_logged(
    client, history, settings, closed_port, retry_clock, caplog
):
    redis_settings(settings, f"redis://127.0.0.1:{closed_port}/0")
    caplog.set_level(logging.WARNING, logger="eeportal.pagecache")

    for path in PAGES * 3:
        pages.clear_local()  # every request asks the shared cache
        assert client.get(path).status_code == 200
    retry_clock.advance(settings.PAGE_CACHE_RETRY_SECONDS + 1)  # asked again, and fails again
    pages.clear_local()
    assert client.get("/draws/392/card.png").status_code == 200

    warnings = [r.getMessage() for r in caplog.records if r.name == "eeportal.pagecache"]
    assert len(warnings) == 1
    assert warnings[0].startswith("The shared cache cannot be reached (ConnectionError:")


def test_while_the_retry_window_runs_the_shared_cache_is_not_asked(
    client, history, settings, redis_cache, retry_clock, caplog
):
    caplog.set_level(logging.WARNING, logger="eeportal.pagecache")
    shared_cache.failed(redis.ConnectionError("refused"))  # as a failed request leaves it
    asked = gets(redis_cache)

    client.get("/draws/392/")
    assert gets(redis_cache) == asked
    assert redis_cache.dbsize() == 0  # the page was not stored there either

    retry_clock.advance(settings.PAGE_CACHE_RETRY_SECONDS)
    pages.clear_local()
    client.get("/draws/392/")
    assert redis_cache.dbsize() == 2
    assert caplog.records[-1].getMessage().startswith("The shared cache is reachable again")


def test_the_health_check_reports_an_unreachable_cache_as_degraded_with_a_200(
    client, settings, closed_port, retry_clock
):
    redis_settings(settings, f"redis://127.0.0.1:{closed_port}/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # The health check asks again at once, without waiting out the retry window.
    assert client.get("/healthz").json()["cache"] == "ok"
