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

from havza.archive import text
from havza.archive.page import Page, from_text

MAX_FILE_BYTES = 50 * 1000 * 1000  # a WordPress export of a whole site
MAX_PAGE_BYTES = 5 * 1000 * 1000  # a single HTML or text page
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


def read_file(path: Path, name: str | None = None) -> list[SourceDocument]:
    """The documents in the file PATH (reported as NAME); SourceError when there is none."""
    return read_bytes(read_safely(path), name or str(path))


def read_safely(path: Path) -> bytes:
    """The bytes of the regular file PATH, at most MAX_FILE_BYTES of them.

    Opened without following a link and without waiting (a named pipe put in the file's
    place after it was chosen is not waited on), then checked again on what was opened.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror or error}") from error
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("not a regular file: not read")
        if info.st_size > MAX_FILE_BYTES:
            raise SourceError(f"file too large ({_megabytes(info.st_size)}; at most 50 MB)")
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise SourceError("file too large (it grew while read; at most 50 MB)")
    return data


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
    if len(data) > MAX_PAGE_BYTES:
        raise SourceError(
            f"a page of {_megabytes(len(data))}: pages are read up to "
            f"{MAX_PAGE_BYTES // 1_000_000} MB (WordPress exports up to 50 MB)"
        )
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
    documents = []
    for item in items:
        item.page.problems.extend(problems)
        documents.append(
            SourceDocument(
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
        )
    return documents
