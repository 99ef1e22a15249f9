"""Hostile and malformed input on every public URL: a clear 4xx or a normal page, never a 500.

The walker reads the URLconf, so a public URL added later is walked without a change here;
a path parameter it cannot fill fails the walk until `real_values` learns about it. Query
parameter names come from the filters and forms (QUERY_NAMES) and from the forms each page
shows, so a new form's fields are walked too.

Every request runs in a savepoint that is rolled back after a 500: on PostgreSQL a failed
query aborts the transaction, and without the rollback one failure would turn every later
request into a 500 as well. Run with -s to see each test's count of requests; the module's
total is written at the end of the run.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import product
from urllib.parse import quote

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import timezone, translation

from draws.models import Guide, Stream
from eeportal.alerts.models import CONFIRM_SALT, MANAGE_SALT, Subscriber
from eeportal.sync.models import SyncRun

pytestmark = pytest.mark.django_db

# What the history's filters, the API, the sitemap ("p") and the score check read.
QUERY_NAMES = [
    "stream",
    "year",
    "date_from",
    "date_to",
    "crs_min",
    "crs_max",
    "invitations_min",
    "sort",
    "page",
    "page_size",
    "score",
    "p",
]
# Names no view reads; they ride along in every request that sets all the names at once.
UNKNOWN_NAMES = ["q", "format", "callback", "utm_source", "__proto__", "stream[]", ""]

HOSTILE_VALUES = [
    # Wrong types, and numbers past what SQLite and PostgreSQL integers hold.
    "abc",
    "1.5",
    "1e5",
    "0x1f",
    "-1",
    "0",
    " 1 ",
    "NaN",
    "-Infinity",
    "1e999999",
    str(10**20),
    str(2**63),
    str(-(2**63) - 1),
    "9" * 4000,
    "9" * 5000,  # past Python's limit for int("...")
    # NUL (PostgreSQL refuses it in text) and other control characters.
    "\x00",
    "392\x00",
    "cec\x00",
    "\r\nSet-Cookie: a=b",
    "\x1b[31m",
    "\u202e",
    # Unicode, including digits that are not ASCII.
    "é",
    "३९२",
    "3९२",
    "\uff11\uff12\uff13",  # fullwidth 123
    "😀",
    # SQL and HTML fragments.
    "' OR '1'='1",
    "1; DROP TABLE draws_draw; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}",
    # URL syntax and paths.
    "../../etc/passwd",
    "a/b",
    "%",
    "&",
    "#",
    "+",
    # Dates that do not exist or do not fit.
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    # Real values, in the wrong place.
    "cec",
    "newest",
    "2018",
    # Very long, and empty.
    "a" * 10_000,
    "",
]
# Sent exactly as written: bytes that are not UTF-8, broken percent escapes.
RAW_VALUES = ["%FF", "%C0%AF", "%ED%A0%80", "%ZZ", "%2", "%%00"]

# One query input, as a template for a single parameter: "{name}" is the parameter's name.
VALUE_TEMPLATES = [f"{{name}}={quote(value, safe='')}" for value in HOSTILE_VALUES]
RAW_TEMPLATES = [f"{{name}}={raw}" for raw in RAW_VALUES]
SHAPE_TEMPLATES = [
    "{name}",
    "{name}=&{name}=",
    "{name}=1&{name}=2",
    "{name}=cec&{name}=cec%00&{name}=-1",
    "{name}[]=1&{name}[a]=1",
]
QUERY_TEMPLATES = VALUE_TEMPLATES + RAW_TEMPLATES + SHAPE_TEMPLATES
# When a request giving every parameter the same input is refused, these inputs are tried
# on each parameter alone too: one for each way of being wrong, to keep the walk quick.
ALONE_VALUES = ["abc", "-1", str(10**20), "9" * 5000, "\x00", "cec\x00", "३९२", "cec", ""]
ALONE_TEMPLATES = [f"{{name}}={quote(value, safe='')}" for value in ALONE_VALUES]
ALONE_TEMPLATES += ["{name}=%FF", "{name}=cec&{name}=cec%00&{name}=-1"]
# A route that reads none of the names and shows no form gets these only: each way of being
# wrong once, the raw bytes and the odd shapes, for whatever reads the query on its way in.
SHORT_TEMPLATES = list(dict.fromkeys(ALONE_TEMPLATES + RAW_TEMPLATES + SHAPE_TEMPLATES))
# Whole query strings, malformed as a whole.
WHOLE_QUERIES = [
    "&",
    "&&&",
    "=",
    "==1",
    "%FF=1",
    "?",
    "a=1;b=2",
    "x=" + "y" * 100_000,
    "&".join(f"f{index}=1" for index in range(1001)),  # past Django's limit on fields
]

HOSTILE_HEADERS = [
    {"If-Modified-Since": "yesterday"},
    {"If-Modified-Since": "Sat, 01 Jan 99999 00:00:00 GMT"},
    {"If-None-Match": "\x00"},
    {"If-None-Match": "*", "If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
    {"Accept": "application/json;q=NaN"},
    {"X-Forwarded-Proto": "https, http"},
    {"Cookie": "sessionid=\x00; csrftoken=" + "a" * 5000},
    # A host outside ALLOWED_HOSTS is a 400, as long as rendering the 400 page does not ask
    # for the host again (draws/context_processors.py). A page already in the page cache
    # would hide a 500 here, hence the uncached ?headers= requests below.
    {"Host": "evil.example"},
]

PARAMETER = re.compile(r"<(?:[^>:]+:)?(?P<name>[^>]+)>")
# What the site's own error pages carry (templates/base.html).
STYLED_PAGE_MARK = 'class="site-header"'


def encoded(value):
    return quote(value, safe="")


def query(names, value):
    return "&".join(f"{encoded(name)}={encoded(value)}" for name in names)


def fill_query(template, names):
    return "&".join(template.format(name=encoded(name)) for name in names)


def parameters(route):
    return PARAMETER.findall(route)


def fill(route, segments):
    """The URL for `route` with each parameter replaced by an already-encoded segment."""
    return "/" + PARAMETER.sub(lambda match: segments[match["name"]], route)


def public_routes(patterns=None, prefix="", namespace=""):
    """[(name, route)] for every path() in the URLconf; the editors' admin is not public."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "admin":
            continue  # tests/test_admin.py covers it, behind its sign-in
        # i18n_patterns' prefix: "" for English (the walk's language), "fr/" for French.
        if not isinstance(entry.pattern, RoutePattern | LocalePrefixPattern):
            pytest.fail(f"The walker only reads path() routes; teach it {prefix}{entry.pattern}")
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            routes += public_routes(entry.url_patterns, route, inner)
        else:
            routes.append((f"{namespace}{entry.name}", route))
    return routes


def real_values(history):
    """Real values for each path parameter, the first of each a page that exists."""
    streams = Stream.objects.order_by("display_order").values_list("slug", flat=True)
    guides = Guide.objects.order_by("display_order").values_list("slug", flat=True)
    subscriber = Subscriber.objects.create(email="candidate@example.com")
    return {
        "number": list(dict.fromkeys(["392", *history])),  # 393 is the draft
        "slug": list(dict.fromkeys(["cec", *streams, *guides])),
        # Round alerts: the links in a subscriber's emails.
        "token": [subscriber.token(MANAGE_SALT)],
        "confirmation": [subscriber.token(CONFIRM_SALT)],
    }


def real_urls(route, values):
    """Every URL of `route` with real values, the representative one first."""
    names = parameters(route)
    for name in names:
        if name not in values:
            pytest.fail(f"The walker cannot fill <{name}> in {route}: add it to real_values()")
    return [
        fill(route, {name: encoded(value) for name, value in zip(names, combination, strict=True)})
        for combination in product(*(values[name] for name in names))
    ]


class FormFields(HTMLParser):
    """The names a page's forms send, and whether any of them posts."""

    def __init__(self, html):
        super().__init__()
        self.names, self.posts = set(), False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.posts = True
        if tag in {"input", "select", "textarea", "button"} and attrs.get("name"):
            self.names.add(attrs["name"])


@dataclass
class Route:
    name: str  # "draws:card"
    route: str  # "draws/<str:number>/card.png"
    urls: list  # filled with real values, the representative first
    status: int  # the representative's
    content_type: str  # the representative's, without its charset
    query_names: list
    posts: bool  # the page has a form that posts

    @property
    def url(self):
        return self.urls[0]

    @property
    def is_page(self):
        return self.content_type == "text/html"

    @property
    def is_data(self):
        return self.content_type in {"application/json", "text/csv"}


@pytest.fixture
def site(history):
    """Every public route, filled with real values from the history, on a site whose sync
    with IRCC runs (so /healthz/sync is as healthy as the rest)."""
    SyncRun.objects.create(
        finished_at=timezone.now(), source="test", outcome=SyncRun.Outcome.UNCHANGED
    )
    values = real_values(history)
    client = Client()
    routes = []
    for name, route in public_routes():
        urls = real_urls(route, values)
        response = client.get(urls[0])
        content_type = response.get("Content-Type", "").split(";")[0]
        forms = FormFields(response.content.decode() if content_type == "text/html" else "")
        routes.append(
            Route(
                name=name,
                route=route,
                urls=urls,
                status=response.status_code,
                content_type=content_type,
                query_names=list(dict.fromkeys(QUERY_NAMES + sorted(forms.names))),
                posts=forms.posts,
            )
        )
    return routes


def shorten(url):
    return url if len(url) <= 160 else f"{url[:150]}…({len(url)} chars)"


def failure(method, url, response):
    line = f"{method} {shorten(url)} -> {response.status_code}"
    if response.exc_info:
        error = response.exc_info[1]
        first = (str(error).strip().splitlines() or [""])[0]
        line += f": {type(error).__name__}: {first[:160]}"
    return line


class Walk:
    """One test's requests: how many were tried, and every answer that was a 5xx."""

    def __init__(self, **client_options):
        self.client = Client(raise_request_exception=False, **client_options)
        self.tried = 0
        self.failures = []

    def request(self, method, url, client=None, **extra):
        with transaction.atomic():
            response = (client or self.client).generic(method, url, **extra)
            if response.status_code >= 500:
                # PostgreSQL refuses every query after a failed one: start the next clean.
                transaction.set_rollback(True)
        self.tried += 1
        if response.status_code >= 500:
            self.failures.append(failure(method, url, response))
        return response

    def check(self, tally, name, floor):
        tally[name] = self.tried
        print(f"{name}: {self.tried} requests tried")
        assert self.tried >= floor, f"only {self.tried} requests: the walk found too little"
        assert not self.failures, f"{len(self.failures)} of {self.tried} requests failed:\n" + (
            "\n".join(self.failures)
        )


@pytest.fixture(scope="module")
def requests_tried(request):
    """Requests tried per test; the module's total is written out once it is done."""
    tally = {}
    yield tally
    line = f"hostile input: {sum(tally.values())} requests tried ({tally})"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter and capture:
        # Past pytest's output capture, so the count shows in a passing run too.
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n{line}")
    else:
        print(line)


def test_the_walker_finds_every_public_url_with_real_values(site):
    walked = {route.name for route in site}
    assert {
        "draws:home",
        "draws:site_card",
        "draws:list",
        "draws:export_csv",
        "draws:export_json",
        "draws:detail",
        "draws:card",
        "draws:stream_list",
        "draws:stream_detail",
        "draws:stream_card",
        "draws:guide_detail",
        "draws:about",
        "draws:feed",
        "draws:feed_atom",
        "draws:stream_feed",
        "draws:stream_feed_atom",
        "draws:api",
        "draws:api_draw_list",
        "draws:api_draw_detail",
        "draws:api_stream_list",
        "site:sitemap",
        "site:robots_txt",
        "draws:corrections",
        "draws:pool",
        "sync_status",
        "alerts:subscribe",
        "alerts:confirm",
        "alerts:manage",
        "alerts:unsubscribe",
        "alerts:privacy",
    } <= walked
    assert not any(name.startswith("admin:") for name in walked)
    # Each walk starts from a real page, so refusals are the hostile input's doing.
    assert {route.name: route.status for route in site if route.status != 200} == {}


def test_hostile_path_segments_are_refused_not_500s(site, requests_tried):
    walk = Walk()
    segments = [encoded(value) for value in HOSTILE_VALUES] + RAW_VALUES
    for route in site:
        names = parameters(route.route)
        for name, segment in product(names, segments):
            others = {other: encoded("392") for other in names}
            walk.request("GET", fill(route.route, {**others, name: segment}))
    walk.check(requests_tried, "path segments", floor=8 * len(segments))


def test_french_addresses_refuse_hostile_path_segments_as_the_english_do(history, requests_tried):
    # The French twins (issue 17) are the same views behind other words: their parameters
    # get the same hostile segments. (The rest of the walk is the English addresses'.)
    with translation.override("fr"):
        routes = [route for _, route in public_routes() if route.startswith("fr/")]
    walk = Walk()
    segments = [encoded(value) for value in HOSTILE_VALUES] + RAW_VALUES
    for route in routes:
        names = parameters(route)
        for name, segment in product(names, segments):
            others = {other: encoded("392") for other in names}
            walk.request("GET", fill(route, {**others, name: segment}))
    walk.check(requests_tried, "French path segments", floor=8 * len(segments))


def names_read_one_by_one(walk, route):
    """The QUERY_NAMES `route` reads: "?name=abc" gets another answer than no query at all.

    Only these are tried alone. A name found only in a page's form is not: a Django form
    cleans every field before it refuses any, so the request giving every name the same
    input has already reached each field's own checks.
    """
    plain = walk.request("GET", route.url)
    names = []
    for name in QUERY_NAMES:
        response = walk.request("GET", f"{route.url}?{name}=abc")
        if (response.status_code, response.content) != (plain.status_code, plain.content):
            names.append(name)
    return names


def test_hostile_query_strings_are_refused_not_500s(site, requests_tried):
    walk = Walk()
    for route in site:
        every_name = route.query_names + UNKNOWN_NAMES
        read = names_read_one_by_one(walk, route)
        form_fields_of_its_own = route.query_names != QUERY_NAMES
        for template in QUERY_TEMPLATES if read or form_fields_of_its_own else SHORT_TEMPLATES:
            response = walk.request("GET", f"{route.url}?{fill_query(template, every_name)}")
            if response.status_code != 200 and template in ALONE_TEMPLATES:
                # Refused as a whole: try each name alone too, so an early 400 for one
                # parameter cannot hide a 500 from another behind it.
                for name in read:
                    walk.request("GET", f"{route.url}?{fill_query(template, [name])}")
        for whole in WHOLE_QUERIES:
            walk.request("GET", f"{route.url}?{whole}")
    walk.check(requests_tried, "query strings", floor=len(site) * len(SHORT_TEMPLATES))


def test_every_method_and_header_gets_an_answer_not_a_500(site, requests_tried):
    walk = Walk()
    browser = Client(raise_request_exception=False, enforce_csrf_checks=True)
    form = "&".join(f"{name}=%00%3Cscript%3E" for name in QUERY_NAMES)
    for url in (url for route in site for url in route.urls):
        found = walk.request("GET", url).status_code
        walk.request("HEAD", url)
        walk.request("POST", url)
        options = walk.request("OPTIONS", url).status_code
        # A URL that is not there may say so; one that is answers 200 or 405.
        if options not in {200, 405, found}:
            walk.failures.append(f"OPTIONS {url} -> {options} (GET: {found})")
    for route in site:
        url = route.url
        for method in ["PUT", "PATCH", "DELETE", "TRACE", "BREW"]:
            walk.request(method, url)
        walk.request("POST", url, client=browser)  # a browser's POST, without a CSRF token
        walk.request("POST", url, data=form, content_type="application/x-www-form-urlencoded")
        walk.request("POST", url, data="--x\r\n", content_type="multipart/form-data; boundary")
        walk.request("POST", url, data="{", content_type="application/json")
        for index, headers in enumerate(HOSTILE_HEADERS):
            # Both a page the cache may hold and one it cannot, so the view is reached too.
            walk.request("GET", url, headers=headers)
            walk.request("GET", f"{url}?headers={index}", headers=headers)
        if route.posts:
            # The page has a form that posts: its fields get the hostile values too.
            for value in HOSTILE_VALUES:
                data = query(route.query_names, value)
                walk.request(
                    "POST", url, data=data, content_type="application/x-www-form-urlencoded"
                )
    walk.check(requests_tried, "methods and headers", floor=20 * len(site))


def test_post_where_only_get_is_meant_is_405(site, requests_tried):
    # Plain function views, contrib's feeds and sitemap all answer POST like GET unless
    # they are wrapped in require_safe.
    walk = Walk()
    wrong = []
    for route in site:
        if route.posts:
            continue  # the page has a form that posts to it
        response = walk.request("POST", route.url)
        if response.status_code != 405 or "GET" not in response.get("Allow", ""):
            wrong.append(f"POST {route.url} -> {response.status_code}")
    walk.check(requests_tried, "POST to GET-only", floor=sum(not r.posts for r in site))
    assert not wrong, "POST answered where only GET is meant:\n" + "\n".join(wrong)


def refusals(walk, route):
    """[(method, url, response)] for a sample of bad requests to one route."""
    bad = ["abc", "-1", str(10**20), "\x00", "<script>"]
    urls = [f"{route.url}?{query(route.query_names, value)}" for value in bad]
    names = parameters(route.route)
    if names:
        urls += [fill(route.route, dict.fromkeys(names, encoded(v))) for v in [*bad, "a/b", ""]]
    tried = [("GET", url) for url in urls] + [("POST", route.url)]
    return [(method, url, walk.request(method, url)) for method, url in tried]


def test_refusals_on_pages_are_the_sites_own_error_pages(site, requests_tried):
    # Django's own CSRF refusal is a plain page unless CSRF_FAILURE_VIEW says otherwise.
    walk = Walk(enforce_csrf_checks=True)  # as a browser, which sends no token here
    wrong = []
    for route in (route for route in site if route.is_page):
        for method, url, response in refusals(walk, route):
            status = response.status_code
            if status == 405 and "GET" not in response.get("Allow", ""):
                wrong.append(f"{method} {shorten(url)} -> 405 without an Allow header")
            elif status in {400, 403, 404} and not (
                response["Content-Type"].startswith("text/html")
                and STYLED_PAGE_MARK in response.content.decode()
            ):
                wrong.append(f"{method} {shorten(url)} -> {status}, not the site's error page")
    walk.check(requests_tried, "error pages", floor=50)
    assert not wrong, "Refusals that are not the site's error pages:\n" + "\n".join(wrong)


def test_refusals_from_data_endpoints_are_json(site, requests_tried):
    # Including the 405 for a POST (require_safe's is an empty HTML response) and an
    # address under /api/ that matches no route, such as /api/draws/a%2Fb/.
    walk = Walk()
    wrong = []
    for route in (route for route in site if route.is_data):
        for method, url, response in refusals(walk, route):
            status, content_type = response.status_code, response["Content-Type"]
            if 400 <= status < 500 and not (
                content_type == "application/json" and "error" in response.json()
            ):
                wrong.append(f"{method} {shorten(url)} -> {status} {content_type}")
    walk.check(requests_tried, "data errors", floor=30)
    assert not wrong, "Refusals from the open data that are not JSON:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_a_broken_schema_is_a_500_someone_notices_not_the_outage_page(client, history):
    # A query that cannot work (a table missing after a bad deploy) is a bug, not the
    # database being away: it must not hide behind "back in a moment".
    client.raise_request_exception = False
    with connection.cursor() as cursor:
        # Its sources first: a table left pointing at a dropped one fails the test's teardown.
        cursor.execute("DROP TABLE draws_guidesource")
        cursor.execute("DROP TABLE draws_guide")
    response = client.get("/programs/cec/")
    assert response.status_code == 500
    assert "Back in a moment" not in response.content.decode()
