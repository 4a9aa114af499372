"""Republishing one changed translation into an existing export.

Every scenario ends the same way: the export is byte for byte what a fresh full build of the
changed database writes, and every file whose content did not change still is the very same
file (same inode, same modification time) as before the republish.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from havza import languages
from havza.export import builder, republish
from havza.publishing import pages, sitemaps
from havza.publishing.models import Translation
from havza.publishing.pages.companions import Untranslated
from tests import factories as f
from tests.export.conftest import assert_like_a_fresh_build, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_only")]


def test_editing_a_title_rewrites_only_the_pages_that_show_it(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    before = snapshot(out)
    t = site["reports"][3].translations.get(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        t.title = "Dockers walk out in Piraeus"
        t.save()
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    slug = t.slug
    assert f"en/works/{slug}/index.html" in changed
    assert any(path.startswith("en/articles/") for path in changed)
    # Other languages: the work's pages, and its "not in this language" pages (they list its
    # titles).
    assert all(
        not path.startswith(("tr/", "ar/", "el/")) or "works/" in path or "other-languages/" in path
        for path in changed
    )
    # The other listing pages and languages were left alone.
    assert len(changed) < len(before) / 10


def test_moving_a_work_in_time_updates_the_pages_it_shifts(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    before = snapshot(out)
    work = site["reports"][0]
    with django_capture_on_commit_callbacks(execute=True):
        work.published_on = dt.date(2022, 3, 30)  # oldest becomes newest, in both languages
        work.save()
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert {"en/articles/page/2/index.html", "tr/articles/page/2/index.html"} <= changed
    assert not any(path.startswith(("ar/", "el/")) for path in changed)


def test_unpublishing_removes_the_page_and_updates_the_other_languages(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    statement = site["statement"]
    english = site["translations"]["en"]
    page = builder.file_for(out, english.get_absolute_url())
    greek = builder.file_for(out, site["translations"]["el"].get_absolute_url())
    assert english.get_absolute_url().encode() in greek.read_bytes()
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        english.status = Translation.Status.DRAFT
        english.save()
    assert not page.exists()
    assert english.get_absolute_url().encode() not in greek.read_bytes()
    # The English lists, feed and sitemap no longer show it; the other languages still do.
    href = f'href="{english.get_absolute_url()}"'
    for path in ("/en/statements/", "/en/", site["topic"].get_absolute_url("en")):
        assert href not in builder.file_for(out, path).read_text()
    assert english.title not in (out / "en" / "feed.xml").read_text()
    assert english.get_absolute_url() not in (out / "sitemap.xml").read_text()
    turkish = statement.translations.get(language="tr")
    assert f'href="{turkish.get_absolute_url()}"' in (out / "tr/statements/index.html").read_text()
    assert_like_a_fresh_build(out, before, tmp_path)


def test_deleting_a_translation_removes_its_page(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    t = site["reports"][6].translations.get(language="tr")
    page = builder.file_for(out, t.get_absolute_url())
    assert page.is_file()
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        t.delete()
    assert not page.exists() and not page.parent.exists()
    assert_like_a_fresh_build(out, before, tmp_path)


def test_a_new_language_appears_in_the_other_languages_switchers(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        italian = f.TranslationFactory(
            work=site["statement"], language="it", title="Viva il giorno della vittoria"
        )
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    for t in site["translations"].values():
        html = builder.file_for(out, t.get_absolute_url()).read_text()
        assert f'href="{italian.get_absolute_url()}" hreflang="it"' in html
        assert builder.file_for(out, t.get_absolute_url()).relative_to(out).as_posix() in changed
    assert "it/index.html" in changed and "it/feed.xml" in changed
    assert "sitemap.xml" in changed


def test_a_new_slug_moves_the_page(site, tmp_path, django_capture_on_commit_callbacks):
    out = site["out"]
    t = site["article"].translations.get(language="en")
    old = builder.file_for(out, t.get_absolute_url())
    before = snapshot(out)
    with django_capture_on_commit_callbacks(execute=True):
        t.slug = "dock-strike"
        t.save()
    assert not old.exists()
    assert builder.file_for(out, "/en/works/dock-strike/").is_file()
    assert_like_a_fresh_build(out, before, tmp_path)


def test_several_changes_in_one_transaction(site, tmp_path, django_capture_on_commit_callbacks):
    out = site["out"]
    before = snapshot(out)
    reports = site["reports"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        first = reports[1].translations.get(language="en")
        first.published_at = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
        first.save()
        second = reports[5].translations.get(language="en")
        second.status = Translation.Status.DRAFT
        second.save()
        f.TranslationFactory(work=reports[2], language="ar", title="تقرير")
    assert_like_a_fresh_build(out, before, tmp_path)


def test_a_rolled_back_change_leaves_the_export_alone(site, django_capture_on_commit_callbacks):
    out = site["out"]
    before = snapshot(out)
    t = site["reports"][2].translations.get(language="en")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        t.title = "Never published"
        t.save()
        raise RuntimeError("the editor cancelled")
    assert callbacks == []
    assert snapshot(out) == before


def test_sitemap_files_shift_when_a_work_appears(
    site, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(sitemaps, "WORKS_PER_FILE", 3)
    out = site["out"]
    builder.build(out, jobs=1)  # nine works: an index, pages.xml and three works files
    assert (out / "sitemaps" / "works-3.xml").is_file()
    before = snapshot(out)
    work = f.WorkFactory(kind="statement", published_on=dt.date(2020, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        f.TranslationFactory(work=work, language="es", title="Declaración")
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert {"sitemap.xml", "sitemaps/works-4.xml"} <= changed
    with django_capture_on_commit_callbacks(execute=True):
        work.translations.get().delete()
    assert not (out / "sitemaps" / "works-4.xml").exists()


def test_the_command_republishes_a_change_made_without_the_hook(site, tmp_path, monkeypatch):
    monkeypatch.delenv("HAVZA_EXPORT_DIR")
    out = site["out"]
    before = snapshot(out)
    report = site["reports"][4]
    t = report.translations.get(language="en")
    old = builder.file_for(out, t.get_absolute_url())
    t.title = "Strike in the shipyards"
    t.slug = "shipyards"
    t.published_at = timezone.now()
    t.save()
    report.translations.filter(language="tr").delete()
    work = str(report.pk)
    call_command("build", str(out), "--work", work, "--language", "en", "--language", "tr")
    assert not old.exists()
    assert_like_a_fresh_build(out, before, tmp_path)


def test_the_plan_of_a_body_edit_is_the_pages_that_show_the_translation(site):
    """A body edit in the middle of a long listing: its page, its work's other languages,
    its listing page, its topic page, its author's page, the sitemap: nothing else."""
    out = site["out"]
    t = site["reports"][3].translations.get(language="en")  # 4th newest of the reports
    key = (t.work_id, "en")
    before = {key: republish.states([key])[key]}
    t.body_markdown = "A new last paragraph."
    t.save()
    todo, _after = republish.plan(before, pages.Site(), out)
    # en articles, newest first: the 2024 article, then reports 7, 6, 5, 4 -> 5th, page 3.
    # The topic also holds the 2023 statement -> 6th, page 3. Not on the home page (2) nor in
    # the feeds (3); on its author's page (100). Its "not in this language" pages list its
    # titles.
    missing = [code for code in languages.codes() if code not in ("en", "tr")]
    untranslated = {Untranslated().address(code, t.work_id) for code in missing}
    assert set(todo.render) == untranslated | {
        t.get_absolute_url(),
        site["reports"][3].translations.get(language="tr").get_absolute_url(),
        "/en/articles/page/3/",
        f"{site['topic'].get_absolute_url('en')}page/3/",
        site["author"].get_absolute_url("en"),
        "/sitemap.xml",
    }
    # Nothing in the export is removed (the companions that do not apply were never written).
    assert not any(builder.file_for(out, path).exists() for path in todo.remove)
