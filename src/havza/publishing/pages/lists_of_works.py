"""The lists of works that pages show, declared once: what each holds and which of them a
work is in. Pages (home, kind listings, topics, feeds, organizations, people, events) show one
or more of these lists; republishing follows a changed work through the lists it was and is in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from havza.publishing import queries
from havza.publishing.models import Authorship, Translation, Work


def _signatories():
    from havza.publishing.models import Signatory

    return Signatory.objects


@dataclass(frozen=True)
class ListKind:
    """A family of lists, one per REF (a kind, a topic, an organization, ...) and language."""

    name: str
    works: Callable[[str, object], QuerySet[Translation]]  # (lang, ref) -> newest first
    refs: Callable[[Work], Iterable]  # the lists of this family WORK is in


LIST_KINDS: dict[str, ListKind] = {
    kind.name: kind
    for kind in [
        # The work itself: pages that go with a work in every language (the "not in this
        # language" pages, a statement's PDF) follow each change of any of its translations.
        ListKind(
            "work",
            lambda lang, ref: queries.listing(lang).filter(work_id=ref),
            lambda work: [work.pk],
        ),
        ListKind("all", lambda lang, _ref: queries.listing(lang), lambda work: [None]),
        ListKind(
            "kind",
            lambda lang, ref: queries.listing(lang).filter(work__kind=ref),
            lambda work: [work.kind],
        ),
        ListKind(
            "topic",
            lambda lang, ref: queries.listing(lang).filter(work__topics=ref),
            lambda work: [t.pk for t in work.topics.all()],
        ),
        ListKind(
            "event",
            lambda lang, ref: queries.listing(lang).filter(work__event=ref),
            lambda work: [work.event_id] if work.event_id else [],
        ),
        ListKind(
            "org-authored",
            lambda lang, ref: queries.works_linked(
                lang, Authorship.objects.filter(organization=ref)
            ),
            lambda work: [a.organization_id for a in work.authorships.all() if a.organization_id],
        ),
        ListKind(
            "org-signed",
            lambda lang, ref: queries.works_linked(lang, _signatories().filter(organization=ref)),
            lambda work: [s.organization_id for s in work.signatories.all() if s.organization_id],
        ),
        ListKind(
            "person-authored",
            lambda lang, ref: queries.works_linked(lang, Authorship.objects.filter(person=ref)),
            lambda work: [a.person_id for a in work.authorships.all() if a.person_id],
        ),
        ListKind(
            "person-signed",
            lambda lang, ref: queries.works_linked(lang, _signatories().filter(person=ref)),
            lambda work: [s.person_id for s in work.signatories.all() if s.person_id],
        ),
    ]
}


def _like_listing(qs: QuerySet[Translation], lang: str) -> bool:
    """Whether QS prefetches what queries.listing() does (and nothing else)."""

    def shown(lookups) -> list:
        return [
            (p.prefetch_through, p.to_attr, str(p.queryset.query) if p.queryset is not None else "")
            for p in lookups
        ]

    return shown(qs._prefetch_related_lookups) == shown(
        queries.listing(lang)._prefetch_related_lookups
    )


def listed(kind: str, lang: str, ref: object, start: int, stop: int) -> list[Translation]:
    """Works START to STOP of the list KIND/LANG/REF, with what listings show of them (its
    SQL compiled once per process: a listing is among the most asked pages)."""
    from havza.publishing import prepared

    def build(lang: str, ref: object) -> QuerySet[Translation]:
        qs = LIST_KINDS[kind].works(lang, ref)
        if not _like_listing(qs, lang):
            raise prepared.Unprepared(kind)
        return qs.prefetch_related(None)[start:stop]

    found = prepared.rows(("list", kind, start, stop), Translation, build, lang=lang, ref=ref)
    if found is None:
        return list(LIST_KINDS[kind].works(lang, ref)[start:stop])
    queries.prefetch_listed(found)
    return found


def count_listed(kind: str, lang: str, ref: object) -> int:
    """How many works the list KIND/LANG/REF holds."""
    from havza.publishing import prepared

    found = prepared.count(
        ("list", kind), Translation, lambda lang, ref: LIST_KINDS[kind].works(lang, ref),
        lang=lang, ref=ref,
    )  # fmt: skip
    return LIST_KINDS[kind].works(lang, ref).count() if found is None else found


def _linked(links) -> QuerySet[Work]:
    return Work.objects.filter(pk__in=links.values("work_id"))


# The works of each kind of list but the whole language's ("all": its index of published
# translations reads it best), for reading a list from its works (``queries.count_from_works``,
# ``queries.listed_from_works``; ``export.ranks``).
WORKS_OF: dict[str, Callable[[object], QuerySet[Work]]] = {
    "work": lambda ref: Work.objects.filter(pk=ref),
    "kind": lambda ref: Work.objects.filter(kind=ref),
    "topic": lambda ref: Work.objects.filter(topics=ref),
    "event": lambda ref: Work.objects.filter(event=ref),
    "org-authored": lambda ref: _linked(Authorship.objects.filter(organization=ref)),
    "org-signed": lambda ref: _linked(_signatories().filter(organization=ref)),
    "person-authored": lambda ref: _linked(Authorship.objects.filter(person=ref)),
    "person-signed": lambda ref: _linked(_signatories().filter(person=ref)),
}


def count_from_works(kind: str, lang: str, ref: object) -> int:
    """``count_listed``, read from the list's works (see ``queries.count_from_works``)."""
    if kind not in WORKS_OF:
        return count_listed(kind, lang, ref)
    return queries.count_from_works(lang, WORKS_OF[kind](ref))


def listed_from_works(kind: str, lang: str, ref: object, start: int, stop: int) -> list:
    """``listed``, read from the list's works (see ``queries.listed_from_works``)."""
    if kind not in WORKS_OF:
        return listed(kind, lang, ref, start, stop)
    return queries.listed_from_works(lang, WORKS_OF[kind](ref), start, stop)


@dataclass(frozen=True)
class WorkList:
    """One list of published translations of one language, newest first."""

    kind: str  # a name in LIST_KINDS
    lang: str
    ref: object = None

    def queryset(self) -> QuerySet[Translation]:
        return LIST_KINDS[self.kind].works(self.lang, self.ref)


def works_for_lists(ids: Iterable[int]) -> dict[int, Work]:
    """Works with what ``lists_of`` reads, by id."""
    return {
        w.pk: w
        for w in Work.objects.filter(pk__in=set(ids)).prefetch_related(
            "topics", "authorships", "signatories"
        )
    }


def lists_of(work: Work) -> frozenset[tuple[str, object]]:
    """(list kind, ref) of every list WORK is in, in each language it is published in
    (fetch it with ``works_for_lists``)."""
    return frozenset((kind.name, ref) for kind in LIST_KINDS.values() for ref in kind.refs(work))


@dataclass
class ListChange:
    """How one list changed: ranks of the changed items before and after (lower bounds)."""

    listing: WorkList
    members_now: set[int] = field(default_factory=set)  # changed translations in it now
    members_before: int = 0
    unknown: bool = False  # the previous state is not known: check every page
    ranks: list[int] = field(default_factory=list)
    moves: list[tuple[int | None, int | None]] = field(default_factory=list)

    def first_rank(self) -> float:
        return min(self.ranks, default=math.inf)

    def same_members(self) -> bool:
        """Whether the list holds as many works as before: one changed item, known before,
        in it before and now or in neither."""
        if self.unknown or len(self.moves) != 1:
            return False
        old, new = self.moves[0]
        return (old is None) == (new is None)

    def pages_of(self, count: int, size: int) -> tuple[range, int, int]:
        """``pages`` of a list that holds as many works as before (``same_members``), in
        COUNT pages."""
        old, new = self.moves[0]
        if old is None:
            return range(0), count, count
        span = _pages_between(min(old, new), max(old, new), size)
        return range(max(1, span.start), min(count, span.stop - 1) + 1), count, count

    def pages(self, total_now: int, size: int) -> tuple[range, int, int]:
        """(page numbers to render, pages now, pages before) when the list is shown SIZE
        works a page."""
        total_before = total_now - len(self.members_now) + self.members_before
        count_now, count_before = page_count(total_now, size), page_count(total_before, size)
        if self.unknown or count_now != count_before:
            return range(1, count_now + 1), count_now, count_before
        if len(self.moves) == 1:
            old, new = self.moves[0]
            if old is None and new is None:
                return range(0), count_now, count_before
            if old is None:  # added: everything after it shifts
                span = _pages_between(new, total_now - 1, size)
            elif new is None:  # removed
                span = _pages_between(old, total_before - 1, size)
            else:
                span = _pages_between(min(old, new), max(old, new), size)
        else:
            # Several changes in one list: from the first possible position to the end.
            span = _pages_between(min(self.ranks), max(total_now, total_before) - 1, size)
        first, last = max(1, span.start), min(count_now, span.stop - 1)
        return range(first, last + 1), count_now, count_before


def page_count(total: int, size: int) -> int:
    return max(1, math.ceil(total / size))


def _pages_between(first: int, last: int, size: int) -> range:
    return range(first // size + 1, last // size + 2)
