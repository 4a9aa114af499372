"""The index follows the content through Django's signals.

Publishing, editing, unpublishing and deleting a translation, and changing its work, reach
the index without a step of their own: ``Translation.save()`` and the bulk creation of
``publishing.bulk`` (which sends ``post_save`` for each row it inserts) both end here.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from havza.publishing.models import Translation, Work
from havza.search import index

UID = "havza.search"


def translation_saved(
    sender, instance, created=False, raw=False, using="default", **kwargs
) -> None:
    if raw:
        return
    if created:
        # A new row (one save, or one of a bulk creation) is indexed from what is in memory,
        # in two inserts; a new draft has nothing to index.
        if instance.status == Translation.Status.PUBLISHED:
            index.index_new(instance, using)
    else:
        index.index_translations([instance.pk], using)


def translation_deleted(sender, instance, using="default", **kwargs) -> None:
    index.remove_translations([instance.pk], using)


def work_saved(sender, instance, created=False, raw=False, using="default", **kwargs) -> None:
    if raw or created:
        return  # a new work has no translations yet
    index.index_work(instance.pk, using)


def connect() -> None:
    post_save.connect(translation_saved, sender=Translation, dispatch_uid=f"{UID}.t")
    post_delete.connect(translation_deleted, sender=Translation, dispatch_uid=f"{UID}.td")
    post_save.connect(work_saved, sender=Work, dispatch_uid=f"{UID}.w")
