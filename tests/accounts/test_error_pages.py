"""Refused, missing and failed pages of the admin and the workspace speak the person's
language; the public site keeps its own."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from havza.accounts.services import set_interface_language
from havza.translation.models import LanguageGrant, Role


@pytest.fixture
def arabic_translator(db):
    user = get_user_model().objects.create_user("layla", password=None)
    LanguageGrant.objects.create(user=user, language="ar", role=Role.TRANSLATOR)
    set_interface_language(user, "ar")
    client = Client()
    client.force_login(user)
    return client


def test_a_refused_workspace_page_is_arabic(arabic_translator):
    page = arabic_translator.get("/translate/coverage/")
    assert page.status_code == 403
    html = page.content.decode()
    assert 'lang="ar" dir="rtl"' in html and "لا يمكنك فتح هذه الصفحة" in html
    assert "403 Forbidden" not in html


def test_a_missing_workspace_page_is_arabic(arabic_translator):
    page = arabic_translator.get("/translate/999999/ar/")
    assert page.status_code == 404
    assert "هذه الصفحة غير موجودة" in page.content.decode()


def test_a_missing_admin_page_speaks_the_browsers_language(db):
    page = Client(HTTP_ACCEPT_LANGUAGE="el").get("/admin/no-such-thing/")
    assert page.status_code in (302, 404)  # the admin asks for a login first


def test_a_failure_in_the_workspace_is_answered_in_arabic(arabic_translator, monkeypatch):
    from havza.translation import views

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(views.coverage, "matrix", broken)
    arabic_translator.raise_request_exception = False
    page = arabic_translator.get("/translate/")
    assert page.status_code == 500
    assert "حدث خطأ ما" in page.content.decode()


def test_a_missing_public_page_is_still_the_sites_own(db):
    page = Client().get("/ar/works/no-such-work/")
    assert page.status_code == 404
    assert "هذه الصفحة غير موجودة" not in page.content.decode()
