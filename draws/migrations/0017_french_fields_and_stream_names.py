"""French versions of the editors' texts (issue 17), the streams' French names and the
guides' French short names.

The names are IRCC's own French terms (its French rounds feed and program pages); the short
names are IRCC's French abbreviations where it has one (PTQF, PTMSF, PCP). Descriptions are
ours. Only empty French fields are filled, so running it after an editor wrote one keeps hers.
"""

from django.db import migrations, models

# slug: French name, French short name, French description
STREAMS_FR = {
    "general": (
        "Général (tous les programmes)",
        "Général",
        "Rondes ouvertes aux candidats de tous les programmes d'Entrée express, classés selon "
        "leur seul score au SCG. IRCC les appelait « Aucun programme spécifié » jusqu'en 2023.",
    ),
    "cec": (
        "Catégorie de l'expérience canadienne",
        "CEC",
        "Rondes pour les candidats ayant au moins un an d'expérience de travail qualifié au "
        "Canada.",
    ),
    "fsw": (
        "Programme des travailleurs qualifiés (fédéral)",
        "PTQF",
        "Rondes pour les travailleurs qualifiés ayant de l'expérience à l'étranger qui "
        "obtiennent au moins 67 points dans la grille de sélection.",
    ),
    "fst": (
        "Programme des travailleurs de métiers spécialisés (fédéral)",
        "PTMSF",
        "Rondes pour les gens de métier qualifiés ayant une offre d'emploi ou un certificat "
        "de qualification canadien.",
    ),
    "pnp": (
        "Programme des candidats des provinces",
        "PCP",
        "Rondes pour les candidats désignés par une province ou un territoire; la désignation "
        "ajoute 600 points, d'où des seuils élevés.",
    ),
    "french": (
        "Compétence linguistique en français",
        "Français",
        "Rondes par catégorie pour les candidats qui maîtrisent bien le français (NCLC 7 ou "
        "plus dans les quatre habiletés).",
    ),
    "healthcare": (
        "Professions de la santé et des services sociaux",
        "Santé",
        "Rondes par catégorie pour les candidats ayant une expérience récente dans un emploi "
        "admissible de la santé ou des services sociaux.",
    ),
    "stem": (
        "Professions en sciences, technologies, génie et mathématiques (STIM)",
        "STIM",
        "Rondes par catégorie pour les emplois en sciences, technologies, génie et mathématiques.",
    ),
    "trades": (
        "Métiers spécialisés",
        "Métiers",
        "Rondes par catégorie pour les candidats ayant une expérience récente dans un métier "
        "spécialisé admissible.",
    ),
    "transport": (
        "Professions du secteur des transports",
        "Transport",
        "Rondes par catégorie pour les conducteurs, pilotes, mécaniciens et autres emplois du "
        "transport.",
    ),
    "agriculture": (
        "Professions de l'agriculture et de l'agroalimentaire",
        "Agriculture",
        "Rondes par catégorie pour les emplois agricoles, de transformation des aliments et "
        "connexes.",
    ),
    "education": (
        "Professions du secteur de l'éducation",
        "Éducation",
        "Rondes par catégorie pour les enseignants, les éducateurs de la petite enfance et les "
        "instructeurs.",
    ),
    "senior-managers": (
        "Cadres supérieurs/cadres supérieures ayant de l'expérience de travail au Canada",
        "Cadres supérieurs",
        "Rondes par catégorie, depuis 2026, pour les cadres supérieurs ayant de l'expérience "
        "au Canada.",
    ),
    "physicians": (
        "Médecins ayant de l'expérience de travail au Canada",
        "Médecins",
        "Rondes par catégorie, depuis 2026, pour les médecins ayant de l'expérience au Canada.",
    ),
    "researchers": (
        "Chercheurs ayant de l'expérience de travail au Canada",
        "Chercheurs",
        "Rondes par catégorie, depuis 2026, pour les chercheurs et les enseignants "
        "universitaires ayant de l'expérience au Canada.",
    ),
    "military": (
        "Recrues militaires qualifiées",
        "Militaires",
        "Rondes par catégorie, depuis 2026, pour les recrues qualifiées des Forces armées "
        "canadiennes.",
    ),
}


# The guides' names in menus, in IRCC's French abbreviations; the rest of each guide's
# French is the editors' to write.
GUIDE_SHORT_NAMES_FR = {
    "cec": "CEC",
    "fsw": "PTQF",
    "fst": "PTMSF",
    "crs": "SCG",
    "applying": "Présenter une demande",
}


def name_streams_in_french(apps, schema_editor):
    Stream = apps.get_model("draws", "Stream")
    for stream in Stream.objects.filter(slug__in=STREAMS_FR):
        name, short_name, description = STREAMS_FR[stream.slug]
        stream.name_fr = stream.name_fr or name
        stream.short_name_fr = stream.short_name_fr or short_name
        stream.description_fr = stream.description_fr or description
        stream.save(update_fields=["name_fr", "short_name_fr", "description_fr"])
    Guide = apps.get_model("draws", "Guide")
    for slug, short_name in GUIDE_SHORT_NAMES_FR.items():
        # An update, not save(): the guide's text has not changed, nor its updated_at.
        Guide.objects.filter(slug=slug, short_name_fr="").update(short_name_fr=short_name)


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0016_guide_applying_and_the_proposed_merger"),
    ]

    operations = [
        migrations.AddField(
            model_name="draw",
            name="round_name_fr",
            field=models.CharField(
                blank=True,
                help_text="As IRCC's French feed writes it, e.g. 'Professions de la santé et des services sociaux 2026-version 3'. Leave empty to use the stream's French name.",
                max_length=200,
                verbose_name="IRCC's round name in French",
            ),
        ),
        migrations.AddField(
            model_name="guide",
            name="body_fr",
            field=models.TextField(
                blank=True,
                help_text="Markdown, as the English. Empty: the French page shows the English text.",
                max_length=50000,
                verbose_name="body in French",
            ),
        ),
        migrations.AddField(
            model_name="guide",
            name="home_title_fr",
            field=models.CharField(
                blank=True, max_length=60, verbose_name="title on the home page, in French"
            ),
        ),
        migrations.AddField(
            model_name="guide",
            name="short_name_fr",
            field=models.CharField(blank=True, max_length=40, verbose_name="short name in French"),
        ),
        migrations.AddField(
            model_name="guide",
            name="summary_fr",
            field=models.CharField(blank=True, max_length=200, verbose_name="summary in French"),
        ),
        migrations.AddField(
            model_name="guide",
            name="tagline_fr",
            field=models.CharField(blank=True, max_length=80, verbose_name="tagline in French"),
        ),
        migrations.AddField(
            model_name="guide",
            name="title_fr",
            field=models.CharField(blank=True, max_length=120, verbose_name="title in French"),
        ),
        migrations.AddField(
            model_name="stream",
            name="description_fr",
            field=models.TextField(
                blank=True, max_length=1000, verbose_name="description in French"
            ),
        ),
        migrations.AddField(
            model_name="stream",
            name="name_fr",
            field=models.CharField(
                blank=True,
                help_text="IRCC's French name, e.g. Catégorie de l'expérience canadienne.",
                max_length=120,
                verbose_name="name in French",
            ),
        ),
        migrations.AddField(
            model_name="stream",
            name="short_name_fr",
            field=models.CharField(
                blank=True,
                help_text="E.g. PTQF for FSW.",
                max_length=40,
                verbose_name="short name in French",
            ),
        ),
        migrations.RunPython(name_streams_in_french, migrations.RunPython.noop),
    ]
