"""A throwaway copy of the site with production settings, for `make bench` and `make lighthouse`.

It makes a database (PostgreSQL on 127.0.0.1:5432 when asked and available, otherwise
SQLite in a temporary folder), loads the real history into it, collects the static files
and runs gunicorn on 127.0.0.1. Everything is undone on the way out, Ctrl-C included:
the database is dropped and gunicorn stopped. Only the ignored staticfiles/ and
benchmark-output/ folders are written in the project.

Python's standard library (and appserver.py beside it), plus psycopg, a requirement
of the site.
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
import threading
from pathlib import Path

from appserver import HOST, ROOT, serving, site_environment

BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
HISTORY = ["data/ircc-ee-rounds-123-en.json", "data/rounds-after-2026-08-07.json"]
STATIC_ROOT = ROOT / "staticfiles"  # eeportal/settings.py's STATIC_ROOT
OUTPUT = ROOT / "benchmark-output"
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def say(message):
    print(message, flush=True)


def stop_on_sigterm():
    """Turn SIGTERM into SystemExit, so `finally:` blocks clean up as they do on Ctrl-C."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def production_env(database_url, **extra):
    """The environment of a production server: debug off, a fresh secret key, one host."""
    return site_environment(
        DJANGO_SETTINGS_MODULE="eeportal.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        **extra,
    )


def manage(env, *args, root=ROOT):
    subprocess.run([PYTHON, "manage.py", *args], cwd=root, env=env, check=True)


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
    # pg_ctlcluster returns once the cluster accepts connections (pg_ctl's --wait).
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=False
    )
    return postgres_is_up()


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


# --- redis -------------------------------------------------------------------------------


# README's production settings for the cache's Redis.
REDIS_SETTINGS = [
    "--save",
    "",
    "--appendonly",
    "no",
    "--maxmemory",
    "256mb",
    "--maxmemory-policy",
    "allkeys-lru",
]


@contextlib.contextmanager
def redis_server():
    """A redis-server of this run's own on a free port, as README configures it; its URL."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        ["redis-server", "--bind", HOST, "--port", str(port), *REDIS_SETTINGS],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in process.stdout:  # it says when it listens
            if "Ready to accept connections" in line:
                break
        else:
            raise SystemExit("redis-server did not start")
        threading.Thread(target=process.stdout.read, daemon=True).start()  # the rest of its log
        say(f"Started redis-server on port {port}")
        yield f"redis://{HOST}:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


# --- gunicorn ----------------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(env, workers, log_path, worker_args=(), root=ROOT):
    """Gunicorn serving the site at `root` on 127.0.0.1 (appserver.py); yields the base URL."""
    try:
        with serving(env, log_path, workers, [*worker_args, "--log-level=warning"], root) as server:
            yield server.base_url
    except RuntimeError as error:
        raise SystemExit(f"{error}\nsee {log_path}") from None
