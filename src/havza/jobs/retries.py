"""Jobs that are tried again when they fail.

A job made with ``job()`` runs the function; when it raises, the failure is recorded as it is
(status FAILED, the exception and its traceback, in the admin under "Task results") and,
unless it was the last attempt, the same job is enqueued again to run after a delay that
doubles each time: 1, 2, 4, 8 minutes... Each attempt is its own row in the admin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task, TaskContext

ATTEMPTS = 5
FIRST_DELAY = dt.timedelta(minutes=1)
ATTEMPT_ARGUMENT = "_attempt"


def delay_before(attempt: int) -> dt.timedelta:
    """How long to wait before trying ATTEMPT (2, 3, ...) again."""
    return FIRST_DELAY * 2 ** (attempt - 2)


def job(
    *, attempts: int = ATTEMPTS, priority: int = 0, queue_name: str = "default"
) -> Callable[[Callable[..., Any]], Task]:
    """Decorator: a module-level FUNCTION as a job, tried up to ATTEMPTS times.

    Its arguments must be JSON values (ids, strings), as for any task; ``enqueue`` them.
    """

    def decorate(function: Callable[..., Any]) -> Task:
        def run(context: TaskContext, *args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT_ARGUMENT, 1))
            try:
                return function(*args, **kwargs)
            except Exception:
                if attempt < attempts:
                    again = context.task_result.task.using(
                        run_after=timezone.now() + delay_before(attempt + 1)
                    )
                    again.enqueue(*args, **kwargs, **{ATTEMPT_ARGUMENT: attempt + 1})
                raise

        # The task is found by its module and name when it runs: those of FUNCTION, whose
        # module-level name the decorated job takes.
        run.__module__ = function.__module__
        run.__name__ = function.__name__
        run.__qualname__ = function.__qualname__
        run.__doc__ = function.__doc__
        return task(takes_context=True, priority=priority, queue_name=queue_name)(run)

    return decorate
