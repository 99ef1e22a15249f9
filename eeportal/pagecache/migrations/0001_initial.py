"""The content version moves here from the draws app, row and all.

A database made before the move has the table draws_contentversion: this migration takes
over that table in Django's model state (nothing is created), then renames it. The draws
app's migration 0007 drops the model from its own state without touching the table.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("draws", "0006_draw_stream_newest_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("number", models.PositiveBigIntegerField(default=1)),
                        ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={"verbose_name": "content version", "db_table": "draws_contentversion"},
                ),
            ],
        ),
        migrations.AlterModelTable(name="contentversion", table=None),
    ]
