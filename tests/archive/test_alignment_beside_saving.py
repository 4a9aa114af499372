"""`havza import` with worker processes aligns each saved batch into the translation memory
in a second process while it saves the next batch: the memory and the report are the same as
when everything runs in one process."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from bench.import_archive import generate_archive

from havza.archive.batches import FAULT_ENV
from tests.archive.conftest import havza

pytestmark = pytest.mark.slow


def memory(data_dir: Path) -> list[tuple]:
    """The archive pairs and alignment records stored, by text (ids and clock times left out)."""
    with sqlite3.connect(data_dir / "havza.sqlite3") as db:
        pairs = db.execute(
            "SELECT m.source_language, m.target_language, m.source_text, m.target_text,"
            " m.source_key, m.unit, m.confidence, m.origin, t.title"
            " FROM translation_memoryentry m"
            " JOIN publishing_translation t ON t.work_id = m.work_id AND t.language = 'en'"
            " ORDER BY 1, 2, 3, 4"
        ).fetchall()
        records = db.execute(
            "SELECT t.title, a.pairs FROM translation_workalignment a"
            " JOIN publishing_translation t ON t.work_id = a.work_id AND t.language = 'en'"
            " ORDER BY 1"
        ).fetchall()
    return pairs + records


def imported(data_dir: Path, archive: Path, jobs: str) -> tuple[list, list]:
    report = data_dir.parent / f"report-{jobs}.json"
    done = havza(
        data_dir,
        "import", str(archive), "--jobs", jobs, "--report", str(report),
        env={FAULT_ENV: "batch=2"},  # three batches of two works
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    documents = json.loads(report.read_text(encoding="utf-8"))["documents"]
    return memory(data_dir), sorted((d["key"], json.dumps(d["alignment"])) for d in documents)


def test_the_memory_aligned_beside_the_saving_is_the_memory_aligned_after_it(tmp_path, migrated):
    archive = tmp_path / "archive"
    generate_archive(archive, 6)  # 66 pages, 6 works of 11 languages each
    runs = {}
    for jobs in ("1", "2"):
        data_dir = tmp_path / f"jobs-{jobs}" / "data"
        shutil.copytree(migrated, data_dir)
        runs[jobs] = imported(data_dir, archive, jobs)
    pairs, alignments = runs["2"]
    assert len(pairs) > 6 * 10 * 2 * 5  # every translation's paragraphs, both ways
    assert sum(a != "null" for _, a in alignments) == 6 * 10  # all but the originals
    assert runs["2"] == runs["1"]
