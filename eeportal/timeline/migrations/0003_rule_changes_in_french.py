"""The rule changes in French (issue 17): a French title, text and source title beside each
English one, and the French of the six changes 0002 seeded.

The French is ours, in IRCC's terms (SCG, NCLC, EIMT, ronde d'invitations); the source titles
are those of IRCC's and the Canada Gazette's French pages. Only empty French fields are
filled, so an editor's French is kept; going back empties only the French written here.
"""

import datetime as dt

from django.db import migrations, models

# (date, English title) -> (French title, what changed, source's title)
EVENTS_FR = {
    (dt.date(2016, 11, 19), "Job offers worth far less; points for study in Canada"): (
        "Les offres d'emploi valent beaucoup moins; des points pour les études au Canada",
        "Une offre d'emploi appuyée par une étude d'impact sur le marché du travail (EIMT) "
        "valait 600 points, autant qu'une désignation provinciale. À partir de ce jour, elle "
        "n'en valait plus que 50, ou 200 pour un poste de cadre supérieur, et certaines offres "
        "d'emploi sans EIMT ont commencé à compter. Les candidats titulaires d'un diplôme "
        "postsecondaire canadien ont obtenu 15 ou 30 points. Comme beaucoup moins de candidats "
        "dépassaient 600 points grâce à une offre d'emploi, les rondes ont puisé plus bas dans "
        "le bassin et les notes minimales ont baissé.",
        "Règlement modifiant le Règlement sur l'immigration et la protection des réfugiés "
        "(travailleurs qualifiés), Gazette du Canada, Partie II, 30 novembre 2016",
    ),
    (dt.date(2017, 6, 6), "Points for French and for a sibling in Canada; the tie-breaking rule"): (
        "Des points pour le français et la fratrie au Canada; la règle de départage",
        "Les candidats qui maîtrisent bien le français (NCLC 7 dans les quatre habiletés) ont "
        "obtenu 15 points, ou 30 s'ils avaient aussi un niveau CLB 5 ou plus en anglais, et un "
        "frère ou une sœur au Canada, citoyen ou résident permanent, a valu 15 points. Depuis, "
        "les candidats à égalité à la note minimale d'une ronde sont classés selon le moment "
        "où ils ont soumis leur profil, du plus ancien au plus récent : la règle de départage "
        "de chaque ronde donne ce moment.",
        "Critères du Système de classement global (SCG)",
    ),
    (dt.date(2020, 10, 27), "More points for French"): (
        "Plus de points pour le français",
        "Les points supplémentaires pour une bonne maîtrise du français sont passés de 15 à 25, "
        "et de 30 à 50 pour les candidats qui ont aussi un niveau CLB 5 ou plus en anglais : "
        "la note d'un candidat bilingue a augmenté de 20 points du jour au lendemain.",
        "Critères du Système de classement global (SCG)",
    ),
    (dt.date(2023, 6, 28), "The first category-based rounds"): (
        "Les premières rondes par catégorie",
        "IRCC a tenu sa première ronde pour une catégorie, les professions de la santé (ronde "
        "#252); au cours des trois mois suivants ont suivi des rondes pour les STIM, le "
        "français, les métiers, les transports et l'agriculture. Les candidats d'une catégorie "
        "ne sont en concurrence qu'entre eux : sa note minimale peut donc être bien plus basse "
        "ou plus haute que celle d'une ronde générale.",
        "Entrée express : sélection fondée sur les catégories",
    ),
    (dt.date(2025, 3, 25), "Job offers no longer earn points"): (
        "Les offres d'emploi ne donnent plus de points",
        "Les 50 ou 200 points accordés pour une offre d'emploi ont été retirés de tous les "
        "profils du bassin, et les notes ont été recalculées; les candidats déjà invités ont "
        "gardé les leurs. Une offre d'emploi compte encore pour l'admissibilité à certains "
        "programmes.",
        "Instructions ministérielles concernant le système Entrée express (version en vigueur)",
    ),
    (dt.date(2026, 2, 18), "The 2026 categories"): (
        "Les catégories de 2026",
        "IRCC a renouvelé ses catégories pour 2026 et en a ajouté de nouvelles : les médecins, "
        "les cadres supérieurs et les chercheurs ayant de l'expérience de travail au Canada, "
        "et les recrues militaires qualifiées, avec le retour des professions des transports. "
        "Les catégories de professions exigent maintenant au moins un an de travail dans une "
        "profession admissible au cours des trois dernières années.",
        "Entrée express : sélection fondée sur les catégories",
    ),
}
FIELDS = ("title_fr", "what_changed_fr", "source_title_fr")


def write_french(apps, schema_editor):
    TimelineEvent = apps.get_model("timeline", "TimelineEvent")
    for (date, title), french in EVENTS_FR.items():
        for event in TimelineEvent.objects.filter(date=date, title=title):
            changed = []
            for field, text in zip(FIELDS, french, strict=True):
                if not getattr(event, field):
                    setattr(event, field, text)
                    changed.append(field)
            if changed:
                event.save(update_fields=changed)


def remove_french(apps, schema_editor):
    TimelineEvent = apps.get_model("timeline", "TimelineEvent")
    for (date, title), french in EVENTS_FR.items():
        for field, text in zip(FIELDS, french, strict=True):
            TimelineEvent.objects.filter(date=date, title=title, **{field: text}).update(
                **{field: ""}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_seed_rule_changes_and_editors"),
    ]

    operations = [
        migrations.AddField(
            model_name="timelineevent",
            name="source_title_fr",
            field=models.CharField(
                blank=True,
                help_text="The title of IRCC's French version of the page.",
                max_length=200,
                verbose_name="source's title in French",
            ),
        ),
        migrations.AddField(
            model_name="timelineevent",
            name="title_fr",
            field=models.CharField(blank=True, max_length=80, verbose_name="title in French"),
        ),
        migrations.AddField(
            model_name="timelineevent",
            name="what_changed_fr",
            field=models.TextField(
                blank=True, max_length=2000, verbose_name="what changed, in French"
            ),
        ),
        migrations.RunPython(write_french, remove_french),
    ]
