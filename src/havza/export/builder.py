"""The static export: every public page, feed, sitemap and asset, written through the same
renderer as the live site.

Pages are produced by generators that read the database in chunks, so memory stays bounded
however large the archive. The site is written into a temporary directory beside the target
and swapped in atomically (see ``swap``): readers of the old site never see a half-written one,
and an interrupted build leaves the old site untouched.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connections
from django.db.models import Count, F
from django.urls import get_script_prefix, set_script_prefix

from havza import languages
from havza.export import staging as staging_folders
from havza.export.swap import swap_directory
from havza.links import reverse
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing import feeds, pages, queries, sitemaps
from havza.publishing.models import Translation, Work

CHUNK = 500
WORKS_CHUNK = 50  # works with the bodies of all their languages in memory at once


def file_for(out: Path, url_path: str) -> Path:
    """Where the page at URL_PATH lives in the export: directories get an index.html."""
    relative = unquote(url_path).lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    return out / relative


def write(out: Path, url_path: str, body: bytes | Iterable[str]) -> int:
    """Write BODY (bytes, or text in pieces, written as they come) at URL_PATH; its size."""
    target = file_for(out, url_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(body, bytes):
        target.write_bytes(body)
        return len(body)
    size = 0
    with target.open("wb") as fh:
        for piece in body:
            data = piece.encode("utf-8")
            fh.write(data)
            size += len(data)
    return size


# What to render ---------------------------------------------------------------------------

PageStream = Iterator[tuple[str, bytes | Iterable[str]]]


def work_pages(site: pages.Site, shard: int = 0, shards: int = 1) -> PageStream:
    """The page of every published translation, work by work: a work and what its pages
    show are fetched once for all its languages."""
    works = queries.works_for_pages()
    if shards > 1:
        # A shard is every n-th work; ids are dense enough to split the work evenly.
        works = works.alias(shard=F("id") % shards).filter(shard=shard)
    for work in works.iterator(chunk_size=WORKS_CHUNK):
        for t in work.published_translations():
            yield t.get_absolute_url(), pages.render_work(t, site).body


def _paginated(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def listing_pages(site: pages.Site, lang: str) -> PageStream:
    size = settings.HAVZA_PAGE_SIZE
    home = pages.render_home(lang, pages.fetch_home(lang), site)
    yield reverse("publishing:home", kwargs={"lang": lang}), home.body
    for kind, segment in pages.KIND_SEGMENTS.items():
        qs = queries.listing(lang).filter(work__kind=kind)
        count = pages.page_count(qs.count())
        chunks = _paginated(qs.iterator(chunk_size=CHUNK), size)
        for number, items in enumerate(chunks, start=1):
            page = pages.render_listing(lang, kind, items, number, count, site)
            yield (
                pages.Pagination(
                    number, count, "publishing:listing", {"lang": lang, "kinds": segment}
                ).href(number),
                page.body,
            )
        if count == 1 and not qs.exists():
            yield (
                reverse("publishing:listing", kwargs={"lang": lang, "kinds": segment}),
                pages.render_listing(lang, kind, [], 1, 1, site).body,
            )
    yield (
        reverse("publishing:feed", kwargs={"lang": lang}),
        feeds.render_language_feed(lang, site).body,
    )
    not_found = pages.render_not_found(lang, site=site)
    yield f"{get_script_prefix()}{lang}/404.html", not_found.body


def topic_pages(site: pages.Site, lang: str) -> PageStream:
    """Every topic's pages and feed in LANG, from one pass over the language's works, newest
    first: each work goes to the open page of each of its topics, and a page is written as
    soon as it is full. Memory holds at most one page of works per topic."""
    size = settings.HAVZA_PAGE_SIZE
    topics = {topic.pk: topic for topic in Topic.objects.all()}
    yield (
        reverse("publishing:topics", kwargs={"lang": lang}),
        pages.render_topics(lang, list(topics.values()), site).body,
    )
    totals = dict(
        queries.published(lang)
        .filter(work__topics__isnull=False)
        .values_list("work__topics")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {pk: pages.page_count(totals.get(pk, 0)) for pk in topics}
    open_pages: dict[int, list] = {pk: [] for pk in topics}
    numbers = dict.fromkeys(topics, 1)
    feed_entries: dict[int, list] = {pk: [] for pk in topics}

    def page(pk: int) -> tuple[str, bytes]:
        topic, number = topics[pk], numbers[pk]
        body = pages.render_topic(topic, lang, open_pages[pk], number, counts[pk], site).body
        href = pages.Pagination(
            number, counts[pk], "publishing:topic", {"lang": lang, "slug": topic.slug(lang)}
        ).href(number)
        open_pages[pk] = []
        numbers[pk] += 1
        return href, body

    through = Work.topics.through
    listing = queries.listing(lang).filter(work__topics__isnull=False).distinct()
    for chunk in _paginated(listing.iterator(chunk_size=CHUNK), CHUNK):
        topics_of: dict[int, list[int]] = {}
        for work_id, topic_id in through.objects.filter(
            work_id__in=[t.work_id for t in chunk]
        ).values_list("work_id", "topic_id"):
            topics_of.setdefault(work_id, []).append(topic_id)
        for t in chunk:
            for pk in topics_of.get(t.work_id, ()):
                open_pages[pk].append(t)
                if len(feed_entries[pk]) < settings.HAVZA_FEED_SIZE:
                    feed_entries[pk].append(t)
                if len(open_pages[pk]) == size:
                    yield page(pk)
    for pk, topic in topics.items():
        if open_pages[pk] or numbers[pk] == 1:  # a topic without works still has its page
            yield page(pk)
        entries = feed_entries.pop(pk)
        bodies = dict(
            Translation.objects.filter(pk__in=[t.pk for t in entries]).values_list(
                "pk", "body_html"
            )
        )
        for t in entries:
            t.body_html = bodies[t.pk]
        yield (
            reverse("publishing:topic_feed", kwargs={"lang": lang, "slug": topic.slug(lang)}),
            feeds.render_topic_feed(topic, lang, site, entries=entries).body,
        )


def entity_pages(site: pages.Site, lang: str) -> PageStream:
    orgs = Organization.objects.all()
    yield (
        reverse("publishing:organizations", kwargs={"lang": lang}),
        pages.render_organizations(lang, list(orgs), site).body,
    )
    for chunk in _paginated(orgs.iterator(chunk_size=CHUNK), CHUNK):
        listed = pages.organizations_listed([org.pk for org in chunk], lang)
        for org in chunk:
            yield (
                org.get_absolute_url(lang),
                pages.render_organization(org, lang, site, listed).body,
            )
    people = Person.objects.select_related("organization").iterator(chunk_size=CHUNK)
    for chunk in _paginated(people, CHUNK):
        listed = pages.people_listed([person.pk for person in chunk], lang)
        for person in chunk:
            yield (
                person.get_absolute_url(lang),
                pages.render_person(person, lang, site, listed).body,
            )
    events = list(Event.objects.all())
    yield (
        reverse("publishing:events", kwargs={"lang": lang}),
        pages.render_events(lang, events, site).body,
    )
    for event in events:
        yield event.get_absolute_url(lang), pages.render_event(event, lang, site).body


def site_files(site: pages.Site) -> PageStream:
    yield reverse("publishing:root"), pages.render_root(site).body
    yield (
        f"{get_script_prefix()}404.html",
        pages.render_not_found(languages.default().code, site=site).body,
    )
    yield reverse("publishing:robots"), pages.render_robots(site).body
    # Sitemaps are streamed to their files: one holds up to thousands of works' addresses.
    yield reverse("publishing:sitemap"), sitemaps.iter_sitemap(site)
    files = sitemaps.work_file_count()
    if files > 1:
        yield (
            reverse("publishing:sitemap_pages"),
            sitemaps.iter_pages_file(site),
        )
        for n in range(1, files + 1):
            path = reverse("publishing:sitemap_works", kwargs={"number": n})
            yield path, sitemaps.iter_works_file(site, n)


# Running the build ------------------------------------------------------------------------


@dataclass
class Task:
    """One independent part of the export, run in this process or a worker."""

    name: str
    args: tuple = ()

    def streams(self, site: pages.Site) -> PageStream:
        return TASKS[self.name](site, *self.args)


TASKS: dict[str, Callable[..., PageStream]] = {
    "works": work_pages,
    "listings": listing_pages,
    "topics": topic_pages,
    "entities": entity_pages,
    "site": site_files,
}


def plan(jobs: int) -> list[Task]:
    shards = max(1, jobs)
    tasks = [Task("works", (i, shards)) for i in range(shards)]
    for lang in languages.codes():
        tasks += [Task("listings", (lang,)), Task("topics", (lang,)), Task("entities", (lang,))]
    tasks.append(Task("site"))
    return tasks


def _script_prefix(base_url: str) -> str:
    path = urlsplit(base_url).path
    return path.rstrip("/") + "/"


def run_task(task: Task, out: str, base_url: str) -> tuple[str, int, int]:
    """Render one task into OUT; returns (task name, pages, bytes)."""
    set_script_prefix(_script_prefix(base_url))
    site = pages.Site(base_url)
    count = size = 0
    root = Path(out)
    strip = len(_script_prefix(base_url)) - 1  # files sit at the root of OUT
    with pages.remembering_items():
        for url_path, body in task.streams(site):
            size += write(root, url_path[strip:], body)
            count += 1
    return task.name, count, size


def copy_static(out: Path) -> int:
    """Copy the public site's assets (not the admin's) to OUT/static/."""
    count = 0
    seen: set[str] = set()
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            if path.startswith(("admin/", "havza_admin/", "translation/")) or path in seen:
                continue
            seen.add(path)
            target = out / settings.STATIC_URL.strip("/") / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(path) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst)
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


def work_count() -> int:
    return Work.objects.count()
