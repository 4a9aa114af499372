"""What a source reads from one document: lines grouped in blocks, and its metadata.

Every source (plain text, HTML, WordPress) gives a ``Page``; ``structure.analyze`` finds the
title, byline, date, body and signatories in it the same way for all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from havza.archive.text import clean_line


@dataclass
class Line:
    text: str
    block: int  # lines of the same block belong to one paragraph, list or quotation
    kind: str = "p"  # p, quote, li, oli (numbered item), h (heading)
    link: str = ""  # the address the line links to, when the line is (mostly) a link


@dataclass
class Page:
    """What a source read from one document, before analysis."""

    lines: list[Line]
    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: dt.date | None = None
    language: str = ""  # declared by the source (WordPress, <html lang>), trusted if a site one
    problems: list[str] = field(default_factory=list)
    # A listing.Listing found by the source (an HTML page's structure): listing imports this
    # module, so the type is not named here.
    listing: object | None = None


def from_text(text: str) -> list[Line]:
    """Lines of a plain-text page, blocks separated by blank lines."""
    lines: list[Line] = []
    block = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_line(raw)
        if line:
            lines.append(Line(line, block))
        elif lines and lines[-1].block == block:
            block += 1
    return lines
