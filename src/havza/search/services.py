"""Searching: what the live page, the JSON answer and the tests call.

``search()`` analyzes the query in the page language (or in every language), asks the
database's backend for one hit per work, and presents each: title, address, date, snippet in
the hit's language, and the work's other languages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup

from havza import languages
from havza.publishing.models import Translation
from havza.search import backends
from havza.search.backends import Filters
from havza.search.documents import plain_text
from havza.search.query import Clauses, clauses, parse
from havza.search.snippets import snippet

PER_PAGE = 10
MAX_PAGE = 100  # deeper pages are not worth their cost
MAX_QUERY = 200  # characters


@dataclass
class Result:
    work_id: int
    translation_id: int
    title: str
    language: languages.Language
    href: str
    snippet: Markup
    score: float
    date: object
    kind: str
    also_in: list[tuple[languages.Language, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "work": self.work_id,
            "title": self.title,
            "language": self.language.code,
            "address": self.href,
            "snippet": str(self.snippet),
            "score": self.score,
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "also_in": [{"language": lang.code, "address": href} for lang, href in self.also_in],
        }


@dataclass
class Results:
    query: str
    lang: str
    everywhere: bool
    results: list[Result]
    total: int
    page: int
    per_page: int
    problem: str = ""  # "", "empty" (nothing to search for), "excluded-only"
    more: bool = False  # a common query: more than TOTAL match (backends.base.COMMON)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, math.ceil(self.total / self.per_page)) if self.total else 0


def analyzed(query: str, lang: str, everywhere: bool) -> list[Clauses]:
    parts = parse(query[:MAX_QUERY])
    codes = languages.codes() if everywhere else [lang]
    return [clauses(parts, code) for code in codes]


def search(
    query: str,
    lang: str,
    *,
    everywhere: bool = False,
    filters: Filters | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    using: str = "default",
) -> Results:
    query = (query or "").strip()
    page = max(1, min(page, MAX_PAGE))
    queries = analyzed(query, lang, everywhere)
    empty = Results(query, lang, everywhere, [], 0, page, per_page)
    if not any(queries):
        has_negative = any(q.negative for q in queries)
        empty.problem = "excluded-only" if has_negative else "empty"
        return empty
    found = backends.get(using).search(
        queries, filters or Filters(), per_page, (page - 1) * per_page
    )
    by_lang = {q.lang: q for q in queries}
    results = _present(found.hits, by_lang, using)
    return Results(query, lang, everywhere, results, found.total, page, per_page, more=found.more)


def _present(hits, by_lang: dict[str, Clauses], using: str) -> list[Result]:
    if not hits:
        return []
    work_ids = [h.work_id for h in hits]
    translations = (
        Translation.objects.using(using)
        .filter(work_id__in=work_ids, status=Translation.Status.PUBLISHED)
        .select_related("work")
        .only(
            "id", "language", "title", "slug", "excerpt", "body_html", "published_at",
            "work__id", "work__kind", "work__published_on",
        )
    )  # fmt: skip
    by_work: dict[int, list[Translation]] = {}
    by_id = {}
    for t in translations:
        by_work.setdefault(t.work_id, []).append(t)
        by_id[t.pk] = t
    order = {code: i for i, code in enumerate(languages.codes())}
    results = []
    for hit in hits:
        t = by_id.get(hit.translation_id)
        if t is None:  # unpublished since the query ran
            continue
        lang = languages.get(t.language) or languages.default()
        others = sorted(
            (o for o in by_work.get(hit.work_id, []) if o.pk != t.pk and o.language in order),
            key=lambda o: order[o.language],
        )
        text = plain_text(t.body_html) or t.excerpt
        results.append(
            Result(
                work_id=hit.work_id,
                translation_id=t.pk,
                title=t.title,
                language=lang,
                href=t.get_absolute_url(),
                snippet=snippet(text, t.language, by_lang[t.language]),
                score=hit.score,
                date=t.work.published_on or (t.published_at.date() if t.published_at else None),
                kind=t.work.kind,
                also_in=[(languages.get(o.language), o.get_absolute_url()) for o in others],
            )
        )
    return results
