"""`make lighthouse`: Lighthouse's four scores for the main page types, desktop and mobile.

Serves the site as production does (debug off, a fresh secret key, whitenoise, gunicorn)
on SQLite with the real history, over plain HTTP on 127.0.0.1: DJANGO_SECURE_SSL_REDIRECT
is turned off because there is no TLS proxy here. Runs npm's lighthouse (pinned in
package.json) in Debian's Chromium for each page, with the desktop preset and with the
default mobile one, prints the scores beside the targets and the audits that cost points,
and keeps each report as JSON and HTML under benchmark-output/lighthouse/.

    .venv/bin/python scripts/lighthouse.py [--runs 3] [--only home,round]
"""

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass

from localsite import (
    OUTPUT,
    ROOT,
    database,
    gunicorn,
    load_site,
    production_env,
    say,
    stop_on_sigterm,
)

PAGES = {
    "home": "/",
    "history": "/draws/",
    "round": "/draws/392/",
    "stream": "/streams/cec/",
    "guide": "/programs/cec/",
    "about": "/about/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The targets: 100 everywhere on desktop; on mobile (a slow 4G phone, simulated)
# at least 95 for performance and 100 for the rest.
TARGETS = {
    "desktop": dict.fromkeys(CATEGORIES, 100),
    "mobile": {**dict.fromkeys(CATEGORIES, 100), "performance": 95},
}
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox"
# Now and then Chromium's trace of a page load comes back incomplete (NO_NAVSTART, seen
# here with Chromium 156 and lighthouse 12.8.2); running again gives a complete one.
ATTEMPTS = 3
WORKERS = 2  # Lighthouse loads one page at a time; two workers serve its parallel requests.


def run_lighthouse(url, preset, report_base):
    """Lighthouse's JSON result; the JSON and HTML reports are kept beside report_base."""
    command = [
        LIGHTHOUSE,
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        "--output=html",
        f"--output-path={report_base}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME})
        if finished.returncode == 0:
            return json.loads(report_base.with_name(report_base.name + ".report.json").read_text())
        say(f"  lighthouse failed (attempt {attempt} of {ATTEMPTS})")
    raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}.")


def scores_of(result):
    return {name: round((result["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def metrics_of(result):
    """The timings and weights behind the performance score, as Lighthouse shows them."""
    audits = result["audits"]
    return {
        "FCP": audits["first-contentful-paint"]["displayValue"],
        "LCP": audits["largest-contentful-paint"]["displayValue"],
        "TBT": audits["total-blocking-time"]["displayValue"],
        "CLS": audits["cumulative-layout-shift"]["displayValue"],
        "KB": f"{audits['total-byte-weight']['numericValue'] / 1024:.1f}",
        "requests": str(len(audits["network-requests"]["details"]["items"])),
        "server ms": f"{audits['server-response-time']['numericValue']:.0f}",
    }


def lost_points(result):
    """The audits that cost points: (category, audit title, what it found) for each."""
    lost = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                found = [audit.get("displayValue", ""), *culprits(audit)]
                lost.append((name, audit["title"], "; ".join(item for item in found if item)))
    return lost


def culprits(audit, most=3):
    """A few of the URLs or elements an audit names, to know where to look."""
    items = (audit.get("details") or {}).get("items") or []
    named = []
    for item in items[:most]:
        location = item.get("sourceLocation") or {}
        node = item.get("node") or {}
        named.append(item.get("url") or location.get("url") or node.get("snippet") or "")
    return named


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=1, help="runs per page and preset; the median is kept (1)"
    )
    parser.add_argument("--only", default="", help="comma-separated page names, e.g. home,round")
    args = parser.parse_args()
    pages = {name: path for name, path in PAGES.items() if name in args.only.split(",")} or PAGES
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules has no lighthouse: run `npm ci` (make lighthouse does).")
    if not shutil.which(CHROME):
        raise SystemExit(f"No {CHROME}: `make chromium` installs Debian's Chromium.")
    stop_on_sigterm()
    stamp = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
    reports = OUTPUT / "lighthouse" / stamp
    reports.mkdir(parents=True)
    rows = []
    with database(prefer_postgres=False) as (_engine, database_url):
        env = production_env(database_url, DJANGO_SECURE_SSL_REDIRECT="false")
        load_site(env)
        with gunicorn(env, WORKERS, reports / "gunicorn.log") as base:
            for name, path in pages.items():
                for preset in ("desktop", "mobile"):
                    say(f"Lighthouse {preset:7} {path}")
                    results = [
                        run_lighthouse(base + path, preset, reports / f"{name}-{preset}-{run}")
                        for run in range(1, args.runs + 1)
                    ]
                    rows.append(Row(name, path, preset, median_run(results)))
    report(rows, reports)


@dataclass
class Row:
    """One page with one preset: the Lighthouse result that stands for it."""

    name: str
    path: str
    preset: str
    result: dict

    @property
    def scores(self):
        return scores_of(self.result)


def median_run(results):
    """The run with the median performance score (the lower middle for an even count)."""
    performance = statistics.median_low(scores_of(r)["performance"] for r in results)
    return next(r for r in results if scores_of(r)["performance"] == performance)


def report(rows, reports):
    say("")
    say(f"{'page':8} {'path':15} {'preset':8} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    failures = 0
    for row in rows:
        cells = []
        for category in CATEGORIES:
            ok = row.scores[category] >= TARGETS[row.preset][category]
            failures += not ok
            cells.append(f"{row.scores[category]:>3} {'PASS' if ok else 'FAIL'}".rjust(14))
        say(f"{row.name:8} {row.path:15} {row.preset:8} " + " ".join(cells))
    say("Targets: desktop 100 in every category; mobile performance ≥ 95, the others 100.")
    say(f"{len(rows) * len(CATEGORIES) - failures} of {len(rows) * len(CATEGORIES)} pass.")

    say("\nWhat the performance scores rest on (mobile: simulated slow 4G and a slower CPU)")
    names = list(metrics_of(rows[0].result))
    say(f"{'page':8} {'preset':8} " + " ".join(f"{n:>9}" for n in names))
    for row in rows:
        metrics = metrics_of(row.result)
        say(f"{row.name:8} {row.preset:8} " + " ".join(f"{metrics[n]:>9}" for n in names))

    lost = [(row, lost_points(row.result)) for row in rows]
    if any(points for _row, points in lost):
        say("\nWhere points were lost:")
        for row, points in lost:
            for category, title, found in points:
                say(
                    f"  {row.name} {row.preset}: [{category}] {title}"
                    + (f" ({found})" if found else "")
                )
    say(f"\nReports: {reports.relative_to(ROOT)}/")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn stopped and the database removed.")
