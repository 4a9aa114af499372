"""A work page's related rows, fetched once per page, behave as the ORM's prefetched rows:
read without a query, filtered, copied and pickled alike."""

from __future__ import annotations

import copy
import pickle

import pytest

from havza.publishing import queries

pytestmark = pytest.mark.django_db

RELATIONS = [relation for relation, _queryset, _shape in queries.WORK_PAGE_RELATIONS]


def _pages(network):
    for t in network["translations"].values():
        fast = queries.fetch_work_page(t.language, t.slug)
        slow = queries.work_pages().filter(language=t.language, slug=t.slug).first()
        yield fast.work, slow.work


def _pks(rows) -> list[int]:
    return [row.pk for row in rows]


def test_rows_are_read_without_a_query(network, django_assert_num_queries):
    for fast, slow in _pages(network):
        with django_assert_num_queries(0):
            for relation in RELATIONS:
                rows = getattr(fast, relation).all()
                expected = getattr(slow, relation).all()
                assert _pks(rows) == _pks(expected)
                assert (len(rows), rows.count(), rows.exists(), bool(rows)) == (
                    len(expected), expected.count(), expected.exists(), bool(expected),
                )  # fmt: skip
                assert _pks(rows[:1]) == _pks(expected[:1])


def test_a_filter_on_the_rows_asks_what_the_orm_asks(network):
    for fast, slow in _pages(network):
        for relation in RELATIONS:
            rows, expected = getattr(fast, relation).all(), getattr(slow, relation).all()
            assert str(rows.query) == str(expected.query)
            assert _pks(rows.exclude(pk=0).order_by("-pk")) == _pks(
                expected.exclude(pk=0).order_by("-pk")
            )
            assert _pks(getattr(fast, relation).filter(pk__gt=0)) == _pks(
                getattr(slow, relation).filter(pk__gt=0)
            )
        assert all(t.work is fast for t in fast.translations.exclude(pk=0))


def test_copied_and_pickled_works_keep_their_rows(network):
    for fast, slow in _pages(network):
        for work in (pickle.loads(pickle.dumps(fast)), copy.deepcopy(fast)):
            for relation in RELATIONS:
                assert _pks(getattr(work, relation).all()) == _pks(getattr(slow, relation).all())


def test_a_page_query_answers_alike_whether_queries_are_recorded_or_not(network):
    from django.db import connection, utils
    from django.test.utils import CaptureQueriesContext

    from havza.publishing import prepared

    sql = "SELECT slug, '100%%' FROM publishing_translation WHERE language = %s ORDER BY id"
    quiet = prepared.fetch_all("default", sql, ["en"])
    with CaptureQueriesContext(connection) as recorded:
        assert prepared.fetch_all("default", sql, ["en"]) == quiet
    assert len(recorded) == 1
    assert quiet and all(percent == "100%" for _slug, percent in quiet)
    with pytest.raises(utils.DatabaseError):  # as Django raises it
        prepared.fetch_all("default", "SELECT nothing FROM no_such_table WHERE 1 = %s", [1])
