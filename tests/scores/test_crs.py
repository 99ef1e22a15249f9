"""The CRS calculator gives the points on IRCC's published grids, and adds them up right.

Every expected number here is typed in from IRCC's CRS criteria page (reviewed 25 November
2026; the job-offer points of the set before 25 March 2025 from IRCC's record of it), never
read back from the module's own tables, so a wrong cell in eeportal/scores/crs.py fails.
"""

from datetime import date

import pytest

from eeportal.scores import crs
from eeportal.scores.crs import (
    CanadianEducation,
    EducationLevel,
    LanguageLevels,
    OfficialLanguage,
    Profile,
)

ENGLISH, FRENCH = OfficialLanguage.ENGLISH, OfficialLanguage.FRENCH
# The grids are the same in every set held; most tests score with today's.
RULES = crs.rules_in_force(date(2026, 12, 3))
BEFORE_25_MARCH_2025 = crs.rules_in_force(date(2025, 3, 24))
LESS_THAN_SECONDARY = EducationLevel.LESS_THAN_SECONDARY
SECONDARY = EducationLevel.SECONDARY
ONE_YEAR = EducationLevel.ONE_YEAR
TWO_YEAR = EducationLevel.TWO_YEAR
BACHELORS = EducationLevel.BACHELORS
TWO_OR_MORE = EducationLevel.TWO_OR_MORE
MASTERS = EducationLevel.MASTERS
DOCTORAL = EducationLevel.DOCTORAL


def levels(speaking, listening, reading, writing):
    return LanguageLevels(speaking=speaking, listening=listening, reading=reading, writing=writing)


def all_four(level):
    return levels(level, level, level, level)


def line(section, label):
    (found,) = [line for line in section.lines if line.label == label]
    return found


def labels(section):
    return [line.label for line in section.lines]


# A. Core human capital --------------------------------------------------------------------

# (age, with a spouse, without a spouse)
AGE_GRID = [
    (0, 0, 0), (16, 0, 0), (17, 0, 0), (18, 90, 99), (19, 95, 105), (20, 100, 110),
    (21, 100, 110), (22, 100, 110), (23, 100, 110), (24, 100, 110), (25, 100, 110),
    (26, 100, 110), (27, 100, 110), (28, 100, 110), (29, 100, 110), (30, 95, 105),
    (31, 90, 99), (32, 85, 94), (33, 80, 88), (34, 75, 83), (35, 70, 77), (36, 65, 72),
    (37, 60, 66), (38, 55, 61), (39, 50, 55), (40, 45, 50), (41, 35, 39), (42, 25, 28),
    (43, 15, 17), (44, 5, 6), (45, 0, 0), (46, 0, 0), (60, 0, 0),
]  # fmt: skip


@pytest.mark.parametrize(("age", "with_spouse", "without_spouse"), AGE_GRID)
def test_age_points(age, with_spouse, without_spouse):
    assert crs.age_points(age, with_spouse=True) == with_spouse
    assert crs.age_points(age, with_spouse=False) == without_spouse


EDUCATION_GRID = [
    (LESS_THAN_SECONDARY, 0, 0),
    (SECONDARY, 28, 30),
    (ONE_YEAR, 84, 90),
    (TWO_YEAR, 91, 98),
    (BACHELORS, 112, 120),
    (TWO_OR_MORE, 119, 128),
    (MASTERS, 126, 135),
    (DOCTORAL, 140, 150),
]


@pytest.mark.parametrize(("education", "with_spouse", "without_spouse"), EDUCATION_GRID)
def test_education_points(education, with_spouse, without_spouse):
    assert crs.education_points(education, with_spouse=True) == with_spouse
    assert crs.education_points(education, with_spouse=False) == without_spouse


# (CLB level of one ability, with a spouse, without a spouse)
FIRST_LANGUAGE_GRID = [
    (0, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 6, 6), (5, 6, 6), (6, 8, 9), (7, 16, 17),
    (8, 22, 23), (9, 29, 31), (10, 32, 34), (11, 32, 34), (12, 32, 34),
]  # fmt: skip


@pytest.mark.parametrize(("level", "with_spouse", "without_spouse"), FIRST_LANGUAGE_GRID)
def test_first_official_language_points_per_ability(level, with_spouse, without_spouse):
    assert crs.first_language_points(level, with_spouse=True) == with_spouse
    assert crs.first_language_points(level, with_spouse=False) == without_spouse


SECOND_LANGUAGE_GRID = [
    (0, 0, 0), (3, 0, 0), (4, 0, 0), (5, 1, 1), (6, 1, 1), (7, 3, 3), (8, 3, 3), (9, 6, 6),
    (10, 6, 6), (12, 6, 6),
]  # fmt: skip


@pytest.mark.parametrize(("level", "with_spouse", "without_spouse"), SECOND_LANGUAGE_GRID)
def test_second_official_language_points_per_ability(level, with_spouse, without_spouse):
    assert crs.second_language_points(level, with_spouse=True) == with_spouse
    assert crs.second_language_points(level, with_spouse=False) == without_spouse


# (full years of Canadian work, with a spouse, without a spouse)
CANADIAN_WORK_GRID = [
    (0, 0, 0), (1, 35, 40), (2, 46, 53), (3, 56, 64), (4, 63, 72), (5, 70, 80), (6, 70, 80),
    (12, 70, 80),
]  # fmt: skip


@pytest.mark.parametrize(("years", "with_spouse", "without_spouse"), CANADIAN_WORK_GRID)
def test_canadian_work_experience_points(years, with_spouse, without_spouse):
    assert crs.canadian_work_points(years, with_spouse=True) == with_spouse
    assert crs.canadian_work_points(years, with_spouse=False) == without_spouse


def single_profile(**fields):
    values = {
        "age": 30,
        "education": SECONDARY,
        "first_language": ENGLISH,
        "first_language_levels": all_four(4),
    }
    return Profile(**{**values, **fields})


def test_second_language_stops_at_22_with_a_spouse():
    # CLB 9 in all four second-language abilities is 4 x 6 = 24, two over the limit of 22.
    profile = single_profile(
        second_language_levels=all_four(9), spouse_accompanying=True, spouse_education=SECONDARY
    )
    core = crs.calculate(profile, RULES).core
    limit = line(core, "Second official language limit")
    assert limit.points == -2
    assert "stop at 22; 24 were earned" in limit.explanation
    second = [line.points for line in core.lines if line.label.startswith("Second")]
    assert sum(second) == 22


def test_second_language_reaches_24_without_a_spouse_and_needs_no_limit():
    core = crs.calculate(single_profile(second_language_levels=all_four(10)), RULES).core
    second = [line for line in core.lines if line.label.startswith("Second")]
    assert [line.points for line in second] == [6, 6, 6, 6]
    assert "Second official language limit" not in labels(core)


def test_core_section_tops_out_at_500_alone_and_460_with_a_spouse():
    # Alone: 110 age + 150 PhD + 4 x 34 language + 24 second language + 80 work = 500.
    best = {
        "age": 25,
        "education": DOCTORAL,
        "first_language_levels": all_four(10),
        "second_language_levels": all_four(10),
        "canadian_work_years": 5,
    }
    alone = crs.calculate(single_profile(**best), RULES).core
    assert (alone.subtotal, alone.maximum) == (500, 500)
    # With a spouse: 100 + 140 + 4 x 32 + 22 (24 capped) + 70 = 460.
    together = crs.calculate(single_profile(**best, spouse_accompanying=True), RULES).core
    assert (together.subtotal, together.maximum) == (460, 460)


# B. Spouse or common-law partner ----------------------------------------------------------

SPOUSE_EDUCATION_GRID = [
    (LESS_THAN_SECONDARY, 0),
    (SECONDARY, 2),
    (ONE_YEAR, 6),
    (TWO_YEAR, 7),
    (BACHELORS, 8),
    (TWO_OR_MORE, 9),
    (MASTERS, 10),
    (DOCTORAL, 10),
]


@pytest.mark.parametrize(("education", "points"), SPOUSE_EDUCATION_GRID)
def test_spouse_education_points(education, points):
    assert crs.spouse_education_points(education) == points


SPOUSE_LANGUAGE_GRID = [
    (0, 0), (3, 0), (4, 0), (5, 1), (6, 1), (7, 3), (8, 3), (9, 5), (10, 5), (12, 5),
]  # fmt: skip


@pytest.mark.parametrize(("level", "points"), SPOUSE_LANGUAGE_GRID)
def test_spouse_language_points_per_ability(level, points):
    assert crs.spouse_language_points(level) == points


SPOUSE_CANADIAN_WORK_GRID = [(0, 0), (1, 5), (2, 7), (3, 8), (4, 9), (5, 10), (9, 10)]


@pytest.mark.parametrize(("years", "points"), SPOUSE_CANADIAN_WORK_GRID)
def test_spouse_canadian_work_points(years, points):
    assert crs.spouse_canadian_work_points(years) == points


def test_spouse_section_is_empty_when_no_spouse_comes_along():
    profile = single_profile(spouse_education=DOCTORAL, spouse_language_levels=all_four(10))
    spouse = crs.calculate(profile, RULES).spouse
    assert spouse.lines == ()
    assert spouse.subtotal == 0
    assert "Not scored" in spouse.notes[0]


@pytest.mark.parametrize(
    ("has_partner", "partner_is_citizen_or_pr", "partner_is_coming", "accompanying"),
    [
        (False, False, False, False),
        (True, False, True, True),
        (True, False, False, False),
        (True, True, True, False),
        (True, True, False, False),
    ],
)
def test_only_a_partner_coming_along_who_is_not_canadian_counts(
    has_partner, partner_is_citizen_or_pr, partner_is_coming, accompanying
):
    result = crs.spouse_is_accompanying(has_partner, partner_is_citizen_or_pr, partner_is_coming)
    assert result is accompanying


# C. Skill transferability -----------------------------------------------------------------

# First-language levels standing for each column: below CLB 7 somewhere, CLB 7 or more with
# one under 9, and CLB 9 or more in all four.
UNDER_7 = levels(9, 9, 9, 6)
SEVEN_TO_EIGHT = levels(10, 9, 9, 8)
NINE_PLUS = levels(9, 10, 12, 9)

EDUCATION_WITH_LANGUAGE_GRID = [
    (LESS_THAN_SECONDARY, 0, 0, 0),
    (SECONDARY, 0, 0, 0),
    (ONE_YEAR, 0, 13, 25),
    (TWO_YEAR, 0, 13, 25),
    (BACHELORS, 0, 13, 25),
    (TWO_OR_MORE, 0, 25, 50),
    (MASTERS, 0, 25, 50),
    (DOCTORAL, 0, 25, 50),
]


@pytest.mark.parametrize(("education", "under_7", "clb_7", "clb_9"), EDUCATION_WITH_LANGUAGE_GRID)
def test_education_with_language(education, under_7, clb_7, clb_9):
    assert crs.education_with_language_points(education, UNDER_7) == under_7
    assert crs.education_with_language_points(education, SEVEN_TO_EIGHT) == clb_7
    assert crs.education_with_language_points(education, NINE_PLUS) == clb_9


# (education, no Canadian work, 1 year, 2 years, 5 years)
EDUCATION_WITH_CANADIAN_WORK_GRID = [
    (LESS_THAN_SECONDARY, 0, 0, 0, 0),
    (SECONDARY, 0, 0, 0, 0),
    (ONE_YEAR, 0, 13, 25, 25),
    (TWO_YEAR, 0, 13, 25, 25),
    (BACHELORS, 0, 13, 25, 25),
    (TWO_OR_MORE, 0, 25, 50, 50),
    (MASTERS, 0, 25, 50, 50),
    (DOCTORAL, 0, 25, 50, 50),
]


@pytest.mark.parametrize(
    ("education", "none", "one_year", "two_years", "five_years"),
    EDUCATION_WITH_CANADIAN_WORK_GRID,
)
def test_education_with_canadian_work(education, none, one_year, two_years, five_years):
    assert crs.education_with_canadian_work_points(education, 0) == none
    assert crs.education_with_canadian_work_points(education, 1) == one_year
    assert crs.education_with_canadian_work_points(education, 2) == two_years
    assert crs.education_with_canadian_work_points(education, 5) == five_years


# (years of foreign work, below CLB 7, CLB 7 or 8, CLB 9 or more)
FOREIGN_WORK_WITH_LANGUAGE_GRID = [
    (0, 0, 0, 0),
    (1, 0, 13, 25),
    (2, 0, 13, 25),
    (3, 0, 25, 50),
    (10, 0, 25, 50),
]


@pytest.mark.parametrize(("years", "under_7", "clb_7", "clb_9"), FOREIGN_WORK_WITH_LANGUAGE_GRID)
def test_foreign_work_with_language(years, under_7, clb_7, clb_9):
    assert crs.foreign_work_with_language_points(years, UNDER_7) == under_7
    assert crs.foreign_work_with_language_points(years, SEVEN_TO_EIGHT) == clb_7
    assert crs.foreign_work_with_language_points(years, NINE_PLUS) == clb_9


# (years of foreign work, no Canadian work, 1 year, 2 years, 4 years)
FOREIGN_WORK_WITH_CANADIAN_WORK_GRID = [
    (0, 0, 0, 0, 0),
    (1, 0, 13, 25, 25),
    (2, 0, 13, 25, 25),
    (3, 0, 25, 50, 50),
    (7, 0, 25, 50, 50),
]


@pytest.mark.parametrize(
    ("foreign", "none", "one_year", "two_years", "four_years"),
    FOREIGN_WORK_WITH_CANADIAN_WORK_GRID,
)
def test_foreign_work_with_canadian_work(foreign, none, one_year, two_years, four_years):
    assert crs.foreign_work_with_canadian_work_points(foreign, 0) == none
    assert crs.foreign_work_with_canadian_work_points(foreign, 1) == one_year
    assert crs.foreign_work_with_canadian_work_points(foreign, 2) == two_years
    assert crs.foreign_work_with_canadian_work_points(foreign, 4) == four_years


@pytest.mark.parametrize(
    ("has_certificate", "first_language", "points"),
    [
        (False, all_four(10), 0),
        (True, levels(7, 7, 7, 4), 0),
        (True, all_four(5), 25),
        (True, levels(6, 5, 6, 6), 25),
        (True, levels(9, 9, 9, 6), 25),
        (True, all_four(7), 50),
        (True, levels(7, 8, 10, 12), 50),
    ],
)
def test_certificate_of_qualification_with_language(has_certificate, first_language, points):
    assert crs.certificate_with_language_points(has_certificate, first_language) == points


def trades_profile(**fields):
    values = {
        "age": 30,
        "education": DOCTORAL,
        "first_language": ENGLISH,
        "first_language_levels": all_four(9),
    }
    return Profile(**{**values, **fields})


def test_education_combinations_stop_at_50_together():
    # PhD with CLB 9 everywhere is 50, and with 2 years in Canada another 50: 100, kept at 50.
    section = crs.calculate(trades_profile(canadian_work_years=2), RULES).transferability
    limit = line(section, "Education combinations limit")
    assert limit.points == -50
    assert "stop at 50; 100 were earned" in limit.explanation
    assert section.subtotal == 50


def test_foreign_work_combinations_stop_at_50_together():
    # 3 years abroad with CLB 9 is 50, and with 2 years in Canada 50: 100, kept at 50. The
    # education group also gives 100, kept at 50; together they reach exactly 100.
    profile = trades_profile(foreign_work_years=3, canadian_work_years=2)
    section = crs.calculate(profile, RULES).transferability
    assert line(section, "Foreign work combinations limit").points == -50
    assert "Skill transferability limit" not in labels(section)
    assert section.subtotal == 100


def test_combinations_below_50_are_not_cut():
    # Bachelor's with CLB 7 or 8 is 13, and with 2 years in Canada 25: 38, under the limit.
    profile = trades_profile(
        education=BACHELORS, first_language_levels=SEVEN_TO_EIGHT, canadian_work_years=2
    )
    section = crs.calculate(profile, RULES).transferability
    assert "Education combinations limit" not in labels(section)
    assert section.subtotal == 38


def test_skill_transferability_stops_at_100():
    # Education group 50 (after its limit) + foreign work group 50 + certificate 50 = 150.
    profile = trades_profile(
        foreign_work_years=3, canadian_work_years=2, certificate_of_qualification=True
    )
    section = crs.calculate(profile, RULES).transferability
    limit = line(section, "Skill transferability limit")
    assert limit.points == -50
    assert "stop at 100; 150 were earned" in limit.explanation
    assert section.subtotal == 100


def test_transferability_explains_what_is_missing():
    profile = trades_profile(education=SECONDARY, first_language_levels=UNDER_7)
    section = crs.calculate(profile, RULES).transferability
    assert line(section, "Education and official language").explanation == (
        "Needs a post-secondary credential"
    )
    assert line(section, "Foreign work experience and official language").explanation == (
        "Needs at least a year of foreign work experience"
    )
    assert line(section, "Certificate of qualification and official language").explanation == (
        "No certificate of qualification in a trade"
    )
    with_degree = crs.calculate(
        trades_profile(first_language_levels=UNDER_7), RULES
    ).transferability
    explanation = line(with_degree, "Education and official language").explanation
    assert explanation.endswith("the lowest is CLB 6")


# D. Additional points ---------------------------------------------------------------------


def test_provincial_nomination_gives_600():
    additional = crs.calculate(single_profile(provincial_nomination=True), RULES).additional
    assert line(additional, "Provincial or territorial nomination").points == 600
    assert additional.subtotal == 600


def test_sibling_in_canada_gives_15():
    additional = crs.calculate(single_profile(sibling_in_canada=True), RULES).additional
    assert line(additional, "Brother or sister in Canada").points == 15
    assert additional.subtotal == 15


@pytest.mark.parametrize(
    ("canadian_education", "points"),
    [
        (CanadianEducation.NONE, 0),
        (CanadianEducation.ONE_OR_TWO_YEARS, 15),
        (CanadianEducation.THREE_YEARS_OR_MORE, 30),
    ],
)
def test_post_secondary_education_in_canada(canadian_education, points):
    additional = crs.calculate(
        single_profile(canadian_education=canadian_education), RULES
    ).additional
    assert line(additional, "Post-secondary education in Canada").points == points


@pytest.mark.parametrize(
    ("first_language", "first_levels", "second_levels", "points"),
    [
        # French first, English second.
        (FRENCH, all_four(7), None, 25),
        (FRENCH, all_four(7), all_four(4), 25),
        (FRENCH, all_four(7), levels(5, 5, 5, 4), 25),
        (FRENCH, all_four(7), all_four(5), 50),
        (FRENCH, levels(10, 10, 10, 6), all_four(9), 0),
        # English first, French second.
        (ENGLISH, all_four(9), all_four(7), 50),
        (ENGLISH, levels(4, 5, 5, 5), all_four(8), 25),
        (ENGLISH, all_four(10), levels(7, 7, 7, 6), 0),
        (ENGLISH, all_four(10), None, 0),
    ],
)
def test_french_language_skills(first_language, first_levels, second_levels, points):
    profile = single_profile(
        first_language=first_language,
        first_language_levels=first_levels,
        second_language_levels=second_levels,
    )
    additional = crs.calculate(profile, RULES).additional
    assert line(additional, "French-language skills").points == points


def test_job_offer_earns_nothing_since_25_march_2025():
    additional = crs.calculate(single_profile(), RULES).additional
    job_offer = line(additional, "Arranged employment (job offer)")
    assert job_offer.points == 0
    assert "25 March 2025" in job_offer.explanation
    assert "50 points, or 200 in senior management" in job_offer.explanation


@pytest.mark.parametrize(
    "offer, points",
    [
        (crs.JobOffer.NONE, 0),
        (crs.JobOffer.OTHER, 50),
        (crs.JobOffer.SENIOR_MANAGEMENT, 200),
    ],
)
def test_job_offer_points_before_25_march_2025(offer, points):
    profile = single_profile(job_offer=offer)
    additional = crs.calculate(profile, BEFORE_25_MARCH_2025).additional
    assert line(additional, "Arranged employment (job offer)").points == points


def test_a_job_offer_moves_the_total_between_24_and_25_march_2025():
    profile = single_profile(job_offer="senior-management")
    before = crs.calculate(profile, crs.rules_in_force(date(2025, 3, 24)))
    after = crs.calculate(profile, crs.rules_in_force(date(2025, 3, 25)))
    assert before.total - after.total == 200
    explanation = line(after.additional, "Arranged employment (job offer)").explanation
    assert "this offer gave 200 points" in explanation


def test_a_profile_without_a_job_offer_scores_the_same_under_both_sets():
    # Age 30 alone 105, secondary school 30, CLB 4 in each ability 4 x 6.
    profile = single_profile()
    assert crs.calculate(profile, BEFORE_25_MARCH_2025).total == 159
    assert crs.calculate(profile, RULES).total == 159


@pytest.mark.parametrize(
    "day, in_force_from",
    [
        (date(2022, 11, 16), date(2022, 11, 16)),
        (date(2025, 3, 24), date(2022, 11, 16)),
        (date(2025, 3, 25), date(2025, 3, 25)),
        (date(2026, 12, 3), date(2025, 3, 25)),
    ],
)
def test_rules_are_found_by_the_day_they_applied(day, in_force_from):
    assert crs.rules_in_force(day).in_force_from == in_force_from


def test_a_day_before_the_first_set_held_is_refused():
    with pytest.raises(crs.RulesNotHeld, match="16 November 2022"):
        crs.rules_in_force(date(2022, 11, 15))


def test_rule_sets_are_in_date_order_and_each_was_checked_after_it_took_effect():
    days = [rules.in_force_from for rules in crs.RULE_SETS]
    assert days == sorted(days) and len(set(days)) == len(days)
    assert all(rules.checked_on >= rules.in_force_from for rules in crs.RULE_SETS)
    assert RULES.checked_on == date(2026, 11, 25)
    assert not RULES.scores_job_offers and BEFORE_25_MARCH_2025.scores_job_offers


def test_additional_points_stop_at_600():
    # 600 nomination + 15 sibling + 50 French + 30 Canadian study = 695, kept at 600.
    profile = single_profile(
        first_language_levels=all_four(9),
        second_language_levels=all_four(7),
        provincial_nomination=True,
        sibling_in_canada=True,
        canadian_education=CanadianEducation.THREE_YEARS_OR_MORE,
    )
    additional = crs.calculate(profile, RULES).additional
    limit = line(additional, "Additional points limit")
    assert limit.points == -95
    assert "stop at 600; 695 were earned" in limit.explanation
    assert additional.subtotal == 600


# Complete profiles, added up by hand -----------------------------------------------------


def test_profile_single_bachelor_with_foreign_work():
    # Core: age 29 = 110, bachelor's = 120, CLB 9 x 4 = 4 x 31 = 124, no Canadian work = 0
    #   -> 354.
    # Transferability: bachelor's + CLB 9 = 25; 3 years abroad + CLB 9 = 50 -> 75.
    # Total: 354 + 75 = 429.
    profile = Profile(
        age=29,
        education=BACHELORS,
        first_language=ENGLISH,
        first_language_levels=all_four(9),
        foreign_work_years=3,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [354, 0, 75, 0]
    assert result.total == 429


def test_profile_single_master_with_canadian_work_and_study():
    # Core: age 32 = 94, master's = 135, CLB 10 x 4 = 136, 1 year in Canada = 40 -> 405.
    # Transferability: master's + CLB 10 = 50, master's + 1 year Canada = 25 -> 75, kept at 50;
    #   2 years abroad + CLB 10 = 25, 2 years abroad + 1 year Canada = 13 -> 38. 50 + 38 = 88.
    # Additional: one- or two-year Canadian credential = 15.
    # Total: 405 + 88 + 15 = 508.
    profile = Profile(
        age=32,
        education=MASTERS,
        first_language=ENGLISH,
        first_language_levels=all_four(10),
        canadian_work_years=1,
        foreign_work_years=2,
        canadian_education=CanadianEducation.ONE_OR_TWO_YEARS,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [405, 0, 88, 15]
    assert result.total == 508


def test_profile_couple_with_two_credentials():
    # With a spouse. Core: age 35 = 70, two or more credentials = 119,
    #   first language CLB 8/8/8/7 = 22 + 22 + 22 + 16 = 82,
    #   French as second language CLB 5/6/5/5 = 1 + 1 + 1 + 1 = 4, 2 years in Canada = 46
    #   -> 70 + 119 + 82 + 4 + 46 = 321.
    # Spouse: bachelor's = 8, CLB 7 x 4 = 12, no Canadian work = 0 -> 20.
    # Transferability: two credentials + CLB 7 (one under 9) = 25, + 2 years Canada = 50
    #   -> 75, kept at 50; no foreign work -> 50.
    # Additional: French below NCLC 7 -> 0.
    # Total: 321 + 20 + 50 = 391.
    profile = Profile(
        age=35,
        education=TWO_OR_MORE,
        first_language=ENGLISH,
        first_language_levels=levels(8, 8, 8, 7),
        second_language_levels=levels(5, 6, 5, 5),
        canadian_work_years=2,
        spouse_accompanying=True,
        spouse_education=BACHELORS,
        spouse_language_levels=all_four(7),
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [321, 20, 50, 0]
    assert result.total == 391


def test_profile_nominee_whose_additional_points_are_capped():
    # Core: age 40 = 50, one-year credential = 90, CLB 6/7/7/7 = 9 + 17 + 17 + 17 = 60
    #   -> 200.
    # Transferability: lowest CLB is 6, so no language combination; no Canadian work -> 0.
    # Additional: nomination 600 + sibling 15 = 615, kept at 600.
    # Total: 200 + 0 + 600 = 800.
    profile = Profile(
        age=40,
        education=ONE_YEAR,
        first_language=ENGLISH,
        first_language_levels=levels(6, 7, 7, 7),
        foreign_work_years=5,
        provincial_nomination=True,
        sibling_in_canada=True,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [200, 0, 0, 600]
    assert result.total == 800


def test_profile_french_first_with_english_second():
    # Core: age 27 = 110, bachelor's = 120, NCLC 7 x 4 = 68, English CLB 5 x 4 = 4,
    #   1 year in Canada = 40 -> 342.
    # Transferability: bachelor's + NCLC 7 = 13, bachelor's + 1 year Canada = 13 -> 26.
    # Additional: NCLC 7 in all four French and CLB 5 in all four English = 50.
    # Total: 342 + 26 + 50 = 418.
    profile = Profile(
        age=27,
        education=BACHELORS,
        first_language=FRENCH,
        first_language_levels=all_four(7),
        second_language_levels=all_four(5),
        canadian_work_years=1,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [342, 0, 26, 50]
    assert result.total == 418


def test_profile_french_speaker_aged_45_without_english():
    # Core: age 45 = 0, PhD = 150, NCLC 10 x 4 = 136, no Canadian work -> 286.
    # Transferability: PhD + NCLC 10 = 50; 3 years abroad + NCLC 10 = 50 -> 100.
    # Additional: French without English = 25, Canadian credential of 3 years = 30 -> 55.
    # Total: 286 + 100 + 55 = 441.
    profile = Profile(
        age=45,
        education=DOCTORAL,
        first_language=FRENCH,
        first_language_levels=all_four(10),
        foreign_work_years=3,
        canadian_education=CanadianEducation.THREE_YEARS_OR_MORE,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [286, 0, 100, 55]
    assert result.total == 441


def test_profile_tradesperson_with_a_spouse():
    # With a spouse. Core: age 38 = 55, secondary = 28,
    #   CLB 7/7/5/6 = 16 + 16 + 6 + 8 = 46, 3 years in Canada = 56 -> 185.
    # Spouse: secondary = 2, CLB 4 x 4 = 0, 1 year in Canada = 5 -> 7.
    # Transferability: secondary gives no education combination; 2 years abroad with lowest
    #   CLB 5 gives no language combination; 2 years abroad + 3 years Canada = 25;
    #   certificate with CLB 5 or more, one under 7 = 25 -> 50.
    # Additional: sibling = 15.
    # Total: 185 + 7 + 50 + 15 = 257.
    profile = Profile(
        age=38,
        education=SECONDARY,
        first_language=ENGLISH,
        first_language_levels=levels(7, 7, 5, 6),
        canadian_work_years=3,
        foreign_work_years=2,
        certificate_of_qualification=True,
        sibling_in_canada=True,
        spouse_accompanying=True,
        spouse_education=SECONDARY,
        spouse_language_levels=all_four(4),
        spouse_canadian_work_years=1,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [185, 7, 50, 15]
    assert result.total == 257


def test_profile_with_everything_alone_reaches_1200():
    # Core: 110 + 150 + 4 x 34 + 4 x 6 + 80 = 500.
    # Transferability: 50 (education, 100 kept at 50) + 50 (foreign work, 100 kept at 50)
    #   + 50 certificate = 150, kept at 100.
    # Additional: 600 + 15 + 50 French + 30 study = 695, kept at 600.
    # Total: 500 + 100 + 600 = 1200.
    profile = Profile(
        age=24,
        education=DOCTORAL,
        first_language=ENGLISH,
        first_language_levels=all_four(10),
        second_language_levels=all_four(9),
        canadian_work_years=5,
        foreign_work_years=3,
        certificate_of_qualification=True,
        canadian_education=CanadianEducation.THREE_YEARS_OR_MORE,
        provincial_nomination=True,
        sibling_in_canada=True,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [500, 0, 100, 600]
    assert result.total == 1200 == crs.CRS_MAX


def test_profile_with_everything_as_a_couple_reaches_1200():
    # Core: 100 + 140 + 4 x 32 + 22 (24 kept at 22) + 70 = 460.
    # Spouse: PhD 10 + CLB 9 x 4 = 20 + 5 years in Canada 10 = 40.
    # Transferability: 150 kept at 100. Additional: 600 + 50 French = 650, kept at 600.
    # Total: 460 + 40 + 100 + 600 = 1200.
    profile = Profile(
        age=25,
        education=DOCTORAL,
        first_language=ENGLISH,
        first_language_levels=all_four(10),
        second_language_levels=all_four(9),
        canadian_work_years=5,
        foreign_work_years=3,
        certificate_of_qualification=True,
        provincial_nomination=True,
        spouse_accompanying=True,
        spouse_education=DOCTORAL,
        spouse_language_levels=all_four(9),
        spouse_canadian_work_years=5,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [460, 40, 100, 600]
    assert result.total == 1200


def test_profile_whose_spouse_is_canadian_is_scored_alone():
    # The spouse is a citizen, so the "without a spouse" column applies and the spouse's
    # details are ignored.
    # Core: age 31 = 99, two-year credential = 98, CLB 8 x 4 = 92, 4 years in Canada = 72
    #   -> 361.
    # Transferability: two-year + CLB 8 = 13, + 4 years Canada = 25 -> 38; 1 year abroad +
    #   CLB 8 = 13, + 4 years Canada = 25 -> 38. 38 + 38 = 76.
    # Total: 361 + 76 = 437.
    profile = Profile(
        age=31,
        education=TWO_YEAR,
        first_language=ENGLISH,
        first_language_levels=all_four(8),
        canadian_work_years=4,
        foreign_work_years=1,
        spouse_accompanying=crs.spouse_is_accompanying(True, True, True),
        spouse_education=MASTERS,
        spouse_language_levels=all_four(9),
        spouse_canadian_work_years=3,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [361, 0, 76, 0]
    assert result.total == 437


def test_profile_with_little_to_score_and_a_spouse_who_gave_no_details():
    # With a spouse. Core: age 44 = 5, less than secondary = 0, CLB 4 x 4 = 24 -> 29.
    # Spouse: nothing given -> 0. Transferability and additional: 0.
    # Total: 29.
    profile = Profile(
        age=44,
        education=LESS_THAN_SECONDARY,
        first_language=ENGLISH,
        first_language_levels=all_four(4),
        spouse_accompanying=True,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [29, 0, 0, 0]
    assert result.total == 29
    assert labels(result.spouse) == [
        "Spouse's level of education",
        "Spouse's official language",
        "Spouse's Canadian work experience",
    ]


def test_profile_english_first_with_strong_french():
    # Core: age 30 = 105, one-year credential = 90, CLB 9 x 4 = 124, NCLC 7 x 4 = 12,
    #   no Canadian work -> 331.
    # Transferability: one-year credential + CLB 9 = 25 -> 25.
    # Additional: NCLC 7 in French with CLB 9 in English = 50, Canadian credential of one or
    #   two years = 15 -> 65.
    # Total: 331 + 25 + 65 = 421.
    profile = Profile(
        age=30,
        education=ONE_YEAR,
        first_language=ENGLISH,
        first_language_levels=all_four(9),
        second_language_levels=all_four(7),
        canadian_education=CanadianEducation.ONE_OR_TWO_YEARS,
    )
    result = crs.calculate(profile, RULES)
    assert [section.subtotal for section in result.sections] == [331, 0, 25, 65]
    assert result.total == 421


# The breakdown a page shows -----------------------------------------------------------------


def test_each_line_says_why_it_gave_its_points():
    profile = Profile(
        age=29,
        education=BACHELORS,
        first_language=ENGLISH,
        first_language_levels=levels(9, 8, 7, 3),
        canadian_work_years=6,
    )
    core = crs.calculate(profile, RULES).core
    assert line(core, "Age").explanation == (
        "Age 29: 110 points without an accompanying spouse or partner"
    )
    assert line(core, "First official language (English): speaking").explanation == (
        "CLB 9: 31 points without an accompanying spouse or partner"
    )
    assert line(core, "First official language (English): writing").points == 0
    assert line(core, "First official language (English): writing").explanation == (
        "CLB 3: no points below CLB 4"
    )
    assert line(core, "Second official language (French)").explanation == (
        "No French results given"
    )
    canadian_work = line(core, "Canadian work experience")
    assert canadian_work.points == 80
    assert canadian_work.explanation.startswith("6 years of Canadian work experience: 80 points")


def test_french_first_language_is_described_in_nclc():
    profile = single_profile(first_language=FRENCH, first_language_levels=all_four(8))
    core = crs.calculate(profile, RULES).core
    assert line(core, "First official language (French): reading").explanation == (
        "NCLC 8: 23 points without an accompanying spouse or partner"
    )


def test_ages_outside_the_grid_say_so():
    young = crs.calculate(single_profile(age=17), RULES).core
    old = crs.calculate(single_profile(age=52), RULES).core
    assert line(young, "Age").explanation == "Age 17: no points under 18"
    assert line(old, "Age").explanation == "Age 52: no points from 45 on"


def test_sections_come_in_irccs_order_with_their_maximums():
    result = crs.calculate(single_profile(), RULES)
    assert [(section.title, section.maximum) for section in result.sections] == [
        ("Core human capital", 500),
        ("Spouse or common-law partner", 0),
        ("Skill transferability", 100),
        ("Additional points", 600),
    ]


def test_section_maximums_as_published():
    assert crs.CORE_MAXIMUM == (460, 500)
    assert crs.SECOND_LANGUAGE_MAXIMUM == (22, 24)
    assert crs.SPOUSE_MAXIMUM == 40
    assert crs.TRANSFERABILITY_GROUP_MAXIMUM == 50
    assert crs.TRANSFERABILITY_MAXIMUM == 100
    assert crs.ADDITIONAL_MAXIMUM == 600
    assert crs.CRS_MAX == 1200


def test_rules_name_their_official_source():
    assert crs.RULES_SOURCE_URL == (
        "https://www.canada.ca/en/immigration-refugees-citizenship/services/"
        "immigrate-canada/express-entry/check-score/crs-criteria.html"
    )


# Input -------------------------------------------------------------------------------------


def test_education_levels_have_stable_slugs_for_forms():
    assert [value for value, _ in EducationLevel.choices] == [
        "less-than-secondary",
        "secondary",
        "one-year",
        "two-year",
        "bachelors",
        "two-or-more",
        "masters",
        "doctoral",
    ]
    assert EducationLevel.DOCTORAL.label == "Doctoral degree (PhD)"
    assert [value for value, _ in CanadianEducation.choices] == [
        "none",
        "one-or-two-years",
        "three-years-or-more",
    ]


def test_profile_accepts_slugs_from_a_form():
    profile = Profile(
        age=30,
        education="masters",
        first_language="french",
        first_language_levels=all_four(7),
        canadian_education="one-or-two-years",
    )
    assert profile.education is MASTERS
    assert profile.first_language is FRENCH
    assert profile.canadian_education is CanadianEducation.ONE_OR_TWO_YEARS


@pytest.mark.parametrize(
    "fields",
    [
        {"age": -1},
        {"canadian_work_years": -1},
        {"foreign_work_years": 1.5},
        {"spouse_canadian_work_years": -2},
        {"education": "high-school"},
        {"first_language": "spanish"},
    ],
)
def test_profile_refuses_impossible_answers(fields):
    with pytest.raises(ValueError):
        single_profile(**fields)


@pytest.mark.parametrize("level", [-1, 13, 7.5, True])
def test_language_levels_run_from_0_to_12(level):
    with pytest.raises(ValueError):
        levels(7, 7, 7, level)
