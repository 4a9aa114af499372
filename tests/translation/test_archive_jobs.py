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
