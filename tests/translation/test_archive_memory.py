"""The archive becomes translation memory: an import aligns its works' translations, and a
new translation gets their paragraphs as suggestions, below reviewed ones, never filled in."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from bench.import_archive import generate_archive
from django.core.management import call_command
from django.urls import reverse

from havza.archive import importer
from havza.publishing.models import Translation, Work
from havza.translation import memory, segmentation, workflow
from havza.translation.models import MemoryEntry, MemoryKind, Role, State, WorkAlignment
from tests.factories import TranslationFactory, WorkFactory
from tests.translation.conftest import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    """The generated archive, two pieces in eleven languages, imported."""
    generate_archive(tmp_path, 2)
    return importer.run([str(tmp_path)], importer.Options(jobs=1))


def _paragraphs(work: Work, language: str) -> list[str]:
    translation = Translation.objects.get(work=work, language=language)
    return [b.text for b in segmentation.segment(translation.body_markdown)]


def test_an_import_aligns_each_translation_with_its_original_into_the_memory(imported):
    works = list(Work.objects.all())
    assert len(works) == 2 and WorkAlignment.objects.count() == 2
    for document in imported.documents:
        work = Work.objects.get(pk=document["work"])
        alignment = document["alignment"]
        if document["language"] == work.original_language:
            assert alignment is None
            continue
        # Every body paragraph and the title, paired with the original's.
        assert alignment["with"] == work.original_language
        paragraphs = len(_paragraphs(work, document["language"]))
        assert alignment["pairs"] + alignment["low"] == paragraphs + 1
        assert alignment["pairs"] >= paragraphs - 1 and 0.4 <= alignment["confidence"] <= 1
    entries = MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE)
    assert entries.count() == 2 * sum(
        d["alignment"]["pairs"] for d in imported.documents if d["alignment"]
    )
    # The generated pieces say the same thing in the same paragraph in every language.
    work = works[0]
    original, english = _paragraphs(work, work.original_language), _paragraphs(work, "en")
    pair = entries.get(work=work, source_text=original[1], target_language="en")
    assert pair.target_text == english[1] and pair.approved_by is None
    assert entries.filter(source_language="en", source_text=english[1]).count() == 1


def test_a_new_translation_gets_the_archive_s_paragraphs_as_suggestions_only(
    imported, make_user, client_factory
):
    archived = Work.objects.order_by("pk").first()
    english, french = _paragraphs(archived, "en"), _paragraphs(archived, "fr")
    # A new English statement repeats two paragraphs of the archive, one of them edited.
    edited = english[2].replace(english[2].split()[1], "carefully", 1)
    new = WorkFactory(original_language="en")
    TranslationFactory(
        work=new, language="en", title="A new statement",
        body_markdown=body([english[0], "A paragraph the archive does not hold.", edited]),
    )  # fmt: skip
    translator = make_user("fr-t", ("fr", Role.TRANSLATOR))
    client = client_factory(translator)
    client.post(reverse("translation:start", kwargs={"work_id": new.pk, "lang": "fr"}))
    target = Translation.objects.get(work=new, language="fr")
    # Nothing is filled in from the archive without a review.
    assert set(target.target_segments.values_list("state", flat=True)) == {State.UNTRANSLATED}
    page = client.get(reverse("translation:editor", kwargs={"work_id": new.pk, "lang": "fr"}))
    html = page.content.decode()
    assert french[0] in html and french[2] in html
    assert "from the archive" in html
    # English and French are both translations in the archive (its original is Turkish):
    # the pair is found through the original's paragraph.
    exact, none, fuzzy = memory.lookup_many(
        [english[0], "A paragraph the archive does not hold.", edited], "en", "fr"
    )
    assert exact[0].target == french[0] and exact[0].from_archive
    assert 80 <= exact[0].score < 100  # ranked below a reviewed exact match, never 100
    assert none == []
    assert fuzzy[0].target == french[2] and fuzzy[0].score < exact[0].score


def test_a_reviewed_pair_ranks_above_the_archive_s_and_only_it_is_filled_in(imported):
    archived = Work.objects.order_by("pk").first()
    english, french = _paragraphs(archived, "en"), _paragraphs(archived, "fr")
    memory.add(english[0], "Une traduction relue.", "en", "fr", origin="Reviewed")
    found = memory.lookup(english[0], "en", "fr")
    assert [m.target for m in found][:2] == ["Une traduction relue.", french[0]]
    assert found[0].score == 100 and not found[0].from_archive and found[1].from_archive
    assert memory.exact([english[0], english[1]], "en", "fr") == ["Une traduction relue.", None]


def test_a_work_s_own_archive_pairs_are_not_suggested_to_it(imported):
    archived = Work.objects.order_by("pk").first()
    english = _paragraphs(archived, "en")
    assert memory.lookup(english[0], "en", "fr")
    assert memory.lookup(english[0], "en", "fr", exclude_work=archived.pk) == []


def test_align_archive_aligns_works_imported_before_and_replaces_their_pairs(imported):
    before = MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE).count()
    MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE).delete()
    WorkAlignment.objects.all().delete()
    out = StringIO()
    call_command("align-archive", "--json", "--no-progress", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["works"] == 2 and summary["pairs"] * 2 == before
    assert set(summary["languages"]) == {
        f"{Work.objects.first().original_language}-{c}"
        for c in ["ar", "el", "en", "es", "fa", "fr", "hy", "it", "ku", "pt"]
    }
    # Nothing changed since: nothing to do; --all aligns again, replacing the pairs.
    out = StringIO()
    call_command("align-archive", "--no-progress", stdout=out)
    assert "0 pairs aligned in 0 works" in out.getvalue()
    call_command("align-archive", "--all", "--no-progress", stdout=StringIO())
    assert MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE).count() == before


def test_a_translation_made_in_the_workspace_is_not_aligned_again(statement, make_user):
    translator = make_user("tr-t", ("tr", Role.TRANSLATOR))
    TranslationFactory(work=statement.work, language="es", title="Solidaridad",
                       body_markdown=body(["Uno.", "Dos."]))  # fmt: skip
    workflow.start(statement.work, "tr", translator)
    from havza.translation.archive_memory import align_works

    summary = align_works([statement.work.pk])
    assert set(summary.languages) == {"en-es"}


def test_the_import_summary_says_how_many_paragraphs_each_language_pair_gave(imported):
    aligned = imported.summary()["aligned"]
    originals = set(Work.objects.values_list("original_language", flat=True))
    assert {key.split("-")[0] for key in aligned} == originals
    assert sum(a["pairs"] for a in aligned.values()) == sum(
        d["alignment"]["pairs"] for d in imported.documents if d["alignment"]
    )
    assert all(0.4 <= a["confidence"] <= 1 for a in aligned.values())
    line = imported.text_summary().splitlines()[-1]
    assert line.startswith("Paragraphs aligned into the translation memory: ")
    key, figures = next(iter(aligned.items()))
    assert f"{key} {figures['pairs']} (confidence" in line
