"""English stays where it was; French lives under /fr/ with French words; each page links to
its twin, query string kept; the sitemap lists both languages."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

# Every public page's English address (unchanged by issue 17) and its French twin. README.md
# lists the same table: keep them stable, they are permalinks.
TWINS = [
    ("draws:home", [], "/", "/fr/"),
    ("draws:site_card", [], "/card.png", "/fr/card.png"),
    ("draws:list", [], "/draws/", "/fr/rondes/"),
    ("draws:export_csv", [], "/draws/export.csv", "/fr/rondes/export.csv"),
    ("draws:export_json", [], "/draws/export.json", "/fr/rondes/export.json"),
    ("draws:detail", ["392"], "/draws/392/", "/fr/rondes/392/"),
    ("draws:card", ["392"], "/draws/392/card.png", "/fr/rondes/392/card.png"),
    ("draws:stream_list", [], "/streams/", "/fr/volets/"),
    ("draws:stream_detail", ["cec"], "/streams/cec/", "/fr/volets/cec/"),
    ("draws:stream_card", ["cec"], "/streams/cec/card.png", "/fr/volets/cec/card.png"),
    ("draws:guide_detail", ["cec"], "/programs/cec/", "/fr/programmes/cec/"),
    ("draws:about", [], "/about/", "/fr/a-propos/"),
    ("draws:corrections", [], "/corrections/", "/fr/corrections/"),
    ("draws:feed", [], "/feeds/draws/", "/fr/flux/rondes/"),
    ("draws:feed_atom", [], "/feeds/draws/atom/", "/fr/flux/rondes/atom/"),
    ("draws:stream_feed", ["cec"], "/feeds/streams/cec/", "/fr/flux/volets/cec/"),
    ("draws:stream_feed_atom", ["cec"], "/feeds/streams/cec/atom/", "/fr/flux/volets/cec/atom/"),
    ("draws:api", [], "/api/", "/fr/api/"),
    ("draws:api_draw_list", [], "/api/draws/", "/fr/api/rondes/"),
    ("draws:api_draw_detail", ["392"], "/api/draws/392/", "/fr/api/rondes/392/"),
    ("draws:api_stream_list", [], "/api/streams/", "/fr/api/volets/"),
    ("scores:check", [], "/check/", "/fr/verifier/"),
    ("scores:crs_calculator", [], "/crs/calculator/", "/fr/scg/calculatrice/"),
]


@pytest.mark.parametrize(("name", "args", "english", "french"), TWINS)
def test_each_page_keeps_its_english_address_and_has_a_french_one(name, args, english, french):
    assert reverse(name, args=args) == english
    with translation.override("fr"):
        assert reverse(name, args=args) == french


def test_site_files_have_one_address_in_no_language(client, history):
    for url in ("/sitemap.xml", "/robots.txt", "/favicon.ico", "/.well-known/security.txt"):
        assert client.get(url).status_code == 200, url
        assert client.get("/fr" + url).status_code == 404, url
    with translation.override("fr"):
        assert reverse("site:sitemap") == "/sitemap.xml"


def test_a_french_browser_gets_english_at_a_shared_english_link(client, history):
    response = client.get("/draws/392/", headers={"accept-language": "fr-CA,fr;q=0.9"})

    assert response.status_code == 200
    assert '<html lang="en-CA">' in response.content.decode()
    assert response["Content-Language"] == "en"
    # Nothing in the page depends on the header, so caches need not keep a copy per language.
    assert "accept-language" not in response.get("Vary", "").lower()
    response = client.get("/", headers={"accept-language": "fr"}, follow=False)
    assert response.status_code == 200 and response["Content-Language"] == "en"


def test_the_french_page_is_french_and_names_its_english_twin(client, history):
    page = client.get("/fr/rondes/392/").content.decode()

    assert '<html lang="fr-CA">' in page
    assert '<link rel="canonical" href="http://testserver/fr/rondes/392/">' in page
    assert '<link rel="alternate" hreflang="en-CA" href="http://testserver/draws/392/">' in page
    assert '<link rel="alternate" hreflang="fr-CA" href="http://testserver/fr/rondes/392/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/draws/392/">' in page
    assert '<meta property="og:locale" content="fr_CA">' in page
    assert '<meta property="og:locale:alternate" content="en_CA">' in page
    assert 'href="/draws/392/" hreflang="en-CA" lang="en-CA">English</a>' in page


def test_the_english_page_links_to_its_french_twin_in_the_head_and_the_header(client, history):
    page = client.get("/draws/392/").content.decode()

    assert '<link rel="alternate" hreflang="fr-CA" href="http://testserver/fr/rondes/392/">' in page
    assert '<meta property="og:locale" content="en_CA">' in page
    assert 'href="/fr/rondes/392/" hreflang="fr-CA" lang="fr-CA">Français</a>' in page


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("/draws/?stream=cec&year=2025", "/fr/rondes/?stream=cec&year=2025"),
        (
            "/check/?score=478&stream=cec&stream=pnp",
            "/fr/verifier/?score=478&stream=cec&stream=pnp",
        ),
    ],
)
def test_the_language_link_keeps_the_filters_and_the_score(client, history, english, french):
    def language_link(url):
        page = client.get(url).content.decode()
        return re.search(r'<a class="language-switch" href="([^"]+)"', page)[1].replace(
            "&amp;", "&"
        )

    assert language_link(english) == french
    assert language_link(french) == english


def test_a_french_404_is_french_and_offers_the_french_home(client, history):
    response = client.get("/fr/nulle-part/")

    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="fr-CA">' in page and "Page introuvable" in page
    assert 'href="/" hreflang="en-CA" lang="en-CA">English</a>' in page
    assert client.get("/draws/nowhere/").content.decode().count("We couldn") == 1


def test_the_sitemap_lists_each_page_in_both_languages_with_hreflang(client, history):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}

    assert {"http://testserver/draws/392/", "http://testserver/fr/rondes/392/"} <= set(urls)
    assert "http://testserver/fr/programmes/cec/" in urls
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver/fr/rondes/392/"].findall("x:link", ns)
    }
    assert alternates == {
        "en-CA": "http://testserver/draws/392/",
        "fr-CA": "http://testserver/fr/rondes/392/",
        "x-default": "http://testserver/draws/392/",
    }


def test_french_open_data_errors_are_json_as_the_english_are(client, history):
    for url in (
        "/fr/api/rondes/99999/",
        "/fr/api/rondes/?page=abc",
        "/fr/rondes/export.csv?year=x",
    ):
        response = client.get(url)
        assert 400 <= response.status_code < 500, url
        assert response["Content-Type"] == "application/json", url
    documentation = client.get("/fr/api/")
    assert documentation.status_code == 200 and documentation["Content-Type"].startswith(
        "text/html"
    )
