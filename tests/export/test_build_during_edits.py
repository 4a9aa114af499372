"""An editor saving while a full build runs: the site the build swaps in shows the save."""

from __future__ import annotations

from havza.export import builder
from tests.export.conftest import assert_like_a_fresh_build, snapshot


def _build_editing_after(task: str, out, edit, live, capture) -> builder.BuildResult:
    """A full build of OUT that runs EDIT (committed, republished at once into the live
    export, which LIVE then checks) as soon as its TASK has written its pages."""
    edited = []

    def progress(name: str, _count: int) -> None:
        if name == task and not edited:
            edited.append(name)
            with capture(execute=True):
                edit()
            live()

    result = builder.build(out, jobs=1, progress=progress)
    assert edited == [task]
    return result


def test_a_title_saved_after_the_build_wrote_its_page_is_in_the_new_site(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    t = site["reports"][4].translations.get(language="en")
    page = builder.file_for(out, t.get_absolute_url())

    def edit():
        t.title = "Strike in the shipyards"
        t.save()

    def live():
        assert "Strike in the shipyards" in page.read_text()

    capture = django_capture_on_commit_callbacks
    result = _build_editing_after("works", out, edit, live, capture)
    assert "Strike in the shipyards" in page.read_text()
    assert result.republished == 1
    assert not list(out.parent.glob(".public.changed-while-building"))
    assert_like_a_fresh_build(out, snapshot(out), tmp_path)


def test_a_translation_removed_during_the_build_is_gone_from_the_new_site(
    site, tmp_path, django_capture_on_commit_callbacks
):
    out = site["out"]
    t = site["reports"][2].translations.get(language="tr")
    page = builder.file_for(out, t.get_absolute_url())
    assert page.is_file()

    def live():
        assert not page.exists()

    capture = django_capture_on_commit_callbacks
    result = _build_editing_after("site", out, t.delete, live, capture)
    assert not page.exists()
    assert result.republished == 1
    assert_like_a_fresh_build(out, snapshot(out), tmp_path)


def test_a_build_without_edits_republishes_nothing(site):
    out = site["out"]
    assert builder.build(out, jobs=1).republished == 0
    assert not list(out.parent.glob(".public.changed-while-building"))
