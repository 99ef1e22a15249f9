"""The page cache and conditional GET: fast repeats, 304s, and edits that show at once."""

import gzip
import io

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from draws.models import Draw, Guide, Stream
from eeportal.pagecache.models import ContentVersion
from tests.factories import round_form

pytestmark = pytest.mark.django_db

ROUND_389 = {"number": "389", "date": "2026-01-07", "crs_min": "488", "invitations": "8,000"}


def text(response):
    return response.content.decode()


def test_a_repeat_visit_is_served_from_the_cache_without_a_query(
    client, history, django_assert_num_queries
):
    first = client.get("/draws/392/")
    with django_assert_num_queries(0):  # the version was read a moment ago
        again = client.get("/draws/392/")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_the_version_is_read_again_once_the_recheck_window_has_passed(
    client, history, settings, page_cache_clock, django_assert_num_queries
):
    settings.PAGE_CACHE_RECHECK_SECONDS = 0.2
    client.get("/draws/392/")
    page_cache_clock.advance(0.19)
    with django_assert_num_queries(0):  # still inside the window
        assert client.get("/draws/392/").status_code == 200
    page_cache_clock.advance(0.02)
    with django_assert_num_queries(1):  # the content version, nothing else
        assert client.get("/draws/392/").status_code == 200
    settings.PAGE_CACHE_RECHECK_SECONDS = 0
    for _ in range(2):
        with django_assert_num_queries(1):
            client.get("/draws/392/")


def test_a_change_made_by_another_process_shows_within_the_recheck_window(
    client, history, settings, page_cache_clock
):
    # Another app server's edit reaches this process only through the version row; here
    # the row and the round are changed with SQL, as that server's transaction would.
    assert settings.PAGE_CACHE_RECHECK_SECONDS == 1  # the default
    assert ">488<" not in text(client.get("/draws/389/"))
    Draw.objects.filter(pk=history["389"].pk).update(crs_min=488)
    ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID).update(number=F("number") + 1)

    page_cache_clock.advance(0.99)
    assert ">488<" not in text(client.get("/draws/389/"))  # still inside the window
    page_cache_clock.advance(0.02)
    assert ">488<" in text(client.get("/draws/389/"))


@pytest.mark.parametrize(
    "url",
    ["/", "/draws/?stream=cec", "/streams/cec/", "/feeds/draws/", "/api/draws/", "/sitemap.xml"],
)
def test_unchanged_pages_answer_304(client, history, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["Last-Modified"]
    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304


def test_pages_are_gzipped_once_for_clients_that_accept_it(
    client, history, django_assert_num_queries
):
    plain = client.get("/draws/?stream=cec")
    assert "Content-Encoding" not in plain
    with django_assert_num_queries(0):  # both forms were stored when the page was made
        packed = client.get("/draws/?stream=cec", headers={"accept-encoding": "gzip, br"})
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3
    for response in (plain, packed):
        assert "Accept-Encoding" in response["Vary"]
        assert response["Cache-Control"] == "public, no-cache"
    assert packed["ETag"] != plain["ETag"]
    again = client.get(
        "/draws/?stream=cec",
        headers={"accept-encoding": "gzip", "if-none-match": packed["ETag"]},
    )
    assert again.status_code == 304
    assert again["ETag"] == packed["ETag"]
    assert "Accept-Encoding" in again["Vary"]
    # The plain form's ETag does not match the gzipped form, and the other way round.
    crossed = client.get("/draws/?stream=cec", headers={"if-none-match": packed["ETag"]})
    assert crossed.status_code == 200


def test_a_shared_link_with_tracking_parameters_is_the_same_cached_page(
    client, history, django_assert_num_queries
):
    page = client.get("/draws/392/")
    shared = "/draws/392/?fbclid=IwAR0abc&utm_source=facebook&utm_medium=social"
    with django_assert_num_queries(0):
        visit = client.get(shared)
    assert visit.status_code == 200
    assert visit.content == page.content
    assert visit["ETag"] == page["ETag"]


def test_tracking_parameters_are_dropped_before_the_page_is_made(client, history):
    page = text(client.get("/draws/?stream=pnp&gclid=xyz&UTM_Campaign=round"))
    assert "gclid" not in page and "UTM_Campaign" not in page
    assert 'href="/draws/91b/"' in page and 'href="/draws/392/"' not in page  # still filtered
    assert "?stream=pnp&amp;sort=oldest" in page  # the sort links keep the real filter


def test_a_page_is_never_served_with_another_hosts_links(client, history, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    for host in ["localhost", "127.0.0.1", "localhost"]:
        page = text(client.get("/draws/392/", headers={"host": host}))
        assert f'<link rel="canonical" href="http://{host}/draws/392/">' in page


def test_different_pages_have_different_etags(client, history):
    etags = {client.get(url)["ETag"] for url in ["/", "/draws/", "/draws/?page=1", "/about/"]}
    assert len(etags) == 4


def test_an_editors_change_shows_at_once_everywhere(editor_client, client, history):
    for url in ["/draws/389/", "/streams/cec/", "/draws/?stream=cec"]:
        assert "488" not in text(client.get(url))
    old_etag = client.get("/draws/389/")["ETag"]

    change_url = reverse("admin:draws_draw_change", args=[history["389"].pk])
    saved = editor_client.post(change_url, round_form(**ROUND_389))
    assert saved.status_code == 302

    page = client.get("/draws/389/")
    assert "minimum CRS 488" in text(page)
    assert page["ETag"] != old_etag
    assert client.get("/draws/389/", headers={"if-none-match": old_etag}).status_code == 200
    assert ">488<" in text(client.get("/streams/cec/"))
    assert ">488<" in text(client.get("/draws/?stream=cec"))
    assert client.get("/api/draws/389/").json()["crs_min"] == 488


def test_a_deleted_round_disappears_at_once(editor_client, client, history, editor):
    editor.is_superuser = True  # only superusers delete rounds; editors withdraw them
    editor.save()
    assert client.get("/draws/389/").status_code == 200
    count_before = text(client.get("/draws/"))
    delete_url = reverse("admin:draws_draw_delete", args=[history["389"].pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert client.get("/draws/389/").status_code == 404
    assert text(client.get("/draws/")) != count_before
    assert "/draws/389/" not in text(client.get("/sitemap.xml"))


def test_publishing_a_draft_shows_at_once(client, history):
    assert client.get("/draws/393/").status_code == 404
    assert "#393" not in text(client.get("/"))
    draft = history["393"]
    draft.status = Draw.Status.PUBLISHED
    draft.save()
    assert client.get("/draws/393/").status_code == 200
    assert "#393" in text(client.get("/"))


def test_stream_and_guide_edits_show_at_once(client, history):
    assert "Canadian Experience Class" in text(client.get("/streams/"))
    stream = Stream.objects.get(slug="cec")
    stream.name = "Canadian Experience Class (renamed)"
    stream.save()
    assert "Canadian Experience Class (renamed)" in text(client.get("/streams/"))

    guide = Guide.objects.get(slug="fsw")
    client.get(guide.get_absolute_url())
    guide.summary = "A freshly reviewed summary."
    guide.save()
    assert "A freshly reviewed summary." in text(client.get(guide.get_absolute_url()))


def test_importing_rounds_moves_the_version(client, db):
    before = ContentVersion.current()[0]
    call_command("import_rounds", "data/ircc-ee-rounds-123-en.json", stdout=io.StringIO())
    assert ContentVersion.current()[0] > before
    assert client.get("/draws/392/").status_code == 200


def test_error_pages_are_not_cached(client, history):
    assert client.get("/draws/400/").status_code == 404
    Draw.objects.create(
        number=400,
        date=history["392"].date,
        stream=history["392"].stream,
        invitations=10,
        crs_min=500,
    )
    assert client.get("/draws/400/").status_code == 200


def test_the_admin_is_never_cached(editor_client, history):
    response = editor_client.get(reverse("admin:draws_draw_changelist"))
    assert response.status_code == 200
    assert "ETag" not in response
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_cache_can_be_switched_off(client, history, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    client.get("/draws/392/")
    with django_assert_num_queries(6):  # the view's, the menu's, the footer's, every time
        response = client.get("/draws/392/")
    assert "ETag" not in response


def test_head_is_answered_like_get(client, history):
    get = client.get("/draws/392/")
    head = client.head("/draws/392/")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head.content == b""
