"""Gunicorn serving the site on 127.0.0.1, for the tests' app servers and for `make bench`
and `make lighthouse` alike.

The listening socket is made here and handed to gunicorn (`--bind fd://N`), so its port
is known before gunicorn starts and nothing has to poll for it: a request sent while the
workers boot waits in the socket's queue until one of them takes it.

Python's standard library only.
"""

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
GUNICORN = Path(sys.executable).parent / "gunicorn"


def site_environment(**values):
    """This process's environment without any of the site's settings, plus `values`: so
    nothing set in the caller's shell (a DATABASE_URL, say) reaches the server unasked."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    return {**inherited, "PYTHONUNBUFFERED": "1", **values}


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode()


class Gunicorn:
    """gunicorn with `workers` workers serving the checkout at `root` (this one unless told:
    `make bench-ab` serves an older commit's beside it); stdout and stderr go to `log_path`."""

    def __init__(self, env, log_path, workers=2, extra_args=(), root=ROOT):
        self.log_path = Path(log_path)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        listener = socket.create_server((HOST, 0), backlog=128)
        self.port = listener.getsockname()[1]
        self.base_url = f"http://{HOST}:{self.port}"
        with listener, open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    GUNICORN,
                    "eeportal.wsgi",
                    f"--bind=fd://{listener.fileno()}",
                    f"--workers={workers}",
                    # Several gunicorns run at once; each would claim the same control socket.
                    "--no-control-socket",
                    *extra_args,
                ],
                cwd=root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                pass_fds=[listener.fileno()],
            )
        # Only gunicorn holds the socket now: should it exit, requests are refused at once
        # instead of waiting in a queue nobody reads.

    def wait_until_serving(self, timeout=60):
        try:
            answer = self.get("/robots.txt", timeout=timeout)
        except OSError as error:
            raise RuntimeError(f"gunicorn did not answer ({error}):\n{self.log()}") from None
        if answer.status != 200:
            raise RuntimeError(f"gunicorn answered {answer.status} for /robots.txt:\n{self.log()}")

    def get(self, path, https=True, headers=None, timeout=15):
        """GET `path`; `https` says so in X-Forwarded-Proto, as the TLS proxy in front would."""
        headers = {**({"X-Forwarded-Proto": "https"} if https else {}), **(headers or {})}
        # http.client, not urllib: a 301 or a 503 is the answer under test, not something
        # to follow or to raise.
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.request("GET", path, headers=headers)
            answer = connection.getresponse()
            body = answer.read()
        finally:
            connection.close()
        return Response(answer.status, answer.headers, body, time.monotonic() - started)

    def log(self):
        return self.log_path.read_text(errors="replace")

    def log_records(self):
        """The JSON lines Django wrote (gunicorn's own lines are plain text)."""
        records = []
        for line in self.log().splitlines():
            with contextlib.suppress(ValueError):
                records.append(json.loads(line))
        return [record for record in records if isinstance(record, dict)]

    def stop(self):
        """SIGTERM lets gunicorn's arbiter stop its workers; SIGKILL if it takes too long."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextlib.contextmanager
def serving(env, log_path, workers=2, extra_args=(), root=ROOT):
    """A Gunicorn that answers requests, stopped on the way out."""
    server = Gunicorn(env, log_path, workers, extra_args, root)
    try:
        server.wait_until_serving()
        yield server
    finally:
        server.stop()
