"""The export's pre-compressed siblings: a server sends them as they are, so each must hold
exactly the bytes of its file, after a full build and after a republish."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from havza.export import files
from havza.publishing.models import Translation

pytestmark = pytest.mark.django_db


def assert_siblings_match(out: Path) -> int:
    checked = 0
    for path in out.rglob("*"):
        if not path.is_file() or path.suffix not in files.COMPRESSED_SUFFIXES:
            continue
        body = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        assert gzip.decompress(gz.read_bytes()) == body, gz
        assert brotli.decompress(br.read_bytes()) == body, br
        checked += 1
    orphans = [
        p for p in out.rglob("*") if p.suffix in {".gz", ".br"} and not p.with_suffix("").is_file()
    ]
    assert orphans == []
    return checked


def test_every_text_file_has_compressed_siblings_with_its_bytes(site):
    out = site["out"]
    assert assert_siblings_match(out) > 100
    assert (out / "static" / "havza" / "site.css.br").is_file()
    assert not list(out.rglob("*.woff2.gz"))  # fonts are compressed already
    page = out / "en" / "index.html"
    assert len((out / "en" / "index.html.gz").read_bytes()) < page.stat().st_size / 2


def test_a_republish_refreshes_the_siblings_of_what_it_rewrites(
    site, django_capture_on_commit_callbacks
):
    out = site["out"]
    t = site["reports"][3].translations.get(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        t.title = "Dockers walk out in Piraeus"
        t.save()
    page = out / "en" / "works" / t.slug / "index.html"
    assert (
        "Dockers walk out in Piraeus"
        in gzip.decompress(page.with_name("index.html.gz").read_bytes()).decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        t.status = Translation.Status.DRAFT
        t.save()
    assert not page.with_name("index.html.gz").exists()
    assert not page.with_name("index.html.br").exists()
    assert_siblings_match(out)
