"""What the side-by-side editor shows for one translation, gathered in a fixed few queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from havza import languages
from havza.publishing.models import Translation, Work
from havza.translation import memory, roles, workflow
from havza.translation.glossary import Glossary, Hit
from havza.translation.models import Assignment, Role, State, TargetSegment


@dataclass
class SegmentView:
    segment: TargetSegment
    matches: list[memory.Match]
    glossary: list[Hit]
    diff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.segment.source.key


@dataclass
class EditorView:
    work: Work
    original: Translation
    target: Translation | None
    source_language: languages.Language
    target_language: languages.Language
    segments: list[SegmentView]
    can_translate: bool
    can_review: bool
    can_publish: bool
    assignee: str = ""

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(State.values, 0)
        for s in self.segments:
            out[s.segment.state] += 1
        return out

    @property
    def count_rows(self) -> list[tuple[str, str, int]]:
        """(state, its label in the interface language, number of segments)."""
        counts = self.counts
        return [(value, label, counts[value]) for value, label in State.choices]


def _segments(target: Translation | None) -> list[TargetSegment]:
    if target is None:
        return []
    return list(
        TargetSegment.objects.filter(translation=target)
        .select_related("source", "updated_by")
        .order_by("source__order")
    )


def build(work: Work, language: str, user) -> EditorView:
    """The editor of WORK in LANGUAGE, for USER (who must be a translator in LANGUAGE)."""
    roles.require(user, Role.TRANSLATOR, language)
    original = workflow.original_of(work)
    target = Translation.objects.filter(work=work, language=language).first()
    segments = _segments(target)
    if target is not None and not segments and language != original.language:
        # A translation written outside the workspace: its segments are made on first open.
        target = workflow.start(work, language, user)
        segments = _segments(target)
    # Approved segments need no suggestions: the memory is asked only for the others.
    open_ = [s for s in segments if s.state != State.REVIEWED]
    texts = [s.source.text for s in open_]
    found_by_id = dict(
        zip(
            [s.pk for s in open_],
            memory.lookup_many(texts, original.language, language, exclude_work=work.pk)
            if texts
            else [],
            strict=True,
        )
    )
    glossary = Glossary(original.language, language) if segments else None
    views = []
    for seg in segments:
        found = found_by_id.get(seg.pk, [])
        for match in found:
            if match.score < 100:  # what the remembered source says differently
                match.diff = workflow.diff(match.source, seg.source.text)
        diff = (
            workflow.diff(seg.source_text, seg.source.text) if seg.state == State.OUTDATED else []
        )
        views.append(
            SegmentView(seg, found, glossary.hits(seg.source.text) if glossary else [], diff)
        )
    assignment = (
        Assignment.objects.filter(work=work, language=language).select_related("assignee").first()
    )
    return EditorView(
        work=work,
        original=original,
        target=target,
        source_language=languages.get(original.language) or languages.default(),
        target_language=languages.get(language) or languages.default(),
        segments=views,
        can_translate=True,
        can_review=roles.can(user, Role.REVIEWER, language),
        can_publish=roles.can(user, Role.EDITOR, language),
        assignee=assignment.assignee.get_username() if assignment else "",
    )
