"""`make bench-sync`: how long the sync with IRCC's feed takes, and how soon a new round is
served.

A throwaway PostgreSQL database (SQLite with --sqlite), production settings, and IRCC's feed
served over HTTP by a server started here: the real history (435 rounds) plus the three
later rounds, 438 in all, with an ETag. Measured, each as the wall time of
`manage.py sync_ircc` (a new process, as cron starts it) and as the run's own time:
1. the first sync of the 438 rounds into an empty site;
2. an unchanged feed (the server answers 304);
3. the feed with one new round;
and then, with gunicorn serving the site (the page cache on), the time from the new round's
run starting to its page answering 200, which is what a reader waits beyond the schedule.

    .venv/bin/python scripts/bench_sync.py [--sqlite]
"""

import argparse
import copy
import http.server
import json
import subprocess
import threading
import time

from localsite import (
    HISTORY,
    OUTPUT,
    PYTHON,
    ROOT,
    database,
    gunicorn,
    production_env,
    say,
    stop_on_sigterm,
)


def feed_rounds():
    rounds = []
    for path in HISTORY:
        rounds += json.loads((ROOT / path).read_text(encoding="utf-8"))["rounds"]
    return rounds


class Feed(http.server.BaseHTTPRequestHandler):
    body, etag = b"", '"1"'

    def do_GET(self):
        if self.headers.get("If-None-Match") == Feed.etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("ETag", Feed.etag)
        self.send_header("Content-Length", str(len(Feed.body)))
        self.end_headers()
        self.wfile.write(Feed.body)

    def log_message(self, *args):
        pass


def serve(rounds, etag):
    Feed.body = json.dumps({"classes": "wb-tables", "rounds": rounds}).encode()
    Feed.etag = etag


def timed_sync(env, url):
    started = time.monotonic()
    result = subprocess.run(
        [PYTHON, "manage.py", "sync_ircc", "--url", url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.monotonic() - started
    summary = result.stdout.splitlines()[0]
    say(f"  {wall:6.2f} s wall  {summary}")
    return wall, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", action="store_true", help="use SQLite, not PostgreSQL")
    args = parser.parse_args()
    stop_on_sigterm()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/ee_rounds_123_en.json"
    rounds = feed_rounds()
    new = copy.deepcopy(rounds[0])
    new.update(drawNumber="438", drawDate="2026-09-02", drawDateFull="September 2, 2026")
    log = OUTPUT / "bench" / "gunicorn-sync.log"
    with database(prefer_postgres=not args.sqlite) as (engine, database_url):
        env = production_env(database_url, DJANGO_SECURE_SSL_REDIRECT="false")
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        say(f"{engine}: sync_ircc against a local HTTP server serving {len(rounds)} rounds")
        serve(rounds, '"1"')
        timed_sync(env, url)
        say("The same feed again (304)")
        timed_sync(env, url)
        with gunicorn(env, 2, log) as base:
            import urllib.request

            def status(path):
                request = urllib.request.Request(base + path, headers={"Host": "127.0.0.1"})
                try:
                    with urllib.request.urlopen(request, timeout=10) as answer:
                        return answer.status
                except urllib.error.HTTPError as error:
                    return error.code

            assert status("/draws/437/") == 200
            say("One new round in the feed, with gunicorn serving the site")
            serve([new, *rounds], '"2"')
            started = time.monotonic()
            timed_sync(env, url)
            assert status("/draws/438/") == 200
            say(
                f"  {time.monotonic() - started:6.2f} s from the run starting to /draws/438/ served"
            )
    server.shutdown()


if __name__ == "__main__":
    main()
