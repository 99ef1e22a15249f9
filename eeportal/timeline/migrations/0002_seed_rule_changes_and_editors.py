"""The rule changes that moved the cut-offs, as checked on IRCC's and the Canada Gazette's
pages, and the Editors' right to keep them.

Dates, as the official texts give them: the CRS changes of 19 November 2016 (job offers 50 or
200 points instead of 600, points for study in Canada); those of 6 June 2017 (French-language
and sibling points, the tie-breaking rule by profile submission time); the French points
raised on 27 October 2020 (15 to 25, 30 to 50); the first category-based round, #252 of
28 June 2023 (healthcare); job offers' points removed on 25 March 2025; the 2026 categories
announced and in force from 18 February 2026.
"""

import datetime as dt

from django.contrib.auth.management import create_permissions
from django.db import migrations

IRCC = "https://www.canada.ca/en/immigration-refugees-citizenship/"
CRS_CRITERIA = IRCC + "services/immigrate-canada/express-entry/check-score/crs-criteria.html"
CATEGORIES = (
    IRCC
    + "services/immigrate-canada/express-entry/rounds-invitations/category-based-selection.html"
)
INSTRUCTIONS = (
    IRCC + "corporate/mandate/policies-operational-instructions-agreements/"
    "ministerial-instructions/express-entry-application-management-system/current.html"
)

EVENTS = [
    (
        dt.date(2016, 11, 19),
        "Job offers worth far less; points for study in Canada",
        "A job offer backed by a Labour Market Impact Assessment had been worth 600 points, as "
        "much as a provincial nomination. From this day it was worth 50 points, or 200 for a "
        "senior management job, and some job offers without an assessment began to count. "
        "Candidates with a post-secondary credential from Canada gained 15 or 30 points. With "
        "far fewer candidates lifted above 600 by a job offer, rounds reached further down the "
        "pool and cut-offs fell.",
        "Regulations Amending the Immigration and Refugee Protection Regulations (Skilled "
        "Worker), Canada Gazette, Part II, 30 November 2016",
        "https://gazette.gc.ca/rp-pr/p2/2016/2016-11-30/html/sor-dors298-eng.html",
    ),
    (
        dt.date(2017, 6, 6),
        "Points for French and for a sibling in Canada; the tie-breaking rule",
        "Candidates with strong French (NCLC 7 in all four abilities) gained 15 points, or 30 "
        "with English at CLB 5 or better, and a brother or sister in Canada who is a citizen or "
        "permanent resident brought 15 points. Candidates tied at a round's cut-off have since "
        "been ranked by when they submitted their profile, earliest first: each round's "
        "tie-breaking rule gives that time.",
        "Comprehensive Ranking System criteria",
        CRS_CRITERIA,
    ),
    (
        dt.date(2020, 10, 27),
        "More points for French",
        "The additional points for strong French rose from 15 to 25, and from 30 to 50 for "
        "candidates who also have English at CLB 5 or better: a bilingual candidate's score "
        "rose by 20 points overnight.",
        "Comprehensive Ranking System criteria",
        CRS_CRITERIA,
    ),
    (
        dt.date(2023, 6, 28),
        "The first category-based rounds",
        "IRCC held its first round for a category, healthcare occupations (round #252); over "
        "the next three months rounds for STEM, French, trades, transport and agriculture "
        "followed. "
        "Candidates in a category compete only with each other, so its cut-off can sit far "
        "below or above a general round's.",
        "Express Entry: category-based selection",
        CATEGORIES,
    ),
    (
        dt.date(2025, 3, 25),
        "Job offers no longer earn points",
        "The 50 or 200 points for a job offer were removed from every profile in the pool, and "
        "scores were recalculated; candidates already invited kept theirs. A job offer still "
        "counts towards eligibility for some programs.",
        "Ministerial Instructions respecting the Express Entry system (current version)",
        INSTRUCTIONS,
    ),
    (
        dt.date(2026, 2, 18),
        "The 2026 categories",
        "IRCC renewed its categories for 2026 and added new ones: physicians, senior managers "
        "and researchers with Canadian work experience, and skilled military recruits, with "
        "transport occupations back. The occupation categories now ask for at least a year of "
        "work in an eligible occupation within the last three years.",
        "Express Entry: category-based selection",
        CATEGORIES,
    ),
]

EDITOR_PERMISSIONS = ["add_timelineevent", "change_timelineevent", "view_timelineevent"]


def seed_events(apps, schema_editor):
    TimelineEvent = apps.get_model("timeline", "TimelineEvent")
    for date, title, what_changed, source_title, source_url in EVENTS:
        TimelineEvent.objects.get_or_create(
            date=date,
            title=title,
            defaults={
                "what_changed": what_changed,
                "source_title": source_title,
                "source_url": source_url,
            },
        )


def remove_events(apps, schema_editor):
    TimelineEvent = apps.get_model("timeline", "TimelineEvent")
    for date, title, *_ in EVENTS:
        TimelineEvent.objects.filter(date=date, title=title).delete()


def let_editors_keep_the_timeline(apps, schema_editor):
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="timeline", codename__in=EDITOR_PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0001_initial"),
        ("draws", "0002_streams_and_editors"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed_events, remove_events),
        migrations.RunPython(let_editors_keep_the_timeline, migrations.RunPython.noop),
    ]
