"""The search page in the page catalogue: ``/<lang>/search/``, one per site language.

Declared as every public page kind is (``publishing.pages.catalogue``), with what differs:

- live, the address answers each query (``views.page``, put in ``publishing.views.LIVE_ONLY``
  so that the catalogue's own view and the served-page cache leave it alone);
- the export does not write a page per query: the kind's ``task`` is "search", which no part
  of the page build runs; the search step of ``havza build`` (``export.build_step``) writes
  each language's page as ``render`` makes it (the same frame, with the results filled in by
  the static search's script) beside the Pagefind index.

``apps.SearchConfig.ready`` registers it.
"""

from __future__ import annotations

from havza import languages
from havza.links import reverse
from havza.publishing.jinja import gettext, page_language
from havza.publishing.pages import Page, PageKind, Site, frame
from havza.publishing.pages.catalogue import LANG

URL_NAME = "search:page"
# The page runs Pagefind's WebAssembly; nothing else changes from the site's policy.
STATIC_SEARCH_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; "
    "style-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"
)


class SearchPage(PageKind):
    name = "search"
    routes = [("search", rf"^{LANG}/search/$")]
    task = "search"  # written by the build's search step, not by the page build

    def location(self, lang, item=None, number=1) -> str:
        return reverse(URL_NAME, kwargs={"lang": lang})

    def render(self, lang, item, site: Site, number=1) -> Page:
        """The page of the static export (the live one answers queries: ``views.page``)."""
        return frame.render(
            "search/static.html",
            languages.get(lang),
            site,
            path=self.location(lang),
            title=title(lang),
            alternates=frame.all_language_alternates(site, URL_NAME),
            noindex=True,
            content_security_policy=STATIC_SEARCH_POLICY,
        )

    def live(self, lang, **kwargs) -> Page:  # pragma: no cover - LIVE_ONLY answers instead
        raise NotImplementedError("the live search page is views.page")


def title(code: str) -> str:
    with page_language(code):
        return gettext("Search")


def register() -> None:
    """Add the kind to the catalogue and its live view to the live-only views (once)."""
    from havza.publishing import views as publishing_views
    from havza.publishing.pages import catalogue
    from havza.search import views

    if SearchPage.name not in catalogue.CATALOGUE:
        catalogue.register(SearchPage)
    publishing_views.LIVE_ONLY.setdefault(SearchPage.name, views.page)
