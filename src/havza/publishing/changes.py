"""Units of work: changes to works that are published together once they are committed.

An editor's save on the work screen, a workflow action, an import batch: each changes a work
and its translations in several saves. What depends on the published pages (the static
export) must see the whole change at once: what the pages showed *before* the first save, and
what they show after the last one is committed. So the code that makes such a change wraps it:

    with changes.changing([work.pk]) as unit:
        ...                      # saves of the work, its translations, authors, signatories
        unit.add(new_work.pk)    # works found or created on the way

Apps built on ``publishing`` register an ``Observer`` at ready() (``observe``). Each is asked
for a snapshot of the works when they join the unit, and called once with all snapshots
after the outermost unit commits; nothing is called when it rolls back, or when no model was
saved or deleted inside it. Units nest: an inner unit joins the outer one. Saves outside any
unit are each their own change (observers see them through model signals).

Work that belongs in the unit's own transaction but is cheaper done once for all its saves
(the search index of an import batch) is deferred with ``unit.before_commit(key, func)``:
FUNC runs once, at the end of the outermost unit, still inside its transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, Protocol

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


class Observer(Protocol):
    """Something that depends on published works (the static export)."""

    def snapshot(self, work_ids: set[int]) -> dict:
        """What it shows of WORK_IDS now: a dict merged across the unit (first value wins)."""
        ...

    def committed(self, before: dict) -> None:
        """The unit committed: bring what it shows in line with the database."""
        ...


OBSERVERS: list[Observer] = []


def observe(observer: Observer) -> None:
    """Register OBSERVER (once) for every unit of work."""
    if observer not in OBSERVERS:
        OBSERVERS.append(observer)


class Unit:
    """The works one unit of work changes, and what each observer saw of them before."""

    def __init__(self) -> None:
        self.work_ids: set[int] = set()
        self.before: list[dict] = [{} for _ in OBSERVERS]
        self.observers = list(OBSERVERS)
        self.saved = False  # a model was saved or deleted inside the unit
        # What apps gather during the unit (keyed by app), and their before-commit steps.
        self.state: dict[str, Any] = {}
        self._before_commit: dict[str, Callable[[], None]] = {}

    def add(self, *work_ids: int | Iterable[int]) -> None:
        """Add works to the unit: their state now is their state before the unit."""
        ids: set[int] = set()
        for value in work_ids:
            values = [value] if value is None or isinstance(value, int) else value
            ids |= {int(v) for v in values if v is not None}  # a new work has no id yet
        new = ids - self.work_ids
        if not new:
            return
        self.work_ids |= new
        for observer, before in zip(self.observers, self.before, strict=True):
            for key, value in observer.snapshot(new).items():
                before.setdefault(key, value)

    def mark_changed(self) -> None:
        """Say that the unit changed something: needed after bulk writes (``bulk_create``,
        ``update``), which send no model signals."""
        self.saved = True

    def before_commit(self, key: str, func: Callable[[], None]) -> None:
        """Run FUNC (once per KEY) when the outermost unit ends, inside its transaction."""
        self._before_commit.setdefault(key, func)

    def _flush(self) -> None:
        while self._before_commit:
            key = next(iter(self._before_commit))
            self._before_commit.pop(key)()

    def _commit(self) -> None:
        if not self.saved:
            return
        for observer, before in zip(self.observers, self.before, strict=True):
            observer.committed(before)


_local = threading.local()


def current() -> Unit | None:
    """The unit of work in progress in this thread, if any."""
    return getattr(_local, "unit", None)


@contextmanager
def changing(work_ids: Iterable[int] = (), *, using: str | None = None) -> Iterator[Unit]:
    """Run the block as one unit of work on WORK_IDS (more may be added with ``unit.add``),
    in one transaction; observers publish it once, after the outermost unit commits."""
    outer = current()
    if outer is not None:
        with transaction.atomic(using=using):
            outer.add(work_ids)
            yield outer
        return
    unit = Unit()
    _local.unit = unit
    try:
        with transaction.atomic(using=using):
            unit.add(work_ids)
            yield unit
            unit._flush()
            transaction.on_commit(unit._commit, using=using)
    finally:
        _local.unit = None


def changes_works(work_ids_of):
    """Decorator: run the function as one unit of work on ``work_ids_of(*args, **kwargs)``
    (a work id or several)."""

    def decorate(function):
        @wraps(function)
        def wrapper(*args, **kwargs):
            ids = work_ids_of(*args, **kwargs)
            with changing([ids] if isinstance(ids, int) else ids):
                return function(*args, **kwargs)

        return wrapper

    return decorate


def _saved(sender: Any, **kwargs) -> None:
    unit = current()
    if unit is not None and not kwargs.get("raw"):
        unit.saved = True


post_save.connect(_saved, dispatch_uid="havza-changes-saved")
post_delete.connect(_saved, dispatch_uid="havza-changes-deleted")
m2m_changed.connect(_saved, dispatch_uid="havza-changes-m2m")
