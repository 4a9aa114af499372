"""Translations whose organization names are translated, not transliterated, and that carry no
number, link or date, still meet on their signatory list: the same countries in the same
order. An identical list is what a network's members sign every week, so the pair is put to an
editor, never joined on its own."""

import shutil
from pathlib import Path

import pytest

from havza.archive import importer

PAGES = Path(__file__).resolve().parent / "data" / "records" / "signatory_lists"


@pytest.mark.django_db
def test_translated_statements_with_one_signatory_list_are_put_to_an_editor(tmp_path):
    shutil.copytree(PAGES, tmp_path / "archive")
    report = importer.run([str(tmp_path / "archive")], importer.Options(jobs=1))
    by_name = {Path(d["path"]).name: d for d in report.documents}
    work_of = {name: d["work"] for name, d in by_name.items()}
    for name in ("shores-tr.txt", "shores-ar.txt"):
        proposed = {c["work"] for c in by_name[name]["group_candidates"]}
        joined = {work_of[n] for n in by_name if n.startswith("shores-")} - {work_of[name]}
        assert proposed and proposed <= joined, name
    assert not by_name["teachers-en.txt"]["group_candidates"]
    assert work_of["teachers-en.txt"] not in {
        c["work"] for d in by_name.values() for c in d["group_candidates"]
    }
