"""An export of the test network to change, and the check every republish must pass."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from havza.export import builder
from tests import factories as f
from tests.conftest import make_network, shared_transaction


def snapshot(out: Path) -> dict[str, tuple[bytes, int, int]]:
    return {
        str(p.relative_to(out)): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


def contents(tree: dict) -> dict[str, bytes]:
    return {path: body for path, (body, _ino, _mtime) in tree.items()}


def run_queued_pdfs() -> int:
    """Run the statement PDF jobs a republish queued (``export.pdfs.rewrite``), as the
    worker would; how many ran."""
    from django_tasks_db.models import DBTaskResult

    from havza.export import pdfs

    name = f"{pdfs.rewrite.func.__module__}.{pdfs.rewrite.func.__name__}"
    queued = list(DBTaskResult.objects.filter(task_path=name, status="READY"))
    for row in queued:
        pdfs.rewrite.func(None, *row.args_kwargs["args"])
        row.delete()
    return len(queued)


def assert_like_a_fresh_build(out: Path, before: dict, tmp_path: Path) -> set[str]:
    """OUT equals a full build of the database now, once the queued statement PDFs are
    written; files with unchanged content were not touched. Returns the files whose content
    changed, appeared or disappeared."""
    run_queued_pdfs()
    fresh = tmp_path / "fresh"
    builder.build(fresh, jobs=1)
    now = snapshot(out)
    expected = contents(snapshot(fresh))
    assert sorted(now) == sorted(expected)
    differing = [path for path in expected if now[path][0] != expected[path]]
    assert differing == []
    changed = {p for p in set(now) | set(before) if p not in before or p not in now}
    for path, (body, inode, mtime) in now.items():
        if path in before and before[path][0] == body:
            assert (inode, mtime) == before[path][1:], f"{path} was rewritten unchanged"
        elif path in before:
            changed.add(path)
    return changed


PAGED = {"HAVZA_PAGE_SIZE": 2, "HAVZA_FEED_SIZE": 3}  # listings of several pages, short feeds


def paged_reports(network, settings, count: int) -> list:
    """COUNT articles in English and Turkish by the network's author on its topic, with
    listings of two works a page (so that they have several pages) and feeds of three."""
    for name, value in PAGED.items():
        setattr(settings, name, value)
    return make_reports(network, count)


def make_reports(network, count: int) -> list:
    topic, author = network["topic"], network["author"]
    works = []
    for day in range(1, count + 1):
        work = f.WorkFactory(kind="article", original_language="en", published_on=None)
        work.topics.add(topic)
        f.AuthorshipFactory(work=work, organization=None, person=author)
        for lang in ("en", "tr"):
            f.TranslationFactory(
                work=work,
                language=lang,
                title=f"Report {day} {lang}",
                published_at=dt.datetime(2022, 3, day, 9, tzinfo=dt.UTC),
            )
        works.append(work)
    return works


def site_settings() -> dict:
    """The settings of the ``site`` export: paged listings, and its pages only (the static
    search follows a republish in a background job, ``export.steps.refresh``, and has its own
    tests)."""
    steps = [s for s in django_settings.HAVZA_BUILD_STEPS if ".search." not in s]
    return {**PAGED, "HAVZA_BUILD_STEPS": steps}


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The ``site`` network saved once for the tests of a module (``shared_transaction``),
    and exported once."""
    with shared_transaction(django_db_blocker):
        with django_db_blocker.unblock(), override_settings(**site_settings()):
            network = make_network()
            reports = make_reports(network, 7)
            out = tmp_path_factory.mktemp("site") / "public"
            builder.build(out, jobs=1)
        yield {"objects": {**network, "reports": reports}, "out": out}


@pytest.fixture
def site(built_site, db, tmp_path, settings, monkeypatch):
    """The test network with enough works for listings of several pages, exported, and the
    export named in HAVZA_EXPORT_DIR. Its pages only: the static search follows a republish
    in a background job (``export.steps.refresh``) and has its own tests.

    Each test changes the database in its own transaction and the export in its own copy (the
    files' bytes and modification times as built); the model objects are its own copies too."""
    for name, value in site_settings().items():
        setattr(settings, name, value)
    out = tmp_path / "public"
    shutil.copytree(built_site["out"], out, symlinks=True)
    monkeypatch.setenv("HAVZA_EXPORT_DIR", str(out))
    return {**copy.deepcopy(built_site["objects"]), "out": out}


@pytest.fixture
def pages_only(settings):
    """The export's own pages: the static search follows a republish in a background job
    (``export.steps.refresh``) and has its own tests."""
    settings.HAVZA_BUILD_STEPS = [s for s in settings.HAVZA_BUILD_STEPS if ".search." not in s]
