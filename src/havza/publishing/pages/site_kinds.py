"""The kinds of pages outside the languages' trees: the root, sitemaps, robots.txt, the
404 pages (see ``catalogue``). Declared before the kinds of ``kinds``: their addresses are
matched first."""

from __future__ import annotations

from django.urls import get_script_prefix

from havza import languages
from havza.links import reverse
from havza.publishing import sitemaps
from havza.publishing.pages import basics
from havza.publishing.pages.catalogue import PageKind, PageStream, register
from havza.publishing.pages.frame import NotFound, Page


@register
class Root(PageKind):
    """The language chooser (the live site redirects to the reader's language instead)."""

    name = "root"
    routes = [("root", "")]
    per_language = False

    def render(self, lang, item, site, number=1) -> Page:
        return basics.render_root(site)


@register
class Sitemap(PageKind):
    """/sitemap.xml: every page, or an index of the files below on large sites."""

    name = "sitemap"
    routes = [("sitemap", "sitemap.xml")]
    per_language = False

    def render(self, lang, item, site, number=1) -> Page:
        return sitemaps.as_page(sitemaps.iter_sitemap(site), self.location(None))

    def build(self, site, lang) -> PageStream:
        # Streamed to its file: one holds up to thousands of works' addresses.
        yield self.location(None), sitemaps.iter_sitemap(site)


@register
class SitemapPages(PageKind):
    name = "sitemap_pages"
    routes = [("sitemap_pages", "sitemaps/pages.xml")]
    per_language = False

    def render(self, lang, item, site, number=1) -> Page:
        return sitemaps.as_page(sitemaps.iter_pages_file(site), self.location(None))

    def build(self, site, lang) -> PageStream:
        if sitemaps.work_file_count() > 1:
            yield self.location(None), sitemaps.iter_pages_file(site)


@register
class SitemapWorks(PageKind):
    name = "sitemap_works"
    routes = [("sitemap_works", "sitemaps/works-<int:number>.xml")]
    per_language = False

    def items(self, lang) -> list[int]:
        files = sitemaps.work_file_count()
        return list(range(1, files + 1)) if files > 1 else []

    def location(self, lang, item=None, number=1) -> str:
        return reverse("publishing:sitemap_works", kwargs={"number": item})

    def find(self, lang, number) -> int:
        if number < 1 or number > sitemaps.work_file_count():
            raise NotFound(languages.default().code)
        return number

    def render(self, lang, item, site, number=1) -> Page:
        return sitemaps.as_page(sitemaps.iter_works_file(site, item), self.location(None, item))

    def build(self, site, lang) -> PageStream:
        for n in self.items(lang):
            yield self.location(None, n), sitemaps.iter_works_file(site, n)


@register
class Robots(PageKind):
    name = "robots"
    routes = [("robots", "robots.txt")]
    per_language = False

    def render(self, lang, item, site, number=1) -> Page:
        return basics.render_robots(site)


@register
class NotFoundPage(PageKind):
    """The 404 page of each language, and the site's own in the default language."""

    name = "not_found"
    per_language = False

    def items(self, lang) -> list[str | None]:
        return [None, *languages.codes()]

    def location(self, lang, item=None, number=1) -> str:
        return f"{get_script_prefix()}{item + '/' if item else ''}404.html"

    def render(self, lang, item, site, number=1) -> Page:
        return basics.render_not_found(
            item or languages.default().code, site=site, address=self.location(None, item)
        )
