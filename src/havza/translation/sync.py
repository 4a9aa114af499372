"""Keeping an original's segments in step with its body, and its translations with them.

When an original is saved, its new segments are aligned with the old ones: unchanged texts
keep their keys (even when other paragraphs move around them), a changed paragraph keeps its
key and a new revision, and every translation of it becomes outdated — exactly those, and in
every language. New paragraphs get new keys; removed ones leave with their translations.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import transaction
from django.utils import timezone

from havza.publishing.models import Translation
from havza.translation import segmentation
from havza.translation.models import SegmentVersion, SourceSegment, State, TargetSegment
from havza.translation.prefill import prefill
from havza.translation.signals import translations_outdated

log = logging.getLogger(__name__)


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@dataclass
class SyncResult:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    outdated: int = 0  # target segments that became outdated


def source_blocks(original: Translation) -> list[tuple[str, segmentation.Block]]:
    """(fixed key or "", block) for the title, the subtitle and each body segment."""
    blocks = [(SourceSegment.TITLE, segmentation.Block(SourceSegment.TITLE, original.title))]
    if original.subtitle:
        blocks.append(
            (SourceSegment.SUBTITLE, segmentation.Block(SourceSegment.SUBTITLE, original.subtitle))
        )
    blocks += [("", b) for b in segmentation.segment(original.body_markdown)]
    return blocks


def _new_key(taken: set[str]) -> str:
    while True:
        key = secrets.token_hex(4)
        if key not in taken:
            taken.add(key)
            return key


@transaction.atomic
def sync_source(original: Translation) -> SyncResult:
    """Bring ORIGINAL's source segments in line with its text; outdate what changed."""
    now = timezone.now()
    result = SyncResult()
    old = list(SourceSegment.objects.select_for_update().filter(translation=original))
    fixed_old = {s.key: s for s in old if s.order < 0}
    body_old = sorted((s for s in old if s.order >= 0), key=lambda s: s.order)
    taken = {s.key for s in old}
    blocks = source_blocks(original)
    fixed_new = [(k, b) for k, b in blocks if k]
    body_new = [b for k, b in blocks if not k]

    pairs: list[tuple[SourceSegment | None, segmentation.Block, int]] = []
    for key, block in fixed_new:
        pairs.append((fixed_old.pop(key, None), block, -2 if key == SourceSegment.TITLE else -1))
    removed = list(fixed_old.values())

    matcher = SequenceMatcher(
        a=[s.source_hash for s in body_old], b=[text_hash(b.text) for b in body_new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = body_old[i1:i2], list(range(j1, j2))
        if tag == "equal":
            pairs += [(o, body_new[j], j) for o, j in zip(olds, news, strict=True)]
            continue
        # A replaced run: paragraphs in the same place are the same paragraphs, edited.
        common = min(len(olds), len(news))
        pairs += [(olds[n], body_new[news[n]], news[n]) for n in range(common)]
        pairs += [(None, body_new[j], j) for j in news[common:]]
        removed += olds[common:]

    if removed:
        result.removed = [s.key for s in removed]
        SourceSegment.objects.filter(pk__in=[s.pk for s in removed]).delete()
    changed_sources: list[SourceSegment] = []
    created_sources: list[SourceSegment] = []
    for segment, block, order in pairs:
        digest = text_hash(block.text)
        if segment is None:
            key = (
                SourceSegment.TITLE
                if order == -2
                else SourceSegment.SUBTITLE
                if order == -1
                else _new_key(taken)
            )
            created_sources.append(
                SourceSegment(
                    translation=original,
                    key=key,
                    order=order,
                    kind=block.kind,
                    text=block.text,
                    markup=block.markup,
                    source_hash=digest,
                    changed_at=now,
                )
            )
            continue
        fields = []
        if segment.source_hash != digest:
            segment.previous_text = segment.text
            segment.text = block.text
            segment.source_hash = digest
            segment.revision += 1
            segment.changed_at = now
            fields += ["previous_text", "text", "source_hash", "revision", "changed_at"]
            changed_sources.append(segment)
        for name, value in (("order", order), ("kind", block.kind), ("markup", block.markup)):
            if getattr(segment, name) != value:
                setattr(segment, name, value)
                fields.append(name)
        if fields:
            segment.save(update_fields=fields)
    SourceSegment.objects.bulk_create(created_sources)
    result.created = [s.key for s in created_sources]
    result.changed = [s.key for s in changed_sources]
    if changed_sources:
        result.outdated = _outdate(changed_sources)
    if created_sources:
        _add_to_targets(original, created_sources)
    return result


def _outdate(sources: list[SourceSegment]) -> int:
    """Mark the translations of changed SOURCES outdated and note it in their history."""
    targets = list(
        TargetSegment.objects.select_for_update()
        .filter(source__in=sources)
        .exclude(state=State.UNTRANSLATED)
    )
    history = []
    for target in targets:
        target.state = State.OUTDATED
        target.version += 1
        history.append(
            SegmentVersion(
                segment=target,
                version=target.version,
                text=target.text,
                state=State.OUTDATED,
                event="outdated",
                note=target.source.text,
            )
        )
    TargetSegment.objects.bulk_update(targets, ["state", "version"])
    SegmentVersion.objects.bulk_create(history)
    published = {
        t.pk: t
        for t in Translation.objects.filter(
            pk__in={target.translation_id for target in targets},
            status=Translation.Status.PUBLISHED,
        )
    }
    if published:
        translations_outdated.send(Translation, translations=list(published.values()))
    return len(targets)


def _add_to_targets(original: Translation, sources: list[SourceSegment]) -> None:
    for target in targets_of(original):
        created = TargetSegment.objects.bulk_create(
            [TargetSegment(translation=target, source=s) for s in sources]
        )
        prefill(target, created)


def targets_of(original: Translation) -> list[Translation]:
    """The translations of ORIGINAL's work that follow it segment by segment."""
    return list(
        Translation.objects.filter(work_id=original.work_id, target_segments__isnull=False)
        .exclude(pk=original.pk)
        .distinct()
    )
