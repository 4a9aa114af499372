"""The one page renderer: every public page, for the live site and the static export alike.

Each ``render_*`` function takes what the page shows (already fetched, with its prefetches)
and returns a ``Page``. Live views fetch one page's objects and call it; the export streams
objects in chunks and calls the same functions, so both write byte-identical pages.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import QuerySet
from django.template import engines
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from markupsafe import Markup, escape

from havza import countries, languages
from havza.links import reverse
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing import queries
from havza.publishing.jinja import localized_number, page_language
from havza.publishing.models import Authorship, Translation, Work

KIND_SEGMENTS = {
    Work.Kind.ARTICLE: "articles",
    Work.Kind.STATEMENT: "statements",
    Work.Kind.DECLARATION: "declarations",
    Work.Kind.COMMUNIQUE: "communiques",
    Work.Kind.INTERVIEW: "interviews",
    Work.Kind.REPORT: "reports",
}
SEGMENT_KINDS = {segment: kind for kind, segment in KIND_SEGMENTS.items()}


# A kind's heading over a listing, and its label on a work, translated when shown.
KIND_PLURALS = {
    Work.Kind.ARTICLE: pgettext_lazy("work kind", "Articles"),
    Work.Kind.STATEMENT: pgettext_lazy("work kind", "Statements"),
    Work.Kind.DECLARATION: pgettext_lazy("work kind", "Declarations"),
    Work.Kind.COMMUNIQUE: pgettext_lazy("work kind", "Communiqués"),
    Work.Kind.INTERVIEW: pgettext_lazy("work kind", "Interviews"),
    Work.Kind.REPORT: pgettext_lazy("work kind", "Reports"),
}
KIND_LABELS = {
    Work.Kind.ARTICLE: pgettext_lazy("work kind", "Article"),
    Work.Kind.STATEMENT: pgettext_lazy("work kind", "Statement"),
    Work.Kind.DECLARATION: pgettext_lazy("work kind", "Declaration"),
    Work.Kind.COMMUNIQUE: pgettext_lazy("work kind", "Communiqué"),
    Work.Kind.INTERVIEW: pgettext_lazy("work kind", "Interview"),
    Work.Kind.REPORT: pgettext_lazy("work kind", "Report"),
}


def kind_plural(kind: str) -> str:
    """The heading of a listing of KIND, in the active language."""
    return str(KIND_PLURALS[kind])


def kind_singular(kind: str) -> str:
    """The label of one work of KIND, in the active language."""
    return str(KIND_LABELS[kind])


# Functions (translation) -> list of (kind, text) notices shown above a work's body. Other
# apps register theirs here (the translation workflow adds "the original was updated").
WORK_NOTICES: list = []


class NotFound(Exception):
    """The page does not exist; ``alternatives`` are translations that do."""

    def __init__(self, lang: str, alternatives: list[Translation] | None = None):
        super().__init__(lang)
        self.lang = lang
        self.alternatives = alternatives or []


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    language: str = ""


@dataclass(frozen=True)
class Site:
    """Where the pages will be read: absolute links (canonical, feeds, sitemaps) start here."""

    base_url: str = field(default_factory=lambda: settings.HAVZA_BASE_URL)

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    def absolute(self, path: str) -> str:
        return self.origin + path


def _template(name: str):
    return engines["jinja2"].get_template(name)


@lru_cache(maxsize=256)
def _chrome(lang_code: str, prefix: str, site_name: str) -> dict[str, Markup]:
    lang = languages.get(lang_code) or languages.default()
    with translation.override(lang.code), page_language(lang.code):
        module = _template("publishing/chrome.html").template.make_module(
            {"lang": lang, "site_name": site_name}
        )
        return {part: Markup(getattr(module, part)()) for part in ("head", "masthead", "footer")}


def chrome(lang_code: str) -> dict[str, Markup]:
    """The parts of every page in LANG_CODE that do not depend on the page (asset links,
    taglines, sections, footer): rendered once per language and address scheme."""
    return _chrome(lang_code, get_script_prefix(), settings.HAVZA_SITE_NAME)


def _forget_chrome(**_kwargs) -> None:
    _chrome.cache_clear()


setting_changed.connect(_forget_chrome)


@dataclass
class Alternate:
    language: languages.Language
    href: str  # absolute
    path: str


def _all_language_alternates(site: Site, url_name: str, **kwargs) -> list[Alternate]:
    return [
        Alternate(lang, site.absolute(p), p)
        for lang in languages.all_languages()
        for p in [reverse(url_name, kwargs={"lang": lang.code, **kwargs})]
    ]


def _render(
    template: str,
    lang: languages.Language,
    site: Site,
    *,
    path: str,
    title: str,
    alternates: list[Alternate],
    status: int = 200,
    description: str = "",
    **context,
) -> Page:
    by_code = {a.language.code: a for a in alternates}
    menu = [
        (other, by_code[other.code].path if other.code in by_code else reverse(
            "publishing:home", kwargs={"lang": other.code}
        ))
        for other in languages.all_languages()
    ]  # fmt: skip
    context["language_links"] = _language_links(lang, alternates, menu)
    with translation.override(lang.code), page_language(lang.code):
        html = _template(template).render(
            {
                "lang": lang,
                "site_name": settings.HAVZA_SITE_NAME,
                "page_title": title,
                "description": description,
                "canonical": site.absolute(path),
                "alternates": alternates,
                "x_default": context.pop("x_default", None),
                "menu": menu,
                "chrome": chrome(lang.code),
                "path": path,
                "site": site,
                "jsonld": context.pop("jsonld", None),
                "og": context.pop("og", {}),
                **context,
            }
        )
    return Page(html.encode("utf-8"), status=status, language=lang.code)


@lru_cache(maxsize=64)
def _menu_entry(code: str, current: bool) -> tuple[str, str]:
    """The language menu's entry for CODE around its address: (before, after)."""
    other = languages.get(code)
    tag, direction, name = escape(other.tag), escape(other.direction), escape(other.native_name)
    mark = ' aria-current="page"' if current else ""
    return (
        '<li><a href="',
        f'" hreflang="{tag}" lang="{tag}" dir="{direction}"{mark}>{name}</a></li>\n',
    )


def _language_links(lang: languages.Language, alternates: list[Alternate], menu) -> dict:
    """The hreflang links of the head and the language menu: on every page, in every
    language, so written here rather than in a template loop."""
    links = "".join(
        f'<link rel="alternate" hreflang="{escape(a.language.tag)}" href="{escape(a.href)}">\n'
        for a in alternates
    )
    entries = []
    for other, href in menu:
        before, after = _menu_entry(other.code, other.code == lang.code)
        entries.append(f"{before}{escape(href)}{after}")
    return {"head": Markup(links), "menu": Markup("".join(entries))}


# Work pages -------------------------------------------------------------------------------


def byline(work: Work, lang: str) -> list[dict]:
    return [
        {
            "name": a.organization.display(lang) if a.organization else a.person.display(lang),
            "href": a.author.get_absolute_url(lang),
            "kind": "Organization" if a.organization else "Person",
        }
        for a in work.authorships.all()
    ]


def signatory_rows(work: Work, lang: str) -> tuple[list[dict], list[dict]]:
    issuers, signers = [], []
    for s in work.signatories.all():
        row = {
            "name": s.organization.display(lang) if s.organization else s.person.display(lang),
            "href": s.signer.get_absolute_url(lang),
            "country": countries.name(s.country, lang) if s.country else "",
        }
        (issuers if s.role == s.Role.ISSUER else signers).append(row)
    return issuers, signers


def _work_date(t: Translation):
    return t.work.published_on or (t.published_at.date() if t.published_at else None)


def _siblings(work: Work) -> tuple[list[Translation], dict[int, str]]:
    """The work's published translations and their addresses, kept on the work while its
    pages in every language are rendered from it."""
    prefix = get_script_prefix()
    kept = work.__dict__.get("_havza_siblings")
    if kept is None or kept[0] != prefix:
        siblings = work.published_translations()
        kept = (prefix, siblings, {s.pk: s.get_absolute_url() for s in siblings})
        work.__dict__["_havza_siblings"] = kept
    return kept[1], kept[2]


def render_work(t: Translation, site: Site | None = None) -> Page:
    site = site or Site()
    lang = t.lang
    work = t.work
    siblings, hrefs = _siblings(work)
    alternates = [Alternate(s.lang, site.absolute(hrefs[s.pk]), hrefs[s.pk]) for s in siblings]
    original = next((s for s in siblings if s.language == work.original_language), None)
    authors = byline(work, lang.code)
    issuers, signers = signatory_rows(work, lang.code)
    date = _work_date(t)
    url = t.get_absolute_url()
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": t.title,
        "inLanguage": lang.tag,
        "url": site.absolute(url),
        "mainEntityOfPage": site.absolute(url),
        "datePublished": date.isoformat() if date else None,
        "dateModified": (t.content_updated_at or t.modified_at).isoformat(),
        "author": [
            {"@type": a["kind"], "name": a["name"], "url": site.absolute(a["href"])}
            for a in authors
        ],
        "publisher": {"@type": "Organization", "name": settings.HAVZA_SITE_NAME},
        "description": t.excerpt,
    }
    if original and original.pk != t.pk:
        jsonld["translationOfWork"] = {"@id": site.absolute(original.get_absolute_url())}
        if t.translator_credit:
            jsonld["translator"] = {"@type": "Person", "name": t.translator_credit}
    jsonld = {k: v for k, v in jsonld.items() if v not in (None, [], "")}
    og = {
        "type": "article",
        "locale": lang.og_locale,
        "locale_alternates": [s.lang.og_locale for s in siblings if s.pk != t.pk],
        "published_time": date.isoformat() if date else "",
    }
    with translation.override(lang.code):
        kind_label = kind_singular(work.kind)
        notices = [notice for provider in WORK_NOTICES for notice in provider(t)]
    return _render(
        "publishing/work.html",
        lang,
        site,
        path=url,
        title=t.title,
        description=t.excerpt,
        alternates=alternates,
        x_default=site.absolute(original.get_absolute_url()) if original else None,
        t=t,
        work=work,
        kind_label=kind_label,
        notices=notices,
        kind_href=reverse(
            "publishing:listing", kwargs={"lang": lang.code, "kinds": KIND_SEGMENTS[work.kind]}
        ),
        date=date,
        authors=authors,
        issuers=issuers,
        signers=signers,
        also_in=[(s.lang, hrefs[s.pk]) for s in siblings if s.pk != t.pk],
        original=original if original and original.pk != t.pk else None,
        topics=[(tp.name(lang.code), tp.get_absolute_url(lang.code)) for tp in work.topics.all()],
        event=(work.event.name(lang.code), work.event.get_absolute_url(lang.code))
        if work.event
        else None,
        jsonld=jsonld,
        og=og,
    )


def fetch_work(lang: str, slug: str) -> Translation:
    t = queries.work_pages().filter(language=lang, slug=slug).first()
    if t is not None:
        return t
    # The slug may be the work's slug in another language: offer the languages it exists in.
    other = Translation.objects.filter(slug=slug, status=queries.PUBLISHED).first()
    alternatives = other.work.published_translations() if other else []
    raise NotFound(lang, alternatives)


# Listings ---------------------------------------------------------------------------------


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
    return _template("publishing/macros.html").template.module


def _item(t: Translation) -> dict:
    return {
        "title": t.title,
        "href": t.get_absolute_url(),
        "date": _work_date(t),
        "excerpt": t.excerpt,
        "authors": byline(t.work, t.language),
        "kind": t.work.kind,
    }


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
    alternates = _all_language_alternates(site, "publishing:listing", kinds=kinds)
    return _render(
        "publishing/listing.html",
        lang,
        site,
        path=path,
        title=title,
        heading=heading,
        alternates=alternates if number == 1 else [],
        items=render_items(items, lang_code, 2),
        pagination=pagination,
    )


def fetch_listing(lang: str, kind: str, number: int) -> tuple[list[Translation], int]:
    qs = queries.listing(lang).filter(work__kind=kind)
    total = qs.count()
    count = page_count(total)
    if number < 1 or number > count:
        raise NotFound(lang)
    size = settings.HAVZA_PAGE_SIZE
    return list(qs[(number - 1) * size : number * size]), count


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
    return _render(
        "publishing/home.html",
        lang,
        site,
        path=reverse("publishing:home", kwargs={"lang": lang_code}),
        title=settings.HAVZA_SITE_NAME,
        description=lang.tagline,
        alternates=_all_language_alternates(site, "publishing:home"),
        x_default=site.absolute(reverse("publishing:root")),
        items=render_items(latest, lang_code, 3),
        sections=sections,
    )


def fetch_home(lang: str) -> list[Translation]:
    return list(queries.listing(lang)[: settings.HAVZA_PAGE_SIZE])


def render_root(site: Site | None = None) -> Page:
    """The language chooser at the site root (the live site redirects instead)."""
    site = site or Site()
    lang = languages.default()
    return _render(
        "publishing/root.html",
        lang,
        site,
        path=reverse("publishing:root"),
        title=settings.HAVZA_SITE_NAME,
        alternates=_all_language_alternates(site, "publishing:home"),
        x_default=site.absolute(reverse("publishing:root")),
    )


def render_not_found(lang_code: str, alternatives=(), site: Site | None = None) -> Page:
    site = site or Site()
    lang = languages.get(lang_code) or languages.default()
    with translation.override(lang.code):
        title = _("Page not found")
    return _render(
        "publishing/404.html",
        lang,
        site,
        path=reverse("publishing:home", kwargs={"lang": lang.code}),
        title=title,
        alternates=[],
        status=404,
        alternatives=list(alternatives),
        noindex=True,
    )


# Organizations, people, topics, events ----------------------------------------------------


WORKS_PER_ENTITY = 100


@dataclass
class Listed:
    """What the pages of some organizations or people list, fetched for all of them at once:
    owner id -> items (newest first, at most WORKS_PER_ENTITY) or rows."""

    authored: dict[int, list[Translation]]
    signed: dict[int, list[Translation]]
    related: dict[int, list[tuple[str, str]]]  # an organization's members, a person's events


def works_linked(lang: str, links) -> QuerySet[Translation]:
    """The works in LANG (listing order) that LINKS (authorships or signatures) point to."""
    return queries.listing(lang).filter(work_id__in=links.values("work_id"))


def _works_by_owner(lang: str, links, owner_field: str) -> dict[int, list[Translation]]:
    """LINKS: authorships or signatures of the owners; their works in LANG, per owner."""
    owners_of: dict[int, list[int]] = defaultdict(list)
    for owner, work in links.values_list(owner_field, "work_id"):
        if owner not in owners_of[work]:
            owners_of[work].append(owner)
    listed: dict[int, list[Translation]] = defaultdict(list)
    if not owners_of:
        return listed
    for t in works_linked(lang, links).iterator(chunk_size=500):
        for owner in owners_of.get(t.work_id, ()):
            rows = listed[owner]
            if len(rows) < WORKS_PER_ENTITY:
                rows.append(t)
    return listed


def organizations_listed(ids: list[int], lang: str) -> Listed:
    from havza.publishing.models import Signatory

    members: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for p in Person.objects.filter(organization_id__in=ids):
        members[p.organization_id].append((p.display(lang), p.get_absolute_url(lang)))
    return Listed(
        authored=_works_by_owner(
            lang, Authorship.objects.filter(organization_id__in=ids), "organization_id"
        ),
        signed=_works_by_owner(
            lang, Signatory.objects.filter(organization_id__in=ids), "organization_id"
        ),
        related=members,
    )


def people_listed(ids: list[int], lang: str) -> Listed:
    from havza.network.models import Speaker
    from havza.publishing.models import Signatory

    talks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for s in Speaker.objects.filter(person_id__in=ids).select_related("event"):
        talks[s.person_id].append((s.event.name(lang), s.event.get_absolute_url(lang)))
    return Listed(
        authored=_works_by_owner(lang, Authorship.objects.filter(person_id__in=ids), "person_id"),
        signed=_works_by_owner(lang, Signatory.objects.filter(person_id__in=ids), "person_id"),
        related=talks,
    )


def render_organization(
    org: Organization, lang_code: str, site: Site | None = None, listed: Listed | None = None
) -> Page:
    """LISTED may come from organizations_listed() for many organizations at once."""
    site = site or Site()
    lang = languages.get(lang_code)
    listed = listed or organizations_listed([org.pk], lang_code)
    return _render(
        "publishing/organization.html",
        lang,
        site,
        path=org.get_absolute_url(lang_code),
        title=org.display(lang_code),
        alternates=_all_language_alternates(site, "publishing:organization", slug=org.slug),
        org=org,
        country=countries.name(org.country, lang_code) if org.country else "",
        authored=render_items(listed.authored.get(org.pk, []), lang_code, 3),
        signed=render_items(listed.signed.get(org.pk, []), lang_code, 3),
        members=listed.related.get(org.pk, []),
    )


def render_organizations(lang_code: str, orgs: list[Organization], site: Site | None = None):
    site = site or Site()
    lang = languages.get(lang_code)
    with translation.override(lang_code):
        title = _("Organizations")
    rows = [
        {
            "name": o.display(lang_code),
            "href": o.get_absolute_url(lang_code),
            "country": countries.name(o.country, lang_code) if o.country else "",
            "member": o.is_member,
        }
        for o in orgs
    ]
    return _render(
        "publishing/organizations.html",
        lang,
        site,
        path=reverse("publishing:organizations", kwargs={"lang": lang_code}),
        title=title,
        alternates=_all_language_alternates(site, "publishing:organizations"),
        members=[r for r in rows if r["member"]],
        others=[r for r in rows if not r["member"]],
    )


def render_person(
    person: Person, lang_code: str, site: Site | None = None, listed: Listed | None = None
) -> Page:
    """LISTED may come from people_listed() for many people at once."""
    site = site or Site()
    lang = languages.get(lang_code)
    org = person.organization
    listed = listed or people_listed([person.pk], lang_code)
    return _render(
        "publishing/person.html",
        lang,
        site,
        path=person.get_absolute_url(lang_code),
        title=person.display(lang_code),
        alternates=_all_language_alternates(site, "publishing:person", slug=person.slug),
        person=person,
        country=countries.name(person.country, lang_code) if person.country else "",
        organization=(org.display(lang_code), org.get_absolute_url(lang_code)) if org else None,
        authored=render_items(listed.authored.get(person.pk, []), lang_code, 3),
        signed=render_items(listed.signed.get(person.pk, []), lang_code, 3),
        events=listed.related.get(person.pk, []),
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
    return _render(
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
    )


def find_topic(lang: str, slug: str) -> Topic:
    topic = Topic.objects.filter(**{f"slugs__{lang}": slug}).first()
    if topic is None:
        # A topic without a name in LANG answers under its fallback slug.
        topic = next((t for t in Topic.objects.all() if t.slug(lang) == slug), None)
    if topic is None:
        raise NotFound(lang)
    return topic


def fetch_topic(lang: str, slug: str, number: int) -> tuple[Topic, list[Translation], int]:
    topic = find_topic(lang, slug)
    qs = queries.listing(lang).filter(work__topics=topic)
    count = page_count(qs.count())
    if number < 1 or number > count:
        raise NotFound(lang)
    size = settings.HAVZA_PAGE_SIZE
    return topic, list(qs[(number - 1) * size : number * size]), count


def render_topics(lang_code: str, topics: list[Topic], site: Site | None = None) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    with translation.override(lang_code):
        title = _("Topics")
    return _render(
        "publishing/topics.html",
        lang,
        site,
        path=reverse("publishing:topics", kwargs={"lang": lang_code}),
        title=title,
        alternates=_all_language_alternates(site, "publishing:topics"),
        topics=sorted(
            ((t.name(lang_code), t.get_absolute_url(lang_code)) for t in topics),
            key=lambda row: row[0].casefold(),
        ),
    )


def reach_sentence(event: Event, lang_code: str) -> str:
    """ "45 speakers from 25 countries across 5 continents", in LANG, from the speakers."""
    speakers, country_count, continent_count = event.reach()
    if not speakers:
        return ""
    n = lambda value: localized_number(value, lang_code)  # noqa: E731
    with translation.override(lang_code):
        parts = {
            # Translators: the first part of "45 speakers from 25 countries across 5
            # continents" on an event's page; the count is written in the page's digits.
            "speakers": ngettext(
                "%(count)s speaker", "%(count)s speakers", speakers
            ) % {"count": n(speakers)},
            # Translators: the second part, "from 25 countries": where the speakers come from.
            "countries": ngettext(
                "from %(count)s country", "from %(count)s countries", country_count
            ) % {"count": n(country_count)},
            # Translators: the third part, "across 5 continents".
            "continents": ngettext(
                "across %(count)s continent", "across %(count)s continents", continent_count
            ) % {"count": n(continent_count)},
        }  # fmt: skip
        # Translators: joins the three parts above into one sentence: "45 speakers from 25
        # countries across 5 continents". Reorder them, or add words, as the language needs.
        return _("%(speakers)s %(countries)s %(continents)s") % parts


def render_event(event: Event, lang_code: str, site: Site | None = None) -> Page:
    from babel.dates import format_interval

    site = site or Site()
    lang = languages.get(lang_code)
    if event.ends_on and event.ends_on != event.starts_on:
        dates = lang.localize_digits(
            format_interval(event.starts_on, event.ends_on, "yMMMd", locale=lang.babel)
        )
    else:
        from havza.publishing.jinja import localized_date

        dates = localized_date(event.starts_on, lang_code)
    from havza.multilingual import pick

    speakers = [
        {
            "name": s.person.display(lang_code),
            "href": s.person.get_absolute_url(lang_code),
            "country": countries.name(s.country, lang_code) if s.country else "",
        }
        for s in event.speakers.select_related("person")
    ]
    return _render(
        "publishing/event.html",
        lang,
        site,
        path=event.get_absolute_url(lang_code),
        title=event.name(lang_code),
        alternates=_all_language_alternates(site, "publishing:event", slug=event.slug),
        event=event,
        dates=dates,
        place=pick(event.place, lang_code, "en"),
        country=countries.name(event.country, lang_code) if event.country else "",
        reach=reach_sentence(event, lang_code),
        organizers=[
            (o.display(lang_code), o.get_absolute_url(lang_code)) for o in event.organizers.all()
        ],
        speakers=speakers,
        works=render_items(
            queries.listing(lang_code).filter(work__event=event)[:WORKS_PER_ENTITY], lang_code, 3
        ),
    )


def render_events(lang_code: str, events: list[Event], site: Site | None = None) -> Page:
    site = site or Site()
    lang = languages.get(lang_code)
    with translation.override(lang_code):
        title = _("Events")
    return _render(
        "publishing/events.html",
        lang,
        site,
        path=reverse("publishing:events", kwargs={"lang": lang_code}),
        title=title,
        alternates=_all_language_alternates(site, "publishing:events"),
        events=[(e.name(lang_code), e.get_absolute_url(lang_code), e.starts_on) for e in events],
    )


def render_robots(site: Site | None = None) -> Page:
    site = site or Site()
    sitemap = site.absolute(reverse("publishing:sitemap"))
    text = f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap}\n"
    return Page(text.encode(), content_type="text/plain; charset=utf-8")
