"""Real app servers whose Redis stops, or accepts connections and never answers.

The page cache is there for speed: without it every page is made afresh, which is slower
but correct. What is asserted is what a visitor, a load balancer and the log collector get
from one gunicorn (two workers) with REDIS_URL pointing at a redis-server the test starts
and stops, or at a TCP server that accepts and stays silent.
"""

import contextlib
import json

import pytest
import redis

from tests.servers import (
    OUTAGE_ANSWER_SECONDS,
    PUBLIC_PAGES,
    RedisServer,
    SilentServer,
    app_servers,
    assert_serves,
    manage,
)

BUMP = "from eeportal.pagecache.models import ContentVersion; ContentVersion.bump()"


@pytest.fixture
def redis_server():
    server = RedisServer()
    yield server
    server.close()


def health(server):
    answer = server.get("/healthz", https=False)
    assert answer.status == 200, answer.status
    assert answer.seconds < OUTAGE_ANSWER_SECONDS
    return json.loads(answer.body)


def cache_warnings(server):
    return [
        record["message"]
        for record in server.log_records()
        if record.get("logger") == "eeportal.pagecache" and record.get("level") == "WARNING"
    ]


def test_with_redis_stopped_every_public_page_is_made_without_it_and_it_is_used_again_once_back(
    site_database, environment, operator_env, redis_server, tmp_path
):
    # Asked again on every request, so the warning count shows it is logged once, not per
    # request, however often the cache fails.
    env = {
        **environment,
        **site_database.server_env,
        "REDIS_URL": redis_server.url,
        "DJANGO_PAGE_CACHE_RETRY_SECONDS": "0",
    }
    with app_servers(env, tmp_path, count=1) as (server,):
        assert_serves(server, PUBLIC_PAGES)
        assert health(server) == {"status": "ok", "database": "ok", "cache": "ok"}

        redis_server.stop()
        # A new content version: no page can come from a process's own copy.
        manage(operator_env, "shell", "-c", BUMP)
        assert_serves(server, PUBLIC_PAGES * 2)
        assert health(server) == {"status": "degraded", "database": "ok", "cache": "unreachable"}
        warnings = cache_warnings(server)
        assert 1 <= len(warnings) <= 2, warnings  # one per worker that met it
        assert all(
            w.startswith("The shared cache cannot be reached (ConnectionError") for w in warnings
        )

        redis_server.start()
        assert health(server)["cache"] == "ok"
        assert_serves(server, PUBLIC_PAGES * 2)
        with contextlib.closing(redis.Redis.from_url(redis_server.url)) as client:
            assert client.dbsize() > 0  # pages are shared again
        assert any(
            m.startswith("The shared cache is reachable again") for m in cache_warnings(server)
        )
        assert server.process.poll() is None


def test_a_redis_that_accepts_and_never_answers_costs_a_short_timeout_not_a_hung_request(
    site_database, environment, operator_env, tmp_path
):
    silent = SilentServer()
    env = {**environment, **site_database.server_env, "REDIS_URL": silent.url}
    with contextlib.closing(silent), app_servers(env, tmp_path, count=1) as (server,):
        manage(operator_env, "shell", "-c", BUMP)
        answers = {path: server.get(path) for path in PUBLIC_PAGES}

        for path, answer in answers.items():
            assert answer.status == 200, f"{path}: {answer.status}"
            assert answer.seconds < OUTAGE_ANSWER_SECONDS, f"{path} took {answer.seconds:.1f} s"
        assert health(server) == {"status": "degraded", "database": "ok", "cache": "unreachable"}
        warnings = cache_warnings(server)
        assert 1 <= len(warnings) <= 2, warnings
        assert all(
            w.startswith("The shared cache cannot be reached (TimeoutError") for w in warnings
        )
        assert "WORKER TIMEOUT" not in server.log()
        slowest = max(answers.values(), key=lambda answer: answer.seconds)
        print(f"\nSilent Redis: slowest page {slowest.seconds:.2f} s")
