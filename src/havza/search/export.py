"""Search in the static export: Pagefind bundles per language and a search page per language.

``write_static_index(out_dir)`` runs after a build has written the site into OUT_DIR. It gives
Pagefind (the ``pagefind`` package, whose ``pagefind-bin`` carries the binary), in parts of
bounded size kept until they change (``static_bundle``), one record per published
translation: its address, its language, and its title and text *folded by the language's
analyzer* (NFKC, digits, Turkish case, Arabic and Persian letters, Greek accents). In the
browser, ``havza/search.js`` folds the query the same way before Pagefind sees it, so both
sides meet as they do on the live site. Stemming is Pagefind's own (Snowball, for the
languages it knows), with prefix matching on the last word; a minus does not exclude.

Each ``/<lang>/search/index.html`` is the live search page's frame with the results filled in
by the script: the one public page that needs JavaScript (a static host cannot search).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.urls import set_script_prefix

from havza import languages
from havza.publishing.pages import Site
from havza.search import static_bundle
from havza.search.pages import SearchPage

BUNDLE = "pagefind"


@dataclass
class StaticIndex:
    records: int
    pages: int
    parts: int = 0
    indexed: int = 0  # parts Pagefind wrote; the others were kept from before


def _write_bundle(out_dir: Path) -> static_bundle.Written:
    """Write the bundle's parts into a new folder that then replaces the bundle (readers of a
    live export keep the old one until then)."""
    new, old = out_dir / f".{BUNDLE}.new", out_dir / f".{BUNDLE}.old"
    for stale in (new, old):
        shutil.rmtree(stale, ignore_errors=True)
    written = static_bundle.write(new)
    target = out_dir / BUNDLE
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return written


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
            # Put in place of the old file, never written into: a full build running meanwhile
            # may have linked that file into the export it is writing.
            new = target.with_name(f"{target.name}.new")
            new.write_bytes(page.body)
            new.replace(target)
        count += 1
    return count


def write_static_index(out_dir: Path | str, site: Site | None = None, write=None) -> StaticIndex:
    """Write the Pagefind bundle and the search pages into a built site at OUT_DIR."""
    out_dir = Path(out_dir)
    if write is None:
        set_script_prefix("/")
    written = _write_bundle(out_dir)
    return StaticIndex(
        records=written.records,
        pages=write_search_pages(out_dir, site, write),
        parts=written.parts,
        indexed=written.indexed,
    )


def build_step(folder: Path, site: Site, write) -> str:
    """The static search as a step of ``havza build`` (``settings.HAVZA_BUILD_STEPS``)."""
    result = write_static_index(folder, site, write)
    # Pagefind's scripts and styles get their compressed copies, as every text file of the
    # export does (its index fragments are compressed already).
    bundle = Path(folder) / BUNDLE
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and path.suffix in {".js", ".css"}:
            write("/" + path.relative_to(folder).as_posix(), path.read_bytes())
    return (
        f"Static search: {result.records} translations indexed, {result.pages} search pages "
        f"({result.parts} parts, {result.indexed} written by Pagefind, the others kept)."
    )
