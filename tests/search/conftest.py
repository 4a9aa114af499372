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
