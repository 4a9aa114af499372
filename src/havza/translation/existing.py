"""Translations written outside the workspace, opened in it segment by segment.

A translation imported from the archive, entered in the admin or published before the
workspace existed has a title and a body but no segments. The first time it is opened or
started in the workspace, its text is aligned with the original's segments by the archive's
aligner (``archive_memory.align_texts``) and each source segment gets the translated text
paired with it: state "translated" (it awaits a reviewer), origin "archive". Nothing of the
translation is lost: a paragraph paired with no source paragraph (a translator's note) joins
the segment before it; two source paragraphs translated by one are given its sentences in
proportion, or the whole of it to the first. A pairing the aligner is unsure of, and a
shared paragraph, carry a warning, so a reviewer approves them only after a look.

A published translation keeps its page: the paired texts are also its approved texts, so the
page shows what it showed until a reviewer approves a correction.
"""

from __future__ import annotations

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from havza.publishing.models import Translation
from havza.translation import checks
from havza.translation.archive_memory import Segments, align_texts
from havza.translation.glossary import Glossary
from havza.translation.inline import PLACEHOLDER, plain
from havza.translation.models import Origin, SegmentVersion, SourceSegment, State, TargetSegment
from havza.translation.segmentation import Block

UNSURE = 0.6  # below this confidence a pairing carries the "alignment" warning
_SENTENCE_END = re.compile(r"(?<=[.!?؟۔։。])\s+")


def _shape(text: str) -> list[str]:
    return [
        "single" if m.group(3) else "close" if m.group(1) else "open"
        for m in PLACEHOLDER.finditer(text)
    ]


def fit_placeholders(text: str, source: str) -> str:
    """TEXT (with its own placeholders) written with SOURCE's: when both have the same
    placeholders in the same order, renumbered as SOURCE's; otherwise removed (the words stay)."""
    theirs = _shape(text)
    if not theirs:
        return text
    if theirs != _shape(source):
        return " ".join(PLACEHOLDER.sub(" ", text).split())
    # The same shapes nest the same way: each placeholder takes the source's in its place.
    order = iter(m.group(2) for m in PLACEHOLDER.finditer(source))
    return PLACEHOLDER.sub(lambda m: "{" + m.group(1) + next(order) + m.group(3) + "}", text)


def share(text: str, sources: list[str]) -> list[str]:
    """TEXT cut at sentence ends into one piece per source, in proportion to their lengths;
    the whole of it for the first when it has fewer sentences than there are sources."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if len(sentences) < len(sources):
        return [text] + [""] * (len(sources) - 1)
    weights = [max(len(plain(s)), 1) for s in sources]
    total, length = sum(weights), sum(len(s) for s in sentences)
    pieces: list[str] = []
    start, done = 0, 0
    for n, weight in enumerate(weights[:-1]):
        done += weight
        goal = length * done / total
        end = start + 1
        # Leave at least one sentence for each source still to come.
        while (
            end < len(sentences) - (len(weights) - n - 2)
            and sum(len(s) for s in sentences[:end]) + len(sentences[end]) / 2 < goal
        ):
            end += 1
        pieces.append(" ".join(sentences[start:end]))
        start = end
    pieces.append(" ".join(sentences[start:]))
    return pieces


def _source_segments(sources: list[SourceSegment]) -> Segments:
    by_order = {s.order: s for s in sources}
    title, subtitle = by_order.get(-2), by_order.get(-1)
    return Segments(
        title.text if title else "",
        subtitle.text if subtitle else "",
        [Block(s.kind, s.text, s.markup) for s in sources if s.order >= 0],
    )


def has_text(translation: Translation, original: Translation) -> bool:
    """Whether TRANSLATION holds text of its own (not only the original's title, which holds
    the place of a title not translated yet)."""
    title = translation.title.strip()
    return bool(translation.body_markdown.strip()) or bool(title and title != original.title)


def adopt(target: Translation, original: Translation) -> list[TargetSegment]:
    """Segments for TARGET, a translation of ORIGINAL written outside the workspace, filled
    from its text; returns the segments left empty (the caller may pre-fill them)."""
    sources = list(SourceSegment.objects.filter(translation=original).order_by("order"))
    body = [s for s in sources if s.order >= 0]
    pairs = align_texts(_source_segments(sources), Segments.of(target), keep_alone=True)
    # source order -> (text, confidence; 0 when one paragraph was shared between two)
    texts: dict[int, tuple[str, float]] = {}
    for pair in pairs:
        if pair.positions[0] < 0:
            texts[pair.positions[0]] = (pair.target, pair.confidence)
            continue
        pieces = share(pair.target, [body[i].text for i in pair.positions])
        confidence = pair.confidence if len(pieces) == 1 else 0.0
        for i, piece in zip(pair.positions, pieces, strict=True):
            texts[body[i].order] = (piece, confidence)
    published = target.status == Translation.Status.PUBLISHED
    glossary = Glossary(original.language, target.language)
    now = timezone.now()
    segments, empty = [], []
    for source in sources:
        text, confidence = texts.get(source.order, ("", 0.0))
        text = " ".join(fit_placeholders(text, source.text).split())
        segment = TargetSegment(translation=target, source=source)
        if not text:
            segments.append(segment)
            empty.append(segment)
            continue
        warnings = [i.as_dict() for i in checks.check(source.text, text, glossary=glossary)]
        if confidence < UNSURE:
            warnings.append(
                {
                    "code": "alignment",
                    "message": _(
                        "Paired with this paragraph automatically from the earlier "
                        "translation: check that it translates it."
                    ),
                }
            )
        segment.text = text
        segment.state = State.TRANSLATED
        segment.origin = Origin.ARCHIVE
        segment.version = 1
        segment.source_text, segment.source_hash = source.text, source.source_hash
        segment.updated_at = now
        segment.warnings = warnings
        if published:  # what the page shows now stays, until a reviewer approves a change
            segment.approved_text = text
            segment.approved_source_hash = source.source_hash
        segments.append(segment)
    created = TargetSegment.objects.bulk_create(segments)
    SegmentVersion.objects.bulk_create(
        [
            SegmentVersion(segment=s, version=1, text=s.text, state=s.state, event="archive")
            for s in created
            if s.text
        ]
    )
    return [s for s in created if not s.text]
