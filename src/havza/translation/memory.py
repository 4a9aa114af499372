"""The translation memory: reviewed segment pairs, found again by exact or fuzzy match.

Only approved pairs enter, each with who approved it; correcting or rejecting the segment
removes its entry, so one bad translation cannot spread from work to work. Lookups are per
language pair and across all works. Sources are compared in a normalized form (see
``normalize``), so a difference no reader sees (digits of another script, curly or straight
quotes, Arabic tatweel and vowel marks, Persian or Arabic yeh and kaf) does not lower a score.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz, process

from havza.translation.models import MemoryEntry, Origin, TargetSegment

FUZZY_THRESHOLD = 70
_BIDI = dict.fromkeys([*range(0x200E, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel
_ARABIC_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه"})
_ARABIC_SCRIPT = {"ar", "fa", "ur", "ckb", "ps"}


def _ascii_digits(text: str) -> str:
    return "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text
    )


def normalize(text: str, language: str) -> str:
    """The form in which two sources count as the same text in LANGUAGE."""
    text = unicodedata.normalize("NFC", text).translate(_BIDI).translate(_QUOTES)
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


def _match(entry: MemoryEntry, score: int) -> Match:
    segment = entry.segment
    from_file = entry.segment_id is None and entry.origin.startswith("TMX:")
    return Match(
        score=score,
        source=entry.source_text,
        target=entry.target_text,
        approved_by=entry.approved_by.get_username() if entry.approved_by else "",
        approved_at=entry.approved_at,
        origin=entry.origin.removeprefix("TMX:").strip() if from_file else entry.origin,
        from_archive=segment is not None and segment.origin == Origin.EXISTING,
        from_file=from_file,
    )


def lookup_many(
    texts: list[str], source_language: str, target_language: str, limit: int = 3
) -> list[list[Match]]:
    """For each text, its best matches, best first: two queries for any number of texts."""
    if not texts:
        return []
    pair = MemoryEntry.objects.filter(
        source_language=source_language, target_language=target_language
    ).select_related("approved_by", "segment")
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
    candidates = list(
        pair.filter(length__gte=low, length__lte=high)
        .order_by("-approved_at").values_list("pk", "source_norm", "source_key")[:5000]
    )  # fmt: skip
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
        found = [_match(e, 100) for e in _unique_targets(exact.get(key, []))]
        found += [_match(entries[candidates[i][0]], min(score, 99)) for i, score in row]
        results.append(_dedupe(found)[:limit])
    return results


def _unique_targets(entries: list[MemoryEntry]) -> list[MemoryEntry]:
    seen, out = set(), []
    for e in entries:
        if e.target_text not in seen:
            seen.add(e.target_text)
            out.append(e)
    return out


def _dedupe(matches: list[Match]) -> list[Match]:
    seen, out = set(), []
    for m in sorted(matches, key=lambda m: -m.score):
        if m.target not in seen:
            seen.add(m.target)
            out.append(m)
    return out


def lookup(text: str, source_language: str, target_language: str, limit: int = 3) -> list[Match]:
    return lookup_many([text], source_language, target_language, limit)[0]


def exact(texts: list[str], source_language: str, target_language: str) -> list[str | None]:
    """The newest 100% translation of each text, if any (pre-filling a new translation)."""
    keys = [source_key(t, source_language) for t in texts]
    newest: dict[str, str] = {}
    for key, target in (
        MemoryEntry.objects.filter(
            source_language=source_language,
            target_language=target_language,
            source_key__in=set(keys),
        )
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
