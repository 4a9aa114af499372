"""The workspace over HTTP: the acceptance scenario, roles on every view, query counts."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from translate.storage import xliff2

from havza.translation import memory
from havza.translation.models import Assignment, Role, State, TargetSegment
from tests.factories import TranslationFactory, WorkFactory
from tests.translation.conftest import PARAGRAPHS, body

pytestmark = pytest.mark.django_db


def url(name: str, work, lang: str, **kwargs) -> str:
    return reverse(f"translation:{name}", kwargs={"work_id": work.pk, "lang": lang, **kwargs})


def translate_through_the_editor(client, work, lang: str, prefix: str) -> None:
    page = client.get(url("editor", work, lang))
    assert page.status_code == 200
    if b"tx-segment" not in page.content:
        client.post(url("start", work, lang))
    for seg in TargetSegment.objects.filter(
        translation__work=work, translation__language=lang, state=State.UNTRANSLATED
    ).select_related("source"):
        response = client.post(
            url("segment", work, lang, key=seg.source.key),
            {"text": f"{prefix} {seg.source.text}", "version": seg.version, "action": "save"},
        )
        assert response.status_code == 302


def approve_and_publish(reviewer_client, editor_client, work, lang: str) -> None:
    for seg in TargetSegment.objects.filter(translation__work=work, translation__language=lang):
        r = reviewer_client.post(
            url("segment", work, lang, key=seg.source.key), {"action": "approve", "override": "1"}
        )
        assert r.status_code == 302
    r = editor_client.post(url("publish", work, lang), {"action": "publish"})
    assert r.status_code == 302


@pytest.fixture
def clients(make_user, client_factory):
    people = {
        "tr": make_user("tr-t", ("tr", Role.TRANSLATOR)),
        "ar": make_user("ar-t", ("ar", Role.TRANSLATOR), ("fa", Role.TRANSLATOR)),
        "el": make_user("el-t", ("el", Role.TRANSLATOR)),
        "reviewer": make_user("rev", ("*", Role.REVIEWER)),
        "editor": make_user("ed", ("*", Role.EDITOR)),
    }
    return {name: client_factory(user) for name, user in people.items()}


def test_acceptance_scenario(statement, clients, client):
    work = statement.work
    for lang in ("tr", "ar", "el"):
        translate_through_the_editor(clients[lang], work, lang, lang.upper())
        approve_and_publish(clients["reviewer"], clients["editor"], work, lang)
    published = {t.language: t for t in work.translations.all()}
    assert all(published[lang].is_published for lang in ("tr", "ar", "el"))
    ar_url = published["ar"].get_absolute_url()
    assert "notice-outdated" not in client.get(ar_url).content.decode()

    # The editor changes paragraphs 3 and 7 of the English original.
    changed = list(PARAGRAPHS)
    changed[2] = "More than 50 organizations from 14 countries took part in the meeting."
    changed[6] = "Every organization will publish this statement in its own language today."
    statement.body_markdown = body(changed)
    statement.save()
    for lang in ("tr", "ar", "el"):
        outdated = TargetSegment.objects.filter(
            translation=published[lang], state=State.OUTDATED
        ).select_related("source")
        assert sorted(s.source.order for s in outdated) == [2, 6]
    page = client.get(ar_url).content.decode()
    assert "تم تحديث النص الأصلي" in page and "AR " + PARAGRAPHS[2] in page

    # A second statement reusing three paragraphs gets 100% memory suggestions for them.
    second = TranslationFactory(
        work=WorkFactory(),
        language="en",
        body_markdown=body([PARAGRAPHS[0], "A brand new paragraph.", PARAGRAPHS[3], PARAGRAPHS[7]]),
    )
    for lang in ("tr", "ar", "el"):
        clients[lang].post(url("start", second.work, lang))
        page = clients[lang].get(url("editor", second.work, lang)).content.decode()
        assert page.count('class="tx-use" data-text="') >= 3
        for text in (PARAGRAPHS[0], PARAGRAPHS[3], PARAGRAPHS[7]):
            assert memory.lookup(text, "en", lang)[0].score == 100
            assert f'100%</button> <span lang="{lang}"' in page
        prefilled = TargetSegment.objects.filter(
            translation__work=second.work, translation__language=lang, origin="memory"
        )
        assert prefilled.count() == 3

    # An el translator cannot open the tr editor.
    assert clients["el"].get(url("editor", work, "tr")).status_code == 403

    # XLIFF 2.0 out, translated with translate-toolkit, back in: the same text is published.
    third = TranslationFactory(
        work=WorkFactory(), language="en", body_markdown=body(PARAGRAPHS[:3])
    )
    clients["el"].post(url("start", third.work, "el"))
    data = clients["el"].get(url("export", third.work, "el", fmt="xliff2")).content
    store = xliff2.Xliff2File.parsestring(data)
    for unit in store.units:
        unit.target = "ΕΛ " + unit.source
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("t.xlf", bytes(store), content_type="application/xliff+xml")
    assert clients["el"].post(url("import", third.work, "el"), {"file": upload}).status_code == 302
    approve_and_publish(clients["reviewer"], clients["editor"], third.work, "el")
    el = third.work.translations.get(language="el")
    assert el.is_published and el.title == "ΕΛ " + third.title
    for paragraph in PARAGRAPHS[:3]:
        assert f"<p>ΕΛ {paragraph}</p>" in el.body_html


def test_roles_on_every_view(statement, clients, client):
    work = statement.work
    clients["tr"].post(url("start", work, "tr"))
    seg = TargetSegment.objects.filter(translation__language="tr").select_related("source")[0]
    key = seg.source.key
    el = clients["el"]
    forbidden = [
        ("get", url("editor", work, "tr"), {}),
        ("post", url("start", work, "tr"), {}),
        ("post", url("segment", work, "tr", key=key), {"text": "x", "version": 0}),
        ("get", url("history", work, "tr", key=key), {}),
        ("get", url("machine", work, "tr"), {}),
        ("get", url("export", work, "tr", fmt="po"), {}),
        ("post", url("import", work, "tr"), {}),
        ("post", url("approve_all", work, "tr"), {}),
        ("post", url("publish", work, "tr"), {}),
        ("get", reverse("translation:coverage"), {}),
        ("post", reverse("translation:assign"), {"work": work.pk, "language": "tr"}),
    ]
    for method, address, data in forbidden:
        assert getattr(el, method)(address, data).status_code == 403, address
        assert getattr(client, method)(address, data).status_code == 302, address  # to login
    tr = clients["tr"]
    approve = {"action": "approve", "override": "1"}
    assert tr.post(url("segment", work, "tr", key=key), approve).status_code == 403
    assert tr.post(url("publish", work, "tr")).status_code == 403
    assert clients["reviewer"].post(url("publish", work, "tr")).status_code == 403
    assert el.get(reverse("translation:queue")).status_code == 200


def test_editor_fields_take_the_content_direction(statement, make_user, client_factory):
    # An Arabic translator whose interface is English still types right to left.
    c = client_factory(make_user("ar-en", ("ar", Role.TRANSLATOR)))
    c.post(url("start", statement.work, "ar"))
    page = c.get(url("editor", statement.work, "ar"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en" dir="ltr"' in page
    textareas = re.findall(r"<textarea [^>]*>", page)
    assert len(textareas) == 9
    assert all('lang="ar"' in t and 'dir="rtl"' in t for t in textareas)
    assert '<p class="tx-text" lang="en" dir="ltr">' in page


def test_conflicting_saves_show_the_other_text(statement, make_user, client_factory):
    a = client_factory(make_user("a", ("ar", Role.TRANSLATOR)))
    b = client_factory(make_user("b", ("ar", Role.TRANSLATOR)))
    a.post(url("start", statement.work, "ar"))
    seg = TargetSegment.objects.filter(translation__language="ar").select_related("source")[1]
    address = url("segment", statement.work, "ar", key=seg.source.key)
    assert a.post(address, {"text": "نص أ", "version": 0}).status_code == 302
    response = b.post(address, {"text": "نص ب", "version": 0})
    assert response.status_code == 409
    page = response.content.decode()
    assert "a saved this segment" in page and "نص أ" in page and "نص ب" in page
    json = b.post(address, {"text": "نص ب", "version": 0}, HTTP_ACCEPT="application/json")
    assert json.status_code == 409 and json.json()["text"] == "نص أ"


def test_coverage_matrix_and_assignment(statement, clients, make_user):
    work = statement.work
    clients["tr"].post(url("start", work, "tr"))
    translate_through_the_editor(clients["ar"], work, "ar", "AR")
    approve_and_publish(clients["reviewer"], clients["editor"], work, "ar")
    page = clients["editor"].get(reverse("translation:coverage")).content.decode()
    assert 'class="tx-cell cell-published"' in page and 'class="tx-cell cell-in_progress"' in page
    assert 'data-state="missing" data-lang="el">1<' in page
    r = clients["editor"].post(
        reverse("translation:assign"), {"work": work.pk, "language": "el", "assignee": "el-t"}
    )
    assert r.status_code == 302
    assert Assignment.objects.get(work=work, language="el").assignee.username == "el-t"
    queue = clients["el"].get(reverse("translation:queue")).content.decode()
    assert "Assigned to you" in queue


def test_query_counts_are_pinned(statement, clients, django_assert_max_num_queries):
    for _n in range(5):
        TranslationFactory(work=WorkFactory(), language="en", body_markdown=body(PARAGRAPHS))
    clients["ar"].post(url("start", statement.work, "ar"))
    with django_assert_max_num_queries(14):  # with the state of the machine fill
        assert clients["ar"].get(url("editor", statement.work, "ar")).status_code == 200
    with django_assert_max_num_queries(9):
        assert clients["ar"].get(reverse("translation:queue")).status_code == 200
    with django_assert_max_num_queries(10):
        assert clients["editor"].get(reverse("translation:coverage")).status_code == 200


def test_machine_drafts_and_history(statement, clients):
    from havza.translation.models import MachineEngine, MachineSuggestion

    work = statement.work
    clients["ar"].post(url("start", work, "ar"))
    seg = TargetSegment.objects.select_related("source").get(
        translation__language="ar", source__order=0
    )
    engine = MachineEngine.objects.create(
        name="lt", backend="libretranslate", url="http://127.0.0.1:9"
    )
    MachineSuggestion.objects.create(
        engine=engine, target_language="ar", source_hash=seg.source.source_hash, text="ترجمة آلية"
    )
    answer = clients["ar"].get(url("machine", work, "ar")).json()
    assert answer["suggestions"] == {seg.source.key: "ترجمة آلية"}
    assert "cannot reach" in answer["reason"]  # the other segments: engine down, page fine
    address = url("segment", work, "ar", key=seg.source.key)
    clients["ar"].post(address, {"text": "ترجمة آلية", "version": seg.version})
    seg.refresh_from_db()
    assert seg.state == State.MACHINE_DRAFT
    clients["ar"].post(address, {"text": "ترجمة بشرية", "version": seg.version})
    history = clients["ar"].get(url("history", work, "ar", key=seg.source.key)).json()["history"]
    assert [(h["text"], h["state"], h["user"]) for h in history] == [
        ("ترجمة بشرية", "translated", "ar-t"),
        ("ترجمة آلية", "machine", "ar-t"),
    ]
