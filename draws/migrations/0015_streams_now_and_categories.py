"""What each stream means today, in plain words, and the 2026 researchers category.

Checked on IRCC's pages (category-based selection, the rounds of invitations, the 2026
announcement of 18 February 2026):

- occupation categories: from 18 February 2026, at least a year of work (full time, or as
  many hours part time) in one eligible occupation within the last three years; the year
  need not be continuous (before, six months of continuous work);
- physicians, senior managers and researchers "with Canadian work experience": that year of
  work was done in Canada, in one of the category's occupations;
- skilled military recruits: serving in a recognized foreign military, with a job offer from
  the Canadian Armed Forces, and meeting the category's other conditions;
- French-language proficiency: NCLC 7 or better in all four abilities;
- agriculture and agri-food occupations was not renewed for 2026;
- researchers with Canadian work experience: a 2026 category without a round yet. Its round
  name is entered in the form IRCC gave its sibling categories' names ("..., 2026-Version 1"),
  so that the sync files its first round; a different name is asked of an editor as usual.

Only empty fields are filled: what an editor wrote stays. The reverse empties only what this
migration wrote, word for word.
"""

from django.db import migrations

IRCC = "https://www.canada.ca/en/immigration-refugees-citizenship/"
CATEGORIES = (
    IRCC
    + "services/immigrate-canada/express-entry/rounds-invitations/category-based-selection.html"
)
ROUNDS = (
    IRCC + "corporate/mandate/policies-operational-instructions-agreements/"
    "ministerial-instructions/express-entry-rounds.html"
)

OCCUPATION_YEAR = (
    "At least one year of work in one occupation on IRCC's list for this category, within the "
    "last three years: full time, or the same number of hours part time. Since 18 February "
    "2026 the year need not be continuous; before, six months of continuous work were enough."
)
CANADIAN_YEAR = (
    "At least one year of work in Canada, within the last three years, in one of the "
    "category's occupations: {occupations}. Work abroad does not count for this category."
)
OTHER_ROUNDS = (
    "{who} candidates are now invited through rounds open to more than their program: "
    "category-based rounds (such as French-language proficiency or a group of occupations), "
    "a provincial nomination followed by a round for provincial nominees, and, when IRCC holds "
    "them, general rounds open to every program."
)

# slug: (who qualifies, IRCC's page, where it stands now, its source)
STREAMS = {
    "general": (
        "",
        "",
        "When IRCC holds no general round, candidates of every program are invited through "
        "program, category and provincial nominee rounds.",
        ROUNDS,
    ),
    "fsw": ("", "", OTHER_ROUNDS.format(who="Federal Skilled Worker"), ROUNDS),
    "fst": ("", "", OTHER_ROUNDS.format(who="Federal Skilled Trades"), ROUNDS),
    "french": (
        "French test results at NCLC 7 or better in all four abilities (listening, speaking, "
        "reading and writing), from a test IRCC accepts. No particular occupation is needed.",
        CATEGORIES,
        "",
        "",
    ),
    "healthcare": (OCCUPATION_YEAR, CATEGORIES, "", ""),
    "stem": (OCCUPATION_YEAR, CATEGORIES, "", ""),
    "trades": (OCCUPATION_YEAR, CATEGORIES, "", ""),
    "transport": (
        OCCUPATION_YEAR + " The 2026 list of transport occupations differs from the 2023 one, "
        "so the two versions' rounds are told apart below.",
        CATEGORIES,
        "",
        "",
    ),
    "agriculture": (
        "Recent work in one occupation on IRCC's agriculture and agri-food list. IRCC did not "
        "renew this category for 2026: its rounds were held in 2023 and 2024.",
        CATEGORIES,
        "",
        "",
    ),
    "education": (OCCUPATION_YEAR, CATEGORIES, "", ""),
    "senior-managers": (
        CANADIAN_YEAR.format(occupations="the senior manager occupations IRCC lists"),
        CATEGORIES,
        "",
        "",
    ),
    "physicians": (
        CANADIAN_YEAR.format(
            occupations="specialists in clinical and laboratory medicine, specialists in "
            "surgery, and general practitioners and family physicians"
        ),
        CATEGORIES,
        "",
        "",
    ),
    "researchers": (
        CANADIAN_YEAR.format(
            occupations="university professors and lecturers, and post-secondary teaching "
            "and research assistants"
        ),
        CATEGORIES,
        "",
        "",
    ),
    "military": (
        "Candidates serving in a recognized foreign military who have a job offer from the "
        "Canadian Armed Forces (through the Canadian Forces Recruiting Group), such as "
        "military doctors, nurses and pilots, and who meet the category's experience, "
        "education and security conditions. Like every category, they must also qualify for "
        "one of the three Express Entry programs.",
        CATEGORIES,
        "",
        "",
    ),
}

RESEARCHERS = {
    "slug": "researchers",
    "name": "Researchers with Canadian work experience",
    "short_name": "Researchers",
    "kind": "category",
    "display_order": 145,
    "description": "Category rounds, from 2026, for researchers and university teachers "
    "with experience in Canada.",
}
RESEARCHERS_ROUND_NAME = "Researchers with Canadian Work Experience, 2026-Version 1"

FIELDS = ["who_qualifies", "official_url", "standing", "standing_source_url"]


def describe_streams(apps, schema_editor):
    Stream = apps.get_model("draws", "Stream")
    RoundName = apps.get_model("draws", "RoundName")
    researchers, created = Stream.objects.get_or_create(
        slug=RESEARCHERS["slug"], defaults=RESEARCHERS
    )
    if created and not RoundName.objects.filter(name=RESEARCHERS_ROUND_NAME).exists():
        RoundName.objects.create(stream=researchers, name=RESEARCHERS_ROUND_NAME)
    for slug, values in STREAMS.items():
        stream = Stream.objects.filter(slug=slug).first()
        if stream is None:
            continue
        changed = False
        for field, value in zip(FIELDS, values, strict=True):
            if value and not getattr(stream, field):
                setattr(stream, field, value)
                changed = True
        if changed:
            stream.save()


def forget_descriptions(apps, schema_editor):
    Stream = apps.get_model("draws", "Stream")
    for slug, values in STREAMS.items():
        stream = Stream.objects.filter(slug=slug).first()
        if stream is None:
            continue
        for field, value in zip(FIELDS, values, strict=True):
            if value and getattr(stream, field) == value:
                setattr(stream, field, "")
        stream.save()
    # The researchers stream goes only while it has no round.
    Stream.objects.filter(slug=RESEARCHERS["slug"], draws__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("draws", "0014_stream_standing_and_qualifying")]

    operations = [migrations.RunPython(describe_streams, forget_descriptions)]
