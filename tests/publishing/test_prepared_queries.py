"""Queries compiled once and run again with other values give what the ORM gives."""

from __future__ import annotations

from django.db.models import Prefetch

from havza.publishing import prefetched, prepared, queries
from havza.publishing.models import Translation, Work
from havza.publishing.pages import lists_of_works


def _shown(t: Translation) -> tuple:
    work = t.work
    return (
        t.pk,
        t.title,
        work.pk,
        [s.pk for s in work.translations.all()],
        [(a.pk, a.organization_id, a.person_id) for a in work.authorships.all()],
        [(s.pk, s.organization and s.organization.pk) for s in work.signatories.all()],
        [tp.pk for tp in work.topics.all()],
        [a.pk for a in work.attachments.all()],
    )


def test_a_work_page_fetches_what_the_orm_fetches(network):
    for t in network["translations"].values():
        fast = queries.fetch_work_page(t.language, t.slug)
        slow = queries.work_pages().filter(language=t.language, slug=t.slug).first()
        assert _shown(fast) == _shown(slow)
        for name in queries.WORK_PAGE_ANNOTATIONS:  # computed in the same query
            assert getattr(fast, name) == getattr(slow, name)
        assert fast.work.translations.all()[0].work is fast.work  # the reverse relation is set


def test_a_second_work_page_costs_only_its_queries(network, django_assert_num_queries):
    en, ar = network["translations"]["en"], network["translations"]["ar"]
    queries.fetch_work_page(en.language, en.slug)
    with django_assert_num_queries(1 + len(queries.WORK_PAGE_RELATIONS)):
        t = queries.fetch_work_page(ar.language, ar.slug)
        _shown(t)
    assert t.pk == ar.pk


def test_a_missing_page_is_none(network):
    assert queries.fetch_work_page("en", "no-such-statement") is None


def test_lists_are_the_orm_lists(network):
    for lang in ("en", "tr", "ar"):
        for kind, ref in [("all", None), ("kind", Work.Kind.JOINT_STATEMENT)]:
            qs = lists_of_works.LIST_KINDS[kind].works(lang, ref)
            expected = list(qs[0:10])
            found = lists_of_works.listed(kind, lang, ref, 0, 10)
            assert [t.pk for t in found] == [t.pk for t in expected]
            for a, b in zip(found, expected, strict=True):
                assert [x.pk for x in a.work.authorships.all()] == [
                    x.pk for x in b.work.authorships.all()
                ]
                assert [x.pk for x in a.work.issuer_rows] == [x.pk for x in b.work.issuer_rows]
            assert lists_of_works.count_listed(kind, lang, ref) == qs.count()


def test_values_that_do_not_reach_the_sql_unchanged_are_run_by_the_orm(network):
    def build(title):
        return Translation.objects.filter(title__icontains=title)

    assert prepared.rows(("test-icontains",), Translation, build, title="live") is None
    found = prepared.rows(
        ("test-exact",), Translation, lambda pk: Translation.objects.filter(pk=pk), pk=0
    )
    assert found == []


def test_a_prefetch_for_many_instances_is_left_to_the_orm(network, monkeypatch):
    monkeypatch.setattr(prepared, "MAX_INSTANCES", 1)
    works = list(Work.objects.all())
    prefetched.prefetch(works, "topics")
    expected = list(Work.objects.prefetch_related(Prefetch("topics")))
    assert {w.pk: [t.pk for t in w.topics.all()] for w in works} == {
        w.pk: [t.pk for t in w.topics.all()] for w in expected
    }
