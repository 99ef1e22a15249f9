"""The home page's list of guides comes from the guides themselves: each gets the name and
the few words that list showed, written into the template until now."""

from django.db import migrations, models
from django.utils.text import Truncator

HOME_PAGE_LIST = {
    "cec": ("Canadian Experience Class", "A year of skilled work in Canada."),
    "fsw": ("Federal Skilled Worker", "Skilled work abroad and the 67-point grid."),
    "fst": ("Federal Skilled Trades", "A qualified trade with a job offer or certificate."),
    "crs": ("How the CRS scores you", "The points behind every cut-off."),
}


def fill_home_page_list(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    for guide in Guide.objects.all():
        # A guide an editor added gets its menu name and a shortened summary, to edit.
        fallback = (guide.short_name, Truncator(guide.summary).chars(80))
        guide.home_title, guide.tagline = HOME_PAGE_LIST.get(guide.slug, fallback)
        guide.save(update_fields=["home_title", "tagline"])


class Migration(migrations.Migration):
    dependencies = [("draws", "0007_content_version_moves_to_pagecache")]

    operations = [
        migrations.AddField(
            model_name="guide",
            name="home_title",
            field=models.CharField(
                "title on the home page",
                max_length=60,
                default="",
                help_text="The guide's name in the home page's list, e.g. Canadian Experience Class.",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="guide",
            name="tagline",
            field=models.CharField(
                max_length=80,
                default="",
                help_text="A few words under that name on the home page, e.g. A year of skilled work in Canada.",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_home_page_list, migrations.RunPython.noop),
    ]
