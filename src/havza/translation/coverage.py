"""Where each work stands in each language: the editors' matrix and the translators' queue.

A cell is one of: original, missing, in progress, outdated, in review, published. It is
computed for a page of works in three queries whatever the number of works or languages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import pgettext_lazy

from havza import languages
from havza.publishing.models import Translation, Work
from havza.translation.models import Assignment, State, TargetSegment

ORIGINAL = "original"
MISSING = "missing"
IN_PROGRESS = "in_progress"
OUTDATED = "outdated"
IN_REVIEW = "in_review"
PUBLISHED = "published"
CELL_STATES = (MISSING, IN_PROGRESS, OUTDATED, IN_REVIEW, PUBLISHED)
LABELS = {
    ORIGINAL: pgettext_lazy("translation state", "original"),
    MISSING: pgettext_lazy("translation state", "missing"),
    IN_PROGRESS: pgettext_lazy("translation state", "in progress"),
    OUTDATED: pgettext_lazy("translation state", "outdated"),
    IN_REVIEW: pgettext_lazy("translation state", "in review"),
    PUBLISHED: pgettext_lazy("translation state", "published"),
}


@dataclass
class Cell:
    work_id: int
    language: str
    state: str
    counts: dict[str, int] = field(default_factory=dict)  # segment states
    assignee: str = ""

    @property
    def label(self) -> str:
        return LABELS[self.state]

    @property
    def done(self) -> int:
        return self.counts.get(State.REVIEWED, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Row:
    work: Work
    title: str
    cells: list[Cell]


def cell_state(translation: Translation | None, counts: Counter, is_original: bool) -> str:
    if is_original:
        return ORIGINAL
    if translation is None:
        return MISSING
    if counts.get(State.OUTDATED):
        return OUTDATED
    if translation.status == Translation.Status.PUBLISHED:
        return PUBLISHED
    if not counts:
        return IN_PROGRESS  # a translation written outside the workflow, not yet published
    if counts.get(State.UNTRANSLATED) or counts.get(State.MACHINE_DRAFT):
        return IN_PROGRESS
    return IN_REVIEW


def matrix(works: list[Work], codes: list[str] | None = None) -> list[Row]:
    """A row per work, a cell per language of CODES (default: all site languages)."""
    codes = codes or languages.codes()
    ids = [w.pk for w in works]
    translations = {
        (t.work_id, t.language): t
        for t in Translation.objects.filter(work_id__in=ids).only(
            "id", "work_id", "language", "status", "title"
        )
    }
    counts: dict[int, Counter] = defaultdict(Counter)
    for tid, state, n in (
        TargetSegment.objects.filter(translation__work_id__in=ids)
        .values_list("translation_id", "state")
        .annotate(n=Count("id"))
    ):
        counts[tid][state] = n
    assignees = {
        (a.work_id, a.language): a.assignee.get_username()
        for a in Assignment.objects.filter(work_id__in=ids).select_related("assignee")
    }
    rows = []
    for work in works:
        original = translations.get((work.pk, work.original_language))
        cells = []
        for code in codes:
            t = translations.get((work.pk, code))
            c = counts.get(t.pk, Counter()) if t else Counter()
            state = cell_state(t, c, code == work.original_language)
            cells.append(Cell(work.pk, code, state, dict(c), assignees.get((work.pk, code), "")))
        rows.append(Row(work, original.title if original else f"#{work.pk}", cells))
    return rows


def totals(rows: list[Row]) -> dict[str, dict[str, int]]:
    """language -> cell state -> number of works."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(CELL_STATES, 0))
    for row in rows:
        for cell in row.cells:
            if cell.state != ORIGINAL:
                out[cell.language][cell.state] += 1
    return dict(out)
