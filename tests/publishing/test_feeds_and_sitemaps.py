"""Feeds and sitemaps, read the way feed readers and search engines read them."""

from __future__ import annotations

import feedparser
import pytest
from django.urls import reverse
from lxml import etree

from havza import languages

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("lang", languages.codes())
def test_language_feed_parses_with_entries_in_its_language(client, network, lang):
    response = client.get(reverse("publishing:feed", kwargs={"lang": lang}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == languages.get(lang).tag
    published = {t.language for t in network["statement"].translations.all() if t.is_published}
    published |= {"tr", "en"}  # the article
    assert bool(feed.entries) == (lang in published)
    for entry in feed.entries:
        assert entry.id and entry.updated and entry.link.startswith("http")
        assert entry.author
        assert entry.content[0].value


def test_feed_entries_carry_authors_and_full_content(client, network):
    feed = feedparser.parse(client.get("/en/feed.xml").content)
    titles = [e.title for e in feed.entries]
    assert titles == ["Strike at the ports", "Long live the day of victory"]  # newest first
    article, statement = feed.entries
    assert article.author == "Selin Kaya"
    assert statement.author == "International Center of the Shores"
    assert "<blockquote>" in statement.content[0].value


def test_topic_feed(client, network):
    topic = network["topic"]
    url = reverse("publishing:topic_feed", kwargs={"lang": "tr", "slug": topic.slug("tr")})
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo
    assert {e.title for e in feed.entries} == {"Zafer günü çok yaşa", "Limanlarda grev"}
    assert "Savaş ve barış" in feed.feed.title


def _urls(client) -> dict[str, dict[str, str]]:
    root = etree.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == f"{SITEMAP}urlset"
    result = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        result[loc] = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
    return result


def test_sitemap_groups_translations_with_hreflang(client, network, settings):
    urls = _urls(client)
    base = settings.HAVZA_BASE_URL
    group = {lang: base + t.get_absolute_url() for lang, t in network["translations"].items()}
    for lang, loc in group.items():
        assert loc in urls, lang
        alternates = urls[loc]
        assert {k: v for k, v in alternates.items() if k != "x-default"} == group
        assert alternates["x-default"] == group["en"]
    # Drafts are not announced.
    assert not any("/fa/works/" in loc for loc in urls)
    assert base + "/ku/" in urls and len(urls[base + "/ku/"]) == len(languages.codes()) + 1


def test_sitemap_becomes_an_index_on_large_sites(client, network, monkeypatch):
    from havza.publishing import sitemaps

    monkeypatch.setattr(sitemaps, "WORKS_PER_FILE", 1)
    root = etree.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    locs = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert [loc.rsplit("/", 1)[1] for loc in locs] == ["pages.xml", "works-1.xml", "works-2.xml"]
    seen = set()
    for n in (1, 2):
        part = etree.fromstring(client.get(f"/sitemaps/works-{n}.xml").content)
        seen |= {loc.text for loc in part.iter(f"{SITEMAP}loc")}
    assert len(seen) == 5 + 2  # five statement translations, two article ones
    assert client.get("/sitemaps/works-3.xml").status_code == 404


def test_a_full_sitemap_file_stays_under_the_protocols_fifty_megabytes(db, settings):
    """A file holds WORKS_PER_FILE works: measured on a work in every site language with long
    addresses, a full file stays under 50 MB and 50,000 URLs."""
    from havza.publishing import sitemaps
    from tests import factories as f

    settings.HAVZA_BASE_URL = "https://www.an-international-network-of-the-shores.example"
    work = f.WorkFactory(kind="statement")
    for lang in languages.codes():
        f.TranslationFactory(work=work, language=lang, title=f"{lang} " + "long title " * 12)
    one = len("".join(sitemaps.work_urls(sitemaps.Site(), [work])).encode())
    assert sitemaps.WORKS_PER_FILE * one < 50_000_000 * 0.9
    assert sitemaps.WORKS_PER_FILE * len(languages.codes()) < 50_000


def test_robots_txt_points_to_the_sitemap(client, db, settings):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.HAVZA_BASE_URL}/sitemap.xml" in text
    assert "Disallow: /admin/" in text
