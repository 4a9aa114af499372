"""Pagefind's index, fed through a client that reads each answer the moment it arrives.

The ``pagefind`` package's service client waits a tenth of a second before reading each
answer of the Pagefind process, so adding a record cost 100 ms of waiting whatever its size
(about two minutes for a thousand translations, with both processes idle). ``PromptIndex`` is
Pagefind's own ``PagefindIndex`` over a service whose reader only differs in not waiting:
the same messages go to the same binary, so the bundle is byte for byte the same.
"""

from __future__ import annotations

import base64
import json

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


class PromptIndex(PagefindIndex):
    async def _start(self) -> PromptIndex:
        self._service = await PromptService().launch()
        self._index_id = (await self._service.create_index(self._config))._index_id
        return self
