"""The CRS calculator page: a profile in, the total and every line of its working out, with
the checker's answer for the total; bad answers back on the form; pinned query counts.

The points tables themselves are tested cell by cell in test_crs.py and test_language_tests.py.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.conftest import forget_cached_pages
from tests.factories import many_rounds

pytestmark = pytest.mark.django_db

URL = reverse("scores:crs_calculator")


def content(response):
    return response.content.decode()


def answers(**changes):
    """A married candidate of 29 whose wife comes along: the profile most tests start from."""
    values = {
        "marital_status": "married",
        "partner_citizen": "no",
        "partner_coming": "yes",
        "age": "29",
        "education": "masters",
        "canadian_education": "none",
        "first_test": "ielts-general",
        "first_speaking": "7",
        "first_listening": "8",
        "first_reading": "7",
        "first_writing": "7",
        "second_test": "",
        "canadian_work": "1",
        "foreign_work": "3",
        "certificate": "no",
        "nomination": "no",
        "sibling": "no",
        "spouse_education": "bachelors",
        "spouse_test": "celpip-general",
        "spouse_speaking": "7",
        "spouse_listening": "7",
        "spouse_reading": "7",
        "spouse_writing": "7",
        "spouse_canadian_work": "0",
    }
    values.update(changes)
    return {name: value for name, value in values.items() if value is not None}


def breakdown(response):
    """{section title: [(factor, rule, points)]} as the page's tables show them."""
    page = content(response)
    sections = {}
    for section in re.findall(r'<section class="crs-section".*?</section>', page, re.S):
        title = re.search(r"<h3[^>]*>(.*?):", section).group(1)
        rows = re.findall(
            r'<tr(?: class="limit")?><th scope="row"><span class="factor">(.*?)</span> '
            r'<span class="rule">(.*?)</span></th><td class="num">(.*?)</td></tr>',
            section,
        )
        sections[title] = rows
    return sections


def test_a_full_profile_gives_the_total_and_every_line_of_the_breakdown(client, history):
    # By hand, with the "with a spouse" column: age 29: 100; master's: 126; IELTS 7, 8, 7, 7
    # are CLB 9 in each ability: 4 x 29; a year in Canada: 35. Core 377.
    # Spouse: bachelor's 8; CELPIP 7 is CLB 7: 4 x 3; no Canadian work. 20.
    # Transferability: master's with CLB 9: 50, with a year in Canada: 25, capped at 50;
    # 3 years abroad with CLB 9: 50, with a year in Canada: 25, capped at 50. 100.
    # Additional: none. Total 377 + 20 + 100 = 497.
    response = client.get(URL, answers())
    assert response.status_code == 200
    assert response.context["result"].total == 497
    page = content(response)
    assert '<strong class="big">497</strong> <span>out of 1,200</span>' in page
    sections = breakdown(response)
    assert list(sections) == [
        "Core human capital",
        "Spouse or common-law partner",
        "Skill transferability",
        "Additional points",
    ]
    core = sections["Core human capital"]
    assert core[0] == ("Age", "Age 29: 100 points with an accompanying spouse or partner", "100")
    assert (
        "First official language (English): listening",
        "CLB 9: 29 points with an accompanying spouse or partner",
        "29",
    ) in core
    assert ("Second official language (French)", "No French results given", "0") in core
    assert 'Core human capital: 377 points <span class="of-maximum">of 460</span>' in page
    assert (
        "Spouse&#x27;s official language: reading",
        "CLB 7: 3 points",
        "3",
    ) in sections["Spouse or common-law partner"]
    transferability = sections["Skill transferability"]
    assert (
        "Education combinations limit",
        "Education combinations together stop at 50; 75 were earned",
        "\u221225",
    ) in transferability
    assert "Skill transferability: 100 points" in page
    assert (
        "Arranged employment (job offer)",
        "No longer scored: IRCC stopped giving points for a job offer on 25 March 2025. "
        "Before that a qualifying offer gave 50 points, or 200 in senior management.",
        "0",
    ) in sections["Additional points"]


def test_a_nominated_french_speaker_reaches_the_additional_points_limit(client, history):
    # Single: age 33: 88; bachelor's: 120; CELPIP 10s are CLB 10: 4 x 34 = 136; TEF Canada at
    # NCLC 7 in each ability: 4 x 3 = 12; 3 years in Canada: 64. Core 420.
    # Transferability: bachelor's with CLB 10: 25, with 3 years in Canada: 25. 50.
    # Additional: nomination 600, sibling 15, French NCLC 7 with English CLB 5+: 50,
    # a 3-year Canadian credential: 30, 695 in all, stopped at 600. Total 420 + 50 + 600.
    response = client.get(
        URL,
        answers(
            marital_status="single",
            partner_citizen=None,
            partner_coming=None,
            age="33",
            education="bachelors",
            canadian_education="three-years-or-more",
            first_test="celpip-general",
            first_speaking="10",
            first_listening="11",
            first_reading="10",
            first_writing="12",
            second_test="tef-canada",
            second_speaking="456",
            second_listening="434",
            second_reading="434",
            second_writing="428",
            canadian_work="3",
            foreign_work="0",
            nomination="yes",
            sibling="yes",
        ),
    )
    assert response.status_code == 200
    assert response.context["result"].total == 1070
    page = content(response)
    assert '<strong class="big">1,070</strong>' in page
    assert "Would 1,070 have been invited?" in page
    assert '<a href="/check/?score=1070">Check 1,070 in the score checker</a>' in page
    sections = breakdown(response)
    assert sections["Spouse or common-law partner"] == []
    assert "Not scored: no spouse or partner who is coming along" in content(response)
    assert (
        "Additional points limit",
        "Additional points stop at 600; 695 were earned",
        "\u221295",
    ) in sections["Additional points"]
    assert (
        "Second official language (French): speaking",
        "NCLC 7: 3 points",
        "3",
    ) in sections["Core human capital"]


def test_a_spouse_who_is_a_permanent_resident_is_not_scored(client, history):
    response = client.get(URL, answers(partner_citizen="yes"))
    assert response.status_code == 200
    result = response.context["result"]
    assert result.spouse.subtotal == 0
    assert "Age 29: 110 points without an accompanying spouse or partner" in content(response)


def test_the_result_shows_the_checker_for_the_total(client, history):
    response = client.get(URL, answers())
    page = content(response)
    assert response.context["check"].score == 497
    assert "Would 497 have been invited?" in page
    assert "about 22,300 of the 89,832 candidates" in page
    assert '<a href="/check/?score=497">Check 497 in the score checker</a>' in page
    assert "Canadian Experience Class" in page


def test_the_result_is_a_link_to_share_and_kept_out_of_search_engines(client, history):
    response = client.get(URL, answers())
    page = content(response)
    link = re.search(r'<a href="([^"]*)">bookmark or share this link</a>', page).group(1)
    assert link.startswith("/crs/calculator/?marital_status=married&amp;")
    assert '<meta name="robots" content="noindex">' in page
    again = client.get(link.replace("&amp;", "&"))
    assert '<strong class="big">497</strong>' in content(again)


def test_the_page_gives_the_rules_in_force_since_when_and_their_check_date(client, history):
    page = content(client.get(URL))
    assert (
        'CRS rules in force since <time datetime="2025-03-25">25 March 2025</time>, as IRCC '
        "publishes them on its "
        '<a href="https://www.canada.ca/en/immigration-refugees-citizenship/services/'
        'immigrate-canada/express-entry/check-score/crs-criteria.html">CRS criteria page</a>; '
        'checked here on <time datetime="2026-11-25">25 November 2026</time>. IRCC may have '
        "changed them since that date: its page is the authority."
    ) in page
    assert "Today a job offer earns no points: IRCC stopped counting them on 25 March 2025." in page


def test_the_empty_form_asks_every_question_with_labels_and_groups(client, history):
    response = client.get(URL)
    assert response.status_code == 200
    page = content(response)
    assert "result" not in response.context
    assert '<form class="calculator" method="get" action="/crs/calculator/"' in page
    for legend in [
        "About you",
        "Education",
        "First official language",
        "Second official language (if you took a test)",
        "Work experience and trade certificate",
        "Nomination and family in Canada",
        "Your spouse or common-law partner",
    ]:
        assert f"<legend>{legend}</legend>" in page
    for field in ["age", "education", "first_test", "first_reading", "spouse_education"]:
        assert f'<label for="id_{field}">' in page
    assert "<legend>Has a province or territory nominated you?</legend>" in page
    assert "IELTS General Training from 0 to 9 in steps of 0.5" in page
    assert '<optgroup label="French">' in page


# Bad answers


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"age": "300"}, "age", "Enter an age from 16 to 99."),
        ({"age": "abc"}, "age", "Enter your age as a whole number of years, such as 29."),
        ({"age": ""}, "age", "Enter your age."),
        ({"marital_status": None}, "marital_status", "Choose your marital status."),
        ({"education": "astronaut"}, "education", "Select a valid choice."),
        ({"first_test": ""}, "first_test", "Choose the language test you took."),
        (
            {"first_reading": "12"},
            "first_reading",
            "IELTS General Training reading scores run from 0 to 9 in steps of 0.5, so 12 is "
            "not a possible score.",
        ),
        (
            {"first_reading": "6.3"},
            "first_reading",
            "IELTS General Training reading scores run from 0 to 9 in steps of 0.5",
        ),
        ({"first_writing": ""}, "first_writing", "Enter the writing score from IELTS General"),
        (
            {"first_test": "tcf-canada", "first_speaking": "21"},
            "first_speaking",
            "TCF Canada speaking scores run from 0 to 20 in whole numbers, so 21 is not",
        ),
        (
            {"first_test": "pte-core", "first_listening": "5"},
            "first_listening",
            "PTE Core listening scores run from 10 to 90",
        ),
        (
            {"second_test": "celpip-general", "second_speaking": "9", "second_listening": "9",
             "second_reading": "9", "second_writing": "9"},
            "second_test",
            "Your first test is in English, so a second-language test must be in French.",
        ),
        ({"second_speaking": "400"}, "second_test", "Choose the test these scores are from."),
        (
            {"partner_coming": None},
            "partner_coming",
            "Say whether your spouse or partner will come with you.",
        ),
        (
            {"spouse_education": ""},
            "spouse_education",
            "Your spouse or partner is coming with you: choose their highest level",
        ),
        (
            {"spouse_reading": "nan"},
            "spouse_reading",
            "CELPIP-General reading scores run from 0 to 12 in whole numbers, so nan is not",
        ),
        (
            {"education": "secondary", "canadian_education": "one-or-two-years"},
            "canadian_education",
            "This is more education than the highest level chosen above",
        ),
        ({"canadian_work": "9"}, "canadian_work", "Select a valid choice."),
        ({"nomination": "maybe"}, "nomination", "Select a valid choice."),
        ({"first_speaking": "7" * 50}, "first_speaking", "That is too long to be a test score."),
    ],
)  # fmt: skip
def test_a_bad_answer_is_a_400_with_the_message_on_its_field(
    client, history, changes, field, message
):
    response = client.get(URL, answers(**changes))
    assert response.status_code == 400
    assert "result" not in response.context
    page = content(response)
    error = re.search(rf'<div class="field-error" id="id_{field}_error">(.*?)</div>', page, re.S)
    assert error, f"no error shown on {field}"
    assert message in error.group(1)
    assert "Some answers need another look" in page
    anchor = f"id_{field}_0" if field in ("partner_coming", "nomination") else f"id_{field}"
    assert f'<li><a href="#{anchor}">' in page
    assert 'aria-invalid="true"' in page


def test_an_error_is_tied_to_its_input_and_the_answers_stay(client, history):
    page = content(client.get(URL, answers(age="300")))
    assert (
        '<input type="text" name="age" value="300" inputmode="numeric" spellcheck="false" '
        'required aria-invalid="true" aria-describedby="id_age_helptext id_age_error" id="id_age">'
    ) in page
    assert '<option value="masters" selected>' in page


def test_answers_that_do_not_apply_are_not_checked(client, history):
    # A single candidate's stray spouse answers are left out (and said to be) rather than
    # refused.
    response = client.get(
        URL,
        answers(marital_status="single", spouse_reading="99", spouse_education="astronaut"),
    )
    assert response.status_code == 400  # an unknown choice is still an unknown choice
    response = client.get(URL, answers(marital_status="single", spouse_reading="99"))
    assert response.status_code == 200
    assert response.context["result"].spouse.subtotal == 0


def test_spouse_answers_given_for_a_single_person_are_pointed_out(client, history):
    response = client.get(
        URL, answers(marital_status="single", partner_coming="yes", spouse_test="tef-canada")
    )
    assert response.status_code == 200
    page = content(response)
    assert "Some answers were left out of this score: you have no spouse or common-law " in page
    for question in [
        "Will your spouse or partner come with you to Canada?",
        "Spouse or partner, highest level of education completed",
        "Spouse or partner, test taken",
        "Spouse or partner, speaking",
    ]:
        assert f"<li>{question}</li>" in page
    # A partner who is a permanent resident: their answers are left out, and said to be.
    page = content(client.get(URL, answers(partner_citizen="yes")))
    assert "your spouse or partner is a Canadian citizen or permanent resident" in page
    # Nothing to point out when nothing was given.
    page = content(
        client.get(URL, answers(**dict.fromkeys(SPOUSE_ANSWERS), marital_status="single"))
    )
    assert "were left out" not in page


SPOUSE_ANSWERS = [
    "partner_citizen",
    "partner_coming",
    "spouse_education",
    "spouse_test",
    "spouse_speaking",
    "spouse_listening",
    "spouse_reading",
    "spouse_writing",
    "spouse_canadian_work",
]


def test_a_french_spouse_test_is_described_in_nclc(client, history):
    # TEF Canada speaking 518, listening 503, reading 503, writing 512: NCLC 9 in each.
    response = client.get(
        URL,
        answers(
            spouse_test="tef-canada",
            spouse_speaking="518",
            spouse_listening="503",
            spouse_reading="503",
            spouse_writing="512",
        ),
    )
    spouse = breakdown(response)["Spouse or common-law partner"]
    assert ("Spouse&#x27;s official language: speaking", "NCLC 9: 5 points", "5") in spouse
    assert "CLB 9" not in str(spouse)


@pytest.mark.parametrize(
    "name, values",
    [
        ("age", ["29", "45"]),
        ("marital_status", ["single", "married"]),
        ("education", ["masters", "masters"]),
    ],
)
def test_a_question_answered_twice_in_a_link_is_refused(client, history, name, values):
    response = client.get(URL, {**answers(), name: values})
    assert response.status_code == 400
    assert "This link gives 2 answers here; keep just one." in content(response)
    assert "result" not in response.context


@pytest.mark.parametrize("url", [URL, reverse("scores:check")])
def test_a_post_to_a_tool_is_a_405_page_not_the_sign_in_refusal(client, history, url):
    response = client.post(url, {"score": "478"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    page = content(response)
    assert "<h1>This page only answers links</h1>" in page
    assert f'href="{url}"' in page
    assert "CSRF" not in page


def test_the_calculator_is_in_the_main_menu_and_marked_current_there(client, history):
    page = content(client.get(URL))
    assert f'<li><a href="{URL}" aria-current="page">CRS calculator</a></li>' in page
    assert f'<li><a href="{URL}">CRS calculator</a></li>' in content(client.get("/"))


def test_letters_typed_for_the_age_stay_in_a_valid_text_input(client, history):
    response = client.get(URL, answers(age="abc"))
    assert response.status_code == 400
    page = content(response)
    assert "Enter your age as a whole number of years, such as 29." in page
    assert '<input type="text" name="age" value="abc" inputmode="numeric"' in page
    assert 'type="number"' not in page


# The rules by date


def with_job_offer(**changes):
    return answers(job_offer="senior-management", **changes)


def test_a_job_offer_counts_under_the_rules_before_25_march_2025(client, history):
    response = client.get(URL, with_job_offer(rules="2025-03-24"))
    assert response.status_code == 200
    assert response.context["result"].total == 697  # 497 and 200 for senior management
    page = content(response)
    assert (
        "Under the rules in force on 24 March 2025 (from 16 November 2022), these answers score "
        "<strong>697</strong>; under today's rules (since 25 March 2025) they score "
        "<strong>497</strong>. The change took 200 points off."
    ) in page
    assert "<li>Arranged employment (job offer): 200 then, 0 today</li>" in page
    assert (
        'CRS rules in force from <time datetime="2022-11-16">16 November 2022</time> to '
        '<time datetime="2025-03-24">24 March 2025</time>, as IRCC published them'
    ) in page
    additional = breakdown(response)["Additional points"]
    assert (
        "Arranged employment (job offer)",
        "An offer in senior management: NOC TEER 0, major group 00: 200 points",
        "200",
    ) in additional


def test_the_same_answers_a_day_later_lose_the_job_offer(client, history):
    response = client.get(URL, with_job_offer(rules="2025-03-25"))
    assert response.context["result"].total == 497
    assert response.context["comparison"] is None
    assert "The rules in force on 25 March 2025 are today's" in content(response)


def test_a_result_under_todays_rules_links_to_the_same_answers_under_the_previous_set(
    client, history
):
    page = content(client.get(URL, with_job_offer()))
    link = re.search(
        r'<a href="([^"]+)">See these answers under the rules in force before 25 March 2025</a>',
        page,
    )
    compared = client.get(link.group(1).replace("&amp;", "&"))
    assert compared.context["form"].cleaned_data["rules"] == dt.date(2025, 3, 24)
    assert compared.context["comparison"].change == -200


def test_today_moves_the_rules_the_calculator_applies(client, history, today):
    today.move_to(dt.date(2025, 3, 24))
    response = client.get(URL, with_job_offer())
    assert response.context["result"].total == 697
    assert "CRS rules in force since <time" not in content(response)
    forget_cached_pages()  # the page cache keeps a page until an edit or its maximum age
    today.move_to(dt.date(2025, 3, 25))
    response = client.get(URL, with_job_offer())
    assert response.context["result"].total == 497
    assert 'CRS rules in force since <time datetime="2025-03-25">' in content(response)


@pytest.mark.parametrize(
    "rules, message",
    [
        ("yesterday", "Enter a date as year-month-day, such as 2025-03-24."),
        ("2025-02-30", "Enter a date as year-month-day, such as 2025-03-24."),
        ("24/03/2025", "Enter a date as year-month-day, such as 2025-03-24."),
        (
            "2022-11-15",
            "The rules held here start on 16 November 2022; choose that day or a later one.",
        ),
        (
            "1999-01-01",
            "The rules held here start on 16 November 2022; choose that day or a later one.",
        ),
        (
            "2999-01-01",
            "Choose today or an earlier day: the rules of a day to come are not known yet.",
        ),
        (["2025-03-24", "2024-01-01"], "This link gives 2 answers here; keep just one."),
    ],
)
def test_a_rules_date_that_cannot_be_used_is_a_form_error(client, history, rules, message):
    response = client.get(URL, answers(rules=rules))
    assert response.status_code == 400
    page = content(response)
    assert message in page
    assert "Score with the rules in force on" in page


def test_a_link_with_only_a_rules_date_fills_it_in_and_asks_the_rest(client, history):
    response = client.get(URL, {"rules": "2025-03-24"})
    assert response.status_code == 200
    page = content(response)
    assert "Some answers need another look" not in page
    assert 'name="rules" value="2025-03-24"' in page
    assert '<meta name="robots" content="noindex">' in page


@pytest.mark.parametrize(
    "rules, message",
    [
        ("abc", "Enter a date as year-month-day, such as 2025-03-24."),
        ("2020-01-01", "The rules held here start on 16 November 2022"),
        (["2025-03-24", "2025-03-25"], "This link gives 2 answers here; keep just one."),
    ],
)
def test_a_link_with_only_a_bad_rules_date_says_so_on_that_field(client, history, rules, message):
    response = client.get(URL, {"rules": rules})
    assert response.status_code == 400
    page = content(response)
    assert message in page
    assert 'aria-invalid="true" aria-describedby="id_rules_helptext id_rules_error"' in page
    assert page.count('aria-invalid="true"') == 1  # the questions are not answered yet: no errors


def test_questions_with_a_natural_default_may_be_left_out_of_a_link(client, history):
    response = client.get(
        URL,
        {
            "marital_status": "single",
            "age": "30",
            "education": "bachelors",
            "first_test": "celpip-general",
            "first_speaking": "9",
            "first_listening": "9",
            "first_reading": "9",
            "first_writing": "9",
        },
    )
    assert response.status_code == 200
    # 105 + 120 + 4 x 31 + 25 for a bachelor's with CLB 9.
    assert response.context["result"].total == 374


def test_a_link_with_only_tracking_parameters_shows_the_empty_form(client, history):
    response = client.get(URL, {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert "Some answers need another look" not in content(response)


# Query counts stay fixed whatever the size of the history. Each includes the content
# version the page cache reads first (eeportal.pagecache.middleware).


@pytest.mark.usefixtures("version_read_every_request")
@pytest.mark.parametrize("extra_rounds", [10, 10_000])
def test_calculator_query_counts_are_fixed(
    client, history, django_assert_num_queries, extra_rounds
):
    many_rounds(extra_rounds)
    # The content version, the guides in the header's menu, the footer's last feed check.
    with django_assert_num_queries(3):
        assert client.get(URL).status_code == 200
    with django_assert_num_queries(3):
        assert client.get(URL, answers(age="300")).status_code == 400
    # Then the checker's counts per stream, latest rounds and bands.
    with django_assert_num_queries(6):
        assert client.get(URL, answers()).status_code == 200
    # A past day's rules: two totals worked out, no query more.
    with django_assert_num_queries(6):
        assert client.get(URL, answers(rules="2025-03-24")).status_code == 200


# The CRS guide


def test_the_crs_guide_states_its_rules_and_links_to_the_calculator(client, history):
    page = content(client.get(reverse("draws:guide_detail", args=["crs"])))
    assert (
        'CRS rules in force since <time datetime="2025-03-25">25 March 2025</time>, as IRCC '
        "publishes them"
    ) in page
    assert "IRCC may have changed them since that date" in page
    assert f'<a href="{URL}">Work out your score with the CRS calculator</a>' in page
    # The other guides are about programs, not the CRS's rules.
    assert "CRS rules in force since" not in content(client.get("/programs/cec/"))
