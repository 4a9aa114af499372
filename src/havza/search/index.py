"""Keeping the index current: index, remove and rebuild, in the database the content is in.

The index lives in the same database as the works, so a write to it is part of the
transaction that changed the content: a rolled-back save leaves no trace in the index.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from django.db import connections, transaction

from havza.publishing.models import Translation
from havza.search import backends
from havza.search.documents import Entry, entry, entry_for
from havza.search.models import SearchDocument

BATCH = 500


def _published(ids: Iterable[int] | None = None, using: str = "default"):
    qs = (
        Translation.objects.using(using)
        .filter(status=Translation.Status.PUBLISHED)
        .select_related("work")
        .only(
            "id",
            "language",
            "title",
            "subtitle",
            "excerpt",
            "body_html",
            "published_at",
            "work__id",
            "work__kind",
            "work__published_on",
        )
    )
    return qs if ids is None else qs.filter(pk__in=list(ids))


def index_translations(ids: Iterable[int], using: str = "default") -> None:
    """Bring the index up to date for the translations IDS: published ones are (re)written,
    the others (drafts, unpublished, deleted) leave it."""
    ids = set(ids)
    if not ids:
        return
    backend = backends.get(using)
    translations = list(_published(ids, using))
    with transaction.atomic(using=using):
        backend.write([entry_for(t) for t in translations])
        gone = ids - {t.pk for t in translations}
        if gone:
            backend.delete(sorted(gone))


def index_new(translation: Translation, using: str = "default") -> None:
    """Index a translation just created (its work loaded or loadable): no entry of it can
    exist yet."""
    backends.get(using).write([entry_for(translation)], fresh=True)


def translation_ids_of_work(work_id: int, using: str = "default") -> set[int]:
    """The translations of a work, and those the index still files under it."""
    ids = Translation.objects.using(using).filter(work_id=work_id).values_list("pk", flat=True)
    stale = (
        SearchDocument.objects.using(using)
        .filter(work_id=work_id)
        .values_list("translation_id", flat=True)
    )
    return {*ids, *stale}


def index_work(work_id: int, using: str = "default") -> None:
    """A work's kind or date changed: its translations' entries follow."""
    index_translations(translation_ids_of_work(work_id, using), using)


def remove_translations(ids: Iterable[int], using: str = "default") -> None:
    backends.get(using).delete(list(ids))


ROW = ("id", "work_id", "language", "work__kind", "work__published_on", "published_at",
       "title", "subtitle", "excerpt", "body_html")  # fmt: skip


def _batches(using: str) -> Iterator[list[tuple]]:
    """The published translations in batches of rows for ``entry`` (plain tuples: no model
    instances to make)."""
    last = 0
    published = Translation.objects.using(using).filter(status=Translation.Status.PUBLISHED)
    while True:
        batch = list(published.filter(pk__gt=last).order_by("pk").values_list(*ROW)[:BATCH])
        if not batch:
            return
        yield [_fields(*row) for row in batch]
        last = batch[-1][0]


def _fields(pk, work, language, kind, published_on, published_at, *texts) -> tuple:
    published = published_on or (published_at.date() if published_at else None)
    return (pk, work, language, kind, published, *texts)


def _analyze(rows: list[tuple], vendors: tuple[str, ...] = ()) -> list[Entry]:
    return backends.prepared([entry(*row) for row in rows], vendors)


def reindex(
    using: str = "default", progress: Callable[[int], None] | None = None, jobs: int = 1
) -> int:
    """Rebuild the whole index from the published translations; returns how many.

    With JOBS > 1 the analysis (most of the time) runs in that many worker processes while
    this one reads the next batch and writes the last.
    """
    backend = backends.get(using)
    count = 0
    rows = _batches(using)
    vendors = (connections[using].vendor,)
    with transaction.atomic(using=using):
        backend.begin_rebuild()
        for entries in _analyzed(rows, jobs, vendors):
            backend.write(entries, fresh=True)
            count += len(entries)
            if progress:
                progress(len(entries))
        backend.optimize()
    return count


def _analyzed(
    batches: Iterator[list[tuple]], jobs: int, vendors: tuple[str, ...] = ()
) -> Iterator[list[Entry]]:
    """The entries of each batch, in order, analyzed by JOBS processes (at most two batches
    per process waiting, so that memory stays bounded), prepared for the backends of
    VENDORS."""
    if jobs <= 1:
        yield from (_analyze(batch, vendors) for batch in batches)
        return
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
        waiting: deque = deque()
        for batch in batches:
            waiting.append(pool.submit(_analyze, batch, vendors))
            if len(waiting) >= 2 * jobs:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()


def published_count(using: str = "default") -> int:
    return Translation.objects.using(using).filter(status=Translation.Status.PUBLISHED).count()
