"""Official language test results turned into CLB (English) or NCLC (French) levels.

The CRS scores language by Canadian Language Benchmark levels, not by raw test scores, so
a score from one of the five tests IRCC accepts for Express Entry is converted here first.
The tables copy IRCC's equivalency charts in IRCC's own column order (reading, writing,
listening, speaking), which keeps a change to a chart a small diff to check against the page.

Pure functions, no I/O; the names of languages, abilities and scales are translated (gettext),
and IRCC's French calls every level NCLC, so `benchmark` says NCLC in French for English too.
"""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

EQUIVALENCY_REVIEWED = date(2026, 11, 25)
EQUIVALENCY_SOURCE_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/documents/language-requirements/language-testing.html"
)


class OfficialLanguage(models.TextChoices):
    ENGLISH = "english", gettext_lazy("English")
    FRENCH = "french", gettext_lazy("French")

    @property
    def benchmark(self) -> str:
        """What the levels are called: CLB for an English test, NCLC for a French one.

        IRCC's French pages say NCLC for both (niveaux de compétence linguistique
        canadiens), so in French "CLB" is translated as "NCLC" too.
        """
        return _("CLB") if self is OfficialLanguage.ENGLISH else "NCLC"

    @property
    def in_sentence(self) -> str:
        """The language's name inside a sentence (lower case in French: « en anglais »)."""
        return str(LANGUAGE_IN_SENTENCE[self])


class Ability(models.TextChoices):
    SPEAKING = "speaking", gettext_lazy("Speaking")
    LISTENING = "listening", gettext_lazy("Listening")
    READING = "reading", gettext_lazy("Reading")
    WRITING = "writing", gettext_lazy("Writing")

    @property
    def in_sentence(self) -> str:
        """The ability's name inside a sentence: "speaking" (the value, in English)."""
        return str(ABILITY_IN_SENTENCE[self])


LANGUAGE_IN_SENTENCE = {
    OfficialLanguage.ENGLISH: pgettext_lazy("in a sentence", "English"),
    OfficialLanguage.FRENCH: pgettext_lazy("in a sentence", "French"),
}
ABILITY_IN_SENTENCE = {
    Ability.SPEAKING: pgettext_lazy("in a sentence", "speaking"),
    Ability.LISTENING: pgettext_lazy("in a sentence", "listening"),
    Ability.READING: pgettext_lazy("in a sentence", "reading"),
    Ability.WRITING: pgettext_lazy("in a sentence", "writing"),
}


class LanguageTest(models.TextChoices):
    IELTS_GENERAL = "ielts-general", "IELTS General Training"
    CELPIP_GENERAL = "celpip-general", "CELPIP-General"
    PTE_CORE = "pte-core", "PTE Core"
    TEF_CANADA = "tef-canada", "TEF Canada"
    TCF_CANADA = "tcf-canada", "TCF Canada"

    @property
    def language(self) -> OfficialLanguage:
        return LANGUAGE_TEST_LANGUAGES[self]


LANGUAGE_TEST_LANGUAGES = {
    LanguageTest.IELTS_GENERAL: OfficialLanguage.ENGLISH,
    LanguageTest.CELPIP_GENERAL: OfficialLanguage.ENGLISH,
    LanguageTest.PTE_CORE: OfficialLanguage.ENGLISH,
    LanguageTest.TEF_CANADA: OfficialLanguage.FRENCH,
    LanguageTest.TCF_CANADA: OfficialLanguage.FRENCH,
}


# A score as a form or a caller may hand it over: 6.5, "6.5", Decimal("6.5"), 480.
Score = int | float | Decimal | str


class Scale(NamedTuple):
    """The scores a test can give for one ability: lowest to highest, in steps of `step`."""

    lowest: Decimal
    highest: Decimal
    step: Decimal


IELTS_SCALE = Scale(Decimal(0), Decimal(9), Decimal("0.5"))
# CELPIP reports numbered levels up to 12, or M or NA for a result too weak to place; enter
# those two as 0, which is below every level IRCC lists.
CELPIP_SCALE = Scale(Decimal(0), Decimal(12), Decimal(1))
PTE_SCALE = Scale(Decimal(10), Decimal(90), Decimal(1))
# TEF Canada scores every ability out of 699. IRCC's chart below is for tests taken from
# 11 December 2023; results are valid for two years, so every result that needed one of the
# older charts has expired, and those charts are left out.
TEF_SCALE = Scale(Decimal(0), Decimal(699), Decimal(1))
# TCF Canada scores comprehension out of 699 but grades speaking and writing out of 20.
TCF_COMPREHENSION_SCALE = Scale(Decimal(0), Decimal(699), Decimal(1))
TCF_EXPRESSION_SCALE = Scale(Decimal(0), Decimal(20), Decimal(1))

SCALES = {
    LanguageTest.IELTS_GENERAL: dict.fromkeys(Ability, IELTS_SCALE),
    LanguageTest.CELPIP_GENERAL: dict.fromkeys(Ability, CELPIP_SCALE),
    LanguageTest.PTE_CORE: dict.fromkeys(Ability, PTE_SCALE),
    LanguageTest.TEF_CANADA: dict.fromkeys(Ability, TEF_SCALE),
    LanguageTest.TCF_CANADA: {
        Ability.READING: TCF_COMPREHENSION_SCALE,
        Ability.WRITING: TCF_EXPRESSION_SCALE,
        Ability.LISTENING: TCF_COMPREHENSION_SCALE,
        Ability.SPEAKING: TCF_EXPRESSION_SCALE,
    },
}


class Minimums(NamedTuple):
    """The lowest score that reaches a level, per ability, in IRCC's column order."""

    reading: str
    writing: str
    listening: str
    speaking: str


# Level: the lowest score for it, from the highest level down (the order clb_for reads them).
# IRCC's charts give each level a range of scores; the ranges meet end to end and the top one
# runs to the highest score, so the lowest score of each is all the conversion needs. The top
# row is "10 and above": IRCC stops at 10 for every test. Scores are strings so that IELTS
# half bands become exact Decimals.
MINIMUM_SCORES = {
    LanguageTest.IELTS_GENERAL: {
        10: Minimums(reading="8.0", writing="7.5", listening="8.5", speaking="7.5"),
        9: Minimums(reading="7.0", writing="7.0", listening="8.0", speaking="7.0"),
        8: Minimums(reading="6.5", writing="6.5", listening="7.5", speaking="6.5"),
        7: Minimums(reading="6.0", writing="6.0", listening="6.0", speaking="6.0"),
        6: Minimums(reading="5.0", writing="5.5", listening="5.5", speaking="5.5"),
        5: Minimums(reading="4.0", writing="5.0", listening="5.0", speaking="5.0"),
        4: Minimums(reading="3.5", writing="4.0", listening="4.5", speaking="4.0"),
    },
    # CELPIP levels were designed to match CLB levels one for one; 11 and 12 are CLB 10.
    LanguageTest.CELPIP_GENERAL: {
        10: Minimums(reading="10", writing="10", listening="10", speaking="10"),
        9: Minimums(reading="9", writing="9", listening="9", speaking="9"),
        8: Minimums(reading="8", writing="8", listening="8", speaking="8"),
        7: Minimums(reading="7", writing="7", listening="7", speaking="7"),
        6: Minimums(reading="6", writing="6", listening="6", speaking="6"),
        5: Minimums(reading="5", writing="5", listening="5", speaking="5"),
        4: Minimums(reading="4", writing="4", listening="4", speaking="4"),
    },
    # The only chart with a CLB 3 row; CLB 3 is worth no CRS points, but it is shown.
    LanguageTest.PTE_CORE: {
        10: Minimums(reading="88", writing="90", listening="89", speaking="89"),
        9: Minimums(reading="78", writing="88", listening="82", speaking="84"),
        8: Minimums(reading="69", writing="79", listening="71", speaking="76"),
        7: Minimums(reading="60", writing="69", listening="60", speaking="68"),
        6: Minimums(reading="51", writing="60", listening="50", speaking="59"),
        5: Minimums(reading="42", writing="51", listening="39", speaking="51"),
        4: Minimums(reading="33", writing="41", listening="28", speaking="42"),
        3: Minimums(reading="24", writing="32", listening="18", speaking="34"),
    },
    # Reading and listening share one set of bands on the current TEF Canada chart.
    LanguageTest.TEF_CANADA: {
        10: Minimums(reading="546", writing="558", listening="546", speaking="556"),
        9: Minimums(reading="503", writing="512", listening="503", speaking="518"),
        8: Minimums(reading="462", writing="472", listening="462", speaking="494"),
        7: Minimums(reading="434", writing="428", listening="434", speaking="456"),
        6: Minimums(reading="393", writing="379", listening="393", speaking="422"),
        5: Minimums(reading="352", writing="330", listening="352", speaking="387"),
        4: Minimums(reading="306", writing="268", listening="306", speaking="328"),
    },
    LanguageTest.TCF_CANADA: {
        10: Minimums(reading="549", writing="16", listening="549", speaking="16"),
        9: Minimums(reading="524", writing="14", listening="523", speaking="14"),
        8: Minimums(reading="499", writing="12", listening="503", speaking="12"),
        7: Minimums(reading="453", writing="10", listening="458", speaking="10"),
        6: Minimums(reading="406", writing="7", listening="398", speaking="7"),
        5: Minimums(reading="375", writing="6", listening="369", speaking="6"),
        4: Minimums(reading="342", writing="4", listening="331", speaking="4"),
    },
}


def describe_scale(test: LanguageTest, ability: Ability) -> str:
    """The range of scores in words, e.g. "IELTS General Training reading scores run from..."."""
    test = LanguageTest(test)
    ability = Ability(ability)
    scale = SCALES[test][ability]
    values = {
        "test": test.label,
        "ability": ability.in_sentence,
        "lowest": number_format(scale.lowest),
        "highest": number_format(scale.highest),
        "step": number_format(scale.step),
    }
    if scale.step == 1:
        return (
            _("%(test)s %(ability)s scores run from %(lowest)s to %(highest)s in whole numbers")
            % values
        )
    return (
        _("%(test)s %(ability)s scores run from %(lowest)s to %(highest)s in steps of %(step)s")
        % values
    )


def check_score(test: LanguageTest, ability: Ability, score: Score) -> Decimal:
    """The score as an exact Decimal, or ValueError if the test cannot give that score."""
    if isinstance(score, bool):
        raise ValueError(f"{describe_scale(test, ability)}; got {score!r}")
    try:
        # Going through str keeps a float such as 6.5 exact and rejects NaN and infinity below.
        value = Decimal(str(score).strip())
    except ArithmeticError:
        raise ValueError(f"{describe_scale(test, ability)}; got {score!r}") from None
    scale = SCALES[LanguageTest(test)][Ability(ability)]
    in_range = value.is_finite() and scale.lowest <= value <= scale.highest
    if not in_range or (value - scale.lowest) % scale.step != 0:
        raise ValueError(f"{describe_scale(test, ability)}; got {score!r}")
    return value


def clb_for(test: LanguageTest, ability: Ability, score: Score) -> int:
    """The CLB or NCLC level IRCC gives `score` for `ability`; 0 below the lowest level listed.

    Raises ValueError for a score the test cannot give.
    """
    value = check_score(test, ability, score)
    for level, minimums in MINIMUM_SCORES[LanguageTest(test)].items():
        if value >= Decimal(getattr(minimums, Ability(ability).value)):
            return level
    return 0
