"""Lists of works: their entries, pagination, the home page, kind listings and topics."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from havza import languages
from havza.links import reverse
from havza.network.models import Topic
from havza.publishing import jsonld as schema
from havza.publishing.jinja import localized_number, page_language
from havza.publishing.models import Translation
from havza.publishing.pages.frame import (
    Alternate,
    NotFound,
    Page,
    Site,
    all_language_alternates,
    render,
    render_index,
    template,
)
from havza.publishing.pages.labels import KIND_SEGMENTS, kind_plural
from havza.publishing.pages.work import byline, work_date


@dataclass
class Pagination:
    number: int
    count: int  # pages
    url_name: str
    kwargs: dict

    def href(self, number: int) -> str:
        if number == 1:
            return reverse(self.url_name, kwargs=self.kwargs)
        return reverse(f"{self.url_name}_page", kwargs={**self.kwargs, "page": number})

    @property
    def previous(self) -> str | None:
        return self.href(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.href(self.number + 1) if self.number < self.count else None


def page_count(total: int) -> int:
    return max(1, math.ceil(total / settings.HAVZA_PAGE_SIZE))


# Rendered list entries of works, by (translation, level, script prefix): kept while an
# export renders one language (remembering_items), where each work is listed on many pages.
_items = threading.local()
ITEMS_REMEMBERED = 20_000


@contextmanager
def remembering_items() -> Iterator[None]:
    _items.cache = {}
    try:
        yield
    finally:
        _items.cache = None


def render_items(translations: Iterable[Translation], lang_code: str, level: int) -> list:
    """Each translation as the <li> of a list of works, with a heading of LEVEL."""
    cache = getattr(_items, "cache", None)
    prefix = get_script_prefix()
    lang = languages.get(lang_code) or languages.default()
    rendered = []
    item = _macros().item
    with translation.override(lang.code), page_language(lang.code):
        for t in translations:
            key = (t.pk, level, prefix)  # a translation is in one language: no need to key it
            html = cache.get(key) if cache is not None else None
            if html is None:
                html = item(_item(t), lang, level)
                if cache is not None:
                    if len(cache) >= ITEMS_REMEMBERED:
                        cache.clear()
                    cache[key] = html
            rendered.append(html)
    return rendered


def _macros():
    return template("publishing/macros.html").template.module


def _item(t: Translation) -> dict:
    return {
        "title": t.title,
        "href": t.get_absolute_url(),
        "date": work_date(t),
        "excerpt": t.excerpt,
        "authors": byline(t.work, t.language),
        "kind": t.work.kind,
    }


def collection(name: str, path: str, items: list[Translation], lang, site: Site) -> dict:
    """JSON-LD of a page listing ITEMS."""
    return schema.collection(
        name=name,
        url=site.absolute(path),
        lang_tag=lang.tag,
        lang_code=lang.code,
        entries=[(t.title, t.get_absolute_url()) for t in items],
        site=site,
    )


def render_listing(
    lang_code: str,
    kind: str,
    items: list[Translation],
    number: int,
    count: int,
    site: Site | None = None,
) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    kinds = KIND_SEGMENTS[kind]
    pagination = Pagination(
        number, count, "publishing:listing", {"lang": lang_code, "kinds": kinds}
    )
    path = pagination.href(number)
    with translation.override(lang_code):
        heading = kind_plural(kind)
        title = heading if number == 1 else _("%(heading)s, page %(number)s") % {
            "heading": heading, "number": localized_number(number, lang_code)
        }  # fmt: skip
    alternates = all_language_alternates(site, "publishing:listing", kinds=kinds)
    return render(
        "publishing/listing.html",
        lang,
        site,
        path=path,
        title=title,
        heading=heading,
        alternates=alternates if number == 1 else [],
        items=render_items(items, lang_code, 2),
        pagination=pagination,
        jsonld=collection(title, path, items, lang, site),
    )


def render_home(lang_code: str, latest: list[Translation], site: Site | None = None) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    kinds_present = {t.work.kind for t in latest}
    with translation.override(lang_code):
        sections = [
            (kind_plural(k), reverse("publishing:listing", kwargs={"lang": lang_code, "kinds": s}))
            for k, s in KIND_SEGMENTS.items()
            if k in kinds_present
        ]
    return render(
        "publishing/home.html",
        lang,
        site,
        path=reverse("publishing:home", kwargs={"lang": lang_code}),
        title=settings.HAVZA_SITE_NAME,
        description=lang.tagline,
        alternates=all_language_alternates(site, "publishing:home"),
        x_default=site.absolute(reverse("publishing:root")),
        items=render_items(latest, lang_code, 3),
        sections=sections,
        jsonld=collection(
            settings.HAVZA_SITE_NAME,
            reverse("publishing:home", kwargs={"lang": lang_code}),
            latest,
            lang,
            site,
        ),
    )


def topic_alternates(topic: Topic, site: Site) -> list[Alternate]:
    return [
        Alternate(lang, site.absolute(p), p)
        for lang in languages.all_languages()
        for p in [topic.get_absolute_url(lang.code)]
    ]


def render_topic(
    topic: Topic,
    lang_code: str,
    items: list[Translation],
    number: int,
    count: int,
    site: Site | None = None,
) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    pagination = Pagination(
        number, count, "publishing:topic", {"lang": lang_code, "slug": topic.slug(lang_code)}
    )
    return render(
        "publishing/topic.html",
        lang,
        site,
        path=pagination.href(number),
        title=topic.name(lang_code),
        alternates=topic_alternates(topic, site) if number == 1 else [],
        topic=topic,
        feed=reverse(
            "publishing:topic_feed", kwargs={"lang": lang_code, "slug": topic.slug(lang_code)}
        ),
        items=render_items(items, lang_code, 2),
        pagination=pagination,
        jsonld=collection(topic.name(lang_code), pagination.href(number), items, lang, site),
    )


def find_topic(lang: str, slug: str) -> Topic:
    topic = Topic.objects.filter(**{f"slugs__{lang}": slug}).first()
    if topic is None:
        # A topic without a name in LANG answers under its fallback slug.
        topic = next((t for t in Topic.objects.all() if t.slug(lang) == slug), None)
    if topic is None:
        raise NotFound(lang)
    return topic


def render_topics(lang_code: str, topics: list[Topic], site: Site | None = None) -> Page:
    return render_index(
        "publishing/topics.html",
        "publishing:topics",
        lang_code,
        site,
        gettext_lazy("Topics"),
        entries=sorted(
            ((t.name(lang_code), t.get_absolute_url(lang_code)) for t in topics),
            key=lambda row: row[0].casefold(),
        ),
        topics=sorted(
            ((t.name(lang_code), t.get_absolute_url(lang_code)) for t in topics),
            key=lambda row: row[0].casefold(),
        ),
    )
