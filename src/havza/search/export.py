"""Search in the static export: a Pagefind index per language and a search page per language.

``write_static_index(out_dir)`` runs after a build has written the site into OUT_DIR. It gives
Pagefind (the ``pagefind`` package, whose ``pagefind-bin`` carries the binary) one record per
published translation: its address, its language, and its title and text *folded by the
language's analyzer* (NFKC, digits, Turkish case, Arabic and Persian letters, Greek accents).
In the browser, ``havza/search.js`` folds the query the same way before Pagefind sees it, so
both sides meet as they do on the live site. Stemming is Pagefind's own (Snowball, for the
languages it knows), with prefix matching on the last word; a minus does not exclude.

Each ``/<lang>/search/index.html`` is the live search page's frame with the results filled in
by the script: the one public page that needs JavaScript (a static host cannot search).
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.urls import set_script_prefix

from havza import languages
from havza.publishing.models import Translation
from havza.publishing.pages import Site
from havza.search.analysis import analyzer
from havza.search.documents import plain_text
from havza.search.pages import SearchPage

BUNDLE = "pagefind"


@dataclass
class StaticIndex:
    records: int
    pages: int


def _records() -> Iterator[tuple[str, str, str, str, str]]:
    """(address, language, folded text, title, summary) of each published translation."""
    qs = (
        Translation.objects.filter(status=Translation.Status.PUBLISHED)
        .only("id", "language", "slug", "title", "subtitle", "excerpt", "body_html")
        .order_by("pk")
    )
    for t in qs.iterator(chunk_size=500):
        if languages.get(t.language) is None:
            continue
        fold = analyzer(t.language).fold
        text = fold(f"{t.title}\n{t.subtitle}\n{t.excerpt}\n{plain_text(t.body_html)}")
        yield t.get_absolute_url(), t.language, text, t.title, t.excerpt


def _write_bundle(out_dir: Path) -> int:
    """Feed the records to Pagefind's service, into a new folder that then replaces the
    bundle (readers of a live export keep the old one until then). The records are read
    from the database between the service's calls, outside any coroutine (the ORM is
    synchronous)."""
    new, old = out_dir / f".{BUNDLE}.new", out_dir / f".{BUNDLE}.old"
    for stale in (new, old):
        shutil.rmtree(stale, ignore_errors=True)
    count = _index_into(new)
    if not _complete(new):
        raise RuntimeError(f"Pagefind left an incomplete search bundle in {new}")
    # Pagefind lists the languages in no fixed order: sorted, the same site gives the same
    # bytes (builds are compared file by file, and mirrors sync only what changed).
    entry = new / "pagefind-entry.json"
    entry.write_text(
        json.dumps(json.loads(entry.read_text()), sort_keys=True, separators=(",", ":"))
    )
    target = out_dir / BUNDLE
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return count


def _complete(folder: Path) -> bool:
    """Whether FOLDER holds a whole bundle: its entry, each language's index it names, and
    its scripts and stylesheets, none of them empty."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        assets = [*folder.glob("*.js"), *folder.glob("*.css")]
        hashes = [lang["hash"] for lang in entry["languages"].values()]
        indexes = [folder / f"pagefind.{h}.pf_meta" for h in hashes]
        return bool(assets) and all(path.stat().st_size > 0 for path in [*assets, *indexes])
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _index_into(folder: Path) -> int:
    from pagefind.index import IndexConfig

    from havza.search.pagefind_client import PromptIndex

    loop = asyncio.new_event_loop()
    index = PromptIndex(config=IndexConfig(output_path=str(folder)))
    count = 0
    try:
        loop.run_until_complete(index.__aenter__())
        try:
            for url, lang, text, title, summary in _records():
                loop.run_until_complete(
                    index.add_custom_record(
                        url=url,
                        content=text,
                        language=lang,
                        meta={"title": title, "summary": summary},
                    )
                )
                count += 1
        except BaseException as error:
            loop.run_until_complete(index.__aexit__(type(error), error, None))
            raise
        loop.run_until_complete(index.__aexit__(None, None, None))
    finally:
        loop.close()
    return count


def write_search_pages(out_dir: Path, site: Site | None = None, write=None) -> int:
    """The search page of each language (the catalogue's ``search`` kind); WRITE(url_path,
    body) writes one as the build does (else it goes to OUT_DIR/<lang>/search/index.html as
    it is)."""

    site = site or Site()
    kind = SearchPage()
    count = 0
    for lang in languages.all_languages():
        page = kind.render(lang.code, None, site)
        if write is not None:
            write(page.path, page.body)
        else:
            target = out_dir / lang.code / "search" / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.body)
        count += 1
    return count


def write_static_index(out_dir: Path | str, site: Site | None = None, write=None) -> StaticIndex:
    """Write the Pagefind bundle and the search pages into a built site at OUT_DIR."""
    out_dir = Path(out_dir)
    if write is None:
        set_script_prefix("/")
    records = _write_bundle(out_dir)
    return StaticIndex(records=records, pages=write_search_pages(out_dir, site, write))


def build_step(folder: Path, site: Site, write) -> str:
    """The static search as a step of ``havza build`` (``settings.HAVZA_BUILD_STEPS``)."""
    result = write_static_index(folder, site, write)
    # Pagefind's scripts and styles get their compressed copies, as every text file of the
    # export does (its index fragments are compressed already).
    bundle = Path(folder) / BUNDLE
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and path.suffix in {".js", ".css"}:
            write("/" + path.relative_to(folder).as_posix(), path.read_bytes())
    return f"Static search: {result.records} translations indexed, {result.pages} search pages."
