"""Shared fixtures: small factories for rows, an editor, and the static files set-up."""

import datetime as dt
import os

import pytest
from django.conf import settings as settings_module
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from draws.models import Draw, Stream
from eeportal.pagecache.models import ContentVersion
from eeportal.pagecache.store import pages
from tests.factories import add_distribution, make_draw

# The live server for browser tests builds its middleware once, before any test's settings
# fixture runs, and SecurityMiddleware reads SECURE_SSL_REDIRECT when it is built: so plain
# HTTP is set for the whole session here. test_security.py turns the redirect back on for
# the test client, whose middleware is built per test.
settings_module.SECURE_SSL_REDIRECT = False

# Production hashes passwords with PBKDF2 at a cost meant to be slow (a quarter of a second
# here); tests sign in and make editors by the hundred, and check nothing about the hash.
settings_module.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_sessionstart(session):
    """The French pages read locale/fr/LC_MESSAGES/django.mo, which `make test` compiles; a
    bare `pytest` compiles it here when it is missing or older than its .po."""
    from django.core.management import call_command

    for po in (settings_module.BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            call_command("compilemessages", locale=[po.parent.parent.name], verbosity=0)


# pytest-playwright runs an event loop in the test thread; the live server and the ORM are
# still used synchronously, which Django only allows when told so.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    # Production serves hashed names from collectstatic's manifest; tests use the source
    # files directly (test_settings.py checks the manifest build on its own).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def without_two_factor(settings):
    # Tests run the production settings (plain HTTP is set for the session above). Two-
    # factor sign-in has its own tests (test_security.py), which turn it back on.
    settings.ADMIN_REQUIRE_OTP = False


@pytest.fixture(autouse=True)
def french_feed_not_fetched(settings):
    # The sync also reads IRCC's French feed at IRCC_FEED_URL_FR, on canada.ca by default:
    # tests never reach out there. The French feed's tests serve one locally.
    settings.IRCC_FEED_URL_FR = ""


def forget_cached_pages():
    cache.clear()
    pages.clear_local()
    ContentVersion.forget()


@pytest.fixture(autouse=True)
def empty_cache():
    # Each test's database starts from the same content version, so a page cached by one
    # test, or the version this process last read, could otherwise be used by the next.
    forget_cached_pages()
    yield
    forget_cached_pages()


@pytest.fixture
def version_read_every_request(settings):
    # Query counts below include the content version the page cache reads first. By
    # default a process reads it at most once a second, so a test making several requests
    # in a row would see it only in the first; here every request reads it.
    settings.PAGE_CACHE_RECHECK_SECONDS = 0


class HandClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self):
        self.seconds = 1000.0

    def __call__(self):
        return self.seconds

    def advance(self, seconds):
        self.seconds += seconds


@pytest.fixture
def page_cache_clock(monkeypatch):
    """The clock the page cache's recheck window is measured on, moved by the test."""
    clock = HandClock()
    monkeypatch.setattr(ContentVersion, "clock", clock)
    return clock


@pytest.fixture
def stream(db):
    return Stream.objects.get(slug="cec")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def history():
    """A small history: two CEC rounds, a PNP round, the lettered pair, and a draft."""
    rounds = {
        "90": make_draw(90, dt.date(2018, 5, 23), "general", crs_min=440, invitations=3500),
        "91a": make_draw("91a", dt.date(2018, 5, 30), "fst", crs_min=288, invitations=500),
        "91b": make_draw("91b", dt.date(2018, 5, 30), "pnp", crs_min=902, invitations=200),
        "389": make_draw(389, dt.date(2026, 1, 7), "cec", crs_min=511, invitations=8000),
        "391": make_draw(391, dt.date(2026, 1, 20), "pnp", crs_min=746, invitations=681),
        "392": make_draw(
            392,
            dt.date(2026, 1, 21),
            "cec",
            crs_min=509,
            invitations=6000,
            tie_break=dt.datetime(2025, 10, 29, 4, 35, 24, tzinfo=dt.UTC),
        ),
        "393": make_draw(393, dt.date(2026, 1, 22), "cec", crs_min=470, status=Draw.Status.DRAFT),
    }
    add_distribution(
        rounds["392"],
        dt.date(2026, 1, 19),
        [(601, 1200, 677), (501, 600, 16341), (491, 500, 13278), (451, 500, 72714), (0, 450, 100)],
    )
    return rounds
