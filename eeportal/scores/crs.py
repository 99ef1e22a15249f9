"""The Comprehensive Ranking System (CRS): Express Entry's points rules, and a calculator.

IRCC ranks every profile in the Express Entry pool out of 1,200 points, in four sections:
core human capital, the accompanying spouse or partner, skill transferability, and
additional points. The grids are kept below as plain tables in IRCC's order, so that when
IRCC changes a rule the change here is a small diff to read against the official page.

IRCC changes the rules now and then, so they are held as dated rule sets (`RULE_SETS`, at
the end of the tables): each says from which day it applied and when it was last compared
with IRCC's criteria page. `rules_in_force(day)` finds the set of a day, and
`calculate(profile, rules)` returns the total under a set with one line per rule, each
saying in plain words why it gave the points it did, so a page can show its working.
Language is scored by CLB/NCLC level; `language_scores.py` turns test scores into levels first.

No I/O. The words of the breakdown go through Django's gettext, so they come in the language
of the page that asks (French under /fr/), with named placeholders for the figures.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from eeportal.i18n.dates import date_format
from eeportal.scores.language_scores import Ability, OfficialLanguage

RULES_SOURCE_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html"
)


class EducationLevel(models.TextChoices):
    """Highest credential completed, lowest first as in IRCC's grid. Values are form slugs."""

    LESS_THAN_SECONDARY = (
        "less-than-secondary",
        gettext_lazy("Less than secondary school (high school)"),
    )
    SECONDARY = "secondary", gettext_lazy("Secondary school (high school) diploma")
    ONE_YEAR = "one-year", gettext_lazy("One-year post-secondary credential")
    TWO_YEAR = "two-year", gettext_lazy("Two-year post-secondary credential")
    BACHELORS = (
        "bachelors",
        gettext_lazy("Bachelor's degree, or another credential from a 3-year program"),
    )
    TWO_OR_MORE = (
        "two-or-more",
        gettext_lazy("Two or more post-secondary credentials, one from a 3-year program"),
    )
    MASTERS = (
        "masters",
        gettext_lazy("Master's degree, or a professional degree needed to be licensed"),
    )
    DOCTORAL = "doctoral", gettext_lazy("Doctoral degree (PhD)")


class CanadianEducation(models.TextChoices):
    """The longest post-secondary credential earned in Canada, if any."""

    NONE = "none", gettext_lazy("No post-secondary credential from Canada")
    ONE_OR_TWO_YEARS = "one-or-two-years", gettext_lazy("A one- or two-year credential from Canada")
    THREE_YEARS_OR_MORE = (
        "three-years-or-more",
        gettext_lazy(
            "A Canadian credential of three years or more, or a Canadian master's, "
            "professional or doctoral degree of at least one academic year"
        ),
    )


class Points(NamedTuple):
    """One row of a core grid: IRCC gives two columns, depending on the spouse or partner."""

    with_spouse: int
    without_spouse: int

    def pick(self, with_spouse: bool) -> int:
        return self.with_spouse if with_spouse else self.without_spouse


class Tiers(NamedTuple):
    """The lower and higher step of a rule: its points, or what it takes to reach each."""

    lower: int
    higher: int


# Tables keyed by a number are banded: each key is the lowest value of its band, and a band
# runs up to the next key. So `18: ...` followed by `19: ...` is age 18 alone, `20: ...`
# followed by `30: ...` is 20 to 29, and the last key covers everything above it.

# A. Core human capital.
CORE_MAXIMUM = Points(with_spouse=460, without_spouse=500)

AGE_POINTS = {
    0: Points(0, 0),  # 17 or younger
    18: Points(90, 99),
    19: Points(95, 105),
    20: Points(100, 110),  # 20 to 29
    30: Points(95, 105),
    31: Points(90, 99),
    32: Points(85, 94),
    33: Points(80, 88),
    34: Points(75, 83),
    35: Points(70, 77),
    36: Points(65, 72),
    37: Points(60, 66),
    38: Points(55, 61),
    39: Points(50, 55),
    40: Points(45, 50),
    41: Points(35, 39),
    42: Points(25, 28),
    43: Points(15, 17),
    44: Points(5, 6),
    45: Points(0, 0),  # 45 or older
}

EDUCATION_POINTS = {
    EducationLevel.LESS_THAN_SECONDARY: Points(0, 0),
    EducationLevel.SECONDARY: Points(28, 30),
    EducationLevel.ONE_YEAR: Points(84, 90),
    EducationLevel.TWO_YEAR: Points(91, 98),
    EducationLevel.BACHELORS: Points(112, 120),
    EducationLevel.TWO_OR_MORE: Points(119, 128),
    EducationLevel.MASTERS: Points(126, 135),
    EducationLevel.DOCTORAL: Points(140, 150),
}

# Per ability (speaking, listening, reading, writing), by CLB/NCLC level.
FIRST_LANGUAGE_POINTS = {
    0: Points(0, 0),  # below CLB 4
    4: Points(6, 6),  # CLB 4 or 5
    6: Points(8, 9),
    7: Points(16, 17),
    8: Points(22, 23),
    9: Points(29, 31),
    10: Points(32, 34),  # CLB 10 or higher
}

SECOND_LANGUAGE_POINTS = {
    0: Points(0, 0),  # CLB 4 or lower
    5: Points(1, 1),  # CLB 5 or 6
    7: Points(3, 3),  # CLB 7 or 8
    9: Points(6, 6),  # CLB 9 or higher
}
SECOND_LANGUAGE_MAXIMUM = Points(with_spouse=22, without_spouse=24)

# By full years of skilled work in Canada.
CANADIAN_WORK_POINTS = {
    0: Points(0, 0),  # none, or less than a year
    1: Points(35, 40),
    2: Points(46, 53),
    3: Points(56, 64),
    4: Points(63, 72),
    5: Points(70, 80),  # 5 years or more
}

# B. Spouse or common-law partner, only when one comes along and is not already a Canadian
# citizen or permanent resident.
SPOUSE_MAXIMUM = 40

SPOUSE_EDUCATION_POINTS = {
    EducationLevel.LESS_THAN_SECONDARY: 0,
    EducationLevel.SECONDARY: 2,
    EducationLevel.ONE_YEAR: 6,
    EducationLevel.TWO_YEAR: 7,
    EducationLevel.BACHELORS: 8,
    EducationLevel.TWO_OR_MORE: 9,
    EducationLevel.MASTERS: 10,
    EducationLevel.DOCTORAL: 10,
}

SPOUSE_LANGUAGE_POINTS = {  # per ability
    0: 0,  # CLB 4 or lower
    5: 1,  # CLB 5 or 6
    7: 3,  # CLB 7 or 8
    9: 5,  # CLB 9 or higher
}

SPOUSE_CANADIAN_WORK_POINTS = {
    0: 0,
    1: 5,
    2: 7,
    3: 8,
    4: 9,
    5: 10,  # 5 years or more
}

# C. Skill transferability. Every combination reads the first official language only, and
# needs the level in all four abilities, so it goes by the lowest of the four.
TRANSFERABILITY_MAXIMUM = 100
# Education combinations together, and foreign work combinations together, stop at 50 each.
TRANSFERABILITY_GROUP_MAXIMUM = 50

LANGUAGE_TIER_CLB = Tiers(lower=7, higher=9)  # "7+ in all, one or more under 9" / "9+ in all"
CANADIAN_WORK_TIER_YEARS = Tiers(lower=1, higher=2)  # "1 year" / "2 years or more"

EDUCATION_TRANSFER_POINTS = {  # the same grid with language and with Canadian work
    EducationLevel.LESS_THAN_SECONDARY: Tiers(0, 0),
    EducationLevel.SECONDARY: Tiers(0, 0),
    EducationLevel.ONE_YEAR: Tiers(13, 25),  # a credential of one year or longer
    EducationLevel.TWO_YEAR: Tiers(13, 25),
    EducationLevel.BACHELORS: Tiers(13, 25),
    EducationLevel.TWO_OR_MORE: Tiers(25, 50),
    EducationLevel.MASTERS: Tiers(25, 50),
    EducationLevel.DOCTORAL: Tiers(25, 50),
}

FOREIGN_WORK_TRANSFER_POINTS = {  # by years, with language and with Canadian work
    0: Tiers(0, 0),
    1: Tiers(13, 25),  # 1 or 2 years
    3: Tiers(25, 50),  # 3 years or more
}

CERTIFICATE_LANGUAGE_TIER_CLB = Tiers(lower=5, higher=7)  # "5+ in all, one or more under 7" / "7+"
CERTIFICATE_TRANSFER_POINTS = Tiers(lower=25, higher=50)

# D. Additional points.
ADDITIONAL_MAXIMUM = 600
PROVINCIAL_NOMINATION_POINTS = 600
SIBLING_IN_CANADA_POINTS = 15
FRENCH_MINIMUM_NCLC = 7  # needed in all four French abilities
FRENCH_ENGLISH_MINIMUM_CLB = 5  # in all four English abilities for the higher amount
FRENCH_POINTS = Tiers(lower=25, higher=50)
CANADIAN_EDUCATION_POINTS = {
    CanadianEducation.NONE: 0,
    CanadianEducation.ONE_OR_TWO_YEARS: 15,
    CanadianEducation.THREE_YEARS_OR_MORE: 30,
}

# The highest score the CRS can give; every other part of the site reads it from here.
CRS_MAX = 1200


class JobOffer(models.TextChoices):
    """A qualifying offer of arranged employment, as the rules that scored one told them apart."""

    NONE = "none", gettext_lazy("No qualifying job offer")
    SENIOR_MANAGEMENT = (
        "senior-management",
        gettext_lazy("An offer in senior management: NOC TEER 0, major group 00"),
    )
    OTHER = "other", gettext_lazy("An offer in another TEER 0, 1, 2 or 3 occupation")


@dataclass(frozen=True)
class ArrangedEmployment:
    """The points a qualifying job offer gave, by the kind of job."""

    senior_management: int
    other: int

    def points(self, offer: JobOffer) -> int:
        if offer is JobOffer.SENIOR_MANAGEMENT:
            return self.senior_management
        if offer is JobOffer.OTHER:
            return self.other
        return 0


@dataclass(frozen=True)
class RuleSet:
    """The CRS as IRCC applied it from `in_force_from` until the next set took over.

    `checked_on` is the day the set was last compared, factor by factor, with IRCC's criteria
    page (or, for a set IRCC has replaced, with IRCC's record of it). The grids above apply in
    every set held here: none of them changed between the two sets. A change to one of them is
    a new set with that table as a field of its own, read by the function that uses it.
    """

    in_force_from: date
    checked_on: date
    arranged_employment: ArrangedEmployment | None  # None: a job offer earns no points
    change: str  # what the set changed from the one before it, in plain words

    @property
    def scores_job_offers(self) -> bool:
        return self.arranged_employment is not None


# Oldest first. To add IRCC's next change: a new RuleSet at the end, dated the day it took
# effect, checked against IRCC's criteria page that day, with tests for what it changes; the
# sets before it stay as they are, so past dates keep their results.
RULE_SETS = (
    # Express Entry moved to NOC 2021 on 16 November 2022, and the job-offer points to its
    # TEER categories (NOC 2016's skill type 0 and levels A and B before that). Checked
    # against IRCC's archived criteria page and its December 2024 announcement of the removal.
    RuleSet(
        in_force_from=date(2022, 11, 16),
        checked_on=date(2026, 12, 3),
        arranged_employment=ArrangedEmployment(senior_management=200, other=50),
        change=gettext_lazy("Job offers were scored by NOC 2021's TEER categories."),
    ),
    # IRCC's Ministerial Instructions of 25 March 2025 removed the points for a job offer.
    RuleSet(
        in_force_from=date(2025, 3, 25),
        checked_on=date(2026, 11, 25),
        arranged_employment=None,
        change=gettext_lazy("A job offer no longer earns points."),
    ),
)


class RulesNotHeld(ValueError):
    """A day before the first rule set held here."""


def rules_in_force(day: date) -> RuleSet:
    """The rule set that applied on `day`."""
    held = [rules for rules in RULE_SETS if rules.in_force_from <= day]
    if not held:
        first = RULE_SETS[0].in_force_from
        raise RulesNotHeld(f"The rules held here start on {first.day} {first:%B %Y}")
    return held[-1]


@dataclass(frozen=True)
class LanguageLevels:
    """CLB (English) or NCLC (French) level in each ability; 0 for no result."""

    speaking: int
    listening: int
    reading: int
    writing: int

    def __post_init__(self):
        for ability, level in self.by_ability():
            if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 12:
                raise ValueError(f"Language levels run from 0 to 12; {ability} was {level!r}")

    def by_ability(self) -> tuple[tuple[Ability, int], ...]:
        return (
            (Ability.SPEAKING, self.speaking),
            (Ability.LISTENING, self.listening),
            (Ability.READING, self.reading),
            (Ability.WRITING, self.writing),
        )

    def lowest(self) -> int:
        return min(self.speaking, self.listening, self.reading, self.writing)


@dataclass
class Profile:
    """What the CRS looks at, as a candidate would answer IRCC's questions.

    `spouse_accompanying` is True only for a spouse or common-law partner who is coming to
    Canada and is not a Canadian citizen or permanent resident (see `spouse_is_accompanying`);
    otherwise the spouse fields are ignored and the "without a spouse" column applies.
    Work is counted in full years of skilled (NOC TEER 0 to 3) work: in Canada, and abroad
    in the last ten years. `sibling_in_canada` means a brother or sister, of the candidate or
    of the accompanying spouse, aged 18 or over, living in Canada as a citizen or permanent
    resident.
    """

    age: int
    education: EducationLevel
    first_language: OfficialLanguage
    first_language_levels: LanguageLevels
    second_language_levels: LanguageLevels | None = None
    canadian_work_years: int = 0
    foreign_work_years: int = 0
    certificate_of_qualification: bool = False
    canadian_education: CanadianEducation = CanadianEducation.NONE
    provincial_nomination: bool = False
    sibling_in_canada: bool = False
    spouse_accompanying: bool = False
    spouse_education: EducationLevel | None = None
    spouse_language_levels: LanguageLevels | None = None
    spouse_language: OfficialLanguage | None = None  # of the spouse's test; English if not given
    spouse_canadian_work_years: int = 0
    job_offer: JobOffer = JobOffer.NONE

    def __post_init__(self):
        # Form values arrive as slugs; turning them into members also rejects unknown ones.
        self.education = EducationLevel(self.education)
        self.first_language = OfficialLanguage(self.first_language)
        self.canadian_education = CanadianEducation(self.canadian_education)
        self.job_offer = JobOffer(self.job_offer)
        if self.spouse_education is not None:
            self.spouse_education = EducationLevel(self.spouse_education)
        if self.spouse_language is not None:
            self.spouse_language = OfficialLanguage(self.spouse_language)
        counts = {
            "Age": self.age,
            "Canadian work experience": self.canadian_work_years,
            "Foreign work experience": self.foreign_work_years,
            "Spouse's Canadian work experience": self.spouse_canadian_work_years,
        }
        for name, count in counts.items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise ValueError(f"{name} must be a whole number of years, 0 or more")

    @property
    def second_language(self) -> OfficialLanguage:
        if self.first_language is OfficialLanguage.ENGLISH:
            return OfficialLanguage.FRENCH
        return OfficialLanguage.ENGLISH


@dataclass(frozen=True)
class Line:
    label: str
    points: int
    explanation: str


@dataclass(frozen=True)
class Section:
    title: str
    maximum: int
    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()

    @property
    def subtotal(self) -> int:
        # A limit shows up as a line of negative points, so the lines always add up.
        return sum(line.points for line in self.lines)


@dataclass(frozen=True)
class Result:
    rules: RuleSet
    core: Section
    spouse: Section
    transferability: Section
    additional: Section

    @property
    def sections(self) -> tuple[Section, ...]:
        return (self.core, self.spouse, self.transferability, self.additional)

    @property
    def total(self) -> int:
        return min(sum(section.subtotal for section in self.sections), CRS_MAX)


def spouse_is_accompanying(
    has_spouse_or_partner: bool, partner_is_citizen_or_pr: bool, partner_is_coming: bool
) -> bool:
    """Whether IRCC scores the candidate "with a spouse or common-law partner"."""
    return has_spouse_or_partner and partner_is_coming and not partner_is_citizen_or_pr


Row = TypeVar("Row")


def in_force_until(rules: RuleSet) -> date | None:
    """The last day `rules` applied, or None while they still apply."""
    index = RULE_SETS.index(rules)
    if index + 1 == len(RULE_SETS):
        return None
    return RULE_SETS[index + 1].in_force_from - timedelta(days=1)


@dataclass(frozen=True)
class Comparison:
    """The same answers under an earlier rule set and under today's: how a change moved them."""

    then: Result
    now: Result

    @property
    def change(self) -> int:
        return self.now.total - self.then.total

    @property
    def points_moved(self) -> int:
        return abs(self.change)

    @property
    def changed_lines(self) -> tuple[tuple[str, int, int], ...]:
        """(factor, points then, points now) for each line whose points differ."""
        then = {line.label: line.points for s in self.then.sections for line in s.lines}
        now = {line.label: line.points for s in self.now.sections for line in s.lines}
        labels = [*then, *(label for label in now if label not in then)]
        return tuple(
            (label, then.get(label, 0), now.get(label, 0))
            for label in labels
            if then.get(label, 0) != now.get(label, 0)
        )


def _band(table: dict[int, Row], value: int) -> Row:
    """The row of a banded table (see above the tables) that `value` falls in."""
    return table[max(low for low in table if low <= value)]


def age_points(age: int, with_spouse: bool) -> int:
    return _band(AGE_POINTS, age).pick(with_spouse)


def education_points(education: EducationLevel, with_spouse: bool) -> int:
    return EDUCATION_POINTS[education].pick(with_spouse)


def first_language_points(level: int, with_spouse: bool) -> int:
    return _band(FIRST_LANGUAGE_POINTS, level).pick(with_spouse)


def second_language_points(level: int, with_spouse: bool) -> int:
    return _band(SECOND_LANGUAGE_POINTS, level).pick(with_spouse)


def canadian_work_points(years: int, with_spouse: bool) -> int:
    return _band(CANADIAN_WORK_POINTS, years).pick(with_spouse)


def spouse_education_points(education: EducationLevel) -> int:
    return SPOUSE_EDUCATION_POINTS[education]


def spouse_language_points(level: int) -> int:
    return _band(SPOUSE_LANGUAGE_POINTS, level)


def spouse_canadian_work_points(years: int) -> int:
    return _band(SPOUSE_CANADIAN_WORK_POINTS, years)


def _tier(points: Tiers, thresholds: Tiers, value: int) -> int:
    if value >= thresholds.higher:
        return points.higher
    if value >= thresholds.lower:
        return points.lower
    return 0


def education_with_language_points(education: EducationLevel, levels: LanguageLevels) -> int:
    return _tier(EDUCATION_TRANSFER_POINTS[education], LANGUAGE_TIER_CLB, levels.lowest())


def education_with_canadian_work_points(education: EducationLevel, canadian_years: int) -> int:
    return _tier(EDUCATION_TRANSFER_POINTS[education], CANADIAN_WORK_TIER_YEARS, canadian_years)


def foreign_work_with_language_points(foreign_years: int, levels: LanguageLevels) -> int:
    points = _band(FOREIGN_WORK_TRANSFER_POINTS, foreign_years)
    return _tier(points, LANGUAGE_TIER_CLB, levels.lowest())


def foreign_work_with_canadian_work_points(foreign_years: int, canadian_years: int) -> int:
    points = _band(FOREIGN_WORK_TRANSFER_POINTS, foreign_years)
    return _tier(points, CANADIAN_WORK_TIER_YEARS, canadian_years)


def certificate_with_language_points(has_certificate: bool, levels: LanguageLevels) -> int:
    if not has_certificate:
        return 0
    return _tier(CERTIFICATE_TRANSFER_POINTS, CERTIFICATE_LANGUAGE_TIER_CLB, levels.lowest())


def french_points(french: LanguageLevels | None, english: LanguageLevels | None) -> int:
    if french is None or french.lowest() < FRENCH_MINIMUM_NCLC:
        return 0
    if english is not None and english.lowest() >= FRENCH_ENGLISH_MINIMUM_CLB:
        return FRENCH_POINTS.higher
    return FRENCH_POINTS.lower


def calculate(profile: Profile, rules: RuleSet) -> Result:
    """The profile's score under `rules` (see `rules_in_force`)."""
    return Result(
        rules=rules,
        core=_core(profile),
        spouse=_spouse(profile),
        transferability=_transferability(profile),
        additional=_additional(profile, rules),
    )


# The breakdown: the points come from the functions above, the words from the helpers below.
# They run per request, so gettext gives the page's language.


def _pts(points: int) -> str:
    return ngettext("%(count)s point", "%(count)s points", points) % {"count": points}


def _years(years: int) -> str:
    return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}


def _column(with_spouse: bool) -> str:
    if with_spouse:
        return _("with an accompanying spouse or partner")
    return _("without an accompanying spouse or partner")


def _because(reason, points: int, column: str = "") -> str:
    """ "<reason>: <points>", and the grid's column when it depends on the spouse."""
    values = {"reason": reason, "points": _pts(points), "column": column}
    if column:
        return _("%(reason)s: %(points)s %(column)s") % values
    return _("%(reason)s: %(points)s") % values


def _level(benchmark: str, level: int) -> str:
    return _("%(benchmark)s %(level)s") % {"benchmark": benchmark, "level": level}


def _no_points_below(benchmark: str, level: int, minimum: int) -> str:
    values = {"benchmark": benchmark, "level": level, "minimum": minimum}
    return _("%(benchmark)s %(level)s: no points below %(benchmark)s %(minimum)s") % values


def _combined(what, condition: str, points: int) -> str:
    """A skill transferability combination that gave points."""
    values = {"what": what, "condition": condition}
    return _because(_("%(what)s, with %(condition)s") % values, points)


def _limit(label: str, lines: list[Line], maximum: int, rule: str) -> list[Line]:
    """`lines`, plus a line taking off whatever goes over `maximum`."""
    earned = sum(line.points for line in lines)
    if earned <= maximum:
        return lines
    values = {"rule": rule, "maximum": maximum, "earned": earned}
    explanation = _("%(rule)s stop at %(maximum)s; %(earned)s were earned") % values
    return [*lines, Line(label, maximum - earned, explanation)]


def _core(profile: Profile) -> Section:
    with_spouse = profile.spouse_accompanying
    column = _column(with_spouse)
    lines = []

    age = profile.age
    points = age_points(age, with_spouse)
    if age < 18:
        explanation = _("Age %(age)s: no points under 18") % {"age": age}
    elif age >= 45:
        explanation = _("Age %(age)s: no points from 45 on") % {"age": age}
    else:
        explanation = _because(_("Age %(age)s") % {"age": age}, points, column)
    lines.append(Line(_("Age"), points, explanation))

    points = education_points(profile.education, with_spouse)
    explanation = _because(profile.education.label, points, column)
    lines.append(Line(_("Level of education"), points, explanation))

    first = profile.first_language
    for ability, level in profile.first_language_levels.by_ability():
        points = first_language_points(level, with_spouse)
        label = _("First official language (%(language)s): %(ability)s") % {
            "language": first.in_sentence,
            "ability": ability.in_sentence,
        }
        if points == 0:
            explanation = _no_points_below(first.benchmark, level, 4)
        else:
            explanation = _because(_level(first.benchmark, level), points, column)
        lines.append(Line(label, points, explanation))

    lines.extend(_second_language_lines(profile))

    years = profile.canadian_work_years
    points = canadian_work_points(years, with_spouse)
    if years == 0:
        explanation = _("Less than a year of Canadian work experience earns no points")
    else:
        reason = _("%(years)s of Canadian work experience") % {"years": _years(years)}
        explanation = _because(reason, points, column)
        if years > 5:
            explanation += " " + _("(the grid stops at 5 years or more)")
    lines.append(Line(_("Canadian work experience"), points, explanation))

    maximum = CORE_MAXIMUM.pick(with_spouse)
    # Cannot bind while the factor maximums add up to it, but it is IRCC's stated limit.
    rule = _("Core points %(column)s") % {"column": column}
    lines = _limit(_("Core limit"), lines, maximum, rule)
    return Section(_("Core human capital"), maximum, tuple(lines))


def _second_language_lines(profile: Profile) -> list[Line]:
    second = profile.second_language
    language = {"language": second.in_sentence}
    if profile.second_language_levels is None:
        explanation = _("No %(language)s results given") % language
        return [Line(_("Second official language (%(language)s)") % language, 0, explanation)]
    with_spouse = profile.spouse_accompanying
    lines = []
    for ability, level in profile.second_language_levels.by_ability():
        points = second_language_points(level, with_spouse)
        label = _("Second official language (%(language)s): %(ability)s") % {
            **language,
            "ability": ability.in_sentence,
        }
        if points == 0:
            explanation = _no_points_below(second.benchmark, level, 5)
        else:
            explanation = _because(_level(second.benchmark, level), points)
        lines.append(Line(label, points, explanation))
    maximum = SECOND_LANGUAGE_MAXIMUM.pick(with_spouse)
    rule = _("Second-language points %(column)s") % {"column": _column(with_spouse)}
    return _limit(_("Second official language limit"), lines, maximum, rule)


def _spouse(profile: Profile) -> Section:
    title = _("Spouse or common-law partner")
    if not profile.spouse_accompanying:
        note = _(
            "Not scored: no spouse or partner who is coming along and is not already in "
            "Canada as a citizen or permanent resident."
        )
        return Section(title, 0, (), (note,))

    lines = []
    education = profile.spouse_education
    label = _("Spouse's level of education")
    if education is None:
        lines.append(Line(label, 0, _("No level of education given")))
    else:
        points = spouse_education_points(education)
        lines.append(Line(label, points, _because(education.label, points)))

    if profile.spouse_language_levels is None:
        lines.append(Line(_("Spouse's official language"), 0, _("No language results given")))
    else:
        # A French test's levels are NCLC levels, an English test's CLB levels.
        benchmark = (profile.spouse_language or OfficialLanguage.ENGLISH).benchmark
        for ability, level in profile.spouse_language_levels.by_ability():
            points = spouse_language_points(level)
            if points == 0:
                explanation = _no_points_below(benchmark, level, 5)
            else:
                explanation = _because(_level(benchmark, level), points)
            label = _("Spouse's official language: %(ability)s") % {"ability": ability.in_sentence}
            lines.append(Line(label, points, explanation))

    years = profile.spouse_canadian_work_years
    points = spouse_canadian_work_points(years)
    if years == 0:
        explanation = _("Less than a year of Canadian work experience earns no points")
    else:
        reason = _("%(years)s of Canadian work experience") % {"years": _years(years)}
        explanation = _because(reason, points)
    lines.append(Line(_("Spouse's Canadian work experience"), points, explanation))
    return Section(title, SPOUSE_MAXIMUM, tuple(lines))


def _language_tier_words(levels: LanguageLevels, benchmark: str, tiers: Tiers) -> str:
    values = {"benchmark": benchmark, "lower": tiers.lower, "higher": tiers.higher}
    if levels.lowest() >= tiers.higher:
        return _("%(benchmark)s %(higher)s or more in all four abilities") % values
    return (
        _(
            "%(benchmark)s %(lower)s or more in all four abilities, below %(benchmark)s "
            "%(higher)s in at least one"
        )
        % values
    )


def _canadian_work_tier_words(years: int) -> str:
    if years >= CANADIAN_WORK_TIER_YEARS.higher:
        return _("%(years)s years or more of Canadian work experience") % {
            "years": CANADIAN_WORK_TIER_YEARS.higher
        }
    return _("1 year of Canadian work experience")


def _foreign_work_words(years: int) -> str:
    if years >= 3:
        return _("3 years or more of foreign work experience")
    return _("1 or 2 years of foreign work experience")


def _needs_first_language(benchmark: str, minimum: int, levels: LanguageLevels) -> str:
    values = {"benchmark": benchmark, "minimum": minimum, "lowest": levels.lowest()}
    return (
        _(
            "Needs %(benchmark)s %(minimum)s or more in all four abilities of the first official "
            "language; the lowest is %(benchmark)s %(lowest)s"
        )
        % values
    )


def _transferability(profile: Profile) -> Section:
    levels = profile.first_language_levels
    benchmark = profile.first_language.benchmark
    education = profile.education
    canadian_years = profile.canadian_work_years
    foreign_years = profile.foreign_work_years
    has_post_secondary = EDUCATION_TRANSFER_POINTS[education].higher > 0
    language_words = _language_tier_words(levels, benchmark, LANGUAGE_TIER_CLB)
    needs_language = _needs_first_language(benchmark, LANGUAGE_TIER_CLB.lower, levels)
    needs_canadian_work = _("Needs at least a year of Canadian work experience")
    needs_post_secondary = _("Needs a post-secondary credential")
    needs_foreign_work = _("Needs at least a year of foreign work experience")

    points = education_with_language_points(education, levels)
    if not has_post_secondary:
        explanation = needs_post_secondary
    elif points == 0:
        explanation = needs_language
    else:
        explanation = _combined(education.label, language_words, points)
    education_lines = [Line(_("Education and official language"), points, explanation)]

    points = education_with_canadian_work_points(education, canadian_years)
    if not has_post_secondary:
        explanation = needs_post_secondary
    elif points == 0:
        explanation = needs_canadian_work
    else:
        work_words = _canadian_work_tier_words(canadian_years)
        explanation = _combined(education.label, work_words, points)
    label = _("Education and Canadian work experience")
    education_lines.append(Line(label, points, explanation))
    rule = _("Education combinations together")
    limit = TRANSFERABILITY_GROUP_MAXIMUM
    education_lines = _limit(_("Education combinations limit"), education_lines, limit, rule)

    points = foreign_work_with_language_points(foreign_years, levels)
    if foreign_years < 1:
        explanation = needs_foreign_work
    elif points == 0:
        explanation = needs_language
    else:
        explanation = _combined(_foreign_work_words(foreign_years), language_words, points)
    label = _("Foreign work experience and official language")
    foreign_lines = [Line(label, points, explanation)]

    points = foreign_work_with_canadian_work_points(foreign_years, canadian_years)
    if foreign_years < 1:
        explanation = needs_foreign_work
    elif points == 0:
        explanation = needs_canadian_work
    else:
        work_words = _canadian_work_tier_words(canadian_years)
        explanation = _combined(_foreign_work_words(foreign_years), work_words, points)
    label = _("Foreign work experience and Canadian work experience")
    foreign_lines.append(Line(label, points, explanation))
    rule = _("Foreign work combinations together")
    foreign_lines = _limit(_("Foreign work combinations limit"), foreign_lines, limit, rule)

    points = certificate_with_language_points(profile.certificate_of_qualification, levels)
    if not profile.certificate_of_qualification:
        explanation = _("No certificate of qualification in a trade")
    elif points == 0:
        minimum = CERTIFICATE_LANGUAGE_TIER_CLB.lower
        explanation = _needs_first_language(benchmark, minimum, levels)
    else:
        certificate_words = _language_tier_words(levels, benchmark, CERTIFICATE_LANGUAGE_TIER_CLB)
        explanation = _combined(_("Certificate of qualification"), certificate_words, points)
    label = _("Certificate of qualification and official language")
    certificate_line = Line(label, points, explanation)

    lines = [*education_lines, *foreign_lines, certificate_line]
    rule = _("Skill transferability points")
    lines = _limit(_("Skill transferability limit"), lines, TRANSFERABILITY_MAXIMUM, rule)
    return Section(_("Skill transferability"), TRANSFERABILITY_MAXIMUM, tuple(lines))


def _additional(profile: Profile, rules: RuleSet) -> Section:
    lines = []

    if profile.provincial_nomination:
        points = PROVINCIAL_NOMINATION_POINTS
        explanation = _("Nominated by a province or territory")
    else:
        points, explanation = 0, _("No provincial or territorial nomination")
    lines.append(Line(_("Provincial or territorial nomination"), points, explanation))

    if profile.sibling_in_canada:
        points = SIBLING_IN_CANADA_POINTS
        explanation = _("A brother or sister in Canada who is a citizen or permanent resident")
    else:
        points, explanation = 0, _("No brother or sister in Canada counted")
    lines.append(Line(_("Brother or sister in Canada"), points, explanation))

    lines.append(_french_line(profile))

    points = CANADIAN_EDUCATION_POINTS[profile.canadian_education]
    explanation = _because(profile.canadian_education.label, points)
    if points == 0:
        explanation = _("%(reason)s: no points") % {"reason": profile.canadian_education.label}
    lines.append(Line(_("Post-secondary education in Canada"), points, explanation))

    lines.append(_job_offer_line(profile, rules))

    rule = _("Additional points")
    lines = _limit(_("Additional points limit"), lines, ADDITIONAL_MAXIMUM, rule)
    return Section(_("Additional points"), ADDITIONAL_MAXIMUM, tuple(lines))


def _job_offer_line(profile: Profile, rules: RuleSet) -> Line:
    label = _("Arranged employment (job offer)")
    offer = profile.job_offer
    if rules.arranged_employment is not None:
        points = rules.arranged_employment.points(offer)
        if offer is JobOffer.NONE:
            return Line(label, 0, _("No qualifying job offer"))
        return Line(label, points, _because(offer.label, points))
    # The factor stays listed, at 0, so the breakdown tells people who remember the old rule
    # (or who have an offer) what happened to it.
    removed = rules  # the set that stopped scoring job offers
    for earlier in reversed(RULE_SETS[: RULE_SETS.index(rules)]):
        if earlier.scores_job_offers:
            scored = earlier
            break
        removed = earlier
    else:
        return Line(label, 0, _("A job offer earns no points"))
    explanation = _("No longer scored: IRCC stopped giving points for a job offer on %(day)s.") % {
        "day": date_format(removed.in_force_from)
    }
    if offer is JobOffer.NONE:
        explanation += " " + _(
            "Before that a qualifying offer gave %(other)s points, or %(senior)s in senior "
            "management."
        ) % {
            "other": scored.arranged_employment.other,
            "senior": scored.arranged_employment.senior_management,
        }
    else:
        before = scored.arranged_employment.points(offer)
        explanation += " " + _("Before that this offer gave %(points)s.") % {"points": _pts(before)}
    return Line(label, 0, explanation)


def _french_line(profile: Profile) -> Line:
    if profile.first_language is OfficialLanguage.FRENCH:
        french, english = profile.first_language_levels, profile.second_language_levels
    else:
        french, english = profile.second_language_levels, profile.first_language_levels
    points = french_points(french, english)
    label = _("French-language skills")
    if french is None:
        return Line(label, 0, _("No French results given"))
    if points == 0:
        explanation = _(
            "Needs NCLC %(minimum)s or more in all four French abilities; the lowest is "
            "NCLC %(lowest)s"
        ) % {"minimum": FRENCH_MINIMUM_NCLC, "lowest": french.lowest()}
        return Line(label, 0, explanation)
    french_words = _("NCLC %(minimum)s or more in all four French abilities") % {
        "minimum": FRENCH_MINIMUM_NCLC
    }
    english_minimum = {"minimum": FRENCH_ENGLISH_MINIMUM_CLB}
    if points == FRENCH_POINTS.higher:
        english_words = _("CLB %(minimum)s or more in all four English abilities") % english_minimum
    elif english is None:
        english_words = _("no English results")
    else:
        english_words = _("English below CLB %(minimum)s in at least one ability") % english_minimum
    reason = _("%(french)s, and %(english)s") % {"french": french_words, "english": english_words}
    return Line(label, points, _because(reason, points))
