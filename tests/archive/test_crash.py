"""`havza import` killed with SIGKILL at several points: the database stays consistent, and
running the same command again ends exactly where an uninterrupted import ends, possible
translations included."""

import shutil
import signal
import sqlite3
from pathlib import Path

import pytest
from bench.import_archive import generate_archive

from havza.archive.batches import FAULT_ENV
from tests.archive.conftest import havza

pytestmark = pytest.mark.slow

LANGUAGES = {
    "en": ("Statement number {n}", "The strike began with {a} workers in {b} factories and the "
           "union counted {c} arrests.\n\nIt goes on in every city."),
    "fr": ("Déclaration numéro {n}", "La grève a commencé avec {a} travailleurs dans {b} usines "
           "et le syndicat a compté {d} arrestations et {e} blessés.\n\nElle continue dans "
           "chaque ville, avec {f} piquets.\n\nEt encore {g} autres."),
    "es": ("Declaración número {n}", "La huelga empezó con {a} trabajadores en {b} fábricas y "
           "el sindicato contó {c} detenidos y {e} heridos.\n\nSigue en cada ciudad con {h} "
           "piquetes."),
    "it": ("Dichiarazione numero {n}", "Lo sciopero è iniziato con {a} lavoratori in {b} "
           "fabbriche e il sindacato ha contato {d} arresti.\n\nContinua in ogni città con {f} "
           "picchetti e altri {h}."),
}  # fmt: skip


def near_misses(folder: Path, sets: int) -> None:
    """Pages in four languages that share some numbers and the date: each pair is a
    possible translation for an editor, not a sure one."""
    for n in range(sets):
        base = 10_000 * (n + 1)
        numbers = {k: base + i * 37 for i, k in enumerate("abcdefgh")}
        for lang, (title, body) in LANGUAGES.items():
            text = f"{title.format(n=n)}\n\n{n % 28 + 1} May 2023\n\n{body.format(**numbers)}"
            # Named to come first, so that the first batches hold possible translations.
            (folder / f"0-near-{n:02}-{lang}.txt").write_text(text, encoding="utf-8")


def state(data_dir: Path) -> dict:
    """Everything the import stored, by the documents' keys (ids and clock times left out)."""
    with sqlite3.connect(data_dir / "havza.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = db.execute(
            "SELECT d.key, d.status, d.language, d.title, d.group_confidence, d.problems,"
            " t.title, t.slug, t.status, t.body_html, w.kind, w.original_language,"
            " w.published_on, t.work_id FROM archive_importeddocument d"
            " JOIN publishing_translation t ON t.id = d.translation_id"
            " JOIN publishing_work w ON w.id = t.work_id ORDER BY d.key"
        ).fetchall()
        work_members: dict[int, list[str]] = {}
        for row in docs:
            work_members.setdefault(row[-1], []).append(row[0])
        signers = {
            work: db.execute(
                "SELECT s.role, s.position, o.acronym, o.names FROM signatures_signatory s"
                " JOIN network_organization o ON o.id = s.organization_id"
                " WHERE s.work_id = ? ORDER BY s.role, s.position",
                (work,),
            ).fetchall()
            for work in work_members
        }
        candidates = db.execute(
            "SELECT a.key, b.key, c.confidence, c.decision FROM archive_groupingcandidate c"
            " JOIN archive_importeddocument a ON a.id = c.document_id"
            " JOIN archive_importeddocument b ON b.id = c.other_id ORDER BY a.key, b.key"
        ).fetchall()
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("publishing_work", "publishing_translation", "network_organization")
        }
    return {
        "documents": [row[:-1] for row in docs],
        "works": sorted((members, signers[w]) for w, members in work_members.items()),
        "candidates": candidates,
        "counts": counts,
    }


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    generate_archive(folder, 6)  # 66 pages, 6 works of 11 languages each
    near_misses(folder, 8)  # 32 pages: 24 works, 40 possible translations
    return folder


def run(data_dir: Path, archive: Path, fault: str = ""):
    return havza(
        data_dir, "import", str(archive), "--jobs", "1", env={FAULT_ENV: f"batch=4,{fault}"}
    )


@pytest.fixture(scope="module")
def uninterrupted(archive, migrated, tmp_path_factory) -> dict:
    data_dir = tmp_path_factory.mktemp("whole") / "data"
    shutil.copytree(migrated, data_dir)
    done = run(data_dir, archive)
    assert done.returncode == 0, done.stderr
    whole = state(data_dir)
    assert len(whole["documents"]) == 98 and whole["counts"]["publishing_work"] == 30
    assert len(whole["candidates"]) >= 20
    return whole


@pytest.mark.parametrize(
    "kills",
    [
        ["kill-after=1"],  # after the first batch committed
        ["kill-in=3"],  # inside the third batch, before it commits
        ["kill-after=5", "kill-in=2"],  # twice: the resumed import is killed too
    ],
)
def test_a_killed_import_resumes_to_the_same_end(kills, archive, data_dir, uninterrupted):
    for fault in kills:
        done = run(data_dir, archive, fault)
        assert done.returncode == -signal.SIGKILL, done.stderr
        partial = state(data_dir)  # consistent: integrity and foreign keys checked
        assert 0 < len(partial["documents"]) < len(uninterrupted["documents"])
    done = run(data_dir, archive)
    assert done.returncode == 0, done.stderr
    assert state(data_dir) == uninterrupted
