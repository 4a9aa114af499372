"""No input file, however malformed, crashes the import or loses the report."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from havza.archive import importer, signatories
from havza.archive.dates import parse_date_line
from havza.archive.sources import SourceError, read_bytes
from havza.archive.structure import analyze

FRAGMENTS = [
    b"<html><body><p>", b"</p>", b"<?xml version='1.0'?>",
    b"<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item>", b"</item>",
    b"<wp:post_type>post</wp:post_type>", b"<content:encoded><![CDATA[", b"]]>",
    b"\n\n", b"EEK (Workers Revolutionary Party)- Greece", b"May 9, 2023", b"\xff\xfe",
    "“Quoted".encode(), b"\x00", "Ελλάδα".encode(), "شواطئ".encode(), b"\xc3", b"- item\n",
]  # fmt: skip

files = st.lists(
    st.one_of(st.binary(max_size=300), st.sampled_from(FRAGMENTS), st.text(max_size=200).map(
        lambda s: s.encode("utf-8", "surrogatepass"))),
    max_size=25,
).map(b"".join)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(data=files)
def test_reading_and_analyzing_never_crash(data):
    try:
        documents = read_bytes(data, "x")
    except SourceError as error:
        assert str(error)
        return
    for document in documents:
        parsed = analyze(document.page)
        assert isinstance(parsed.markdown, str)


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(contents=st.lists(files, min_size=1, max_size=4))
def test_import_reports_every_file(contents):
    with tempfile.TemporaryDirectory() as folder:
        for n, data in enumerate(contents):
            Path(folder, f"{n}.txt").write_bytes(data)
        report_path = Path(folder) / "out" / "report.json"
        report = importer.run([folder], importer.Options(jobs=1), report_path=report_path)
        data = json.loads(report_path.read_text(encoding="utf-8"))
    assert data["complete"] is True
    assert {Path(d["path"]).name for d in data["documents"]} == {
        f"{n}.txt" for n in range(len(contents))
    }
    assert all(d["status"] in {"imported", "updated", "unchanged", "skipped", "failed"}
               for d in report.documents)  # fmt: skip


@given(st.text(max_size=200))
def test_line_parsers_never_crash(line):
    signatories.parse_line(line)
    signatories.split_bodies(line)
    parse_date_line(line)
