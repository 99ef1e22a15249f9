"""Where one uncached request of each page spends its time, in one Python process.

Run by scripts/bench.py with the bench database's environment (production settings,
DJANGO_PAGE_CACHE=off); writes one JSON object to the file named first. By hand:

    DATABASE_URL=... DJANGO_SECRET_KEY=... DJANGO_ALLOWED_HOSTS=127.0.0.1 \
        .venv/bin/python scripts/profile_pages.py profile.json / /draws/

For each page: the mean wall and CPU time of a request without a profiler, the number of SQL
queries and the time spent executing them, and from cProfile the time
inside template rendering (which includes queries a template triggers lazily), in the
database driver, in building model instances, and the functions with the most own time.
"""

import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

WARM_UP = 3
REPEAT = 20
TOP = 12


class QueryTimer:
    """Counts and times the queries run through it (connection.execute_wrapper)."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - start


def cumulative_ms(stats, where, name):
    """Inclusive time of functions called `name` in a file ending with `where`, summed."""
    return (
        sum(
            row[3]
            for (filename, _line, funcname), row in stats.stats.items()
            if funcname == name and filename.endswith(where)
        )
        * 1000
    )


def driver_ms(stats):
    """Time in the database driver: Django's execute wrapper plus fetching rows."""
    fetching = sum(
        row[3]
        for (filename, _line, funcname), row in stats.stats.items()
        if "fetch" in funcname and ("sqlite3" in funcname or filename.endswith("psycopg/cursor.py"))
    )
    return cumulative_ms(stats, "django/db/backends/utils.py", "_execute") + fetching * 1000


def profile(client, path):
    for _ in range(WARM_UP):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in range(REPEAT):
        client.get(path)
    wall_ms = (time.perf_counter() - start) * 1000 / REPEAT
    # This process's CPU time: the Python side of a request, whatever else the machine runs.
    cpu_ms = (time.process_time() - start_cpu) * 1000 / REPEAT

    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        client.get(path)

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(REPEAT):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    per_request = 1 / REPEAT
    top = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:TOP]
    return {
        "wall_ms": wall_ms,
        "cpu_ms": cpu_ms,
        "queries": timer.count,
        "sql_ms": timer.seconds * 1000,
        "profiled_ms": stats.total_tt * 1000 * per_request,
        "template_ms": cumulative_ms(stats, "template/backends/django.py", "render") * per_request,
        "driver_ms": driver_ms(stats) * per_request,
        "from_db_ms": cumulative_ms(stats, "django/db/models/base.py", "from_db") * per_request,
        "top": [
            {
                "function": f"{short(filename)}:{line}({funcname})",
                "calls": row[1] * per_request,
                "own_ms": row[2] * 1000 * per_request,
                "cumulative_ms": row[3] * 1000 * per_request,
            }
            for (filename, line, funcname), row in top
        ],
    }


def short(filename):
    for marker in ("site-packages/", f"{ROOT}/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main(output, *paths):
    client = Client(HTTP_HOST="127.0.0.1", headers={"X-Forwarded-Proto": "https"})
    profiles = {path: profile(client, path) for path in paths}
    Path(output).write_text(json.dumps(profiles, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
