"""Every change a network makes is on the live site at once, with the render cache on.

Each test keeps every page of the site in the cache, makes one change as the product makes
it (a unit of work like the work screen's save, a workflow action or an import; a rename in
the admin; a save from a shell), then asks every page again: each answer must be the page a
fresh export writes, byte for byte, so a kept page that the change affects and that was not
invalidated fails the test. Changes made in a unit of work must not invalidate everything.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
from pathlib import Path

import brotli
import pytest
from django.core.management import call_command
from django.test import override_settings

from havza.export import builder
from havza.publishing import changes
from havza.publishing.models import Signatory, Translation
from tests.conftest import make_network, shared_transaction
from tests.export.conftest import PAGED, make_reports
from tests.serving.conftest import export_now, page_addresses

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[1] / "archive" / "data" / "seeds"


def edit_title(site):
    t = site["translations"]["en"]
    with changes.changing([t.work_id]):
        t.title = "Long live the day of peace"
        t.save()


def edit_in_a_unit_that_names_no_work(site):
    t = site["translations"]["tr"]
    with changes.changing([]):  # the save itself brings the work into the unit
        t.title = "Barış günü çok yaşa"
        t.save()


def publish_draft(site):
    draft = Translation.objects.get(work=site["statement"], language="fa")
    with changes.changing([draft.work_id]):
        draft.status = Translation.Status.PUBLISHED
        draft.save()


def unpublish(site):
    t = site["translations"]["el"]
    with changes.changing([t.work_id]):
        t.status = Translation.Status.DRAFT
        t.save()


def delete_translation(site):
    t = site["translations"]["hy"]
    with changes.changing([t.work_id]):
        t.delete()


def move_in_time(site):
    report = site["reports"][0]
    with changes.changing([report.pk]):
        report.published_on = dt.date(2025, 6, 1)
        report.save()


def change_kind(site):
    statement = site["statement"]
    with changes.changing([statement.pk]):
        statement.kind = "declaration"
        statement.save()


def add_and_remove_signatories(site):
    eek, dip, _center = site["organizations"]
    with changes.changing([site["article"].pk, site["statement"].pk]):
        Signatory.objects.create(work=site["article"], organization=dip, position=0)
        Signatory.objects.filter(work=site["statement"], organization=eek).delete()


def remove_topic(site):
    with changes.changing([site["article"].pk]):
        site["article"].topics.remove(site["topic"])


def rename_organization(site):
    eek = site["organizations"][0]
    eek.names = {**eek.names, "en": "Workers Party of the Shores"}
    eek.save()


def rename_topic(site):
    topic = site["topic"]
    topic.names = {**topic.names, "en": "Peace and war"}
    topic.save()


def save_from_a_shell(site):
    t = site["translations"]["ar"]
    t.title = "عاش يوم السلام"
    t.save()
    Signatory.objects.filter(work=site["statement"], person=site["author"]).delete()


def import_archive(site):
    call_command("import", str(SEEDS), verbosity=0)


PRECISE = [
    edit_title,
    edit_in_a_unit_that_names_no_work,
    publish_draft,
    unpublish,
    delete_translation,
    move_in_time,
    change_kind,
    add_and_remove_signatories,
    remove_topic,
]
WHOLE = [rename_organization, rename_topic, save_from_a_shell, import_archive]


def _check_every_page(live, addresses: list[str], out: Path) -> None:
    """Each page answered from the cache is the page Django renders now."""
    for address in sorted(set(addresses) | set(page_addresses(out))):
        answer = live.get(address)
        expected = live.uncached(address)
        assert answer.status == expected.status, address
        assert answer.body == expected.body, f"{address} is not the page now"


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker, tmp_path_factory):
    """The ``site`` network saved once for this module's tests (``shared_transaction``), and
    the addresses of its exported pages before any change."""
    with shared_transaction(django_db_blocker):
        with (
            django_db_blocker.unblock(),
            override_settings(**PAGED),
            pytest.MonkeyPatch.context() as patch,
        ):
            network = make_network()
            reports = make_reports(network, 5)
            before = export_now(tmp_path_factory.mktemp("invalidation"), "before", patch)
        yield {"objects": {**network, "reports": reports}, "addresses": page_addresses(before)}


@pytest.fixture
def site(shared, db, settings):
    """The test network with listings of several pages (two works a page): each test's own
    copies of the objects, its changes in its own transaction."""
    for name, value in PAGED.items():
        setattr(settings, name, value)
    return copy.deepcopy(shared["objects"])


@pytest.mark.slow
@pytest.mark.parametrize("change", PRECISE + WHOLE, ids=lambda c: c.__name__)
def test_a_change_is_on_the_live_site_at_once(
    change, site, shared, live, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    addresses = list(shared["addresses"])  # the export's pages before the change
    for address in addresses:
        assert live.get(address).status == 200, address
    rendered = live.django.calls
    for address in addresses[:20]:
        live.get(address)
    assert live.django.calls == rendered, "kept pages are answered without rendering"

    with django_capture_on_commit_callbacks(execute=True):
        change(site)

    calls = live.django.calls
    _check_every_page(live, addresses, export_now(tmp_path, "after", monkeypatch))
    rendered_again = live.django.calls - calls
    assert rendered_again > 0
    if change in PRECISE:
        assert rendered_again < len(addresses) / 2, "a unit of work invalidates what it affects"


def test_the_live_pages_are_the_exported_pages(site, live, tmp_path, monkeypatch):
    """Kept pages, in every encoding, are the export's files byte for byte."""
    out = export_now(tmp_path, "public", monkeypatch)
    addresses = page_addresses(out)
    for address in addresses:
        live.get(address)
    calls = live.django.calls
    for address in addresses:
        target = builder.file_for(out, address)
        assert live.get(address).body == target.read_bytes(), address
        gz = live.get(address, {"Accept-Encoding": "gzip"})
        if gz.headers.get("content-encoding") == "gzip":
            assert gzip.decompress(gz.body) == target.read_bytes(), address
        br = live.get(address, {"Accept-Encoding": "br"})
        assert br.headers.get("content-encoding") == "br", address
        assert brotli.decompress(br.body) == target.read_bytes(), address
    assert live.django.calls == calls


def test_a_rolled_back_unit_invalidates_nothing(site, live, django_capture_on_commit_callbacks):
    t = site["translations"]["en"]
    url = t.get_absolute_url()
    first = live.get(url)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        changes.changing([t.work_id]),
    ):
        t.title = "Never saved"
        t.save()
        raise RuntimeError
    calls = live.django.calls
    assert live.get(url).body == first.body
    assert live.django.calls == calls
