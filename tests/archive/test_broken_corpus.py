"""A corpus of broken and hostile files: each gets a clear reason, nothing hangs, nothing
outside the archive is read, and the command's exit status says that something failed."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.archive import corpus
from tests.archive.conftest import havza

pytestmark = pytest.mark.slow


def test_every_broken_file_is_reported_with_a_reason(tmp_path, data_dir):
    secret = data_dir / "secret_key"
    expected = corpus.build(tmp_path / "archive", secret)
    report_path = tmp_path / "report.json"
    done = havza(
        data_dir, "import", str(tmp_path / "archive"), "/dev/zero", "--report", str(report_path)
    )
    assert done.returncode == 1, done.stderr
    expected["zero"] = ("failed", "a device")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["complete"] is True
    found: dict[str, dict] = {}
    for document in report["documents"]:
        found.setdefault(Path(document["path"]).name, document)
    assert set(found) == set(expected)
    mismatches = []
    for name, (status, reason) in expected.items():
        document = found[name]
        explained = reason is None or any(reason in p for p in document["problems"])
        if document["status"] != status or not explained:
            mismatches.append((name, document["status"], document["problems"]))
        if document["status"] in {"failed", "skipped"} and not document["problems"]:
            mismatches.append((name, "gives no reason"))
    assert not mismatches, mismatches
    failed = [n for n, (status, _) in expected.items() if status == "failed"]
    assert f"{len(failed)} of {len(report['documents'])} documents failed" in done.stderr

    with sqlite3.connect(data_dir / "havza.sqlite3") as db:
        rows = db.execute(
            "SELECT title, body_markdown, status FROM publishing_translation"
        ).fetchall()
    text = " ".join(f"{title} {body}" for title, body, _ in rows)
    assert secret.read_text().strip() not in text
    assert "root:" not in text and "lol" not in text and "hidden note" not in text
    published = {title for title, _, status in rows if status == "published"}
    assert not {t for t in published if "without" in t or "odd status" in t}
    assert {"Dockers long doctype", "Dockers comment"} <= published


def test_a_run_with_nothing_failed_exits_zero(tmp_path, data_dir):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.txt").write_text(corpus.PAGE, encoding="utf-8")
    (tmp_path / "a" / "de.txt").write_text("Die Arbeiter streiken. " * 20, encoding="utf-8")
    done = havza(data_dir, "import", str(tmp_path / "a"))
    assert done.returncode == 0, done.stderr
    assert "1 imported, 0 updated, 0 unchanged, 1 skipped, 0 failed" in done.stdout
