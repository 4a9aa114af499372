# Signatories are publishing's now (publishing 0002): forget the model here, keep the table.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("signatures", "0001_initial"),
        ("publishing", "0002_signatory"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Signatory")],
            database_operations=[],
        ),
    ]
