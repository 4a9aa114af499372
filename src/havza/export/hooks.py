"""Republishing an editor's change into the static export as soon as it is committed.

When ``HAVZA_EXPORT_DIR`` names a built export, a unit of work (``publishing.changes``:
the work screen's save, a workflow action, an import batch) records what the export showed
of its works in every language before it starts; after it commits, the pages the change
affects are re-rendered there once (see ``republish``). Saves of a translation or a work
outside any unit (a shell) are recorded by model signals instead, each transaction
republished together. The hook never breaks a save: a failure is logged, and the next full
build repairs the export.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.db import transaction

from havza import config
from havza.export import pdfs, republish, sitemap_copies, steps
from havza.publishing import changes
from havza.publishing.models import Translation, Work

log = logging.getLogger("havza.export")


def export_dir() -> Path | None:
    value = config.get("EXPORT_DIR")
    return Path(value) if value else None


class _Batch:
    """The changes of one transaction: (work, language) -> state before the first change."""

    def __init__(self, out: Path, before: dict | None = None):
        self.out = out
        self.before: dict[republish.Key, republish.Before] = before or {}
        self.done = False

    def __call__(self) -> None:
        self.done = True
        try:
            result = republish.republish(self.out, self.before, pdfs_later=True, copies_later=True)
        except Exception:
            log.exception("Republishing %s into %s failed", list(self.before), self.out)
            return
        log.info(
            "Republished %d pages and removed %d in %.3f s",
            len(result.written),
            len(result.removed),
            result.seconds,
        )
        if result.later:
            try:  # statement PDFs cost more than all the pages: rendered in the background
                pdfs.rewrite.enqueue(str(self.out), [list(item) for item in result.later])
            except Exception:
                log.exception("Could not queue the PDFs of %s", self.out)
        if result.copies_later:
            try:  # a large sitemap file's .gz and .br: more than all the pages, in the background
                sitemap_copies.compress.enqueue(str(self.out), result.copies_later)
            except Exception:
                log.exception("Could not queue the compressed sitemap files of %s", self.out)
        if result.written or result.removed:
            try:  # the static search and other apps' parts follow, in the background
                steps.queue_refresh(self.out)
            except Exception:
                log.exception("Could not queue the refresh of %s", self.out)


def republish_into(out: Path, before: dict[republish.Key, republish.Before]) -> None:
    """Republish the translations of BEFORE (key -> what the export showed of it) into the
    export at OUT now, PDFs and large sitemaps' copies left to jobs; failures are logged."""
    _Batch(out, before)()


def _batch(out: Path) -> _Batch:
    """The batch of the current transaction, registered to run once it commits."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        # run_on_commit loses a batch whose transaction or savepoint was rolled back.
        for _sids, func, *_rest in getattr(connection, "run_on_commit", []):
            if isinstance(func, _Batch) and func.out == out and not func.done:
                return func
    batch = _Batch(out)
    if connection.in_atomic_block:
        transaction.on_commit(batch)
    return batch


def _record(keys_and_states: list[tuple[republish.Key, republish.Before]], out: Path) -> None:
    batch = _batch(out)
    for key, state in keys_and_states:
        batch.before.setdefault(key, state)
    if not transaction.get_connection().in_atomic_block:
        batch()  # autocommit: the change is already committed


class ExportObserver:
    """Republishes each unit of work once it commits."""

    def snapshot(self, work_ids: set[int]) -> dict:
        if export_dir() is None:
            return {}
        try:
            return republish.of_works(work_ids)
        except Exception:
            log.exception("Could not record what the export shows of works %s", work_ids)
            return dict.fromkeys(republish.work_keys(work_ids), republish.UNKNOWN)

    def committed(self, before: dict) -> None:
        out = export_dir()
        if out is not None and before:
            republish_into(out, before)


OBSERVER = ExportObserver()


def _guarded(function):
    def receiver(sender, instance, raw=False, **kwargs):
        out = export_dir()
        if raw or out is None:
            return
        unit = changes.current()
        if unit is not None:  # the unit records the change and republishes it
            try:
                if sender is Work:
                    unit.add([instance.pk])
                else:  # a translation may move from one work to another
                    old = Translation.objects.filter(pk=instance.pk).values_list("work_id")
                    unit.add([instance.work_id, *(w for (w,) in old)])
            except Exception:
                log.exception("Could not prepare the republish of %r", instance)
            return
        try:
            function(instance, out, **kwargs)
        except Exception:
            log.exception("Could not prepare the republish of %r", instance)

    return receiver


@_guarded
def before_save(instance: Translation, out: Path, **kwargs) -> None:
    if instance.pk is None:
        return
    old = Translation.objects.filter(pk=instance.pk).values_list("work_id", "language").first()
    if old is not None:
        instance._export_before = (old, republish.states([old])[old])


@_guarded
def after_save(instance: Translation, out: Path, **kwargs) -> None:
    recorded_changes = []
    recorded = instance.__dict__.pop("_export_before", None)
    if recorded is not None:
        recorded_changes.append(recorded)
    recorded_changes.append(((instance.work_id, instance.language), None))
    _record(recorded_changes, out)


@_guarded
def before_delete(instance: Translation, out: Path, **kwargs) -> None:
    key = (instance.work_id, instance.language)
    instance._export_before = (key, republish.states([key])[key])


@_guarded
def after_delete(instance: Translation, out: Path, **kwargs) -> None:
    recorded = instance.__dict__.pop("_export_before", None)
    key = (instance.work_id, instance.language)
    _record([recorded or (key, republish.UNKNOWN)], out)


@_guarded
def before_work_save(instance: Work, out: Path, **kwargs) -> None:
    if instance.pk is not None:
        instance._export_before = republish.of_works([instance.pk])


@_guarded
def after_work_save(instance: Work, out: Path, created: bool = False, **kwargs) -> None:
    if created:
        return  # a new work has no published translation yet
    recorded = instance.__dict__.pop("_export_before", None) or {}
    _record(list({**dict.fromkeys(republish.work_keys([instance.pk])), **recorded}.items()), out)
