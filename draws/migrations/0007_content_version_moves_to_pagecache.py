"""The content version now belongs to the page cache app (pagecache 0001 keeps its table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("draws", "0006_draw_stream_newest_index"),
        ("pagecache", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentVersion")],
        ),
    ]
