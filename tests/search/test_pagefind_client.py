"""The static search's Pagefind client writes the bundle Pagefind's own client makes, every
file of it whole."""

import asyncio
import gzip
import json
from pathlib import Path

import pytest
from pagefind.index import IndexConfig, PagefindIndex

from havza.search.pagefind_client import PromptIndex, unfinished

RECORDS = [
    ("/en/works/a/", "en", "workers of the port strike for the second day", "Strike"),
    ("/tr/works/a/", "tr", "liman işçileri ikinci gün grevde", "Grev"),
    ("/ar/works/a/", "ar", "عمال الميناء في إضراب لليوم الثاني", "إضراب"),
    ("/el/works/a/", "el", "οι λιμενεργάτες σε απεργία για δεύτερη μέρα", "Απεργία"),
]


async def add_records(index) -> None:
    for url, lang, text, title in RECORDS:
        answer = await index.add_custom_record(
            url=url, content=text, language=lang, meta={"title": title}
        )
        assert answer["type"] == "IndexedFile"


def normalized(path: str, content: bytes) -> bytes:
    if path == "pagefind-entry.json" and content:  # its languages come in no fixed order
        return json.dumps(json.loads(content), sort_keys=True).encode()
    return content


def written_bundle(folder: Path) -> dict[str, bytes]:
    async def write():
        async with PromptIndex(config=IndexConfig(output_path=str(folder))) as index:
            await add_records(index)

    asyncio.run(write())
    return {
        str(path.relative_to(folder)): normalized(path.name, path.read_bytes())
        for path in folder.rglob("*")
        if path.is_file()
    }


def library_bundle(folder: Path) -> dict[str, bytes]:
    """The bundle as Pagefind's own client hands it over in memory (whole by construction;
    the client also writes it into FOLDER when it stops, not read here)."""

    async def files():
        async with PagefindIndex(config=IndexConfig(output_path=str(folder))) as index:
            await add_records(index)
            return await index.get_files()

    return {
        file["path"]: normalized(file["path"], file["content"]) for file in asyncio.run(files())
    }


def test_same_bundle_as_pagefinds_own_client_and_every_file_whole(tmp_path):
    ours = written_bundle(tmp_path / "ours")
    theirs = library_bundle(tmp_path / "library")
    assert "pagefind-entry.json" in ours
    assert sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []


def test_a_bundle_is_not_whole_while_a_file_is_empty_or_cut_short(tmp_path):
    fragment = tmp_path / "fragment" / "en_1.pf_fragment"
    fragment.parent.mkdir()
    compressed = gzip.compress(b"pagefind_dcd" + b"workers of the port" * 200)
    (tmp_path / "pagefind-entry.json").write_text('{"version": "1", "languages": {}}')
    (tmp_path / "pagefind.js").write_text("export const x = 1;")
    fragment.write_bytes(compressed)
    assert unfinished(tmp_path) == []

    fragment.write_bytes(compressed[: len(compressed) // 2])
    assert unfinished(tmp_path) == [fragment]
    fragment.write_bytes(b"")
    assert unfinished(tmp_path) == [fragment]
    (tmp_path / "pagefind-entry.json").write_text('{"version": "1", "langu')
    assert sorted(unfinished(tmp_path)) == sorted([fragment, tmp_path / "pagefind-entry.json"])


def test_a_refused_record_is_an_error_not_a_wait(tmp_path):
    async def write():
        async with PromptIndex(config=IndexConfig(output_path=str(tmp_path))) as index:
            await index.add_custom_record(url=None, content="text", language="en")

    with pytest.raises(Exception, match="Pagefind"):
        asyncio.run(write())
