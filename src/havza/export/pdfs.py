"""Statement PDFs, written after the pages that link them.

A PDF costs a hundred times its page's HTML to render (``publishing.pdf``). The full build
writes with each work's pages only the PDFs kept from before (``publishing.pdf_cache``) and
renders the others in a step of their own, spread over the build's processes once every
page is written (``builder``): before the new site is swapped in (the default), or after it,
into the live export (``havza build --pdfs after``: the site is up sooner, and a new
statement's PDF link works a little later), or by the job worker (``--pdfs job``: the build
ends when the pages are swapped in, ``havza worker`` writes the PDFs into the live export).

Republishing renders an edited statement's PDF the same way: when its file exists already,
the job ``rewrite`` renders it after the pages (the old PDF is served meanwhile); a PDF that
does not exist yet is rendered with the pages, so that no page links a missing file.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.urls import set_script_prefix

from havza.export import files
from havza.jobs.retries import job
from havza.publishing import pages, queries
from havza.publishing.pages.catalogue import PageStream
from havza.publishing.pages.companions import StatementPdf

log = logging.getLogger("havza.export")

Item = tuple[str, int]  # (language, work id)


def stream(site: pages.Site, items: Iterable[Item]) -> PageStream:
    """The PDFs of ITEMS that still exist, as (address, body)."""
    items = list(items)
    kind = StatementPdf()
    works = queries.works_for_pages().filter(pk__in={pk for _lang, pk in items})
    found = {w.pk: w for w in works}
    for lang, pk in items:
        work = found.get(pk)
        if work is not None and kind.exists(work, lang):
            yield kind.address(lang, pk), kind.render(lang, work, site).body


def chunks(items: list[Item], parts: int) -> list[list[Item]]:
    """ITEMS cut into about 4 × PARTS lists, for PARTS processes to share evenly."""
    if not items:
        return []
    size = max(1, -(-len(items) // (4 * parts))) if parts > 1 else len(items)
    return [items[i : i + size] for i in range(0, len(items), size)]


def write(out: Path, prefix: str, site: pages.Site, items: Iterable[Item]) -> int:
    """Render ITEMS' PDFs into the export at OUT, each replacing its file atomically where
    its bytes differ, and remove those that no longer apply; how many were written."""
    items = list(items)
    kind = StatementPdf()
    written = 0
    present = set()
    for address, body in stream(site, items):
        present.add(address)
        written += files.write_if_changed(files.file_for(out, address, prefix), body)
    for lang, pk in items:
        address = kind.address(lang, pk)
        if address not in present:
            files.remove(out, files.file_for(out, address, prefix))
    return written


QUEUED_PER_JOB = 200  # PDFs a job renders: tens of seconds of work, retried as a whole


def queue(out: Path, items: list[Item]) -> int:
    """Queue ITEMS' PDFs for the job worker to render into the export at OUT; the jobs."""
    parts = [items[i : i + QUEUED_PER_JOB] for i in range(0, len(items), QUEUED_PER_JOB)]
    for part in parts:
        rewrite.enqueue(str(out), [list(item) for item in part])
    return len(parts)


@job(attempts=3)
def rewrite(out: str, items: list[list]) -> int:
    """Bring the PDFs of ITEMS ([language, work id]) in the export at OUT up to date."""
    from havza.export.republish import base_url_of, locked

    folder = Path(out)
    if not (folder / "robots.txt").is_file():
        return 0
    base_url = (base_url_of(folder) or settings.HAVZA_BASE_URL).rstrip("/")
    prefix = files.script_prefix(base_url)
    set_script_prefix(prefix)
    try:
        with locked(folder):
            return write(folder, prefix, pages.Site(base_url), [(lang, pk) for lang, pk in items])
    finally:
        set_script_prefix("/")
