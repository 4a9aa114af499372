"""A change made in one go (the work screen's save, a workflow action) is republished once,
after it commits, from what the export showed before it began: the pages that listed the
work under its old kind, date, topics or signatories are rewritten as well as the new ones.

Run on PostgreSQL too: HAVZA_DATABASE_URL=postgres://... pytest tests/export.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models.signals import post_save
from django.urls import reverse

from havza.export import builder, republish
from havza.publishing import changes
from havza.publishing.models import Signatory, Translation
from havza.translation import workflow
from havza.translation.models import LanguageGrant, Role, State
from tests import factories as f
from tests.admin.forms import form_fields
from tests.export.conftest import assert_like_a_fresh_build, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="pw-editor", is_staff=True, is_superuser=True
    )
    LanguageGrant.objects.create(user=user, language="*", role=Role.EDITOR)
    return user


@pytest.fixture
def republishes(monkeypatch):
    """The republishes that ran, each as the set of (work, language) it was given."""
    calls: list[set] = []
    real = republish.republish

    def counting(out, before, **kwargs):
        calls.append(set(before))
        return real(out, before, **kwargs)

    monkeypatch.setattr(republish, "republish", counting)
    return calls


def work_screen(client, work) -> tuple[str, dict]:
    url = reverse("admin:publishing_work_change", args=[work.pk])
    data = form_fields(client.get(url).content, "work_form")
    data["topics"] = [str(t.pk) for t in work.topics.all()]
    data["_save"] = "Save"
    return url, data


def test_an_editor_changes_a_works_kind_and_every_page_follows(
    site, client, editor, tmp_path, republishes, django_capture_on_commit_callbacks
):
    out, statement = site["out"], site["statement"]
    client.force_login(editor)
    url, data = work_screen(client, statement)
    data["kind"] = "declaration"
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    # Off the statements, onto the declarations, in every language it is published in.
    for lang in ("en", "tr", "ar", "el", "hy"):
        assert f"{lang}/statements/index.html" in changed
        assert f"{lang}/declarations/index.html" in changed
    assert "Long live the day of victory" not in (out / "en/statements/index.html").read_text()
    assert len(republishes) == 1


def test_an_editor_moves_a_work_in_time(
    site, client, editor, tmp_path, republishes, django_capture_on_commit_callbacks
):
    out, statement = site["out"], site["statement"]
    client.force_login(editor)
    url, data = work_screen(client, statement)
    data["published_on"] = "2024-06-01"  # from behind the 2024 article to the front
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    topic = site["topic"].get_absolute_url("en").strip("/")
    assert {f"{topic}/index.html", "en/index.html", "en/feed.xml"} <= changed
    assert f"{topic}/page/2/index.html" not in changed
    assert len(republishes) == 1


def test_an_editor_changes_a_works_topics(
    site, client, editor, tmp_path, republishes, django_capture_on_commit_callbacks
):
    out, statement = site["out"], site["statement"]
    labour = f.TopicFactory(names={"en": "Labour", "tr": "Emek"})
    builder.build(out, jobs=1)  # the new topic's pages, still empty
    client.force_login(editor)
    url, data = work_screen(client, statement)
    data["topics"] = [str(labour.pk)]
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert "en/topics/labour/index.html" in changed
    old_topic = site["topic"].get_absolute_url("en")
    page = (out / old_topic.strip("/") / "index.html").read_text()
    assert "Long live the day of victory" not in page
    assert "Long live the day of victory" in (out / "en/topics/labour/index.html").read_text()
    assert len(republishes) == 1


def test_an_editor_changes_the_signatories(
    site, client, editor, tmp_path, republishes, django_capture_on_commit_callbacks
):
    out, statement = site["out"], site["statement"]
    eek, _dip, _center = site["organizations"]
    newcomer = f.OrganizationFactory(acronym="NEW", names={"en": "Newcomers"}, country="IT")
    builder.build(out, jobs=1)  # the new organization's pages, still empty
    client.force_login(editor)
    url, data = work_screen(client, statement)
    rows = [k for k, v in data.items() if k.endswith("-organization") and v == str(eek.pk)]
    data[rows[0].replace("-organization", "-DELETE")] = "on"
    total = int(data["signatories-TOTAL_FORMS"])
    data.update({
        f"signatories-{total}-organization": str(newcomer.pk),
        f"signatories-{total}-work": str(statement.pk),
        f"signatories-{total}-position": "9",
        f"signatories-{total}-role": Signatory.Role.SIGNATORY,
        "signatories-TOTAL_FORMS": str(total + 1),
    })  # fmt: skip
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert not Signatory.objects.filter(work=statement, organization=eek).exists()
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert f"{eek.get_absolute_url('en').strip('/')}/index.html" in changed
    assert f"{newcomer.get_absolute_url('en').strip('/')}/index.html" in changed
    assert len(republishes) == 1


def test_a_rolled_back_unit_publishes_nothing(site, republishes):
    statement = site["statement"]
    with pytest.raises(RuntimeError), changes.changing([statement.pk]):
        statement.kind = "report"
        statement.save()
        raise RuntimeError("the import batch failed")
    assert republishes == []


def test_a_unit_without_saves_publishes_nothing(
    site, republishes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), changes.changing([site["article"].pk]):
        pass
    assert republishes == []


def test_a_work_saved_outside_any_unit_is_republished(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out, article = site["out"], site["article"]
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        article.published_on = dt.date(2019, 2, 1)
        article.save()
    assert_like_a_fresh_build(out, before, tmp_path)


def test_approving_every_segment_of_a_published_translation_republishes_once(
    site, editor, tmp_path, republishes, django_capture_on_commit_callbacks
):
    out, statement = site["out"], site["statement"]
    target = workflow.start(statement, "it", editor)
    for seg in target.target_segments.all():
        workflow.save_segment(seg, f"IT {seg.source.text}", editor, seg.version)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve_all(target, editor, override=True)
        workflow.publish(target, editor)
    english = statement.translations.get(language="en")
    english.body_markdown = (
        english.body_markdown.replace("The first paragraph.", "The opening paragraph.")
        + "\n\nA last paragraph."
    )
    with django_capture_on_commit_callbacks(execute=True):
        english.save()
    for seg in target.target_segments.filter(state=State.OUTDATED):
        workflow.save_segment(seg, f"IT {seg.source.text}", editor, seg.version)
    for seg in target.target_segments.filter(state=State.UNTRANSLATED):
        workflow.save_segment(seg, f"IT {seg.source.text}", editor, seg.version)
    to_approve = target.target_segments.filter(state=State.TRANSLATED).count()
    assert to_approve >= 2
    saves = []

    def count(sender, instance, **kwargs):
        if instance.pk == target.pk:
            saves.append(instance)

    before = snapshot(out)
    republishes.clear()
    post_save.connect(count, sender=Translation)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert workflow.approve_all(target, editor, override=True) == (to_approve, 0)
    finally:
        post_save.disconnect(count, sender=Translation)
    assert len(saves) == 1
    assert len(republishes) == 1
    target.refresh_from_db()
    assert "IT A last paragraph." in target.body_markdown
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert f"it/works/{target.slug}/index.html" in changed


def test_a_new_work_from_the_work_screen_is_published_into_the_export(
    site, client, editor, tmp_path, republishes, caplog, django_capture_on_commit_callbacks
):
    out = site["out"]
    client.force_login(editor)
    add = reverse("admin:publishing_work_add")
    data = form_fields(client.get(add).content, "work_form")
    data.update({"kind": "communique", "original_language": "en", "published_on": "2024-02-01"})
    data["topics"] = [str(site["topic"].pk)]
    for i, (lang, title) in enumerate([("en", "Harbour workers win"), ("tr", "Liman kazandı")]):
        data.update({
            f"translations-{i}-language": lang, f"translations-{i}-title": title,
            f"translations-{i}-body_markdown": "Text.", f"translations-{i}-status": "published",
            f"translations-{i}-slug": "",
        })  # fmt: skip
    data["translations-TOTAL_FORMS"] = "2"
    data["_save"] = "Save"
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(add, data).status_code == 302
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert {"en/communiques/index.html", "tr/communiques/index.html", "sitemap.xml"} <= changed
    assert len(republishes) == 1
    assert "Could not" not in caplog.text


def test_a_batch_of_bulk_writes_is_published_once_when_it_says_so(
    site, tmp_path, republishes, django_capture_on_commit_callbacks
):
    out, article = site["out"], site["article"]
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True), changes.changing() as unit:
        unit.add(article.pk)
        type(article).objects.filter(pk=article.pk).update(kind="interview")  # no signals
        unit.mark_changed()
    assert len(republishes) == 1
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert {"en/interviews/index.html", "tr/articles/index.html"} <= changed
