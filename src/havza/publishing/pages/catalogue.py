"""The catalogue of page kinds: each kind of public page declared once.

A kind says where its pages live (``routes``, ``location``), which pages there are
(``items``), how one is fetched and rendered (``render``), which lists of works it shows
(``shows``, see ``lists_of_works``) and so which of its pages a change of a work affects
(``affected``). The live site (``urls``, ``views``), the full build (``export.builder``) and
republishing (``export.republish``) all read it, in the manner of Django's sitemaps
framework. The kinds themselves are declared in ``kinds``; adding one is a class there and
its template (see docs/architecture.md, "Page catalogue").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Protocol

from django.conf import settings

from havza import languages
from havza.links import reverse
from havza.publishing.pages.frame import NotFound, Page, Site
from havza.publishing.pages.lists import Pagination
from havza.publishing.pages.lists_of_works import (
    LIST_KINDS,
    ListChange,
    count_from_works,
    count_listed,
    listed,
    listed_from_works,
    page_count,
)

LANG = r"(?P<lang>[a-z]{2,3})"
CHUNK = 500  # rows a build reads at once

PageStream = Iterator[tuple[str, bytes | Iterable[str]]]  # (address, body or its pieces)


class Plan(Protocol):
    """What republishing collects: addresses to render, to remove, page series to prune."""

    remove: set[str]
    prune: list[tuple[Callable[[int], str], int]]

    def add(self, path: str, render: Callable[[], bytes]) -> None: ...

    def pages_on_disk(self, href: Callable[[int], str]) -> int | None:
        """How many pages of the series HREF (page N's address) the export holds (None:
        not known)."""

    def work(self, pk: int) -> Any:
        """Work PK as ``queries.works_for_pages`` fetches it, once per plan (or None)."""


class PageKind:
    """One kind of public page. Subclasses override what differs."""

    name: ClassVar[str]  # the URL name: its pages are at reverse("publishing:<name>")
    routes: ClassVar[list[tuple[str, str]]] = []  # (URL name, regular expression)
    per_language: ClassVar[bool] = True  # one set of pages per site language
    task: ClassVar[str] = "site"  # the part of the build that writes it (builder.TASKS)
    shows: ClassVar[tuple[str, ...]] = ()  # the lists of works it shows (LIST_KINDS)

    # Which pages ---------------------------------------------------------------------------

    def items(self, lang: str | None) -> Iterable[Any]:
        """What there is a page of (an organization, a topic, ...); one page: [None]."""
        return [None]

    def location(self, lang: str | None, item: Any = None, number: int = 1) -> str:
        kwargs = {"lang": lang} if self.per_language else {}
        return reverse(f"publishing:{self.name}", kwargs=kwargs)

    # One page ------------------------------------------------------------------------------

    def find(self, lang: str, **kwargs) -> Any:
        """The item the address's arguments name (raises NotFound)."""
        return None

    def render(self, lang: str | None, item: Any, site: Site, number: int = 1) -> Page:
        raise NotImplementedError

    def live(self, lang: str | None, **kwargs) -> Page:
        """The page at an address of the live site."""
        number = kwargs.pop("page", 1)
        return self.render(lang, self.find(lang, **kwargs), Site(), number)

    # Every page (the full build) -----------------------------------------------------------

    def build(self, site: Site, lang: str | None) -> PageStream:
        for item in self.items(lang):
            page = self.render(lang, item, site)
            yield page.path, page.body

    # Republishing --------------------------------------------------------------------------

    def item_for(self, lang: str, ref: Any) -> Any:
        """The item whose page shows the list REF (None when it is gone)."""
        return ref

    def affected(self, plan: Plan, change: ListChange, site: Site) -> None:
        """Add to PLAN the pages of this kind that CHANGE (of one list it shows) affects."""


class WindowedList(PageKind):
    """A page showing the first ``window`` works of a list: the newest, or an entity's."""

    def window(self) -> int:
        raise NotImplementedError

    def affected(self, plan: Plan, change: ListChange, site: Site) -> None:
        if not change.unknown and change.first_rank() >= self.window():
            return
        lang = change.listing.lang
        ref = change.listing.ref
        item = self.item_for(lang, ref)
        if ref is None or item is not None:  # a list of the whole language, or of an item
            plan.add(self.location(lang, item), lambda: self.render(lang, item, site).body)


class PagedList(PageKind):
    """A list of works in pages of HAVZA_PAGE_SIZE: /…/, /…/page/2/, …"""

    def url_kwargs(self, lang: str, item: Any) -> dict:
        raise NotImplementedError

    def pagination(self, lang: str, item: Any, number: int, count: int) -> Pagination:
        return Pagination(number, count, f"publishing:{self.name}", self.url_kwargs(lang, item))

    def location(self, lang: str | None, item: Any = None, number: int = 1) -> str:
        return self.pagination(lang, item, number, number).href(number)

    def works(self, lang: str, item: Any):
        return LIST_KINDS[self.shows[0]].works(lang, self.ref(item))

    def ref(self, item: Any) -> Any:
        return item

    def render_items(
        self, lang: str, item: Any, items: list, number: int, count: int, site: Site
    ) -> Page:
        raise NotImplementedError

    def render(self, lang: str | None, item: Any, site: Site, number: int = 1) -> Page:
        shown, ref = self.shows[0], self.ref(item)
        size = settings.HAVZA_PAGE_SIZE
        count = page_count(count_listed(shown, lang, ref), size)
        if number < 1 or number > count:
            raise NotFound(lang)
        items = listed(shown, lang, ref, (number - 1) * size, number * size)
        return self.render_items(lang, item, items, number, count, site)

    def build(self, site: Site, lang: str | None) -> PageStream:
        size = settings.HAVZA_PAGE_SIZE
        for item in self.items(lang):
            qs = self.works(lang, item)
            count = page_count(qs.count(), size)
            chunks = in_chunks(qs.iterator(chunk_size=CHUNK), size)
            for number, works in enumerate(chunks, start=1):
                page = self.render_items(lang, item, works, number, count, site)
                yield page.path, page.body
            if count == 1 and not qs.exists():  # an empty list still has its page
                page = self.render_items(lang, item, [], 1, 1, site)
                yield page.path, page.body

    def affected(self, plan: Plan, change: ListChange, site: Site) -> None:
        lang = change.listing.lang
        item = self.item_for(lang, change.listing.ref)
        if item is None:
            return
        size = settings.HAVZA_PAGE_SIZE
        shown, ref = self.shows[0], self.ref(item)
        href = self.pagination(lang, item, 1, 1).href
        # As many works as before: as many pages as the export holds, not counted.
        on_disk = plan.pages_on_disk(href) if change.same_members() else None
        if on_disk:
            numbers, count, count_before = change.pages_of(on_disk, size)
        else:  # counted from the list's works, not as the live page counts the language's
            numbers, count, count_before = change.pages(count_from_works(shown, lang, ref), size)

        def render_page(number: int) -> bytes:
            works = listed_from_works(shown, lang, ref, (number - 1) * size, number * size)
            return self.render_items(lang, item, works, number, count, site).body

        for number in numbers:
            plan.add(href(number), lambda n=number: render_page(n))
        if change.unknown:
            plan.prune.append((href, count + 1))
        else:
            plan.remove |= {href(n) for n in range(count + 1, count_before + 1)}


def in_chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# The registry -----------------------------------------------------------------------------

CATALOGUE: dict[str, PageKind] = {}


def register(cls: type[PageKind]) -> type[PageKind]:
    """Class decorator: declare a page kind (in the order its addresses are matched)."""
    CATALOGUE[cls.name] = cls()
    return cls


def kind(name: str) -> PageKind:
    return CATALOGUE[name]


def showing(list_kind: str) -> list[PageKind]:
    """The kinds of pages that show lists of LIST_KIND."""
    return [k for k in CATALOGUE.values() if list_kind in k.shows]


def for_task(task: str) -> list[PageKind]:
    return [k for k in CATALOGUE.values() if k.task == task]


def build_task(task: str, site: Site, lang: str | None = None) -> PageStream:
    """Every page of the kinds the build's TASK writes (in LANG, for per-language tasks)."""
    for page_kind in for_task(task):
        if page_kind.per_language == (lang is not None):
            yield from page_kind.build(site, lang)


def language_codes() -> list[str]:
    return languages.codes()
