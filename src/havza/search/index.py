"""Keeping the index current: index, remove and rebuild, in the database the content is in.

The index lives in the same database as the works, so a write to it is part of the
transaction that changed the content: a rolled-back save leaves no trace in the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.db import transaction

from havza.publishing.models import Translation
from havza.search import backends
from havza.search.documents import entry_for
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
    """Index a translation just created (its work loaded or loadable)."""
    backends.get(using).write([entry_for(translation)])


def index_work(work_id: int, using: str = "default") -> None:
    """A work's kind or date changed: its translations' entries follow."""
    ids = Translation.objects.using(using).filter(work_id=work_id).values_list("pk", flat=True)
    stale = (
        SearchDocument.objects.using(using)
        .filter(work_id=work_id)
        .values_list("translation_id", flat=True)
    )
    index_translations({*ids, *stale}, using)


def remove_translations(ids: Iterable[int], using: str = "default") -> None:
    backends.get(using).delete(list(ids))


def _batches(using: str) -> Iterator[list[Translation]]:
    last = 0
    while True:
        batch = list(_published(using=using).filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def reindex(using: str = "default", progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index from the published translations; returns how many."""
    backend = backends.get(using)
    count = 0
    with transaction.atomic(using=using):
        backend.clear()
        for batch in _batches(using):
            backend.write([entry_for(t) for t in batch])
            count += len(batch)
            if progress:
                progress(len(batch))
        backend.optimize()
    return count


def published_count(using: str = "default") -> int:
    return Translation.objects.using(using).filter(status=Translation.Status.PUBLISHED).count()
