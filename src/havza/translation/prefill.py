"""New target segments filled before anyone translates them.

A segment whose source has nothing to translate (only numbers or markup) is copied; one whose
source the memory knows exactly gets the remembered translation. Both still wait for review.
Starting a translation (``workflow.start``) and a changed original (``sync``) use this.
"""

from __future__ import annotations

import re

from django.utils import timezone

from havza.publishing.models import Translation
from havza.translation import memory
from havza.translation.models import Origin, SegmentVersion, SourceSegment, State, TargetSegment
from havza.translation.segmentation import plain


def prefill(target: Translation, segments: list[TargetSegment]) -> int:
    """Fill new SEGMENTS from 100% memory matches (still to be reviewed), and copy segments
    with nothing to translate (only numbers or markup). Returns how many were filled."""
    ids = [t.source_id for t in segments]
    sources = {
        s.pk: s for s in SourceSegment.objects.filter(pk__in=ids).select_related("translation")
    }
    source_language = next(iter(sources.values())).translation.language if sources else ""
    texts = [sources[t.source_id].text for t in segments]
    matches = memory.exact(texts, source_language, target.language) if texts else []
    now = timezone.now()
    filled, history = [], []
    for seg, match in zip(segments, matches, strict=True):
        source = sources[seg.source_id]
        if not re.search(r"[^\W\d_]", plain(source.text)):
            seg.text, seg.origin = source.text, Origin.COPY
        elif match is not None:
            seg.text, seg.origin = match, Origin.MEMORY
        else:
            continue
        seg.state = State.TRANSLATED
        seg.version += 1
        seg.source_text, seg.source_hash = source.text, source.source_hash
        seg.updated_at = now
        filled.append(seg)
        history.append(
            SegmentVersion(
                segment=seg, version=seg.version, text=seg.text, state=seg.state, event=seg.origin
            )
        )
    TargetSegment.objects.bulk_update(
        filled, ["text", "origin", "state", "version", "source_text", "source_hash", "updated_at"]
    )
    SegmentVersion.objects.bulk_create(history)
    return len(filled)
