import json
from io import StringIO

import pytest
from django.core.management import call_command

from havza.publishing.models import Work


@pytest.mark.django_db
def test_command_imports_and_summarizes(seeds_dir, tmp_path):
    out = StringIO()
    call_command("import", str(seeds_dir), "--report", str(tmp_path / "r.json"), stdout=out)
    text = out.getvalue()
    assert "2 documents: 2 imported, 0 updated, 0 unchanged, 0 skipped, 0 failed." in text
    assert "Languages: en 2." in text
    assert Work.objects.count() == 2
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["imported"] == 2


@pytest.mark.django_db
def test_command_dry_run(seeds_dir):
    out = StringIO()
    call_command("import", str(seeds_dir), "--dry-run", stdout=out)
    assert out.getvalue().startswith("Dry run: nothing was saved.")
    assert Work.objects.count() == 0


def test_help_teaches_with_examples(capsys):
    with pytest.raises(SystemExit):
        call_command("import", "--help")
    help_text = capsys.readouterr().out
    assert "havza import archive/" in help_text
    assert "--dry-run" in help_text and "--report" in help_text
