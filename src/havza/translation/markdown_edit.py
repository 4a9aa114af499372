"""Editing a whole translation as Markdown, for a translator who prefers one text to many
segments. The text shown is the translation in the original's structure (a paragraph not
translated yet shows the original's words, to be replaced). On save it is segmented again
and mapped back onto the original's segments in order; it must keep the original's
structure (one block for each heading, paragraph, list item, quotation paragraph or table
cell), else nothing is saved and the translator is told where it parts. Each changed segment
is saved as the segment editor saves it (``workflow.save_segment``: checks, history, memory,
"ready for review"), refused if someone saved it since the page was loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from havza.publishing.models import Translation
from havza.translation import roles, segmentation, workflow
from havza.translation.models import Role, SourceSegment, State, TargetSegment


class StructureChanged(ValueError):
    """The edited Markdown does not keep the original's blocks (its message says where)."""


@dataclass
class Outcome:
    saved: list[str] = field(default_factory=list)  # keys of the segments saved
    conflicts: list[str] = field(default_factory=list)  # keys someone else saved meanwhile


def _targets(translation: Translation) -> dict[int, TargetSegment]:
    segments = TargetSegment.objects.filter(translation=translation).select_related("source")
    return {s.source.order: s for s in segments}


def as_markdown(translation: Translation) -> dict:
    """The translation as one text: ``title``, ``subtitle``, ``body`` (Markdown) and the
    segments' ``versions`` (key -> version) the text was made from."""
    original = workflow.original_of(translation.work)
    by_order = _targets(translation)

    def text(order: int, source_text: str) -> str:
        seg = by_order.get(order)
        return seg.text if seg is not None and seg.text else source_text

    title = by_order.get(-2)
    subtitle = by_order.get(-1)
    return {
        "title": text(-2, title.source.text if title else original.title),
        "subtitle": text(-1, subtitle.source.text) if subtitle else "",
        "has_subtitle": subtitle is not None,
        "body": segmentation.assemble(original.body_markdown, lambda i, b: text(i, b.text)),
        "versions": {s.source.key: s.version for s in by_order.values()},
    }


_kind_name = segmentation.kind_name


def map_blocks(sources: list[SourceSegment], markdown: str) -> list[str]:
    """The texts of MARKDOWN's blocks, one for each body source segment, in order (raises
    StructureChanged when the blocks do not match the original's)."""
    blocks = segmentation.segment(markdown)
    for position, (source, block) in enumerate(zip(sources, blocks, strict=False), start=1):
        if source.kind != block.kind:
            raise StructureChanged(
                _("Block %(n)s: %(found)s here, %(expected)s in the original.")
                % {"n": position, "found": _kind_name(block.kind),
                   "expected": _kind_name(source.kind)}
            )  # fmt: skip
    if len(blocks) != len(sources):
        raise StructureChanged(
            _("The original has %(expected)s blocks (headings, paragraphs, list items, "
              "quotations, table cells); this text has %(found)s. Keep one for each.")
            % {"expected": len(sources), "found": len(blocks)}
        )  # fmt: skip
    return [block.text for block in blocks]


def save_markdown(
    translation: Translation,
    *,
    title: str,
    subtitle: str,
    body: str,
    versions: dict[str, int],
    user,
) -> Outcome:
    """Save what changed in the edited text, segment by segment (raises StructureChanged)."""
    roles.require(user, Role.TRANSLATOR, translation.language)
    by_order = _targets(translation)
    sources = [by_order[o].source for o in sorted(by_order) if o >= 0]
    texts = {-2: title, -1: subtitle}
    texts.update(zip((s.order for s in sources), map_blocks(sources, body), strict=True))
    outcome = Outcome()
    with transaction.atomic():
        for order, seg in sorted(by_order.items()):
            new = workflow.clean_segment_text(texts.get(order, ""))
            untouched = seg.state == State.UNTRANSLATED and new == seg.source.text
            if new == seg.text or untouched or (order == -1 and not new and not seg.text):
                continue
            result = workflow.save_segment(seg, new, user, versions.get(seg.source.key))
            (outcome.conflicts if result.conflict else outcome.saved).append(seg.source.key)
    return outcome
