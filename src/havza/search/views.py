"""The live search page and its JSON twin: read the request, call ``services.search``, present.

The search page answers a query string, which the page catalogue's kinds (whose pages are
the same for every visitor and are built into the static export) do not take; so it is a
view of this app, in the frame every public page shares (``publishing.pages.frame``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from havza import languages
from havza.network.models import Organization, Topic
from havza.publishing.jinja import gettext, page_language
from havza.publishing.models import Work
from havza.publishing.pages import KIND_LABELS, Site, frame
from havza.search.backends import Filters
from havza.search.services import Results, search


@dataclass(frozen=True)
class Request:
    query: str
    everywhere: bool
    filters: Filters
    page: int
    params: dict  # the filters as they go back into links


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def read(request: HttpRequest) -> Request:
    get = request.GET
    kind = get.get("kind", "")
    kind = kind if kind in Work.Kind.values else ""
    year = _int(get.get("year"))
    year = year if year and 1000 <= year <= 9999 else None
    topic = _int(get.get("topic"))
    organization = _int(get.get("organization"))
    everywhere = get.get("all") == "1"
    params = {
        k: v
        for k, v in {
            "q": get.get("q", "")[:200],
            "all": "1" if everywhere else "",
            "kind": kind,
            "topic": topic or "",
            "organization": organization or "",
            "year": year or "",
        }.items()
        if v
    }
    return Request(
        query=params.get("q", ""),
        everywhere=everywhere,
        filters=Filters(kind=kind, year=year, topic_id=topic, organization_id=organization),
        page=max(1, _int(get.get("page")) or 1),
        params=params,
    )


def _language(lang: str) -> languages.Language:
    language = languages.get(lang)
    if language is None:
        raise Http404(lang)
    return language


def page(request: HttpRequest, lang: str) -> HttpResponse:
    language = _language(lang)
    asked = read(request)
    results = search(
        asked.query,
        lang,
        everywhere=asked.everywhere,
        filters=asked.filters,
        page=asked.page,
    )
    path = reverse("search:page", kwargs={"lang": lang})
    site = Site()
    rendered = frame.render(
        "search/search.html",
        language,
        site,
        path=path,
        title=_title(results),
        alternates=frame.all_language_alternates(site, "search:page"),
        noindex=True,
        results=results,
        asked=asked,
        kinds=[(value, KIND_LABELS[value]) for value in Work.Kind.values],
        kinds_by_value=KIND_LABELS,
        topics=sorted(((t.pk, t.name(lang)) for t in Topic.objects.all()), key=_second),
        organizations=sorted(
            ((o.pk, o.name(lang)) for o in Organization.objects.all()), key=_second
        ),
        page_link=lambda number: f"{path}?{urlencode({**asked.params, 'page': number})}",
    )
    response = HttpResponse(rendered.body, content_type=rendered.content_type)
    response["Content-Language"] = language.tag
    return response


def _second(pair: tuple) -> str:
    return str(pair[1]).casefold()


def _title(results: Results) -> str:
    with page_language(results.lang):
        if results.query:
            return gettext("Search: %(query)s") % {"query": results.query}
        return gettext("Search")


def as_json(request: HttpRequest, lang: str) -> HttpResponse:
    _language(lang)
    asked = read(request)
    results = search(
        asked.query, lang, everywhere=asked.everywhere, filters=asked.filters, page=asked.page
    )
    body = {
        "query": results.query,
        "language": lang,
        "every_language": results.everywhere,
        "problem": results.problem or None,
        "total": results.total,
        "more_than_total": results.more,
        "page": results.page,
        "pages": results.pages,
        "results": [r.as_json() for r in results.results],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
