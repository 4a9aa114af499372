"""What is indexed of a translation: its analyzed title, summary and body, and its work's facts."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from havza.publishing import bulk
from havza.search.analysis import analyzer

TAG = re.compile(r"<[^>]*>")
MAX_BODY_TERMS = 20_000  # PostgreSQL keeps positions up to 16,383; FTS5 gets the same terms


@dataclass(frozen=True)
class Entry:
    translation_id: int
    work_id: int
    language: str
    kind: str
    year: int | None
    published: object  # date or None
    title: tuple[str, ...]
    summary: tuple[str, ...]
    body: tuple[str, ...]
    # What each backend writes, made where the entry was analyzed (by backend name, see
    # ``backends.prepared``); the terms above are then dropped, as they are in it.
    prepared: dict | None = None


def plain_text(body_html: str) -> str:
    return html.unescape(TAG.sub(" ", body_html))


def entry(
    translation_id: int,
    work_id: int,
    language: str,
    kind: str,
    published,
    title: str,
    subtitle: str,
    excerpt: str,
    body_html: str,
) -> Entry:
    made = bulk.take_ahead("search", language, title, subtitle, excerpt, body_html)
    if made is not None:
        # Analyzed where the translation's text was derived (an import's worker), from
        # these very texts: what the backends write of them, the terms left out as then.
        year = published.year if published else None
        return Entry(translation_id, work_id, language, kind, year, published, (), (), (), made)
    return analyzed(
        translation_id, work_id, language, kind, published, title, subtitle, excerpt, body_html
    )


def analyzed(
    translation_id: int,
    work_id: int,
    language: str,
    kind: str,
    published,
    title: str,
    subtitle: str,
    excerpt: str,
    body_html: str,
) -> Entry:
    an = analyzer(language)
    return Entry(
        translation_id=translation_id,
        work_id=work_id,
        language=language,
        kind=kind,
        year=published.year if published else None,
        published=published,
        title=tuple(an.terms(f"{title} {subtitle}")),
        summary=tuple(an.terms(excerpt)),
        body=tuple(an.terms(plain_text(body_html))[:MAX_BODY_TERMS]),
    )


def entry_for(translation) -> Entry:
    """The entry of a Translation (with its work loaded)."""
    work = translation.work
    published = work.published_on or (
        translation.published_at.date() if translation.published_at else None
    )
    return entry(
        translation.pk,
        work.pk,
        translation.language,
        work.kind,
        published,
        translation.title,
        translation.subtitle,
        translation.excerpt,
        translation.body_html,
    )
