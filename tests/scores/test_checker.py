"""The score checker: which rounds a score would have met, where it sat in the pool, bad input
and query counts; and the score box on round and stream pages."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from draws import charts
from draws.models import Draw
from eeportal.scores import checker
from tests.conftest import forget_cached_pages
from tests.factories import add_distribution, make_draw, many_rounds

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def content(response):
    return response.content.decode()


def days_ago(days):
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def rounds(db):
    """CEC rounds at 509 (latest), 515 and, more than a year ago, 470; a PNP round at 746."""
    return {
        "501": make_draw(501, days_ago(10), "cec", crs_min=509),
        "500": make_draw(500, days_ago(100), "cec", crs_min=515),
        "400": make_draw(400, days_ago(500), "cec", crs_min=470),
        "502": make_draw(502, days_ago(20), "pnp", crs_min=746),
        # Drafts are nobody's business but the editors'.
        "503": make_draw(503, days_ago(5), "cec", crs_min=300, status=Draw.Status.DRAFT),
    }


def check_page(client, **query):
    return client.get(reverse("scores:check"), query)


def result_for(response, slug):
    return next(r for r in response.context["check"].results if r.stream.slug == slug)


# Scores around a cut-off


def test_a_point_below_the_latest_cut_off_is_short_by_one(client, rounds):
    response = check_page(client, score="508")
    assert response.status_code == 200
    cec = result_for(response, "cec")
    assert not cec.meets_latest
    assert cec.points_short == 1
    assert (cec.recent_met, cec.recent_rounds, cec.met, cec.rounds) == (0, 2, 1, 3)
    assert cec.latest_met.label == "400"  # the old round at 470
    assert [r.stream.slug for r in response.context["check"].short_of_latest] == ["cec", "pnp"]
    page = content(response)
    assert "<title>Would a CRS score of 508 have been invited?" in page
    assert (
        "A score of 508 meets or beats the minimum CRS of 0 of the 3 rounds held in the last "
        "12 months, and 1 of all 4 on record." in page
    )
    assert "Short of the latest round" in page
    assert "Enough for the latest round" not in page


def test_a_score_equal_to_the_cut_off_meets_it(client, rounds):
    response = check_page(client, score="509")
    cec = result_for(response, "cec")
    assert cec.meets_latest
    assert cec.points_spare == 0
    assert (cec.recent_met, cec.recent_rounds, cec.met, cec.rounds) == (1, 2, 2, 3)
    assert cec.latest_met.label == "501"
    page = content(response)
    assert "Enough for the latest round" in page
    assert "A score of 509 meets or beats the minimum CRS of 1 of the 3 rounds" in page
    assert "only if their profile was submitted before the round's tie-breaking time" in page


def test_a_point_above_the_cut_off_has_one_to_spare(client, rounds):
    response = check_page(client, score="510")
    cec = result_for(response, "cec")
    assert cec.meets_latest
    assert cec.points_spare == 1
    assert [r.stream.slug for r in response.context["check"].met_latest] == ["cec"]
    pnp = result_for(response, "pnp")
    assert pnp.points_short == 236
    assert pnp.latest_met is None
    assert 'href="/draws/501/">#501</a>' in content(response)


def test_the_count_of_recent_rounds_met_links_to_exactly_those_rounds(client, rounds):
    page = content(check_page(client, score="515"))
    recent_from = days_ago(364).isoformat()
    link = f"/draws/?stream=cec&amp;crs_max=515&amp;date_from={recent_from}"
    assert f'<a href="{link}">2 of 2</a>' in page
    history = client.get(link.replace("&amp;", "&"))
    assert [draw.label for draw in history.context["page"].object_list] == ["501", "500"]
    all_time = client.get("/draws/?stream=cec&crs_max=515")
    assert [draw.label for draw in all_time.context["page"].object_list] == ["501", "500", "400"]


def test_a_score_that_met_no_round_says_so(client, rounds):
    response = check_page(client, score="100")
    assert response.status_code == 200
    assert response.context["check"].met_latest == ()
    page = content(response)
    assert "meets or beats the minimum CRS of 0 of the 3 rounds" in page
    assert "100 is below the cut-off of every one of these rounds." in page
    assert page.count(">None</td>") == 2  # no round met, in either stream


def test_with_no_rounds_at_all_there_is_nothing_to_compare(client, db):
    response = check_page(client, score="478")
    assert response.status_code == 200
    page = content(response)
    assert "No rounds have been published yet, so there is nothing to compare 478 with." in page
    assert "IRCC has not published a distribution of the pool" in page


def test_streams_can_be_chosen_and_one_without_rounds_is_named(client, rounds):
    response = check_page(client, score="600", stream=["pnp", "stem"])
    assert response.status_code == 200
    check = response.context["check"]
    assert [r.stream.slug for r in check.results] == ["pnp"]
    page = content(response)
    assert "0 of the 1 round held in the last 12 months in the streams chosen" in page
    assert "No rounds yet in STEM occupations." in page
    assert 'value="pnp" id="id_stream_4" checked' in page


def test_a_stream_given_twice_counts_once(client, rounds):
    response = check_page(client, score="600", stream=["stem", "stem", "cec"])
    assert [stream.slug for stream in response.context["check"].streams] == ["stem", "cec"]
    assert "No rounds yet in STEM occupations." in content(response)


def test_scores_of_a_thousand_or_more_are_written_with_a_comma(client, rounds):
    page = content(check_page(client, score="1200"))
    assert "<title>Would a CRS score of 1,200 have been invited?" in page
    assert "A score of 1,200 meets or beats the minimum CRS of 3 of the 3 rounds" in page


# Bad input


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"score": "abc"}, "Enter the score as a whole number, such as 478."),
        ({"score": "-1"}, "CRS scores run from 0 to 1,200."),
        ({"score": "5000"}, "CRS scores run from 0 to 1,200."),
        ({"score": "1e3"}, "Enter the score as a whole number, such as 478."),
        ({"score": "478.5"}, "Enter the score as a whole number, such as 478."),
        ({"score": ""}, "Enter a CRS score."),
        ({"score": ["478", "500"]}, "This link gives 2 scores; keep just one."),
        ({"score": "99999999999999999999"}, "CRS scores run from 0 to 1,200."),
        ({"score": "4" * 5000}, "Enter the score as a whole number, such as 478."),
        ({"score": "478\x00"}, "Enter the score as a whole number, such as 478."),
        ({"score": "478", "stream": "astronauts"}, "Select a valid choice."),
    ],
    ids=["letters", "negative", "too-high", "exponent", "fraction", "empty", "repeated",
         "huge", "thousands-of-digits", "nul", "unknown-stream"],
)  # fmt: skip
def test_a_score_that_cannot_be_read_is_a_400_with_the_form_and_a_message(
    client, rounds, query, message
):
    response = check_page(client, **query)
    assert response.status_code == 400
    page = content(response)
    assert message in page
    assert "This could not be checked: correct the answer below" in page
    assert 'aria-invalid="true"' in page
    assert "check" not in response.context


def test_a_field_error_is_tied_to_its_input(client, rounds):
    page = content(check_page(client, score="abc"))
    assert 'aria-describedby="id_score_helptext id_score_error"' in page
    assert '<div class="field-error" id="id_score_error">' in page
    assert 'value="abc"' in page  # the answer stays, to be corrected


def test_letters_typed_for_the_score_stay_in_a_valid_text_input(client, rounds):
    page = content(check_page(client, score="abc"))
    # type="number" may not hold "abc": a text input that asks phones for digits may.
    assert '<input type="text" name="score" value="abc" inputmode="numeric"' in page
    assert 'type="number" name="score"' not in page


def test_the_empty_page_shows_the_form_only(client, rounds):
    response = check_page(client)
    assert response.status_code == 200
    page = content(response)
    assert '<form class="filters tool-form" method="get" action="/check/"' in page
    assert "Would 0 have" not in page
    assert "check" not in response.context
    assert '<meta name="robots" content="noindex">' not in page


def test_a_link_with_only_tracking_parameters_shows_the_empty_form(client, rounds):
    response = check_page(client, utm_source="newsletter")
    assert response.status_code == 200
    assert "Enter a CRS score." not in content(response)


def test_a_result_is_a_shareable_address_kept_out_of_search_engines(client, rounds):
    page = content(check_page(client, score="509", stream="cec"))
    assert '<a href="/check/?score=509&amp;stream=cec">bookmark or share this link</a>' in page
    assert '<meta name="robots" content="noindex">' in page


# Active and dormant streams


def test_a_stream_without_a_round_for_years_is_listed_apart_with_its_latest_round(client, rounds):
    make_draw(150, dt.date(2020, 8, 6), "fst", crs_min=415)
    response = check_page(client, score="478")
    check = response.context["check"]
    assert [result.stream.slug for result in check.met_latest] == []
    assert [result.stream.slug for result in check.dormant] == ["fst"]
    page = content(response)
    assert "Streams with a round in the last 12 months (since " in page
    dormant = page[page.index('<h3 id="dormant-heading">') :]
    assert dormant.startswith(
        '<h3 id="dormant-heading">Streams without a round in the last 12 months</h3>'
    )
    assert '<time datetime="2020-08-06">6 August 2020</time>' in dormant
    assert "Yes, by 63" in dormant
    # Not among the streams a score is "enough for" now, and no "0 of 0" there.
    assert "Enough for the latest round" not in page
    assert "0 of 0" not in page


def test_dormant_streams_come_newest_first(client, rounds):
    make_draw(150, dt.date(2020, 8, 6), "fst", crs_min=415)
    make_draw(240, dt.date(2023, 2, 2), "general", crs_min=489)
    check = check_page(client, score="300").context["check"]
    assert [result.stream.slug for result in check.dormant] == ["general", "fst"]
    # The all-time totals still count them.
    assert check.rounds == 6


def test_a_score_exactly_at_the_latest_cut_off_says_it_needed_the_tie_break(client, rounds):
    response = check_page(client, score="509")
    page = content(response)
    assert (
        "Exactly the cut-off: invited only if the profile was submitted before the tie-break, "
        + f"{dt.date.fromordinal(days_ago(30).toordinal()).day} "
    ) in page
    assert page.count("Exactly the cut-off") == 1  # PNP's 746 is short, not at the cut-off
    Draw.objects.filter(number=501).update(tie_break=None)
    forget_cached_pages()
    page = content(check_page(client, score="509"))
    assert "before the tie-break, whose time is not recorded here." in page


def test_the_tie_break_note_counts_the_rounds_with_a_recorded_time(client, rounds):
    Draw.objects.filter(number__in=[400, 500]).update(tie_break=None)
    page = content(check_page(client, score="478"))
    assert "IRCC's records give that time for 2 of the 4 rounds here" in page
    assert "which each round's page gives" not in page


# Where the score sat in the pool


def test_the_pool_estimate_against_a_known_distribution(client, history):
    # The history's distribution of 19 January 2026: 601-1200: 677, 501-600: 16,341,
    # 451-500: 72,714 (of which 491-500: 13,278), 0-450: 100; 89,832 in all.
    # For 478, counted exactly: 677 + 16,341 + 13,278 = 30,296.
    # 451-500 less its 491-500 sub-band leaves 72,714 - 13,278 = 59,436 spread over 451-490,
    # 40 scores, of which 478 to 490 are 13: 59,436 * 13 / 40 = 19,316.7.
    # So about 30,296 + 19,316.7 = 49,612.7, said as 49,600; 49,612.7 / 89,832 = 55%.
    # It could be as few as 30,296 or as many as 30,296 + 59,436 = 89,732.
    response = check_page(client, score="478")
    pool = response.context["check"].pool
    assert pool.at_or_above == pytest.approx(49_612.7)
    page = content(response)
    assert (
        "On 19 January 2026, about 49,600 of the 89,832 candidates in the Express Entry pool "
        "had a CRS score of 478 or more (about 55% of the pool)." in page
    )
    assert "<strong>This is an estimate.</strong>" in page
    assert "30,296 were in bands wholly at 478 or above." in page
    assert "478 falls inside the 451\u2013490 band, which held 59,436" in page
    assert "somewhere from 30,296 to 89,732." in page
    assert 'href="/draws/392/">round #392</a>' in page
    assert 'class="chart chart-small"' in page


def test_a_score_where_a_band_begins_is_counted_exactly(client, history):
    # 601-1200 and 501-600: 677 + 16,341 = 17,018 candidates had 501 or more.
    page = content(check_page(client, score="501"))
    assert "On 19 January 2026, 17,018 of the 89,832 candidates" in page
    assert "(19% of the pool)" in page
    assert "This count is exact" in page
    assert "This is an estimate." not in page


def test_the_newest_distribution_is_used(client, history):
    newer = make_draw(400, dt.date(2026, 2, 4), "cec", crs_min=520)
    add_distribution(newer, dt.date(2026, 2, 2), [(0, 599, 1000), (600, 1200, 10)])
    response = check_page(client, score="600")
    pool = response.context["check"].pool
    assert pool.draw.label == "400"
    assert "On 2 February 2026, 10 of the 1,010 candidates" in content(response)


def test_ranges_that_do_not_overlap_use_the_narrowest_bands():
    bands = [(0, 450, 100), (451, 500, 90), (491, 500, 30), (481, 490, 60), (501, 1200, 5)]
    assert checker.disjoint_ranges(bands) == [
        (0, 450, 100),
        (481, 490, 60),
        (491, 500, 30),
        (501, 1200, 5),
    ]  # 451-480 holds nobody: the sub-bands account for all 90


def test_candidates_a_band_leaves_out_are_spread_over_the_scores_it_leaves_uncovered():
    # 1-10 holds 10; its sub-band 4-5 holds 2, so 8 are spread over 1-3 and 6-10 (8 scores).
    assert checker.disjoint_ranges([(1, 10, 10), (4, 5, 2)]) == [
        (1, 3, 3.0),
        (4, 5, 2),
        (6, 10, 5.0),
    ]
    position = checker.pool_position(7, None, [(1, 10, 10), (4, 5, 2)])
    # 6-10 holds 5; 7 to 10 are 4 of its 5 scores.
    assert (position.counted, position.estimated, position.split_range) == (0, 4.0, (6, 10, 5.0))
    assert position.total == 10


def test_a_score_past_every_band_has_nobody_at_or_above_it():
    position = checker.pool_position(1200, None, [(0, 600, 50), (601, 1199, 5)])
    assert (position.candidates, position.is_estimate, position.percent) == (0, False, 0)


@pytest.mark.parametrize(
    ("number", "said"),
    [(0, 0), (7.4, 7), (99.4, 99), (123.4, 120), (999, 1000), (49_612.7, 49_600)],
)
def test_estimates_are_rounded_to_what_they_can_claim(number, said):
    assert checker.rough(number) == said


def test_an_estimate_is_never_rounded_below_the_candidates_certain_to_be_above():
    # 221,417 wholly above 300; 300 is the top score of 201-300's 500: 5 more, so 221,422.
    position = checker.pool_position(300, None, [(201, 300, 500), (301, 1200, 221_417)])
    assert (position.fewest, position.most) == (221_417, 221_917)
    assert checker.rough(position.at_or_above) == 221_400  # below the certain 221,417
    assert position.candidates == 221_420
    assert not position.says_range


def test_an_estimate_resting_wholly_on_one_band_gives_its_range():
    # 1,199 in 601-1200's 500: about 1 by an even spread, but anywhere from 0 to 500.
    position = checker.pool_position(1199, None, [(0, 600, 221_000), (601, 1200, 500)])
    assert round(position.at_or_above) == 2
    assert (position.fewest, position.most, position.says_range) == (0, 500, True)


def test_the_pool_sentence_gives_the_range_instead_of_about_one(client, rounds):
    add_distribution(rounds["501"], days_ago(11), [(0, 600, 221_000), (601, 1200, 500)])
    page = content(check_page(client, score="1199"))
    assert (
        "somewhere from 0 to 500 of the 221,500 candidates in the Express Entry pool had a "
        "CRS score of 1,199 or more: IRCC's bands do not tell where in that range."
    ) in page
    assert "about 2 of" not in page and "about 1 of" not in page


def test_the_pool_sentence_stays_within_its_own_lower_bound(client, rounds):
    add_distribution(rounds["501"], days_ago(11), [(201, 300, 500), (301, 1200, 221_417)])
    page = content(check_page(client, score="300"))
    assert "about 221,420 of the 221,917 candidates" in page
    assert "somewhere from 221,417 to 221,917." in page


def test_the_pool_bar_marks_the_score_and_shades_those_at_or_above_it():
    svg = charts.pool_position_chart(
        "pool", [(0, 450, 300), (451, 500, 100)], 100, 451, title="Pool", description="Bands"
    )
    assert '<title id="pool-title">Pool</title>' in svg
    # 400 candidates over 344 units of bar: the lower 300 take 258, the marker sits at 8 + 258.
    assert '<rect class="chart-bar chart-bar-marked" x="266.0"' in svg
    assert '<line class="chart-marker" x1="266.0"' in svg
    assert ">451</text>" in svg
    assert ">0\u2013450</text>" in svg
    assert charts.pool_position_chart("pool", [], 0, 1, title="", description="") == ""


# Round and stream pages offer the checker


def test_round_and_stream_pages_offer_the_checker_for_their_stream(client, history):
    for url in [
        reverse("draws:detail", args=["392"]),
        reverse("draws:stream_detail", args=["cec"]),
    ]:
        page = content(client.get(url))
        form = re.search(r'<form method="get" action="/check/">.*?</form>', page, re.S).group()
        assert '<label for="check-box-score">Your CRS score</label>' in form
        assert 'name="score" id="check-box-score"' in form
        assert '<input type="checkbox" name="stream" value="cec" checked> Only CEC rounds' in form
        assert 'href="/crs/calculator/"' in page


def test_the_score_box_answers_on_the_checker(client, history):
    response = client.get("/check/", {"score": "509", "stream": "cec"})
    assert response.status_code == 200
    assert [r.stream.slug for r in response.context["check"].results] == ["cec"]


def test_the_main_menu_links_to_the_checker(client, history):
    page = content(check_page(client))
    assert '<a href="/check/" aria-current="page">Check your score</a>' in page
    assert '<a href="/check/">Check your score</a>' in content(client.get("/"))


# The checker's answers are counted in tests/site/test_query_counts.py; its refusals here.
# Each count includes the content version the page cache reads first.


@pytest.mark.usefixtures("version_read_every_request")
@pytest.mark.parametrize("extra_rounds", [10, 10_000])
def test_the_empty_or_invalid_checker_reads_only_the_streams_and_the_menu(
    client, history, django_assert_num_queries, extra_rounds
):
    many_rounds(extra_rounds)
    for query in [{}, {"score": "abc"}]:
        with django_assert_num_queries(4):  # with the footer's last check of IRCC's feed
            check_page(client, **query)
