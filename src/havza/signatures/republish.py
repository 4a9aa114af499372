"""The statement's pages follow its signatures in batches: the first change in a quiet
minute schedules one job, which republishes whatever arrived until it runs."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from havza.jobs.retries import job
from havza.publishing import changes
from havza.signatures import limits
from havza.signatures.models import Signature, SignOn

BATCH = dt.timedelta(seconds=30)


def schedule_republish(work_id: int) -> None:
    """Have the statement's pages re-rendered within BATCH (once for many signatures)."""

    def enqueue() -> None:
        if cache.add(f"havza:signon:republish:{work_id}", 1, timeout=int(BATCH.total_seconds())):
            republish_statement.using(run_after=timezone.now() + BATCH).enqueue(work_id)

    transaction.on_commit(enqueue)


@job()
def republish_statement(work_id: int) -> None:
    """Republish the pages that show WORK_ID's signatures (the static export, if any)."""
    with changes.changing([work_id]) as unit:
        unit.mark_changed()


def schedule_purge(sign_on_id: int, when) -> None:
    """Have ``purge_statement`` run at WHEN (at most one job per statement and day)."""

    def enqueue() -> None:
        key = f"havza:signon:purge:{sign_on_id}:{when.date().isoformat()}"
        if cache.add(key, 1, timeout=86400):
            purge_statement.using(run_after=when).enqueue(sign_on_id)

    transaction.on_commit(enqueue)


@job()
def purge_statement(sign_on_id: int) -> dict:
    """Delete the statement's expired unconfirmed signatures; once it is closed, its emails."""
    return purge(sign_on_ids=[sign_on_id])


def purge(*, now=None, sign_on_ids=None) -> dict[str, int]:
    """Delete unconfirmed signatures older than their statement's purge days; drop the email
    addresses of closed statements that say so (their counts and countries stay); forget
    the rate limit counts whose window has ended."""
    now = now or timezone.now()
    deleted = dropped = 0
    sign_ons = SignOn.objects.all()
    if sign_on_ids is not None:
        sign_ons = sign_ons.filter(pk__in=sign_on_ids)
    for sign_on in sign_ons:
        old = now - dt.timedelta(days=sign_on.purge_days)
        deleted += sign_on.signatures.filter(
            status=Signature.Status.UNCONFIRMED, created_at__lt=old
        ).delete()[0]
        if sign_on.drop_emails_on_close and not sign_on.is_accepting(now):
            dropped += sign_on.signatures.exclude(email="").update(email="")
    expired = limits.forget_expired(now=now)
    return {"deleted": deleted, "emails_dropped": dropped, "limit_counts_expired": expired}
