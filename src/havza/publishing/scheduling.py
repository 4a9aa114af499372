"""Scheduled publishing: drafts published at the time an editor chose, by the worker.

An editor sets "publish at" on a work (every draft translation of it) or on one translation.
Saving it enqueues a job to run at that time (``run_after``); the job publishes what is due
then, as an editor's save would: one unit of work (``changes``), each translation saved as
published, so the static export, the feeds and the search index follow. A job that finds
nothing due (the time was changed or cleared since) does nothing: the job of the new time
does it. Apps built on ``publishing`` may prepare a translation's public text or refuse it
(``PREPARERS``; the workspace writes in its approved segments).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext

from havza.jobs.retries import job
from havza.publishing import changes, history
from havza.publishing.models import Translation, Work

log = logging.getLogger(__name__)


class NotReady(Exception):
    """A translation that cannot be published yet (its message says why)."""


# Called with each translation about to be published (its status already "published");
# may write its public text, or raise NotReady to leave it a draft.
PREPARERS: list[Callable[[Translation], None]] = []


def due(work: Work, now: dt.datetime) -> list[Translation]:
    """The draft translations of WORK whose publication (or the work's) is due at NOW."""
    whole = work.publish_at is not None and work.publish_at <= now
    drafts = Translation.objects.filter(work=work, status=Translation.Status.DRAFT)
    return [t for t in drafts if whole or (t.publish_at is not None and t.publish_at <= now)]


def publish_due(work_id: int, now: dt.datetime | None = None) -> dict:
    """Publish what is due of the work WORK_ID. Returns the languages published and, for
    those left as drafts, why: ``{"published": ["en"], "not_ready": {"tr": "..."}}``."""
    now = now or timezone.now()
    published: list[str] = []
    not_ready: dict[str, str] = {}
    with changes.changing([work_id]):
        work = Work.objects.select_for_update().filter(pk=work_id).first()
        if work is None:
            return {"published": published, "not_ready": not_ready}
        for translation in due(work, now):
            translation.work = work
            translation.status = Translation.Status.PUBLISHED
            translation.publish_at = None
            try:
                for prepare in PREPARERS:
                    prepare(translation)
            except NotReady as refused:
                log.warning("Not published: %s [%s]: %s", work, translation.language, refused)
                not_ready[translation.language] = str(refused)
                continue
            translation.save()
            published.append(translation.language)
        if work.publish_at is not None and work.publish_at <= now:
            work.publish_at = None
            work.save(update_fields=["publish_at", "published_on", "updated_at"])
        if published:
            done = gettext("Published as scheduled: %(languages)s")
            history.record(work, None, done % {"languages": ", ".join(published)})
    return {"published": published, "not_ready": not_ready}


@job()
def publish_scheduled(work_id: int) -> dict:
    """The worker's job: publish what is due of the work WORK_ID (its result, shown in the
    admin, says what was published and what was left as a draft, and why)."""
    return publish_due(work_id)


def schedule(work_id: int, when: dt.datetime) -> None:
    """Have the worker publish what is due of the work at WHEN, once this transaction commits."""
    transaction.on_commit(lambda: publish_scheduled.using(run_after=when).enqueue(work_id))


def _remember_time(sender, instance, raw=False, **kwargs) -> None:
    instance._publish_at_before = (
        None
        if raw or instance.pk is None or instance.publish_at is None
        else sender.objects.filter(pk=instance.pk).values_list("publish_at", flat=True).first()
    )


def _schedule_on_save(sender, instance, raw=False, **kwargs) -> None:
    when = instance.publish_at
    if raw or when is None or when == getattr(instance, "_publish_at_before", None):
        return
    if sender is Translation and instance.status != Translation.Status.DRAFT:
        return
    schedule(instance.pk if sender is Work else instance.work_id, when)


def connect() -> None:
    """Enqueue a job whenever a work or translation gets a new "publish at" time."""
    for model in (Work, Translation):
        uid = f"havza-scheduling-{model._meta.model_name}"
        pre_save.connect(_remember_time, sender=model, dispatch_uid=uid)
        post_save.connect(_schedule_on_save, sender=model, dispatch_uid=uid)
