"""The index follows the content through Django's signals.

Publishing, editing, unpublishing and deleting a translation, and changing its work, reach
the index without a step of their own: ``Translation.save()`` and the bulk creation of
``publishing.bulk`` (which sends ``post_save`` for each row it inserts) both end here.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from havza.publishing import bulk, changes
from havza.publishing.models import Translation, Work
from havza.search import documents, index

UID = "havza.search"


def _deferred(using: str, translation_id: int | None = None, work_id: int | None = None) -> bool:
    """Inside a unit of work (an import batch, the work screen's save), remember what to
    index and index it once, at the end of the unit and in its transaction: one batch of
    writes instead of a few for every save. False outside a unit."""
    unit = changes.current()
    if unit is None:
        return False
    key = f"{UID}:{using}"
    pending = unit.state.get(key)
    if pending is None:
        pending = unit.state[key] = {"translations": set(), "works": set()}
        unit.before_commit(key, lambda: _flush(using, pending))
    if translation_id is not None:
        pending["translations"].add(translation_id)
    if work_id is not None:
        pending["works"].add(work_id)
    return True


def _flush(using: str, pending: dict) -> None:
    ids = set(pending["translations"])
    for work_id in pending["works"]:
        ids |= index.translation_ids_of_work(work_id, using)
    for start in range(0, len(ids), index.BATCH):
        index.index_translations(sorted(ids)[start : start + index.BATCH], using)


def translation_saved(
    sender, instance, created=False, raw=False, using="default", **kwargs
) -> None:
    if raw or _deferred(using, translation_id=instance.pk):
        return
    if created:
        # A new row (one save, or one of a bulk creation) is indexed from what is in memory,
        # in two inserts; a new draft has nothing to index.
        if instance.status == Translation.Status.PUBLISHED:
            index.index_new(instance, using)
    else:
        index.index_translations([instance.pk], using)


def translation_deleted(sender, instance, using="default", **kwargs) -> None:
    # Not deferred: its id would be gone from the unit's end (a deleted row is not found
    # there, so a pending entry of it is removed then anyway).
    index.remove_translations([instance.pk], using)


def work_saved(sender, instance, created=False, raw=False, using="default", **kwargs) -> None:
    if raw or created:
        return  # a new work has no translations yet
    if not _deferred(using, work_id=instance.pk):
        index.index_work(instance.pk, using)


def ahead(derived: bulk.Derived) -> dict:
    """What the backends of the default database write of the texts of DERIVED (a new
    translation's), made ahead by ``publishing.bulk.AHEAD`` where it was derived."""
    from django.db import connections

    from havza.search.backends import prepared

    texts = (derived.title, derived.subtitle, derived.excerpt, derived.body_html)
    analyzed = documents.analyzed(0, 0, derived.language, "", None, *texts)
    return prepared([analyzed], (connections["default"].vendor,))[0].prepared or {}


def connect() -> None:
    # A new translation's terms are analyzed where its text is derived (an import's workers).
    bulk.AHEAD["search"] = ahead
    post_save.connect(translation_saved, sender=Translation, dispatch_uid=f"{UID}.t")
    post_delete.connect(translation_deleted, sender=Translation, dispatch_uid=f"{UID}.td")
    post_save.connect(work_saved, sender=Work, dispatch_uid=f"{UID}.w")
