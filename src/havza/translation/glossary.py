"""The glossary: concepts with a term per language, found in a segment's source text.

The organizations of the network's registry are concepts too, without anyone entering them:
an organization's name in each language, and its acronym, are its terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from havza.network.models import Organization
from havza.translation.memory import normalize
from havza.translation.models import GlossaryTerm
from havza.translation.segmentation import plain


@dataclass
class Concept:
    source_terms: list[str]
    target_terms: list[str]
    note: str = ""
    pattern: re.Pattern | None = field(default=None, repr=False)


@dataclass
class Hit:
    source_term: str
    target_terms: list[str]
    note: str


def _folded(text: str, language: str) -> str:
    if language == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return normalize(text, language).casefold()


def _pattern(terms: list[str], language: str) -> re.Pattern:
    alternatives = sorted(
        {re.escape(_folded(t, language)) for t in terms if t}, key=len, reverse=True
    )
    # Word boundaries that also hold next to Arabic, Greek and Armenian letters.
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)")


class Glossary:
    """The concepts of one language pair, loaded once (two queries) and matched per segment."""

    def __init__(self, source_language: str, target_language: str):
        self.source_language = source_language
        self.target_language = target_language
        self.concepts: list[Concept] = []
        by_concept: dict[int, dict[str, list[str]]] = {}
        notes: dict[int, tuple[str, bool]] = {}
        for term in GlossaryTerm.objects.filter(
            language__in=[source_language, target_language]
        ).select_related("concept"):
            by_concept.setdefault(term.concept_id, {}).setdefault(term.language, []).append(
                term.term
            )
            notes[term.concept_id] = (term.concept.note, term.concept.do_not_translate)
        for cid, terms in by_concept.items():
            source_terms = terms.get(source_language, [])
            note, same = notes[cid]
            target_terms = terms.get(target_language, []) or (source_terms if same else [])
            if source_terms and target_terms:
                self.concepts.append(Concept(source_terms, target_terms, note))
        for org in Organization.objects.only("acronym", "names"):
            names = org.names or {}
            source_name = names.get(source_language)
            target_name = names.get(target_language)
            if source_name and target_name:
                self.concepts.append(Concept([source_name], [target_name], org.acronym))
            if org.acronym and len(org.acronym) > 1:
                self.concepts.append(Concept([org.acronym], [org.acronym], source_name or ""))
        for concept in self.concepts:
            concept.pattern = _pattern(concept.source_terms, source_language)

    def hits(self, source_text: str) -> list[Hit]:
        text = _folded(plain(source_text), self.source_language)
        found = []
        for concept in self.concepts:
            m = concept.pattern.search(text) if concept.pattern else None
            if m:
                found.append(Hit(m.group(1), concept.target_terms, concept.note))
        return found

    def missing(self, source_text: str, target_text: str) -> list[Hit]:
        """Hits of SOURCE_TEXT none of whose target terms appear in TARGET_TEXT."""
        target = _folded(plain(target_text), self.target_language)
        return [
            hit
            for hit in self.hits(source_text)
            if not any(_folded(t, self.target_language) in target for t in hit.target_terms)
        ]
