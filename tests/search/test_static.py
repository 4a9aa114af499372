"""Search in the static export: Pagefind's bundle, the search pages, and the judged queries
answered in a real browser from a plain static server."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from havza.export import builder
from tests.search.corpus import JUDGED

CHROMIUM = Path("/usr/bin/chromium")

# Judged queries the static export answers differently, and why (docs/search.md).
STATIC_DIFFERS = {
    ("en", "workers -strike"): "Pagefind has no exclusion",
    ("en", "solidarity miners"): "Pagefind breaks no ties by recency",
}


@pytest.fixture
def static_site(corpus, tmp_path):
    """The corpus exported by `havza build`, which writes the static search with the site."""
    out = tmp_path / "public"
    result = builder.build(out, jobs=1)
    return out, result


def _pages_indexed(out: Path) -> int:
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    return sum(lang["page_count"] for lang in entry["languages"].values())


@pytest.mark.slow
def test_a_build_writes_the_bundle_and_the_search_pages(static_site):
    out, result = static_site
    assert "Static search: 29 translations indexed, 11 search pages." in result.steps
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == set(JUDGED)
    assert _pages_indexed(out) == 29
    page = (out / "ar" / "search" / "index.html").read_text()
    assert 'dir="rtl"' in page and "wasm-unsafe-eval" in page
    assert "<noscript>" in page
    # Written as every page of the export is: with its compressed copies.
    assert (out / "ar" / "search" / "index.html.gz").is_file()
    assert not list(out.glob(".pagefind.*"))


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
