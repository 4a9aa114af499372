"""What the export shows of a published translation: where it sits and which lists hold it.

Taken before a change (at the start of a unit of work, see ``publishing.changes``) and again
after it, the two tell republishing which pages the change affects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from havza import languages
from havza.publishing import queries
from havza.publishing.models import Translation, Work
from havza.publishing.pages.lists_of_works import WorkList, lists_of, works_for_lists


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
"""The previous state is not known (the command line): check every page that can hold it."""


@dataclass(frozen=True)
class State:
    """What the export shows of one published translation."""

    pk: int
    work_id: int
    language: str
    url: str
    published_on: date | None
    published_at: datetime | None
    lists: frozenset[tuple[str, object]] = frozenset()  # (list kind, ref), see lists_of_works

    @property
    def key(self) -> tuple:
        return (self.published_on, self.published_at, self.pk)

    @property
    def kind(self) -> str | None:
        return next((ref for name, ref in self.lists if name == "kind"), None)

    def listings(self) -> set[WorkList]:
        return {WorkList(name, self.language, ref) for name, ref in self.lists}


Key = tuple[int, str]  # (work id, language)
Before = State | None | _Unknown


def states(keys: Iterable[Key], works: dict[int, Work] | None = None) -> dict[Key, State | None]:
    """The current state of each (work, language): None where nothing is published. A fixed
    number of queries, however many works (WORKS: fetched already by ``works_for_lists``)."""
    keys = set(keys)
    found: dict[Key, State | None] = dict.fromkeys(keys)
    if not keys:
        return found
    if works is None:
        works = works_for_lists(w for w, _ in keys)
    rows = Translation.objects.filter(
        work_id__in=works, status=queries.PUBLISHED, language__in={lang for _, lang in keys}
    ).only("id", "work_id", "language", "slug", "published_at")
    for t in rows:
        if (t.work_id, t.language) in keys:
            work = works[t.work_id]
            found[(t.work_id, t.language)] = State(
                pk=t.pk,
                work_id=t.work_id,
                language=t.language,
                url=t.get_absolute_url(),
                published_on=work.published_on,
                published_at=t.published_at,
                lists=lists_of(work),
            )
    return found


def work_keys(work_ids: Iterable[int]) -> list[Key]:
    """(work, language) for every site language of WORK_IDS."""
    return [(w, code) for w in set(work_ids) for code in languages.codes()]


def of_works(work_ids: Iterable[int]) -> dict[Key, State | None]:
    """The state of every language of the works WORK_IDS (a work-level change can move
    each of its translations)."""
    return states(work_keys(work_ids))


def potential(work: Work, lang: str) -> State:
    """The state WORK would have in LANG, to find the lists it may have been in."""
    return State(
        pk=0,
        work_id=work.pk,
        language=lang,
        url="",
        published_on=work.published_on,
        published_at=None,
        lists=lists_of(work),
    )
