"""Test scores become the CLB/NCLC levels on IRCC's equivalency charts, boundary by boundary.

The expected levels are typed in from IRCC's charts, not read from the module's tables: each
row is a score at the bottom of a band and the score just below it.
"""

from decimal import Decimal

import pytest

from eeportal.scores import language_scores
from eeportal.scores.language_scores import Ability, LanguageTest, OfficialLanguage, clb_for

READING, WRITING, LISTENING, SPEAKING = (
    Ability.READING,
    Ability.WRITING,
    Ability.LISTENING,
    Ability.SPEAKING,
)

# (ability, score, level expected)
IELTS_GENERAL = [
    (READING, "9.0", 10), (READING, "8.0", 10), (READING, "7.5", 9), (READING, "7.0", 9),
    (READING, "6.5", 8), (READING, "6.0", 7), (READING, "5.5", 6), (READING, "5.0", 6),
    (READING, "4.5", 5), (READING, "4.0", 5), (READING, "3.5", 4), (READING, "3.0", 0),
    (READING, "0", 0),
    (WRITING, "9.0", 10), (WRITING, "7.5", 10), (WRITING, "7.0", 9), (WRITING, "6.5", 8),
    (WRITING, "6.0", 7), (WRITING, "5.5", 6), (WRITING, "5.0", 5), (WRITING, "4.5", 4),
    (WRITING, "4.0", 4), (WRITING, "3.5", 0),
    (LISTENING, "9.0", 10), (LISTENING, "8.5", 10), (LISTENING, "8.0", 9), (LISTENING, "7.5", 8),
    (LISTENING, "7.0", 7), (LISTENING, "6.5", 7), (LISTENING, "6.0", 7), (LISTENING, "5.5", 6),
    (LISTENING, "5.0", 5), (LISTENING, "4.5", 4), (LISTENING, "4.0", 0),
    (SPEAKING, "9.0", 10), (SPEAKING, "7.5", 10), (SPEAKING, "7.0", 9), (SPEAKING, "6.5", 8),
    (SPEAKING, "6.0", 7), (SPEAKING, "5.5", 6), (SPEAKING, "5.0", 5), (SPEAKING, "4.5", 4),
    (SPEAKING, "4.0", 4), (SPEAKING, "3.5", 0),
]  # fmt: skip

CELPIP_GENERAL = [
    (ability, score, level)
    for ability in Ability
    for score, level in [
        (12, 10), (11, 10), (10, 10), (9, 9), (8, 8), (7, 7), (6, 6), (5, 5), (4, 4), (3, 0),
        (0, 0),
    ]
]  # fmt: skip

PTE_CORE = [
    (READING, 90, 10), (READING, 88, 10), (READING, 87, 9), (READING, 78, 9), (READING, 77, 8),
    (READING, 69, 8), (READING, 68, 7), (READING, 60, 7), (READING, 59, 6), (READING, 51, 6),
    (READING, 50, 5), (READING, 42, 5), (READING, 41, 4), (READING, 33, 4), (READING, 32, 3),
    (READING, 24, 3), (READING, 23, 0), (READING, 10, 0),
    (WRITING, 90, 10), (WRITING, 89, 9), (WRITING, 88, 9), (WRITING, 87, 8), (WRITING, 79, 8),
    (WRITING, 78, 7), (WRITING, 69, 7), (WRITING, 68, 6), (WRITING, 60, 6), (WRITING, 59, 5),
    (WRITING, 51, 5), (WRITING, 50, 4), (WRITING, 41, 4), (WRITING, 40, 3), (WRITING, 32, 3),
    (WRITING, 31, 0),
    (LISTENING, 90, 10), (LISTENING, 89, 10), (LISTENING, 88, 9), (LISTENING, 82, 9),
    (LISTENING, 81, 8), (LISTENING, 71, 8), (LISTENING, 70, 7), (LISTENING, 60, 7),
    (LISTENING, 59, 6), (LISTENING, 50, 6), (LISTENING, 49, 5), (LISTENING, 39, 5),
    (LISTENING, 38, 4), (LISTENING, 28, 4), (LISTENING, 27, 3), (LISTENING, 18, 3),
    (LISTENING, 17, 0),
    (SPEAKING, 90, 10), (SPEAKING, 89, 10), (SPEAKING, 88, 9), (SPEAKING, 84, 9),
    (SPEAKING, 83, 8), (SPEAKING, 76, 8), (SPEAKING, 75, 7), (SPEAKING, 68, 7),
    (SPEAKING, 67, 6), (SPEAKING, 59, 6), (SPEAKING, 58, 5), (SPEAKING, 51, 5),
    (SPEAKING, 50, 4), (SPEAKING, 42, 4), (SPEAKING, 41, 3), (SPEAKING, 34, 3),
    (SPEAKING, 33, 0),
]  # fmt: skip

TEF_CANADA = [
    (READING, 699, 10), (READING, 546, 10), (READING, 545, 9), (READING, 503, 9),
    (READING, 502, 8), (READING, 462, 8), (READING, 461, 7), (READING, 434, 7),
    (READING, 433, 6), (READING, 393, 6), (READING, 392, 5), (READING, 352, 5),
    (READING, 351, 4), (READING, 306, 4), (READING, 305, 0), (READING, 0, 0),
    (WRITING, 699, 10), (WRITING, 558, 10), (WRITING, 557, 9), (WRITING, 512, 9),
    (WRITING, 511, 8), (WRITING, 472, 8), (WRITING, 471, 7), (WRITING, 428, 7),
    (WRITING, 427, 6), (WRITING, 379, 6), (WRITING, 378, 5), (WRITING, 330, 5),
    (WRITING, 329, 4), (WRITING, 268, 4), (WRITING, 267, 0),
    (LISTENING, 699, 10), (LISTENING, 546, 10), (LISTENING, 545, 9), (LISTENING, 503, 9),
    (LISTENING, 502, 8), (LISTENING, 462, 8), (LISTENING, 461, 7), (LISTENING, 434, 7),
    (LISTENING, 433, 6), (LISTENING, 393, 6), (LISTENING, 392, 5), (LISTENING, 352, 5),
    (LISTENING, 351, 4), (LISTENING, 306, 4), (LISTENING, 305, 0),
    (SPEAKING, 699, 10), (SPEAKING, 556, 10), (SPEAKING, 555, 9), (SPEAKING, 518, 9),
    (SPEAKING, 517, 8), (SPEAKING, 494, 8), (SPEAKING, 493, 7), (SPEAKING, 456, 7),
    (SPEAKING, 455, 6), (SPEAKING, 422, 6), (SPEAKING, 421, 5), (SPEAKING, 387, 5),
    (SPEAKING, 386, 4), (SPEAKING, 328, 4), (SPEAKING, 327, 0),
]  # fmt: skip

TCF_CANADA = [
    (READING, 699, 10), (READING, 549, 10), (READING, 548, 9), (READING, 524, 9),
    (READING, 523, 8), (READING, 499, 8), (READING, 498, 7), (READING, 453, 7),
    (READING, 452, 6), (READING, 406, 6), (READING, 405, 5), (READING, 375, 5),
    (READING, 374, 4), (READING, 342, 4), (READING, 341, 0), (READING, 0, 0),
    (WRITING, 20, 10), (WRITING, 16, 10), (WRITING, 15, 9), (WRITING, 14, 9), (WRITING, 13, 8),
    (WRITING, 12, 8), (WRITING, 11, 7), (WRITING, 10, 7), (WRITING, 9, 6), (WRITING, 7, 6),
    (WRITING, 6, 5), (WRITING, 5, 4), (WRITING, 4, 4), (WRITING, 3, 0), (WRITING, 0, 0),
    (LISTENING, 699, 10), (LISTENING, 549, 10), (LISTENING, 548, 9), (LISTENING, 523, 9),
    (LISTENING, 522, 8), (LISTENING, 503, 8), (LISTENING, 502, 7), (LISTENING, 458, 7),
    (LISTENING, 457, 6), (LISTENING, 398, 6), (LISTENING, 397, 5), (LISTENING, 369, 5),
    (LISTENING, 368, 4), (LISTENING, 331, 4), (LISTENING, 330, 0),
    (SPEAKING, 20, 10), (SPEAKING, 16, 10), (SPEAKING, 15, 9), (SPEAKING, 14, 9),
    (SPEAKING, 13, 8), (SPEAKING, 12, 8), (SPEAKING, 11, 7), (SPEAKING, 10, 7),
    (SPEAKING, 9, 6), (SPEAKING, 7, 6), (SPEAKING, 6, 5), (SPEAKING, 5, 4), (SPEAKING, 4, 4),
    (SPEAKING, 3, 0),
]  # fmt: skip

BOUNDARIES = (
    [(LanguageTest.IELTS_GENERAL, *row) for row in IELTS_GENERAL]
    + [(LanguageTest.CELPIP_GENERAL, *row) for row in CELPIP_GENERAL]
    + [(LanguageTest.PTE_CORE, *row) for row in PTE_CORE]
    + [(LanguageTest.TEF_CANADA, *row) for row in TEF_CANADA]
    + [(LanguageTest.TCF_CANADA, *row) for row in TCF_CANADA]
)


@pytest.mark.parametrize(("test", "ability", "score", "level"), BOUNDARIES)
def test_score_converts_to_the_level_on_irccs_chart(test, ability, score, level):
    assert clb_for(test, ability, score) == level


@pytest.mark.parametrize("score", [6.5, "6.5", " 6.5 ", Decimal("6.5")])
def test_ielts_half_band_is_read_the_same_whatever_its_type(score):
    assert clb_for(LanguageTest.IELTS_GENERAL, Ability.READING, score) == 8


def test_test_and_ability_can_be_given_as_form_slugs():
    assert clb_for("ielts-general", "listening", "8.0") == 9
    assert clb_for("tcf-canada", "speaking", 12) == 8


OUT_OF_RANGE = [
    (LanguageTest.IELTS_GENERAL, READING, -0.5),
    (LanguageTest.IELTS_GENERAL, READING, 9.5),
    (LanguageTest.IELTS_GENERAL, WRITING, 6.25),
    (LanguageTest.IELTS_GENERAL, SPEAKING, "7,5"),
    (LanguageTest.IELTS_GENERAL, LISTENING, "nan"),
    (LanguageTest.IELTS_GENERAL, LISTENING, float("inf")),
    (LanguageTest.IELTS_GENERAL, LISTENING, ""),
    (LanguageTest.IELTS_GENERAL, LISTENING, True),
    (LanguageTest.CELPIP_GENERAL, READING, 13),
    (LanguageTest.CELPIP_GENERAL, READING, -1),
    (LanguageTest.CELPIP_GENERAL, SPEAKING, 7.5),
    (LanguageTest.PTE_CORE, READING, 9),
    (LanguageTest.PTE_CORE, WRITING, 91),
    (LanguageTest.PTE_CORE, LISTENING, 60.5),
    (LanguageTest.TEF_CANADA, READING, 700),
    (LanguageTest.TEF_CANADA, SPEAKING, -1),
    (LanguageTest.TEF_CANADA, WRITING, 450.5),
    (LanguageTest.TCF_CANADA, READING, 700),
    (LanguageTest.TCF_CANADA, LISTENING, -1),
    (LanguageTest.TCF_CANADA, SPEAKING, 21),
    (LanguageTest.TCF_CANADA, WRITING, 21),
    (LanguageTest.TCF_CANADA, WRITING, 10.5),
]


@pytest.mark.parametrize(("test", "ability", "score"), OUT_OF_RANGE)
def test_score_the_test_cannot_give_is_refused(test, ability, score):
    with pytest.raises(ValueError):
        clb_for(test, ability, score)


def test_refusal_says_what_scores_the_test_gives():
    message = "IELTS General Training reading scores run from 0 to 9 in steps of 0.5; got 9.5"
    with pytest.raises(ValueError, match=message):
        clb_for(LanguageTest.IELTS_GENERAL, Ability.READING, 9.5)


@pytest.mark.parametrize(
    ("test", "ability", "words"),
    [
        (LanguageTest.CELPIP_GENERAL, READING, "from 0 to 12 in whole numbers"),
        (LanguageTest.PTE_CORE, READING, "from 10 to 90 in whole numbers"),
        (LanguageTest.TEF_CANADA, SPEAKING, "from 0 to 699 in whole numbers"),
        (LanguageTest.TCF_CANADA, LISTENING, "from 0 to 699 in whole numbers"),
        (LanguageTest.TCF_CANADA, SPEAKING, "from 0 to 20 in whole numbers"),
    ],
)
def test_each_scale_is_described_in_words(test, ability, words):
    assert words in language_scores.describe_scale(test, ability)


def test_a_score_700_on_tcf_speaking_names_the_twenty_point_scale():
    with pytest.raises(ValueError, match="TCF Canada speaking scores run from 0 to 20"):
        clb_for(LanguageTest.TCF_CANADA, Ability.SPEAKING, 700)


def test_unknown_test_is_refused():
    with pytest.raises(ValueError):
        clb_for("toefl", "reading", 100)


def test_tests_have_stable_slugs_labels_and_a_language():
    assert LanguageTest.choices == [
        ("ielts-general", "IELTS General Training"),
        ("celpip-general", "CELPIP-General"),
        ("pte-core", "PTE Core"),
        ("tef-canada", "TEF Canada"),
        ("tcf-canada", "TCF Canada"),
    ]
    english = [LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.PTE_CORE]
    french = [LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA]
    assert all(test.language is OfficialLanguage.ENGLISH for test in english)
    assert all(test.language is OfficialLanguage.FRENCH for test in french)


def test_levels_are_called_clb_in_english_and_nclc_in_french():
    assert OfficialLanguage.ENGLISH.benchmark == "CLB"
    assert OfficialLanguage.FRENCH.benchmark == "NCLC"
    assert OfficialLanguage.choices == [("english", "English"), ("french", "French")]
    assert Ability.choices == [
        ("speaking", "Speaking"),
        ("listening", "Listening"),
        ("reading", "Reading"),
        ("writing", "Writing"),
    ]
