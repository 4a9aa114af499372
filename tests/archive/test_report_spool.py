"""The import report holds only the entries that may still change, whatever the import's size,
and writes the same file as when it held them all."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from havza.archive import report as report_module
from havza.archive.report import SPOOL_EVERY, Report, entry

NOW = dt.datetime(2026, 1, 1, 10, 0, 9, tzinfo=dt.UTC)


def _documents(count: int) -> list[dict]:
    found = []
    for n in range(count):
        document = entry(f"/archive/{n:03}.html", status="imported" if n % 3 else "skipped")
        document.update(
            language="tr" if n % 2 else "ar",
            title=f'Açıklama {n} — \u2028 «"quoted"»\nline',
            date=dt.date(2024, 1, 1 + n % 28),  # written through default=str
            work=n // 2 if n % 3 else None,
            authors=["Lîsa", "Ahmed"] if n % 4 else [],
            issuers=[{"name": "Sendika", "acronym": None, "country": "TR"}],
            paragraph_languages=[{"paragraph": 1, "language": "en"}] if n % 5 else [],
            group_candidates=[{"work": 7, "confidence": 0.612}] if n == 4 else [],
            alignment={"with": "en", "pairs": 3, "confidence": 0.9, "low": 1} if n % 3 else None,
        )
        found.append(document)
    return found


def _as_before(report: Report, documents: list[dict]) -> str:
    """The report as written when every entry was kept: one json.dump of the whole."""
    head = json.loads(json.dumps(report._head(), default=str))
    whole = {**head, "documents": documents}
    return json.dumps(whole, ensure_ascii=False, indent=1, default=str)


@pytest.mark.parametrize("count", [0, 1, SPOOL_EVERY * 2 + 5])
def test_written_report_is_the_one_json_dump_wrote(count, tmp_path, monkeypatch):
    monkeypatch.setattr(report_module.timezone, "now", lambda: NOW)
    documents = _documents(count)
    report = Report(seconds=2.5, complete=True)
    for document in documents:
        report.add(document)
    report.write(tmp_path / "report.json")
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == _as_before(report, documents)
    summary = json.loads((tmp_path / "report.json").read_text())["summary"]
    assert summary["documents"] == count
    assert summary["works"] == len({d["work"] for d in documents if d["work"] is not None})


def test_final_entries_are_not_kept_in_memory():
    report = Report()
    for document in _documents(SPOOL_EVERY * 3):
        report.add(document)
    assert len(report._pending) < SPOOL_EVERY
    assert [d["path"] for d in report.documents] == [d["path"] for d in _documents(SPOOL_EVERY * 3)]


def test_entries_saved_meanwhile_are_reported_as_they_end():
    """A work's possible translations and its alignment are added after its entry is."""
    report = Report()
    documents = _documents(SPOOL_EVERY * 2)
    with report.holding():
        for document in documents:
            report.add(document)
        documents[0]["group_candidates"].append({"work": 3, "confidence": 0.5})
        documents[-1]["alignment"] = {"with": "en", "pairs": 40, "confidence": 0.5, "low": 0}
    reported = report.documents
    assert reported[0]["group_candidates"] == [{"work": 3, "confidence": 0.5}]
    assert reported[-1]["alignment"]["pairs"] == 40
    assert report.summary()["to_confirm"] == 2


def test_dry_run_reports_no_ids_for_new_works():
    report = Report(dry_run=True)
    documents = _documents(6)
    documents[1]["status"] = "updated"  # an earlier import's work: its id stays
    for document in documents:
        report.add(document)
    reported = {d["path"]: d for d in report.documents}
    assert reported[documents[1]["path"]]["work"] == 0
    assert all(
        d["work"] is None and d["translation"] is None
        for d in reported.values()
        if d["status"] == "imported"
    )
    assert report.summary()["works"] == 1


def test_listing_pages_stay_known_for_dating_undated_pages():
    report = Report()
    listing = entry("/archive/articles.html", status="listing")
    listing["teasers"] = [{"title": "Grev", "link": None, "author": None, "date": "2024-05-01"}]
    report.add(listing)
    for document in _documents(SPOOL_EVERY * 2):
        report.add(document)
    assert report.listings() == [{"path": "/archive/articles.html", "teasers": listing["teasers"]}]


@pytest.mark.django_db
def test_command_lists_failures_and_counts_them(tmp_path):
    for n in range(3):
        (tmp_path / f"broken-{n}.html").write_bytes(b"\x00\x01\x02" * 10)
    err = StringIO()
    with pytest.raises(CommandError, match=r"3 of 3 documents failed"):
        call_command("import", str(tmp_path), "--jobs", "1", stdout=StringIO(), stderr=err)
    assert err.getvalue().count("failed: ") == 3
