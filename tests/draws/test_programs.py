"""IRCC's English lists of eligible programs (its feed's drawText2) in IRCC's French."""

import json

import pytest

from draws import programs
from tests.factories import PROJECT

FSW = "Programme des travailleurs qualifiés (fédéral)"
CEC = "Catégorie de l'expérience canadienne"
FST = "Programme des travailleurs de métiers spécialisés (fédéral)"
PNP = "Programme des candidats des provinces"

# Every list IRCC's feed has given, as the shipped history holds them.
REAL_LISTS = {
    "Federal Skilled Worker, Canadian Experience Class, Federal Skilled Trades and Provincial "
    "Nominee Program": f"{FSW}, {CEC}, {FST} et {PNP}",
    "Provincial Nominee Program": PNP,
    "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades "
    "Program": f"{FSW}, {CEC} et {FST}",
    "Canadian Experience Class": CEC,
    "Federal Skilled Worker Program, Canadian Experience Class, Federal Skilled Trades Program "
    "and Provincial Nominee Program": f"{FSW}, {CEC}, {FST} et {PNP}",
    "Federal Skilled Trades": FST,
    "Federal Skilled Worker": FSW,
}


def test_the_lists_here_are_every_list_in_irccs_history():
    feed = json.loads((PROJECT / "data" / "ircc-ee-rounds-123-en.json").read_text("utf-8"))
    assert {raw["drawText2"] for raw in feed["rounds"]} == set(REAL_LISTS)


@pytest.mark.parametrize(("english", "french"), REAL_LISTS.items())
def test_each_of_irccs_lists_is_given_in_french(english, french):
    assert programs.in_french(english) == french


def test_a_list_is_joined_the_french_way():
    assert programs.in_french("Canadian Experience Class and Provincial Nominee Program") == (
        f"{CEC} et {PNP}"
    )
    # An English serial comma, odd spaces or capitals change nothing.
    assert (
        programs.in_french(
            "federal skilled worker program ,  Canadian Experience Class, and "
            "Federal Skilled Trades"
        )
        == f"{FSW}, {CEC} et {FST}"
    )


@pytest.mark.parametrize(
    "english",
    [
        "Canadian Experience Class and French-language proficiency",
        "Federal Skilled Worker, Canadian Experience Class and Atlantic Immigration Program",
        "Healthcare occupations",
        "",
        "   ",
    ],
)
def test_a_list_naming_a_program_not_known_gives_nothing(english):
    assert programs.in_french(english) == ""
