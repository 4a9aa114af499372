"""A result's snippet: the passage of its text where the query's words are, marked."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from havza.search.analysis import analyzer
from havza.search.query import Clauses

TOKEN = re.compile(r"\S+")
WINDOW = 30  # words in a snippet
READ = 8_000  # characters of a body looked at: the snippet comes from its first part


def _hits(words: list[re.Match], lang: str, clauses: Clauses) -> list[bool]:
    exact, prefixes = clauses.highlight_terms()
    an = analyzer(lang)
    marked = []
    for match in words:
        terms = an.terms(match.group())
        marked.append(any(t in exact or any(t.startswith(p) for p in prefixes) for t in terms))
    return marked


def snippet(text: str, lang: str, clauses: Clauses, window: int = WINDOW) -> Markup:
    """WINDOW words of TEXT around the densest run of matches, matches in <mark>."""
    text = text[:READ]
    words = list(TOKEN.finditer(text))
    if not words:
        return Markup("")
    marked = _hits(words, lang, clauses)
    best, best_count = 0, -1
    count = sum(marked[:window])
    for start in range(max(1, len(words) - window + 1)):
        if start:
            count += marked[start + window - 1] if start + window - 1 < len(words) else 0
            count -= marked[start - 1]
        if count > best_count and (start == 0 or marked[start]):
            best, best_count = start, count
    end = min(len(words), best + window)
    parts = []
    for i in range(best, end):
        word = escape(words[i].group())
        parts.append(Markup("<mark>%s</mark>") % word if marked[i] else word)
    html = Markup(" ").join(parts)
    if best > 0:
        html = Markup("… ") + html
    if end < len(words):
        html += Markup(" …")
    return html
