"""Statement PDFs are written after the pages that link them, and never leave a link that
leads nowhere in a finished export."""

from __future__ import annotations

import pytest

from havza.export import builder, pdfs, republish
from havza.publishing import pdf_cache
from havza.publishing.pages.companions import StatementPdf
from tests.export.conftest import contents, run_queued_pdfs, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_only")]


def test_pdfs_rendered_after_the_swap_give_the_same_site(site, tmp_path):
    pdf_files = [p for p in site["out"].rglob("*.pdf")]
    assert pdf_files  # the statement's PDF in each of its languages
    for kept in pdf_cache.folder().glob("*/*.pdf"):
        kept.unlink()  # nothing kept from before: every PDF is rendered after the swap
    after = builder.build(tmp_path / "after", jobs=1, pdfs_after=True)
    assert after.pdfs == len(pdf_files)
    assert contents(snapshot(tmp_path / "after")) == contents(snapshot(site["out"]))
    # Built again, every PDF is kept from before and written with its work's pages.
    again = builder.build(tmp_path / "again", jobs=1)
    assert again.pdfs == 0
    assert contents(snapshot(tmp_path / "again")) == contents(snapshot(site["out"]))


def test_pdfs_left_to_the_worker_complete_the_same_site(site, tmp_path):
    pdf_files = [p for p in site["out"].rglob("*.pdf")]
    for kept in pdf_cache.folder().glob("*/*.pdf"):
        kept.unlink()
    queued = builder.build(tmp_path / "queued", jobs=1, pdfs_queued=True)
    assert queued.pdfs == len(pdf_files) and queued.pdf_jobs >= 1
    assert not list((tmp_path / "queued").rglob("*.pdf"))  # the pages are up, PDFs to come
    assert run_queued_pdfs() == queued.pdf_jobs
    assert contents(snapshot(tmp_path / "queued")) == contents(snapshot(site["out"]))


def test_an_edited_statement_keeps_its_old_pdf_until_the_job_renders_the_new_one(site, client):
    out, statement = site["out"], site["statement"]
    t = site["translations"]["en"]
    address = StatementPdf().address("en", statement.pk)
    target = builder.file_for(out, address)
    old = target.read_bytes()
    before = republish.states([(statement.pk, "en")])
    t.title = "A corrected title"
    t.save()
    result = republish.republish(out, before, pdfs_later=True)
    assert result.later == [("en", statement.pk)]
    assert b"A corrected title" in builder.file_for(out, t.get_absolute_url()).read_bytes()
    assert target.read_bytes() == old  # served meanwhile: the link keeps working
    assert pdfs.rewrite.func(None, str(out), [["en", statement.pk]]) == 1
    assert target.read_bytes() == client.get(address).content != old


def test_a_newly_published_statement_pdf_is_written_with_its_page(site, client):
    out, statement = site["out"], site["statement"]
    draft = statement.translations.get(language="fa")
    address = StatementPdf().address("fa", statement.pk)
    assert not builder.file_for(out, address).exists()
    before = republish.states([(statement.pk, "fa")])
    draft.status = "published"
    draft.save()
    result = republish.republish(out, before, pdfs_later=True)
    assert result.later == []
    assert builder.file_for(out, address).read_bytes() == client.get(address).content
