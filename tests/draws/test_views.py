"""The public pages as a visitor gets them: figures, filters, bad input and query counts."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from draws.models import Draw, Guide, Stream
from tests.factories import import_shipped_rounds, make_draw, many_rounds

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def content(response):
    return response.content.decode()


# Home


def test_home_leads_with_the_latest_published_round(client, history):
    response = client.get(reverse("draws:home"))
    assert response.status_code == 200
    page = content(response)
    assert "<title>Latest round #392: CEC, CRS 509" in page
    assert "6,000" in page
    assert "29 October 2025, 04:35:24 UTC" in page
    assert "#393" not in page  # the draft


def test_home_lists_each_streams_latest_round(client, history):
    latest = client.get(reverse("draws:home")).context["latest_per_stream"]
    assert {draw.stream.slug: draw.label for draw in latest} == {
        "cec": "392",
        "pnp": "391",
        "fst": "91a",
        "general": "90",
    }


def test_home_counts_invitations_this_year(client):
    make_draw(500, TODAY, "cec", invitations=1234)
    make_draw(499, TODAY - dt.timedelta(days=1), "pnp", invitations=766)
    make_draw(10, dt.date(2015, 3, 1), "general", invitations=5000)
    response = client.get(reverse("draws:home"))
    assert response.context["this_year"] == {"rounds": 2, "invitations": 2000}
    assert "2,000 invitations in 2 rounds so far this year." in content(response)


def test_home_with_no_rounds_says_so(client, db):
    response = client.get(reverse("draws:home"))
    assert response.status_code == 200
    assert "No rounds have been published yet." in content(response)


# Round detail


def test_round_page_says_everything_in_its_title_and_first_lines(client, history):
    response = client.get(reverse("draws:detail", args=["392"]))
    page = content(response)
    assert "<title>Round #392: CEC, 6,000 invitations, minimum CRS 509 (21 January 2026)" in page
    assert 'On <time datetime="2026-01-21">21 January 2026</time> IRCC invited' in page
    assert "29 October 2025, 04:35:24 UTC" in page
    assert "submitted before 29 October 2025 at 04:35 UTC were invited" in page


def test_round_heading_uses_the_name_ircc_gave_the_round_at_the_time(client, db):
    make_draw(
        252,
        dt.date(2023, 6, 28),
        "healthcare",
        round_name="Healthcare occupations (Version 1)",
        crs_min=476,
        invitations=500,
    )
    page = content(client.get("/draws/252/"))
    assert re.search(r"<h1>(.*?)</h1>", page)[1] == "Round #252: Healthcare occupations (Version 1)"
    # The stream it belongs to here, by today's name, is one link away.
    assert (
        'This site counts it in the <a href="/streams/healthcare/">Healthcare and social '
        "services occupations</a> stream." in page
    )


def test_round_heading_keeps_the_streams_name_when_ircc_used_the_same(client, db):
    make_draw(300, dt.date(2024, 4, 23), "cec", round_name="CANADIAN experience class")
    page = content(client.get("/draws/300/"))
    assert re.search(r"<h1>(.*?)</h1>", page)[1] == "Round #300: Canadian Experience Class"
    assert "This site counts it in" not in page


def test_round_page_compares_with_the_previous_round_of_its_stream_and_overall(client, history):
    context = client.get(reverse("draws:detail", args=["392"])).context
    assert context["change_in_stream"].draw.label == "389"
    assert context["change_in_stream"].crs == -2
    assert context["change_in_stream"].invitations == -2000
    assert context["change_overall"].draw.label == "391"
    assert context["change_overall"].crs == 509 - 746
    assert context["next_overall"] is None  # 393 is a draft
    assert context["previous_overall"].label == "391"


def change_sentences(page):
    """The "How it moved" sentences, in words, with the markup taken out."""
    found = re.findall(r'<p class="change">(.*?)</p>', page, flags=re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", "", sentence).split()) for sentence in found]


def test_round_page_says_how_it_moved_in_words(client, history):
    page = content(client.get(reverse("draws:detail", args=["392"])))
    assert change_sentences(page) == [
        "2 points lower and 2,000 fewer invitations than #389, 14 days earlier "
        "(CRS 511, 8,000 invitations).",
        "237 points lower and 5,319 more invitations than #391 (PNP), 1 day earlier "
        "(CRS 746, 681 invitations).",
    ]


def test_round_page_says_one_point_and_the_same_number_of_invitations_plainly(client, history):
    make_draw(394, dt.date(2026, 1, 28), "cec", crs_min=510, invitations=6000)
    make_draw(395, dt.date(2026, 2, 4), "cec", crs_min=509, invitations=5999)
    make_draw(396, dt.date(2026, 2, 11), "cec", crs_min=509, invitations=6000)

    higher = change_sentences(content(client.get(reverse("draws:detail", args=["394"]))))
    lower = change_sentences(content(client.get(reverse("draws:detail", args=["395"]))))
    same = change_sentences(content(client.get(reverse("draws:detail", args=["396"]))))

    assert higher[0].startswith("1 point higher and the same number of invitations as #392,")
    assert lower[0].startswith("1 point lower and 1 fewer invitation than #394,")
    assert same[0].startswith("The same cut-off and 1 more invitation than #395,")


def test_a_recent_round_without_tie_break_or_distribution_says_they_are_not_recorded_here_yet(
    client, history
):
    # Like #435 to #437, taken from a digest of IRCC's feed that records neither.
    make_draw(435, dt.date(2026, 8, 17), "pnp", tie_break=None)

    page = content(client.get(reverse("draws:detail", args=["435"])))
    home = content(client.get("/"))

    assert "This round's tie-breaking rule is not recorded here yet." in page
    assert "The pool's score distribution for this round is not recorded here yet." in page
    assert "did not publish" not in page
    assert "<dt>Tie-break</dt><dd>Not recorded here yet</dd>" in home


def test_rounds_from_before_irccs_publishing_them_say_ircc_did_not_publish(client, db):
    make_draw(76, dt.date(2017, 11, 1), "general", tie_break=None)
    make_draw(77, dt.date(2017, 11, 8), "general", tie_break=None)
    make_draw(213, dt.date(2022, 1, 5), "pnp")
    make_draw(214, dt.date(2022, 1, 19), "pnp")

    before_tie_breaks = content(client.get(reverse("draws:detail", args=["76"])))
    first_with_tie_break = content(client.get(reverse("draws:detail", args=["77"])))
    before_distributions = content(client.get(reverse("draws:detail", args=["213"])))
    first_with_distribution = content(client.get(reverse("draws:detail", args=["214"])))

    assert "IRCC did not publish a tie-breaking rule for this round." in before_tie_breaks
    assert "tie-breaking rule is not recorded here yet" in first_with_tie_break
    assert "IRCC did not publish the pool's score distribution" in before_distributions
    assert "score distribution for this round is not recorded here yet" in first_with_distribution


def test_rounds_irccs_feed_gives_without_a_distribution_say_ircc_published_none(client, tmp_path):
    # #223, #224, #226 and #227 of 2022: IRCC's full feed, run times and all, but every band
    # "0". The digest's #435 has no run time either: its distribution may still come.
    import_shipped_rounds(tmp_path, ["223", "224", "226", "227", "435"])

    for label in ("223", "224", "226", "227"):
        page = content(client.get(reverse("draws:detail", args=[label])))
        assert "IRCC did not publish the pool's score distribution with this round." in page
        assert "not recorded here yet" not in page
        assert "it began doing so in 2022" not in page
    digest = content(client.get(reverse("draws:detail", args=["435"])))
    assert "The pool's score distribution for this round is not recorded here yet." in digest
    assert "did not publish the pool's score distribution" not in digest


def test_round_page_shows_the_distribution_with_sub_bands(client, history):
    response = client.get(reverse("draws:detail", args=["392"]))
    page = content(response)
    assert "The pool on 19 January 2026" in page
    assert "16,341" in page
    assert 'class="sub-band"' in page
    # 509 sits in 501-600, which has no sub-bands: that row alone is marked.
    marked = re.findall(r'<tr class="[^"]*\bcut-off\b[^"]*">\s*<th scope="row">([^<]+)</th>', page)
    assert marked == ["501\u2013600"]  # an en dash, as the page writes ranges
    assert "<svg" in page


def test_round_without_distribution_explains_why(client, history):
    page = content(client.get(reverse("draws:detail", args=["91a"])))
    assert "IRCC did not publish the pool" in page
    assert "it began doing so in 2022" in page


# HTML's valid global date and time: at most three digits of a second, then the offset.
HTML_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})"
)


def test_last_updated_time_is_a_valid_html_datetime(client, history):
    updated_at = dt.datetime(2026, 1, 22, 9, 30, 15, 123456, tzinfo=dt.UTC)
    Draw.objects.filter(pk=history["392"].pk).update(updated_at=updated_at)

    page = content(client.get(reverse("draws:detail", args=["392"])))

    written = re.search(r'<dt>Last updated here</dt><dd><time datetime="([^"]+)">', page)[1]
    assert HTML_DATETIME.fullmatch(written), written
    assert dt.datetime.fromisoformat(written) == updated_at.replace(microsecond=0)


def test_lettered_rounds_have_their_own_pages(client, history):
    fst = client.get(reverse("draws:detail", args=["91a"]))
    pnp = client.get(reverse("draws:detail", args=["91b"]))
    assert fst.context["draw"].stream.slug == "fst"
    assert pnp.context["draw"].stream.slug == "pnp"
    assert pnp.context["previous_overall"].label == "91a"


@pytest.mark.parametrize("number", ["393", "999", "91c", "abc", "0", "1e5", "99999999999999999999"])
def test_unknown_or_draft_rounds_are_404(client, history, number):
    response = client.get(f"/draws/{number}/")
    assert response.status_code == 404
    assert "We couldn't find that page" in content(response)


# History


def test_history_lists_published_rounds_newest_first_with_totals(client, history):
    response = client.get(reverse("draws:list"))
    labels = [draw.label for draw in response.context["page"].object_list]
    assert labels == ["392", "391", "389", "91b", "91a", "90"]
    assert response.context["figures"].rounds == 6
    assert response.context["figures"].invitations == 18881
    assert "6 rounds." in content(response)
    assert "<dt>Invitations</dt><dd>18,881</dd>" in content(response)


def heading_and_title(response):
    page = content(response)
    heading = re.search(r"<h1>(.*?)</h1>", page)[1]
    title = re.search(r"<title>(.*?) · Express Entry rounds</title>", page)[1]
    return heading, title


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", "All rounds of invitations"),
        ("?stream=cec&year=2026", "Canadian Experience Class rounds in 2026"),
        ("?year=2026&stream=cec&sort=oldest", "Canadian Experience Class rounds in 2026"),
        (
            "?stream=pnp&stream=cec&crs_min=500",
            "CEC and PNP rounds with a minimum CRS of 500 or more",
        ),
        (
            "?date_from=2018-05-30&date_to=2026-01-07",
            "Express Entry rounds from 30 May 2018 to 7 January 2026",
        ),
        (
            "?crs_min=450&crs_max=520&invitations_min=1000",
            "Express Entry rounds with a minimum CRS from 450 to 520 and at least 1,000 "
            "invitations",
        ),
    ],
)
def test_history_heading_and_title_say_which_rounds_the_filters_chose(
    client, history, query, words
):
    heading, title = heading_and_title(client.get("/draws/" + query))
    assert heading == words
    assert title == (words if query else "All Express Entry rounds of invitations")


def test_history_gives_the_figures_of_the_rounds_it_shows(client, history):
    response = client.get("/draws/?stream=cec&stream=pnp")
    figures = re.search(r'<dl class="set-figures">(.*?)</dl>', content(response), re.S)[1]
    shown = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", figures))
    # 392 (509), 391 (746), 389 (511) and 91b (902): the median is between 511 and 746.
    assert shown == {
        "Rounds": "4",
        "Invitations": "14,881",
        "Lowest minimum CRS": "509",
        "Median minimum CRS": "628.5",
        "Highest minimum CRS": "902",
    }


def test_history_pages_are_numbered_with_the_current_one_marked(client, history):
    many_rounds(700)  # 706 rounds: 15 pages of 50
    page = content(client.get("/draws/?sort=newest&page=7"))
    nav = re.search(r'<nav class="pagination" aria-label="Pages">(.*?)</nav>', page, re.S)[1]
    numbers = re.findall(
        r'href="\?(?:sort=newest&amp;)?page=(\d+)"[^>]*>(?:<span[^>]*>Page </span>)?(\d+)<', nav
    )
    assert [int(shown) for _, shown in numbers] == [1, 5, 6, 7, 8, 9, 15]
    assert nav.count("…") == 2
    current = re.findall(r'<a href="[^"]*page=(\d+)" aria-current="page">', nav)
    assert current == ["7"]
    assert 'rel="prev" href="?sort=newest&amp;page=6"' in nav
    assert 'rel="next" href="?sort=newest&amp;page=8"' in nav


@pytest.mark.parametrize("typed", ["abcd", "2O25", "nan", "1e", "2025.5"])
def test_text_typed_into_a_number_box_is_given_back_with_what_to_type(client, history, typed):
    response = client.get("/draws/", {"year": typed})
    assert response.status_code == 400
    page = content(response)
    assert f'<input type="text" name="year" value="{typed}" inputmode="numeric"' in page
    assert "Enter a whole number." in page


def test_markup_and_control_characters_typed_into_a_number_box_come_back_harmless(client, history):
    response = client.get("/draws/?crs_min=%3Cb%3E%01450")
    assert response.status_code == 400
    page = content(response)
    assert 'name="crs_min" value="&lt;b&gt;\ufffd450"' in page
    assert "\x01" not in page


def test_a_score_with_a_fraction_is_refused_not_read_as_a_bound(client, history):
    response = client.get("/draws/", {"crs_min": "450.5"})
    assert response.status_code == 400
    assert "Enter a whole number." in content(response)
    assert client.get("/api/draws/", {"crs_min": "450.5"}).status_code == 400


def test_text_typed_into_a_date_box_is_not_written_back_into_it(client, history):
    response = client.get("/draws/", {"date_from": "someday", "date_to": "2026-01-21"})
    assert response.status_code == 400
    page = content(response)
    assert re.search(r'<input type="date" name="date_from" (?!value)', page)
    assert re.search(r'<input type="date" name="date_to" value="2026-01-21"', page)


def test_a_number_typed_into_a_number_box_is_kept(client, history):
    response = client.get("/draws/", {"year": "2014", "crs_min": " 450 "})
    assert response.status_code == 400  # 2014 is before the first round
    page = content(response)
    assert re.search(r'<input type="text" name="year" value="2014"', page)
    assert re.search(r'<input type="text" name="crs_min" value=" 450 "', page)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"stream": "cec"}, ["392", "389"]),
        ({"stream": ["cec", "pnp"]}, ["392", "391", "389", "91b"]),
        ({"year": "2018"}, ["91b", "91a", "90"]),
        ({"date_from": "2026-01-08"}, ["392", "391"]),
        ({"date_to": "2018-05-29"}, ["90"]),
        ({"date_from": "2018-05-30", "date_to": "2018-05-30"}, ["91b", "91a"]),
        ({"crs_min": "500"}, ["392", "391", "389", "91b"]),
        ({"crs_max": "450"}, ["91a", "90"]),
        ({"crs_min": "400", "crs_max": "600"}, ["392", "389", "90"]),
        ({"invitations_min": "3500"}, ["392", "389", "90"]),
        ({"stream": "pnp", "year": "2026"}, ["391"]),
        ({"sort": "crs-high"}, ["91b", "391", "389", "392", "90", "91a"]),
        ({"sort": "crs-low", "stream": "cec"}, ["392", "389"]),
        ({"sort": "oldest"}, ["90", "91a", "91b", "389", "391", "392"]),
        ({"sort": "invitations-high", "year": "2026"}, ["389", "392", "391"]),
        ({"sort": "invitations-low", "year": "2026"}, ["391", "392", "389"]),
    ],
)
def test_history_filters(client, history, query, expected):
    response = client.get(reverse("draws:list"), query)
    assert response.status_code == 200
    assert [draw.label for draw in response.context["page"].object_list] == expected


def test_an_empty_result_says_so_and_offers_to_clear(client, history):
    response = client.get(reverse("draws:list"), {"year": "2016"})
    assert response.status_code == 200
    assert "No rounds match these filters." in content(response)
    assert "Clear filters and show every round" in content(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year": "abc"}, "Enter a whole number."),
        ({"year": "1999"}, "Ensure this value is greater than or equal to 2015."),
        ({"crs_min": "-5"}, "Ensure this value is greater than or equal to 0."),
        ({"crs_max": "5000"}, "Ensure this value is less than or equal to 1200."),
        ({"crs_min": "99999999999999999999"}, "Ensure this value is less than or equal to 1200."),
        ({"stream": "astronauts"}, "Select a valid choice."),
        ({"date_from": "yesterday"}, "Enter a valid date."),
        ({"date_from": "2026-02-01", "date_to": "2026-01-01"}, "The end date is before"),
        ({"crs_min": "600", "crs_max": "400"}, "The highest CRS score is below the lowest."),
        ({"sort": "random"}, "Select a valid choice."),
        ({"year": "2020\x00"}, "Enter a whole number."),
    ],
)
def test_a_filter_value_that_cannot_be_read_is_a_400_with_a_message(
    client, history, query, message
):
    response = client.get(reverse("draws:list"), query)
    assert response.status_code == 400
    assert message in content(response)
    assert "Some filters could not be read." in content(response)


@pytest.mark.parametrize("page", ["99999", "abc", "0", "-1"])
def test_a_page_past_the_end_is_404(client, history, page):
    assert client.get(reverse("draws:list"), {"page": page}).status_code == 404


def test_the_history_paginates_by_fifty(client, db):
    many_rounds(120)
    first = client.get(reverse("draws:list"))
    assert len(first.context["page"].object_list) == 50
    assert "Page 1 of 3." in content(first)
    last = client.get(reverse("draws:list"), {"page": "3"})
    assert len(last.context["page"].object_list) == 20


def test_drafts_never_appear_in_the_history(client, history):
    response = client.get(reverse("draws:list"), {"stream": "cec"})
    assert "393" not in [draw.label for draw in response.context["page"].object_list]
    assert "#393" not in content(response)


# Streams


def test_stream_list_shows_every_stream_with_its_latest_round(client, history):
    response = client.get(reverse("draws:stream_list"))
    rows = dict(response.context["rows"])
    by_slug = {stream.slug: latest for stream, latest in rows.items()}
    assert by_slug["cec"].label == "392"
    assert by_slug["stem"] is None
    assert {stream.slug: stream.round_count for stream in rows}["cec"] == 2
    assert "No rounds yet" in content(response)


def add_program_listed_among_the_others():
    # Added after the seeded streams (so its key is the highest) but listed among the
    # programs: only the streams' own order puts it there.
    return Stream.objects.create(
        slug="new-program",
        name="A New Program",
        short_name="New",
        kind=Stream.Kind.PROGRAM,
        display_order=45,
    )


def test_stream_list_shows_each_kind_once_in_the_streams_order(client, history):
    add_program_listed_among_the_others()

    page = content(client.get(reverse("draws:stream_list")))

    assert re.findall(r'<h2 id="kind-\d+">([^<]+)</h2>', page) == [
        "General (all programs)",
        "Programs",
        "Categories",
    ]
    kinds = page.split('id="gaps-heading"')[0]  # the table of gaps lists them once more
    listed = re.findall(r'<th scope="row"><a href="/streams/([a-z-]+)/">', kinds)
    assert listed == list(
        Stream.objects.order_by("display_order", "name").values_list("slug", flat=True)
    )
    assert listed.index("fst") < listed.index("new-program") < listed.index("pnp")


def test_the_streams_api_lists_streams_in_the_streams_order(client, history):
    add_program_listed_among_the_others()

    slugs = [stream["slug"] for stream in client.get("/api/streams/").json()["results"]]

    assert slugs == list(
        Stream.objects.order_by("display_order", "name").values_list("slug", flat=True)
    )
    assert slugs.index("fst") < slugs.index("new-program") < slugs.index("pnp")


def test_stream_page_shows_figures_chart_and_rounds(client, history):
    response = client.get(reverse("draws:stream_detail", args=["cec"]))
    assert response.status_code == 200
    assert [draw.label for draw in response.context["draws"]] == ["392", "389"]
    figures = response.context["figures_all"]
    assert (figures.rounds, figures.invitations) == (2, 14000)
    assert (figures.crs_lowest, figures.crs_median, figures.crs_highest) == (509, 510, 511)
    page = content(response)
    assert page.count("<svg") == 2
    assert "Minimum CRS score of each CEC round" in page
    assert 'href="/programs/cec/"' in page


def test_stream_page_last_twelve_months_leave_out_older_rounds(client, db):
    make_draw(600, TODAY - dt.timedelta(days=30), "french", crs_min=480, invitations=1000)
    make_draw(500, TODAY - dt.timedelta(days=400), "french", crs_min=379, invitations=7000)
    context = client.get(reverse("draws:stream_detail", args=["french"])).context
    assert (context["figures_year"].rounds, context["figures_year"].crs_lowest) == (1, 480)
    assert (context["figures_all"].rounds, context["figures_all"].crs_lowest) == (2, 379)


def test_unknown_stream_is_404(client, history):
    assert client.get("/streams/astronauts/").status_code == 404


def test_a_stream_with_no_rounds_says_so(client, history):
    response = client.get(reverse("draws:stream_detail", args=["stem"]))
    assert response.status_code == 200
    assert "No STEM occupations rounds have been published yet." in content(response)


# Guides and about


@pytest.mark.parametrize("slug", ["cec", "fsw", "fst", "crs"])
def test_each_guide_cites_its_source_and_review_date(client, history, slug):
    guide = Guide.objects.get(slug=slug)
    response = client.get(reverse("draws:guide_detail", args=[slug]))
    page = content(response)
    assert response.status_code == 200
    assert guide.official_url in page
    assert f'Last reviewed <time datetime="{guide.reviewed_on:%Y-%m-%d}">' in page
    assert "<h2" in page  # the Markdown body became headings


def test_the_cec_guide_shows_live_figures(client, history):
    page = content(client.get(reverse("draws:guide_detail", args=["cec"])))
    assert "How CEC rounds have gone" in page
    assert 'href="/draws/392/"' in page


def test_guide_markdown_is_sanitised(client, history):
    guide = Guide.objects.get(slug="cec")
    guide.body = (
        "## Hello\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n"
        '<img src=x onerror="alert(1)">\n\n<a href="https://example.org" onclick="x()">ok</a>'
    )
    guide.save()
    page = content(client.get(reverse("draws:guide_detail", args=["cec"])))
    assert "<h2>Hello</h2>" in page
    assert "<script>alert" not in page
    assert "javascript:" not in page
    assert "onerror" not in page
    assert "onclick" not in page
    assert 'href="https://example.org"' in page


def test_unknown_guide_is_404(client, history):
    assert client.get("/programs/pnp/").status_code == 404


def test_about_page_names_the_source_and_independence(client, history):
    page = content(client.get(reverse("draws:about")))
    assert "not affiliated" in page
    assert "rounds of invitations page" in page


def test_stream_page_lists_the_latest_rounds_and_links_to_all(client, db):
    for index in range(30):
        make_draw(500 + index, dt.date(2025, 1, 1) + dt.timedelta(days=7 * index), "cec")
    page = content(client.get(reverse("draws:stream_detail", args=["cec"])))
    assert "The latest 25 CEC rounds" in page
    assert 'href="/draws/529/"' in page and 'href="/draws/505/"' in page
    assert 'href="/draws/504/"' not in page
    assert "All 30 CEC rounds" in page


def test_round_numbers_in_other_scripts_digits_are_not_found(client, history):
    # '\d' would also match Devanagari digits: /draws/3९२/ must not serve round 392.
    assert client.get("/draws/3%E0%A5%AF%E0%A5%A8/").status_code == 404


def test_stream_charts_draw_at_most_the_latest_200_rounds(client, db):
    Draw.objects.bulk_create(
        Draw(
            number=2000 + index,
            date=dt.date(2000, 1, 1) + dt.timedelta(days=index),
            stream=Stream.objects.get(slug="fst"),
            invitations=100,
            crs_min=400,
        )
        for index in range(230)
    )
    page = content(client.get(reverse("draws:stream_detail", args=["fst"])))
    assert "(the latest 200)" in page
    assert page.count('class="chart-bar"') == 200


def test_the_menu_and_the_home_page_list_the_guides_as_editors_set_them(client, history):
    Guide.objects.filter(slug="fst").update(short_name="Trades", display_order=1)
    Guide.objects.create(
        slug="pnp",
        title="Provincial Nominee Program (PNP)",
        short_name="PNP",
        home_title="Provincial Nominee Program",
        tagline="A province or territory nominates you.",
        summary="How a provincial nomination works with Express Entry.",
        body="## What it is",
        official_url="https://www.canada.ca/en/immigration-refugees-citizenship.html",
        reviewed_on=dt.date(2026, 11, 25),
        display_order=50,
    )

    page = content(client.get("/"))
    menu = page[page.index('<nav aria-label="Main">') : page.index("</nav>")]
    assert re.findall(r'<a href="/programs/([a-z]+)/">([^<]+)</a>', menu) == [
        ("fst", "Trades"),
        ("cec", "CEC"),
        ("fsw", "FSW"),
        ("crs", "CRS"),
        ("pnp", "PNP"),
        ("applying", "Applying"),
    ]
    assert (
        '<a href="/programs/pnp/"><strong>Provincial Nominee Program</strong> '
        "A province or territory nominates you.</a>"
    ) in page
    guide_page = content(client.get("/programs/pnp/"))
    assert '<a href="/programs/pnp/" aria-current="page">PNP</a>' in guide_page


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/draws/%20392/", "/draws/392/"),
        ("/draws/392%09/", "/draws/392/"),
        ("/draws/%0A392/", "/draws/392/"),
        ("/draws/392%C2%A0/", "/draws/392/"),
        ("/draws/91A/", "/draws/91a/"),
        ("/draws/91A/card.png", "/draws/91a/card.png"),
        ("/api/draws/91A/", "/api/draws/91a/"),
        ("/api/draws/%20392/", "/api/draws/392/"),
    ],
)
def test_every_round_has_one_address_and_variants_are_redirected_to_it(
    client, history, address, canonical
):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


@pytest.mark.parametrize("query", ["year=abcd", "crs_min=-5", "stream=nowhere", "date_from=soon"])
def test_every_filter_error_is_linked_to_its_field_for_screen_readers(client, history, query):
    page = client.get(f"/draws/?{query}").content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', page)
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    error_ids = {name for value in described for name in value.split() if name.endswith("_error")}
    assert error_ids, "the field in error points at its message"
    assert error_ids <= ids


# Home: what the site is, the latest round against its own stream, active and dormant streams


def test_home_says_in_one_sentence_what_the_site_is(client, history):
    page = content(client.get(reverse("draws:home")))
    assert '<p class="site-intro">Every Express Entry round of invitations since 2015' in page


def test_home_compares_the_latest_round_with_the_previous_of_its_own_stream(client, history):
    # #392 (CEC) came the day after #391 (PNP, CRS 746): the comparison is with #389, CEC.
    response = client.get(reverse("draws:home"))
    assert response.context["change_in_stream"].draw.label == "389"
    page = content(response)
    hero = page[page.index('class="hero"') : page.index("</section>")]
    assert "Against the previous CEC round" in hero
    assert "2 points lower" in hero
    assert "2,000 fewer invitations than" in hero
    assert 'href="/draws/389/">#389</a>' in hero
    assert "#391" not in hero


def test_home_lists_dormant_streams_apart_with_their_latest_round(client):
    make_draw(500, TODAY - dt.timedelta(days=9), "cec")
    make_draw(499, TODAY - dt.timedelta(days=364), "pnp")
    make_draw(159, dt.date(2020, 8, 6), "fst")
    make_draw(160, TODAY - dt.timedelta(days=365), "general")
    response = client.get(reverse("draws:home"))
    assert [d.stream.slug for d in response.context["active_latest"]] == ["cec", "pnp"]
    assert [d.stream.slug for d in response.context["dormant_latest"]] == ["general", "fst"]
    page = content(response)
    active = page[page.index("Streams with rounds in the last 12 months") :]
    active, dormant = active.split("Streams without a round in the last 12 months")
    assert "/streams/pnp/" in active and "/streams/fst/" not in active
    assert (
        '<a href="/streams/fst/">Federal Skilled Trades</a>: latest round '
        '<a href="/draws/159/">#159</a> on <time datetime="2020-08-06">6 August 2020</time>'
    ) in dormant


# Gaps between rounds, stated as history


def rounds_two_weeks_apart():
    for number, days_ago in [(500, 9), (499, 23), (498, 37), (497, 44)]:
        make_draw(number, TODAY - dt.timedelta(days=days_ago), "cec")
    make_draw(159, TODAY - dt.timedelta(days=400), "fst")


def test_a_stream_page_says_how_far_apart_its_rounds_came(client, db):
    rounds_two_weeks_apart()
    page = content(client.get(reverse("draws:stream_detail", args=["cec"])))
    assert (
        "In the last 12 months, rounds of this stream came a median of 14 days apart; "
        "the latest was 9 days ago."
    ) in page
    fst = content(client.get(reverse("draws:stream_detail", args=["fst"])))
    long_ago = TODAY - dt.timedelta(days=400)
    assert (
        "No round of this stream in the last 12 months; the latest was on "
        f'<time datetime="{long_ago:%Y-%m-%d}">'
    ) in fst
    assert ", 400 days ago.</p>" in fst


def test_the_streams_page_gives_each_streams_gaps_as_history(client, db):
    rounds_two_weeks_apart()
    page = content(client.get(reverse("draws:stream_list")))
    gaps = page[page.index('id="gaps-heading"') :]
    assert "they do not say when the next round will come" in gaps
    rows = re.findall(r'<tr>\s*<th scope="row"><a href="/streams/([a-z-]+)/">.*?</tr>', gaps, re.S)
    assert rows == ["cec", "fst"]  # streams without any round are left out
    cec = re.search(r'href="/streams/cec/".*?</tr>', gaps, re.S).group()
    assert re.findall(r'<td class="num">([^<]*)</td>', cec) == ["4", "14"]
    assert "9 days ago" in cec
