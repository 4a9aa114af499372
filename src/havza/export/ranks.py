"""Where a translation sits in a list of works: how many of the list's translations a listing
shows before it (``queries.newest_first``'s order), counted from the list's own works.

A list of one language is a few hundred works of a topic, an organization or a person among
the language's thousands of translations. Counted as the listing's query reads it, the
database walks every published translation of the language (SQLite, without statistics,
prefers that index); counted from the works (a topic's, an author's, those no older than
the translation), each is looked up by its unique (work, language) row. The count is the
same: a work has at most one translation per language.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q, QuerySet

from havza.publishing import queries
from havza.publishing.models import Translation, Work
from havza.publishing.pages import catalogue, lists_of_works
from havza.publishing.pages.lists_of_works import WorkList

# The works of each kind of list (see ``lists_of_works.WORKS_OF``); a kind of list not named
# here is counted with the listing's own query.
WORKS_OF: dict[str, Callable[[object], QuerySet[Work]]] = {
    **lists_of_works.WORKS_OF,
    "all": lambda _ref: Work.objects.all(),
}


def before_q(key: tuple) -> Q:
    """Translations a listing shows before one with KEY (queries.newest_first's order)."""
    published_on, published_at, pk = key

    def later(field: str, value) -> Q:  # descending, empty values last
        return Q(**{f"{field}__isnull": False}) if value is None else Q(**{f"{field}__gt": value})

    def same(field: str, value) -> Q:
        return Q(**{f"{field}__isnull": True}) if value is None else Q(**{field: value})

    tie = same("published_at", published_at) & Q(id__gt=pk)
    return later("work__published_on", published_on) | (
        same("work__published_on", published_on) & (later("published_at", published_at) | tie)
    )


def needed(list_kind: str) -> int | None:
    """How far the pages showing lists of LIST_KIND need a rank: None, exactly (a page of a
    paged list); N, only whether it is below N (the first N works of a list: a rank of N
    or more is counted as N)."""
    window = 0
    for page_kind in catalogue.showing(list_kind):
        if not isinstance(page_kind, catalogue.WindowedList):
            return None
        window = max(window, page_kind.window())
    return window


def rank(listing: WorkList, key: tuple, exclude: list[int], up_to: int | None = None) -> int:
    """How many translations LISTING shows before one with KEY, those in EXCLUDE left out
    (at most UP_TO, when given)."""
    works_of = WORKS_OF.get(listing.kind)
    if works_of is None:
        qs = listing.queryset().exclude(pk__in=exclude).filter(before_q(key)).order_by()
        return qs[:up_to].count() if up_to is not None else qs.count()
    works = works_of(listing.ref).order_by()
    if key[0] is not None:
        works = works.filter(published_on__gte=key[0])  # those before it are no older
    shown = Translation.objects.filter(
        before_q(key), work_id=OuterRef("pk"), language=listing.lang, status=queries.PUBLISHED
    ).exclude(pk__in=exclude)
    works = works.filter(Exists(shown))
    return works[:up_to].count() if up_to is not None else works.count()
