"""What republishing one change costs: work in proportion to the pages it affects."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from havza.export import republish, states
from havza.export.sitemap_files import replace_groups
from havza.publishing import pages, sitemaps
from havza.publishing.pages.companions import StatementPdf
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_only(settings):
    settings.HAVZA_BUILD_STEPS = []


def test_an_edited_translation_renders_only_its_own_statement_pdf(site):
    statement = site["statement"]
    t = site["translations"]["en"]
    key = (statement.pk, "en")
    before = republish.states([key])
    t.title = "A corrected title"
    t.save()
    todo, _after = republish.plan(before, pages.Site(), site["out"])
    pdfs = {path for path in todo.render if "/pdf/" in path}
    assert pdfs == {StatementPdf().address("en", statement.pk)}
    # A change of the work itself changes the PDF of every language it is published in.
    before = republish.of_works([statement.pk])
    statement.save()
    todo, _after = republish.plan(before, pages.Site(), site["out"])
    pdfs = {path for path in todo.render if "/pdf/" in path}
    assert pdfs == {StatementPdf().address(code, statement.pk) for code in site["translations"]}


def test_a_snapshot_of_many_works_costs_the_queries_of_one(site):
    few = [site["reports"][0].pk]
    many = [w.pk for w in site["reports"]] + [site["statement"].pk]
    with CaptureQueriesContext(connection) as one:
        states.of_works(few)
    with CaptureQueriesContext(connection) as all_of_them:
        found = states.of_works(many)
    assert len(all_of_them) == len(one)
    assert found[(site["statement"].pk, "en")].url == site["translations"]["en"].get_absolute_url()


def test_a_sitemap_patch_finds_the_groups_lines(site):
    out = site["out"]
    data = (out / "sitemap.xml").read_bytes()
    work = site["reports"][2]
    site_ = pages.Site()
    assert replace_groups(data, {work.pk}, set(), site_) is data  # nothing changed
    t = work.translations.get(language="en")
    old = site_.absolute(t.get_absolute_url())
    t.slug = "a-new-address"
    t.save()
    patched = replace_groups(data, {work.pk}, {old}, site_)
    assert patched == b"".join(p.encode() for p in sitemaps.iter_sitemap(site_))
    assert old.encode() not in patched
    # Lines not found together: the file is rendered whole instead.
    other = f.WorkFactory(kind="article")
    f.TranslationFactory(work=other, language="en")
    assert replace_groups(data, {other.pk}, set(), site_) is None
