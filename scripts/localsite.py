"""A throwaway copy of the site with production settings, for `make bench` and `make lighthouse`.

It makes a database (PostgreSQL on 127.0.0.1:5432 when asked and available, otherwise
SQLite in a temporary folder), loads the real history into it, collects the static files
and runs gunicorn on 127.0.0.1. Everything is undone on the way out, Ctrl-C included:
the database is dropped and gunicorn stopped. Only the ignored staticfiles/ and
benchmark-output/ folders are written in the project.

Python's standard library only, plus psycopg (already a requirement of the site).
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
HISTORY = ["data/ircc-ee-rounds-123-en.json", "data/rounds-after-2026-08-07.json"]
STATIC_ROOT = ROOT / "staticfiles"  # eeportal/settings.py's STATIC_ROOT
OUTPUT = ROOT / "benchmark-output"
HOST = "127.0.0.1"
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def say(message):
    print(message, flush=True)


def stop_on_sigterm():
    """Turn SIGTERM into SystemExit, so `finally:` blocks clean up as they do on Ctrl-C."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def production_env(database_url, **extra):
    """The environment of a production server: debug off, a fresh secret key, one host."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="eeportal.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def load_site(env, generated_rounds=0):
    """Migrate, import IRCC's history, add made-up rounds if asked, collect static files."""
    say(
        "Loading the database: migrate, import_rounds"
        + (", generate_rounds" if generated_rounds else "")
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "import_rounds", *HISTORY)
    if generated_rounds:
        manage(
            env,
            "generate_rounds",
            f"--count={generated_rounds}",
            "--yes-this-is-a-benchmark-database",
        )
    say("Collecting static files into staticfiles/")
    manage(env, "collectstatic", "--noinput", "-v0")


# --- databases ---------------------------------------------------------------------------


def postgres_is_up():
    import psycopg

    try:
        with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


def start_postgres():
    """Start the local cluster as the machine's notes say; True once it answers."""
    if postgres_is_up():
        return True
    if not shutil.which("pg_ctlcluster") or not Path("/etc/postgresql").is_dir():
        return False
    say("PostgreSQL is down: starting the local cluster")
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=False
    )
    for _ in range(30):
        if postgres_is_up():
            return True
        time.sleep(1)
    return False


@contextlib.contextmanager
def postgres_database():
    """A new, empty PostgreSQL database for this run, dropped at the end."""
    import psycopg

    name = f"eeportal_bench_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    say(f"Created PostgreSQL database {name}")
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        say(f"Dropped PostgreSQL database {name}")


@contextlib.contextmanager
def sqlite_database():
    """A new SQLite file in a temporary folder, removed at the end."""
    folder = tempfile.mkdtemp(prefix="eeportal-bench-")
    try:
        yield f"sqlite:///{folder}/site.sqlite3"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def database(prefer_postgres):
    """(engine name, DATABASE_URL): PostgreSQL if preferred and available, else SQLite."""
    if prefer_postgres and start_postgres():
        with postgres_database() as url:
            yield "PostgreSQL", url
        return
    if prefer_postgres:
        say("PostgreSQL is not available on 127.0.0.1:5432: falling back to SQLite")
    with sqlite_database() as url:
        yield "SQLite", url


# --- gunicorn ----------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, workers, log_path, worker_args=()):
    """Gunicorn serving the site on 127.0.0.1:<free port>; yields the base URL."""
    port = free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        server = subprocess.Popen(
            [
                BIN / "gunicorn",
                "eeportal.wsgi",
                f"--bind={HOST}:{port}",
                f"--workers={workers}",
                *worker_args,
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://{HOST}:{port}"
    try:
        wait_until_serving(server, base, log_path)
        yield base
    finally:
        stop(server)


def wait_until_serving(server, base, log_path):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log_path}")
        # As a TLS-terminating proxy would send it, so an HTTPS redirect cannot get in the way.
        probe = urllib.request.Request(f"{base}/robots.txt", headers={"X-Forwarded-Proto": "https"})
        try:
            with urllib.request.urlopen(probe, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer within 30 s; see {log_path}")


def stop(server):
    """SIGTERM lets gunicorn's arbiter stop its workers; SIGKILL if it takes too long."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
