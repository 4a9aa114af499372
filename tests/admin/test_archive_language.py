"""The archive's admin screens speak the editor's language: a Turkish editor decides on
possible translations in Turkish, and is told in Turkish why two works cannot be joined."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.publishing.models import Work
from tests import factories as f

pytestmark = pytest.mark.django_db


def imported(translation) -> ImportedDocument:
    key = f"{translation.language}-{translation.pk}.md"
    return ImportedDocument.objects.create(
        key=key, path=key, format="md", digest=key, status="imported",
        language=translation.language, title=translation.title, translation=translation,
    )  # fmt: skip


@pytest.fixture
def clashing_pair():
    """A Turkish text and a Greek one that may be the same piece, but each work already has
    a Turkish translation: they cannot become one work."""
    first = f.WorkFactory(original_language="tr")
    second = f.WorkFactory(original_language="el")
    tr = f.TranslationFactory(work=first, language="tr", title="Ekmek ve barış")
    el = f.TranslationFactory(work=second, language="el", title="Ψωμί και ειρήνη")
    f.TranslationFactory(work=second, language="tr", title="Ekmek, barış")
    return GroupingCandidate.objects.create(document=imported(tr), other=imported(el),
                                            confidence=0.6)  # fmt: skip


@pytest.fixture
def turkish_editor(make_editor):
    user = make_editor("ayse", lang="tr")
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="archive"))
    return user


def test_a_turkish_editor_decides_on_possible_translations_in_turkish(
    client, turkish_editor, clashing_pair
):
    client.force_login(turkish_editor)
    pairs = reverse("admin:archive_groupingcandidate_changelist")
    html = client.get(pairs).content.decode()
    assert "Aynı metin: metinleri birleştir" in html  # the join action
    assert "Farklı metinler: ayrı tut" in html
    assert "Same piece" not in html and "keep apart" not in html
    assert "Olası çevirisi olduğu belge" in html  # a column
    assert "karar bekliyor" in html.lower()  # the pair's decision

    response = client.post(pairs, {"action": "join", "_selected_action": [clashing_pair.pk]},
                           follow=True)  # fmt: skip
    page = response.content.decode()
    assert "İki metnin de şu dillerde çevirisi var: tr" in page
    assert "0 çift birleştirildi." in page
    assert Work.objects.count() == 2
    clashing_pair.refresh_from_db()
    assert clashing_pair.decision == GroupingCandidate.Decision.PENDING
