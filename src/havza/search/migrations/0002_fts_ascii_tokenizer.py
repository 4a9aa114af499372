"""The FTS5 table splits its already analyzed text with the ``ascii`` tokenizer (see
``havza.search.backends.sqlite``): the table is made again and filled from the text it
stores, with no analysis."""

from django.db import migrations


def retokenize(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    from havza.search.backends.sqlite import CREATE, TABLE

    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [TABLE])
        row = cursor.fetchone()
    if row is None or "unicode61" not in row[0]:
        return
    old = f"{TABLE}_unicode61"
    schema_editor.execute(f"ALTER TABLE {TABLE} RENAME TO {old}")
    schema_editor.execute(CREATE)
    schema_editor.execute(
        f"INSERT INTO {TABLE} (rowid, title, summary, body) "
        f"SELECT rowid, title, summary, body FROM {old}"
    )
    schema_editor.execute(f"DROP TABLE {old}")
    schema_editor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(retokenize, migrations.RunPython.noop)]
