"""Listing pages: an "Articles" page of teasers, or a home page of bullet teasers.

A listing is not a piece of its own: no Work is made from it. Its teasers (title, link,
author, date, excerpt) are evidence for the articles they announce, which the archive may
hold as pages of their own: ``TeaserIndex`` finds the teaser of an article by its link or
its title. An HTML page's listing is read from its structure (``sources.html.listing_of``),
a text page's from its lines (``from_lines``).

A page is a listing when it holds at least three teasers (two with a pager), each a
title-like line with a date or an author line under it (or a bullet item with a date or a
link), and the teasers, not running text, make up most of the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from havza.archive import bylines
from havza.archive.dates import parse_date_line
from havza.archive.text import ascii_digits, fingerprint, reads_as_title

if TYPE_CHECKING:
    from havza.archive.page import Line

MIN_TEASERS = 3
META_MAX_CHARS = 120
EXCERPT_MIN_CHARS = 40
EXCERPT_MAX_CHARS = 450  # a longer paragraph is the text of an article, not its teaser
TEASER_TITLE_MAX_CHARS = 200
LINK_ITEM_MIN_CHARS = 20  # a bullet item shorter than this is a menu entry, not a title

_NAV = (
    r"next|previous|prev|older posts|newer posts|older|newer|sonraki|önceki|siguiente|"
    r"anterior|suivant|précédent|successivo|precedente|avanti|próxima|próximo|seguinte|"
    r"επόμενη|προηγούμενη|հաջորդ|նախորդ|التالي|السابق|بعدی|قبلی|pêşde|paşde|dûv"
)
_PAGE = r"page|sayfa|página|pagina|σελίδα|էջ|صفحة|صفحه|rûpel"
_NAV_RE = re.compile(rf"(?<!\w)(?:{_NAV})(?!\w)")
_PAGE_RE = re.compile(rf"(?<!\w)(?:{_PAGE})(?!\w)")
_PAGE_OF = re.compile(rf"(?:{_PAGE})\s*\d+\s*(?:/|of|de|di|από|من|از|ji)\s*\d+")
_PAGER_MARKS = re.compile(r"[«»‹›←→<>…|·,:\-–—.\s]+")
READ_MORE = re.compile(
    r"(?:read more|continue reading|devamı|devamını oku|devamını okuyun|leer más|"
    r"seguir leyendo|lire la suite|en savoir plus|leggi tutto|continua a leggere|leia mais|"
    r"ler mais|continuar a ler|διαβάστε περισσότερα|περισσότερα|կարդալ ավելին|اقرأ المزيد|"
    r"ادامه مطلب|بیشتر بخوانید|bêtir bixwîne|zêdetir bixwîne)\s*[»›→.…\]]*\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-•*·▪◦–—]|\d{1,2}[.)])\s+")
_ITEM_PARTS = re.compile(r"\s*(?:\||·|\s[-–—]\s|[()\[\]]|:\s)\s*")
_BY_INSIDE = re.compile(
    r"^(?P<date>.+?)\s+(?:by|par|por|di|da|von|yazan|από)\s+(?P<name>.+)$", re.IGNORECASE
)


@dataclass
class Teaser:
    """One article as a listing announces it."""

    title: str
    link: str = ""
    author: str = ""
    date: dt.date | None = None
    excerpt: str = ""

    @classmethod
    def from_report(cls, entry: dict[str, str | None]) -> Teaser:
        """The teaser a report entry's ``teasers`` lists (``as_report`` read back)."""
        date = entry.get("date")
        return cls(
            title=entry.get("title") or "",
            link=entry.get("link") or "",
            author=entry.get("author") or "",
            date=dt.date.fromisoformat(date) if date else None,
        )

    def as_report(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "link": self.link or None,
            "author": self.author or None,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass
class Listing:
    teasers: list[Teaser] = field(default_factory=list)
    pager: bool = False


def is_pager(text: str) -> bool:
    """ "1 2 3 … 10 Next »", "« Önceki", "Page 2 of 7": a pager line."""
    line = ascii_digits(text).casefold()
    if len(line) > 80:
        return False
    if _PAGE_OF.search(line):
        return True
    without_nav = _PAGE_RE.sub(" ", _NAV_RE.sub(" ", line))
    rest = _PAGER_MARKS.sub(" ", without_nav).strip()
    if not rest:
        return without_nav != line
    numbers = rest.split()
    return len(numbers) >= 2 and all(n.isdigit() and len(n) <= 4 for n in numbers)


def without_read_more(text: str) -> str:
    return READ_MORE.sub("", text).rstrip(" .…[]»›→") if READ_MORE.search(text) else text


def _meta(text: str) -> tuple[dt.date, str] | None:
    """The date and author of a teaser's meta line ("By X | 3 March 2024"), if it is one."""
    if len(text) > META_MAX_CHARS:
        return None
    dateline = bylines.with_date(text)
    if dateline is not None:
        return dateline.date, dateline.names
    date = parse_date_line(text)
    if date is not None:
        return date, ""
    inside = _BY_INSIDE.match(text)  # "Posted on 3 March 2024 by X"
    if inside:
        date = parse_date_line(inside.group("date"))
        if date is not None and bylines.name_like(inside.group("name")):
            return date, inside.group("name")
    return None


def _title_like(text: str) -> bool:
    return (
        len(text) <= TEASER_TITLE_MAX_CHARS
        and reads_as_title(text)
        and not text.rstrip().endswith(("…", "...", "[…]"))
        and not READ_MORE.search(text)
        and not is_pager(text)
    )


def from_lines(lines: Sequence[Line]) -> Listing | None:
    """The listing LINES make up, or None when they are a page of its own."""
    if len(lines) < 2 * MIN_TEASERS - 1:
        return None
    texts = [line.text for line in lines]
    pager = any(is_pager(t) for t in texts[-4:])
    found = _teasers(lines, texts)
    if found is None:
        found = _bullet_teasers(lines, texts)
    if found is None:
        return None
    teasers, used = found
    if len(teasers) < MIN_TEASERS and not (pager and len(teasers) >= 2):
        return None
    # Teasers, not running text, make up the page.
    other = sum(
        len(t)
        for i, t in enumerate(texts)
        if i not in used and not is_pager(t) and not READ_MORE.fullmatch(t.strip())
    )
    if other > max(600, sum(len(texts[i]) for i in used)):
        return None
    return Listing(teasers, pager)


def _teasers(lines: Sequence[Line], texts: list[str]) -> tuple[list[Teaser], set[int]] | None:
    metas = {i: m for i, t in enumerate(texts) if (m := _meta(t)) is not None}
    if len(metas) < 2:
        return None
    teasers: list[Teaser] = []
    used: set[int] = set()
    for i, (date, author) in sorted(metas.items()):
        j = i - 1
        if (
            not author
            and j >= 1
            and j not in metas
            and bylines.name_like(texts[j])
            and _title_like(texts[j - 1])
            and j - 1 not in metas
        ):
            author, j = texts[j], j - 1
        if j < 0 or j in metas or j in used or not _title_like(texts[j]):
            continue
        taken = set(range(j, i + 1))
        k = i + 1
        if not author and k < len(texts) and k + 1 not in metas and is_author(texts[k]):
            author = texts[k]
            taken.add(k)
            k += 1
        excerpt = ""
        if k < len(texts) and k not in metas and k + 1 not in metas:
            candidate = texts[k]
            short = len(candidate) <= EXCERPT_MAX_CHARS
            if short and (len(candidate) >= EXCERPT_MIN_CHARS or READ_MORE.search(candidate)):
                excerpt = without_read_more(candidate)
                taken.add(k)
        author = bylines.prefixed(author) or author
        teasers.append(Teaser(texts[j], lines[j].link, author, date, excerpt))
        used |= taken
    return (teasers, used) if teasers else None


def is_author(text: str) -> bool:
    return bool(bylines.prefixed(text)) or (
        bylines.name_like(text) and (bylines.person_like(text) or bylines.is_organization(text))
    )


def _bullet_teasers(
    lines: Sequence[Line], texts: list[str]
) -> tuple[list[Teaser], set[int]] | None:
    items = [
        i for i, line in enumerate(lines) if line.kind in {"li", "oli"} or _BULLET.match(line.text)
    ]
    if len(items) < MIN_TEASERS:
        return None
    teasers: list[Teaser] = []
    used: set[int] = set()
    for i in items:
        teaser = item_teaser(_BULLET.sub("", texts[i], count=1), lines[i].link)
        if teaser is not None:
            teasers.append(teaser)
            used.add(i)
    if len(teasers) < MIN_TEASERS or len(teasers) < 0.6 * len(items):
        return None
    return teasers, used


def item_teaser(text: str, link: str) -> Teaser | None:
    """ "Title (3 March 2024)", "3 March 2024 – Title – Author", or a linked title."""
    date, author, rest = None, "", []
    for piece in _ITEM_PARTS.split(text):
        piece = piece.strip(" ,;")
        if not piece:
            continue
        found = parse_date_line(piece) if date is None else None
        if found is not None:
            date = found
        elif not author and rest and is_author(piece):
            author = bylines.prefixed(piece) or piece
        else:
            rest.append(piece)
    title = max(rest, key=len, default="")
    if not title or not (date or (link and len(text) >= LINK_ITEM_MIN_CHARS)):
        return None
    return Teaser(title, link, author, date)


# -- Teasers as evidence for the articles they announce.


def _slug(link: str) -> str:
    """The last meaningful part of a link or file path: the article's slug."""
    path = unquote(urlsplit(link).path if "://" in link else link.split("?")[0].split("#")[0])
    parts = [p for p in re.split(r"[/\\]", path) if p]
    while parts and re.fullmatch(r"index(?:\.\w+)?", parts[-1], re.IGNORECASE):
        parts.pop()
    if not parts:
        return ""
    return re.sub(r"\.(?:html?|php|aspx?|txt)$", "", parts[-1], flags=re.IGNORECASE).casefold()


class TeaserIndex:
    """The teasers of an archive's listings, to look an article's up by link or title.

    ``TeaserIndex(teasers).find(title=..., path=...)`` gives the teaser announcing an
    article: its file path or address compared by slug (``/2024/03/strike/`` and
    ``archive/strike.html`` agree), else its title compared as ``fingerprint`` compares
    lines. A title two teasers give different dates or authors for is left ambiguous (None).
    """

    def __init__(self, teasers: Iterable[Teaser]) -> None:
        self.by_slug: dict[str, Teaser | None] = {}
        self.by_title: dict[str, Teaser | None] = {}
        for teaser in teasers:
            for table, key in (
                (self.by_slug, _slug(teaser.link)),
                (self.by_title, fingerprint(teaser.title)),
            ):
                if not key:
                    continue
                known = table.get(key, teaser)
                agree = known is not None and (known.date, known.author) == (
                    teaser.date,
                    teaser.author,
                )
                table[key] = _merge(known, teaser) if agree else None

    def __len__(self) -> int:
        return len({id(t) for t in [*self.by_slug.values(), *self.by_title.values()] if t})

    def find(self, title: str = "", path: str = "") -> Teaser | None:
        slug = _slug(path) if path else ""
        if slug and self.by_slug.get(slug):
            return self.by_slug[slug]
        return self.by_title.get(fingerprint(title)) if title else None


def _merge(known: Teaser, other: Teaser) -> Teaser:
    if known is other:
        return known
    return Teaser(
        known.title,
        known.link or other.link,
        known.author,
        known.date,
        known.excerpt or other.excerpt,
    )
