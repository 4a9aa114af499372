"""A private, expiring preview of a draft translation, rendered as the public page is."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from havza.publishing.models import Translation
from havza.translation import preview, workflow
from havza.translation.models import Role, TargetSegment
from tests.translation.conftest import PARAGRAPHS

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(statement, make_user):
    translator = make_user("layla", ("ar", Role.TRANSLATOR))
    target = workflow.start(statement.work, "ar", translator)
    for seg in TargetSegment.objects.filter(translation=target).select_related("source"):
        if seg.source.order in (-2, 0):  # the title and the first paragraph only
            text = "التضامن عبر البحر" if seg.source.order == -2 else "التقى عمال المتوسط."
            workflow.save_segment(seg, text, translator, seg.version)
    return target, translator


def test_the_editor_offers_a_preview_link_that_shows_the_draft_as_published(draft, client_factory):
    target, translator = draft
    editor_page = (
        client_factory(translator)
        .get(reverse("translation:editor", kwargs={"work_id": target.work_id, "lang": "ar"}))
        .content.decode()
    )
    token = preview.token_for(target)
    url = reverse("translation:preview", kwargs={"token": token})
    assert url in editor_page
    page = Client().get(url)  # a reviewer outside havza: no login
    assert page.status_code == 200
    html = page.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"].startswith("noindex")
    assert "التضامن عبر البحر" in html and "التقى عمال المتوسط." in html
    assert PARAGRAPHS[1] not in html  # not translated yet: left out, as on publication
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    target.refresh_from_db()
    assert target.status == Translation.Status.DRAFT  # nothing saved, nothing published


def test_the_preview_uses_the_public_work_page_renderer(draft, monkeypatch):
    target, _ = draft
    seen = []
    real = preview.render_work
    monkeypatch.setattr(preview, "render_work", lambda t, *a: seen.append(t.pk) or real(t, *a))
    Client().get(reverse("translation:preview", kwargs={"token": preview.token_for(target)}))
    assert seen == [target.pk]


def made_days_ago(monkeypatch, target, days: float) -> str:
    with monkeypatch.context() as m:
        then = signing.b62_encode(int(time.time() - days * 86400))
        m.setattr(signing.TimestampSigner, "timestamp", lambda self: then)
        return preview.token_for(target)


def test_a_preview_link_expires_and_cannot_be_forged(draft, monkeypatch):
    target, _ = draft

    def status(token: str) -> int:
        return Client().get(reverse("translation:preview", kwargs={"token": token})).status_code

    assert status(made_days_ago(monkeypatch, target, preview.PREVIEW_DAYS - 0.5)) == 200
    assert status(made_days_ago(monkeypatch, target, preview.PREVIEW_DAYS + 0.5)) == 410
    assert status(preview.token_for(target)[:-2] + "xx") == 410
