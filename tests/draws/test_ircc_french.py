"""IRCC's French feed read from plain bytes: its encoding, its figures, its names."""

import json

import pytest

from draws import ircc


def test_utf8_is_read_as_utf8():
    assert ircc.decode_feed("Métiers spécialisés".encode()) == "Métiers spécialisés"


def test_a_utf8_byte_order_mark_is_dropped():
    body = b"\xef\xbb\xbf" + '{"drawName": "Métiers"}'.encode()
    assert json.loads(ircc.decode_feed(body)) == {"drawName": "Métiers"}


def test_windows_1252_bytes_are_read_when_they_are_not_utf8():
    # The French feed before autumn 2026: "é" is the single byte 0xE9, invalid in UTF-8.
    assert ircc.decode_feed(b"M\xe9tiers") == "Métiers"
    assert ircc.decode_feed("l\u2019expérience".encode("cp1252")) == "l\u2019expérience"


def test_bytes_that_are_neither_encoding_are_a_format_error():
    # 0x81 is undefined in Windows-1252 and, alone, invalid in UTF-8.
    with pytest.raises(ircc.IrccFormatError, match="neither UTF-8 nor Windows-1252"):
        ircc.decode_feed(b"M\x81tiers")


@pytest.mark.parametrize("text", ["20 784", "20\u00a0784", "20\u202f784", "20,784", " 20 784 "])
def test_french_figures_are_read_with_any_space_as_separator(text):
    assert ircc.parse_count(text) == 20784


def french_feed(*rounds):
    return {"classes": "", "rounds": list(rounds)}


def test_the_french_feed_gives_each_rounds_french_name_and_invitations():
    rounds = ircc.parse_french_feed(
        french_feed(
            {
                "drawNumber": "392",
                "drawName": "Catégorie de l\u2019expérience  canadienne ",
                "drawSize": "6 000",
            },
            {"drawNumber": "91a", "drawName": "Métiers spécialisés", "drawSize": "500"},
        )
    )
    assert rounds == [
        ircc.FrenchRound("392", "Catégorie de l\u2019expérience canadienne", 6000),
        ircc.FrenchRound("91a", "Métiers spécialisés", 500),
    ]


def test_the_french_feed_gives_each_rounds_french_list_of_programs():
    (french,) = ircc.parse_french_feed(
        french_feed(
            {
                "drawNumber": "392",
                "drawName": "Catégorie de l\u2019expérience canadienne",
                "drawSize": "6 000",
                "drawText2": " Catégorie de l\u2019expérience\u00a0canadienne ",
            }
        )
    )
    assert french.eligible_programs == "Catégorie de l\u2019expérience canadienne"


def test_a_french_round_without_a_number_or_with_a_bad_figure_names_the_field():
    with pytest.raises(ircc.IrccFormatError, match="Round 392, field drawSize"):
        ircc.parse_french_feed(french_feed({"drawNumber": "392", "drawSize": "six mille"}))
    with pytest.raises(ircc.IrccFormatError, match="field drawNumber"):
        ircc.parse_french_feed(french_feed({"drawNumber": "n° 392", "drawSize": "1"}))
    with pytest.raises(ircc.IrccFormatError, match="list of rounds"):
        ircc.parse_french_feed([])
