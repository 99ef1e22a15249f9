"""Direction-control characters are removed from text, and nothing else is."""

import sys
import unicodedata

import pytest

from draws.text import DIRECTION_CONTROLS, without_direction_controls

# Unicode's explicit directional formatting classes (UAX #9): every character in them
# reorders what follows it.
EXPLICIT_FORMATTING_CLASSES = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
INVISIBLE_MARKS = {"LEFT-TO-RIGHT MARK", "RIGHT-TO-LEFT MARK", "ARABIC LETTER MARK"}


def test_every_embedding_override_isolate_and_mark_is_listed():
    formatting = {
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if unicodedata.bidirectional(char) in EXPLICIT_FORMATTING_CLASSES
    }
    marks = {unicodedata.lookup(name) for name in INVISIBLE_MARKS}
    assert formatting | marks == DIRECTION_CONTROLS
    assert len(DIRECTION_CONTROLS) == 12


@pytest.mark.parametrize("control", sorted(DIRECTION_CONTROLS))
def test_each_direction_control_is_removed_wherever_it_is(control):
    assert without_direction_controls(f"{control}Round{control} 392{control}") == "Round 392"


def test_a_right_to_left_override_cannot_disguise_a_name():
    assert without_direction_controls("Canadian\u202eexe.txt") == "Canadianexe.txt"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Canadian Experience Class",
        "Catégorie de l'expérience canadienne",
        '=HYPERLINK("http://x")\t-1',
        "مرحبا",  # right-to-left letters are text, not controls
        "👩\u200d💻",  # the zero-width joiner of an emoji sequence is not a direction control
        "a\u200bb\u00a0c",  # zero-width space and no-break space neither
    ],
)
def test_text_without_direction_controls_is_unchanged(text):
    assert without_direction_controls(text) == text
