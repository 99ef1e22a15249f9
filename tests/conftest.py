"""Shared fixtures: small factories for rows, an editor, and the static files set-up."""

import datetime as dt
import os

import pytest
from django.contrib.auth.models import Group, User

from draws.models import Draw, PoolBand, Stream

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


@pytest.fixture
def stream(db):
    return Stream.objects.get(slug="cec")


def make_draw(number, date, stream_slug="cec", **fields):
    """A published round with plausible figures; any field can be overridden."""
    values = {
        "stream": Stream.objects.get(slug=stream_slug),
        "invitations": 3000,
        "crs_min": 500,
        "tie_break": dt.datetime.combine(date, dt.time(1, 2, 3), tzinfo=dt.UTC)
        - dt.timedelta(days=20),
        "status": Draw.Status.PUBLISHED,
    }
    values.update(fields)
    if isinstance(number, str):
        values["suffix"] = number[-1]
        number = int(number[:-1])
    return Draw.objects.create(number=number, date=date, **values)


def add_distribution(draw, as_of, bands):
    """Give `draw` a distribution from (low, high, count) rows; the total is the top level."""
    draw.pool_as_of = as_of
    draw.save()
    draw.pool_bands.all().delete()
    PoolBand.objects.bulk_create(
        PoolBand(draw=draw, low=low, high=high, count=count) for low, high, count in bands
    )
    draw.link_sub_bands()
    draw.pool_total = sum(b.count for b in draw.pool_bands.all() if b.parent_id is None)
    draw.save()
    return draw


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
