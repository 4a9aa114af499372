"""What republishing one change costs: work in proportion to the pages it affects."""

from __future__ import annotations

import gzip

import brotli
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from havza.export import files, republish, states
from havza.export.sitemap_files import replace_groups
from havza.publishing import pages, sitemaps
from havza.publishing.models import Translation
from havza.publishing.pages.companions import StatementPdf
from tests import factories as f
from tests.export.conftest import assert_like_a_fresh_build, snapshot

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


def test_a_translation_edited_in_place_leaves_the_other_languages_pages_alone(
    site, tmp_path, django_capture_on_commit_callbacks
):
    """Pages in other languages show of a translation that is not the original only its
    address: editing its title and text renders none of them, and the export is still what
    a full build writes."""
    out = site["out"]
    work = site["reports"][3]
    english, turkish = (work.translations.get(language=code) for code in ("en", "tr"))
    before_files = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        turkish.title = "Pire'de liman işçileri iş bıraktı"
        turkish.body_markdown = "Yeni bir son paragraf."
        turkish.save()
    changed = assert_like_a_fresh_build(out, before_files, tmp_path)
    assert f"tr/works/{turkish.slug}/index.html" in changed
    assert not any(path.startswith("en/works/") for path in changed)

    before = republish.states([(work.pk, "tr")])
    turkish.title = "Pire'de liman işçileri yine iş bıraktı"
    turkish.save()
    todo, _after = republish.plan(before, pages.Site(), out)
    assert turkish.get_absolute_url() in todo.render
    assert english.get_absolute_url() not in todo.render
    # The original's edit shows in the other languages (the notice that it changed).
    before = republish.states([(work.pk, "en")])
    english.body_markdown = "A new last paragraph."
    english.save()
    todo, _after = republish.plan(before, pages.Site(), out)
    assert turkish.get_absolute_url() in todo.render


def test_a_rewritten_page_replaces_the_old_one_in_one_step(tmp_path):
    """A reader who opened the page before it was rewritten reads the old page whole; the
    address then holds the new page and its compressed copies, and nothing else is left."""
    target = tmp_path / "en" / "index.html"
    files.write(target, b"<p>old</p>")
    with target.open("rb") as reader:
        assert files.write_if_changed(target, b"<p>new</p>")
        assert reader.read() == b"<p>old</p>"
    assert target.read_bytes() == b"<p>new</p>"
    assert gzip.decompress(target.with_name("index.html.gz").read_bytes()) == b"<p>new</p>"
    assert brotli.decompress(target.with_name("index.html.br").read_bytes()) == b"<p>new</p>"
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "index.html", "index.html.br", "index.html.gz"
    ]  # fmt: skip
    assert not files.write_if_changed(target, b"<p>new</p>")
    files.write_if_changed(tmp_path / "fr" / "index.html", b"<p>nouveau</p>")  # a new page
    assert (tmp_path / "fr" / "index.html.br").is_file()


def test_a_new_address_patches_only_the_sitemap_file_of_its_work(
    site, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    """On a sitemap of several files, a translation given a new address rewrites the one
    file listing its work, found without counting the site's works (also when its work is
    the first of its file), and the export is what a full build writes."""
    from havza.export import builder
    from havza.publishing import queries

    monkeypatch.setattr(sitemaps, "WORKS_PER_FILE", 3)
    out = site["out"]
    builder.build(out, jobs=1)  # nine works: an index, pages.xml and three works files
    ids = list(queries.works_with_translations().values_list("pk", flat=True))
    for work_id, slug in ((ids[4], "a-new-address"), (ids[3], "another-address")):
        before_files = snapshot(out)
        t = Translation.objects.get(work_id=work_id, language="en")
        with (
            CaptureQueriesContext(connection) as planned,
            django_capture_on_commit_callbacks(execute=True),
        ):
            t.slug = slug
            t.save()
        changed = assert_like_a_fresh_build(out, before_files, tmp_path / slug)
        assert {p for p in changed if p.startswith("sitemap")} == {
            "sitemaps/works-2.xml", "sitemaps/works-2.xml.gz", "sitemaps/works-2.xml.br"
        }  # fmt: skip
        if work_id == ids[4]:  # every count is of one language's list, none of all works
            counts = [q["sql"] for q in planned if "COUNT(" in q["sql"]]
            assert counts and all('"language" =' in q for q in counts)
