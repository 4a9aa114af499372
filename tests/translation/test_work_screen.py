"""The work screen's translations (original first, errors naming the row) and the names of
exported files."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from havza.publishing.models import Work
from havza.translation import workflow
from tests import factories as f
from tests.admin.test_work_screen import ADD, new_statement_data

pytestmark = pytest.mark.django_db


def test_translations_are_listed_original_first_then_in_language_order(client, make_editor):
    client.force_login(make_editor("ayse", lang="en"))
    work = f.WorkFactory(original_language="fr")
    for lang in ("pt", "ar", "fr", "tr"):  # created in another order
        f.TranslationFactory(work=work, language=lang)
    page = client.get(reverse("admin:publishing_work_change", args=[work.pk]))
    html = BeautifulSoup(page.content, "html.parser")
    shown = [
        select.find("option", selected=True)["value"]
        for select in html.select("select[name^=translations-][name$=-language]")
        if select.find("option", selected=True) and select.find("option", selected=True)["value"]
    ]
    assert shown == ["fr", "tr", "ar", "pt"]


def test_an_error_names_the_translation_row(client, make_editor, organizations):
    client.force_login(make_editor("ayse", lang="en"))
    data = new_statement_data(client, organizations)
    data["translations-1-title"] = ""
    lang = data["translations-1-language"]
    response = client.post(ADD, data)
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text()
    from havza import languages

    assert f"{languages.get(lang).native_name} translation: Title: This field is required." in text
    assert not Work.objects.exists()


def test_exported_files_are_named_after_the_work_and_language(client, make_editor):
    editor = make_editor("ed", lang="en", superuser=True)
    client.force_login(editor)
    original = f.TranslationFactory(language="en", title="Ports against privatization")
    original.work.original_language = "en"
    original.work.save()
    workflow.start(original.work, "ar", editor)
    names = {}
    for fmt in ("xliff2", "xliff12", "po"):
        url = reverse(
            "translation:export", kwargs={"work_id": original.work.pk, "lang": "ar", "fmt": fmt}
        )
        names[fmt] = client.get(url)["Content-Disposition"]
    slug = original.slug
    assert names == {
        "xliff2": f'attachment; filename="{slug}-ar.xlf"',
        "xliff12": f'attachment; filename="{slug}-ar.xliff12.xlf"',
        "po": f'attachment; filename="{slug}-ar.po"',
    }
