"""Seed the streams with every round name IRCC has used, and create the Editors group.

Editors can add a new stream or round name in the admin when IRCC invents one; this is only
the starting set, as of IRCC's feed of 7 August 2026.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STREAMS = [
    # slug, name, short name, kind, order, description, IRCC round names
    (
        "general",
        "General (all programs)",
        "General",
        "general",
        10,
        "Rounds open to candidates of every Express Entry program, ranked by CRS score alone. "
        "IRCC called them 'No Program Specified' until 2023.",
        ["No Program Specified", "General"],
    ),
    (
        "cec",
        "Canadian Experience Class",
        "CEC",
        "program",
        20,
        "Rounds for candidates with at least a year of skilled work experience in Canada.",
        ["Canadian Experience Class"],
    ),
    (
        "fsw",
        "Federal Skilled Worker",
        "FSW",
        "program",
        30,
        "Rounds for skilled workers with foreign experience who pass the 67-point grid.",
        ["Federal Skilled Worker"],
    ),
    (
        "fst",
        "Federal Skilled Trades",
        "FST",
        "program",
        40,
        "Rounds for qualified tradespeople with a job offer or a Canadian certificate of "
        "qualification.",
        ["Federal Skilled Trades"],
    ),
    (
        "pnp",
        "Provincial Nominee Program",
        "PNP",
        "program",
        50,
        "Rounds for candidates nominated by a province or territory; the nomination adds 600 "
        "points, so cut-offs are high.",
        ["Provincial Nominee Program"],
    ),
    (
        "french",
        "French-language proficiency",
        "French",
        "category",
        60,
        "Category rounds for candidates with strong French (NCLC 7 or better in all four abilities).",
        ["French language proficiency (Version 1)", "French-Language proficiency 2026-Version 2"],
    ),
    (
        "healthcare",
        "Healthcare and social services occupations",
        "Healthcare",
        "category",
        70,
        "Category rounds for candidates with recent experience in eligible health and social "
        "services jobs.",
        [
            "Healthcare occupations (Version 1)",
            "Healthcare and social services occupations (Version 2)",
            "Healthcare and Social Services Occupations, 2026-Version 3",
        ],
    ),
    (
        "stem",
        "STEM occupations",
        "STEM",
        "category",
        80,
        "Category rounds for science, technology, engineering and mathematics jobs.",
        ["STEM occupations (Version 1)"],
    ),
    (
        "trades",
        "Trade occupations",
        "Trades",
        "category",
        90,
        "Category rounds for candidates with recent experience in eligible skilled trades.",
        [
            "Trade occupations (Version 1)",
            "Trade occupations (Version 2)",
            "Trades Occupations, 2026-Version 3",
        ],
    ),
    (
        "transport",
        "Transport occupations",
        "Transport",
        "category",
        100,
        "Category rounds for drivers, pilots, mechanics and other transport jobs.",
        ["Transport occupations (Version 1)", "Transport Occupations, 2026-Version 2"],
    ),
    (
        "agriculture",
        "Agriculture and agri-food occupations",
        "Agriculture",
        "category",
        110,
        "Category rounds for farm, food processing and related jobs.",
        ["Agriculture and agri-food occupations (Version 1)"],
    ),
    (
        "education",
        "Education occupations",
        "Education",
        "category",
        120,
        "Category rounds for teachers, early childhood educators and instructors.",
        ["Education occupations (Version 1)"],
    ),
    (
        "senior-managers",
        "Senior managers with Canadian work experience",
        "Senior managers",
        "category",
        130,
        "Category rounds, from 2026, for senior managers with experience in Canada.",
        ["Senior managers with Canadian Work Experience, 2026-Version 1"],
    ),
    (
        "physicians",
        "Physicians with Canadian work experience",
        "Physicians",
        "category",
        140,
        "Category rounds, from 2026, for doctors with experience in Canada.",
        ["Physicians with Canadian Work Experience, 2026-Version 1"],
    ),
    (
        "military",
        "Skilled military recruits",
        "Military",
        "category",
        150,
        "Category rounds, from 2026, for skilled recruits of the Canadian Armed Forces.",
        ["Skilled Military Recruits, 2026-Version 1"],
    ),
]

# What an editor may do: enter and correct rounds and their distributions, keep streams and
# IRCC's round names current. No users, groups or deletions of streams.
EDITOR_PERMISSIONS = [
    ("draws", "add_draw"),
    ("draws", "change_draw"),
    ("draws", "delete_draw"),
    ("draws", "view_draw"),
    ("draws", "add_poolband"),
    ("draws", "change_poolband"),
    ("draws", "delete_poolband"),
    ("draws", "view_poolband"),
    ("draws", "add_stream"),
    ("draws", "change_stream"),
    ("draws", "view_stream"),
    ("draws", "add_roundname"),
    ("draws", "change_roundname"),
    ("draws", "delete_roundname"),
    ("draws", "view_roundname"),
]


def seed_streams(apps, schema_editor):
    Stream = apps.get_model("draws", "Stream")
    RoundName = apps.get_model("draws", "RoundName")
    for slug, name, short_name, kind, order, description, round_names in STREAMS:
        stream = Stream.objects.create(
            slug=slug,
            name=name,
            short_name=short_name,
            kind=kind,
            display_order=order,
            description=description,
        )
        RoundName.objects.bulk_create(RoundName(stream=stream, name=n) for n in round_names)


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to use them.
    app_config = apps.get_app_config("draws")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, codename in EDITOR_PERMISSIONS:
        editors.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed_streams, migrations.RunPython.noop),
        migrations.RunPython(create_editors_group, remove_editors_group),
    ]
