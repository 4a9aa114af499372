"""Saving an import in bulk stores what saving it work by work stores, and fails as gently."""

from __future__ import annotations

import shutil

import pytest
from bench.import_archive import generate_archive
from django.db import connection

from havza.archive import importer
from havza.archive.models import ImportedDocument
from havza.publishing.models import Translation, Work
from tests.archive.conftest import write

pytestmark = pytest.mark.django_db(transaction=True)

SAME_TITLE = "Statement on the general strike\n\n9 May 2023\n\n"


def _archive(folder, seeds_dir):
    generate_archive(folder / "generated", 20)  # 220 pages: analyzed in worker processes
    for seed in seeds_dir.iterdir():
        shutil.copy(seed, folder / seed.name)
    # Pages whose titles give the same slug in one language, and one already taken.
    write(folder, "a.txt", SAME_TITLE + "Workers of the port stopped work at dawn. " * 6)
    write(folder, "b.txt", SAME_TITLE + "The union of the mines called a strike. " * 6)
    write(folder, "c.txt", "Statement on the General Strike!\n\nThe railways stopped too. " * 3)


def _stored() -> dict:
    """Everything the import stored, keyed by the documents (ids and clock times left out)."""
    docs = ImportedDocument.objects.select_related("translation__work").order_by("key")
    work_of = {d.key: d.translation.work_id for d in docs if d.translation}
    members = {}
    for key, work in work_of.items():
        members.setdefault(work, []).append(key)
    stored = {}
    for doc in docs:
        t = doc.translation
        work = t.work
        decision = {k: v for k, v in doc.decision.items() if k not in {"work", "translation"}}
        # An undated page is published when it is saved: only that it was is comparable.
        published = t.published_at if doc.decision["date"] else t.published_at is not None
        stored[doc.key] = {
            "document": (doc.status, doc.language, doc.title, doc.evidence, doc.problems),
            "decision": decision,
            "group_confidence": doc.group_confidence,
            "translation": (
                t.language,
                t.title,
                t.subtitle,
                t.slug,
                t.body_markdown,
                t.body_html,
                t.excerpt,
                t.status,
                published,
            ),
            "work": (work.kind, work.original_language, work.published_on),
            "same_work_as": sorted(members[work.pk]),
            "authors": [str(a.author) for a in work.authorships.all()],
            "signatories": [
                (s.role, s.organization.acronym, dict(s.organization.names), s.country, s.position)
                for s in work.signatories.select_related("organization")
            ],
        }
    return stored


def _clear() -> None:
    from havza.network.models import Organization, Person

    Work.objects.all().delete()
    ImportedDocument.objects.all().delete()
    Organization.objects.all().delete()
    Person.objects.all().delete()


def test_bulk_and_one_by_one_store_the_same(tmp_path, seeds_dir):
    _archive(tmp_path, seeds_dir)
    taken = Translation.objects.create(
        work=Work.objects.create(original_language="en"), language="en",
        title="Statement on the general strike",
    )  # fmt: skip
    one_by_one = importer.run([str(tmp_path)], importer.Options(jobs=2, bulk=False))
    expected = _stored()
    _clear()
    Translation.objects.create(
        work=Work.objects.create(original_language="en"), language="en", title=taken.title
    )
    in_bulk = importer.run([str(tmp_path)], importer.Options(jobs=2))
    untimed = {"seconds": 0, "pages_per_second": 0}
    assert in_bulk.summary() | untimed == one_by_one.summary() | untimed
    assert _stored() == expected
    slugs = sorted(
        Translation.objects.filter(slug__startswith="statement-on-the-general-strike").values_list(
            "slug", flat=True
        )
    )
    assert slugs == [
        "statement-on-the-general-strike",
        "statement-on-the-general-strike-2",
        "statement-on-the-general-strike-3",
        "statement-on-the-general-strike-4",
    ]
    assert len(expected) == 225 and in_bulk.summary()["works_grouped"] == 20


def _refuse_titles(prefix: str) -> None:
    """Make the database refuse translations titled PREFIX…, as a broken row would be."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_title() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.title LIKE '{prefix}%' THEN RAISE EXCEPTION 'refused'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_title BEFORE INSERT ON publishing_translation "
                "FOR EACH ROW EXECUTE FUNCTION refuse_title()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER refuse_title BEFORE INSERT ON publishing_translation "
                f"WHEN NEW.title LIKE '{prefix}%' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )


def _allow_titles() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER refuse_title" + (
            " ON publishing_translation" if connection.vendor == "postgresql" else ""
        ))  # fmt: skip
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION refuse_title()")


def test_a_work_the_database_refuses_is_reported_and_the_rest_is_saved(tmp_path):
    generate_archive(tmp_path, 3)
    write(tmp_path, "refused.txt", "Refused statement\n\n" + "The strike goes on. " * 12)
    _refuse_titles("Refused")
    try:
        report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    finally:
        _allow_titles()
    status = {d["path"].rsplit("/", 1)[-1]: d for d in report.documents}
    assert status["refused.txt"]["status"] == "failed"
    assert "could not save" in status["refused.txt"]["problems"][-1]
    assert report.summary()["imported"] == 33
    assert Work.objects.count() == 3 and Translation.objects.count() == 33
    assert all(d["translation"] for d in report.documents if d["status"] == "imported")
    # Once the database takes it, the same command imports what is left.
    again = importer.run([str(tmp_path)], importer.Options(jobs=1))
    assert again.summary()["imported"] == 1 and again.summary()["unchanged"] == 33
    assert Translation.objects.filter(title="Refused statement").exists()
