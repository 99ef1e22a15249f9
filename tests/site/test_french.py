"""Every public French page, walked: it answers, says it is French, and its main content has
no English left in it.

For the translators of issue 17: NOT_YET_TRANSLATED names the pages whose <main> still holds
English words. It is exact, not a skip: the test fails when a listed page has become clean
(remove it from the list) and when a page not listed has English (translate it). When the
list is empty, the whole site is French. The failure message names each page, its address
and the English words found.

What is checked: the text of <main> and its alt, title, aria-label and placeholder
attributes, leaving out <code>, <pre>, <kbd>, <samp>, <script> and <style> (identifiers and
data), and anything inside an element with lang="en..." (English on purpose, such as a
guide whose French text is not written yet, which base.html announces). The rounds hold IRCC's
English lists of eligible programs, which their French pages give in French: nothing on a
round's page is left in English, even marked as such.
"""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from eeportal.alerts.models import Subscriber

pytestmark = pytest.mark.django_db

# Words that are English and never French: each one found, as a whole word, in a French
# page's main content is English left untranslated. (Not "score", "minimum", "invitations",
# "date", "total", "page", "points", "test", "guide", "export", "correction", "nomination",
# "provincial", "met", "on", "or", "but", "as": those are French words too.)
ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "with",
    "since",
    "latest",
    "round",
    "rounds",
    "stream",
    "streams",
    "draw",
    "draws",
    "which",
    "were",
    "was",
    "their",
    "there",
    "this",
    "that",
    "these",
    "from",
    "about",
    "every",
    "each",
    "for",
    "candidates",
    "invited",
    "between",
    "how",
    "what",
    "when",
    "where",
    "who",
    "would",
    "have",
    "has",
    "been",
    "only",
    "more",
    "than",
    "not",
    "your",
    "you",
    "our",
    "show",
    "shows",
    "see",
    "check",
    "calculator",
    "tie-break",
    "pool",
    "program",
    "programs",
    "category",
    "categories",
    "held",
    "last",
    "next",
    "previous",
    "year",
    "years",
    "month",
    "new",
    "after",
    "before",
    "lower",
    "higher",
    "same",
    "is",
    "are",
    "it",
    "its",
    "to",
    "by",
    "be",
    "at",
    "if",
    "in",
    "into",
    "out",
    "yes",
    "none",
    "any",
    "all",
    "most",
    "least",
    "per",
    "work",
    "experience",
    "language",
    "federal",
    "skilled",
    "worker",
    "trades",
    "nominee",
    "class",
    "canadian",
    "profile",
    "submitted",
    "under",
    "over",
    "above",
    "below",
    "filter",
    "filters",
    "apply",
    "clear",
    "download",
    "open",
    "data",
    "feed",
    "feeds",
    "corrected",
    "updated",
    "reviewed",
    "official",
    "rules",
    "age",
    "education",
    "spouse",
    "partner",
    "married",
    "single",
    "offer",
    "sibling",
    "speaking",
    "listening",
    "reading",
    "writing",
    "results",
    "result",
    "don't",
    "isn't",
    "can't",
    "we",
    "they",
    "he",
    "she",
    "his",
    "her",
}
ENGLISH_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(word) for word in sorted(ENGLISH_WORDS)) + r")(?![\w-])",
    re.IGNORECASE,
)

# The pages (labels below: a route's name, or a tool page with what it was given) whose main
# content still holds English. Translators remove each page as they translate it.
NOT_YET_TRANSLATED = set()

CALCULATOR_PROFILE = (
    "marital_status=married&partner_citizen=no&partner_coming=yes&age=29&education=masters"
    "&canadian_education=none&first_test=ielts-general&first_speaking=7&first_listening=8"
    "&first_reading=7&first_writing=7&second_test=&canadian_work=1&foreign_work=3"
    "&certificate=no&nomination=no&sibling=no&spouse_education=bachelors"
    "&spouse_test=celpip-general&spouse_speaking=7&spouse_listening=7&spouse_reading=7"
    "&spouse_writing=7&spouse_canadian_work=0"
)
# The tool pages with what people give them, errors included: label -> (French address,
# the answer expected: the history and the checker refuse a bad value with a 400 page).
TOOL_PAGES = {
    "draws:list?stream=cec&year=2026": ("/fr/rondes/?stream=cec&year=2026", 200),
    "draws:list?year=1800": ("/fr/rondes/?year=1800", 400),
    "scores:check?score=480&stream=cec": ("/fr/verifier/?score=480&stream=cec", 200),
    "scores:check?score=abc": ("/fr/verifier/?score=abc", 400),
    "scores:crs_calculator?profile": ("/fr/scg/calculatrice/?" + CALCULATOR_PROFILE, 200),
    "scores:crs_calculator?age=200": (
        "/fr/scg/calculatrice/?" + CALCULATOR_PROFILE.replace("age=29", "age=200"),
        400,
    ),
}
ERROR_PAGES = ["400.html", "403.html", "404.html", "413.html", "500.html", "503.html"]
SKIPPED_TAGS = {"code", "pre", "kbd", "samp", "script", "style"}
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


# IRCC's English lists of eligible programs (its feed's drawText2) for the history's rounds.
IRCC_PROGRAMS = {
    "90": "Federal Skilled Worker, Canadian Experience Class, Federal Skilled Trades and "
    "Provincial Nominee Program",
    "91a": "Federal Skilled Trades",
    "91b": "Provincial Nominee Program",
    "389": "Canadian Experience Class",
    "391": "Provincial Nominee Program",
    "392": "Canadian Experience Class",
    "393": "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled "
    "Trades Program",
}


def with_irccs_programs(history):
    for label, programs in IRCC_PROGRAMS.items():
        history[label].eligible_programs = programs
        history[label].save()
    return history


class MainText(HTMLParser):
    """The words a reader meets in <main>, without code or (unless `read_english`) English
    marked as such."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self, read_english=False):
        super().__init__(convert_charrefs=True)
        self.read_english = read_english
        self.stack = []  # (tag, counts) for each open element inside <main>
        self.in_main = False
        self.skipping = 0
        self.words = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
            return
        if not self.in_main or (tag in self.VOID and self.skipping):
            return
        english = (attrs.get("lang") or "").lower().startswith("en")
        skip = tag in SKIPPED_TAGS or (english and not self.read_english)
        if not self.skipping:
            self.words += [attrs[name] for name in READ_ATTRIBUTES if attrs.get(name)]
        if tag not in self.VOID:
            self.stack.append(skip)
            self.skipping += skip

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif self.in_main and tag not in self.VOID and self.stack:
            self.skipping -= self.stack.pop()

    def handle_data(self, data):
        if self.in_main and not self.skipping:
            self.words.append(data)


def english_in(html, read_english=False):
    parser = MainText(read_english)
    parser.feed(html)
    return sorted({match.lower() for match in ENGLISH_RE.findall(" ".join(parser.words))})


def french_pages(client):
    """(label, address, status) of every French page: the sitemap's, then the tools'."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    addresses = [urlsplit(loc.text).path for loc in root.iterfind("s:url/s:loc", ns)]
    with translation.override("fr"):
        pages = [
            (resolve(path).view_name, path, 200) for path in addresses if path.startswith("/fr/")
        ]
    return pages + [(label, *page) for label, page in TOOL_PAGES.items()] + alerts_pages()


def alerts_pages():
    """The round alerts' pages, in no sitemap: the form and its answers, and the pages a
    subscriber's links open (a subscriber's, and links that no longer work)."""
    subscriber = Subscriber.objects.create(email="abonne@example.com", score=480)
    with translation.override("fr"):
        return [
            ("alerts:subscribe", reverse("alerts:subscribe"), 200),
            ("alerts:subscribe?stream=cec&score=478", "/fr/alertes/?stream=cec&score=478", 200),
            ("alerts:sent", reverse("alerts:sent"), 200),
            ("alerts:privacy", reverse("alerts:privacy"), 200),
            ("alerts:confirm", subscriber.get_confirm_url(), 200),
            ("alerts:manage", subscriber.get_manage_url(), 200),
            ("alerts:unsubscribe", subscriber.get_unsubscribe_url(), 200),
            ("alerts:confirm?expired", reverse("alerts:confirm", args=["perime"]), 404),
            ("alerts:manage?unknown", reverse("alerts:manage", args=["inconnu"]), 404),
        ]


def test_every_french_page_is_french_but_the_listed_ones(client, history):
    with_irccs_programs(history)
    pages = french_pages(client)
    assert len(pages) > 20 and all(address.startswith("/fr/") for _, address, _ in pages)
    english = {}
    for label, address, status in pages:
        response = client.get(address)
        assert response.status_code == status, address
        page = response.content.decode()
        assert '<html lang="fr-CA">' in page, address
        assert response["Content-Language"] == "fr", address
        words = english_in(page)
        if words:
            english.setdefault(label, f"{address}: {', '.join(words)}")
    cleaned = NOT_YET_TRANSLATED - set(english)
    assert not cleaned, f"French now: remove from NOT_YET_TRANSLATED: {sorted(cleaned)}"
    new = {label: found for label, found in english.items() if label not in NOT_YET_TRANSLATED}
    assert not new, "English left on French pages:\n" + "\n".join(new.values())


@pytest.mark.parametrize("template", ERROR_PAGES)
def test_the_error_pages_are_french(template):
    request = RequestFactory().get("/fr/nulle-part/")
    with translation.override("fr"):
        page = render_to_string(
            template,
            {"guide_menu": [], "feed_check": None, "max_fields": 1000, "max_size": 2621440},
            request=request,
        )
    assert '<html lang="fr-CA">' in page
    assert english_in(page) == []


def test_round_pages_have_no_english_at_all_not_even_marked(editor_client, history):
    # Their lists of programs are IRCC's English ones: the French pages give them in French,
    # not as English marked lang="en-CA". (Read as an editor, who sees the draft #393 too.)
    with_irccs_programs(history)
    for label in IRCC_PROGRAMS:
        response = editor_client.get(f"/fr/rondes/{label}/")
        assert response.status_code == 200, label
        assert english_in(response.content.decode(), read_english=True) == [], label


def test_a_french_404_is_french(client, history):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert '<html lang="fr-CA">' in response.content.decode()
    assert english_in(response.content.decode()) == []


def test_the_walker_finds_english_where_there_is_some():
    # The check itself: English in <main> is found, code and lang="en" parts are not read.
    assert english_in("<main><p>Le score of the round</p></main>") == ["of", "round", "the"]
    assert english_in('<main><img alt="Latest round"></main>') == ["latest", "round"]
    assert english_in("<main><code>the_round</code><p>Rien</p></main>") == []
    assert english_in('<main><div lang="en-CA"><p>The text</p></div><p>Fin</p></main>') == []
    marked = '<main><dd lang="en-CA">Federal Skilled Worker</dd></main>'
    assert english_in(marked, read_english=True) == ["federal", "skilled", "worker"]
    assert english_in("<header>The site</header><main>Minimum : 6 000 invitations</main>") == []


def test_round_392_in_french(client, history):
    page = client.get("/fr/rondes/392/").content.decode()

    assert "6\u00a0000" in page
    assert "509" in page
    assert "21 janvier 2026" in page
    assert "29 octobre 2025 à 04 h 35 min 24 s UTC" in page


def test_round_392_in_english_is_as_it_was(client, history):
    page = client.get("/draws/392/").content.decode()

    assert "6,000" in page and "6\u00a0000" not in page
    assert "21 January 2026" in page
    assert "29 October 2025, 04:35:24 UTC" in page
