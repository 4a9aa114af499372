"""The admin follows the language grants: an editor of Greek changes Greek and nothing else,
whatever Django permissions they hold."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.publishing.models import Translation, Work
from havza.translation.models import LanguageGrant, Role
from tests import factories as f
from tests.admin.forms import form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def work():
    work = f.WorkFactory(original_language="tr")
    tr = f.TranslationFactory(work=work, language="tr", title="Barış", status="published")
    el = f.TranslationFactory(work=work, language="el", title="Ειρήνη", status="published")
    return work, tr, el


@pytest.fixture
def greek_editor(make_editor):
    return make_editor("eleni", lang="en", grant="el")


def test_an_editor_of_greek_cannot_open_or_save_a_turkish_translation(client, greek_editor, work):
    _work, tr, el = work
    client.force_login(greek_editor)
    url = reverse("admin:publishing_translation_change", args=[tr.pk])
    # Not in the list, not openable, and a forged POST changes nothing.
    listing = client.get(reverse("admin:publishing_translation_changelist")).content.decode()
    assert "Ειρήνη" in listing and "Barış" not in listing
    assert client.get(url).status_code in (302, 403, 404)
    response = client.post(url, {"language": "tr", "title": "X", "status": "draft"})
    assert response.status_code in (302, 403, 404)
    tr.refresh_from_db()
    assert tr.title == "Barış" and tr.status == "published"
    # Their own language they may change, but not move it into Turkish.
    el_url = reverse("admin:publishing_translation_change", args=[el.pk])
    page = client.get(el_url).content
    data = form_fields(page, "translation_form")
    menu = BeautifulSoup(page, "html.parser").find("select", attrs={"name": "language"})
    assert [o["value"] for o in menu.find_all("option") if o["value"]] == ["el"]
    data["language"] = "tr"
    assert client.post(el_url, data).status_code == 200  # the form refuses the choice
    el.refresh_from_db()
    assert el.language == "el"


def test_deleting_in_bulk_is_refused_for_another_language(client, greek_editor, work):
    _work, tr, el = work
    LanguageGrant.objects.create(user=greek_editor, language="tr", role=Role.TRANSLATOR)
    client.force_login(greek_editor)
    url = reverse("admin:publishing_translation_changelist")
    client.post(url, {"action": "delete_selected", "_selected_action": [tr.pk, el.pk],
                      "post": "yes"})  # fmt: skip
    assert Translation.objects.filter(pk__in=[tr.pk, el.pk]).count() == 2


def test_on_the_work_screen_other_languages_are_read_only(client, greek_editor, work):
    w, tr, el = work
    client.force_login(greek_editor)
    url = reverse("admin:publishing_work_change", args=[w.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_fields(response.content, "work_form")
    html = response.content.decode()
    # The Turkish row is shown without inputs to change it or delete it.
    rows = {data[k]: k.rsplit("-", 1)[0] for k in data if k.endswith("-language")}
    tr_prefix = next(p for p in rows.values() if data.get(p + "-id") == str(tr.pk))
    soup = BeautifulSoup(html, "html.parser")
    for name in ("DELETE", "title", "status"):
        assert soup.find(attrs={"name": f"{tr_prefix}-{name}"}).has_attr("disabled")
    # A forged POST that unpublishes the Turkish row and deletes it changes nothing.
    data[tr_prefix + "-status"] = "draft"
    data[tr_prefix + "-title"] = "Forged"
    data[tr_prefix + "-DELETE"] = "on"
    el_prefix = next(p for p in rows.values() if data.get(p + "-id") == str(el.pk))
    data[el_prefix + "-title"] = "Ειρήνη τώρα"
    data["_save"] = "Save"
    client.post(url, data)
    tr.refresh_from_db()
    el.refresh_from_db()
    assert (tr.title, tr.status) == ("Barış", "published")
    assert el.title == "Ειρήνη τώρα"


def test_the_works_own_fields_belong_to_the_editors_of_its_original(client, greek_editor, work):
    w, _tr, _el = work
    client.force_login(greek_editor)
    url = reverse("admin:publishing_work_change", args=[w.pk])
    html = client.get(url).content.decode()
    assert 'name="original_language"' not in html and 'name="kind"' not in html
    assert client.post(reverse("admin:publishing_work_delete", args=[w.pk]),
                       {"post": "yes"}).status_code == 403  # fmt: skip


def test_an_editor_without_grants_sees_no_translations(client, make_editor, work):
    client.force_login(make_editor("nobody", grant=None))
    response = client.get(reverse("admin:publishing_translation_changelist"))
    assert response.status_code == 403


def test_a_grant_given_or_taken_away_counts_from_the_next_request(client, greek_editor, work):
    """The languages a person holds are worked out once per request, never kept longer."""
    _work, tr, _el = work
    client.force_login(greek_editor)
    url = reverse("admin:publishing_translation_change", args=[tr.pk])
    listing = reverse("admin:publishing_translation_changelist")
    assert client.get(url).status_code in (302, 403, 404)
    turkish = LanguageGrant.objects.create(user=greek_editor, language="tr", role=Role.EDITOR)
    assert client.get(url).status_code == 200
    assert "Barış" in client.get(listing).content.decode()
    turkish.delete()
    assert client.get(url).status_code in (302, 403, 404)
    assert "Barış" not in client.get(listing).content.decode()
    LanguageGrant.objects.filter(user=greek_editor).delete()
    assert client.get(listing).status_code == 403


def imported(key: str, translation) -> ImportedDocument:
    return ImportedDocument.objects.create(
        key=key, path=key, format="md", digest=key, status="imported",
        language=translation.language, title=translation.title, translation=translation,
    )  # fmt: skip


@pytest.fixture
def candidates():
    """Two possible translations of an English text: a Greek one and a Turkish one."""
    en = f.TranslationFactory(work=f.WorkFactory(original_language="en"), language="en",
                              title="Bread")  # fmt: skip
    el = f.TranslationFactory(work=f.WorkFactory(original_language="el"), language="el",
                              title="Ψωμί")  # fmt: skip
    tr = f.TranslationFactory(work=f.WorkFactory(original_language="tr"), language="tr",
                              title="Ekmek")  # fmt: skip
    english = imported("en.md", en)
    greek = GroupingCandidate.objects.create(
        document=imported("el.md", el), other=english, confidence=0.6
    )
    turkish = GroupingCandidate.objects.create(
        document=imported("tr.md", tr), other=english, confidence=0.5
    )
    return greek, turkish


@pytest.fixture
def archive_editor(make_editor):
    """An editor of Greek and English who may decide on the archive's possible translations."""
    user = make_editor("eleni", lang="en", grant="el")
    LanguageGrant.objects.create(user=user, language="en", role=Role.EDITOR)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="archive"))
    return user


def test_the_archive_lists_follow_the_grants(client, archive_editor, candidates):
    _greek, mixed = candidates
    client.force_login(archive_editor)
    documents = client.get(reverse("admin:archive_importeddocument_changelist")).content.decode()
    assert "Ψωμί" in documents and "Ekmek" not in documents
    tr_document = ImportedDocument.objects.get(key="tr.md")
    url = reverse("admin:archive_importeddocument_change", args=[tr_document.pk])
    assert client.get(url).status_code in (302, 403, 404)
    # A Turkish–English pair is seen (English is in it) but not decided without Turkish.
    pairs = reverse("admin:archive_groupingcandidate_changelist")
    assert client.get(pairs).status_code == 200
    change = reverse("admin:archive_groupingcandidate_change", args=[mixed.pk])
    client.post(change, {"decision": "rejected"})
    mixed.refresh_from_db()
    assert mixed.decision == "pending"


def test_joining_is_checked_pair_by_pair(client, archive_editor, candidates):
    greek, mixed = candidates
    client.force_login(archive_editor)
    pairs = reverse("admin:archive_groupingcandidate_changelist")
    # Both pairs selected: the Turkish one is refused, and nothing is joined.
    response = client.post(pairs, {"action": "join", "_selected_action": [greek.pk, mixed.pk]},
                           follow=True)  # fmt: skip
    assert "You may not change" in response.content.decode()
    assert Work.objects.count() == 3
    # The Greek pair alone is joined: two works become one.
    joined = client.post(pairs, {"action": "join", "_selected_action": [greek.pk]}, follow=True)
    assert "1 pair joined" in joined.content.decode()
    greek.refresh_from_db()
    assert greek.decision == "confirmed"
    assert Work.objects.count() == 2
    mixed.refresh_from_db()
    assert mixed.decision == "pending"
