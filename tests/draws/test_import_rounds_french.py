"""`manage.py import_rounds --french`: IRCC's French feed names the rounds and gives their lists
of programs, in any of its encodings, in the same transaction as the English rounds."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from draws.models import Draw
from tests.french_feed import french_feed
from tests.sync.feeds import FEED

pytestmark = pytest.mark.django_db

ROUNDS = [raw for raw in FEED["rounds"] if 430 <= int(raw["drawNumber"]) <= 433]
CEC_FR = "Cat\u00e9gorie de l\u2019exp\u00e9rience canadienne"
THREE_PROGRAMS_FR = (
    "Programme des travailleurs qualifiés (fédéral), Catégorie de l\u2019expérience canadienne "
    "et Programme des travailleurs de métiers spécialisés (fédéral)"
)


def import_rounds(tmp_path, french_body):
    english = tmp_path / "ee_rounds_123_en.json"
    english.write_text(json.dumps({**FEED, "rounds": ROUNDS}))
    french = tmp_path / "ee_rounds_123_fr.json"
    french.write_bytes(french_body)
    out = io.StringIO()
    call_command("import_rounds", str(english), "--french", str(french), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_the_french_feed_names_the_rounds_it_shares_with_the_english(tmp_path, encoding):
    out = import_rounds(tmp_path, french_feed(encoding=encoding))

    assert Draw.objects.get_by_label("432").round_name_fr == CEC_FR
    # #430 (Transport Occupations) is not in the French test feed: its name stays empty.
    assert Draw.objects.get_by_label("430").round_name_fr == ""
    assert "French names: 3 set, 0 unchanged, 0 kept" in out
    assert import_rounds(tmp_path, french_feed(encoding=encoding)).count("3 unchanged") == 1


def test_a_french_name_an_editor_wrote_is_kept(tmp_path):
    import_rounds(tmp_path, french_feed())
    Draw.objects.filter(number=432).update(round_name_fr="CEC")

    out = import_rounds(tmp_path, french_feed())

    assert Draw.objects.get_by_label("432").round_name_fr == "CEC"
    assert "1 kept as an editor wrote them" in out


def test_the_french_feed_gives_the_rounds_lists_of_programs(tmp_path):
    import_rounds(tmp_path, french_feed())

    # #433 is a French-language proficiency round, open to three programs.
    assert Draw.objects.get_by_label("433").eligible_programs == (
        "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades "
        "Program"
    )
    assert Draw.objects.get_by_label("433").eligible_programs_fr == THREE_PROGRAMS_FR
    assert Draw.objects.get_by_label("432").eligible_programs_fr == CEC_FR
    assert Draw.objects.get_by_label("430").eligible_programs_fr == ""


def test_a_list_of_programs_an_editor_wrote_in_french_is_kept(tmp_path):
    import_rounds(tmp_path, french_feed())
    Draw.objects.filter(number=433).update(eligible_programs_fr="Trois programmes")

    out = import_rounds(tmp_path, french_feed())

    assert Draw.objects.get_by_label("433").eligible_programs_fr == "Trois programmes"
    assert "1 kept as an editor wrote them" in out
    assert Draw.objects.get_by_label("433").round_name_fr == (
        "Compétence linguistique en français 2026-Version 2"
    )


def test_an_unreadable_french_feed_imports_nothing(tmp_path):
    with pytest.raises(CommandError, match="Round 432, field drawSize"):
        import_rounds(tmp_path, french_feed({"432": {"drawSize": "trois mille"}}))
    assert not Draw.objects.exists()
