"""What a shared link shows: preview tags, card images, feeds, the sitemap and robots.txt."""

import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from PIL import Image

from draws import sharing
from draws.models import Draw
from draws.views import ABOUT_META
from tests.factories import make_draw, many_rounds

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}
EVERY_FEED = [
    "/feeds/draws/",
    "/feeds/draws/atom/",
    "/feeds/streams/cec/",
    "/feeds/streams/cec/atom/",
]


class HeadParser(HTMLParser):
    """Collects <meta>, <link> and JSON-LD from a page, as a link unfurler reads them."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self.title = {}, [], [], ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.meta[attrs.get("property") or attrs.get("name")] = attrs["content"]
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.json_ld.append(json.loads(data))


def head_of(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def png(response):
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    image.load()
    return image


def card_version(draw):
    draw.refresh_from_db()
    return "?v=" + sharing.card_version(sharing.draw_card_etag(draw))


def card_query(head):
    """The version after `?v=` in a card's address, if it has one."""
    image = head.meta["og:image"]
    return image.split("?v=")[1] if "?v=" in image else ""


class TestPreviewTags:
    def test_round_page_unfurls_with_its_figures(self, client, history):
        head = head_of(client.get("/draws/392/"))
        summary = "CEC round #392 on 21 January 2026: 6,000 invitations, minimum CRS 509"
        assert head.meta["description"] == summary + "."
        assert head.meta["og:description"] == summary + "."
        assert "#392" in head.title and "509" in head.title and "6,000" in head.title
        assert head.meta["og:title"].startswith("Round #392: CEC")
        assert head.meta["og:url"] == "http://testserver/draws/392/"
        assert head.meta["og:image"] == "http://testserver/draws/392/card.png" + card_version(
            history["392"]
        )
        assert head.meta["og:image:width"] == "1200"
        assert head.meta["twitter:card"] == "summary_large_image"
        assert head.meta["twitter:image"] == head.meta["og:image"]
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == ["http://testserver/draws/392/"]

    def test_round_page_is_an_article_about_irccs_decision_not_an_event(self, client, history):
        (data,) = head_of(client.get("/draws/392/")).json_ld
        assert data["@type"] == "Article"
        assert data["headline"] == "Round #392: Canadian Experience Class"
        # IRCC gave no run time here: the round's date, from the start of the day in Ottawa.
        assert data["datePublished"] == "2026-01-21T05:00:00+00:00"
        assert data["dateModified"] == data["datePublished"]
        assert data["publisher"] == {
            "@type": "Organization",
            "name": "Express Entry rounds",
            "url": "http://testserver/",
        }
        assert data["about"]["provider"]["name"] == "Immigration, Refugees and Citizenship Canada"
        assert data["isBasedOn"].startswith("https://www.canada.ca/")
        assert data["url"] == data["mainEntityOfPage"] == "http://testserver/draws/392/"
        assert data["image"] == "http://testserver/draws/392/card.png" + card_version(
            history["392"]
        )
        assert "6,000 invitations" in data["description"]
        assert not {"startDate", "eventStatus", "location"} & data.keys()

    def test_a_round_says_when_it_was_published_and_last_corrected(self, client, history):
        draw = history["392"]
        draw.run_at = dt.datetime(2026, 1, 21, 14, 4, 34, 123456, tzinfo=dt.UTC)
        draw.save()
        head = head_of(client.get("/draws/392/"))
        assert head.meta["og:type"] == "article"
        assert head.meta["article:published_time"] == "2026-01-21T14:04:34+00:00"
        assert head.meta["article:modified_time"] == "2026-01-21T14:04:34+00:00"

        draw.crs_min = 510
        draw.save()
        corrected_at = draw.corrections.get().corrected_at.replace(microsecond=0)
        head = head_of(client.get("/draws/392/"))
        assert head.meta["article:published_time"] == "2026-01-21T14:04:34+00:00"
        assert head.meta["article:modified_time"] == corrected_at.isoformat()
        assert head.json_ld[0]["dateModified"] == corrected_at.isoformat()

    @pytest.mark.parametrize(
        "url", ["/", "/draws/", "/draws/392/", "/streams/", "/streams/cec/", "/check/",
                "/check/?score=478", "/crs/calculator/", "/programs/cec/", "/about/", "/api/",
                "/corrections/"],
    )  # fmt: skip
    def test_every_card_says_its_type_and_what_it_shows(self, client, history, url):
        head = head_of(client.get(url))
        assert head.meta["og:image:type"] == "image/png"
        assert head.meta["twitter:image:alt"] == head.meta["og:image:alt"]
        assert head.meta["og:image:alt"].startswith("Card")

    def test_a_round_cards_text_gives_its_figures(self, client, history):
        head = head_of(client.get("/draws/392/"))
        assert head.meta["twitter:image:alt"] == (
            "Card of round #392, Canadian Experience Class, on 21 January 2026: "
            "minimum CRS 509, 6,000 invitations."
        )

    def test_history_is_a_dataset_with_its_downloads(self, client, history):
        (data,) = head_of(client.get("/draws/")).json_ld
        assert data["@type"] == "Dataset"
        assert data["temporalCoverage"] == "2018-05-23/2026-01-21"
        assert data["creator"]["name"] == "Immigration, Refugees and Citizenship Canada"
        assert [(d["encodingFormat"], d["contentUrl"]) for d in data["distribution"]] == [
            ("text/csv", "http://testserver/draws/export.csv"),
            ("application/json", "http://testserver/draws/export.json"),
        ]
        (filtered,) = head_of(client.get("/draws/?year=2026&stream=cec")).json_ld
        assert filtered["name"] == "Canadian Experience Class rounds in 2026"
        assert filtered["temporalCoverage"] == "2026-01-07/2026-01-21"
        assert filtered["distribution"][0]["contentUrl"] == (
            "http://testserver/draws/export.csv?stream=cec&year=2026"
        )

    @pytest.mark.parametrize(
        ("url", "kind"),
        [
            ("/streams/", "CollectionPage"),
            ("/streams/cec/", "CollectionPage"),
            ("/programs/cec/", "Article"),
            ("/check/", "WebApplication"),
            ("/check/?score=478", "WebApplication"),
            ("/crs/calculator/", "WebApplication"),
        ],
    )
    def test_streams_guides_and_tools_have_structured_data(self, client, history, url, kind):
        (data,) = head_of(client.get(url)).json_ld
        assert data["@type"] == kind
        assert data["@context"] == "https://schema.org"
        assert data["url"].startswith("http://testserver/")

    @pytest.mark.parametrize(
        ("url", "canonical", "noindex"),
        [
            ("/check/?score=478", "/check/?score=478", True),
            (
                "/check/?stream=pnp&score=0478&stream=cec&utm_source=x",
                "/check/?score=478&stream=cec&stream=pnp",
                True,
            ),
            ("/check/", "/check/", False),
            (
                "/draws/?year=2026&stream=pnp&stream=cec&sort=newest",
                "/draws/?stream=cec&stream=pnp&year=2026",
                True,
            ),
            ("/draws/?sort=crs-high&crs_min=0500", "/draws/?crs_min=500&sort=crs-high", True),
            ("/draws/?date_to=2026-01-21&page=1", "/draws/?date_to=2026-01-21", True),
            ("/draws/?page=1", "/draws/", False),
            ("/draws/", "/draws/", False),
        ],
    )
    def test_a_page_that_depends_on_its_parameters_names_itself_with_them(
        self, client, history, url, canonical, noindex
    ):
        head = head_of(client.get(url))
        links = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert links == ["http://testserver" + canonical]
        assert head.meta["og:url"] == "http://testserver" + canonical
        assert (head.meta.get("robots") == "noindex") is noindex

    def test_a_later_page_of_the_history_names_itself_with_its_number(self, client, history):
        many_rounds(60)
        head = head_of(client.get("/draws/?page=2"))
        assert head.meta["og:url"] == "http://testserver/draws/?page=2"
        assert "robots" not in head.meta
        assert head.title.startswith("All Express Entry rounds of invitations (page 2 of 2)")

    def test_configured_site_url_is_used_for_absolute_links(self, client, history, settings):
        settings.SITE_URL = "https://rounds.example"
        head = head_of(client.get("/draws/392/"))
        assert head.meta["og:url"] == "https://rounds.example/draws/392/"
        assert head.meta["og:image"].startswith("https://rounds.example/draws/392/card.png?v=")

    @pytest.mark.parametrize(
        ("url", "card"),
        [
            ("/", "/card.png?v="),
            ("/draws/", "/card.png"),
            ("/streams/", "/card.png"),
            ("/streams/cec/", "/streams/cec/card.png?v="),
            ("/programs/cec/", "/card.png"),
            ("/about/", "/card.png"),
            ("/api/", "/card.png"),
            ("/corrections/", "/card.png"),
            ("/check/", "/card.png"),
            ("/crs/calculator/", "/card.png"),
            ("/programs/crs/", "/card.png"),
        ],
    )
    def test_every_page_has_its_own_title_description_and_card(self, client, history, url, card):
        head = head_of(client.get(url))
        assert head.meta["description"] and head.meta["og:title"] and head.title.strip()
        # The pages about the latest rounds link their card by its version.
        assert head.meta["og:image"].removesuffix(card_query(head)) == "http://testserver" + card
        assert head.meta["og:url"] == "http://testserver" + url

    def test_home_page_describes_the_latest_round_and_the_site(self, client, history):
        head = head_of(client.get("/"))
        assert head.meta["description"].startswith("Latest: CEC round #392 on 21 January 2026")
        assert [data["@type"] for data in head.json_ld] == ["WebSite"]

    def test_json_ld_cannot_close_its_script_element(self, client, history):
        history["392"].stream.name = "</script><script>alert(1)</script>"
        history["392"].stream.save()
        html = client.get("/draws/392/").content.decode()
        assert "</script><script>alert(1)" not in html
        assert "\\u003c/script\\u003e" in html

    def test_round_page_offers_share_links_without_scripts_from_elsewhere(self, client, history):
        html = client.get("/draws/392/").content.decode()
        assert 'href="mailto:?subject=CEC%20round%20%23392' in html
        assert "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver" in html
        assert 'data-copy="http://testserver/draws/392/"' in html
        assert "<script src=" in html and "/static/js/copy-link.js" in html
        assert '<script src="http' not in html


class TestCards:
    def test_round_card_is_a_1200_by_630_png(self, client, history):
        response = client.get("/draws/392/card.png")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert image.format == "PNG"
        assert image.size == (1200, 630)
        assert "public" in response["Cache-Control"]

    def test_card_changes_when_the_round_changes(self, client, history):
        before = client.get("/draws/392/card.png")
        draw = history["392"]
        draw.crs_min = 488
        draw.save()
        after = client.get("/draws/392/card.png")
        assert after["ETag"] != before["ETag"]
        assert after.content != before.content

    def test_unchanged_card_answers_304(self, client, history):
        first = client.get("/draws/392/card.png")
        again = client.get("/draws/392/card.png", headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304
        assert again.content == b""
        since = client.get(
            "/draws/392/card.png", headers={"if-modified-since": first["Last-Modified"]}
        )
        assert since.status_code == 304

    def test_stream_and_site_cards(self, client, history):
        for url in ("/streams/cec/card.png", "/streams/stem/card.png", "/card.png"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert Image.open(io.BytesIO(response.content)).size == (1200, 630)

    def test_lettered_round_has_a_card(self, client, history):
        assert client.get("/draws/91a/card.png").status_code == 200

    @pytest.mark.parametrize("url", ["/draws/393/card.png", "/draws/9999/card.png"])
    def test_drafts_and_unknown_rounds_have_no_card(self, client, history, url):
        assert client.get(url).status_code == 404

    def test_unknown_stream_has_no_card(self, client, history):
        assert client.get("/streams/nope/card.png").status_code == 404

    def test_card_is_not_posted_to(self, client, history):
        assert client.post("/draws/392/card.png").status_code == 405


class TestFeeds:
    @pytest.mark.parametrize("url", ["/feeds/draws/", "/feeds/draws/atom/"])
    def test_feed_lists_the_newest_published_rounds(self, client, history, url):
        response = client.get(url)
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version in ("rss20", "atom10")
        titles = [entry.title for entry in feed.entries]
        assert titles[0] == "CEC round #392 on 21 January 2026: 6,000 invitations, minimum CRS 509"
        assert not any("#393" in title for title in titles)  # the draft
        assert len(titles) == Draw.objects.published().count()
        first = feed.entries[0]
        assert first.link == "http://testserver/draws/392/"
        assert first.published_parsed[:3] == (2026, 1, 21)

    def test_stream_feed_lists_only_that_stream(self, client, history):
        feed = feedparser.parse(client.get("/feeds/streams/cec/").content)
        assert not feed.bozo
        assert [entry.link for entry in feed.entries] == [
            "http://testserver/draws/392/",
            "http://testserver/draws/389/",
        ]
        assert "Tie-break: profiles submitted before 29 October 2025 at 04:35:24 UTC" in (
            feed.entries[0].description
        )
        atom = feedparser.parse(client.get("/feeds/streams/cec/atom/").content)
        assert not atom.bozo and atom.version == "atom10"
        assert len(atom.entries) == 2

    @pytest.mark.parametrize("url", EVERY_FEED)
    def test_every_entry_id_is_the_rounds_absolute_permalink(self, client, history, url):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.entries
        for entry in feed.entries:
            # RSS's <guid> and Atom's <id>, as feedparser reads either.
            assert entry.id == entry.link
            assert entry.id.startswith("http://testserver/draws/")

    @pytest.mark.parametrize("url", EVERY_FEED)
    def test_feed_ids_and_links_use_the_configured_site_url(self, client, history, settings, url):
        settings.SITE_URL = "https://rounds.example"
        feed = feedparser.parse(client.get(url).content)
        assert feed.feed.link.startswith("https://rounds.example/")
        assert feed.entries[0].id == "https://rounds.example/draws/392/"
        assert feed.entries[0].link == "https://rounds.example/draws/392/"

    @pytest.mark.parametrize("url", ["/feeds/draws/atom/", "/feeds/streams/cec/atom/"])
    def test_atom_feeds_name_the_site_as_their_author(self, client, history, url):
        response = client.get(url)
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        assert feed.feed.author_detail.name == "Express Entry rounds"
        assert feed.feed.id.startswith("http://testserver/")
        # The feed's own <author>, which RFC 4287 lets stand for every entry's.
        root = ET.fromstring(response.content)
        assert root.findtext("atom:author/atom:name", namespaces=ATOM_NS) == (
            "Express Entry rounds"
        )

    def test_unknown_stream_feed_is_404(self, client, history):
        assert client.get("/feeds/streams/nope/").status_code == 404

    def test_feeds_are_discoverable_from_page_heads(self, client, history):
        links = head_of(client.get("/streams/cec/")).links
        # Feeds are the alternates with a type; the others are the page in each language.
        feeds = {
            link["href"] for link in links if link.get("rel") == "alternate" and "type" in link
        }
        assert feeds == {
            "/feeds/draws/",
            "/feeds/draws/atom/",
            "/feeds/streams/cec/",
            "/feeds/streams/cec/atom/",
        }


class TestSearchEngines:
    def sitemap_urls(self, client):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        return {
            url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext(
                "sm:lastmod", namespaces=SITEMAP_NS
            )
            for url in root.findall("sm:url", SITEMAP_NS)
        }

    def test_sitemap_lists_every_published_round_and_no_draft(self, client, history):
        urls = self.sitemap_urls(client)
        rounds = {url for url in urls if "/draws/" in url and url != "http://testserver/draws/"}
        expected = {f"http://testserver/draws/{draw.label}/" for draw in Draw.objects.published()}
        assert rounds == expected
        assert "http://testserver/draws/393/" not in urls

    def test_sitemap_dates_a_round_by_its_content_not_by_when_it_was_loaded(self, client, history):
        urls = self.sitemap_urls(client)
        # Loaded today, but its content is IRCC's round of 21 January 2026.
        assert urls["http://testserver/draws/392/"] == "2026-01-21"
        assert urls["http://testserver/draws/"] == "2026-01-21"
        assert urls["http://testserver/streams/cec/"] == "2026-01-21"
        assert urls["http://testserver/streams/pnp/"] == "2026-01-20"

        draw = history["389"]
        draw.notes = "A note is not a change of the round's figures."
        draw.save()
        assert self.sitemap_urls(client)["http://testserver/draws/389/"] == "2026-01-07"

        draw.invitations = 8001
        draw.save()
        corrected_on = timezone.localdate(draw.corrections.get().corrected_at).isoformat()
        urls = self.sitemap_urls(client)
        assert urls["http://testserver/draws/389/"] == corrected_on
        assert urls["http://testserver/streams/cec/"] == corrected_on
        assert urls["http://testserver/draws/"] == corrected_on

    def test_sitemap_lists_every_round_of_a_long_history_in_one_file(self, client, history):
        many_rounds(6000)  # past the 5,000 a page once held, with no index to find page 2
        urls = self.sitemap_urls(client)
        assert "http://testserver/draws/1000/" in urls
        assert "http://testserver/draws/6999/" in urls
        assert len([url for url in urls if "/draws/" in url]) == 6 + 6000 + 1

    def test_sitemap_lists_pages_streams_and_guides(self, client, history):
        urls = self.sitemap_urls(client)
        for path in [
            "/",
            "/draws/",
            "/streams/",
            "/streams/cec/",
            "/streams/stem/",
            "/check/",
            "/crs/calculator/",
            "/api/",
            "/categories/",
            "/timeline/",
            "/streams/researchers/",
        ]:
            assert "http://testserver" + path in urls
        for slug in ("cec", "fsw", "fst", "crs"):
            assert f"http://testserver/programs/{slug}/" in urls
        assert urls["http://testserver/"] is not None

    def test_robots_txt_points_at_the_sitemap(self, client, history):
        response = client.get("/robots.txt")
        assert response["Content-Type"] == "text/plain"
        assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()

    def test_draft_round_appears_once_published(self, client, history):
        draft = history["393"]
        draft.status = Draw.Status.PUBLISHED
        draft.save()
        assert "http://testserver/draws/393/" in self.sitemap_urls(client)


def test_feed_item_date_is_the_rounds_date_even_with_a_run_time(client, db):
    make_draw(
        400,
        dt.date(2026, 3, 4),
        "fsw",
        run_at=dt.datetime(2026, 3, 4, 14, 5, tzinfo=dt.UTC),
    )
    entry = feedparser.parse(client.get(reverse("draws:feed")).content).entries[0]
    assert entry.published_parsed[:5] == (2026, 3, 4, 14, 5)


def test_a_pages_meta_written_at_import_is_made_once_in_the_requests_language(db):
    with translation.override("fr"):
        meta = ABOUT_META.resolved()

    assert meta.title == "À propos du site et de ses données"
    assert meta.path == "/fr/a-propos/"
    assert not any(isinstance(value, Promise) for value in vars(meta).values())
    # The constant itself stays lazy, for the next request's language.
    assert isinstance(ABOUT_META.title, Promise)
    with translation.override("en"):
        assert ABOUT_META.resolved().title == "About this site and its data"
