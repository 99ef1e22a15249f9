"""Real app servers meeting a database that goes away, turns read-only, or is shared, and
sharing one page cache in Redis.

Two gunicorn processes with two workers each run the production settings against a
scratch copy of the real round history, on the engine the suite runs on (SQLite, or
PostgreSQL when DATABASE_URL says so). tests/servers.py explains how each engine is taken
down and made read-only. Nothing here is mocked: what is asserted is what a visitor, a
load balancer and the log collector would get.
"""

import contextlib
import gzip
import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.conf import settings

from scripts.appserver import HOST
from tests.servers import (
    OUTAGE_ANSWER_SECONDS,
    PUBLIC_PAGES,
    ROUND,
    NetworkLink,
    app_servers,
    assert_outage_answer,
    assert_serves,
    manage,
)

# Pages made of rounds: with the database away they can only say so.
ROUND_PAGES = ["/", "/draws/", f"/draws/{ROUND}/", "/streams/cec/", "/feeds/draws/"]
DATA_URLS = ["/api/draws/", f"/api/draws/{ROUND}/", "/draws/export.csv", "/draws/export.json"]


@pytest.fixture(scope="module")
def servers(site_database, environment, tmp_path_factory):
    env = {**environment, **site_database.server_env}
    with app_servers(env, tmp_path_factory.mktemp("outage-logs")) as started:
        yield started


# A Redis database of its own, emptied before and after; another suite running beside this
# one on the same Redis sets EEPORTAL_TEST_REDIS_URL to a different database.
REDIS_URL = os.environ.get("EEPORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture(scope="module")
def shared_cache():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(
            f"Redis is not answering at {REDIS_URL} (.ci/run starts it): redis-server "
            '--daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no'
        )
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture(scope="module")
def servers_sharing_redis(servers, database, environment, shared_cache, tmp_path_factory):
    """Two more app servers, configured as a fleet: one page cache for both, in Redis."""
    env = {**environment, **database.server_env, "REDIS_URL": REDIS_URL}
    with app_servers(env, tmp_path_factory.mktemp("redis-logs")) as started:
        yield started


def test_the_health_check_answers_plain_http_while_pages_redirect_to_https(servers):
    server = servers[0]

    health = server.get("/healthz", https=False)
    page = server.get("/draws/", https=False)

    assert health.status == 200
    assert json.loads(health.body) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert page.status == 301
    assert page.headers["Location"] == f"https://127.0.0.1:{server.port}/draws/"


def test_with_the_database_down_pages_answer_503_at_once_and_the_site_recovers_by_itself(
    database, servers
):
    for server in servers:
        # Cached now; still, the cache is keyed on a version only the database knows.
        assert_serves(server, PUBLIC_PAGES)

    database.down()
    try:
        answers = []
        for server in servers:
            for path in ROUND_PAGES + DATA_URLS:
                answers.append(server.get(path))
                assert_outage_answer(answers[-1], path)
            for path in PUBLIC_PAGES:
                # A page that needs no rounds (robots.txt) may still be served.
                answers.append(server.get(path))
                if answers[-1].status != 200:
                    assert_outage_answer(answers[-1], path)
            health = server.get("/healthz", https=False)
            assert health.status == 503
            assert json.loads(health.body)["database"] == "unreachable"
            assert health.seconds < OUTAGE_ANSWER_SECONDS
    finally:
        database.up()
    back_at = time.monotonic()

    # No retries: the first request after the database is back already works.
    assert servers[0].get("/healthz", https=False).status == 200
    recovered_in = time.monotonic() - back_at
    for server in servers:
        assert server.get("/healthz", https=False).status == 200
        assert_serves(server, PUBLIC_PAGES)
        assert_serves(server, PUBLIC_PAGES)  # both workers, in all likelihood
    slowest = max(answer.seconds for answer in answers)
    print(
        f"\n{database.engine}: {len(answers)} answers during the outage, slowest "
        f"{slowest:.3f} s; first 200 {recovered_in:.3f} s after the database came back"
    )

    for server in servers:
        messages = [
            record["message"]
            for record in server.log_records()
            if record.get("logger") == "eeportal.database" and record.get("level") == "ERROR"
        ]
        reason = re.escape(database.outage_reason)
        assert any(
            re.fullmatch(
                rf"Database unavailable, answering 503 for /draws/: \w+Error: .*{reason}.*", m
            )
            for m in messages
        ), messages
        # The workers lived through it: nothing was restarted to recover.
        assert server.process.poll() is None
        assert server.log().count("Booting worker") == 2


def test_connections_cut_between_requests_are_replaced_without_an_error(database, servers):
    # PostgreSQL app servers keep connections open (DATABASE_CONN_MAX_AGE's default); the
    # first use after a restart finds them dead, and Django's health check replaces them.
    for server in servers:
        assert_serves(server, ["/draws/"] * 4)

    database.down()  # a database restart while nobody is visiting
    database.up()

    for server in servers:
        assert_serves(server, ["/draws/"] * 4)


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="SQLite has no network link to lose; its file going away is tested above",
)
def test_a_database_host_that_vanishes_gets_503s_within_seconds_not_a_hang(
    database, servers, environment, tmp_path
):
    link = NetworkLink((database.server["host"], database.server["port"]))
    env = {**environment, "DATABASE_URL": database.url(link.address, link.port)}
    with contextlib.closing(link), app_servers(env, tmp_path, count=1) as (server,):
        # Both workers now hold an open connection, and then the host goes silent: the
        # first requests meet those connections, the later ones try to open new ones.
        assert_serves(server, ["/draws/", f"/draws/{ROUND}/"] * 3)
        link.unplug()
        try:
            answers = []
            for path in ["/draws/", f"/draws/{ROUND}/", "/api/draws/", "/"]:
                answers.append(server.get(path))
                assert_outage_answer(answers[-1], path)
            health = server.get("/healthz", https=False)
            assert health.status == 503
            assert health.seconds < OUTAGE_ANSWER_SECONDS
            print(f"\nHost gone: 503s after {', '.join(f'{a.seconds:.1f}' for a in answers)} s")
        finally:
            link.plug()
        assert_serves(server, ["/healthz", "/draws/", f"/draws/{ROUND}/"] * 2)
        assert server.process.poll() is None
        assert "WORKER TIMEOUT" not in server.log()


def test_a_read_only_database_still_serves_every_public_page(database, servers, operator_env):
    # A new content version, so no page can come from a cache: every view meets the
    # read-only database.
    manage(
        operator_env,
        "shell",
        "-c",
        "from eeportal.pagecache.models import ContentVersion; ContentVersion.bump()",
    )

    with database.read_only():
        assert re.search(r"read-?only", database.write_error() or ""), "the database took a write"
        for server in servers:
            assert_serves(server, [*PUBLIC_PAGES, "/healthz"])


def test_two_app_servers_with_two_workers_each_answer_together(servers):
    requests = [(server, path) for path in PUBLIC_PAGES for server in servers]

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda request: request[0].get(request[1]).status, requests))

    assert statuses == [200] * len(requests)


def test_an_edit_made_through_django_shows_on_every_app_server_at_once(servers, operator_env):
    page, data = f"/draws/{ROUND}/", f"/api/draws/{ROUND}/"
    etags = {}
    for server in servers:
        first = server.get(page)
        # A browser holding this page is told it is current.
        assert server.get(page, headers={"If-None-Match": first.headers["ETag"]}).status == 304
        etags[server] = first.headers["ETag"]
    crs_min = json.loads(servers[0].get(data).body)["crs_min"] + 1
    assert f">{crs_min}<" not in first.text

    manage(
        operator_env,
        "shell",
        "-c",
        "from draws.models import Draw\n"
        f"draw = Draw.objects.get(number={ROUND}, suffix='')\n"
        f"draw.crs_min = {crs_min}\n"
        "draw.save()",
    )

    for server in servers:
        for _ in range(3):  # whichever worker answers
            fresh = server.get(page, headers={"If-None-Match": etags[server]})
            assert fresh.status == 200
            assert f">{crs_min}<" in fresh.text
            assert json.loads(server.get(data).body)["crs_min"] == crs_min


def test_app_servers_with_redis_share_one_page_cache(
    servers_sharing_redis, shared_cache, operator_env
):
    first, second = servers_sharing_redis
    page = f"/draws/{ROUND}/"
    # Behind a load balancer every app server is asked for the same public host; pages
    # are keyed on it (their links are absolute), so that is what the two share.
    public = {"Host": HOST}
    stored_before = len(shared_cache.keys("*page:*"))  # robots.txt, from start-up
    rendered = first.get(page, headers=public)
    assert rendered.status == 200
    assert len(shared_cache.keys("*page:*")) == stored_before + 2  # plain and gzipped

    # Change the round behind the site's back: no new content version. A server that
    # made the page itself would show the change; one reading the shared copy does not.
    change = "from django.db.models import F; from draws.models import Draw; "
    change += f"Draw.objects.filter(number={ROUND}).update(crs_min=F('crs_min') + %d)"
    manage(operator_env, "shell", "-c", change % 100)
    try:
        for _ in range(3):  # whichever of its workers answers
            again = second.get(page, headers=public)
            assert again.body == rendered.body
            assert again.headers["ETag"] == rendered.headers["ETag"]
        packed = second.get(page, headers={**public, "Accept-Encoding": "gzip"})
        assert packed.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.body) == rendered.body

        # An edit made through Django moves the version, for the whole fleet at once.
        bump = "from eeportal.pagecache.models import ContentVersion; ContentVersion.bump()"
        manage(operator_env, "shell", "-c", bump)
        crs_min = json.loads(first.get(f"/api/draws/{ROUND}/").body)["crs_min"]
        for server in (first, second):
            assert f"minimum CRS {crs_min}" in server.get(page, headers=public).text
    finally:
        manage(operator_env, "shell", "-c", change % -100)
        manage(operator_env, "shell", "-c", bump)


ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# Each limit on its own: the other is set far beyond it. SQLite's busy timeout is its only one.
TIME_LIMITS = {
    "lock": {"DATABASE_LOCK_TIMEOUT": "1", "DATABASE_STATEMENT_TIMEOUT": "30"},
    "statement": {"DATABASE_LOCK_TIMEOUT": "30", "DATABASE_STATEMENT_TIMEOUT": "1"},
}


@pytest.mark.parametrize("limit", ["lock", "statement"] if ON_POSTGRES else ["lock"])
def test_a_page_behind_a_held_lock_answers_503_after_the_time_limit_instead_of_hanging(
    site_database, environment, operator_env, tmp_path, limit
):
    # Uncached, as after a deploy: every request reaches the locked rounds table.
    env = {
        **environment,
        **site_database.server_env,
        "DJANGO_PAGE_CACHE": "off",
        **TIME_LIMITS[limit],
    }
    paths = [f"/draws/{ROUND}/", f"/api/draws/{ROUND}/", "/"]
    with app_servers(env, tmp_path, count=1) as (server,):
        assert_serves(server, paths)
        with site_database.lock_rounds():
            for path in paths:
                assert_outage_answer(server.get(path), path)
        assert_serves(server, paths)
        if ON_POSTGRES:
            # manage.py commands are not limited: a migration or an import may wait for a lock.
            show = "from django.db import connection\nc = connection.cursor()\n"
            show += "c.execute('SHOW lock_timeout')\nprint(c.fetchone()[0])"
            assert manage(operator_env, "shell", "-c", show).splitlines()[-1] == "0"

        messages = [
            record["message"]
            for record in server.log_records()
            if record.get("logger") == "eeportal.database"
        ]
        reason = site_database.lock_reasons[limit]
        assert any(reason in message for message in messages), messages
        assert "WORKER TIMEOUT" not in server.log()
