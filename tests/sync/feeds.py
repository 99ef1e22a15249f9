"""IRCC's feed as tests serve it: the real feed, changed as a test needs, from a real HTTP
server started in the test process."""

import copy
import http.server
import io
import json
import threading

from django.core.management import call_command

from eeportal.sync.models import SyncRun
from tests.factories import PROJECT

WHOLE_FEED = json.loads(
    (PROJECT / "data" / "ircc-ee-rounds-123-en.json").read_text(encoding="utf-8")
)
# The latest rounds of IRCC's feed, #389 on, keep each test's first sync quick; one test
# syncs the whole feed.
LATEST = [
    r for r in WHOLE_FEED["rounds"] if r["drawNumber"].isdigit() and int(r["drawNumber"]) >= 389
]
FEED = {**WHOLE_FEED, "rounds": LATEST}
SYNCED = len(FEED["rounds"])


def feed_with(changes=(), extra=()):
    """IRCC's feed with some rounds' fields changed ({label: {field: value}}) or added."""
    feed = copy.deepcopy(FEED)
    changes = dict(changes)
    for raw in feed["rounds"]:
        raw.update(changes.get(raw["drawNumber"], {}))
    feed["rounds"] = [*extra, *feed["rounds"]]
    return json.dumps(feed).encode()


def new_round(number, name, crs="500", size="1,000"):
    raw = copy.deepcopy(next(r for r in FEED["rounds"] if r["drawNumber"] == "434"))
    raw.update(
        drawNumber=str(number),
        drawName=name,
        drawCRS=crs,
        drawSize=size,
        drawDate="2026-09-02",
        drawDateFull="September 2, 2026",
        drawDateTime="September 2, 2026 at 14:00:00 UTC",
        drawCutOff="August 1, 2026 at 10:00:00 UTC",
    )
    return raw


class FeedServer(http.server.ThreadingHTTPServer):
    """Answers as configured: `routes[path] = (status, headers, body)`; honours If-None-Match
    for 200 answers that carry an ETag; `/silent` never answers until the server closes."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.routes = {}
        self.requests = []
        self.closing = threading.Event()

    def url(self, path):
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.path, dict(self.headers)))
        if self.path == "/silent":
            self.server.closing.wait()
            return
        status, headers, body = self.server.routes[self.path]
        etag = headers.get("ETag")
        if status == 200 and etag and etag == self.headers.get("If-None-Match"):
            status, body = 304, b""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(server, path, body, status=200, **headers):
    server.routes[path] = (status, {"Content-Type": "application/json", **headers}, body)
    return server.url(path)


def sync(url):
    call_command("sync_ircc", url=url, stdout=io.StringIO())
    return SyncRun.objects.first()
