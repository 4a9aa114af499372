"""Searching the judged corpus: the same answers on SQLite (FTS5) and PostgreSQL.

The whole suite runs on both databases (scripts/run-tests), so each test here checks both.
"""

from __future__ import annotations

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from havza.publishing.models import Translation
from havza.search import index
from havza.search.backends import Filters
from havza.search.services import search
from tests import factories as f
from tests.search.corpus import JUDGED


def keys(results, works) -> list[str]:
    by_id = {w.pk: k for k, w in works.items()}
    return [by_id[r.work_id] for r in results.results]


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [(lang, q, e) for lang, cases in JUDGED.items() for q, e in cases],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_judged_queries(corpus, lang, query, expected):
    found = keys(search(query, lang), corpus)
    assert set(found[: len(expected)]) == expected, (connection.vendor, found)


def test_one_result_per_work_with_its_other_languages(corpus):
    results = search("imperialism", "en", everywhere=True)
    assert [r.work_id for r in results.results] == [corpus["imperialism"].pk]
    (hit,) = results.results
    assert len(hit.also_in) == 10
    assert {lang.code for lang, _ in hit.also_in} == set(JUDGED) - {"en"}
    assert all(href.startswith(f"/{lang.code}/works/") for lang, href in hit.also_in)


def test_every_language_at_once_finds_each_hit_in_its_own_language(corpus):
    results = search("grev", "en", everywhere=True)
    assert keys(results, corpus) == ["strike"]
    assert results.results[0].language.code in {"tr", "ku", "fr", "pt"}
    # The same word in the page language alone finds nothing in English.
    assert search("grev", "en").results == []


def test_snippet_marks_the_words_found_in_their_written_form(corpus):
    (hit, *_) = search("emperyalizmin", "tr").results
    assert "<mark>" in str(hit.snippet)
    (ar,) = search("الامبريالية", "ar").results
    assert "<mark>الإمبريالية.</mark>" in str(ar.snippet) or "<mark>الإمبريالية</mark>" in str(
        ar.snippet
    )


def test_filters_by_kind_year_topic_and_organization(corpus):
    assert keys(search("workers", "en", filters=Filters(kind="article")), corpus) == ["strike"]
    assert keys(search("workers", "en", filters=Filters(year=2022)), corpus) == ["imperialism"]
    topic = f.TopicFactory()
    corpus["strike"].topics.add(topic)
    assert keys(search("workers", "en", filters=Filters(topic_id=topic.pk)), corpus) == ["strike"]
    org = f.OrganizationFactory()
    f.AuthorshipFactory(work=corpus["imperialism"], organization=org, person=None)
    assert keys(search("workers", "en", filters=Filters(organization_id=org.pk)), corpus) == [
        "imperialism"
    ]


def test_empty_and_excluded_only_queries_say_so(corpus):
    assert search("", "en").problem == "empty"
    assert search(" ... !!! ", "en").problem == "empty"
    assert search("-strike", "en").problem == "excluded-only"
    nothing = search("zzzxqj", "en")
    assert (nothing.problem, nothing.total) == ("", 0)


def test_pagination(db):
    work_ids = []
    for n in range(23):
        t = f.TranslationFactory(title=f"Harbour bulletin {n}", language="en")
        work_ids.append(t.work_id)
    first = search("harbour", "en", per_page=10)
    third = search("harbour", "en", per_page=10, page=3)
    assert (first.total, first.pages, len(first.results), len(third.results)) == (23, 3, 10, 3)
    seen = {r.work_id for p in (1, 2, 3) for r in search("harbour", "en", page=p).results}
    assert seen == set(work_ids)


def test_the_index_follows_edits_unpublishing_and_deletion(corpus):
    t = Translation.objects.get(work=corpus["strike"], language="en")
    t.body_markdown = "The longshoremen stopped work."
    t.save()
    assert keys(search("longshoremen", "en"), corpus) == ["strike"]
    assert keys(search('"dock workers"', "en"), corpus) == ["strike"]  # the title stays
    assert search("wages", "en").results == []
    t.status = Translation.Status.DRAFT
    t.save()
    assert search("longshoremen", "en").results == []
    t.status = Translation.Status.PUBLISHED
    t.save()
    assert search("longshoremen", "en").total == 1
    t.delete()
    assert search("longshoremen", "en").results == []
    corpus["imperialism"].delete()
    assert search("imperialism", "en", everywhere=True).results == []


def test_changing_a_work_moves_its_entries(corpus):
    work = corpus["strike"]
    work.kind = "report"
    work.save()
    assert keys(search("workers", "en", filters=Filters(kind="report")), corpus) == ["strike"]


def test_reindex_rebuilds_the_same_answers(corpus):
    before = [(r.work_id, r.score) for r in search("workers", "en").results]
    from havza.search.models import SearchDocument

    SearchDocument.objects.all().delete()
    assert index.reindex() == Translation.objects.filter(status="published").count()
    assert [(r.work_id, r.score) for r in search("workers", "en").results] == before


def test_translations_created_in_bulk_are_found(db):
    from havza.publishing.bulk import create_translations
    from havza.publishing.models import Translation as T

    work = f.WorkFactory()
    create_translations(
        [
            T(work=work, language="tr", title="Toplu", body_markdown="Kıyılarda grevler.",
              status=T.Status.PUBLISHED),
            T(work=work, language="en", title="Bulk", body_markdown="Strikes on the shores.",
              status=T.Status.DRAFT),
        ]
    )  # fmt: skip
    assert [r.work_id for r in search("grev", "tr").results] == [work.pk]
    assert search("strikes", "en").results == []


def test_reindex_command_prints_a_count(corpus, capsys):
    from django.core.management import call_command

    call_command("reindex")
    out = capsys.readouterr()
    assert "Indexed 29 published translations." in out.out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.text(
        alphabet=st.sampled_from(list("\"-*:()^!&|'.\\ abcİıαςاةی٢")) | st.characters(),
        max_size=60,
    )
)
def test_any_query_is_answered_or_explained(corpus, query):
    """Whatever a reader types (quotes, operators of FTS5 or tsquery, any script), the search
    answers with results or says why there are none: it never fails."""
    for everywhere in (False, True):
        results = search(query, "tr", everywhere=everywhere)
        assert results.problem in {"", "empty", "excluded-only"}
        assert results.total >= len(results.results)


def test_reindex_in_worker_processes_gives_the_same_index(corpus):
    before = [(r.work_id, r.score) for r in search("workers", "en", everywhere=True).results]
    assert index.reindex(jobs=2) == 29
    after = [(r.work_id, r.score) for r in search("workers", "en", everywhere=True).results]
    assert after == before


def test_bulk_created_translations_cost_two_index_writes_each(db, django_assert_max_num_queries):
    from havza.publishing.bulk import create_translations
    from havza.publishing.models import Translation as T

    works = [f.WorkFactory() for _ in range(20)]
    rows = [
        T(work=w, language=lang, title=f"Grev {n}", status=T.Status.PUBLISHED)
        for n, w in enumerate(works)
        for lang in ("tr", "en")
    ]
    # The import's own queries (slugs, inserts), then two inserts per published row.
    with django_assert_max_num_queries(9 + 2 * len(rows)):
        create_translations(rows)
    assert search("grev", "tr").total == 20


def test_a_unit_of_work_is_indexed_once_at_its_end_and_not_at_all_if_it_fails(db):
    """An import batch or a work screen save: what it leaves published is found once it is
    committed; changes inside it (published, then edited, then one unpublished) end as the
    last state; a batch that fails leaves nothing in the index."""
    from havza.publishing import changes
    from havza.publishing.models import Translation as T

    work = f.WorkFactory()
    with changes.changing([work.pk]):
        tr = T.objects.create(work=work, language="tr", title="Liman", status=T.Status.PUBLISHED,
                              body_markdown="Limanda grev başladı.")  # fmt: skip
        en = T.objects.create(work=work, language="en", title="Port", status=T.Status.PUBLISHED,
                              body_markdown="A strike began at the port.")  # fmt: skip
        tr.body_markdown = "Limanda boykot başladı."
        tr.save()
        en.status = T.Status.DRAFT
        en.save()
    assert [r.work_id for r in search("boykot", "tr").results] == [work.pk]
    assert search("grev", "tr").results == []
    assert search("strike", "en").results == []

    other = f.WorkFactory()
    with pytest.raises(RuntimeError), changes.changing([other.pk]):
        T.objects.create(work=other, language="tr", title="Kayıp", status=T.Status.PUBLISHED,
                         body_markdown="Bu metin hiç bulunmamalı.")  # fmt: skip
        raise RuntimeError("the batch fails")
    assert search("metin", "tr").results == []


def test_a_large_batch_is_indexed_in_a_few_statements(db):
    """Indexing 60 translations saved inside one unit costs a handful of queries at its end,
    not a few per save (an import of thousands of pages would otherwise spend its time here)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from havza.publishing import changes
    from havza.publishing.bulk import create_translations
    from havza.publishing.models import Translation as T

    works = [f.WorkFactory() for _ in range(60)]
    with changes.changing([w.pk for w in works]):
        create_translations([
            T(work=w, language="it", title=f"Sciopero {i}", status=T.Status.PUBLISHED,
              body_markdown="Lo sciopero continua.") for i, w in enumerate(works)
        ])  # fmt: skip
    assert search("sciopero", "it").total == 60

    with CaptureQueriesContext(connection) as ctx, changes.changing([w.pk for w in works]):
        for t in T.objects.filter(language="it"):
            t.title = t.title.replace("Sciopero", "Vertenza")
            t.save(update_fields=["title"])
        saves_done = len(ctx.captured_queries)
    assert len(ctx.captured_queries) - saves_done <= 12
    assert search("vertenza", "it").total == 60
