"""Parts of the static export that other apps write: the static search, for one.

An export is complete only with them, and the apps that write them sit beside ``export``
(they may not import each other), so the project names them in ``settings.HAVZA_BUILD_STEPS``
(dotted paths, as Django names middleware). Each step is called as
``step(folder, site, write)``: FOLDER is the site being built (the staging folder of a full
build, which is swapped in only once every step has run), SITE the build's ``pages.Site`` and
``write(url_path, body)`` writes a page where the build writes it (the base URL's path, the
``.gz``/``.br`` siblings); it returns a line for the build's report.

Republishing changes a few pages in place; the steps' output then follows in the background
(``refresh``, a job), once for a burst of changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from django.conf import settings
from django.urls import set_script_prefix
from django.utils.module_loading import import_string

from havza.export import files
from havza.jobs.retries import job
from havza.publishing import pages

log = logging.getLogger("havza.export")

Step = Callable[[Path, pages.Site, Callable[[str, bytes], int]], str]


def configured() -> list[Step]:
    return [import_string(path) for path in getattr(settings, "HAVZA_BUILD_STEPS", [])]


def _write(root: Path, prefix: str, previous: Path | None, url_path: str, body: bytes) -> int:
    before = files.file_for(previous, url_path, prefix) if previous else None
    return files.write(files.file_for(root, url_path, prefix), body, before)


def run(folder: Path, base_url: str, previous: Path | None = None) -> list[str]:
    """Run every step on the site in FOLDER, built for BASE_URL; their report lines.
    PREVIOUS: the export FOLDER will replace (its unchanged files are linked, not written)."""
    prefix = files.script_prefix(base_url)
    set_script_prefix(prefix)
    try:
        site = pages.Site(base_url)
        write = partial(_write, Path(folder), prefix, previous)
        return [step(Path(folder), site, write) for step in configured()]
    finally:
        set_script_prefix("/")


@job(attempts=3)
def refresh(out: str) -> list[str]:
    """Bring the steps' part of the export at OUT up to date after republishing."""
    from havza.export.republish import base_url_of

    folder = Path(out)
    if not folder.is_dir():
        return []
    return run(folder, (base_url_of(folder) or settings.HAVZA_BASE_URL).rstrip("/"))


def queue_refresh(out: Path) -> None:
    """Queue ``refresh`` for OUT unless one is already waiting (a burst of saves, one run)."""
    if not configured():
        return
    try:
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(
            task_path=f"{refresh.func.__module__}.{refresh.func.__name__}", status="READY"
        ).values_list("args_kwargs", flat=True)
        queued = any((a or {}).get("args", [None])[0] == str(out) for a in waiting)
    except Exception:  # another job backend: queue it anyway
        log.debug("Could not look for a waiting refresh of %s", out, exc_info=True)
        queued = False
    if not queued:
        refresh.enqueue(str(out))
