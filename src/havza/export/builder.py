"""The static export: every public page, feed, sitemap and asset, written through the same
renderer as the live site.

Every kind of page in the catalogue (``publishing.pages.catalogue``) names the part of the
build that writes it (its ``task``) and streams its pages from generators that read the
database in chunks, so memory stays bounded however large the archive. The site is written
into a temporary directory beside the target and swapped in atomically (see ``swap``):
readers of the old site never see a half-written one, and an interrupted build leaves the old
site untouched.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.urls import set_script_prefix

from havza import languages
from havza.export import during_build, files, hooks, pdfs, steps
from havza.export import staging as staging_folders
from havza.export.files import file_for
from havza.export.states import UNKNOWN
from havza.export.swap import swap_directory
from havza.publishing import assets, pages
from havza.publishing.pages import catalogue, companions
from havza.publishing.pages.catalogue import PageStream

__all__ = ["BuildResult", "Task", "build", "estimate_tasks", "file_for", "plan", "run_task"]


# Running the build ------------------------------------------------------------------------


@dataclass
class Task:
    """One independent part of the export, run in this process or a worker."""

    name: str
    args: tuple = ()

    def streams(self, site: pages.Site) -> PageStream:
        return TASKS[self.name](site, *self.args)


def _works(site: pages.Site, shard: int = 0, shards: int = 1) -> PageStream:
    return catalogue.kind("work").build(site, None, shard, shards)


def _per_language(task: str) -> Callable[..., PageStream]:
    return lambda site, lang: catalogue.build_task(task, site, lang)


TASKS: dict[str, Callable[..., PageStream]] = {
    "works": _works,
    "listings": _per_language("listings"),
    "topics": _per_language("topics"),
    "entities": _per_language("entities"),
    "site": lambda site: catalogue.build_task("site", site),
    "pdfs": pdfs.stream,  # the statement PDFs not kept from before, once the pages are written
}


def plan(jobs: int) -> list[Task]:
    """The tasks, largest first: the work pages' shards, then the site's own files (its
    sitemaps: 25 s of CPU at 10,000 statements, in one process), then the many small tasks of
    each language, so that no process is left with a long task while the others idle."""
    shards = max(1, jobs)
    tasks = [Task("works", (i, shards)) for i in range(shards)]
    tasks.append(Task("site"))
    for lang in languages.codes():
        tasks += [Task("listings", (lang,)), Task("topics", (lang,)), Task("entities", (lang,))]
    return tasks


def run_task(
    task: Task, out: str, base_url: str, replace: bool = False, previous: str | None = None
) -> tuple[str, int, int, list[pdfs.Item]]:
    """Render one task into OUT; returns (task name, pages, bytes, the statement PDFs left
    to render). REPLACE: OUT is being served, each file is replaced atomically. PREVIOUS:
    the export OUT will replace, whose files are linked where a page has not changed."""
    prefix = files.script_prefix(base_url)
    set_script_prefix(prefix)
    site = pages.Site(base_url)
    count = size = 0
    root = Path(out)
    old = Path(previous) if previous else None
    with pages.remembering_items(), companions.pdfs_later() as later:
        for url_path, body in task.streams(site):
            target = files.file_for(root, url_path, prefix)
            if replace:
                files.write_if_changed(target, body)
                size += len(body)
            else:
                before = files.file_for(old, url_path, prefix) if old else None
                size += files.write(target, body, before)
            count += 1
    return task.name, count, size, list(later)


def copy_static(out: Path, previous: Path | None = None) -> int:
    """Write the public site's assets (not the admin's) to OUT/static/, under their plain
    and their fingerprinted names (``publishing.assets``), linked from PREVIOUS (the export
    OUT replaces) where they have not changed."""
    count = 0
    folder = settings.STATIC_URL.strip("/")
    root = out / folder
    for asset in assets.manifest().values():
        for name in (asset.name, asset.hashed):
            before = previous / folder / name if previous else None
            files.write(root / name, asset.body, before)  # with .gz and .br beside text files
        count += 1
    return count


@dataclass
class BuildResult:
    out: Path
    pages: int = 0
    bytes: int = 0
    assets: int = 0
    seconds: float = 0.0
    per_task: dict[str, int] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)  # what the other apps' steps report
    pdfs: int = 0  # statement PDFs rendered after the pages
    pages_seconds: float = 0.0  # until every page was written (and swapped in, PDFs after)
    pdf_seconds: float = 0.0  # rendering the PDFs not kept from before
    pdf_jobs: int = 0  # jobs queued to render them (--pdfs job)
    republished: int = 0  # translations edited during the build, republished into its tree


def build(
    out: Path,
    *,
    base_url: str | None = None,
    jobs: int = 1,
    progress: Callable[[str, int], None] | None = None,
    pdfs_after: bool = False,
    pdfs_queued: bool = False,
) -> BuildResult:
    """Export the whole public site into OUT, replacing what was there only when complete.
    PDFS_AFTER: swap the pages in first, then render the statement PDFs not kept from before
    into the live OUT (their links lead nowhere until then). PDFS_QUEUED: swap the pages in
    and leave those PDFs to the job worker (``pdfs.rewrite``, a few hundred per job)."""
    started = time.perf_counter()
    out = Path(out).resolve()
    base_url = (base_url or settings.HAVZA_BASE_URL).rstrip("/")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging_folders.remove_stale(out)  # what killed builds left
    staging = staging_folders.folder_for(out)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    result = BuildResult(out)
    previous = out if out.is_dir() else None  # unchanged files are linked from it
    pool = None
    try:
        with files.locked(out):
            during_build.start(out)
        if jobs > 1:
            connections.close_all()  # each worker opens its own connection
            pool = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=get_context("fork"),
                initializer=staging_folders.bind_worker_to_parent,
                initargs=(os.getpid(),),
            )
        later = _run(pool, plan(jobs), staging, base_url, result, progress, previous=previous)
        result.assets = copy_static(staging, previous)
        result.steps = steps.run(staging, base_url, previous)
        pdf_tasks = [Task("pdfs", (chunk,)) for chunk in pdfs.chunks(later, jobs)]
        if not (pdfs_after or pdfs_queued):
            pdfs_started = time.perf_counter()
            _run(pool, pdf_tasks, staging, base_url, result, progress, previous=previous)
            result.pdf_seconds = time.perf_counter() - pdfs_started
        with files.locked(out):  # not while a republish or a job writes into the old tree
            swap_directory(staging, out)
            edited = during_build.taken(out)
        if edited:  # saved while the build ran, maybe after it wrote their pages
            hooks.republish_into(out, dict.fromkeys(edited, UNKNOWN))
            result.republished = len(edited)
        result.pages_seconds = time.perf_counter() - started - result.pdf_seconds
        if pdfs_queued:
            result.pdf_jobs = pdfs.queue(out, later)
        elif pdfs_after:
            pdfs_started = time.perf_counter()
            _run(pool, pdf_tasks, out, base_url, result, progress, replace=True)
            result.pdf_seconds = time.perf_counter() - pdfs_started
        result.pdfs = len(later)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        during_build.end(out)
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        set_script_prefix("/")
    result.seconds = time.perf_counter() - started
    return result


def _run(
    pool, tasks, folder: Path, base_url: str, result, progress, replace=False, previous=None
) -> list:
    """Run TASKS into FOLDER, in POOL's processes (or this one); the PDFs they left."""
    later: list[pdfs.Item] = []
    old = str(previous) if previous else None
    if pool is None:
        outcomes = (run_task(t, str(folder), base_url, replace, old) for t in tasks)
    else:
        futures = [pool.submit(run_task, t, str(folder), base_url, replace, old) for t in tasks]
        outcomes = (future.result() for future in futures)
    for name, count, size, left in outcomes:
        _account(result, name, count, size, progress)
        later += left
    return later


def _account(result: BuildResult, name: str, count: int, size: int, progress) -> None:
    result.pages += count
    result.bytes += size
    result.per_task[name] = result.per_task.get(name, 0) + count
    if progress:
        progress(name, count)


def estimate_tasks(jobs: int) -> int:
    return len(plan(jobs))
