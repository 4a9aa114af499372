"""Search in the static export: Pagefind's bundle, the search pages, and the judged queries
answered in a real browser from a plain static server."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from havza.export import builder
from havza.search import static_bundle
from tests.search.corpus import JUDGED

CHROMIUM = Path("/usr/bin/chromium")

# Judged queries the static export answers differently, and why (docs/search.md).
STATIC_DIFFERS = {
    ("en", "workers -strike"): "Pagefind has no exclusion",
    ("en", "solidarity miners"): "Pagefind breaks no ties by recency",
}


@pytest.fixture
def static_site(corpus, tmp_path, monkeypatch, settings):
    """The corpus exported by `havza build`, which writes the static search with the site;
    its parts hold two translations each, so that every language has several to merge."""
    settings.DATA_DIR = str(tmp_path / "data")  # its own kept parts
    monkeypatch.setattr(static_bundle, "PART_RECORDS", 2)
    out = tmp_path / "public"
    result = builder.build(out, jobs=1)
    return out, result


def _pages_indexed(out: Path) -> int:
    entries = [json.loads(p.read_text()) for p in out.glob("pagefind/*/pagefind-entry.json")]
    return sum(lang["page_count"] for e in entries for lang in e["languages"].values())


def _bundle(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes() for p in out.rglob("pagefind/**/*") if p.is_file()
    }


@pytest.mark.slow
def test_a_build_writes_the_bundle_and_the_search_pages(static_site):
    out, result = static_site
    assert any(
        line.startswith("Static search: 29 translations indexed, 11 search pages") for line in
        result.steps
    ), result.steps  # fmt: skip
    parts = json.loads((out / "pagefind" / "parts.json").read_text())
    assert set(parts) == set(JUDGED)
    assert any(len(names) > 1 for names in parts.values())
    for lang, names in parts.items():
        for name in names:
            entry = json.loads((out / "pagefind" / name / "pagefind-entry.json").read_text())
            assert set(entry["languages"]) == {lang}
    assert _pages_indexed(out) == 29
    page = (out / "ar" / "search" / "index.html").read_text()
    assert 'dir="rtl"' in page and "wasm-unsafe-eval" in page
    assert "<noscript>" in page
    # Written as every page of the export is: with its compressed copies.
    assert (out / "ar" / "search" / "index.html.gz").is_file()
    assert not list(out.glob(".pagefind.*"))


@pytest.mark.slow
def test_a_part_is_indexed_again_only_when_its_translations_change(static_site, corpus, tmp_path):
    from havza.publishing.models import Translation

    out, _ = static_site
    before = _bundle(out)
    again = builder.build(tmp_path / "again", jobs=1)
    line = next(s for s in again.steps if s.startswith("Static search"))
    assert "0 written by Pagefind" in line
    assert _bundle(tmp_path / "again") == before
    # An edited translation: its part alone goes through Pagefind, and the bundle is the one
    # a build with nothing kept writes.
    t = Translation.objects.filter(language="en").order_by("pk").last()
    t.title = "Solidarity across the sea"
    t.save()
    edited = builder.build(tmp_path / "edited", jobs=1)
    assert "1 written by Pagefind" in next(s for s in edited.steps if s.startswith("Static"))
    shutil.rmtree(static_bundle.cache_folder())
    fresh = builder.build(tmp_path / "fresh", jobs=1)
    assert "0 written" not in next(s for s in fresh.steps if s.startswith("Static"))
    assert _bundle(tmp_path / "edited") == _bundle(tmp_path / "fresh") != before
    # Only the parts the last build used are kept.
    kept = {p.name for p in static_bundle.cache_folder().iterdir()}
    assert len(kept) == sum(
        len(n)
        for n in json.loads((tmp_path / "fresh" / "pagefind" / "parts.json").read_text()).values()
    )


def test_parts_stay_under_their_size(corpus, monkeypatch):
    monkeypatch.setattr(static_bundle, "PART_CHARACTERS", 400)
    parts = list(static_bundle.parts())
    assert sum(len(p.rows) for p in parts) == 29
    for part in parts:
        assert part.characters <= 400 or len(part.rows) == 1
        assert {r.url.split("/")[1] for r in part.rows} == {part.language}
    numbers = [(p.language, p.number) for p in parts]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


@pytest.mark.slow
@pytest.mark.django_db(
    transaction=True
)  # the worker's loop closes a connection left in a test's transaction
def test_publishing_into_a_built_export_refreshes_its_search_in_the_background(
    static_site, corpus, monkeypatch, django_capture_on_commit_callbacks
):
    from havza.jobs.worker import run_due_jobs
    from havza.publishing.models import Translation

    out, _ = static_site
    monkeypatch.setenv("HAVZA_EXPORT_DIR", str(out))
    work = next(w for w in corpus.values() if w.translations.count() < len(JUDGED))
    have = set(work.translations.values_list("language", flat=True))
    lang = next(code for code in JUDGED if code not in have)
    before = _pages_indexed(out)
    with django_capture_on_commit_callbacks(execute=True):
        new = Translation.objects.create(
            work=work, language=lang, title="Grev", body_markdown="Grev û hevgirtin.",
            status=Translation.Status.PUBLISHED,
        )  # fmt: skip
    # The page is republished at once; the search bundle follows when the worker runs.
    assert (out / new.get_absolute_url().strip("/") / "index.html").is_file()
    assert _pages_indexed(out) == before
    run_due_jobs()
    assert _pages_indexed(out) == before + 1


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.once  # Pagefind answers from the files (the build above runs on both databases)
def test_judged_queries_in_the_browser(static_site, require, corpus):
    require("browser", CHROMIUM.exists(), "Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    out, _ = static_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    by_path = {t.get_absolute_url(): key for key, w in corpus.items() for t in w.translations.all()}
    differences = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page()
            for lang, cases in JUDGED.items():
                for query, expected in cases:
                    page.goto(f"{base}/{lang}/search/?" + _encode(query))
                    page.wait_for_selector("#search-results > *", timeout=10_000)
                    hrefs = page.eval_on_selector_all(
                        ".search-results a", "els => els.map(e => e.getAttribute('href'))"
                    )
                    found = [by_path.get(h) for h in hrefs]
                    if set(found[: len(expected)]) != expected:
                        differences[(lang, query)] = found
            browser.close()
    finally:
        server.shutdown()
    assert set(differences) <= set(STATIC_DIFFERS), differences


def _encode(query: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": query})


@pytest.mark.slow
def test_reindex_static_writes_into_a_built_site(corpus, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    call_command("reindex", static=str(tmp_path))
    assert "29 translations indexed, 11 search pages" in capsys.readouterr().out
    assert (tmp_path / "fa" / "search" / "index.html").is_file()
    with pytest.raises(CommandError, match="not a folder"):
        call_command("reindex", static=str(tmp_path / "missing"))
