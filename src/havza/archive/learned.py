"""Boilerplate kept from one import to the next, and corrected by editors.

An import learns the lines its archive repeats at the edges of its pages (``boilerplate``).
``remember`` merges them with what earlier imports learned and what editors decided in the
admin (``BoilerplateLine``), stores the new ones, and gives the import the lines to drop:

* lines learned now or before are dropped, unless an editor marked them as text;
* a line that reads as a byline or a date ("Sungur Savran", "9 May 2023"), which
  ``boilerplate`` holds back, is kept and listed for an editor until one confirms it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.utils import timezone

from havza.archive import boilerplate
from havza.archive.boilerplate import HEAD_LINES, TAIL_LINES, Boilerplate
from havza.archive.models import BoilerplateLine
from havza.archive.sources import SourceDocument
from havza.archive.text import fingerprint

Decision = BoilerplateLine.Decision


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def remember(found: Boilerplate, sources: Sequence[SourceDocument]) -> Boilerplate:
    """What to drop in this import: what it FOUND in SOURCES, with what earlier imports
    learned and editors decided. New lines are stored for editors to see."""
    stored = {line.fingerprint: line for line in BoilerplateLine.objects.all()}
    keys = {key: Decision.LEARNED for key in found.learned}
    keys.update({key: Decision.TO_CONFIRM for key in found.held})
    texts = _sample_lines(set(keys), sources)
    counts = _page_counts(set(keys), sources)
    now = timezone.now()
    new, seen = [], []
    for key, decision in keys.items():
        line = stored.get(digest(key))
        if line is None:
            line = BoilerplateLine(
                fingerprint=digest(key),
                text=texts.get(key, key)[:2000],
                pages=counts.get(key, 0),
                decision=decision,
                last_seen_at=now,
            )
            new.append(line)
            stored[line.fingerprint] = line
        else:
            line.pages, line.last_seen_at = counts.get(key, line.pages), now
            seen.append(line)
    BoilerplateLine.objects.bulk_create(new, ignore_conflicts=True)
    BoilerplateLine.objects.bulk_update(seen, ["pages", "last_seen_at"])
    # What an editor decided wins over what this import found; what earlier imports
    # learned is dropped again (``Boilerplate.known`` compares fingerprints of lines).
    by_decision: dict[str, set[str]] = {d: set() for d in Decision.values}
    for line in stored.values():
        by_decision[line.decision].add(fingerprint(line.text))
    kept = by_decision[Decision.TEXT]
    confirmed = (set(found.confirmed) | by_decision[Decision.CONFIRMED]) - kept
    learned = (set(found.learned) | by_decision[Decision.LEARNED] | confirmed) - kept
    held = (set(found.held) | by_decision[Decision.TO_CONFIRM]) - learned - kept
    return replace(found, learned=learned, held=held, confirmed=frozenset(confirmed))


def _sample_lines(keys: set[str], sources: Iterable[SourceDocument]) -> dict[str, str]:
    """A line as written for each fingerprint in KEYS (the first page's that has it)."""
    found: dict[str, str] = {}
    if not keys:
        return found
    for source in sources:
        lines = source.page.lines
        for line in [*lines[:HEAD_LINES], *lines[-TAIL_LINES:]]:
            key = fingerprint(line.text)
            if key in keys and key not in found:
                found[key] = line.text
        if len(found) == len(keys):
            break
    return found


def _page_counts(keys: set[str], sources: Iterable[SourceDocument]) -> dict[str, int]:
    counts = dict.fromkeys(keys, 0)
    if not keys:
        return counts
    for source in sources:
        edges = source.edge_keys or frozenset()
        for key in keys:
            if key in edges or boilerplate.HELD + key in edges:
                counts[key] += 1
    return counts


def decide(lines: Iterable[BoilerplateLine], decision: str) -> int:
    """An editor's decision on LINES (confirmed boilerplate, or text); how many changed."""
    changed = 0
    now = timezone.now()
    for line in lines:
        if line.decision != decision:
            line.decision, line.decided_at = decision, now
            line.save(update_fields=["decision", "decided_at"])
            changed += 1
    return changed
