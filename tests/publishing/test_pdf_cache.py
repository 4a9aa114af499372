"""Statement PDFs are rendered once per statement: a build, republishing and the live site
use the PDF kept for what it shows, an edit gives a new one, a damaged file is rendered
again, and a full build removes the kept PDFs it did not use."""

from __future__ import annotations

import dataclasses
import os
import time

import pytest
from django.urls import reverse

from havza.export import builder
from havza.publishing import pdf, pdf_cache

from .test_pdf import statement


@pytest.fixture
def renders(settings, tmp_path, monkeypatch) -> list[pdf.Statement]:
    """The statements rendered afresh, with the cache in a data folder of the test's own."""
    settings.DATA_DIR = tmp_path / "data"
    done: list[pdf.Statement] = []
    render = pdf.render

    def counted(s: pdf.Statement) -> bytes:
        done.append(s)
        return render(s)

    monkeypatch.setattr(pdf, "render", counted)
    return done


def test_a_second_build_renders_no_pdf_again(client, network, renders, tmp_path, settings):
    assert "havza.publishing.pdf_cache.prune_unused" in settings.HAVZA_BUILD_STEPS
    builder.build(tmp_path / "first", jobs=1)
    rendered = len(renders)
    assert rendered == len(network["translations"])  # one PDF per published translation
    stale = pdf_cache.folder() / "00" / f"{'0' * 64}.pdf"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"left by an older layout")
    os.utime(stale, (time.time() - 86400, time.time() - 86400))

    builder.build(tmp_path / "second", jobs=1)
    assert len(renders) == rendered  # every PDF came from the cache
    assert not stale.exists()  # not used by the build: removed
    assert len(list(pdf_cache.folder().glob("*/*.pdf"))) == rendered
    statement = network["statement"]
    for lang in ("en", "ar", "hy"):
        url = reverse("publishing:statement_pdf", kwargs={"lang": lang, "work": statement.pk})
        kept = builder.file_for(tmp_path / "second", url).read_bytes()
        assert kept == client.get(url).content
        assert kept == builder.file_for(tmp_path / "first", url).read_bytes()
        assert len(renders) == rendered  # the live site serves the kept PDFs too
        shown = next(s for s in renders if s.lang_tag.split("-")[0] == lang)
        assert kept == pdf.render(shown)  # the bytes of a fresh render
        renders.pop()


def test_the_kept_pdf_is_the_fresh_one_and_an_edit_gives_a_new_pdf(renders):
    original = statement("en", "Latn", "ltr", "A call", "<p>We ask.</p>", ["1. Shores"])
    first = pdf_cache.rendered(original)
    assert pdf_cache.rendered(original) == first == pdf.render(original)
    assert len(renders) == 2  # the first use and the explicit render above
    edits = [
        dataclasses.replace(original, title="A new call"),
        dataclasses.replace(original, body_html="<p>We ask again.</p>"),
        dataclasses.replace(original, signatories=["1. Shores", "2. Harbours"]),
    ]
    for edited in edits:
        body = pdf_cache.rendered(edited)
        assert body != first
        assert body == pdf_cache.rendered(edited)
    assert len(renders) == 2 + len(edits)


def test_a_damaged_or_missing_file_is_rendered_again(renders):
    s = statement("el", "Grek", "ltr", "Κοινή δήλωση", "<p>Κείμενο</p>")
    body = pdf_cache.rendered(s)
    path = pdf_cache.path_of(s)
    damaged = [
        path.read_bytes()[:-100],  # cut short
        path.read_bytes()[:200] + b"x" + path.read_bytes()[201:],  # one byte changed
        b"",
    ]
    for count, data in enumerate(damaged, start=2):
        path.write_bytes(data)
        assert pdf_cache.rendered(s) == body
        assert len(renders) == count
    path.unlink()
    assert pdf_cache.rendered(s) == body
    assert len(renders) == 5
    assert pdf_cache.rendered(s) == body
    assert len(renders) == 5


def test_a_cache_that_cannot_be_written_still_gives_the_pdf(renders, settings, tmp_path):
    (tmp_path / "file").write_bytes(b"")
    settings.DATA_DIR = tmp_path / "file"  # a file: no folder can be made in it
    s = statement("en", "Latn", "ltr", "A call")
    assert pdf_cache.rendered(s) == pdf_cache.rendered(s)
    assert len(renders) == 2


def test_prune_removes_only_pdfs_used_before_the_time_given(renders):
    old = statement("en", "Latn", "ltr", "Old")
    new = statement("en", "Latn", "ltr", "New")
    pdf_cache.rendered(old)
    pdf_cache.rendered(new)
    os.utime(pdf_cache.path_of(old), (1_000_000, 1_000_000))
    assert pdf_cache.prune(2_000_000) == 1
    assert not pdf_cache.path_of(old).exists()
    assert pdf_cache.path_of(new).exists()
