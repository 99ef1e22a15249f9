"""Every public URL runs a fixed number of queries, the same at 10 rounds or 10,000.

Each count includes the content version the page cache reads first (eeportal.pagecache.middleware),
read on every request here (fixture version_read_every_request), and every HTML page's
includes the guides its header links to (draws.context_processors) and the time of the last
check of IRCC's feed its footer gives (eeportal.sync.context_processors).
"""

import pytest

from tests.factories import many_rounds

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    # The latest round of each active and of each dormant stream, and the latest round's
    # previous one in its stream: a query each.
    ("/", 8),
    ("/draws/", 6),
    # A stream filter also checks the slugs it was given: one query more.
    ("/draws/?stream=cec&year=2026&sort=crs-high", 7),
    ("/draws/?crs_min=300&page=1", 6),
    # The round, then its three neighbours in one query, its pool bands, its corrections.
    ("/draws/392/", 7),
    ("/draws/91a/", 7),
    # The last 12 months' round dates, for the gaps between rounds.
    ("/streams/", 6),
    # The latest rounds as a table, then every round as light rows for charts and figures,
    # and the rule changes the cut-off chart marks.
    ("/streams/cec/", 8),
    # A guide's sources checked: one query more.
    ("/programs/cec/", 7),
    ("/programs/crs/", 5),
    # The category streams, then every category round's name and date.
    ("/categories/", 5),
    ("/timeline/", 4),
    # Every round (to know which came without a distribution), the bands of all, and the
    # rule changes the chart marks.
    ("/pool/", 6),
    ("/about/", 4),
    # The count of corrections; none in this history, so no page of them to read.
    ("/corrections/", 4),
    ("/check/", 4),
    ("/check/?score=480", 7),
    ("/check/?score=480&stream=cec", 7),
    # Content version, the streams for the boxes, the counts per stream, each stream's
    # latest and latest met round, and the newest distribution's bands.
    ("/check/?score=478&stream=cec&stream=pnp&stream=french", 7),
    ("/crs/calculator/", 3),
    ("/api/", 4),
    # The rounds, their bands and their corrections.
    ("/api/draws/", 5),
    ("/api/draws/?page_size=500", 5),
    # Filtering by stream validates the slugs: one query more.
    ("/api/draws/?stream=cec&stream=pnp", 6),
    ("/api/draws/392/", 4),
    ("/api/streams/", 3),
    ("/draws/export.csv", 2),
    ("/draws/export.json?stream=cec", 3),
    # The rounds, and their corrections to mark updated entries.
    ("/feeds/draws/", 3),
    ("/feeds/draws/atom/", 3),
    ("/feeds/streams/cec/", 4),
    ("/feeds/streams/cec/atom/", 4),
    ("/sitemap.xml", 5),
    ("/card.png", 2),
    ("/draws/392/card.png", 2),
    ("/streams/cec/card.png", 3),
    ("/robots.txt", 1),
    ("/.well-known/security.txt", 1),
    ("/healthz", 1),
    # Round alerts: the streams for the boxes (the form page is never cached).
    ("/alerts/", 4),
    ("/alerts/?stream=cec&score=478", 4),
    ("/alerts/sent/", 3),
    ("/alerts/privacy/", 3),
    # French pages (issue 17) ask for exactly what their English twins do.
    ("/fr/", 8),
    ("/fr/rondes/?stream=cec&year=2026&sort=crs-high", 7),
    ("/fr/rondes/392/", 7),
    ("/fr/volets/", 6),
    ("/fr/volets/cec/", 8),
    ("/fr/programmes/cec/", 7),
    ("/fr/verifier/?score=480", 7),
    ("/fr/scg/calculatrice/", 3),
    ("/fr/api/", 4),
    ("/fr/flux/rondes/", 3),
    ("/fr/rondes/392/card.png", 2),
    ("/fr/volets/cec/card.png", 3),
    ("/fr/alertes/", 4),
    ("/fr/alertes/confidentialite/", 3),
]


@pytest.mark.usefixtures("version_read_every_request")
@pytest.mark.parametrize("extra_rounds", [10, 10_000])
def test_query_counts_are_fixed(client, history, django_assert_num_queries, extra_rounds):
    many_rounds(extra_rounds)
    for url, queries in PUBLIC_URLS:
        with django_assert_num_queries(queries, info=url):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.usefixtures("version_read_every_request")
def test_a_cached_french_page_costs_what_a_cached_english_page_does(
    client, history, django_assert_num_queries
):
    # The language comes from the address before the page cache looks: the content version
    # and nothing else, in either language.
    for url in ("/draws/392/", "/fr/rondes/392/", "/streams/cec/", "/fr/volets/cec/"):
        client.get(url)
        with django_assert_num_queries(1, info=url):
            assert client.get(url).status_code == 200
