"""An import may leave the alignment to the job worker: the memory it fills is the same."""

from __future__ import annotations

import pytest
from bench.import_archive import generate_archive

from havza.archive import importer
from havza.jobs.worker import run_due_jobs
from havza.publishing.models import Work
from havza.translation import archive_jobs, archive_memory
from havza.translation.models import MemoryEntry, MemoryKind, WorkAlignment

pytestmark = pytest.mark.django_db(transaction=True)

COLUMNS = ("source_language", "target_language", "source_text", "target_text", "unit")


def _memory() -> list[tuple]:
    entries = MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE)
    return sorted(entries.values_list(*COLUMNS, "confidence", "work_id"))


def test_a_queued_batch_fills_the_memory_the_import_would_have(tmp_path):
    generate_archive(tmp_path, 2)
    importer.run([str(tmp_path)], importer.Options(jobs=1))
    during_import = _memory()
    ids = list(Work.objects.values_list("pk", flat=True))
    MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE).delete()
    WorkAlignment.objects.all().delete()
    assert archive_memory.works_to_align() == sorted(ids)  # align-archive would find them

    documents = [{"translation": 1, "work": ids[0]}, {"translation": None}]
    archive_jobs.queue(ids, documents)
    assert documents == [{"translation": 1, "work": ids[0], "alignment": {"queued": True}},
                         {"translation": None, "alignment": None}]  # fmt: skip
    assert _memory() == []  # nothing aligned until the worker runs

    assert run_due_jobs() == 1
    assert _memory() == during_import and len(during_import) > 0
    assert archive_memory.works_to_align() == []


def test_havza_import_align_job_leaves_the_memory_to_the_worker(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    generate_archive(tmp_path / "archive", 2)
    report = tmp_path / "report.json"
    out = StringIO()
    call_command("import", str(tmp_path / "archive"), "--jobs", "1", "--align", "job",
                 "--report", str(report), stdout=out)  # fmt: skip
    assert _memory() == [] and WorkAlignment.objects.count() == 0
    assert "left to the job worker" in out.getvalue()
    import json

    written = json.loads(report.read_text())
    queued = [d for d in written["documents"] if d.get("alignment") == {"queued": True}]
    assert written["summary"]["alignment_queued"] == len(queued) > 0
    assert written["summary"]["aligned"] == {}

    while run_due_jobs():
        pass
    after_jobs = _memory()
    assert after_jobs and archive_memory.works_to_align() == []
    # The same memory as an import that aligned as it saved.
    MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE).delete()
    WorkAlignment.objects.all().delete()
    archive_memory.align_works(list(Work.objects.values_list("pk", flat=True)))
    assert _memory() == after_jobs
