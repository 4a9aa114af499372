# Signatories move from the signatures app into publishing, whose pages list them. Only
# Django's record of the model moves: the table keeps its name and its rows.

import django.db.models.deletion
from django.db import migrations, models

import havza.network.models


def move_content_type(apps, schema_editor, old="signatures", new="publishing"):
    """Keep permissions and admin history: the content type follows the model."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="signatory").exists():
        ContentType.objects.using(db).filter(app_label=old, model="signatory").update(
            app_label=new
        )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="publishing", new="signatures")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("network", "0001_initial"),
        ("publishing", "0001_initial"),
        ("signatures", "0001_initial"),  # which creates the table
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Signatory",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                        ("role", models.CharField(choices=[("issuer", "issued by"), ("signatory", "signatory")], default="signatory", max_length=12, verbose_name="role")),
                        ("country", havza.network.models.CountryField(blank=True, default="", help_text="Defaults to the organization's or person's country.", max_length=2, verbose_name="country")),
                        ("signed_at", models.DateTimeField(auto_now_add=True)),
                        ("organization", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="signatures", to="network.organization", verbose_name="organization")),
                        ("person", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="signatures", to="network.person", verbose_name="person")),
                        ("work", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="signatories", to="publishing.work")),
                    ],
                    options={
                        "verbose_name": "signatory",
                        "verbose_name_plural": "signatories",
                        "db_table": "signatures_signatory",
                        "ordering": ["position", "id"],
                        "abstract": False,
                        "constraints": [models.CheckConstraint(condition=models.Q(models.Q(("organization__isnull", False), ("person__isnull", True)), models.Q(("organization__isnull", True), ("person__isnull", False)), _connector="OR"), name="signatory_is_organization_or_person")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
