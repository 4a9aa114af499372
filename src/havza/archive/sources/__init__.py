"""Readers of archive files: each file gives one or more documents to analyze.

The format is recognised from the content, not the file name: a WordPress export is XML
with the WordPress namespace, an HTML page has HTML tags, anything else that decodes as text
is a plain-text page.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from havza.archive import text
from havza.archive.page import Page, from_text

MAX_PAGE_MB = 5  # default of the IMPORT_PAGE_MB setting: a single HTML or text page
MAX_PAGE_BYTES = MAX_PAGE_MB * 1_000_000  # the default limit
WXR_HEAD_BYTES = 1 << 20  # a WordPress export names its root and namespace within this
_HTML = re.compile(rb"<(?:!doctype\s+html|html|body|head|article|p|div)[\s>]", re.IGNORECASE)


@dataclass
class SourceDocument:
    path: str  # the file, as a resolved path
    key: str  # stable identity: the path, or path#post-ID for an item of an export
    format: str  # text, html, wxr
    digest: str  # of the content that was read: unchanged digest means nothing to do
    page: Page
    links: list[str] = field(default_factory=list)
    group: str = ""  # translation group stated by the source
    source_language: str = ""  # language the source says this one was translated from
    draft: bool = False
    edge_keys: frozenset[str] | None = None  # see Boilerplate.from_edges; set by the importer


class SourceError(Exception):
    """A file that cannot be read as a document; the message says why, for the report."""


def max_page_bytes() -> int:
    """The largest HTML or text page read (``HAVZA_IMPORT_PAGE_MB``); exports have no limit."""
    from havza import config

    return max(0, int(config.get("IMPORT_PAGE_MB"))) * 1_000_000


def read_file(path: Path, name: str | None = None) -> list[SourceDocument]:
    """The documents in the file PATH (reported as NAME); SourceError when there is none."""
    return read_bytes(read_safely(path), name or str(path))


def read_safely(path: Path) -> bytes:
    """The bytes of the regular file PATH: a page up to the page limit, an export whole (the
    importer reads a large export as a stream instead: ``stream``)."""
    with open_safely(path) as fh:
        return fh.read() if is_wxr_stream(fh) else _read_page(fh)


def open_safely(path: Path) -> BinaryIO:
    """The regular file PATH, opened for reading.

    Opened without following a link and without waiting (a named pipe put in the file's
    place after it was chosen is not waited on), then checked again on what was opened.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror or error}") from error
    fh = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        fh.close()
        raise SourceError("not a regular file: not read")
    return fh


def is_wxr_stream(fh: BinaryIO) -> bool:
    """Whether the file FH is a WordPress export; FH is left at its start."""
    from havza.archive.sources import wxr

    head = fh.read(WXR_HEAD_BYTES)
    fh.seek(0)
    if b"<rss" not in head or b"wordpress.org/export" not in head:
        return False
    found = wxr.is_wxr(head)
    fh.seek(0)
    return found


def _read_page(fh: BinaryIO) -> bytes:
    limit = max_page_bytes()
    size = os.fstat(fh.fileno()).st_size
    if size > limit:
        raise SourceError(_too_large(size, limit))
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise SourceError(_too_large(len(data), limit) + " (it grew while read)")
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"a page of {_megabytes(size)}: pages are read up to {limit // 1_000_000} MB "
        "(HAVZA_IMPORT_PAGE_MB; WordPress exports have no limit)"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _holds_secret(data: bytes) -> bool:
    from django.conf import settings

    secret = str(settings.SECRET_KEY).encode()
    return len(secret) >= 16 and secret in data


def read_bytes(data: bytes, path: str) -> list[SourceDocument]:
    """The documents in DATA; SourceError, with the reason, when there is none to read."""
    try:
        return _read_bytes(data, path)
    except SourceError:
        raise
    except (
        ValueError,
        LookupError,
        TypeError,
        AttributeError,
        RecursionError,
        AssertionError,  # trafilatura's date finder asserts on some broken trees
    ) as error:
        # Parsers of HTML and XML fail in their own ways on broken input; all say "unreadable".
        raise SourceError(f"cannot parse the file: {type(error).__name__}: {error}") from error


def _read_bytes(data: bytes, path: str) -> list[SourceDocument]:
    if not data.strip():
        raise SourceError("the file is empty")
    if _holds_secret(data):
        raise SourceError("holds the site's secret key: never imported")
    from havza.archive.sources import wxr

    if wxr.is_wxr(data):
        return _wxr_documents(data, path)
    if len(data) > max_page_bytes():
        raise SourceError(_too_large(len(data), max_page_bytes()))
    head = data[:4096]
    try:
        decoded, notes = text.decode(data)
    except text.UnreadableFile as error:
        raise SourceError(str(error)) from error
    digest = hashlib.sha256(data).hexdigest()
    if _HTML.search(head):
        from havza.archive.sources import html

        page, links = html.read_page(decoded)
        page.problems.extend(notes)
        return [SourceDocument(path, path, "html", digest, page, links)]
    page = Page(lines=from_text(decoded), problems=notes)
    links = re.findall(r"https?://[^\s<>\"”)\]]+", decoded)
    return [SourceDocument(path, path, "text", digest, page, links)]


def _wxr_documents(data: bytes, path: str) -> list[SourceDocument]:
    from havza.archive.sources import wxr

    try:
        items, problems = wxr.read(data)
    except (ValueError, SyntaxError) as error:
        raise SourceError(f"not a readable WordPress export: {error}") from error
    for item in items:
        item.page.problems.extend(problems)
    return [wxr_document(path, item) for item in items]


def wxr_document(path: str, item) -> SourceDocument:
    """The document of a WordPress export's ITEM (``wxr.Item``) in the file PATH."""
    return SourceDocument(
        path=path,
        key=f"{path}#post-{item.post_id}",
        format="wxr",
        digest=item.digest,
        page=item.page,
        links=item.links,
        group=item.group,
        source_language=item.source_language,
        draft=item.status != "publish",
    )


class SecretGuard:
    """A binary file read through this raises SourceError if it holds the site's secret key,
    wherever the key falls between two reads."""

    def __init__(self, fh: BinaryIO) -> None:
        from django.conf import settings

        self.fh = fh
        secret = str(settings.SECRET_KEY).encode()
        self.secret = secret if len(secret) >= 16 else b""
        self.tail = b""

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        if self.secret:
            if self.secret in self.tail + data:
                raise SourceError("holds the site's secret key: never imported")
            self.tail = (self.tail + data)[-(len(self.secret) - 1) :]
        return data

    def seek(self, offset: int) -> int:
        self.tail = b""
        return self.fh.seek(offset)
