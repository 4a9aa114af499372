"""Readers of archive files: each file gives one or more documents to analyze.

The format is recognised from the content, not the file name: a WordPress export is XML
with the WordPress namespace, an HTML page has HTML tags, anything else that decodes as text
is a plain-text page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from havza.archive import text
from havza.archive.structure import Page, from_text

MAX_FILE_BYTES = 50 * 1024 * 1024
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


def read_file(path: Path) -> list[SourceDocument]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"file too large ({size // 1_000_000} MB; at most 50 MB)")
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror or error}") from error
    return read_bytes(data, str(path))


def read_bytes(data: bytes, path: str) -> list[SourceDocument]:
    """The documents in DATA; SourceError, with the reason, when there is none to read."""
    try:
        return _read_bytes(data, path)
    except SourceError:
        raise
    except (ValueError, LookupError, TypeError, AttributeError, RecursionError) as error:
        # Parsers of HTML and XML fail in their own ways on broken input; all say "unreadable".
        raise SourceError(f"cannot parse the file: {type(error).__name__}: {error}") from error


def _read_bytes(data: bytes, path: str) -> list[SourceDocument]:
    head = data[:4096]
    if not data.strip():
        raise SourceError("the file is empty")
    from havza.archive.sources import wxr

    if wxr.is_wxr(head):
        return _wxr_documents(data, path)
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
