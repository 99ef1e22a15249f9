"""The score tools in French: the words IRCC uses in French (NCLC for every level), figures
through French localization, and form errors in our own French rather than Django's."""

from html import unescape

import pytest

from tests.site.test_french import CALCULATOR_PROFILE

pytestmark = pytest.mark.django_db

NBSP = "\N{NO-BREAK SPACE}"


def page(client, address, status=200):
    response = client.get(address)
    assert response.status_code == status
    return unescape(response.content.decode())


def test_the_breakdown_speaks_of_nclc_for_an_english_test_as_ircc_does_in_french(client, history):
    html = page(client, "/fr/scg/calculatrice/?" + CALCULATOR_PROFILE)
    assert f"Première langue officielle (anglais){NBSP}: compréhension de l'oral" in html
    assert f"NCLC 9{NBSP}: 29 points avec un époux ou conjoint de fait" in html
    assert "CLB" not in html.replace("NCLC", "")
    # English keeps CLB for the same answers.
    assert "CLB 9: 29 points with an accompanying spouse or partner" in page(
        client, "/crs/calculator/?" + CALCULATOR_PROFILE
    )


def test_figures_and_the_pool_share_follow_french_localization(client, history):
    html = page(client, "/fr/verifier/?score=509")
    assert f"sur 1{NBSP}200" not in html  # the checker gives no maximum; the calculator does
    assert f"des 89{NBSP}832 candidats du bassin" in html
    assert f"(environ 17{NBSP}% du bassin)" in html
    assert "(about 17% of the pool)" in page(client, "/check/?score=509")
    calculator = page(client, "/fr/scg/calculatrice/")
    assert f"sur 1{NBSP}200, chaque point expliqué" in calculator
    assert "Règles du SCG en vigueur depuis le" in calculator


@pytest.mark.parametrize(
    ("address", "ours"),
    [
        ("/fr/verifier/?score=478&stream=astronauts", "« astronauts » n'en fait pas partie"),
        (
            "/fr/scg/calculatrice/?"
            + CALCULATOR_PROFILE.replace("education=masters", "education=x"),
            "« x » n'en fait pas partie",
        ),
        (
            "/fr/scg/calculatrice/?" + CALCULATOR_PROFILE.replace("age=29", "age=200"),
            "Entrez un âge de 16 à 99 ans.",
        ),
    ],
)
def test_a_bad_answer_is_refused_in_our_french_not_djangos(client, history, address, ours):
    html = page(client, address, status=400).replace(NBSP, " ")
    assert ours in html
    assert "Sélectionnez un choix valide" not in html


def test_a_test_score_out_of_its_scale_is_explained_in_french(client, history):
    query = CALCULATOR_PROFILE.replace("first_reading=7", "first_reading=6.3")
    html = page(client, "/fr/scg/calculatrice/?" + query, status=400)
    assert (
        "Au test IELTS General Training, les résultats en compréhension de l'écrit vont de 0 à 9 "
        "par tranches de 0,5" in html
    )


def test_a_post_gets_the_405_page_in_french(client, history):
    response = client.post("/fr/scg/calculatrice/")
    assert response.status_code == 405
    assert "Cet outil (calculatrice du SCG)" in response.content.decode()
