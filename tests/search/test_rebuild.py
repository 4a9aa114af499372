"""A rebuild of the index does not stop searches (PostgreSQL builds a new table and swaps it
in), and leaves the index as it was made by the migrations."""

from __future__ import annotations

import pytest
from django.db import connection, connections, transaction

from havza.search import backends, index
from havza.search.documents import entry_for
from havza.search.services import search

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the swap of a rebuilt table is PostgreSQL's"
)
TABLE = "search_searchdocument"


def schema() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s ORDER BY 1",
            [TABLE],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass ORDER BY 1",
            [TABLE],
        )
        return indexes, cursor.fetchall()


def search_elsewhere(term: str) -> int:
    """How many documents have TERM, asked by another connection that would rather fail than
    wait for a lock."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SET lock_timeout = '1ms'")
            cursor.execute(
                f"SELECT COUNT(*) FROM {TABLE} WHERE vector @@ %s::tsquery", [f"'{term}'"]
            )
            return cursor.fetchone()[0]
    finally:
        other.close()


@pytest.mark.django_db(transaction=True)
def test_searches_go_on_during_a_rebuild(corpus):
    from havza.publishing.models import Translation

    published = list(index._published())
    before = search_elsewhere("en.worker")
    assert before > 0
    with transaction.atomic():
        backend = backends.get()
        backend.begin_rebuild()
        backend.write([entry_for(t) for t in published], fresh=True)
        # Readers still search the index as it was, without waiting.
        assert search_elsewhere("en.worker") == before
        backend.optimize()
    assert search_elsewhere("en.worker") == before
    assert Translation.objects.filter(status="published").count() == len(published)


@pytest.mark.django_db(transaction=True)
def test_a_rebuilt_index_has_the_indexes_and_constraints_it_had(corpus):
    made = schema()
    results = [(r.work_id, r.score) for r in search("workers", "en", everywhere=True).results]
    index.reindex()
    assert schema() == made
    after = [(r.work_id, r.score) for r in search("workers", "en", everywhere=True).results]
    assert after == results
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [f"{TABLE}_rebuild"])
        assert cursor.fetchone()[0] is None
