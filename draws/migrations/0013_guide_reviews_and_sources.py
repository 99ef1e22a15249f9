"""Guides' reviews: the official pages each review checked, and when the words last changed.

"Last reviewed" is an editor's statement, made in the admin, that every claim on the page
was checked against IRCC's own pages that day. This migration does not touch it: the date
0004 seeded stays as it is, and so does any an editor has set since. What it adds:

- the pages a review was made against (GuideSource). Each guide's single official source,
  which its page named as what it was reviewed against, becomes its first entry;
- the date the words last changed (text_changed_on), from the guide's last save: the
  guides 0012 corrected were changed after their review, and their pages now say so;
- the Editors' right to keep the sources, as 0002 and 0004 gave them the rest.
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import draws.models

# What each seeded guide's official_url is, as the page's source list names it.
SOURCE_TITLES = {
    "cec": "Canadian Experience Class: who can apply",
    "fsw": "Federal Skilled Worker Program: who can apply",
    "fst": "Federal Skilled Trades Program: who can apply",
    "crs": "Comprehensive Ranking System criteria",
}
EDITOR_PERMISSIONS = [
    "add_guidesource",
    "change_guidesource",
    "delete_guidesource",
    "view_guidesource",
]


def list_sources_and_dates(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    GuideSource = apps.get_model("draws", "GuideSource")
    for guide in Guide.objects.all():
        GuideSource.objects.get_or_create(
            guide=guide,
            url=guide.official_url,
            defaults={"title": SOURCE_TITLES.get(guide.slug, guide.title), "display_order": 10},
        )
        # update(), not save(): updated_at stays the date of the guide's last real change.
        Guide.objects.filter(pk=guide.pk).update(text_changed_on=guide.updated_at.date())


def let_editors_keep_sources(apps, schema_editor):
    app_config = apps.get_app_config("draws")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="draws", codename__in=EDITOR_PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0012_guides_correct_six_claims"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="guide",
            name="text_changed_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="When the page's words last changed, by an editor or a data migration: a page changed after its review says so.",
                null=True,
                verbose_name="text last changed",
            ),
        ),
        migrations.AlterField(
            model_name="guide",
            name="reviewed_on",
            field=models.DateField(
                blank=True,
                help_text="The day you checked every claim on this page against the IRCC pages listed under Sources checked. Set it only then: the page shows it as the date of its last review. Empty: not reviewed yet.",
                null=True,
                verbose_name="last reviewed",
            ),
        ),
        migrations.CreateModel(
            name="GuideSource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="The page's title as IRCC gives it, e.g. Proof of funds.",
                        max_length=200,
                    ),
                ),
                (
                    "url",
                    models.URLField(
                        help_text="https://www.canada.ca/... (or another gc.ca site).",
                        max_length=500,
                        validators=[draws.models.validate_official_address],
                        verbose_name="address",
                    ),
                ),
                ("display_order", models.PositiveSmallIntegerField(default=100)),
                (
                    "guide",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sources",
                        to="draws.guide",
                    ),
                ),
            ],
            options={
                "verbose_name": "source checked",
                "verbose_name_plural": "sources checked",
                "ordering": ["display_order", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("guide", "url"),
                        name="guide_source_unique",
                        violation_error_message="This page is already listed for the guide.",
                    )
                ],
            },
        ),
        migrations.RunPython(list_sources_and_dates, migrations.RunPython.noop),
        migrations.RunPython(let_editors_keep_sources, migrations.RunPython.noop),
    ]
