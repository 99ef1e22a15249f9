"""`make bench-ab BASE=<commit>`: this checkout's uncached pages against an older commit's,
on the same database and machine at the same time.

A plain `make bench` an hour apart moves by a tenth on this kind of machine, too much to
check a bound such as "no more than 10 % slower than before". Here both commits serve one
database (loaded by this checkout's code, a superset of the older schema) from two
gunicorns at once, and wrk alternates between them page by page, the order swapped each
round; each page's French twin is measured beside them and compared with the English page
before. The table gives each page's median req/s over the rounds.

With --instructions, the CPU cost of a request is also counted the way no other load on
the machine can move: callgrind (valgrind) counts the instructions the Python process
executes for a page, once after 5 warm-up requests and once after as many plus --requests
more, through Django's test client; the difference divided by --requests is one request's
cost, the database server's work excluded. Slow (a minute or two a page and commit).

The older commit is checked out into a temporary git worktree, removed at the end.

    .venv/bin/python scripts/bench_ab.py --base 7f9b7e8 [--rounds 3] [--instructions]
"""

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import bench
from localsite import (
    OUTPUT,
    PYTHON,
    ROOT,
    database,
    gunicorn,
    load_site,
    manage,
    production_env,
    say,
    stop_on_sigterm,
)

# (name, English address, French twin or None): bench.py's pages.
PAGES = [
    ("home", "/", "/fr/"),
    ("history", "/draws/", None),
    ("round", "/draws/392/", "/fr/rondes/392/"),
    ("stream", "/streams/cec/", None),
    ("filtered", "/draws/?stream=cec&year=2025", "/fr/rondes/?stream=cec&year=2025"),
    ("about", "/about/", "/fr/a-propos/"),
]
WARM_UP_REQUESTS = 5
# Run by the commit's own Python under callgrind, in the commit's folder: `requests` GETs
# of `path` after the warm-up, as a client behind the TLS proxy sends them.
COUNTED_REQUESTS = """
import os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.test import Client
path, warm_up, requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
for _ in range(warm_up):
    assert client.get(path).status_code == 200, path
for _ in range(requests):
    client.get(path)
"""


@contextlib.contextmanager
def checkout(commit):
    """The commit in a temporary worktree sharing this checkout's virtualenv."""
    folder = Path(tempfile.mkdtemp(prefix="eeportal-ab-")) / "base"
    subprocess.run(["git", "worktree", "add", "--detach", folder, commit], cwd=ROOT, check=True)
    try:
        (folder / ".venv").symlink_to(ROOT / ".venv")
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", folder], cwd=ROOT, check=False)
        shutil.rmtree(folder.parent, ignore_errors=True)


def prepare(root, env):
    """What a commit needs to serve pages besides its code: compiled catalogs (when it has
    any) and its own collected static files (the manifest its templates read)."""
    if (root / "locale").exists():
        manage(env, "compilemessages", "--ignore", ".venv", "-v0", root=root)
    manage(env, "collectstatic", "--noinput", "-v0", root=root)


def instructions(root, env, path, requests):
    """Instructions one uncached request of `path` costs the Python process at `root`."""

    def counted(extra):
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        command += [PYTHON, "-c", COUNTED_REQUESTS, path, str(WARM_UP_REQUESTS), str(extra)]
        run = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        for line in run.stderr.splitlines():
            if "Collected :" in line:
                return int(line.rsplit(":", 1)[1])
        raise SystemExit(f"callgrind counted nothing for {path} in {root}:\n{run.stderr}")

    return (counted(requests) - counted(0)) / requests


def median(values):
    return statistics.median(values) if values else None


def percent(now, before):
    return f"{now / before:.0%}" if now and before else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the older commit (e.g. 7f9b7e8)")
    parser.add_argument("--rounds", type=int, default=3, help="wrk rounds (3)")
    parser.add_argument("--duration", type=int, default=8, help="seconds per URL (8)")
    parser.add_argument("--warm-up", type=int, default=3, help="seconds before each (3)")
    parser.add_argument("--workers", type=int, default=bench.WORKERS, help="gunicorn, each")
    parser.add_argument("--generated", type=int, default=bench.GENERATED_ROUNDS, help="rounds")
    parser.add_argument("--sqlite", action="store_true", help="use SQLite, not PostgreSQL")
    parser.add_argument("--no-wrk", action="store_true", help="only count instructions")
    parser.add_argument("--instructions", action="store_true", help="count them (valgrind)")
    parser.add_argument("--requests", type=int, default=20, help="counted requests (20)")
    args = parser.parse_args()
    for tool, needed in (("wrk", not args.no_wrk), ("valgrind", args.instructions)):
        if needed and not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed: `make bench-ab` installs it.")
    stop_on_sigterm()
    rates, counts = {}, {}
    log = OUTPUT / "bench" / "gunicorn-ab.log"
    with checkout(args.base) as base, database(prefer_postgres=not args.sqlite) as (_, url):
        env = production_env(url)
        load_site(env, generated_rounds=args.generated)
        prepare(base, env)
        uncached = {**env, "DJANGO_PAGE_CACHE": "off", "PYTHONHASHSEED": "0"}
        trees = {"before": base, "now": ROOT}
        if not args.no_wrk:
            with (
                gunicorn(uncached, args.workers, log, root=base) as old,
                gunicorn(uncached, args.workers, log) as new,
            ):
                servers = {"before": old, "now": new}
                for number in range(args.rounds):
                    for name, english, french in PAGES:
                        runs = [("before", english), ("now", english)]
                        runs += [("now-fr", french)] if french else []
                        for label, path in runs[:: -1 if number % 2 else 1]:
                            server = servers[label.removesuffix("-fr")]
                            run = bench.load_test(server, path, args)
                            rates.setdefault(name, {}).setdefault(label, []).append(run.rate)
        if args.instructions:
            say(f"Counting instructions: {args.requests} requests a page and commit")
            jobs = [
                (name, label, path)
                for name, english, french in PAGES
                for label, path in [("before", english), ("now", english), ("now-fr", french)]
                if path
            ]
            # One valgrind per core: counts do not depend on what else runs.
            pool = ThreadPoolExecutor(max_workers=os.cpu_count())
            try:
                results = pool.map(
                    lambda job: instructions(
                        trees[job[1].removesuffix("-fr")], uncached, job[2], args.requests
                    ),
                    jobs,
                )
                for (name, label, path), count in zip(jobs, results, strict=True):
                    counts.setdefault(name, {})[label] = count
                    say(f"  {label:7} {path:36} {count / 1e6:7.2f} M")
            finally:
                # On Ctrl-C or SIGTERM, start no more valgrinds: the worktree goes next.
                pool.shutdown(wait=True, cancel_futures=True)
    report(args, rates, counts)


def report(args, rates, counts):
    head = "| page | before | now | now / before | French | French / before |"
    say(f"\nUncached pages, {args.base} (before) against this checkout (now)")
    if rates:
        say(f"\nMedian req/s over {args.rounds} rounds\n\n{head}\n|---|---:|---:|---:|---:|---:|")
        for name, runs in rates.items():
            before, now, french = (median(runs.get(k, [])) for k in ("before", "now", "now-fr"))
            french_cell = f"{french:.0f}" if french else ""
            say(
                f"| {name} | {before:.0f} | {now:.0f} | {percent(now, before)} | "
                f"{french_cell} | {percent(french, before)} |"
            )
    if counts:
        say(f"\nMillions of instructions per request\n\n{head}\n|---|---:|---:|---:|---:|---:|")
        for name, runs in counts.items():
            before, now, french = (runs.get(k) for k in ("before", "now", "now-fr"))
            french_cell = f"{french / 1e6:.2f}" if french else ""
            say(
                f"| {name} | {before / 1e6:.2f} | {now / 1e6:.2f} | {percent(now, before)} | "
                f"{french_cell} | {percent(french, before)} |"
            )
    saved = OUTPUT / "bench" / f"ab-{args.base}.json"
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps({"base": args.base, "rates": rates, "instructions": counts}))
    say(f"\nSaved {saved.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn stopped, the database and the worktree removed.")
