"""Works with no date take the day their first translation was published, as saves now do."""

from django.db import migrations, models
from django.utils import timezone


def date_undated_works(apps, schema_editor):
    Work = apps.get_model("publishing", "Work")
    Translation = apps.get_model("publishing", "Translation")
    db = schema_editor.connection.alias
    undated = Work.objects.using(db).filter(published_on__isnull=True)
    for work_id in undated.values_list("pk", flat=True).iterator():
        first = (
            Translation.objects.using(db)
            .filter(work_id=work_id, status="published", published_at__isnull=False)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        if first is not None:
            Work.objects.using(db).filter(pk=work_id).update(published_on=timezone.localdate(first))


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_signatory"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="work",
            options={
                "ordering": [
                    models.OrderBy(models.F("published_on"), descending=True, nulls_first=True),
                    "-id",
                ],
                "verbose_name": "work",
                "verbose_name_plural": "works",
            },
        ),
        migrations.RunPython(date_undated_works, migrations.RunPython.noop),
    ]
