"""A full re-export keeps the files of unchanged pages (linked from the export it replaces,
not compressed again) and writes the others, so the site is the same as a fresh build."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from havza.export import builder, files
from havza.publishing.models import Translation
from tests.export.conftest import contents, snapshot
from tests.export.test_compressed import assert_siblings_match

pytestmark = pytest.mark.django_db


def _inode(path: Path) -> int:
    return path.stat().st_ino


def test_a_re_export_keeps_unchanged_files_and_rewrites_changed_ones(network, tmp_path):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    missing = out / "404.html"
    kept = [missing, *files.siblings(missing), out / "robots.txt"]
    kept += [out / "static" / "havza" / "site.css"]
    inodes = {path: _inode(path) for path in kept}
    t = network["article"].translations.get(language="en")
    page = builder.file_for(out, t.get_absolute_url())
    old_page = page.read_bytes()
    # Changed without the editor's save (no republish): only the re-export shows it.
    Translation.objects.filter(pk=t.pk).update(title="Dockers walk out in Piraeus")

    builder.build(out, jobs=1)

    assert {path: _inode(path) for path in kept} == inodes
    assert page.read_bytes() != old_page
    assert b"Dockers walk out in Piraeus" in page.read_bytes()
    assert b"Dockers walk out" in gzip.decompress(page.with_name(page.name + ".gz").read_bytes())
    assert assert_siblings_match(out) > 100
    fresh = tmp_path / "fresh"
    builder.build(fresh, jobs=1)
    assert contents(snapshot(out)) == contents(snapshot(fresh))


def test_a_damaged_sibling_in_the_old_export_is_written_again(network, tmp_path):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    home = out / "en" / "index.html"
    br, gz = home.with_name("index.html.br"), home.with_name("index.html.gz")
    br.write_bytes(b"not brotli")
    gz.write_bytes(gzip.compress(b"another page", mtime=0))

    builder.build(out, jobs=1)

    assert assert_siblings_match(out) > 100


def test_writing_a_file_never_changes_a_file_it_is_linked_to(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(b"served")
    new.hardlink_to(old)
    files.write(new, b"the new page")
    assert old.read_bytes() == b"served"
    assert new.read_bytes() == b"the new page"


@pytest.mark.parametrize("size", [0, 1, 70_000])
def test_compressed_copies_are_the_bytes_gzip_and_brotli_streams_give(size):
    """The .gz and .br of a page are those a streaming compressor writes, however the page
    was cut into pieces, so builds before and after compress to the same files."""
    import brotli

    data = bytes(range(256)) * (size // 256) + b"<p>\xc3\xa7</p>" * (size % 7)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as stream:
        for start in range(0, len(data), 1000):
            stream.write(data[start : start + 1000])
    assert files.gzipped(data) == buffer.getvalue()
    compressor = brotli.Compressor(quality=files.BROTLI_QUALITY)
    pieces = [compressor.process(data[i : i + 1000]) for i in range(0, len(data), 1000)]
    assert files.brotlied(data) == b"".join(pieces) + compressor.finish()


def test_a_large_file_written_in_pieces_compresses_as_the_pieces_come(tmp_path):
    """Past Brotli's window (4 MB) its bytes depend on how the input is cut: a sitemap given
    in pieces is compressed piece by piece, as builds always have."""
    import random

    import brotli

    rng = random.Random(7)
    words = ["<url><loc>https://network.example/", "en/", "works/", "</loc></url>\n", "ar/"]
    pieces = ["".join(rng.choice(words) for _ in range(rng.randint(1, 400))) for _ in range(2400)]
    data = "".join(pieces).encode()
    assert len(data) > 5_000_000
    compressor = brotli.Compressor(quality=files.BROTLI_QUALITY)
    expected = b"".join(compressor.process(p.encode()) for p in pieces) + compressor.finish()
    target = tmp_path / "sitemap.xml"
    assert files.write(target, iter(pieces)) == len(data)
    assert target.read_bytes() == data
    assert gzip.decompress(target.with_name("sitemap.xml.gz").read_bytes()) == data
    assert target.with_name("sitemap.xml.br").read_bytes() == expected
