"""Incremental republish: bring an existing export in line with a few changed works.

``states`` records what the export shows of a translation, ``planning`` derives the files a
change affects from the page catalogue, ``sitemap_files`` the sitemap's. Those pages are
rendered by the same functions as the full build and written atomically (temporary file, then
rename) only where their bytes differ, so a republish touches exactly the files whose content
changed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.urls import get_script_prefix, set_script_prefix

from havza.export import during_build, files, sitemap_copies
from havza.export.files import locked
from havza.export.planning import Plan, plan
from havza.export.states import UNKNOWN, Before, Key, State, of_works, states, work_keys
from havza.publishing import pages

__all__ = [
    "UNKNOWN", "Before", "Key", "Plan", "Result", "State", "base_url_of", "of_works", "plan",
    "republish", "states", "work_keys",
]  # fmt: skip


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0
    seconds: float = 0.0
    plan_cpu_seconds: float = 0.0  # CPU time of deciding what to render (``plan``)
    later: list[tuple[str, int]] = field(default_factory=list)  # PDFs left to ``pdfs.rewrite``
    # Files (relative to the export) whose compressed copies are left to
    # ``sitemap_copies.compress``
    copies_later: list[str] = field(default_factory=list)

    @property
    def rendered(self) -> int:
        return len(self.written) + self.unchanged


def base_url_of(out: Path) -> str | None:
    """The address the export at OUT was built for, read from its robots.txt."""
    try:
        text = (out / "robots.txt").read_text()
    except FileNotFoundError:
        return None
    match = re.search(r"^Sitemap: (\S+)/sitemap\.xml$", text, re.MULTILINE)
    return match.group(1) if match else None


PDF_ADDRESS = re.compile(r"(?:^|/)(?P<lang>[^/]+)/pdf/(?P<work>[0-9]+)\.pdf$")


def republish(
    out: Path,
    before: Mapping[Key, Before],
    *,
    base_url: str | None = None,
    pdfs_later: bool = False,
    copies_later: bool = False,
) -> Result:
    """Re-render into the export at OUT the pages the changes in BEFORE affect.

    BEFORE maps (work id, language) to what the export showed of it: a ``State`` (taken
    with ``states`` or ``of_works`` before the change was saved), None (nothing published)
    or UNKNOWN. PDFS_LATER: statement PDFs whose file exists are not rendered but listed in
    ``Result.later``, for ``pdfs.rewrite`` to render after (the old one is served meanwhile).
    COPIES_LATER: large sitemap files are written without their compressed copies, listed in
    ``Result.copies_later`` for ``sitemap_copies.compress`` to write (see there).
    """
    started = time.perf_counter()
    out = Path(out).resolve()
    if not (out / "robots.txt").is_file():
        raise FileNotFoundError(f"{out} holds no export: run a full build first")
    base_url = (base_url or base_url_of(out) or settings.HAVZA_BASE_URL).rstrip("/")
    previous_prefix = get_script_prefix()
    prefix = files.script_prefix(base_url)
    set_script_prefix(prefix)
    result = Result()
    try:
        with locked(out):
            during_build.record(out, before)  # a full build running carries it into its tree
            cpu = time.process_time()
            todo, _after = plan(before, pages.Site(base_url), out, prefix)
            result.plan_cpu_seconds = time.process_time() - cpu
            for path, render in todo.render.items():
                target = files.file_for(out, path, prefix)
                found = PDF_ADDRESS.search(path) if pdfs_later else None
                if found and target.is_file():
                    result.later.append((found["lang"], int(found["work"])))
                    continue
                body = render()
                if body is None:
                    result.unchanged += 1
                    continue
                plain = copies_later and path in todo.sitemap and sitemap_copies.large(body)
                if plain:
                    written = sitemap_copies.write_plain(target, body)
                    if sitemap_copies.missing(target):
                        result.copies_later.append(str(target.relative_to(out)))
                else:
                    written = files.write_if_changed(target, body)
                if written:
                    result.written.append(target)
                else:
                    result.unchanged += 1
            for path in todo.remove:
                target = files.file_for(out, path, prefix)
                if files.remove(out, target):
                    result.removed.append(target)
            for href, first in todo.prune:
                number = first
                while True:
                    target = files.file_for(out, href(number), prefix)
                    if not files.remove(out, target):
                        break
                    result.removed.append(target)
                    number += 1
    finally:
        set_script_prefix(previous_prefix)
    result.seconds = time.perf_counter() - started
    return result
