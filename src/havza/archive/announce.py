"""Telling the apps built on publishing what each committed batch saved.

``publishing.signals.works_imported`` is sent after each batch commits; its receiver aligns
the batch's translations into the translation memory, which costs about as much as saving
the batch. On a large import the signal is sent in a second process, forked once, so that
batch N is aligned while the import's process saves batch N+1: the two cores share the
work instead of one waiting for the other.

The second process has a database connection of its own (the one it inherits is the import's
and is never used or closed there), so it sees only what is committed: inside a transaction
(a dry run, a test) and with a database in memory, the signal is sent in the import's
process, as it is for an import of one batch. At most one batch is in flight, so the
receivers hear of the batches in the order they were saved. What the receivers add to the
report entries (``alignment``) is copied back into the import's entries.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from django.db import connection, connections

from havza.publishing.models import Work
from havza.publishing.signals import works_imported

# The connections a forked process inherited: kept, so that they are never closed there
# (closing a PostgreSQL connection in the child would end the parent's session).
_INHERITED: list[Any] = []


def _own_connections() -> None:
    """In the forked process: leave the inherited connections alone and open new ones."""
    for wrapper in connections.all(initialized_only=True):
        if wrapper.connection is not None:
            _INHERITED.append(wrapper.connection)
            wrapper.connection = None
    if connection.vendor == "sqlite":  # as in the import's process (``importer._unmapped``)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA mmap_size=0")


def _send(work_ids: list[int], documents: list[dict]) -> list[dict[str, Any]]:
    """Send the signal (in the forked process); return what the receivers added to or
    changed in each document."""
    before = [dict(d) for d in documents]
    works_imported.send(Work, work_ids=work_ids, documents=documents)
    return [
        {k: v for k, v in d.items() if k not in old or old[k] != v}
        for old, d in zip(before, documents, strict=True)
    ]


def _may_fork() -> bool:
    if connection.in_atomic_block:  # a second connection would not see the batch
        return False
    return not (connection.vendor == "sqlite" and connection.is_in_memory_db())


class Announcer:
    """Sends ``works_imported`` for the batches of one import; ``close`` when it ends."""

    def __init__(self, parallel: bool = False, align: str = "import"):
        self.parallel = parallel
        # "job": the receivers leave the alignment to the job worker (``havza import --align
        # job``), which costs the import next to nothing: no second process is forked for it.
        self.align = align
        self._pool: ProcessPoolExecutor | None = None
        self._pending: tuple[Future, list[dict], list[int]] | None = None

    def send(self, work_ids: list[int], documents: list[dict], more: bool = False) -> None:
        """Announce a committed batch; MORE: other batches follow it in this import."""
        self.wait()
        in_process = self.align == "job" or not (self.parallel and more and _may_fork())
        if self._pool is None and in_process:
            works_imported.send(Work, work_ids=work_ids, documents=documents, align=self.align)
            return
        if self._pool is None:
            context = get_context("fork")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_own_connections)
        self._pending = (self._pool.submit(_send, work_ids, documents), documents, work_ids)

    def wait(self) -> None:
        """Wait for the batch in flight, and copy what its receivers reported."""
        if self._pending is None:
            return
        future, documents, work_ids = self._pending
        self._pending = None
        try:
            added = future.result()
        except BrokenProcessPool:  # the process died: the batch is announced here instead
            self._pool = None
            works_imported.send(Work, work_ids=work_ids, documents=documents)
            return
        for document, fields in zip(documents, added, strict=True):
            document.update(fields)

    def close(self) -> None:
        try:
            self.wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None
