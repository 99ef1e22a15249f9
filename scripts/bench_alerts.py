"""`make bench-alerts`: a round's alerts to 100,000 subscribers, with one worker, then two.

The set-up is production's: debug off, PostgreSQL (a database made for this run and dropped
after it), the real history, the database task backend with `manage.py db_worker`
processes, and mail through EMAIL_URL to an aiosmtpd sink in this process (it only counts
each recipient, so the sink costs as little as it can). The workers are started and idle
first, as in production; the clock starts when the round is published and stops when the
sink holds a message for every subscriber. Between the two runs the alert and its
deliveries are deleted and another new round is published.

During the two-worker fan-out, wrk asks gunicorn for the home page (cached) for a few
seconds, beside the same measurement taken before, idle: whether the public pages keep
their cached rate while the alerts go out. BENCHMARKS.md has the latest figures.

    .venv/bin/python scripts/bench_alerts.py [--subscribers 100000] [--wrk-seconds 8]
"""

import argparse
import collections
import socket
import subprocess
import threading
import time

from aiosmtpd.controller import Controller
from bench import settle, wrk
from localsite import OUTPUT, PYTHON, ROOT, database, gunicorn, load_site, production_env, say

SEED = """
from django.utils import timezone
from eeportal.alerts.models import Subscriber
now = timezone.now()
Subscriber.objects.bulk_create(
    (Subscriber(email=f"candidate{{n}}@example.com", all_streams=True, confirmed_at=now)
     for n in range({count})),
    batch_size=5000,
)
"""
PUBLISH = """
from django.utils import timezone
from draws import ircc
from draws.models import Draw, Stream
from eeportal.alerts.models import RoundAlert
RoundAlert.objects.all().delete()
Draw.objects.create(
    number={number}, date=ircc.ottawa_date(timezone.now()), stream=Stream.objects.get(slug="cec"),
    invitations=3000, crs_min=505,
)
"""


class Sink:
    """Counts the messages each recipient was sent."""

    def __init__(self):
        self.received = collections.Counter()
        self.lock = threading.Lock()
        self.total = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.update(envelope.rcpt_tos)
            self.total += len(envelope.rcpt_tos)
        return "250 2.0.0 OK"

    def reset(self):
        with self.lock:
            self.received.clear()
            self.total = 0


def manage_shell(env, code):
    subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True)


def start_workers(env, count, log):
    command = [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"]
    return [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        for _ in range(count)
    ]


def fan_out(env, sink, workers, number, subscribers, log, base=None, wrk_seconds=0):
    """Publish a round with `workers` workers waiting; (seconds to all, wrk run or None)."""
    sink.reset()
    processes = start_workers(env, workers, log)
    busy = {}

    def measure_pages():
        busy["run"] = wrk(base + "/", wrk_seconds)

    measuring = threading.Thread(target=measure_pages)
    try:
        time.sleep(3)  # the workers start and wait for tasks, as in production
        started = time.monotonic()
        manage_shell(env, PUBLISH.format(number=number))
        deadline = started + 900
        while sink.total < subscribers and time.monotonic() < deadline:
            if base and not measuring.is_alive() and not busy and sink.total > subscribers // 10:
                measuring.start()
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        if measuring.is_alive():
            measuring.join()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
    duplicates = sum(count - 1 for count in sink.received.values() if count > 1)
    delivered = len(sink.received)
    say(
        f"  {workers} worker{'s' if workers > 1 else ''}: {delivered:,} of {subscribers:,} "
        f"delivered in {elapsed:.1f} s ({delivered / elapsed:.0f}/s from publication), "
        f"duplicates {duplicates}"
    )
    return elapsed, delivered, duplicates, busy.get("run")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--wrk-seconds", type=int, default=8)
    args = parser.parse_args()
    sink = Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    log_path = OUTPUT / "bench" / "alerts-workers.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with database(prefer_postgres=True) as (engine, database_url), open(log_path, "w") as log:
            env = production_env(
                database_url,
                DJANGO_SECURE_SSL_REDIRECT="false",
                DJANGO_TASKS_BACKEND="database",
                EMAIL_URL=f"smtp://127.0.0.1:{port}",
                DJANGO_SITE_URL="https://eerounds.example",
            )
            load_site(env)
            say(f"{engine}: {args.subscribers:,} confirmed subscribers")
            manage_shell(env, SEED.format(count=args.subscribers))
            fan_out(env, sink, 1, 901, args.subscribers, log)
            with gunicorn(env, 2, OUTPUT / "bench" / "gunicorn-alerts.log") as base:
                wrk(base + "/", 2)
                settle(base)
                idle = wrk(base + "/", args.wrk_seconds)
                settle(base)
                say(f"  home page, cached, idle: {idle.rate:.0f} req/s, p99 {idle.p99_ms:.1f} ms")
                *_, busy = fan_out(env, sink, 2, 902, args.subscribers, log, base, args.wrk_seconds)
                if busy:
                    say(
                        f"  home page, cached, during the fan-out: {busy.rate:.0f} req/s, "
                        f"p99 {busy.p99_ms:.1f} ms"
                    )
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
