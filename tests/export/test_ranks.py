"""A translation's place in each list it is in, counted from the list's works, is the place
the list's own pages show it at."""

from __future__ import annotations

import pytest

from havza.export import ranks
from havza.export.states import of_works

pytestmark = pytest.mark.django_db


def test_a_place_counted_from_the_works_is_the_listings_place(site):
    works = [w.pk for w in site["reports"]] + [site["statement"].pk]
    checked = set()
    for state in filter(None, of_works(works).values()):
        for listing in state.listings():
            shown = list(listing.queryset().values_list("pk", flat=True))
            for exclude in ([], [state.pk]):
                assert ranks.rank(listing, state.key, exclude) == len(
                    [pk for pk in shown[: shown.index(state.pk)] if pk not in exclude]
                )
            assert ranks.rank(listing, state.key, [], up_to=1) == min(1, shown.index(state.pk))
            checked.add(listing.kind)
    assert checked == set(ranks.WORKS_OF)  # every kind counted from its works was checked


def test_a_list_read_from_its_works_is_the_listings_list(site):
    """The pages a republish renders read a list from its works: the same works, in the same
    order, as the live page reads from the language's."""
    from havza.publishing.models import Work
    from havza.publishing.pages.lists_of_works import count_from_works, listed_from_works

    Work.objects.filter(pk=site["reports"][1].pk).update(published_on=None)  # newest of all
    works = [w.pk for w in site["reports"]] + [site["statement"].pk]
    checked = set()
    for state in filter(None, of_works(works).values()):
        for listing in state.listings():
            shown = list(listing.queryset().values_list("pk", flat=True))
            kind, lang, ref = listing.kind, listing.lang, listing.ref
            assert count_from_works(kind, lang, ref) == len(shown)
            for start, stop in ((0, 2), (1, 3), (2, 20), (len(shown), len(shown) + 2)):
                found = listed_from_works(kind, lang, ref, start, stop)
                assert [t.pk for t in found] == shown[start:stop]
            checked.add(kind)
    assert checked == set(ranks.WORKS_OF)
