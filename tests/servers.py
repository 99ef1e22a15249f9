"""Real app servers against a real database, and ways to take that database away.

test_outage.py needs what the Django test client cannot give: gunicorn processes with
production settings, their log, and a database that stops answering or turns read-only
underneath them. The database is the engine the suite runs on: a scratch SQLite file, or a
scratch PostgreSQL database reached through a forwarder that can cut the line.
"""

import contextlib
import json
import os
import secrets
import selectors
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from eeportal.middleware import RETRY_AFTER_SECONDS
from scripts.appserver import HOST, Gunicorn, site_environment

PROJECT = Path(__file__).resolve().parent.parent

ROUND = "392"
# One address of every kind the public asks for: pages, images, feeds, data, sitemaps.
PUBLIC_PAGES = [
    "/",
    "/draws/",
    "/draws/?stream=cec",
    f"/draws/{ROUND}/",
    f"/draws/{ROUND}/card.png",
    "/streams/",
    "/streams/cec/",
    "/streams/cec/card.png",
    "/card.png",
    "/programs/cec/",
    "/about/",
    "/check/",
    "/crs/calculator/",
    "/feeds/draws/",
    "/feeds/draws/atom/",
    "/feeds/streams/cec/",
    "/feeds/streams/cec/atom/",
    "/api/",
    "/api/draws/",
    f"/api/draws/{ROUND}/",
    "/api/streams/",
    "/draws/export.csv",
    "/draws/export.json",
    "/sitemap.xml",
    "/robots.txt",
    "/.well-known/security.txt",
]
# A 503 that takes longer than this is a visitor left waiting.
OUTAGE_ANSWER_SECONDS = 5


def free_port(host=HOST):
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def production_environment(static_root):
    """What a production app server is started with, short of its database. The HTTPS
    redirect is on, as in production; requests say they came through the TLS proxy."""
    return site_environment(
        DJANGO_SETTINGS_MODULE="tests.server_settings",
        EEPORTAL_TEST_STATIC_ROOT=str(static_root),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_LOG_FORMAT="json",
        # In production each process trusts the content version it read for a second. The
        # window is tested in-process on a clock the test moves (test_caching.py); these
        # servers read the version on every request, so no test waits the window out.
        DJANGO_PAGE_CACHE_RECHECK_SECONDS="0",
    )


def manage(env, *args, cwd=PROJECT):
    """Run a manage.py command as an operator would, in the checkout at `cwd`; a failure
    fails the test."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr}"
    return result.stdout


@contextlib.contextmanager
def app_servers(env, log_dir, count=2):
    """`count` gunicorns with two workers each and the same environment, serving; all
    stopped on the way out."""
    started = []
    try:
        for n in range(1, count + 1):
            started.append(Gunicorn(env, log_dir / f"gunicorn-{n}.log"))
        for server in started:
            server.wait_until_serving()
        yield started
    finally:
        for server in started:
            server.stop()


class Forwarder:
    """Relays a local port to `target`, like a network path to the database server.

    `down()` stops listening and cuts every relayed connection, which is what app servers
    see when the database server stops: connections end, new ones are refused. `up()`
    listens on the same port again.
    """

    def __init__(self, target, host=HOST, port=None):
        self.target = target
        self.host = host
        self.port = port or free_port(host)
        self.lock = threading.Lock()
        self.listener = None
        self.threads = []
        self.connections = set()
        self.up()

    def up(self):
        self.listener = socket.create_server((self.host, self.port))
        accepting = threading.Thread(target=self.accept, args=(self.listener,), daemon=True)
        accepting.start()
        self.threads = [accepting]

    def down(self):
        with self.lock:
            listener, self.listener = self.listener, None
            # shutdown(), unlike close(), stops a listening socket at once and wakes
            # the thread blocked in accept(); each thread closes its own sockets.
            for sock in filter(None, [listener, *self.connections]):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        for thread in self.threads:
            thread.join(timeout=5)

    def accept(self, listener):
        with listener:
            while True:
                try:
                    client, _ = listener.accept()
                except OSError:
                    return
                try:
                    upstream = socket.create_connection(self.target, timeout=5)
                except OSError:
                    client.close()
                    continue
                with self.lock:
                    if self.listener is not listener:  # down() came in between
                        client.close()
                        upstream.close()
                        return
                    self.connections |= {client, upstream}
                    relay = threading.Thread(target=self.relay, args=(client, upstream))
                    relay.daemon = True
                    relay.start()
                    self.threads.append(relay)

    def relay(self, client, upstream):
        peers = {client: upstream, upstream: client}
        with contextlib.ExitStack() as cleanup, selectors.DefaultSelector() as selector:
            for sock in peers:
                cleanup.enter_context(sock)
                sock.setblocking(True)
                selector.register(sock, selectors.EVENT_READ)
            try:
                while True:
                    for key, _ in selector.select():
                        data = key.fileobj.recv(65536)
                        if not data:
                            return
                        peers[key.fileobj].sendall(data)
            except OSError:
                return
            finally:
                with self.lock:
                    self.connections -= set(peers)


class NetworkLink:
    """A network path to PostgreSQL that can be unplugged, as when the database's host
    loses power or drops off the network: packets vanish, with no reset and no refusal.

    No forwarder can fake that (the kernel still acknowledges what a stalled process never
    reads), so the path is a veth pair into a network namespace of its own (ip netns, as
    root). A Forwarder on the host's end relays to PostgreSQL; a second one, a process
    inside the namespace, takes the app servers' connections at (address, port).
    `unplug()` takes the namespace's end of the link down; `plug()` brings it back.
    """

    port = 5432

    def __init__(self, target):
        if not shutil.which("ip"):
            pytest.fail("ip (iproute2) is needed to make a network namespace")
        tag = os.getpid()
        subnet = f"10.213.{tag % 250 + 1}"
        self.namespace = f"eeportal-{tag}"
        self.far_end = f"een{tag}"
        self.address = f"{subnet}.2"
        self.relay = None
        self.run("netns", "add", self.namespace)
        try:
            host_end = f"eeh{tag}"
            self.run("link", "add", host_end, "type", "veth", "peer", "name", self.far_end)
            self.run("link", "set", self.far_end, "netns", self.namespace)
            self.run("addr", "add", f"{subnet}.1/30", "dev", host_end)
            self.run("link", "set", host_end, "up")
            self.run("-n", self.namespace, "addr", "add", f"{self.address}/30", "dev", self.far_end)
            self.run("-n", self.namespace, "link", "set", self.far_end, "up")
            self.host_relay = Forwarder(target, host=f"{subnet}.1")
            relay = ["-m", "tests.servers", "forward", self.address, str(self.port)]
            relay += [f"{subnet}.1", str(self.host_relay.port)]
            self.relay = subprocess.Popen(
                ["ip", "netns", "exec", self.namespace, sys.executable, *relay],
                cwd=PROJECT,
                stdout=subprocess.PIPE,
            )
            self.wait_until_listening()
        except BaseException:
            self.close()
            raise

    @staticmethod
    def run(*args):
        result = subprocess.run(["ip", *args], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.fail(f"ip {' '.join(args)} failed: {result.stderr.strip()}")

    def wait_until_listening(self, timeout=30):
        """The relay writes one line once it listens; nothing else is on its stdout."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.relay.stdout, selectors.EVENT_READ)
            if selector.select(timeout) and self.relay.stdout.readline() == b"listening\n":
                return
        pytest.fail(f"the relay in {self.namespace} did not listen within {timeout} s")

    def unplug(self):
        self.run("-n", self.namespace, "link", "set", self.far_end, "down")

    def plug(self):
        self.run("-n", self.namespace, "link", "set", self.far_end, "up")
        # One connection through the link, once it carries packets again: TCP resends its
        # first packet by itself until then.
        socket.create_connection((self.address, self.port), timeout=10).close()

    def close(self):
        if self.relay is not None:
            self.relay.kill()
            self.relay.wait()
            self.host_relay.down()
        # Deleting the namespace deletes the veth pair with it.
        subprocess.run(["ip", "netns", "del", self.namespace], capture_output=True)


class SqliteDatabase:
    """A database file in its own directory.

    "Down" moves the directory away: opening the file fails with "unable to open database
    file", as when a volume is lost. An already-open SQLite handle would keep reading the
    moved file, so app servers open the file per request (DATABASE_CONN_MAX_AGE=0):
    otherwise the test would only prove that a file handle outlives a rename.
    "Read-only" makes the file immutable (chattr +i), which even root cannot write.
    """

    engine = "SQLite"
    outage_reason = "unable to open database file"
    lock_reasons = {"lock": "database is locked"}

    def __init__(self, directory):
        self.home = directory / "database"
        self.away = directory / "database-moved-away"
        self.home.mkdir()
        self.file = self.home / "site.sqlite3"
        self.server_env = {"DATABASE_URL": f"sqlite:///{self.file}", "DATABASE_CONN_MAX_AGE": "0"}
        self.operator_env = self.server_env

    def down(self):
        self.home.rename(self.away)

    def up(self):
        self.away.rename(self.home)

    @contextlib.contextmanager
    def read_only(self):
        self.chattr("+i")
        try:
            yield
        finally:
            self.chattr("-i")

    def chattr(self, flag):
        try:
            result = subprocess.run(
                ["chattr", flag, str(self.file)], capture_output=True, text=True
            )
        except FileNotFoundError:
            pytest.fail("chattr (e2fsprogs) is needed to make the SQLite file read-only")
        if result.returncode != 0:
            pytest.fail(f"chattr {flag} {self.file} failed: {result.stderr.strip()}")

    @contextlib.contextmanager
    def lock_rounds(self):
        """A second connection holding the database's exclusive lock, as a long write does:
        SQLite locks the whole file, so readers wait out their busy timeout."""
        connection = sqlite3.connect(self.file, isolation_level=None)
        try:
            connection.execute("BEGIN EXCLUSIVE")
            yield
            connection.execute("ROLLBACK")
        finally:
            connection.close()

    def write_error(self):
        """The error a fresh connection gets when it writes, or None if the write worked."""
        connection = sqlite3.connect(self.file)
        try:
            connection.execute("CREATE TABLE outage_probe (id integer)")
            connection.execute("DROP TABLE outage_probe")
        except sqlite3.Error as error:
            return str(error)
        finally:
            connection.close()
        return None

    def close(self):
        if self.away.exists():
            self.up()
        with contextlib.suppress(OSError):
            subprocess.run(["chattr", "-i", str(self.file)], capture_output=True)


class RedisServer:
    """A redis-server of the test's own on a free port, that the test stops and starts."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://{HOST}:{self.port}/0"
        self.process = None
        self.output = []
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                HOST,
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        # It says when it listens; until then reading its output waits, without polling.
        for line in self.process.stdout:
            self.output.append(line)
            if "Ready to accept connections" in line:
                break
        else:
            pytest.fail(f"redis-server did not start: {''.join(self.output)}")
        threading.Thread(
            target=self.output.extend, args=(self.process.stdout,), daemon=True
        ).start()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def close(self):
        if self.process.poll() is None:
            self.stop()


class SilentServer:
    """A TCP server that accepts connections and never says a word: a hung cache host."""

    def __init__(self):
        self.listener = socket.create_server((HOST, 0), backlog=64)
        self.port = self.listener.getsockname()[1]
        self.url = f"redis://{HOST}:{self.port}/0"
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        with contextlib.suppress(OSError):
            while True:
                self.held.append(self.listener.accept()[0])

    def close(self):
        self.listener.close()
        for connection in self.held:
            connection.close()


class PostgresDatabase:
    """A scratch database on the suite's PostgreSQL, which app servers reach through a
    Forwarder: "down" cuts it like a stopped server. Read-only is PostgreSQL's own
    default_transaction_read_only, as on a hot standby; app servers keep their default
    persistent connections, so recovery also proves Django's health checks replace them.
    """

    engine = "PostgreSQL"
    outage_reason = "Connection refused"
    lock_reasons = {
        "lock": "canceling statement due to lock timeout",
        "statement": "canceling statement due to statement timeout",
    }

    def __init__(self, suite_database, purpose="outage"):
        self.name = f"eeportal_{purpose}_{os.getpid()}"
        self.server = {
            "host": suite_database["HOST"] or HOST,
            "port": int(suite_database["PORT"] or 5432),
            "user": suite_database["USER"],
            "password": suite_database["PASSWORD"],
        }
        self.maintenance(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.maintenance(f'CREATE DATABASE "{self.name}"')
        self.forwarder = Forwarder((self.server["host"], self.server["port"]))
        self.server_env = {"DATABASE_URL": self.url(HOST, self.forwarder.port)}
        self.operator_env = {"DATABASE_URL": self.url(self.server["host"], self.server["port"])}

    def url(self, host, port):
        user = quote(self.server["user"], safe="")
        password = ":" + quote(self.server["password"], safe="") if self.server["password"] else ""
        return f"postgres://{user}{password}@{host}:{port}/{self.name}"

    def connect(self, dbname):
        return psycopg.connect(dbname=dbname, autocommit=True, connect_timeout=5, **self.server)

    def maintenance(self, *statements):
        with self.connect("postgres") as connection:
            for statement in statements:
                connection.execute(statement)

    def down(self):
        self.forwarder.down()

    def up(self):
        self.forwarder.up()

    @contextlib.contextmanager
    def read_only(self):
        # New sessions start read-only; ending the current ones makes the app servers
        # reconnect, as they would after a failover to a standby.
        self.maintenance(
            f'ALTER DATABASE "{self.name}" SET default_transaction_read_only = on',
            self.end_sessions(),
        )
        try:
            yield
        finally:
            self.maintenance(
                f'ALTER DATABASE "{self.name}" RESET default_transaction_read_only',
                self.end_sessions(),
            )

    def end_sessions(self):
        return (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()"
        )

    @contextlib.contextmanager
    def lock_rounds(self):
        """A second connection holding the rounds table's strongest lock, as a migration
        altering it does: every query that reads rounds waits for it."""
        with psycopg.connect(dbname=self.name, connect_timeout=5, **self.server) as connection:
            connection.execute("LOCK TABLE draws_draw IN ACCESS EXCLUSIVE MODE")
            yield
            connection.rollback()

    def write_error(self):
        with self.connect(self.name) as connection:
            try:
                connection.execute("CREATE TABLE outage_probe (id integer)")
                connection.execute("DROP TABLE outage_probe")
            except psycopg.Error as error:
                return str(error)
        return None

    def close(self):
        self.forwarder.down()
        self.maintenance(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def assert_serves(server, paths):
    for path in paths:
        response = server.get(path)
        assert response.status == 200, f"{path} on :{server.port}: {response.status}"


def assert_outage_answer(response, path):
    assert response.status == 503, f"{path}: {response.status}"
    assert response.seconds < OUTAGE_ANSWER_SECONDS, f"{path} took {response.seconds:.1f} s"
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.headers["Cache-Control"] == "no-store"
    if path.startswith(("/api/", "/draws/export.")) and path != "/api/":  # /api/ is a page
        assert response.headers["Content-Type"] == "application/json"
        assert "database is unavailable" in json.loads(response.body)["error"]
    else:
        assert response.headers["Content-Type"].startswith("text/html")
        assert "Back in a moment" in response.text
        assert "please try again in a minute" in response.text
        assert "Traceback" not in response.text


if __name__ == "__main__":
    # `python -m tests.servers forward LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT`:
    # the relay that NetworkLink runs inside its network namespace, until it is killed.
    _, command, listen_host, listen_port, target_host, target_port = sys.argv
    assert command == "forward", command
    Forwarder((target_host, int(target_port)), host=listen_host, port=int(listen_port))
    print("listening", flush=True)
    threading.Event().wait()
