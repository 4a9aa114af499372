"""Aligning an import's works in the job worker, after the import (``havza import --align
job``).

Aligning a batch of works costs about as much CPU as saving it. An import that leaves it to
the job worker (``havza worker``) ends sooner, and the site can be built and served before
the translation memory is filled: the memory is only suggestions, and nothing on a public
page depends on it. Each committed batch becomes one job that aligns exactly what
``archive_memory.align_works`` would have aligned during the import, so the memory ends up
the same row for row. Until its job has run, a work is also found by ``havza align-archive``
(it has no alignment record yet), and a job that fails is tried again later.

The import's report cannot say what the worker will align: its entries get
``alignment: {"queued": true}`` instead of the pairs.
"""

from __future__ import annotations

from collections.abc import Iterable

from havza.jobs.retries import job
from havza.translation import archive_memory

ALIGN = ("import", "job")  # where an import's works are aligned (``--align``)
QUEUED = {"queued": True}  # an import report entry's ``alignment`` when left to the worker


def queue(work_ids: Iterable[int], documents: Iterable[dict] = ()) -> None:
    """Leave the alignment of WORK_IDS (one committed import batch) to the job worker, and
    say so in each of DOCUMENTS (the batch's report entries) that is a saved translation."""
    ids = sorted(set(work_ids))
    if ids:
        align_batch.enqueue(ids)
    for document in documents:
        document["alignment"] = dict(QUEUED) if document.get("translation") else None


@job(attempts=3)
def align_batch(work_ids: list[int]) -> dict:
    """Align the translations of WORK_IDS with their originals into the memory (one batch of
    an import); the summary, as ``havza align-archive --json`` prints it."""
    return archive_memory.align_works(work_ids).as_json()
