"""Pages in the shapes real archives have, each imported and checked against its facts.

Every page under ``data/patterns/<pattern>/`` (text or HTML, as a scraper saved it) has a
JSON file beside it with what the import must find: the status in the report, language,
title, authors, date, problems, teasers of a listing page, and what the saved body must hold
(its start, its text, lines that keep their line breaks). The patterns: listing pages,
bylines, dates after a byline or closing a page, pages without a title line, and short lines
that are items of their own.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from havza.archive import importer
from havza.publishing.models import Translation, Work

PATTERNS = Path(__file__).resolve().parent / "data" / "patterns"
PAGES = sorted(p for p in PATTERNS.glob("*/*") if p.suffix in {".txt", ".html"})


def test_every_pattern_has_pages_in_five_languages():
    for folder in sorted(p for p in PATTERNS.iterdir() if p.is_dir()):
        facts = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]
        assert len({f["language"] for f in facts}) >= 5, folder.name
    assert {p.parent.name for p in PAGES} == {"listings", "bylines", "dates", "no_title", "lines"}
    assert all(page.with_suffix(".json").exists() for page in PAGES)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.name}" for p in PAGES])
def test_page_is_imported_as_its_facts_say(page, tmp_path):
    facts = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    copy = tmp_path / page.name
    shutil.copyfile(page, copy)
    [entry] = importer.run([str(copy)], importer.Options(jobs=1)).documents

    assert entry["status"] == facts["status"], entry["problems"]
    assert entry["language"] == facts["language"]
    if "title" in facts:
        assert entry["title"] == facts["title"]
    if "title_startswith" in facts:
        assert entry["title"].startswith(facts["title_startswith"])
    if "authors" in facts:
        assert entry["authors"] == facts["authors"]
    if "date" in facts:
        assert entry["date"] == facts["date"]
    for problem in facts.get("problems", []):
        assert problem in entry["problems"]
    for problem in facts.get("no_problems", []):
        assert problem not in entry["problems"]
    if "signatories_count" in facts:
        assert len(entry["signatories"]) == facts["signatories_count"]

    if facts["status"] == "listing":
        _check_listing(entry, facts)
        return
    translation = Translation.objects.get(pk=entry["translation"])
    _check_body(translation, facts)


def _check_listing(entry: dict, facts: dict) -> None:
    # A listing makes no work; its teasers are in the report, in the page's order.
    assert entry["work"] is None and entry["translation"] is None
    assert not Work.objects.exists()
    teasers = entry["teasers"]
    if "teaser_count" in facts:
        assert len(teasers) == facts["teaser_count"]
    else:
        assert len(teasers) == len(facts["teasers"])
    by_title = {t["title"]: t for t in teasers}
    for expected in facts["teasers"]:
        found = by_title[expected["title"]]
        for key, value in expected.items():
            assert found[key] == value, (expected["title"], key)


def _plain(markdown: str) -> str:
    """The body's text as a reader sees it: Markdown escapes and line-break marks removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\\\n", "\n")


def _check_body(translation: Translation, facts: dict) -> None:
    body = _plain(translation.body_markdown)
    if "body_startswith" in facts:
        assert body.startswith(facts["body_startswith"]), body[:200]
    for text in facts.get("body_contains", []):
        assert text in body
    for text in facts.get("body_not_contains", []):
        assert text not in body
    # Lines kept one under another: in the page, each is followed by a line break.
    rendered = translation.body_html
    for lines in facts.get("body_lines", []):
        pattern = r"\s*<br\s*/?>\s*".join(
            re.escape(html.escape(line, quote=False)) for line in lines
        )
        assert re.search(pattern, rendered), (lines, rendered[:500])
