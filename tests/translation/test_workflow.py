"""The workflow's services: start, save, review, publish, outdate, memory, history."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from havza.publishing.models import Translation
from havza.translation import memory, workflow
from havza.translation.models import MemoryEntry, Origin, Role, SegmentVersion, State
from tests.translation.conftest import PARAGRAPHS, body

pytestmark = pytest.mark.django_db


def translate_all(target, user, reviewer, prefix: str) -> None:
    for seg in target.target_segments.select_related("source").order_by("source__order"):
        if seg.state == State.UNTRANSLATED:
            result = workflow.save_segment(seg, f"{prefix} {seg.source.text}", user, seg.version)
            assert result.ok
    workflow.approve_all(target, reviewer, override=True)


def test_segments_states_and_publication(statement, make_user, editor):
    translator = make_user("tr-translator", ("tr", Role.TRANSLATOR))
    reviewer = make_user("tr-reviewer", ("tr", Role.REVIEWER))
    target = workflow.start(statement.work, "tr", translator)
    segs = list(target.target_segments.select_related("source").order_by("source__order"))
    assert [s.source.kind for s in segs] == ["title"] + ["paragraph"] * 8
    assert {s.state for s in segs} == {State.UNTRANSLATED}
    first = segs[1]
    text = "İşçiler 9 Mayıs 2023'te Atina'da buluştu."
    result = workflow.save_segment(first, text, translator, 0)
    assert result.ok and result.segment.state == State.TRANSLATED and result.segment.version == 1
    with pytest.raises(PermissionDenied):
        workflow.review(result.segment, translator, approve=True)
    with pytest.raises(workflow.WorkflowError):
        workflow.publish(target, editor)  # not everything is approved
    translate_all(target, translator, reviewer, "TR")
    workflow.publish(target, editor)
    target.refresh_from_db()
    assert target.status == Translation.Status.PUBLISHED
    assert target.title.startswith("TR Solidarity")
    assert "İşçiler 9 Mayıs 2023" in target.body_html
    assert target.slug.startswith("tr-solidarity")
    history = SegmentVersion.objects.filter(segment=first).order_by("created_at", "id")
    assert [h.event for h in history] == ["saved", "approved"]
    assert history[0].user == translator and history[1].user == reviewer


def test_changing_two_paragraphs_outdates_exactly_two_segments(statement, make_user, editor):
    reviewer = make_user("rev", ("*", Role.REVIEWER))
    targets = {}
    for lang in ("tr", "ar", "el"):
        targets[lang] = workflow.start(statement.work, lang, editor)
        translate_all(targets[lang], editor, reviewer, lang.upper())
        workflow.publish(targets[lang], editor)
    changed = list(PARAGRAPHS)
    changed[2] = "More than 50 organizations from 14 countries took part in the meeting."
    changed[6] = "Every organization will publish this statement in its own language, today."
    statement.body_markdown = body(changed)
    statement.save()
    for lang, target in targets.items():
        outdated = target.target_segments.filter(state=State.OUTDATED).select_related("source")
        assert sorted(s.source.order for s in outdated) == [2, 6], lang
        seg = outdated.get(source__order=2)
        assert seg.source_text == PARAGRAPHS[2] and seg.source.text == changed[2]
        assert ("insert", "50") in workflow.diff(seg.source_text, seg.source.text)
        assert target.target_segments.filter(state=State.REVIEWED).count() == 7
        assert workflow.stale_since(target) is not None
    # Until the translator updates and a reviewer approves, the page keeps the old text.
    ar = targets["ar"]
    ar.refresh_from_db()
    assert "AR " + PARAGRAPHS[2] in ar.body_markdown
    for seg in ar.target_segments.filter(state=State.OUTDATED).select_related("source"):
        workflow.save_segment(seg, "AR " + seg.source.text, editor, seg.version)
    workflow.approve_all(ar, reviewer, override=True)
    ar.refresh_from_db()
    assert workflow.stale_since(ar) is None
    assert "AR " + changed[2] in ar.body_markdown


def test_segment_identity_survives_insertions_and_moves(statement, editor):
    target = workflow.start(statement.work, "el", editor)
    keys = {s.source.text: s.source.key for s in target.target_segments.select_related("source")}
    statement.body_markdown = body(["A new opening paragraph.", *PARAGRAPHS[:4], *PARAGRAPHS[5:]])
    statement.save()
    after = {s.text: s.key for s in statement.source_segments.all()}
    for text in PARAGRAPHS[:4] + PARAGRAPHS[5:]:
        assert after[text] == keys[text]
    assert "A new opening paragraph." in after
    assert target.target_segments.count() == 9  # one added, one removed


@pytest.mark.usefixtures("english")
def test_concurrent_saves_are_refused_with_the_other_text(statement, make_user):
    a = make_user("a", ("ar", Role.TRANSLATOR))
    b = make_user("b", ("ar", Role.TRANSLATOR))
    target = workflow.start(statement.work, "ar", a)
    seg = target.target_segments.get(source__order=0)
    loaded = seg.version
    assert workflow.save_segment(seg, "نص أ", a, loaded).ok
    second = workflow.save_segment(seg, "نص ب", b, loaded)
    assert not second.ok and second.conflict
    assert second.segment.text == "نص أ" and "a saved this segment" in second.message
    seg.refresh_from_db()
    assert seg.text == "نص أ"


def test_memory_prefills_reused_paragraphs_and_forgets_corrections(statement, make_user, editor):
    reviewer = make_user("rev", ("*", Role.REVIEWER))
    target = workflow.start(statement.work, "tr", editor)
    translate_all(target, editor, reviewer, "TR")
    assert MemoryEntry.objects.filter(target_language="tr").count() == 9
    from tests.factories import TranslationFactory, WorkFactory

    second = TranslationFactory(
        work=WorkFactory(),
        language="en",
        body_markdown=body([PARAGRAPHS[0], "Something new.", PARAGRAPHS[3], PARAGRAPHS[7]]),
    )
    target2 = workflow.start(second.work, "tr", editor)
    pre = target2.target_segments.filter(origin=Origin.MEMORY)
    assert pre.count() == 3 and {s.state for s in pre} == {State.TRANSLATED}
    matches = memory.lookup(PARAGRAPHS[3], "en", "tr")
    assert matches[0].score == 100 and matches[0].approved_by == "rev"
    fuzzy = memory.lookup(PARAGRAPHS[3].replace("every", "each"), "en", "tr")
    assert 70 <= fuzzy[0].score < 100
    # A reviewer's correction replaces the entry; a rejection removes it.
    seg = target.target_segments.get(source__order=3)
    workflow.save_segment(seg, "Düzeltilmiş çeviri.", editor, seg.version)
    assert not MemoryEntry.objects.filter(segment=seg).exists()
    assert all(m.target != "TR " + PARAGRAPHS[3] for m in memory.lookup(PARAGRAPHS[3], "en", "tr"))
    workflow.review(seg, reviewer, approve=True, override=True)
    assert memory.lookup(PARAGRAPHS[3], "en", "tr")[0].target == "Düzeltilmiş çeviri."
    workflow.review(seg, reviewer, approve=False, note="Wrong word")
    assert not MemoryEntry.objects.filter(segment=seg).exists()


def test_memory_normalizes_digits_and_arabic_letters():
    assert memory.normalize("٤٥ منظمة", "ar") == memory.normalize("45 منظمة", "ar")
    assert memory.normalize("كتاب", "fa") == memory.normalize("کتاب", "fa")
    assert memory.normalize("“Yes”", "en") == memory.normalize('"Yes"', "en")


def test_published_arabic_page_shows_the_notice_in_arabic(statement, make_user, editor, client):
    reviewer = make_user("rev", ("*", Role.REVIEWER))
    target = workflow.start(statement.work, "ar", editor)
    translate_all(target, editor, reviewer, "عربي")
    workflow.publish(target, editor)
    target.refresh_from_db()
    page = client.get(target.get_absolute_url()).content.decode()
    assert "notice-outdated" not in page
    changed = list(PARAGRAPHS)
    changed[2] = "Changed."
    statement.body_markdown = body(changed)
    statement.save()
    page = client.get(target.get_absolute_url()).content.decode()
    assert 'class="notice notice-outdated"' in page
    assert "تم تحديث النص الأصلي" in page
    assert '<html lang="ar" dir="rtl"' in page


def test_publishing_and_unpublishing_in_the_workspace_are_in_the_work_s_history(
    statement, make_user, editor
):
    """The work screen's history lists what the workspace did to the public page, by whom,
    and restoring the published version puts the translation back online."""
    import reversion
    from django.utils.translation import override
    from reversion.models import Version

    from havza.publishing.models import Work

    translator = make_user("el-translator", ("el", Role.TRANSLATOR))
    reviewer = make_user("el-reviewer", ("el", Role.REVIEWER))
    target = workflow.start(statement.work, "el", translator)
    translate_all(target, translator, reviewer, "EL")
    with override("en"):  # the editor's interface language
        workflow.publish(target, editor)
        workflow.unpublish(target, editor)
    versions = Version.objects.get_for_object(statement.work).order_by("revision__date_created")
    revisions = [(v.revision.user, v.revision.get_comment()) for v in versions]
    assert revisions == [
        (editor, "Published from the workspace"),
        (editor, "Unpublished from the workspace"),
    ]
    published = versions[0]
    greek = next(
        v for v in published.revision.version_set.all()
        if v._model is Translation and v.field_dict["language"] == "el"
    )  # fmt: skip
    assert greek.field_dict["status"] == Translation.Status.PUBLISHED
    assert greek.field_dict["title"].startswith("EL Solidarity")
    with reversion.create_revision():
        published.revision.revert()
    assert Translation.objects.get(pk=target.pk).status == Translation.Status.PUBLISHED
    assert Work.objects.filter(pk=statement.work.pk).exists()
