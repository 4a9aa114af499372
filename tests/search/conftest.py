import pytest

from tests import factories as f
from tests.search.corpus import WORKS


@pytest.fixture
def corpus(db):
    """The judged corpus, published and indexed as an editor's saves index it; returns
    {work key: Work}."""
    works = {}
    for key, spec in WORKS.items():
        original = next(iter(spec["texts"]))
        work = f.WorkFactory(
            kind=spec["kind"], published_on=spec["date"], original_language=original
        )
        for lang, (title, body) in spec["texts"].items():
            f.TranslationFactory(work=work, language=lang, title=title, body_markdown=body)
        works[key] = work
    return works


@pytest.fixture(autouse=True)
def _index_emptied_after_committed_tests(request, django_db_blocker):
    """A test whose writes are committed (``transaction=True``) ends with the database
    emptied table by table, which leaves out the SQLite FTS5 table (no model): it is
    emptied here, so that the next test's translations do not meet its rows."""
    yield
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        from havza.search import backends

        with django_db_blocker.unblock():
            backends.get().clear()
