"""schema.org descriptions of the public pages (JSON-LD), one builder per kind of page.

Works are ``NewsArticle`` (articles, interviews), ``Report`` (reports) or ``Article``
(statements, joint statements, declarations, communiqués: schema.org has no type of their
own), with ``genre`` naming the kind; events are ``Event``; organizations ``Organization``;
people ``Person``; lists of works ``CollectionPage`` holding an ``ItemList``. Every page
names the network as its publisher, with its address and logo (``HAVZA_SITE_NAME``,
``HAVZA_SITE_LOGO``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix

from havza.links import reverse
from havza.publishing import assets

CONTEXT = "https://schema.org"
WORK_TYPES = {"article": "NewsArticle", "interview": "NewsArticle", "report": "Report"}
GENRES = {
    "article": "article", "statement": "statement", "joint_statement": "joint statement",
    "declaration": "declaration", "communique": "communiqué", "interview": "interview",
    "report": "report",
}  # fmt: skip


def _clean(value: dict) -> dict:
    return {k: v for k, v in value.items() if v not in (None, [], "", {})}


def publisher(site, lang_code: str) -> dict:
    """The network as publisher: its name, home page in LANG_CODE and logo (the same on every
    page of a language: made once per site address and script prefix)."""
    made = _publisher(site.origin, lang_code, get_script_prefix())
    return {**made, "logo": dict(made["logo"])}  # a page's own, to change if it likes


@lru_cache(maxsize=256)
def _publisher(origin: str, lang_code: str, _prefix: str) -> dict:
    return {
        "@type": "Organization",
        "name": settings.HAVZA_SITE_NAME,
        "url": origin + reverse("publishing:home", kwargs={"lang": lang_code}),
        "logo": {"@type": "ImageObject", "url": origin + assets.url(assets.site_logo())},
    }


def _forget_publisher(**_kwargs) -> None:
    _publisher.cache_clear()


setting_changed.connect(_forget_publisher)  # the site's name, logo, static address


def work(
    *,
    kind: str,
    title: str,
    lang_tag: str,
    lang_code: str,
    url: str,
    published: dt.date | None,
    modified: dt.datetime,
    authors: list[dict],
    description: str,
    site,
    original_url: str | None = None,
    translator: str = "",
    signatories: Iterable[dict] = (),
    event_url: str | None = None,
) -> dict:
    """A work's page. AUTHORS and SIGNATORIES: rows with name, href and kind."""
    value = {
        "@context": CONTEXT,
        "@type": WORK_TYPES.get(kind, "Article"),
        "genre": GENRES.get(kind, kind),
        "headline": title,
        "inLanguage": lang_tag,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat(),
        "author": [
            {"@type": a["kind"], "name": a["name"], "url": site.absolute(a["href"])}
            for a in authors
        ],
        "contributor": [
            {
                "@type": s.get("kind", "Organization"),
                "name": s["name"],
                "url": site.absolute(s["href"]),
            }
            for s in signatories
        ],
        "publisher": publisher(site, lang_code),
        "description": description,
        "about": {"@id": event_url} if event_url else None,
    }
    if original_url:
        value["translationOfWork"] = {"@id": original_url}
        if translator:
            value["translator"] = {"@type": "Person", "name": translator}
    return _clean(value)


def event(
    *,
    name: str,
    url: str,
    lang_tag: str,
    lang_code: str,
    starts_on: dt.date,
    ends_on: dt.date,
    place: str,
    country_code: str,
    online: bool,
    organizers: list[tuple[str, str]],
    speakers: list[dict],
    site,
) -> dict:
    """An event's page: dates, where it happens (a place, online, or both), who organizes."""
    locations = []
    if place or country_code:
        locations.append(
            _clean(
                {
                    "@type": "Place",
                    "name": place,
                    "address": _clean(
                        {"@type": "PostalAddress", "addressCountry": country_code or None}
                    ),
                }
            )
        )
    if online:
        locations.append({"@type": "VirtualLocation", "url": url})
    mode = (
        "MixedEventAttendanceMode"
        if online and len(locations) > 1
        else "OnlineEventAttendanceMode"
        if online
        else "OfflineEventAttendanceMode"
    )
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": name,
            "url": url,
            "inLanguage": lang_tag,
            "startDate": starts_on.isoformat(),
            "endDate": ends_on.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": [
                {"@type": "Organization", "name": n, "url": site.absolute(h)} for n, h in organizers
            ],
            "performer": [
                {"@type": "Person", "name": s["name"], "url": site.absolute(s["href"])}
                for s in speakers
            ],
            "publisher": publisher(site, lang_code),
        }
    )


def organization(
    *, name: str, url: str, lang_code: str, country_code: str, website: str, acronym: str, site
) -> dict:
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Organization",
            "name": name,
            "alternateName": acronym,
            "url": url,
            "sameAs": [website] if website else [],
            "address": {"@type": "PostalAddress", "addressCountry": country_code}
            if country_code
            else None,
            "subjectOf": {"@type": "WebPage", "url": url, "publisher": publisher(site, lang_code)},
        }
    )


def person(*, name: str, url: str, lang_code: str, country_code: str, organization, site) -> dict:
    """ORGANIZATION: (name, href) of the organization the person belongs to, or None."""
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "name": name,
            "url": url,
            "nationality": {"@type": "Country", "name": country_code} if country_code else None,
            "affiliation": {
                "@type": "Organization",
                "name": organization[0],
                "url": site.absolute(organization[1]),
            }
            if organization
            else None,
            "subjectOf": {"@type": "WebPage", "url": url, "publisher": publisher(site, lang_code)},
        }
    )


def collection(
    *, name: str, url: str, lang_tag: str, lang_code: str, entries: list[tuple[str, str]], site
) -> dict:
    """A page listing works (or organizations, topics, events): ENTRIES are (name, path)."""
    return {
        "@context": CONTEXT,
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "inLanguage": lang_tag,
        "publisher": publisher(site, lang_code),
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(entries),
            "itemListElement": [
                {"@type": "ListItem", "position": n, "name": title, "url": site.absolute(path)}
                for n, (title, path) in enumerate(entries, start=1)
            ],
        },
    }
