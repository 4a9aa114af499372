"""The import as a user runs it: idempotent, resumable, reporting every decision."""

import json
import shutil

import pytest
from bench.import_archive import generate_archive

from havza.archive import importer
from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.archive.report import FORMAT
from havza.publishing.models import Translation, Work
from tests.archive.conftest import write

pytestmark = pytest.mark.django_db

DOCUMENT_FIELDS = {
    "path", "status", "language", "title", "date", "authors", "signatories", "work",
    "group_confidence", "problems",
}  # fmt: skip


def run(*paths, **options):
    return importer.run([str(p) for p in paths], importer.Options(jobs=1, **options))


def test_same_files_again_change_nothing(seeds_dir):
    first = run(seeds_dir)
    modified = list(Translation.objects.values_list("pk", "modified_at"))
    second = run(seeds_dir)
    assert second.summary()["unchanged"] == 2 and second.summary()["imported"] == 0
    assert list(Translation.objects.values_list("pk", "modified_at")) == modified
    assert Work.objects.count() == 2
    by_path = {d["path"]: d["work"] for d in first.documents}
    assert {d["path"]: d["work"] for d in second.documents} == by_path


def test_changed_file_updates_its_translation(tmp_path, seeds_dir):
    for seed in seeds_dir.iterdir():
        shutil.copy(seed, tmp_path / seed.name)
    run(tmp_path)
    page = next(tmp_path.glob("002_*"))
    page.write_text(
        page.read_text(encoding="utf-8").replace("Bread and Freedom", "Bread, Land and Freedom"),
        encoding="utf-8",
    )
    report = run(tmp_path)
    assert report.summary()["updated"] == 1 and report.summary()["unchanged"] == 1
    assert Work.objects.count() == 2 and Translation.objects.count() == 2
    body = Translation.objects.get(title__startswith="Long Live").body_markdown
    assert "Bread, Land and Freedom" in body
    # The update did not duplicate the signatories.
    assert Work.objects.get(translations__title__startswith="Long Live").signatories.count() == 10


def test_broken_files_are_reported_and_the_import_goes_on(tmp_path, seeds_dir):
    shutil.copy(next(seeds_dir.glob("000_*")), tmp_path / "good.txt")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    write(tmp_path, "german.txt", "Die Arbeiter streiken.\n\n" + "Die Arbeiter des Hafens " * 20)
    report = run(tmp_path, tmp_path / "missing.txt")
    status = {d["path"].rsplit("/", 1)[-1]: (d["status"], d["problems"]) for d in report.documents}
    assert status["good.txt"][0] == "imported"
    assert status["empty.txt"] == ("failed", ["the file is empty"])
    assert status["image.png"][0] == "failed" and "binary" in status["image.png"][1][0]
    assert status["german.txt"][0] == "skipped"
    assert "de, which is not a site language" in status["german.txt"][1][-1]
    assert status["missing.txt"] == ("failed", ["no such file or folder"])


def test_dry_run_saves_nothing(seeds_dir, tmp_path):
    report = importer.run(
        [str(seeds_dir)], importer.Options(jobs=1, dry_run=True), report_path=tmp_path / "r.json"
    )
    assert report.summary()["imported"] == 2
    assert Work.objects.count() == 0 and ImportedDocument.objects.count() == 0
    assert json.loads((tmp_path / "r.json").read_text())["dry_run"] is True


def test_report_format(seeds_dir, tmp_path):
    importer.run([str(seeds_dir)], importer.Options(jobs=1), report_path=tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["version"] == 1 and data["complete"] is True
    assert data["summary"]["imported"] == 2
    for document in data["documents"]:
        assert set(document) >= DOCUMENT_FIELDS
        for signer in document["signatories"]:
            assert set(signer) == {"name", "acronym", "country"}


def test_interrupted_import_keeps_the_report_and_resumes(tmp_path):
    generate_archive(tmp_path / "archive", 3)

    def interrupt(stage, done, total):
        if stage == "save" and done >= 11:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        importer.run(
            [str(tmp_path / "archive")],
            importer.Options(jobs=1),
            progress=interrupt,
            report_path=tmp_path / "r.json",
        )
    assert json.loads((tmp_path / "r.json").read_text())["complete"] is False
    resumed = run(tmp_path / "archive")
    summary = resumed.summary()
    assert summary["imported"] + summary["unchanged"] == 33
    assert Work.objects.count() == 3
    assert all(w.translations.count() == 11 for w in Work.objects.all())


def test_translations_in_eleven_languages_become_one_work(tmp_path):
    generate_archive(tmp_path, 4)
    report = run(tmp_path)
    assert report.summary()["works"] == 4 and report.summary()["works_grouped"] == 4
    assert all(d["group_confidence"] >= 0.75 for d in report.documents)
    assert report.summary()["languages"] == {c: 4 for c in
        ["ar", "el", "en", "es", "fa", "fr", "hy", "it", "ku", "pt", "tr"]}  # fmt: skip


def test_new_translation_joins_the_work_of_an_earlier_import(tmp_path):
    generate_archive(tmp_path / "all", 2)
    (tmp_path / "first").mkdir()
    for page in (tmp_path / "all").glob("*-[ef]?.txt"):  # en, es, el, fa, fr
        shutil.move(page, tmp_path / "first" / page.name)
    run(tmp_path / "first")
    assert Work.objects.count() == 2
    report = run(tmp_path / "all")
    assert report.summary()["imported"] == 12
    assert Work.objects.count() == 2
    assert all(w.translations.count() == 11 for w in Work.objects.all())


def test_uncertain_grouping_is_left_for_an_editor(tmp_path):
    en = (
        "Title in English\n\n9 May 2023\n\nThe strike began with 1200 workers in 14 "
        "factories and the union counted 3 arrests.\n\nIt goes on in every city."
    )
    fr = (
        "Titre en français\n\n9 mai 2023\n\nLa grève a commencé avec 1200 travailleurs dans "
        "14 usines et le syndicat a compté 7 arrestations et 55 blessés et 90 licenciés.\n\n"
        "Elle continue dans chaque ville, avec 300 piquets.\n\nEt encore 8 autres."
    )
    write(tmp_path, "en.txt", en)
    write(tmp_path, "fr.txt", fr)
    report = run(tmp_path)
    works = {d["language"]: d["work"] for d in report.documents}
    assert works["en"] != works["fr"]
    candidate = GroupingCandidate.objects.get()
    assert candidate.decision == GroupingCandidate.Decision.PENDING
    assert 0.45 <= candidate.confidence < 0.75
    assert report.summary()["to_confirm"] == 2

    from havza.archive import editorial

    work = editorial.confirm(candidate)
    assert sorted(work.translations.values_list("language", flat=True)) == ["en", "fr"]
    assert Work.objects.count() == 1


def test_changed_original_outdates_the_other_languages(tmp_path):
    """A changed file updates its translation; the workflow flags the translations of it."""
    from havza.translation.models import SourceSegment, State, TargetSegment
    from havza.translation.workflow import ensure_source
    from tests.archive.test_sources import wpml_export

    export = write(tmp_path, "export.xml", wpml_export())
    run(export)
    original = Translation.objects.get(language="en", title="Strike at the port")
    french = Translation.objects.get(language="fr")
    ensure_source(original)
    changed_source = SourceSegment.objects.filter(translation=original, order__gte=0)
    target = TargetSegment.objects.create(
        translation=french, source=changed_source.first(), text="Les travailleurs du port…",
        state=State.TRANSLATED,
    )  # fmt: skip
    export.write_text(
        wpml_export().replace("went on strike.", "went on an unlimited strike."), encoding="utf-8"
    )
    report = run(export)
    assert report.summary()["updated"] == 1
    target.refresh_from_db()
    assert target.state == State.OUTDATED
