"""`make bench`: how fast gunicorn serves the main pages, beside the same bytes as a static file.

The set-up is production's: debug off, a fresh secret key, ALLOWED_HOSTS=127.0.0.1,
PostgreSQL (a database made for this run and dropped after it; SQLite when PostgreSQL is
not there), the real history plus 10,000 made-up older rounds, collected static files
served by whitenoise. Each page's HTML is also written into the static root, so whitenoise
serves the same bytes from the same gunicorn: that static rate is the practical limit.

wrk drives each URL with 32 connections, as a proxy that terminates TLS would send them
(X-Forwarded-Proto: https, Host: 127.0.0.1, Accept-Encoding: gzip). Pages are measured
twice: "uncached" with DJANGO_PAGE_CACHE=off, beside the page's plain bytes as a static
file, and "cached" with the site's default, beside the gzipped bytes the cache sends
(whitenoise serves the .gz twin, as it does any compressed static file); "cached redis" is
the same with REDIS_URL set, the shape of a fleet of app servers, on a redis-server of the
run's own configured as README says, beside the gzipped static bytes measured again on that
server ("redis static"). The
results are printed with the targets as PASS/FAIL and saved as JSON under
benchmark-output/bench/. BENCHMARKS.md has the latest figures.

    .venv/bin/python scripts/bench.py [--sqlite] [--duration 10] [--workers 5] [--no-profile]
"""

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from localsite import (
    HOST,
    OUTPUT,
    PYTHON,
    ROOT,
    STATIC_ROOT,
    database,
    gunicorn,
    load_site,
    production_env,
    redis_server,
    say,
    stop_on_sigterm,
)

PAGES = {
    "home": "/",
    "history": "/draws/",
    "round": "/draws/392/",
    "stream": "/streams/cec/",
    "filtered": "/draws/?stream=cec&year=2025",
    # For scale: the lightest page with a template and a query, and a view with neither.
    "about": "/about/",
    "robots": "/robots.txt",
    # The French twins (issue 17): cached at the same rate, made within 10 % of the English.
    "home-fr": "/fr/",
    "round-fr": "/fr/rondes/392/",
    "filtered-fr": "/fr/rondes/?stream=cec&year=2025",
}
GENERATED_ROUNDS = 10_000
CONNECTIONS = 32
# wrk's own threads: one per core. wrk shares the 2 cores with gunicorn and PostgreSQL,
# as any load generator on the same box must: the static rate shows what that leaves.
WRK_THREADS = 2
# Gunicorn's documented rule, 2 x cores + 1 sync workers: 5 on this 2-core box. Sync
# workers, because pages are CPU-bound Python and the site has no long-polling; the extra
# workers keep the cores busy while others wait on PostgreSQL (the home page waits about
# 200 ms on one query with the made-up history). 2, 3 and 5 workers were tried here
# (2026-11-25): their rates differed less than the noise of other jobs on the machine,
# so the documented rule stays. Override with --workers to compare.
WORKERS = 5
TIMEOUT_S = 20
# What wrk_summary.lua reports that counts as an error; status_errors are answers >= 400.
ERRORS = ("connect_errors", "read_errors", "write_errors", "timeouts", "status_errors")
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}

# Targets from the issues.
CACHED_SHARE_OF_STATIC = 0.90
UNCACHED_SHARE_OF_STATIC = 0.25
P99_MS = 50
HTML_GZIPPED_MAX = 14 * 1024  # about what TCP's first round trip carries (10 segments)
HTML_AND_CSS_MAX = 50 * 1024
FIRST_RENDER_REQUESTS_MAX = 3
TWIN_FOLDER = "bench"  # staticfiles/bench/<page>.html, served at /static/bench/<page>.html
# (variant, the static variant it is compared with), in the order of the report.
VARIANTS = [
    ("static", None),
    ("uncached", "static"),
    ("static gzip", None),
    ("cached", "static gzip"),
    # Measured again on the server with REDIS_URL, just before its pages: this machine's
    # rates drift by a fifth within minutes, so each comparison is made side by side.
    ("redis static", None),
    ("cached redis", "redis static"),
]


@dataclass
class Shape:
    """What a page costs a browser: bytes and the requests needed before the first paint."""

    status: int
    html_bytes: int
    html_gzipped_bytes: int
    served_gzipped: bool
    css_bytes: int
    stylesheets: list
    blocking_scripts: list

    @property
    def first_render_requests(self):
        return 1 + len(self.stylesheets) + len(self.blocking_scripts)


@dataclass
class Run:
    """One wrk run."""

    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rate(self):
        return self.requests / self.seconds


class RenderBlocking(HTMLParser):
    """Stylesheets and synchronous scripts in <head>: a browser fetches them before painting."""

    def __init__(self):
        super().__init__()
        self.in_head = True
        self.stylesheets, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_head = False
        elif not self.in_head:
            return
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            if attrs.get("media", "all") in ("all", "screen"):
                self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            asynchronous = "async" in attrs or "defer" in attrs or attrs.get("type") == "module"
            if not asynchronous:
                self.scripts.append(attrs["src"])


def fetch(url):
    """(status, body as sent, Content-Encoding) with the headers wrk sends."""
    request = urllib.request.Request(url, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read(), response.headers.get("Content-Encoding", "")


def decoded(body, encoding):
    return gzip.decompress(body) if encoding == "gzip" else body


def measure_shape(base, path):
    """The page's Shape and its HTML exactly as gunicorn sent it (to serve as a static twin)."""
    status, body, encoding = fetch(base + path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}, not 200: nothing to measure.")
    html = decoded(body, encoding)
    parser = RenderBlocking()
    parser.feed(html.decode())
    css_bytes = 0
    for href in parser.stylesheets:
        _, css, css_encoding = fetch(urljoin(base + path, href))
        css_bytes += len(decoded(css, css_encoding))
    shape = Shape(
        status=status,
        html_bytes=len(html),
        # As sent when the site gzips; otherwise as GZipMiddleware would (level 6).
        html_gzipped_bytes=len(body) if encoding == "gzip" else len(gzip.compress(html, 6)),
        served_gzipped=encoding == "gzip",
        css_bytes=css_bytes,
        stylesheets=parser.stylesheets,
        blocking_scripts=parser.scripts,
    )
    return shape, html, body if encoding == "gzip" else None


def write_twin(name, html, gzipped):
    """The page's bytes as a static file; with a .gz beside it when the page was gzipped,
    which whitenoise then serves to clients that accept gzip, as the page was."""
    folder = STATIC_ROOT / TWIN_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_bytes(html)
    if gzipped:
        (folder / f"{name}.html.gz").write_bytes(gzipped)
    return f"/static/{TWIN_FOLDER}/{name}.html"


def wrk(url, seconds):
    command = ["wrk", f"--threads={WRK_THREADS}", f"--connections={CONNECTIONS}"]
    # A generous timeout, so a slow page shows as slow rather than as errors; wrk counts
    # requests still unanswered when a run ends neither as done nor as errors.
    command += [f"--duration={seconds}s", f"--timeout={TIMEOUT_S}s"]
    command += ["--script", str(ROOT / "scripts" / "wrk_summary.lua")]
    for name, value in HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    summary = json.loads(output.strip().splitlines()[-1])
    return Run(
        requests=summary["requests"],
        seconds=summary["duration_us"] / 1e6,
        errors=sum(summary[kind] for kind in ERRORS),
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
    )


def settle(base):
    """Wait until gunicorn has answered the requests wrk left queued when it stopped, so
    they do not slow the next URL down: a quick answer means the queue is empty."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        start = time.monotonic()
        fetch(base + "/robots.txt")
        if time.monotonic() - start < 0.05:
            time.sleep(0.5)  # the other workers finish their last request
            return
    raise SystemExit("gunicorn is still busy two minutes after wrk stopped.")


def load_test(base, path, args):
    wrk(base + path, args.warm_up)
    settle(base)
    run = wrk(base + path, args.duration)
    settle(base)
    say(f"  {path:34} {run.rate:8.0f} req/s  p99 {run.p99_ms:6.1f} ms  errors {run.errors}")
    return run


def profile_pages(env, output):
    subprocess.run(
        [PYTHON, ROOT / "scripts" / "profile_pages.py", output, *PAGES.values()],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


# --- the report --------------------------------------------------------------------------


def verdict(ok):
    return "PASS" if ok else "FAIL"


def kb(n):
    return f"{n / 1024:.1f} KB"


def throughput_rows(results):
    """Lines of the throughput table and the list of (target, ok)."""
    lines = [
        f"{'page':10} {'variant':12} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'of static':>9}  targets"
    ]
    checks = []
    for name, path in PAGES.items():
        runs = results[name]
        # Each variant against the static file of the same bytes: plain for uncached
        # pages, gzipped for cached ones, as the site sends them.
        for variant, static_variant in VARIANTS:
            run = runs[variant]
            notes = []
            share = ""
            if static_variant:
                static = runs[static_variant]
                ratio = run.rate / static.rate if static.rate else 0
                cached = variant.startswith("cached")
                need = CACHED_SHARE_OF_STATIC if cached else UNCACHED_SHARE_OF_STATIC
                share = f"{ratio:.0%}"
                for label, ok in (
                    (f"≥{need:.0%} of static", ratio >= need),
                    (f"p99<{P99_MS}ms", run.p99_ms < P99_MS),
                    ("0 errors", run.errors == 0),
                ):
                    notes.append(f"{label} {verdict(ok)}")
                    checks.append((f"{path} {variant}: {label}", ok))
            lines.append(
                f"{name:10} {variant:12} {run.rate:7.0f} {run.p50_ms:7.1f} {run.p99_ms:7.1f} "
                f"{run.errors:6} {share:>9}  {', '.join(notes)}"
            )
    return lines, checks


def shape_rows(shapes):
    lines = [
        f"{'page':10} {'HTML':>9} {'gzipped':>9} {'HTML+CSS':>9} {'first-render requests':>22}  "
        "targets"
    ]
    checks = []
    for name, shape in shapes.items():
        path = PAGES[name]
        results = (
            (f"gzipped ≤{kb(HTML_GZIPPED_MAX)}", shape.html_gzipped_bytes <= HTML_GZIPPED_MAX),
            (
                f"HTML+CSS ≤{kb(HTML_AND_CSS_MAX)}",
                shape.html_bytes + shape.css_bytes <= HTML_AND_CSS_MAX,
            ),
            (
                f"requests ≤{FIRST_RENDER_REQUESTS_MAX}",
                shape.first_render_requests <= FIRST_RENDER_REQUESTS_MAX,
            ),
        )
        checks += [(f"{path}: {label}", ok) for label, ok in results]
        gz_note = "" if shape.served_gzipped else "*"
        lines.append(
            f"{name:10} {kb(shape.html_bytes):>9} {kb(shape.html_gzipped_bytes) + gz_note:>9} "
            f"{kb(shape.html_bytes + shape.css_bytes):>9} {shape.first_render_requests:>22}  "
            + ", ".join(f"{label} {verdict(ok)}" for label, ok in results)
        )
    if not all(shape.served_gzipped for shape in shapes.values()):
        lines.append("* not gzipped by the site: the size gzip -6 would give (GZipMiddleware's)")
    return lines, checks


def profile_rows(profiles):
    lines = [
        f"{'page':10} {'wall ms':>8} {'CPU ms':>7} {'queries':>8} {'SQL ms':>7} {'profiled':>9} "
        f"{'templates':>9} {'db driver':>9} {'from_db':>8}"
    ]
    for name, path in PAGES.items():
        p = profiles[path]
        lines.append(
            f"{name:10} {p['wall_ms']:8.1f} {p['cpu_ms']:7.1f} {p['queries']:8} {p['sql_ms']:7.1f} "
            f"{p['profiled_ms']:9.1f} {p['template_ms']:9.1f} {p['driver_ms']:9.1f} "
            f"{p['from_db_ms']:8.1f}"
        )
    lines.append(
        "wall and CPU (this Python process only, not the database's): mean of 20 requests "
        "through Django's test client, no profiler. SQL: time executing queries (SQLite "
        "finds rows as they are fetched: see db driver). The rest is cProfile's, which "
        "slows Python about 2x: templates include queries a template runs lazily; db driver "
        "is execute + fetch; from_db builds model instances."
    )
    for name, path in PAGES.items():
        lines.append(f"\n{name} {path}: most own time per request (cProfile)")
        for row in profiles[path]["top"][:8]:
            lines.append(
                f"  {row['own_ms']:6.2f} ms own {row['cumulative_ms']:7.2f} ms cum "
                f"{row['calls']:8.0f} calls  {row['function']}"
            )
    return lines


def report(setting, shapes, results, profiles):
    throughput, throughput_checks = throughput_rows(results)
    shape_lines, shape_checks = shape_rows(shapes)
    checks = throughput_checks + shape_checks
    failed = [label for label, ok in checks if not ok]
    say("")
    say(f"== Throughput ({setting})")
    say("\n".join(throughput))
    say("\n== Page weight (first render: HTML + stylesheets + synchronous <head> scripts)")
    say("\n".join(shape_lines))
    if profiles:
        say("\n== Where an uncached request spends its time (one process, DJANGO_PAGE_CACHE=off)")
        say("\n".join(profile_rows(profiles)))
    say(f"\n== {len(checks) - len(failed)} of {len(checks)} targets pass")
    for label in failed:
        say(f"FAIL {label}")


def choose_pages(args):
    """Narrow PAGES and VARIANTS to what was asked for (an older commit may lack a page)."""
    if args.pages:
        names = args.pages.split(",")
        unknown = [name for name in names if name not in PAGES]
        if unknown:
            raise SystemExit(f"No such page: {', '.join(unknown)} (choose from {', '.join(PAGES)})")
        for name in list(PAGES):
            if name not in names:
                del PAGES[name]
    if args.no_redis:
        VARIANTS[:] = [(v, s) for v, s in VARIANTS if "redis" not in v]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", action="store_true", help="use SQLite, not PostgreSQL")
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL (10)")
    parser.add_argument("--warm-up", type=int, default=3, help="seconds before each (3)")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"gunicorn ({WORKERS})")
    parser.add_argument("--rounds", type=int, default=GENERATED_ROUNDS, help="made-up rounds")
    parser.add_argument("--no-profile", action="store_true", help="skip the profile")
    parser.add_argument(
        "--pages",
        help=f"comma-separated page names, to compare two commits quickly ({','.join(PAGES)})",
    )
    parser.add_argument("--no-redis", action="store_true", help="skip the REDIS_URL runs")
    args = parser.parse_args()
    choose_pages(args)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: `make bench` installs it (apt-get install wrk).")
    stop_on_sigterm()
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        say(f"Warning: load average {load_before:.1f}: other work will lower and scatter the rates")
    started = dt.datetime.now(dt.UTC)
    stamp = f"{started:%Y%m%dT%H%M%S}"
    log = OUTPUT / "bench" / f"gunicorn-{stamp}.log"
    results = {name: {} for name in PAGES}
    with database(prefer_postgres=not args.sqlite) as (engine, database_url):
        env = production_env(database_url)
        load_site(env, generated_rounds=args.rounds)
        uncached_env = {**env, "DJANGO_PAGE_CACHE": "off"}
        try:
            # Whitenoise lists the static files when gunicorn starts: the twins are
            # written first, by fetching each page from a server of each kind.
            say("Measuring each page and writing its bytes into the static root")
            twins, shapes = {}, {}
            with gunicorn(uncached_env, args.workers, log) as base:
                for name, path in PAGES.items():
                    _, html, _ = measure_shape(base, path)
                    twins[name, "static"] = write_twin(name, html, None)
            with gunicorn(env, args.workers, log) as base:
                for name, path in PAGES.items():
                    shapes[name], html, gzipped = measure_shape(base, path)
                    twins[name, "static gzip"] = write_twin(f"{name}-gzip", html, gzipped)
            profiles = {}
            if not args.no_profile:
                say("Profiling one uncached request of each page")
                profiles = profile_pages(uncached_env, log.with_name(f"profile-{stamp}.json"))
            say(f"Uncached pages (DJANGO_PAGE_CACHE=off), {args.workers} workers, each beside")
            say("its bytes as a static file (plain: the site compresses only what it caches)")
            with gunicorn(uncached_env, args.workers, log) as base:
                for name, path in PAGES.items():
                    results[name]["static"] = load_test(base, twins[name, "static"], args)
                    results[name]["uncached"] = load_test(base, path, args)
            say("Cached pages (the site's default), each beside its gzipped bytes as a static file")
            with gunicorn(env, args.workers, log) as base:
                for name, path in PAGES.items():
                    results[name]["static gzip"] = load_test(base, twins[name, "static gzip"], args)
                    results[name]["cached"] = load_test(base, path, args)
            if not args.no_redis:
                say("Cached pages with REDIS_URL set, beside the same static files")
                with (
                    redis_server() as redis_url,
                    gunicorn({**env, "REDIS_URL": redis_url}, args.workers, log) as base,
                ):
                    for name, path in PAGES.items():
                        results[name]["redis static"] = load_test(
                            base, twins[name, "static gzip"], args
                        )
                        results[name]["cached redis"] = load_test(base, path, args)
        finally:
            shutil.rmtree(STATIC_ROOT / TWIN_FOLDER, ignore_errors=True)
    setting = (
        f"{engine}, {args.rounds:,} made-up rounds + the real history, gunicorn "
        f"{args.workers} sync workers, wrk {CONNECTIONS} connections, {args.duration} s per URL "
        f"after {args.warm_up} s warm-up; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    report(setting, shapes, results, profiles)
    saved = OUTPUT / "bench" / f"bench-{stamp}.json"
    saved.write_text(
        json.dumps(
            {
                "started": started.isoformat(),
                "setting": setting,
                "shapes": {name: asdict(shape) for name, shape in shapes.items()},
                "runs": {
                    name: {
                        variant: asdict(run) | {"rate": run.rate} for variant, run in runs.items()
                    }
                    for name, runs in results.items()
                },
                "profiles": profiles,
            },
            indent=2,
        )
    )
    say(f"\nSaved {saved.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn stopped and the database removed.")
