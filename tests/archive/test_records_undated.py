"""An undated page gets no invented date: it waits as a draft, listed for an editor with what
the import knew (the dated pages next to it, the listings that named it, the file's date)."""

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from havza.archive import importer, undated
from havza.archive.models import ImportedDocument, UndatedDocument
from havza.publishing.models import Translation

pytestmark = pytest.mark.django_db

RECORDS = Path(__file__).resolve().parent / "data" / "records"
FACTS = json.loads((RECORDS / "undated.json").read_text(encoding="utf-8"))


@pytest.fixture
def imported(tmp_path):
    shutil.copytree(RECORDS / "undated", tmp_path / "archive")
    report = importer.run([str(tmp_path / "archive")], importer.Options(jobs=1))
    return {Path(d["path"]).name: d for d in report.documents}


def test_the_fixtures_cover_five_languages_or_more():
    assert len({p.stem.split("-")[1] for p in (RECORDS / "undated").glob("*.txt")}) >= 5


def test_undated_pages_are_drafts_with_no_date(imported):
    for name, facts in FACTS["undated"].items():
        entry = imported[name]
        assert entry["status"] == "imported" and entry["date"] is None
        assert entry["language"] == facts["language"]
        translation = Translation.objects.get(pk=entry["translation"])
        assert translation.status == Translation.Status.DRAFT
        assert translation.published_at is None and translation.work.published_on is None
        assert any("no date" in p for p in entry["problems"])
    for name, date in FACTS["dated"].items():
        translation = Translation.objects.get(pk=imported[name]["translation"])
        assert translation.status == Translation.Status.PUBLISHED
        assert translation.published_at.date().isoformat() == date


def test_the_evidence_is_kept_on_the_import_record(imported):
    for name, facts in FACTS["undated"].items():
        record = ImportedDocument.objects.get(pk=UndatedDocument.objects.get(
            translation=imported[name]["translation"]).pk)  # fmt: skip
        evidence = record.date_evidence
        assert evidence["between"] == facts["between"]
        sides = {n["side"]: n["date"] for n in evidence["neighbours"]}
        assert sides == {"before": facts["between"][0], "after": facts["between"][1]}
        modified = dt.datetime.fromisoformat(evidence["file_modified"])
        on_disk = Path(imported[name]["path"]).stat().st_mtime
        assert abs(modified.timestamp() - on_disk) < 1
    assert set(UndatedDocument.objects.values_list("language", flat=True)) == {"tr", "fr", "it"}


def test_a_listing_that_names_the_page_is_evidence(imported):
    """A listing page's teasers (title, link, date) date the articles they name."""
    from havza.archive.store import Item

    item = next(
        i for i in _items(imported) if Path(i.source.path).name == "04-fr.txt"
    )  # an undated page, as the importer holds it
    listing = {"path": "/archive/articles.html", "teasers": [
        {"title": "Les cheminots de Lyon en grève", "link": "", "date": "2017-05-12"},
        {"title": "Autre chose", "link": "https://site/archive/05-it.txt", "date": "2017-05-14"},
    ]}  # fmt: skip
    undated.annotate([item], [listing])
    assert item.entry["date_evidence"]["listings"] == [
        {"listing": "/archive/articles.html", "title": "Les cheminots de Lyon en grève",
         "date": "2017-05-12"}
    ]  # fmt: skip
    assert isinstance(item, Item)


def _items(imported):
    from havza.archive.page import Page, from_text
    from havza.archive.sources import SourceDocument
    from havza.archive.store import Item
    from havza.archive.structure import analyze

    for entry in imported.values():
        text = Path(entry["path"]).read_text(encoding="utf-8")
        page = Page(from_text(text))
        source = SourceDocument(entry["path"], entry["path"], "text", "0", page)
        yield Item(source, analyze(page), {}, {**entry, "title": entry["title"]})


def test_an_editor_sees_the_evidence_and_dates_the_page(client, imported):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", None)
    client.force_login(editor)
    listing = client.get(reverse("admin:archive_undateddocument_changelist")).content.decode()
    assert "Tekstil işçileri grevde" in listing and "2017-05-03 – 2017-05-09" in listing
    assert "The miners of Soma" not in listing  # dated: not listed
    record = UndatedDocument.objects.get(translation=imported["02-tr.txt"]["translation"])
    url = reverse("admin:archive_undateddocument_change", args=[record.pk])
    page = client.get(url).content.decode()
    assert "The miners of Soma remembered" in page and "2017-05-03" in page  # a neighbour
    response = client.post(url, {"date": "2017-05-05"})
    assert response.status_code == 302
    translation = Translation.objects.get(pk=imported["02-tr.txt"]["translation"])
    assert translation.published_at.date() == dt.date(2017, 5, 5)
    assert translation.status == Translation.Status.DRAFT  # publishing stays the editor's act
    assert translation.work.published_on == dt.date(2017, 5, 5)
    assert not UndatedDocument.objects.filter(pk=record.pk).exists()


def test_an_editor_of_other_languages_does_not_see_them(client, imported):
    from django.contrib.auth.models import Permission

    from havza.translation.models import LanguageGrant, Role

    greek = get_user_model().objects.create_user("eleni", is_staff=True)
    greek.user_permissions.set(Permission.objects.filter(content_type__app_label="archive"))
    LanguageGrant.objects.create(user=greek, language="el", role=Role.EDITOR)
    client.force_login(greek)
    listing = client.get(reverse("admin:archive_undateddocument_changelist")).content.decode()
    assert "Tekstil işçileri grevde" not in listing
    record = UndatedDocument.objects.get(translation=imported["02-tr.txt"]["translation"])
    url = reverse("admin:archive_undateddocument_change", args=[record.pk])
    assert client.post(url, {"date": "2017-05-05"}).status_code in (302, 403)
    translation = Translation.objects.get(pk=imported["02-tr.txt"]["translation"])
    assert translation.published_at is None


def test_the_listing_that_announced_an_undated_page_dates_it(tmp_path):
    shutil.copytree(RECORDS / "listed", tmp_path / "archive")
    report = importer.run([str(tmp_path / "archive")], importer.Options(jobs=1))
    by_name = {Path(d["path"]).name: d for d in report.documents}
    assert by_name["articles.txt"]["status"] == "listing"
    entry = by_name["railway.txt"]
    assert entry["date"] is None
    record = ImportedDocument.objects.get(translation=entry["translation"])
    assert record.date_evidence["listings"] == [
        {"listing": by_name["articles.txt"]["path"], "date": "2024-04-02",
         "title": "Railway workers of Lyon vote to strike"}
    ]  # fmt: skip
