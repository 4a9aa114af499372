"""Which kept pages a committed change invalidates: the pages the export would republish.

A unit of work (``publishing.changes``: the work screen's save, a workflow action, a
scheduled publication, an import batch, a statement's new signatures) records the state of
its works in every language when it starts; once it commits, the republish plan of the
export (``export.planning``) names the pages that change can affect — the work's pages in
every language, the listing pages between its old and new places, home, feeds, topic,
organization, person and event pages, sitemap files — and exactly those are invalidated.

Everything else that public pages show is invalidated whole, once its transaction commits:
a rename of an organization, a person, a topic or an event (they appear on many pages), a
save of a work, translation or credit outside any unit (a shell), a unit whose previous
state is not known, a unit of more than ``MANY_WORKS`` works (an import batch: the plan
would cost more than rendering again).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from urllib.parse import unquote_to_bytes

from django.db import transaction
from django.urls import get_script_prefix, set_script_prefix

from havza.export.planning import plan
from havza.export.states import UNKNOWN, of_works
from havza.publishing import changes, pages
from havza.serving import store

log = logging.getLogger("havza.serving")

# A unit of more works than this (an import batch) drops every kept page: planning its pages
# costs more than rendering them again, and import batches made the plan most of an import's
# time. Editors' saves change one work, a few at most.
MANY_WORKS = 10
# Public models whose changes a unit of work follows (each belongs to one work).
WORK_MODELS = frozenset({"work", "translation", "authorship", "signatory", "work_topics"})
# Apps whose models public pages show.
PUBLIC_APPS = frozenset({"publishing", "network"})
EVERYTHING = object()


def paths_of(before: dict) -> set[str] | object:
    """The addresses of the pages the changes in BEFORE affect (EVERYTHING when it is not
    known which)."""
    if not before:
        return set()
    if any(state is UNKNOWN for state in before.values()):
        return EVERYTHING
    if len({work for work, _lang in before}) > MANY_WORKS:
        return EVERYTHING
    previous = get_script_prefix()
    set_script_prefix("/")  # addresses as the live site's PATH_INFO has them
    try:
        todo, _after = plan(before, pages.Site(), out=store_root(), prefix="/")
    finally:
        set_script_prefix(previous)
    return {as_path_info(p) for p in (*todo.render, *todo.remove)}


def as_path_info(url_path: str) -> str:
    """A reversed address (percent-encoded) as a WSGI server gives it in PATH_INFO."""
    return unquote_to_bytes(url_path).decode("latin-1")


def store_root() -> Path:
    return Path("/nonexistent-export")  # the plan reads no export for known states


def invalidate(paths: set[str] | object) -> None:
    """Invalidate PATHS in the store of every process (EVERYTHING: every page)."""
    try:
        if paths is EVERYTHING:
            store.get().flush()
        elif paths:
            store.get().invalidate(paths)
    except Exception:
        # A page must never outlive a change: when the store cannot be told, say so loudly.
        log.exception("Could not invalidate the kept pages %s", paths)
        raise


class PageCacheObserver:
    """Invalidates, once a unit of work commits, the pages it affects."""

    def snapshot(self, work_ids: set[int]) -> dict:
        # Works join a unit one save at a time: once it holds too many to plan, the state of
        # the next ones is not needed (nor worth its queries).
        unit = changes.current()
        if len(work_ids) > MANY_WORKS or (unit is not None and len(unit.work_ids) > MANY_WORKS):
            return {(w, "*"): UNKNOWN for w in work_ids}
        try:
            return of_works(work_ids)
        except Exception:
            log.exception("Could not record what the pages of works %s show", work_ids)
            return {(w, "*"): UNKNOWN for w in work_ids}

    def committed(self, before: dict) -> None:
        try:
            paths = paths_of(before)
        except Exception:
            log.exception("Could not plan the pages of %s: every kept page is dropped", before)
            paths = EVERYTHING
        invalidate(paths)


OBSERVER = PageCacheObserver()


class _Flush:
    """Invalidates every kept page, once for all the flushes of one commit."""

    def __init__(self) -> None:
        _flushes.registered = getattr(_flushes, "registered", 0) + 1
        self.number = _flushes.registered

    def __call__(self) -> None:
        if self.number <= getattr(_flushes, "covered", 0):
            return  # a flush of the same commit, registered after this one, ran
        _flushes.covered = getattr(_flushes, "registered", 0)
        invalidate(EVERYTHING)


_flushes = threading.local()  # one database connection per thread: one commit at a time


def _flush_on_commit() -> None:
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_Flush())
    else:
        invalidate(EVERYTHING)


def changed(sender, instance=None, raw=False, **kwargs) -> None:
    """Receiver of post_save, post_delete and m2m_changed for every model."""
    if raw:
        return
    meta = sender._meta
    if meta.app_label not in PUBLIC_APPS:
        return
    if meta.model_name in WORK_MODELS and changes.current() is not None:
        return  # the unit plans it
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    _flush_on_commit()


def _work_ids(sender, instance, kwargs) -> list[int]:
    name = sender._meta.model_name
    if name == "work":
        return [instance.pk]
    if name == "work_topics":  # m2m: the instance is a work, or a topic given its works
        if instance.__class__._meta.model_name == "work":
            return [instance.pk]
        return list(kwargs.get("pk_set") or ())
    ids = [getattr(instance, "work_id", None)]
    if instance.pk is not None:  # a translation or credit may move to another work
        ids += sender.objects.filter(pk=instance.pk).values_list("work_id", flat=True)
    return ids


def before_change(sender, instance=None, raw=False, **kwargs) -> None:
    """Receiver of pre_save, pre_delete and m2m_changed: a change inside a unit of work
    adds its work to the unit before it is made (the unit records its state then)."""
    if raw or instance is None:
        return
    if sender._meta.app_label != "publishing" or sender._meta.model_name not in WORK_MODELS:
        return
    action = kwargs.get("action")
    if action is not None and not action.startswith("pre_"):
        return
    unit = changes.current()
    if unit is None:
        return
    try:
        unit.add(_work_ids(sender, instance, kwargs))
    except Exception:
        log.exception("Could not record the state of the work of %r", instance)
