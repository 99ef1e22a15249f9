"""Two machines running the sync at the same moment, as two real processes: each round is
created once, and both runs succeed."""

import subprocess
import sys

import pytest
from django.conf import settings

from tests.servers import PROJECT, PostgresDatabase, SqliteDatabase, manage, production_environment
from tests.sync.feeds import SYNCED, feed_with


@pytest.fixture
def scratch(tmp_path):
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        database = PostgresDatabase(settings.DATABASES["default"], purpose="sync")
    else:
        database = SqliteDatabase(tmp_path)
    try:
        yield database
    finally:
        database.close()


def test_two_runs_at_once_create_each_round_once(scratch, tmp_path):
    env = {**production_environment(tmp_path / "static"), **scratch.operator_env}
    manage(env, "migrate", "--noinput", "--verbosity=0")
    feed = tmp_path / "ee_rounds_123_en.json"
    feed.write_bytes(feed_with())

    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "sync_ircc", "--url", str(feed)],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    summaries = sorted(out.splitlines()[0] for out, _ in outputs)
    assert summaries[0].startswith("Changes applied: " + f"{SYNCED} new")
    assert summaries[1].startswith("Nothing new: 0 new")
    count = "from draws.models import Draw\nprint(Draw.objects.count())"
    assert manage(env, "shell", "-c", count).splitlines()[-1] == str(SYNCED)
