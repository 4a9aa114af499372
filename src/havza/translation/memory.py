"""The translation memory: reviewed segment pairs, found again by exact or fuzzy match.

Approved pairs enter, each with who approved it; correcting or rejecting the segment
removes its entry, so one bad translation cannot spread from work to work. Lookups are per
language pair and across all works. Sources are compared in a normalized form (see
``normalize``), so a difference no reader sees (digits of another script, curly or straight
quotes, Arabic tatweel and vowel marks, Persian or Arabic yeh and kaf) does not lower a score.

The archive's translations enter too, paired paragraph by paragraph by the aligner
(``archive_memory``), as suggestions only: their score is lowered by ``archive_penalty`` (an
exact match of an archive pair is never 100, so it is never filled in without review, and a
reviewed entry ranks above it), and the less sure the alignment, the lower. Archive pairs
are stored between the original and each translation; a paragraph in two other languages
of the same work is found through the original's *unit* (``pivot``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rapidfuzz import fuzz, process

from havza.translation.alignment import ascii_digits
from havza.translation.models import MemoryEntry, MemoryKind, Origin, TargetSegment

FUZZY_THRESHOLD = 70
ARCHIVE_PENALTY = 5  # points an archive pair scores below a reviewed one of the same text
ARCHIVE_DOUBT = 15  # further points off for an alignment of confidence 0 (none for 1)
# Regular expressions rather than str.translate with a dict: most text has none of these, and
# a search that finds nothing is far cheaper than a lookup per character.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_QUOTE = re.compile("[“”„«»’‘]")
_QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'"}
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel
_ARABIC_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه"})
_ARABIC_SCRIPT = {"ar", "fa", "ur", "ckb", "ps"}


_ascii_digits = ascii_digits  # digits of every script as ASCII (alignment.ascii_digits)


def normalize(text: str, language: str) -> str:
    """The form in which two sources count as the same text in LANGUAGE."""
    text = _BIDI.sub("", unicodedata.normalize("NFC", text))
    text = _QUOTE.sub(lambda m: _QUOTES[m.group()], text)
    text = _ascii_digits(text)
    if language in _ARABIC_SCRIPT:
        # Writers and keyboards differ in these letters; readers do not see a difference.
        text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    return " ".join(text.split())


def _fuzzy_form(text: str, language: str) -> str:
    if language == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.casefold()


def source_key(text: str, language: str) -> str:
    return hashlib.sha256(normalize(text, language).encode()).hexdigest()


@dataclass
class Match:
    score: int  # 100 only for a normalized exact match
    source: str
    target: str
    approved_by: str
    approved_at: datetime
    origin: str  # the work's title, or "TMX: file name"
    from_archive: bool = False  # approved from a translation the archive import brought
    from_file: bool = False  # imported from a TMX file, not approved in the workspace
    diff: list[tuple[str, str]] = field(default_factory=list)  # to the text looked up
    confidence: float | None = None  # of the alignment, for a pair from the archive


def archive_penalty(confidence: float | None) -> int:
    """Points an archive pair aligned with CONFIDENCE loses against a reviewed pair."""
    doubt = 1.0 - min(max(confidence if confidence is not None else 0.0, 0.0), 1.0)
    return ARCHIVE_PENALTY + round(ARCHIVE_DOUBT * doubt)


def _match(entry: MemoryEntry, score: int, target: str | None = None) -> Match:
    segment = entry.segment
    archive = entry.kind == MemoryKind.ARCHIVE
    from_file = entry.segment_id is None and (
        entry.kind == MemoryKind.FILE or entry.origin.startswith("TMX:")
    )
    if archive:
        score = max(0, score - archive_penalty(entry.confidence))
    return Match(
        score=score,
        source=entry.source_text,
        target=entry.target_text if target is None else target,
        approved_by=entry.approved_by.get_username() if entry.approved_by else "",
        approved_at=entry.approved_at,
        origin=entry.origin.removeprefix("TMX:").strip() if from_file else entry.origin,
        from_archive=archive
        or (segment is not None and segment.origin in (Origin.ARCHIVE, Origin.EXISTING)),
        from_file=from_file,
        confidence=entry.confidence if archive else None,
    )


def _pair(source_language: str, target_language: str, exclude_work: int | None):
    """Entries that may answer SOURCE→TARGET: the pair's own, and every archive entry of the
    source language (one in another pair answers through its unit)."""
    entries = MemoryEntry.objects.filter(source_language=source_language).filter(
        Q(target_language=target_language) | Q(kind=MemoryKind.ARCHIVE)
    )
    if exclude_work is not None:
        entries = entries.exclude(kind=MemoryKind.ARCHIVE, work_id=exclude_work)
    return entries


def pivot(units: set[tuple[int, int]], language: str) -> dict[tuple[int, int], tuple[str, float]]:
    """The text in LANGUAGE of each archive unit (work, unit), with its alignment confidence."""
    found: dict[tuple[int, int], tuple[str, float]] = {}
    if not units:
        return found
    rows = (
        MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE, work_id__in={w for w, _ in units})
        .filter(Q(source_language=language) | Q(target_language=language))
        .values_list("work_id", "unit", "source_language", "source_text", "target_text",
                     "confidence")
    )  # fmt: skip
    for work, unit, source_language, source_text, target_text, confidence in rows:
        if (work, unit) in units:
            text = source_text if source_language == language else target_text
            found[(work, unit)] = (text, confidence or 0.0)
    return found


def _archive_matches(entries: list[tuple[MemoryEntry, int]], target_language: str) -> list[Match]:
    """Matches of archive ENTRIES (with their raw scores), in TARGET_LANGUAGE: an entry of
    another pair gives its unit's text in that language, if the work has it."""
    units = {(e.work_id, e.unit) for e, _ in entries if e.target_language != target_language}
    texts = pivot(units, target_language)
    out = []
    for entry, score in entries:
        if entry.target_language == target_language:
            out.append(_match(entry, score))
            continue
        found = texts.get((entry.work_id, entry.unit))
        if found is None:
            continue
        text, confidence = found
        entry.confidence = min(entry.confidence or 0.0, confidence)
        out.append(_match(entry, score, target=text))
    return out


def lookup_many(
    texts: list[str],
    source_language: str,
    target_language: str,
    limit: int = 3,
    exclude_work: int | None = None,
) -> list[list[Match]]:
    """For each text, its best matches, best first: a few queries for any number of texts.

    EXCLUDE_WORK leaves out the archive pairs of that work (its own earlier translation)."""
    if not texts:
        return []
    pair = _pair(source_language, target_language, exclude_work).select_related(
        "approved_by", "segment"
    )
    keys = [source_key(t, source_language) for t in texts]
    exact: dict[str, list[MemoryEntry]] = {}
    for entry in pair.filter(source_key__in=set(keys)).order_by("-approved_at"):
        exact.setdefault(entry.source_key, []).append(entry)
    norms = [normalize(t, source_language) for t in texts]
    lengths = [len(n) for n in norms]
    low, high = min(lengths) * 2 // 3, max(lengths) * 3 // 2 + 1
    # The newest few thousand pairs of a plausible length are enough for a suggestion; only
    # their normalized sources are read, and the winners are fetched whole afterwards. An
    # exact match of one text is a fuzzy candidate for the others (the same work often
    # repeats a sentence with a word changed), so each text leaves out only its own key.
    # An archive paragraph is stored once per language of its work: it is scored once.
    candidates, seen_units = [], set()
    for pk, norm, key, work, unit in (
        pair.filter(length__gte=low, length__lte=high)
        .order_by("-approved_at").values_list("pk", "source_norm", "source_key", "work_id",
                                              "unit")[:5000]
    ):  # fmt: skip
        if unit is not None:
            if (work, unit) in seen_units:
                continue
            seen_units.add((work, unit))
        candidates.append((pk, norm, key))
    choices = [_fuzzy_form(norm, source_language) for _pk, norm, _key in candidates]
    # One scoring pass for every text against every candidate, in parallel native code.
    scores = (
        process.cdist(
            [_fuzzy_form(n, source_language) for n in norms],
            choices,
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_THRESHOLD,
            workers=-1,
        )
        if choices
        else None
    )
    by_key: dict[str, list[int]] = {}
    for i, (_pk, _norm, key) in enumerate(candidates):
        by_key.setdefault(key, []).append(i)
    best: list[list[tuple[int, int]]] = []  # per text: (candidate index, score)
    for row in range(len(keys)):
        if scores is None:
            best.append([])
            continue
        for i in by_key.get(keys[row], ()):
            scores[row][i] = 0  # already offered as the exact match
        top = scores[row].argsort()[::-1][: limit * 2]
        best.append([(int(i), int(scores[row][i])) for i in top if scores[row][i] > 0])
    wanted = {candidates[i][0] for row in best for i, _score in row}
    entries = pair.in_bulk(wanted) if wanted else {}
    results: list[list[Match]] = []
    for key, row in zip(keys, best, strict=True):
        scored = [(e, 100) for e in _one_per_unit(exact.get(key, []))]
        scored += [(entries[candidates[i][0]], min(score, 99)) for i, score in row]
        found = [_match(e, s) for e, s in scored if e.kind != MemoryKind.ARCHIVE]
        found += _archive_matches(
            [(e, s) for e, s in scored if e.kind == MemoryKind.ARCHIVE], target_language
        )
        results.append(_dedupe(found)[:limit])
    return results


def _one_per_unit(entries: list[MemoryEntry]) -> list[MemoryEntry]:
    """ENTRIES with an archive unit's stored pairs reduced to one."""
    seen, out = set(), []
    for e in entries:
        if e.unit is not None:
            if (e.work_id, e.unit) in seen:
                continue
            seen.add((e.work_id, e.unit))
        out.append(e)
    return out


def _dedupe(matches: list[Match]) -> list[Match]:
    seen, out = set(), []
    for m in sorted(matches, key=lambda m: -m.score):
        if m.target not in seen:
            seen.add(m.target)
            out.append(m)
    return out


def lookup(
    text: str,
    source_language: str,
    target_language: str,
    limit: int = 3,
    exclude_work: int | None = None,
) -> list[Match]:
    return lookup_many([text], source_language, target_language, limit, exclude_work)[0]


def exact(texts: list[str], source_language: str, target_language: str) -> list[str | None]:
    """The newest 100% reviewed (or TMX) translation of each text, if any (pre-filling a new
    translation); the archive's aligned pairs are left out."""
    keys = [source_key(t, source_language) for t in texts]
    newest: dict[str, str] = {}
    for key, target in (
        MemoryEntry.objects.filter(
            source_language=source_language,
            target_language=target_language,
            source_key__in=set(keys),
        )
        .exclude(kind=MemoryKind.ARCHIVE)  # suggestions only: never filled in unreviewed
        .order_by("approved_at")
        .values_list("source_key", "target_text")
    ):
        newest[key] = target
    return [newest.get(k) for k in keys]


def add(
    source_text: str,
    target_text: str,
    source_language: str,
    target_language: str,
    *,
    approved_by=None,
    segment: TargetSegment | None = None,
    origin: str = "",
    kind: str = MemoryKind.REVIEWED,
) -> MemoryEntry:
    norm = normalize(source_text, source_language)
    return MemoryEntry.objects.create(
        source_language=source_language,
        target_language=target_language,
        source_text=source_text,
        target_text=target_text,
        source_key=source_key(source_text, source_language),
        source_norm=norm,
        length=len(norm),
        approved_by=approved_by,
        approved_at=timezone.now(),
        segment=segment,
        origin=origin[:300],
        kind=kind,
    )


@transaction.atomic
def remember(segment: TargetSegment, user) -> MemoryEntry:
    """Keep SEGMENT's approved pair, replacing what its earlier approval left."""
    forget(segment)
    source = segment.source
    return add(
        source.text,
        segment.text,
        source.translation.language,
        segment.translation.language,
        approved_by=user,
        segment=segment,
        origin=source.translation.title,
    )


def forget(segment: TargetSegment) -> int:
    """Remove what SEGMENT's approval put in the memory (it was corrected or rejected)."""
    return MemoryEntry.objects.filter(segment=segment).delete()[0]
