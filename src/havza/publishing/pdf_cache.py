"""Rendered statement PDFs kept on disk, found by what they show.

A PDF costs a hundred times a work page's HTML to render, and most of a full export's PDFs
show what the previous export showed. Each rendered PDF is kept under
``DATA_DIR/cache/pdf/<2 hex>/<key>.pdf``, KEY the SHA-256 of everything its bytes depend on:
the statement's fields (``pdf.Statement``) and ``pdf.fingerprint()`` (the layout version, the
renderer's code, the font files, the libraries' versions). The export, republishing and the
live site ask ``rendered``, so an unchanged statement is rendered once, and an edit of its
title, text or signatories gives a new key and a new PDF. The bytes kept are the bytes a fresh
render gives (the PDF's creation date is the statement's, never the clock's).

A file is written whole under a temporary name, then renamed into place, and starts with the
SHA-256 of the PDF after it: a file cut short, damaged or missing is rendered again. A failure
to read or write the cache never fails a page: the PDF is rendered and served as if uncached.

Bounded: every use of a kept PDF marks it (its modification time), and after a full build
``prune_unused`` (a build step: ``havza.publishing.pdf_cache.prune_unused`` in
``HAVZA_BUILD_STEPS``) removes every PDF the build did not use, so the cache holds the last
build's PDFs and those rendered since. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings

from havza.publishing import pdf

log = logging.getLogger("havza.publishing")

DIGEST = 32  # bytes of SHA-256 before the PDF in each file
MARGIN = 600  # seconds: PDFs used this long before the build's first PDF are kept too


def folder() -> Path:
    return Path(settings.DATA_DIR) / "cache" / "pdf"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    raise TypeError(type(value))


def key(statement: pdf.Statement) -> str:
    """The hex SHA-256 of everything STATEMENT's PDF depends on."""
    fields = json.dumps(
        dataclasses.asdict(statement), default=_plain, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(f"{pdf.fingerprint()}\n{fields}".encode()).hexdigest()


def path_of(statement: pdf.Statement) -> Path:
    name = key(statement)
    return folder() / name[:2] / f"{name}.pdf"


def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[DIGEST:]
    if len(data) <= DIGEST or hashlib.sha256(body).digest() != data[:DIGEST]:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: kept by the next prune
    return body


def _write(path: Path, body: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as fh:
                fh.write(hashlib.sha256(body).digest())
                fh.write(body)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        log.warning("Could not keep the PDF %s", path, exc_info=True)


def kept(statement: pdf.Statement) -> bytes | None:
    """STATEMENT's PDF if one is kept for it (None: it must be rendered)."""
    return _read(path_of(statement))


def rendered(statement: pdf.Statement) -> bytes:
    """STATEMENT's PDF: the one kept for it, or rendered now and kept."""
    path = path_of(statement)
    body = _read(path)
    if body is None:
        body = pdf.render(statement)
        _write(path, body)
    return body


def prune(before: float) -> int:
    """Remove the kept PDFs (and temporary files) last used before the time BEFORE (seconds
    since the epoch); how many were removed."""
    removed = 0
    root = folder()
    if not root.is_dir():
        return 0
    for entry in root.glob("*/*"):
        try:
            if entry.stat().st_mtime < before:
                entry.unlink()
                removed += 1
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def prune_unused(built: Path, site: Any, write: Callable[[str, bytes], int]) -> str:
    """Build step: remove the kept PDFs the build in BUILT did not use. Those it used were
    marked when its PDFs were written; the oldest PDF in BUILT dates the build's first one."""
    written = [p.stat().st_mtime for p in Path(built).rglob("*.pdf") if p.parent.name == "pdf"]
    since = min(written, default=time.time()) - MARGIN
    return f"Statement PDFs: {prune(since)} unused kept PDFs removed"
