"""Running jobs: the worker loop of django-tasks-db, and one pass over the jobs due now."""

from __future__ import annotations

from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_due_jobs(*, backend: str = "default", queues: str = "*") -> int:
    """Run every job that is due now, one after the other, then return how many ran.

    Jobs enqueued while running (a retry after its delay, a job due later) wait for a later
    pass. This is the worker's own loop in its ``--batch`` mode.
    """
    before = DBTaskResult.objects.finished().count()
    Worker(
        queue_names=queues.split(","),
        interval=0,
        batch=True,
        backend_name=backend,
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    ).run()
    return DBTaskResult.objects.finished().count() - before
