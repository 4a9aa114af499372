"""The workspace speaks the translator's language, isolates user text and mirrors arrows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from havza.accounts.services import set_interface_language
from havza.translation.models import Role
from tests.factories import TranslationFactory, WorkFactory

pytestmark = pytest.mark.django_db


def arabic_translator(make_user):
    user = make_user("layla", ("ar", Role.TRANSLATOR))
    set_interface_language(user, "ar")
    client = Client()
    client.force_login(user)
    return client


def test_the_queue_is_arabic_with_titles_isolated_and_no_coverage_link(make_user):
    work = WorkFactory(original_language="es")
    TranslationFactory(work=work, language="es", title="Rocío Almagro: «En el puerto»")
    page = arabic_translator(make_user).get(reverse("translation:queue")).content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "العمل" in page and "Work</th>" not in page
    assert "<bdi>Rocío Almagro: «En el puerto»</bdi>" in page
    assert "/translate/coverage/" not in page


def test_the_editor_mirrors_its_arrow_in_arabic(make_user, statement):
    client = arabic_translator(make_user)
    url = reverse("translation:editor", kwargs={"work_id": statement.work.pk, "lang": "ar"})
    client.post(reverse("translation:start", kwargs={"work_id": statement.work.pk, "lang": "ar"}))
    page = client.get(url).content.decode()
    assert "</span> ← <span" in page and "→" not in page
    assert "ذاكرة الترجمة" in page or "احفظ" in page or "حفظ" in page
