"""sitemap.xml with hreflang alternates (xhtml:link) for every translation group.

Up to WORKS_PER_FILE works, /sitemap.xml is one urlset. Beyond, it becomes a sitemap index of
/sitemaps/pages.xml and /sitemaps/works-N.xml, each under the protocol's limits: 50,000 URLs
and 50 MB. A work in eleven languages is eleven URLs that each list all eleven (19–30 kB).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from havza import languages
from havza.links import reverse
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing import queries
from havza.publishing.models import Work
from havza.publishing.pages.frame import Page, Site
from havza.publishing.pages.labels import KIND_SEGMENTS

WORKS_PER_FILE = 1500  # 11 languages: 16,500 URLs; under 45 MB with long addresses
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _group(urls: list[tuple[str, str]], x_default: str | None, lastmod: str = "") -> Iterator[str]:
    """One <url> per member of a translation group, each listing the whole group."""
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang={quoteattr(tag)} href={quoteattr(href)}/>'
        for tag, href in urls
    )
    if x_default and len(urls) > 1:
        links += f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(x_default)}/>'
    mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    for _tag, href in urls:
        yield f"<url><loc>{escape(href)}</loc>{mod}{links}</url>\n"


def _per_language(site: Site, name: str, **kwargs) -> list[tuple[str, str]]:
    return [
        (lang.tag, site.absolute(reverse(name, kwargs={"lang": lang.code, **kwargs})))
        for lang in languages.all_languages()
    ]


def page_urls(site: Site) -> Iterator[str]:
    root = site.absolute(reverse("publishing:root"))
    yield from _group(_per_language(site, "publishing:home"), root)
    kinds = set(
        Work.objects.filter(translations__status="published").values_list("kind", flat=True)
    )
    for kind, segment in KIND_SEGMENTS.items():
        if kind in kinds:
            yield from _group(_per_language(site, "publishing:listing", kinds=segment), None)
    for name in ("organizations", "topics", "events"):
        yield from _group(_per_language(site, f"publishing:{name}"), None)
    for org in Organization.objects.only("slug").iterator():
        yield from _group(_per_language(site, "publishing:organization", slug=org.slug), None)
    for person in Person.objects.only("slug").iterator():
        yield from _group(_per_language(site, "publishing:person", slug=person.slug), None)
    for event in Event.objects.only("slug").iterator():
        yield from _group(_per_language(site, "publishing:event", slug=event.slug), None)
    for topic in Topic.objects.all().iterator():
        urls = [
            (lang.tag, site.absolute(topic.get_absolute_url(lang.code)))
            for lang in languages.all_languages()
        ]
        yield from _group(urls, None)


def work_urls(site: Site, works: Iterable[Work]) -> Iterator[str]:
    order = {code: i for i, code in enumerate(languages.codes())}
    for work in works:
        translations = sorted(
            (t for t in work.translations.all() if t.language in order),
            key=lambda t: order[t.language],
        )
        if not translations:
            continue
        urls = [(t.lang.tag, site.absolute(t.get_absolute_url())) for t in translations]
        original = next((t for t in translations if t.language == work.original_language), None)
        lastmod = max(
            (
                t.content_updated_at or t.published_at
                for t in translations
                if t.content_updated_at or t.published_at
            ),
            default=None,
        )
        yield from _group(
            urls,
            site.absolute(original.get_absolute_url()) if original else None,
            lastmod.date().isoformat() if lastmod else "",
        )


def work_file_count() -> int:
    total = queries.works_with_translations().count()
    return max(1, -(-total // WORKS_PER_FILE))


def iter_sitemap(site: Site) -> Iterator[str]:
    """The text of /sitemap.xml, in pieces (a urlset, or an index on large sites)."""
    files = work_file_count()
    if files == 1:
        yield _HEAD
        yield from page_urls(site)
        yield from work_urls(site, queries.works_with_translations().iterator(chunk_size=500))
        yield "</urlset>\n"
        return
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    pages_href = site.absolute(reverse("publishing:sitemap_pages"))
    yield f"<sitemap><loc>{escape(pages_href)}</loc></sitemap>\n"
    for n in range(1, files + 1):
        href = site.absolute(reverse("publishing:sitemap_works", kwargs={"number": n}))
        yield f"<sitemap><loc>{escape(href)}</loc></sitemap>\n"
    yield "</sitemapindex>\n"


def iter_pages_file(site: Site) -> Iterator[str]:
    yield _HEAD
    yield from page_urls(site)
    yield "</urlset>\n"


def iter_works_file(site: Site, number: int) -> Iterator[str]:
    start = (number - 1) * WORKS_PER_FILE
    works = queries.works_with_translations()[start : start + WORKS_PER_FILE]
    yield _HEAD
    yield from work_urls(site, works.iterator(chunk_size=500))
    yield "</urlset>\n"


def as_page(chunks: Iterable[str], path: str = "") -> Page:
    return Page(
        "".join(chunks).encode("utf-8"), content_type="application/xml; charset=utf-8", path=path
    )
