"""A common query (more matches than ``backends.base.COMMON``) is not scored match by match:
the matches indexed last are taken, those with the words in their title first, newest first,
and the total is "more than". The same on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from havza.search.backends import Filters, base
from havza.search.services import search
from tests import factories as f


@pytest.fixture
def docks(db, monkeypatch):
    """Eight works about the docks, the newest last; two of the last five have "dockers" in
    their title. COMMON is 5."""
    monkeypatch.setattr(base, "COMMON", 5)
    works = []
    for n in range(8):
        title = f"Dockers' bulletin {n}" if n in (4, 6) else f"Bulletin {n}"
        work = f.WorkFactory(kind="statement", published_on=dt.date(2020, 1, 1 + n))
        f.TranslationFactory(
            work=work, language="en", title=title, body_markdown=f"The dockers met, day {n}."
        )
        works.append(work)
    return works


def test_a_common_query_ranks_the_last_matches_title_first_then_newest(docks):
    results = search("dockers", "en")
    assert results.more and results.total == 5
    order = [docks.index(next(w for w in docks if w.pk == r.work_id)) for r in results.results]
    assert order == [6, 4, 7, 5, 3]
    assert [r.score for r in results.results] == [1.0, 1.0, 0.0, 0.0, 0.0]


def test_a_common_query_pages_and_filters(docks):
    second = search("dockers", "en", per_page=2, page=2)
    assert [r.work_id for r in second.results] == [docks[7].pk, docks[5].pk]
    past_the_end = search("dockers", "en", per_page=2, page=4)
    assert (past_the_end.results, past_the_end.total, past_the_end.more) == ([], 5, True)
    year = search("dockers", "en", filters=Filters(year=2020, kind="statement"))
    assert year.more and len(year.results) == 5


def test_a_query_under_the_threshold_is_ranked_and_counted(docks):
    results = search('"dockers met" -"day 7" -"day 6" -"day 5" -"day 4"', "en")
    assert (results.more, results.total) == (False, 4)
    assert all(r.score > 0 for r in results.results)


def test_every_language_at_once_keeps_one_hit_per_work(docks):
    f.TranslationFactory(work=docks[7], language="tr", title="Liman", body_markdown="dockers")
    results = search("dockers", "en", everywhere=True)
    assert results.more
    assert len({r.work_id for r in results.results}) == len(results.results)


@pytest.fixture
def strike(db, monkeypatch):
    """Eight Turkish works about a dock strike, the newest last (COMMON is 5). Among the last
    five: one title has a word that "direni" begins, one has it inside a word, one has the
    phrase "liman işçileri", one has its words apart."""
    monkeypatch.setattr(base, "COMMON", 5)
    titles = ["Bülten", "Bülten", "Bülten", "Ödirenişler", "İşçileri ve liman",
              "Liman işçileri", "Direniyoruz", "Bülten"]  # fmt: skip
    works = []
    for n, title in enumerate(titles):
        work = f.WorkFactory(kind="statement", published_on=dt.date(2021, 5, 1 + n))
        f.TranslationFactory(
            work=work, language="tr", title=f"{title} {n}",
            body_markdown="Limanda direniş sürüyor, liman işçileri direniyor.",
        )  # fmt: skip
        works.append(work)
    return works


def _order(results, works) -> list[int]:
    return [next(i for i, w in enumerate(works) if w.pk == r.work_id) for r in results.results]


def test_a_common_prefix_word_puts_first_the_titles_with_a_word_it_begins(strike):
    results = search("direni", "tr")  # a prefix: direniyor, direniş, not ödireniş
    assert results.more
    assert _order(results, strike) == [6, 7, 5, 4, 3]
    assert [r.score for r in results.results] == [1.0, 0.0, 0.0, 0.0, 0.0]


def test_a_common_phrase_puts_first_the_titles_with_its_words_in_order(strike):
    results = search('"liman işçileri"', "tr")
    assert _order(results, strike) == [5, 7, 6, 4, 3]
    both = search('direni "liman işçileri"', "tr")  # no title has both
    assert _order(both, strike) == [7, 6, 5, 4, 3]
    assert {r.score for r in both.results} == {0.0}
