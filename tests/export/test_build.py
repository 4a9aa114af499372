"""The static export: complete, linked, identical to the live site, and never half-written."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from havza import languages
from havza.export import builder

pytestmark = pytest.mark.django_db


def crawl(out: Path, base_url: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Follow every internal link from the root; return the pages reached and broken links."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    seen: set[str] = set()
    broken: list[tuple[str, str]] = []
    queue = ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        target = builder.file_for(out, path)
        if not target.is_file():
            continue
        if not target.name.endswith(".html"):
            continue
        soup = BeautifulSoup(target.read_bytes(), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("mailto:", "#")):
                continue
            absolute = urljoin(origin + path, ref)
            if not absolute.startswith(origin):
                continue  # links to other sites (organizations' websites)
            linked = urlsplit(absolute).path
            if not builder.file_for(out, linked).is_file():
                broken.append((path, linked))
            elif linked not in seen:
                queue.append(linked)
    return seen, broken


def test_build_writes_every_page_and_every_link_resolves(network, tmp_path, settings):
    out = tmp_path / "public"
    result = builder.build(out, jobs=1)
    assert result.pages > 100
    seen, broken = crawl(out, settings.HAVZA_BASE_URL)
    assert broken == []
    for lang in languages.codes():
        assert (out / lang / "index.html").is_file()
        assert (out / lang / "feed.xml").is_file()
        assert f"/{lang}/" in seen
    for t in network["translations"].values():
        assert unquote(t.get_absolute_url()) in {unquote(p) for p in seen}
    assert (out / "sitemap.xml").is_file() and (out / "robots.txt").is_file()
    assert (out / "404.html").is_file() and (out / "ar" / "404.html").is_file()
    assert (out / "static" / "havza" / "site.css").is_file()
    assert not (out / "static" / "admin").exists()
    assert not (out / "fa" / "works").exists()  # drafts stay private


def test_exported_pages_are_the_live_pages(network, tmp_path, client):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    for t in network["translations"].values():
        url = t.get_absolute_url()
        assert builder.file_for(out, url).read_bytes() == client.get(url).content
    for url in ["/en/", "/ar/statements/", "/hy/feed.xml", "/sitemap.xml", "/el/organizations/"]:
        assert builder.file_for(out, url).read_bytes() == client.get(url).content, url


def test_parallel_build_writes_the_same_site(network, tmp_path, transactional_db):
    one, two = tmp_path / "one", tmp_path / "two"
    builder.build(one, jobs=1)
    builder.build(two, jobs=2)
    files_one = {p.relative_to(one): p.read_bytes() for p in one.rglob("*") if p.is_file()}
    files_two = {p.relative_to(two): p.read_bytes() for p in two.rglob("*") if p.is_file()}
    assert files_one == files_two


@pytest.mark.once  # the links' prefix is the address's whatever the database (reads as above)
def test_base_url_with_a_path_prefixes_every_link(network, tmp_path):
    out = tmp_path / "mirror"
    builder.build(out, base_url="https://mirror.example/network", jobs=1)
    home = (out / "en" / "index.html").read_text()
    assert 'href="/network/en/statements/"' in home
    assert 'rel="canonical" href="https://mirror.example/network/en/"' in home
    assert (out / "en" / "index.html").is_file()  # files stay at the root of OUT
    sitemap = (out / "sitemap.xml").read_text()
    assert "<loc>https://mirror.example/network/en/</loc>" in sitemap


@pytest.mark.once  # the swap is the file system's, whatever the database
def test_an_interrupted_build_leaves_the_old_site_untouched(network, tmp_path, monkeypatch):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken_topics(site, lang):
        yield "/en/topics/", b"half"
        raise RuntimeError("disk full")

    monkeypatch.setitem(builder.TASKS, "topics", broken_topics)
    with pytest.raises(RuntimeError):
        builder.build(out, jobs=1)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".public.lock", "public"]  # no staging and no list of edits left behind


def test_rebuild_replaces_removed_pages(network, tmp_path):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    article = network["article"].translations.get(language="en")
    page = builder.file_for(out, article.get_absolute_url())
    assert page.is_file()
    article.status = "draft"
    article.save()
    builder.build(out, jobs=1)
    assert not page.exists()


@pytest.mark.once  # the command's report, whatever the database
def test_build_command_reports_what_it_wrote(network, tmp_path, capsys):
    call_command("build", str(tmp_path / "site"), "--jobs", "1")
    out = capsys.readouterr().out
    assert out.startswith("Wrote ") and " pages and " in out and str(tmp_path / "site") in out
