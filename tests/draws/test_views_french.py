"""The home page, the history, a round's page and the corrections in French: the sentences
built from figures and filters read as French, with French numbers and dates."""

import html
import json
import re

import pytest

from draws.models import Correction
from tests.factories import import_shipped_rounds

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def text(response):
    """The page's words, without its tags, entities decoded, spaces made one."""
    words = html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))
    return re.sub(r"[ \t\n]+", " ", words)


def head(response, name):
    return html.unescape(
        re.search(
            rf'<meta (?:name|property)="{name}" content="([^"]*)"', response.content.decode()
        )[1]
    )


def structured_data(response):
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode()
    )
    return json.loads(found[1])


def test_the_home_page_names_the_latest_round_in_french(client, history):
    response = client.get("/fr/")
    page = text(response)

    assert f"<title>Dernière ronde #392{NBSP}: CEC, SCG de 509" in response.content.decode()
    assert f"Dernière{NBSP}: Ronde #392 (CEC) du 21 janvier 2026" in head(response, "description")
    assert f"14{NBSP}681 invitations en 3 rondes jusqu'ici cette année." in page
    assert "2 points de moins et 2" + NBSP + "000 invitations de moins que #389" in page
    assert structured_data(response)["inLanguage"] == "fr-CA"


def test_a_filtered_history_is_named_and_counted_in_french(client, history):
    response = client.get("/fr/rondes/?stream=cec&year=2026&crs_min=500")
    page = text(response)

    heading = (
        "Rondes \u2013 Catégorie de l'expérience canadienne en 2026 "
        "avec une note minimale du SCG de 500 ou plus"
    )
    assert f"<h1>{heading}</h1>" in html.unescape(response.content.decode())
    assert "2 rondes correspondent à ces filtres." in page
    assert head(response, "description").startswith(
        f"{heading}{NBSP}: 2 rondes, 14{NBSP}000 invitations"
    )
    assert structured_data(response)["inLanguage"] == "fr-CA"


def test_the_history_refuses_a_bad_filter_in_french(client, history):
    response = client.get("/fr/rondes/?date_from=2026-02-01&date_to=2026-01-01")

    assert response.status_code == 400
    assert "Certains filtres n'ont pas pu être lus." in text(response)
    assert "La date de fin précède la date de début." in text(response)


def test_round_392_tells_its_tie_break_and_moves_in_french(client, history):
    response = client.get("/fr/rondes/392/")
    page = text(response)

    assert f"Le 21 janvier 2026, IRCC a invité 6{NBSP}000 candidats" in page
    assert "soumis avant le 29 octobre 2025 à 04 h 35 UTC ont été invités." in page
    assert (
        "237 points de moins et 5"
        + NBSP
        + "319 invitations de plus que #391 (PCP), 1 jour plus tôt"
        in page
    )
    assert head(response, "og:title") == (
        f"Ronde #392{NBSP}: CEC, 6{NBSP}000 invitations, "
        "note minimale du SCG de 509 (21 janvier 2026)"
    )
    assert structured_data(response)["headline"] == (
        f"Ronde #392{NBSP}: Catégorie de l'expérience canadienne"
    )


def test_a_correction_is_told_in_french(client, history):
    Correction.objects.create(draw=history["392"], field="crs_min", before=510, after=509)

    assert f"Note minimale du SCG{NBSP}: 510, maintenant 509" in text(
        client.get("/fr/corrections/")
    )
    assert f"(note minimale du SCG{NBSP}: 510, maintenant 509)." in text(
        client.get("/fr/rondes/392/")
    )
    assert "Minimum CRS 510, now 509" in text(client.get("/corrections/"))


FOUR_PROGRAMS = (
    "Federal Skilled Worker, Canadian Experience Class, Federal Skilled Trades and Provincial "
    "Nominee Program"
)
FOUR_PROGRAMS_FR = (
    "Programme des travailleurs qualifiés (fédéral), Catégorie de l'expérience canadienne, "
    "Programme des travailleurs de métiers spécialisés (fédéral) et Programme des candidats "
    "des provinces"
)
ENGLISH_PROGRAM_NAMES = [
    "Federal Skilled Worker",
    "Canadian Experience Class",
    "Federal Skilled Trades",
    "Provincial Nominee",
]


def main_of(response):
    """The page's <main>, entities decoded."""
    return html.unescape(response.content.decode().split("<main", 1)[1].split("</main>")[0])


def round_392(history, **fields):
    draw = history["392"]
    for name, value in fields.items():
        setattr(draw, name, value)
    draw.save()
    return draw


def test_a_french_round_page_gives_irccs_list_of_programs_in_french(client, history):
    round_392(history, eligible_programs=FOUR_PROGRAMS)

    main = main_of(client.get("/fr/rondes/392/"))

    assert f"<dd>{FOUR_PROGRAMS_FR}</dd>" in main
    assert [name for name in ENGLISH_PROGRAM_NAMES if name in main] == []


def test_irccs_french_list_or_an_editors_wins_over_the_one_made_from_the_english(client, history):
    french = "Catégorie de l\u2019expérience canadienne et autres programmes"
    round_392(history, eligible_programs=FOUR_PROGRAMS, eligible_programs_fr=french)

    assert f"<dd>{french}</dd>" in main_of(client.get("/fr/rondes/392/"))


def test_the_english_round_page_keeps_irccs_english_list(client, history):
    round_392(history, eligible_programs=FOUR_PROGRAMS, eligible_programs_fr=FOUR_PROGRAMS_FR)

    main = main_of(client.get("/draws/392/"))

    assert f"<dd>{FOUR_PROGRAMS}</dd>" in main
    assert "Programme" not in main


def test_a_list_naming_a_program_without_a_french_name_is_shown_in_english_and_marked(
    client, history
):
    english = "Canadian Experience Class and Atlantic Immigration Program"
    round_392(history, eligible_programs=english)

    assert f'<dd lang="en-CA">{english}</dd>' in main_of(client.get("/fr/rondes/392/"))
    assert f"<dd>{english}</dd>" in main_of(client.get("/draws/392/"))


def test_a_note_written_in_french_is_shown_in_french(client, history):
    round_392(
        history,
        notes="IRCC held this round a day early.",
        notes_fr="IRCC a tenu cette ronde un jour plus tôt.",
    )

    french = main_of(client.get("/fr/rondes/392/"))
    english = main_of(client.get("/draws/392/"))

    assert "<p>IRCC a tenu cette ronde un jour plus tôt.</p>" in french
    assert "IRCC held this round" not in french and 'lang="en-CA"' not in french
    assert "pas encore traduite" not in french
    assert "<p>IRCC held this round a day early.</p>" in english
    assert "plus tôt" not in english


def test_a_note_not_yet_in_french_is_shown_in_english_marked_and_said_so(client, history):
    round_392(history, notes="IRCC held this round a day early.")

    french = main_of(client.get("/fr/rondes/392/"))
    english = main_of(client.get("/draws/392/"))

    assert '<p lang="en-CA">IRCC held this round a day early.</p>' in french
    assert (
        '<p class="translation-note">Cette remarque n\'est pas encore traduite en français'
        f"{NBSP}: voici son texte anglais.</p>" in french
    )
    assert "<p>IRCC held this round a day early.</p>" in english
    assert "translation-note" not in english


def test_a_round_irccs_feed_gives_without_a_distribution_says_so_in_french(client, tmp_path):
    import_shipped_rounds(tmp_path, ["223", "435"])
    published_none = "IRCC n'a pas publié la répartition des notes du bassin avec cette ronde."
    not_yet = "La répartition des notes du bassin pour cette ronde n'est pas encore inscrite ici."

    page = text(client.get("/fr/rondes/223/"))
    digest = text(client.get("/fr/rondes/435/"))

    assert published_none in page
    assert not_yet not in page
    assert not_yet in digest
    assert published_none not in digest
