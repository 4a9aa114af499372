"""What a machine translation engine implements, and how it says it cannot translate."""

from __future__ import annotations

from typing import Protocol


class Unavailable(Exception):
    """The engine gave no translation; the message says why (for the log and the editor)."""


class Backend(Protocol):
    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...
