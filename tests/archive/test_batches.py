"""Each batch of an import is one unit of work: what depends on published works (the static
export) hears of a batch once, after it commits, with every work it changed."""

import pytest
from bench.import_archive import generate_archive

from havza.archive import importer
from havza.archive.batches import FAULT_ENV
from havza.publishing import changes
from havza.publishing.models import Work

pytestmark = pytest.mark.django_db(transaction=True)


class Recorder:
    def __init__(self) -> None:
        self.units: list[set[int]] = []
        self.seen: set[int] = set()

    def snapshot(self, work_ids: set[int]) -> dict:
        self.seen |= work_ids
        return {pk: True for pk in work_ids}

    def committed(self, before: dict) -> None:
        self.units.append(set(before))


@pytest.fixture
def recorder(monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(changes, "OBSERVERS", [recorder])
    return recorder


def test_each_batch_is_published_once_with_all_its_works(tmp_path, monkeypatch, recorder):
    generate_archive(tmp_path, 5)  # 5 works in 11 languages
    monkeypatch.setenv(FAULT_ENV, "batch=2")
    importer.run([str(tmp_path)], importer.Options(jobs=1))
    assert len(recorder.units) == 3  # 2 + 2 + 1 works
    assert [len(unit) for unit in recorder.units] == [2, 2, 1]
    assert set().union(*recorder.units) == set(Work.objects.values_list("pk", flat=True))
