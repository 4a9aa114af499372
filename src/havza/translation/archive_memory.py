"""The archive's translations as translation memory.

A network's archive holds thousands of human translations. Each translation of a work is
aligned with the work's original, segment by segment as the workspace segments them (the
title with the title, the subtitle with the subtitle, the body's paragraphs by
``alignment.align``), and each pair the aligner is sure enough of enters the memory in both
directions, of kind "archive": suggestions ranked below reviewed entries, never filled in
without review (``memory``). A pair is one *unit* of its work: the same original paragraph
in every language, so a paragraph in two translations is found through the original.

The archive import sends ``publishing.signals.works_imported`` after each batch it commits;
``havza align-archive`` aligns works imported before, or aligns again. A work's earlier
archive pairs are replaced each time. Translations made in the workspace are left out: their
approved segments are in the memory already, as reviewed pairs.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from havza.publishing.models import Translation, Work
from havza.translation import alignment, segmentation
from havza.translation.memory import normalize
from havza.translation.models import (
    MemoryEntry,
    MemoryKind,
    TargetSegment,
    WorkAlignment,
)

MIN_CONFIDENCE = 0.4  # pairs the aligner is less sure of are counted, not remembered
_LETTER = re.compile(r"[^\W\d_]")
TITLE_UNIT, SUBTITLE_UNIT, BODY_UNIT = 0, 2, 4  # units: 2 × position + (span − 1)


@dataclass
class Segments:
    """A translation's text as the workspace segments it."""

    title: str
    subtitle: str
    body: list[segmentation.Block]

    @classmethod
    def of(cls, translation: Translation) -> Segments:
        return cls(
            " ".join(translation.title.split()),
            " ".join((translation.subtitle or "").split()),
            segmentation.segment(translation.body_markdown),
        )


@dataclass
class Pair:
    """Source positions (title -2, subtitle -1, body from 0) and the target text for them."""

    positions: tuple[int, ...]
    source: str
    target: str
    confidence: float
    unit: int


def _features(blocks: list[segmentation.Block]) -> list[alignment.Paragraph]:
    return [alignment.features(segmentation.plain(b.text), b.kind) for b in blocks]


def align_texts(
    source: Segments,
    target: Segments,
    source_features: list[alignment.Paragraph] | None = None,
    keep_alone: bool = False,
) -> list[Pair]:
    """The pairs of SOURCE's and TARGET's segments. A target paragraph paired with nothing
    (a translator's note) is left out, or with KEEP_ALONE added to the pair before it (the
    first pair when it comes first), so that no text of the translation is lost."""
    pairs: list[Pair] = []
    for position, unit, a, b in (
        (-2, TITLE_UNIT, source.title, target.title),
        (-1, SUBTITLE_UNIT, source.subtitle, target.subtitle),
    ):
        if a and b:
            bead = alignment.align([segmentation.plain(a)], [segmentation.plain(b)])[0]
            pairs.append(Pair((position,), a, b, bead.confidence, unit))
    beads = alignment.align_features(
        source_features if source_features is not None else _features(source.body),
        _features(target.body),
    )
    body: list[Pair] = []
    waiting: list[str] = []  # target paragraphs alone before the first pair
    for bead in beads:
        texts = [target.body[j].text for j in bead.target]
        if not bead.source:
            if keep_alone and body:
                body[-1].target = " ".join([body[-1].target, *texts])
            elif keep_alone:
                waiting.extend(texts)
            continue
        if not bead.target:
            continue
        body.append(
            Pair(
                bead.source,
                " ".join(source.body[i].text for i in bead.source),
                " ".join([*waiting, *texts]),
                bead.confidence,
                BODY_UNIT + 2 * bead.source[0] + len(bead.source) - 1,
            )
        )
        waiting = []
    if waiting and source.body:  # nothing paired: the text still goes somewhere
        body.append(Pair((0,), source.body[0].text, " ".join(waiting), 0.0, BODY_UNIT))
    return pairs + body


@dataclass
class PairStats:
    pairs: int = 0  # remembered
    low: int = 0  # aligned, but not sure enough to remember
    total_confidence: float = 0.0  # of the remembered pairs

    def add(self, other: PairStats) -> None:
        self.pairs += other.pairs
        self.low += other.low
        self.total_confidence += other.total_confidence

    def as_dict(self) -> dict:
        mean = self.total_confidence / self.pairs if self.pairs else None
        return {
            "pairs": self.pairs,
            "confidence": round(mean, 3) if mean is not None else None,
            "low": self.low,
        }


@dataclass
class Summary:
    """What aligning some works gave: per language pair ("en-tr": original, translation)
    and per translation (its id: the pairs with its original)."""

    works: int = 0
    languages: dict[str, PairStats] = field(default_factory=dict)
    translations: dict[int, tuple[str, PairStats]] = field(default_factory=dict)

    def add(self, other: Summary) -> None:
        self.works += other.works
        for key, stats in other.languages.items():
            self.languages.setdefault(key, PairStats()).add(stats)
        self.translations.update(other.translations)

    @property
    def pairs(self) -> int:
        return sum(s.pairs for s in self.languages.values())

    def as_json(self) -> dict:
        return {
            "works": self.works,
            "pairs": self.pairs,
            "languages": {k: s.as_dict() for k, s in sorted(self.languages.items())},
        }

    def lines(self) -> list[str]:
        """The summary for people: one line, then one per language pair."""
        out = [
            f"Translation memory from the archive: {self.pairs} pairs aligned in "
            f"{self.works} works (pairs below {MIN_CONFIDENCE:.0%} confidence left out)."
        ]
        for key, stats in sorted(self.languages.items()):
            d = stats.as_dict()
            mean = f"{d['confidence']:.0%}" if d["confidence"] is not None else "-"
            out.append(f"  {key}: {d['pairs']} pairs, mean confidence {mean}, {d['low']} left out")
        return out


def _has_letters(text: str) -> bool:
    # Placeholders hold no letter: the text itself answers as its plain text would.
    return bool(_LETTER.search(text))


def _entry(source: str, target: str, source_language: str, target_language: str, **extra):
    norm = normalize(source, source_language)
    return MemoryEntry(
        source_language=source_language,
        target_language=target_language,
        source_text=source,
        target_text=target,
        source_key=hashlib.sha256(norm.encode()).hexdigest(),
        source_norm=norm,
        length=len(norm),
        kind=MemoryKind.ARCHIVE,
        **extra,
    )


def _translations(work_ids: Iterable[int]):
    workspace = TargetSegment.objects.filter(translation=OuterRef("pk"))
    return (
        Translation.objects.filter(work_id__in=work_ids)
        .exclude(Exists(workspace))
        .values_list("pk", "work_id", "language", "title", "subtitle", "body_markdown")
        .order_by("work_id", "language")
    )


@dataclass
class _Text:
    """A translation as the aligner reads it (no model instance: aligning may run in another
    process)."""

    pk: int
    language: str
    title: str
    subtitle: str
    body_markdown: str

    def segments(self) -> Segments:
        return Segments(
            " ".join(self.title.split()),
            " ".join((self.subtitle or "").split()),
            segmentation.segment(self.body_markdown),
        )


# The columns of an archive pair as stored (``_rows`` writes them in this order).
_COLUMNS = (
    "source_language", "target_language", "source_text", "target_text", "source_key",
    "source_norm", "length", "kind", "work", "unit", "confidence", "approved_at", "origin",
)  # fmt: skip


@dataclass
class _Aligned:
    """What aligning one work gave: rows to store (``_COLUMNS`` but the last two) and, for
    each translation, its language pair and statistics."""

    work_id: int
    rows: list[tuple] = field(default_factory=list)
    stats: list[tuple[int, str, str, PairStats]] = field(default_factory=list)  # pk, from, key
    aligned: bool = False


def _align_work(work_id: int, original_language: str | None, texts: list[_Text]) -> _Aligned:
    """Align the translations of one work with its original (no database)."""
    out = _Aligned(work_id)
    original = next((t for t in texts if t.language == original_language), None)
    if original is None or len(texts) < 2:
        return out
    out.aligned = True
    source = original.segments()
    features = _features(source.body)
    keys: dict[tuple[str, str], tuple[str, str]] = {}

    def keyed(text: str, language: str) -> tuple[str, str]:
        # The original's paragraphs are paired with every translation: normalized once.
        found = keys.get((text, language))
        if found is None:
            norm = normalize(text, language)
            found = keys[text, language] = (hashlib.sha256(norm.encode()).hexdigest(), norm)
        return found

    archive = str(MemoryKind.ARCHIVE)
    for target in texts:
        if target is original:
            continue
        stats = PairStats()
        for pair in align_texts(source, target.segments(), features):
            if not (_has_letters(pair.source) and _has_letters(pair.target)):
                continue
            if pair.confidence < MIN_CONFIDENCE:
                stats.low += 1
                continue
            stats.pairs += 1
            stats.total_confidence += pair.confidence
            for a, b, lang_a, lang_b in (
                (pair.source, pair.target, original.language, target.language),
                (pair.target, pair.source, target.language, original.language),
            ):
                key, norm = keyed(a, lang_a)
                out.rows.append(
                    (lang_a, lang_b, a, b, key, norm, len(norm), archive, work_id, pair.unit,
                     pair.confidence)
                )  # fmt: skip
        key = f"{original.language}-{target.language}"
        out.stats.append((target.pk, original.language, key, stats))
    return out


def _align_all(works: list[tuple[int, str | None, list[_Text]]]) -> list[_Aligned]:
    return [_align_work(*work) for work in works]


# Below this many translations, a second process costs more than it saves.
PARALLEL_FROM = 150


def _align_many(works: list[tuple[int, str | None, list[_Text]]]) -> list[_Aligned]:
    """Align WORKS, half of them in a forked process when there are many and a second core."""
    size = sum(len(texts) for _, _, texts in works)
    if size < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or len(works) < 2:
        return _align_all(works)
    # The child only computes: it never touches the database connection it inherits.
    half = len(works) // 2
    with ProcessPoolExecutor(1, mp_context=get_context("fork")) as pool:
        theirs = pool.submit(_align_all, works[half:])
        ours = _align_all(works[:half])
        return ours + theirs.result()


def _store(ids: list[int], aligned: list[_Aligned], now, origins: dict[int, str]) -> None:
    """Replace the archive pairs and alignment records of IDS with ALIGNED, in bulk."""
    meta = MemoryEntry._meta
    fields = [meta.get_field(name) for name in _COLUMNS]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    approved_at = fields[-2].get_db_prep_save(now, connection)
    rows = [(*row, approved_at, origins[a.work_id]) for a in aligned for row in a.rows]
    records = [
        WorkAlignment(
            work_id=a.work_id, aligned_at=now, pairs={k: s.as_dict() for _, _, k, s in a.stats}
        )
        for a in aligned
    ]
    with transaction.atomic():
        MemoryEntry.objects.filter(kind=MemoryKind.ARCHIVE, work_id__in=ids).delete()
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 2000):
                cursor.executemany(sql, rows[start : start + 2000])
        WorkAlignment.objects.filter(work_id__in=ids).delete()
        WorkAlignment.objects.bulk_create(records)


def align_works(work_ids: Iterable[int]) -> Summary:
    """Align the translations of each of WORK_IDS with its original into the memory,
    replacing what an earlier alignment left; returns what was aligned."""
    ids = sorted(set(work_ids))
    summary = Summary()
    if not ids:
        return summary
    originals = dict(Work.objects.filter(pk__in=ids).values_list("pk", "original_language"))
    by_work: dict[int, list[_Text]] = {}
    for pk, work_id, language, title, subtitle, body in _translations(ids):
        by_work.setdefault(work_id, []).append(_Text(pk, language, title, subtitle, body))
    aligned = _align_many([(w, originals.get(w), by_work.get(w, [])) for w in ids])
    origins = {}
    for result in aligned:
        texts = by_work.get(result.work_id, [])
        original = next((t for t in texts if t.language == originals.get(result.work_id)), None)
        origins[result.work_id] = original.title[:300] if original else ""
        summary.works += result.aligned
        for pk, language, key, stats in result.stats:
            summary.languages.setdefault(key, PairStats()).add(stats)
            summary.translations[pk] = (language, stats)
    _store(ids, aligned, timezone.now(), origins)
    return summary


def works_to_align(everything: bool = False):
    """Ids of works with translations in two languages or more; unless EVERYTHING, only
    those not aligned since their translations last changed."""
    from django.db.models import Count, Max

    works = (
        Translation.objects.values("work_id")
        .annotate(languages=Count("pk"), changed=Max("modified_at"))
        .filter(languages__gte=2)
        .order_by("work_id")
    )
    if everything:
        return [row["work_id"] for row in works]
    aligned = dict(WorkAlignment.objects.values_list("work_id", "aligned_at"))
    return [
        row["work_id"]
        for row in works
        if row["work_id"] not in aligned or aligned[row["work_id"]] < row["changed"]
    ]


def annotate(documents: list[dict], summary: Summary) -> None:
    """Add to each import report entry of a translation what was aligned with its original:
    ``alignment`` = {"with", "pairs", "confidence", "low"}, or null."""
    for document in documents:
        found = summary.translations.get(document.get("translation"))
        document["alignment"] = (
            {"with": found[0], **found[1].as_dict()} if found is not None else None
        )
