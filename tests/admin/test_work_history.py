"""The work screen's history: every save kept with who made it, and restoring an earlier one."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from havza.publishing.models import Translation
from tests import factories as f
from tests.admin.forms import form_fields

pytestmark = pytest.mark.django_db


def change_url(work) -> str:
    return reverse("admin:publishing_work_change", args=[work.pk])


def save_body(client, work, language: str, body: str) -> None:
    """An editor changes the body of the LANGUAGE translation on the work screen and saves."""
    data = form_fields(client.get(change_url(work)).content, "work_form")
    row = next(k for k, v in data.items() if k.endswith("-language") and v == language)
    data[row.replace("-language", "-body_markdown")] = body
    data["_save"] = "Save"
    response = client.post(change_url(work), data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def work():
    work = f.WorkFactory(original_language="tr")
    f.TranslationFactory(work=work, language="tr", title="Barış", status="published")
    f.TranslationFactory(work=work, language="el", title="Ειρήνη", status="published")
    return work


def test_history_lists_each_save_with_its_editor_and_restores_the_first(client, make_editor, work):
    editor = make_editor("zeynep", lang="en")
    editor.first_name, editor.last_name = "Zeynep", "Kaya"
    editor.save()
    client.force_login(editor)
    save_body(client, work, "tr", "İlk metin: kıyıların işçileri birlikte.")
    save_body(client, work, "tr", "İkinci metin: savaşa hayır.")
    turkish = Translation.objects.get(work=work, language="tr")
    assert "İkinci metin" in client.get(turkish.get_absolute_url()).content.decode()

    history = client.get(reverse("admin:publishing_work_history", args=[work.pk]))
    text = history.content.decode()
    assert text.count("Zeynep Kaya") == 2
    assert "Changed Body" in text  # what each save changed
    links = [
        reverse("admin:publishing_work_revision", args=[work.pk, v.pk])
        for v in Version.objects.get_for_object(work)
    ]
    assert len(links) == 2 and all(link in text for link in links)

    first = links[-1]  # newest first
    shown = client.get(first)
    assert "İlk metin" in shown.content.decode()
    # Looking does not restore.
    turkish.refresh_from_db()
    assert turkish.body_markdown.startswith("İkinci metin")
    data = form_fields(shown.content, "work_form")
    assert client.post(first, data).status_code == 302

    page = client.get(turkish.get_absolute_url()).content.decode()
    assert "İlk metin" in page and "İkinci metin" not in page
    # The restore is a save of its own, with its author.
    assert Version.objects.get_for_object(work).count() == 3
    assert Version.objects.get_for_object(work).first().revision.user == editor


def test_an_editor_of_greek_cannot_restore_a_turkish_translation(client, make_editor, work):
    client.force_login(make_editor("eleni", lang="en"))
    save_body(client, work, "tr", "Bir.")
    save_body(client, work, "tr", "İki.")
    first = list(Version.objects.get_for_object(work))[-1]
    url = reverse("admin:publishing_work_revision", args=[work.pk, first.pk])
    client.force_login(make_editor("nikos", lang="en", grant="el"))
    assert client.get(url).status_code == 403
    assert client.post(url, {"_save": "Save"}).status_code == 403
    assert Translation.objects.get(work=work, language="tr").body_markdown == "İki."


def test_an_editor_of_greek_restores_a_greek_translation(client, make_editor, work):
    client.force_login(make_editor("nikos", lang="en", grant="el"))
    save_body(client, work, "el", "Πρώτο κείμενο.")
    save_body(client, work, "el", "Δεύτερο κείμενο.")
    first = list(Version.objects.get_for_object(work))[-1]
    url = reverse("admin:publishing_work_revision", args=[work.pk, first.pk])
    data = form_fields(client.get(url).content, "work_form")
    assert client.post(url, data).status_code == 302
    greek = Translation.objects.get(work=work, language="el")
    assert greek.body_markdown == "Πρώτο κείμενο."
    assert "Πρώτο κείμενο." in client.get(greek.get_absolute_url()).content.decode()


def test_a_deleted_work_is_brought_back_with_its_translations(client, make_editor, work):
    client.force_login(make_editor("zeynep", lang="en"))
    save_body(client, work, "tr", "Geri gelen metin.")
    delete = reverse("admin:publishing_work_delete", args=[work.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Translation.objects.filter(work_id=work.pk).exists()

    listing = client.get(reverse("admin:publishing_work_recoverlist")).content.decode()
    [deleted] = Version.objects.get_deleted(type(work))
    url = reverse("admin:publishing_work_recover", args=[deleted.pk])
    assert url in listing
    # An editor of Greek alone may not bring back a work with a Turkish text.
    greek = Client()
    greek.force_login(make_editor("nikos", lang="en", grant="el"))
    assert greek.post(url, {"_save": "Save"}).status_code == 403

    data = form_fields(client.get(url).content, "work_form")
    assert client.post(url, data).status_code == 302
    turkish = Translation.objects.get(work_id=work.pk, language="tr")
    assert "Geri gelen metin." in client.get(turkish.get_absolute_url()).content.decode()
