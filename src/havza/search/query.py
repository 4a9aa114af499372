"""What a reader types, understood the same way by every backend.

A query is words, "quoted phrases" and -excluded words or -"phrases". Each part is analyzed
with the language it is searched in, so one query becomes one ``Clauses`` per language.
A word that analyzes to several terms ("Türkiye'nin") is searched as a phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from havza.search.analysis import PREFIX_MIN_LENGTH, analyzer

PART = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
MAX_PARTS = 12  # a longer query is cut: each part costs a lookup


@dataclass(frozen=True)
class Part:
    text: str
    quoted: bool
    negated: bool


@dataclass(frozen=True)
class Clause:
    terms: tuple[str, ...]
    negated: bool
    prefix: bool  # the last term matches every term it begins

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True)
class Clauses:
    lang: str
    positive: tuple[Clause, ...]
    negative: tuple[Clause, ...]

    def __bool__(self) -> bool:
        return bool(self.positive)

    def highlight_terms(self) -> tuple[set[str], set[str]]:
        """(exact terms, prefixes) a snippet marks."""
        exact, prefixes = set(), set()
        for clause in self.positive:
            for i, term in enumerate(clause.terms):
                last = i == len(clause.terms) - 1
                (prefixes if clause.prefix and last else exact).add(term)
        return exact, prefixes


def parse(text: str) -> list[Part]:
    parts = []
    for match in PART.finditer(text or ""):
        if match.group(2) is not None:
            part = Part(match.group(2), True, bool(match.group(1)))
        else:
            word = match.group(4)
            negated = bool(match.group(3)) and len(word) > 0
            part = Part(word, False, negated)
        if part.text.strip():
            parts.append(part)
    return parts[:MAX_PARTS]


def clauses(parts: list[Part], lang: str) -> Clauses:
    an = analyzer(lang)
    positive, negative = [], []
    for part in parts:
        terms = tuple(an.terms(part.text))
        if not terms:
            continue
        prefix = (
            an.prefix_match
            and not part.quoted
            and len(terms) == 1
            and len(terms[0]) >= PREFIX_MIN_LENGTH
        )
        clause = Clause(terms, part.negated, prefix)
        (negative if part.negated else positive).append(clause)
    return Clauses(lang, tuple(dict.fromkeys(positive)), tuple(dict.fromkeys(negative)))


def scoped(lang: str, term: str) -> str:
    """A term as the index stores it: with its language, so that each language's terms are
    apart ("tr.emperyalizm") and a search in one language reads only that language's lists."""
    return f"{lang}.{term}"


# FTS5 -------------------------------------------------------------------------------------


def _fts_clause(lang: str, clause: Clause) -> str:
    # Terms are letters and digits only (analysis.WORD), so quoting them is enough.
    text = '"' + " ".join(scoped(lang, t) for t in clause.terms) + '"'
    return text + "*" if clause.prefix else text


def fts5_expression(c: Clauses) -> str:
    """An FTS5 MATCH expression for C (in C's language only)."""
    expr = " AND ".join(_fts_clause(c.lang, x) for x in c.positive)
    for clause in c.negative:
        expr = f"({expr}) NOT {_fts_clause(c.lang, clause)}"
    return expr


def fts5_title_expression(c: Clauses) -> str:
    """C's words and phrases, each in the title (what is left out is not looked at)."""
    return " AND ".join(f"title : {_fts_clause(c.lang, x)}" for x in c.positive)


def title_needles(c: Clauses) -> list[str]:
    """For each word and phrase of C, the text the stored title (its terms with their
    language, one space apart) contains, with a space put before and after it, if the title
    has it as FTS5 would match ``title : "..."``: a phrase's terms one after the other, a
    prefix clause's last term begun by it. What is left out is not looked at (a query's
    matches have none of it)."""
    return [
        " " + " ".join(scoped(c.lang, t) for t in clause.terms) + ("" if clause.prefix else " ")
        for clause in c.positive
    ]


# PostgreSQL -------------------------------------------------------------------------------


def _ts_clause(lang: str, clause: Clause, weight: str = "") -> str:
    parts = [f"'{scoped(lang, t)}'" + (f":{weight}" if weight else "") for t in clause.terms]
    if clause.prefix:
        parts[-1] = f"'{scoped(lang, clause.terms[-1])}':*{weight}"
    text = " <-> ".join(parts)
    return f"({text})" if len(parts) > 1 else text


def tsquery(c: Clauses) -> str:
    """A tsquery in PostgreSQL's text form (cast with ::tsquery, no parser involved)."""
    expr = " & ".join(_ts_clause(c.lang, x) for x in c.positive)
    for clause in c.negative:
        expr += f" & !{_ts_clause(c.lang, clause)}"
    return expr


def title_tsquery(c: Clauses) -> str:
    """C's words and phrases, each in the title (weight A; what is left out is not looked
    at)."""
    return " & ".join(_ts_clause(c.lang, x, "A") for x in c.positive)
