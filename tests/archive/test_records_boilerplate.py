"""Boilerplate learned by one import is kept for the next, shown to editors and corrected by
them; a line that reads as a byline is never dropped until an editor confirms it."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from havza.archive import importer
from havza.archive.models import BoilerplateLine
from havza.publishing.models import Translation

pytestmark = pytest.mark.django_db

RECORDS = Path(__file__).resolve().parent / "data" / "records"
FOOTER = "RedMed web network — all texts may be reproduced with their source"
AUTHOR = "Sungur Savran"


def run(folder: Path) -> dict[str, dict]:
    report = importer.run([str(folder)], importer.Options(jobs=1))
    return {Path(d["path"]).name: d for d in report.documents}


def saved_text(entry: dict) -> str:
    translation = Translation.objects.get(pk=entry["translation"])
    return "\n".join([translation.title, translation.body_markdown, *entry["authors"]])


def single(tmp_path: Path, name: str, source: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(RECORDS / source, folder / f"{name}.txt")
    return folder


@pytest.fixture
def first_import(tmp_path):
    shutil.copytree(RECORDS / "boilerplate", tmp_path / "archive")
    return run(tmp_path / "archive")


def test_the_fixtures_cover_five_languages_or_more():
    assert len(list((RECORDS / "boilerplate").glob("*.txt"))) >= 5


def test_learned_lines_are_stored_and_a_byline_is_held(first_import):
    lines = {line.text: line for line in BoilerplateLine.objects.all()}
    assert lines[FOOTER].decision == BoilerplateLine.Decision.LEARNED
    assert lines[FOOTER].pages == 5
    assert lines[AUTHOR].decision == BoilerplateLine.Decision.TO_CONFIRM
    for entry in first_import.values():
        text = saved_text(entry)
        assert FOOTER not in text and AUTHOR in text


def test_the_next_import_uses_what_was_learned(first_import, tmp_path):
    # One page alone teaches nothing: the footer is dropped because it was learned before.
    entry = run(single(tmp_path, "later", "later.txt"))["later.txt"]
    assert FOOTER not in saved_text(entry)
    assert "sindacati di base" in saved_text(entry)


def test_an_editor_corrects_the_lines_in_the_admin(first_import, tmp_path, client):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", None)
    client.force_login(editor)
    changelist = reverse("admin:archive_boilerplateline_changelist")
    html = client.get(changelist).content.decode()
    assert FOOTER in html and AUTHOR in html
    footer = BoilerplateLine.objects.get(text=FOOTER)
    author = BoilerplateLine.objects.get(text=AUTHOR)
    client.post(changelist, {"action": "keep_as_text", "_selected_action": [footer.pk]})
    client.post(changelist, {"action": "confirm", "_selected_action": [author.pk]})
    footer.refresh_from_db()
    author.refresh_from_db()
    assert footer.decision == BoilerplateLine.Decision.TEXT and footer.decided_at
    assert author.decision == BoilerplateLine.Decision.CONFIRMED

    entry = run(single(tmp_path, "again", "later-confirmed.txt"))["again.txt"]
    text = saved_text(entry)
    assert FOOTER in text  # an editor said it is text
    assert AUTHOR not in text  # an editor confirmed it is boilerplate
    assert "Una nuova legge" in text


def test_only_editors_of_every_language_see_the_lines(first_import, client):
    from django.contrib.auth.models import Permission

    from havza.translation.models import LanguageGrant, Role

    greek = get_user_model().objects.create_user("eleni", is_staff=True)
    greek.user_permissions.set(Permission.objects.filter(content_type__app_label="archive"))
    LanguageGrant.objects.create(user=greek, language="el", role=Role.EDITOR)
    client.force_login(greek)
    changelist = reverse("admin:archive_boilerplateline_changelist")
    assert client.get(changelist).status_code == 403
    footer = BoilerplateLine.objects.get(text=FOOTER)
    client.post(changelist, {"action": "keep_as_text", "_selected_action": [footer.pk]})
    footer.refresh_from_db()
    assert footer.decision == BoilerplateLine.Decision.LEARNED
