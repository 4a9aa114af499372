"""A large sitemap file's compressed copies are left to a job: never stale, then complete."""

from __future__ import annotations

import pytest

from havza.export import files, sitemap_copies
from havza.publishing.models import Translation
from tests.export.conftest import assert_like_a_fresh_build, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_only(settings):
    settings.HAVZA_BUILD_STEPS = []


def queued_copies() -> list[list]:
    from django_tasks_db.models import DBTaskResult

    task = sitemap_copies.compress.func
    name = f"{task.__module__}.{task.__name__}"
    rows = DBTaskResult.objects.filter(task_path=name, status="READY")
    return [row.args_kwargs["args"] for row in rows]


def test_an_edit_leaves_no_stale_copy_and_the_job_completes_the_export(
    site, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(sitemap_copies, "LARGE", 0)  # every sitemap file counts as large
    out = site["out"]
    sitemap = out / "sitemap.xml"
    before = snapshot(out)
    t = Translation.objects.get(work=site["reports"][2], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        t.slug = "a-new-address"
        t.save()
    # The plain file is the new one; no copy of the old one is left for a server to send.
    assert b"a-new-address" in sitemap.read_bytes()
    assert not any(s.exists() for s in files.siblings(sitemap))
    queued = queued_copies()
    assert queued == [[str(out), ["sitemap.xml"]]]
    assert sitemap_copies.compress.func(None, *queued[0]) == 1
    assert sitemap_copies.compress.func(None, *queued[0]) == 0  # nothing left to do
    changed = assert_like_a_fresh_build(out, before, tmp_path)
    assert {"sitemap.xml", "sitemap.xml.gz", "sitemap.xml.br"} <= changed


def test_the_job_leaves_alone_a_file_whose_copies_are_there(site):
    out = site["out"]
    before = snapshot(out)
    assert sitemap_copies.compress.func(None, str(out), ["sitemap.xml"]) == 0
    assert snapshot(out) == before
