"""Where pages live in an export: the one mapping from a page's address to its file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit


def script_prefix(base_url: str) -> str:
    """The path every address of a site built for BASE_URL starts with ("/" or "/mirror/")."""
    return urlsplit(base_url).path.rstrip("/") + "/"


def file_for(out: Path, url_path: str, prefix: str = "/") -> Path:
    """The file of the page at URL_PATH (under PREFIX) in the export at OUT: an address
    ending in a slash is a folder with an index.html."""
    if url_path.startswith(prefix):
        url_path = url_path[len(prefix) :]
    relative = unquote(url_path).lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    return out / relative


def write(target: Path, body: bytes | Iterable[str]) -> int:
    """Write BODY (bytes, or text in pieces, written as they come) to TARGET; its size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(body, bytes):
        target.write_bytes(body)
        return len(body)
    size = 0
    with target.open("wb") as fh:
        for piece in body:
            data = piece.encode("utf-8")
            fh.write(data)
            size += len(data)
    return size


def write_if_changed(target: Path, body: bytes) -> bool:
    """Write BODY to TARGET atomically unless it already holds exactly that."""
    try:
        if target.stat().st_size == len(body) and target.read_bytes() == body:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(body)
    temporary.replace(target)
    return True


def remove(out: Path, target: Path) -> bool:
    """Remove TARGET and the folders it leaves empty (never OUT itself)."""
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    folder = target.parent
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent
    return True
