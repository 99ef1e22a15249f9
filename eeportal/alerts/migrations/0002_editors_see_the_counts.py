"""Editors see how many subscribe to each stream and how each round's alert went (never
an address: eeportal/alerts/admin.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [("alerts", "view_subscriber"), ("alerts", "view_roundalert")]


def let_editors_see_the_counts(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to use them.
    app_config = apps.get_app_config("alerts")
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


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_subscribers_alerts_deliveries"),
        ("draws", "0002_streams_and_editors"),
    ]

    operations = [migrations.RunPython(let_editors_see_the_counts, migrations.RunPython.noop)]
