"""The static search's Pagefind client writes the bundle Pagefind's own client writes."""

import asyncio
import hashlib
import json
from pathlib import Path

import pytest
from pagefind.index import IndexConfig, PagefindIndex

from havza.search.pagefind_client import PromptIndex

RECORDS = [
    ("/en/works/a/", "en", "workers of the port strike for the second day", "Strike"),
    ("/tr/works/a/", "tr", "liman işçileri ikinci gün grevde", "Grev"),
    ("/ar/works/a/", "ar", "عمال الميناء في إضراب لليوم الثاني", "إضراب"),
    ("/el/works/a/", "el", "οι λιμενεργάτες σε απεργία για δεύτερη μέρα", "Απεργία"),
]


def bundle(index_class, folder: Path) -> str:
    async def write():
        async with index_class(config=IndexConfig(output_path=str(folder))) as index:
            for url, lang, text, title in RECORDS:
                answer = await index.add_custom_record(
                    url=url, content=text, language=lang, meta={"title": title}
                )
                assert answer["type"] == "IndexedFile"

    asyncio.run(write())
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        content = path.read_bytes()
        if path.name == "pagefind-entry.json":  # its languages come in no fixed order
            content = json.dumps(json.loads(content), sort_keys=True).encode()
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + content)
    return digest.hexdigest()


def test_same_bundle_as_pagefinds_own_client(tmp_path):
    ours = bundle(PromptIndex, tmp_path / "ours")
    assert (tmp_path / "ours" / "pagefind-entry.json").exists()
    assert ours == bundle(PagefindIndex, tmp_path / "library")


def test_a_refused_record_is_an_error_not_a_wait(tmp_path):
    async def write():
        async with PromptIndex(config=IndexConfig(output_path=str(tmp_path))) as index:
            await index.add_custom_record(url=None, content="text", language="en")

    with pytest.raises(Exception, match="Pagefind"):
        asyncio.run(write())
