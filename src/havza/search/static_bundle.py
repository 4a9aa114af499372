"""The static search's Pagefind bundle, in parts of bounded size, each kept until it changes.

Pagefind holds every record it is given in memory until it writes the bundle: about 170 kB
for an article of 800 words, so 1.9 GB for 11,000 translations and 19 GB for 110,000. The
records are therefore cut into parts, one language at a time in the order of their ids, a new
part whenever the text given to the current one would pass ``PART_CHARACTERS`` (or its
records ``PART_RECORDS``): each part is a bundle of its own, written by its own Pagefind
process, at ``/pagefind/<language>-<n>/``. ``/pagefind/parts.json`` lists each language's
parts; the search page loads the first and merges the others into it (Pagefind's
``mergeIndex``), so a reader searches the whole language as before.

A part is found by its key, the SHA-256 of everything its bytes depend on: each record's
address, title, subtitle, summary and stored body (hashed), the bundle's format and
Pagefind's version. Written parts are kept in ``DATA_DIR/cache/pagefind/<key>/``, so a full
re-export and the refresh after an edit run Pagefind only for the parts whose records changed
(an edit: one part; a new translation: the last part of its language) and copy the others.
Parts no build used are removed after each (``prune``). Deleting the folder is always safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import shutil
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.conf import settings

from havza import languages
from havza.publishing.models import Translation
from havza.search.analysis import analyzer
from havza.search.documents import plain_text

# Raised whenever a change here or in the analyzer's folding changes what a part holds.
FORMAT = 2
PART_CHARACTERS = 8_000_000  # stored text (body HTML and titles) per part: ~250 MB in Pagefind
PART_RECORDS = 20_000
PARALLEL = min(2, os.cpu_count() or 1)  # parts given to Pagefind at once
# Pagefind's ready-made interfaces, which the search page does not use: left out of each part.
UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")
PARTS_FILE = "parts.json"


@dataclass
class Row:
    url: str
    title: str
    subtitle: str
    excerpt: str
    body_html: str

    def size(self) -> int:
        return len(self.body_html) + len(self.title) + len(self.subtitle) + len(self.excerpt)


@dataclass
class Part:
    language: str
    number: int
    rows: list[Row] = field(default_factory=list)
    characters: int = 0

    @property
    def name(self) -> str:
        return f"{self.language}-{self.number}"

    def key(self) -> str:
        digest = hashlib.sha256(f"{FORMAT}\0{_pagefind_version()}\0{self.language}".encode())
        for row in self.rows:
            body = hashlib.sha256(row.body_html.encode()).hexdigest()
            digest.update(
                f"\0{row.url}\0{row.title}\0{row.subtitle}\0{row.excerpt}\0{body}".encode()
            )
        return digest.hexdigest()


@dataclass
class Written:
    records: int = 0
    parts: int = 0
    indexed: int = 0  # parts Pagefind wrote; the others were kept from before


def cache_folder() -> Path:
    return Path(settings.DATA_DIR) / "cache" / "pagefind"


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        return "?"


def parts() -> Iterator[Part]:
    """The published translations as parts, one language at a time."""
    qs = (
        Translation.objects.filter(status=Translation.Status.PUBLISHED)
        .only("id", "language", "slug", "title", "subtitle", "excerpt", "body_html")
        .order_by("language", "pk")
    )
    part: Part | None = None
    for t in qs.iterator(chunk_size=500):
        if languages.get(t.language) is None:
            continue
        row = Row(t.get_absolute_url(), t.title, t.subtitle, t.excerpt, t.body_html)
        size = row.size()
        if (
            part is None
            or part.language != t.language
            or (part.rows and part.characters + size > PART_CHARACTERS)
            or len(part.rows) >= PART_RECORDS
        ):
            if part is not None:
                yield part
            number = part.number + 1 if part is not None and part.language == t.language else 1
            part = Part(t.language, number)
        part.rows.append(row)
        part.characters += size
    if part is not None:
        yield part


def write(bundle: Path) -> Written:
    """Write every part into the new folder BUNDLE (made here), from the cache where a part is
    kept, else by Pagefind into the cache first (``PARALLEL`` Pagefind processes at once, each
    fed by a thread of its own); with ``parts.json``. Kept parts this call did not use are
    removed after it."""
    started = time.time()
    bundle.mkdir(parents=True)
    written = Written()
    listed: dict[str, list[str]] = {}
    # (language, name, records, its folder in the cache, Pagefind writing it): in order.
    pending: deque[tuple[str, str, int, Path, Future | None]] = deque()

    def finish(language: str, name: str, records: int, kept: Path, indexing: Future | None):
        if indexing is not None:
            indexing.result()
            written.indexed += 1
        _link_tree(kept, bundle / name)
        _touch(kept)
        listed.setdefault(language, []).append(name)
        written.records += records
        written.parts += 1

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        for part in parts():
            kept = cache_folder() / part.key()
            indexing = None if _complete(kept) else pool.submit(_index, part, kept)
            pending.append((part.language, part.name, len(part.rows), kept, indexing))
            while sum(1 for *_, f in pending if f is not None and not f.done()) >= PARALLEL:
                wait([f for *_, f in pending if f is not None], return_when=FIRST_COMPLETED)
            while pending and (pending[0][4] is None or pending[0][4].done()):
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
    (bundle / PARTS_FILE).write_text(json.dumps(listed, sort_keys=True, separators=(",", ":")))
    prune(started)
    return written


def _index(part: Part, kept: Path) -> None:
    """Pagefind's bundle of PART, written whole into KEPT."""
    new = kept.with_name(f"{kept.name}.new-{os.getpid()}")
    shutil.rmtree(new, ignore_errors=True)
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        _run_pagefind(part, new)
        for path in new.iterdir():
            if path.name.startswith(UNUSED):
                path.unlink()
        if not _complete(new):
            raise RuntimeError(f"Pagefind left an incomplete search bundle in {new}")
        # Pagefind lists the languages in no fixed order: sorted, the same records give the
        # same bytes (builds are compared file by file, and mirrors sync only what changed).
        entry = new / "pagefind-entry.json"
        entry.write_text(
            json.dumps(json.loads(entry.read_text()), sort_keys=True, separators=(",", ":"))
        )
        shutil.rmtree(kept, ignore_errors=True)
        new.rename(kept)
    finally:
        shutil.rmtree(new, ignore_errors=True)


def _run_pagefind(part: Part, folder: Path) -> None:
    from pagefind.index import IndexConfig

    from havza.search.pagefind_client import PromptIndex

    fold = analyzer(part.language).fold
    loop = asyncio.new_event_loop()
    index = PromptIndex(config=IndexConfig(output_path=str(folder)))
    try:
        loop.run_until_complete(index.__aenter__())
        try:
            for row in part.rows:
                text = fold(
                    f"{row.title}\n{row.subtitle}\n{row.excerpt}\n{plain_text(row.body_html)}"
                )
                loop.run_until_complete(
                    index.add_custom_record(
                        url=row.url,
                        content=text,
                        language=part.language,
                        meta={"title": row.title, "summary": row.excerpt},
                    )
                )
        except BaseException as error:
            loop.run_until_complete(index.__aexit__(type(error), error, None))
            raise
        loop.run_until_complete(index.__aexit__(None, None, None))
    finally:
        loop.close()


def _complete(folder: Path) -> bool:
    """Whether FOLDER holds a whole bundle: its entry, each language's index it names, and
    its scripts, none of them empty."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        scripts = [folder / "pagefind.js", folder / "pagefind-worker.js"]
        hashes = [lang["hash"] for lang in entry["languages"].values()]
        indexes = [folder / f"pagefind.{h}.pf_meta" for h in hashes]
        return bool(hashes) and all(path.stat().st_size > 0 for path in [*scripts, *indexes])
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _link_tree(source: Path, target: Path) -> None:
    """A copy of SOURCE at TARGET, its files linked where both are on one file system (the
    export never changes a file in place: it replaces it)."""

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def _touch(folder: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(folder)


def prune(started: float) -> int:
    """Remove the kept parts no build has used since STARTED (a time.time()); how many."""
    removed = 0
    root = cache_folder()
    if not root.is_dir():
        return 0
    for folder in root.iterdir():
        if ".new-" in folder.name:  # being written by another process
            continue
        try:
            if folder.stat().st_mtime < started:
                shutil.rmtree(folder)
                removed += 1
        except OSError:
            continue
    return removed
