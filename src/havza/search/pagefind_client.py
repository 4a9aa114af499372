"""Pagefind's index, fed through a client that reads each answer the moment it arrives.

The ``pagefind`` package's service client waits a tenth of a second before reading each
answer of the Pagefind process, so adding a record cost 100 ms of waiting whatever its size
(about two minutes for a thousand translations, with both processes idle). ``PromptIndex`` is
Pagefind's own ``PagefindIndex`` over a service whose reader only differs in not waiting:
the same messages go to the same binary, so the bundle is byte for byte the same.

Pagefind answers "files written" while its last write to each file may still be in flight
(its writer does not flush before answering), and stopping it then leaves files empty or cut
short: on a busy machine, every other bundle. ``PromptIndex.write_files`` returns only once
every file of the bundle is whole.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import zlib
from pathlib import Path

from pagefind.index import PagefindIndex
from pagefind.service import PagefindService


class PromptService(PagefindService):
    async def _wait_for_responses(self) -> None:
        while True:
            output = await self._backend.stdout.readuntil(b",")
            response = json.loads(base64.b64decode(output[:-1]))
            if response is None:
                continue
            payload = response.get("payload") or {}
            message_id = response.get("message_id")
            if message_id is None and payload.get("original_message"):
                # An answer to a message Pagefind could not read names it in the message.
                message_id = json.loads(payload["original_message"]).get("message_id")
            future = self._responses.get(message_id)
            if future is None or future.done():
                continue
            if payload.get("type") == "Error":
                future.set_exception(
                    RuntimeError(
                        f"Pagefind: {payload.get('message')}", payload.get("original_message")
                    )
                )
            else:
                future.set_result(payload)


# How long Pagefind's writes may take to reach the disk after it answered.
SETTLE_SECONDS = 120


def unfinished(folder: Path, whole: set[Path] | None = None) -> list[Path]:
    """The files of the bundle in FOLDER not yet whole: empty, a compressed file whose stream
    does not end, or an entry that does not parse. Files found whole are added to WHOLE and
    not read again."""
    whole = set() if whole is None else whole
    pending = []
    for path in folder.rglob("*"):
        if path in whole or not path.is_file():
            continue
        if _whole(path):
            whole.add(path)
        else:
            pending.append(path)
    return pending


def _whole(path: Path) -> bool:
    content = path.read_bytes()
    if not content:
        return False
    if content[:2] == b"\x1f\x8b":  # the index, its fragments and the wasm are gzip streams
        stream = zlib.decompressobj(wbits=31)
        try:
            stream.decompress(content)
        except zlib.error:
            return False
        return stream.eof
    if path.name == "pagefind-entry.json":
        try:
            json.loads(content)
        except ValueError:
            return False
    return True


class PromptIndex(PagefindIndex):
    async def _start(self) -> PromptIndex:
        self._service = await PromptService().launch()
        self._index_id = (await self._service.create_index(self._config))._index_id
        return self

    async def write_files(self, output_path: str | None = None) -> None:
        await super().write_files(output_path)
        folder = Path(output_path or (self._config or {}).get("output_path") or "pagefind")
        whole: set[Path] = set()
        deadline = time.monotonic() + SETTLE_SECONDS
        while pending := unfinished(folder, whole):
            if time.monotonic() > deadline:
                raise RuntimeError(f"Pagefind: {len(pending)} files left unwritten, {pending[0]}")
            await asyncio.sleep(0.01)
