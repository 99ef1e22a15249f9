"""Seed the program guides from draws/seed/guides/*.md; editors keep them current after.

Each file is a few `key: value` lines, a line `---`, then the Markdown body. The text was
written by the team from IRCC's published rules (see each guide's official_url).
"""

import datetime as dt
from pathlib import Path

from django.contrib.auth.management import create_permissions
from django.db import migrations

GUIDES_DIR = Path(__file__).resolve().parent.parent / "seed" / "guides"
# slug -> (stream slug for live figures, display order)
GUIDES = {"cec": ("cec", 10), "fsw": ("fsw", 20), "fst": ("fst", 30), "crs": (None, 40)}


def read_guide(path):
    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in header.strip().splitlines())
    fields["body"] = body.strip() + "\n"
    return fields


def seed_guides(apps, schema_editor):
    Guide = apps.get_model("draws", "Guide")
    Stream = apps.get_model("draws", "Stream")
    for slug, (stream_slug, order) in GUIDES.items():
        fields = read_guide(GUIDES_DIR / f"{slug}.md")
        Guide.objects.create(
            slug=slug,
            title=fields["title"],
            short_name=fields["short_name"],
            summary=fields["summary"],
            official_url=fields["official_url"],
            reviewed_on=dt.date.fromisoformat(fields["reviewed"]),
            body=fields["body"],
            stream=Stream.objects.filter(slug=stream_slug).first() if stream_slug else None,
            display_order=order,
        )


def let_editors_keep_guides(apps, schema_editor):
    app_config = apps.get_app_config("draws")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    editors = apps.get_model("auth", "Group").objects.get(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="draws", codename__in=["change_guide", "view_guide"]
        )
    )


def remove_guides(apps, schema_editor):
    apps.get_model("draws", "Guide").objects.filter(slug__in=GUIDES).delete()


class Migration(migrations.Migration):
    dependencies = [("draws", "0003_guide"), ("draws", "0002_streams_and_editors")]

    operations = [
        migrations.RunPython(seed_guides, remove_guides),
        migrations.RunPython(let_editors_keep_guides, migrations.RunPython.noop),
    ]
