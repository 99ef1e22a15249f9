"""The scratch database and production environment that the real app servers of
test_outage.py and test_cache_outage.py run against, made once for both."""

import pytest
from django.conf import settings

from tests.servers import PostgresDatabase, SqliteDatabase, manage, production_environment


@pytest.fixture(scope="package")
def database(tmp_path_factory):
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        scratch = PostgresDatabase(settings.DATABASES["default"])
    else:
        scratch = SqliteDatabase(tmp_path_factory.mktemp("outage-database"))
    try:
        yield scratch
    finally:
        scratch.close()


@pytest.fixture(scope="package")
def environment(tmp_path_factory):
    return production_environment(tmp_path_factory.mktemp("outage-static"))


@pytest.fixture(scope="package")
def operator_env(database, environment):
    """What an operator's manage.py commands run with: the database directly."""
    return {**environment, **database.operator_env}


@pytest.fixture(scope="package")
def site_database(database, operator_env):
    """The scratch database holding the real round history, with static files collected."""
    manage(operator_env, "collectstatic", "--noinput", "--verbosity=0")
    manage(operator_env, "migrate", "--noinput", "--verbosity=0")
    manage(operator_env, "import_rounds", "data/ircc-ee-rounds-123-en.json")
    return database
