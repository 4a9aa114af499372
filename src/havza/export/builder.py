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
from havza.export import files, steps
from havza.export import staging as staging_folders
from havza.export.files import file_for
from havza.export.swap import swap_directory
from havza.publishing import assets, pages
from havza.publishing.pages import catalogue
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
}


def plan(jobs: int) -> list[Task]:
    shards = max(1, jobs)
    tasks = [Task("works", (i, shards)) for i in range(shards)]
    for lang in languages.codes():
        tasks += [Task("listings", (lang,)), Task("topics", (lang,)), Task("entities", (lang,))]
    tasks.append(Task("site"))
    return tasks


def run_task(task: Task, out: str, base_url: str) -> tuple[str, int, int]:
    """Render one task into OUT; returns (task name, pages, bytes)."""
    prefix = files.script_prefix(base_url)
    set_script_prefix(prefix)
    site = pages.Site(base_url)
    count = size = 0
    root = Path(out)
    with pages.remembering_items():
        for url_path, body in task.streams(site):
            size += files.write(files.file_for(root, url_path, prefix), body)
            count += 1
    return task.name, count, size


def copy_static(out: Path) -> int:
    """Write the public site's assets (not the admin's) to OUT/static/, under their plain
    and their fingerprinted names (``publishing.assets``)."""
    count = 0
    root = out / settings.STATIC_URL.strip("/")
    for asset in assets.manifest().values():
        for name in (asset.name, asset.hashed):
            files.write(root / name, asset.body)  # with .gz and .br beside text files
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


def build(
    out: Path,
    *,
    base_url: str | None = None,
    jobs: int = 1,
    progress: Callable[[str, int], None] | None = None,
) -> BuildResult:
    """Export the whole public site into OUT, replacing what was there only when complete."""
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
    tasks = plan(jobs)
    try:
        if jobs > 1:
            connections.close_all()  # each worker opens its own connection
            with ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=get_context("fork"),
                initializer=staging_folders.bind_worker_to_parent,
                initargs=(os.getpid(),),
            ) as pool:
                futures = [pool.submit(run_task, t, str(staging), base_url) for t in tasks]
                for future in futures:
                    name, count, size = future.result()
                    _account(result, name, count, size, progress)
        else:
            for task in tasks:
                name, count, size = run_task(task, str(staging), base_url)
                _account(result, name, count, size, progress)
        result.assets = copy_static(staging)
        result.steps = steps.run(staging, base_url)
        swap_directory(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        set_script_prefix("/")
    result.seconds = time.perf_counter() - started
    return result


def _account(result: BuildResult, name: str, count: int, size: int, progress) -> None:
    result.pages += count
    result.bytes += size
    result.per_task[name] = result.per_task.get(name, 0) + count
    if progress:
        progress(name, count)


def estimate_tasks(jobs: int) -> int:
    return len(plan(jobs))
