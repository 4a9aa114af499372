"""A page's parts: title, byline, date, body paragraphs and the signature block.

Every source (plain text, HTML, WordPress) gives a ``Page``: lines grouped in blocks, plus
whatever metadata the source had. ``analyze`` finds the rest the same way for all of them:

* the head (taglines, menus) and tail (footers) are dropped (``boilerplate``);
* the signature block is read from the bottom up (``signatories``);
* the title is the first line left, unless the source named it;
* the byline and the date are looked for only in the few short lines right under the title,
  so a date mentioned in the text is never taken for the publication date;
* what remains is the body, cut into paragraphs, quotations and list items (``body``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from havza.archive import body, bylines, dates, language, listing
from havza.archive.boilerplate import Boilerplate, trim
from havza.archive.declared import identify_declared
from havza.archive.page import Line, Page
from havza.archive.signatories import Signer, find_block
from havza.archive.text import (
    TITLE_MAX_CHARS,
    clean_line,
    ends_sentence,
    fingerprint,
    reads_as_title,
)

HEADER_LINES = 4  # short lines under the title that may hold the byline and date
HEADER_LINE_CHARS = 200


@dataclass
class Parsed:
    title: str
    authors: list[str]
    date: dt.date | None
    language: language.Guess
    paragraphs: list[body.Paragraph]
    issuers: list[Signer]
    signatories: list[Signer]
    taglines: dict[str, str]
    problems: list[str]
    listing: listing.Listing | None = None  # a listing page: no Work is made from it

    @property
    def markdown(self) -> str:
        return body.to_markdown(self.paragraphs)


def analyze(
    page: Page, boilerplate: Boilerplate | None = None, trust_language: bool = False
) -> Parsed:
    """The parts of PAGE. TRUST_LANGUAGE: the language the source states (WordPress) is
    taken as given when it is a site language; otherwise a declared site language still
    wins over the identified one (an HTML page's ``lang``)."""
    boilerplate = boilerplate or Boilerplate()
    problems = list(page.problems)
    texts = [line.text for line in page.lines]
    edges = trim(texts, boilerplate)
    lines = page.lines[edges.start : edges.stop]

    found = page.listing or listing.from_lines(lines)
    if found is not None:
        return _listing_page(page, lines, found, edges.taglines, problems)

    # A dateline closing the page ("Caracas, 26 June 2017"), after the signatures or before.
    # A bare date ending a page is a dateline only after signatures; "Place, date" always.
    closing, rest = _closing_date(lines)
    closing_line = lines[-1] if closing else None
    issuers: list[Signer] = []
    signatories: list[Signer] = []
    plain = [i for i, line in enumerate(rest) if line.kind != "quote"]
    block = find_block([rest[i].text for i in plain]) if plain else None
    if block is not None:
        issuers, signatories = block.issuers, block.signatories
        lines = rest[: plain[block.start]]
        if closing is None:
            closing_line = lines[-1] if lines else None
            closing, lines = _closing_date(lines, bare=False)
    elif closing is not None and not _placed(lines[-1].text):
        closing = None
    else:
        lines = rest

    page_language = _lazy_language(page, lines)
    head = Header(date=page.date)
    if not page.title and lines and _sure_header(lines):
        # "by Savas Michael Matsas" or a date first: the title, if any, comes after.
        lines = head.read(lines, page_language, before_title=True)
    title, lines = _title(page, lines)
    if not title:
        problems.append("no title found")
    lines = head.read(lines, page_language)
    authors = list(page.authors) or head.authors
    date = head.date or closing
    if closing and date != closing and closing_line is not None:
        lines = [*lines, closing_line]  # a dateline that does not date the page stays text

    paragraphs = body.paragraphs(lines)
    texts = [p.text for p in paragraphs]
    if trust_language and language.Guess(page.language, 1.0).is_site_language:
        # Taken as given: only its paragraphs are checked for another language.
        guess, guesses = identify_declared(texts, page.language, title)
    else:
        guess, guesses = language.identify_paragraphs([title, *texts] if title else texts)
    guess = _declared(page, guess, trust_language)
    paragraph_guesses = guesses[1:] if title else guesses
    body.mark_languages(paragraphs, paragraph_guesses, guess.code)
    if not paragraphs:
        problems.append("no body text found")
    return Parsed(
        title=title,
        authors=authors,
        date=date,
        language=guess,
        paragraphs=paragraphs,
        issuers=issuers,
        signatories=signatories,
        taglines=edges.taglines,
        problems=problems,
    )


def _declared(page: Page, guess: language.Guess, trust_language: bool) -> language.Guess:
    """The page's language: the one its source declares when that is a site language."""
    if page.language and (trust_language or page.language != guess.code):
        declared = language.Guess(page.language, 1.0)
        if declared.is_site_language:
            return declared
    return guess


def _listing_page(
    page: Page,
    lines: list[Line],
    found: listing.Listing,
    taglines: dict[str, str],
    problems: list[str],
) -> Parsed:
    paragraphs = body.paragraphs(lines)
    sample = [t.title for t in found.teasers] + [t.excerpt for t in found.teasers if t.excerpt]
    guess = _declared(page, language.identify(" ".join(sample)), trust_language=False)
    title = clean_line(page.title) or (lines[0].text if lines and lines[0].kind == "h" else "")
    return Parsed(
        title=title[:TITLE_MAX_CHARS],
        authors=[],
        date=None,
        language=guess,
        paragraphs=paragraphs,
        issuers=[],
        signatories=[],
        taglines=taglines,
        problems=problems,
        listing=found,
    )


def _closing_date(lines: list[Line], bare: bool = True) -> tuple[dt.date | None, list[Line]]:
    """The date of a closing dateline, and LINES without it (BARE: also a date alone)."""
    if len(lines) < 2 or lines[-1].kind not in {"p", "h"}:
        return None, lines
    date = dates.parse_date_line(lines[-1].text)
    if date is None or not (bare or _placed(lines[-1].text)):
        return None, lines
    return date, lines[:-1]


def _placed(text: str) -> bool:
    """ "Caracas, 26 June 2017": a date with a place (or a weekday) written before it."""
    found = dates.find_date(text)
    return found is not None and found[1] >= 3 and text[:1].isalpha()


def _lazy_language(page: Page, lines: list[Line]) -> Callable[[], str]:
    """The page's language, identified only if a byline needs its conjunction."""
    known: list[str] = []

    def get() -> str:
        if not known:
            if page.language:
                known.append(page.language)
            else:
                sample = " ".join(line.text for line in lines[:12])[:1500]
                known.append(language.identify(sample).code)
        return known[0]

    return get


def _sure_header(lines: list[Line]) -> bool:
    """A first line that is surely a byline or a date, never a title.

    "by Savas Michael Matsas" is a byline; "By Any Means Necessary" may be a title: a
    capitalized "By" line is a byline only when a title-like line follows it.
    """
    text = lines[0].text
    if len(text) > HEADER_LINE_CHARS:
        return False
    if dates.parse_date_line(text):
        return True
    if bylines.prefixed(text):
        following = lines[1].text if len(lines) > 1 else ""
        return text[:1].islower() or (bool(following) and reads_as_title(following))
    found = bylines.with_date(text)
    return found is not None and found.statement


def _title(page: Page, lines: list[Line]) -> tuple[str, list[Line]]:
    if page.title:
        title = clean_line(page.title)
        # The source's title is often repeated as the first line of its text.
        if lines and fingerprint(lines[0].text) == fingerprint(title):
            lines = lines[1:]
        return title, lines
    if not lines:
        return "", lines
    first = lines[0]
    if first.kind == "h" or (first.kind == "p" and reads_as_title(first.text)):
        return first.text[:TITLE_MAX_CHARS], lines[1:]
    # No title line: the first paragraph stays in the body ("no title found" is reported and
    # the title is made from its first sentence).
    return "", lines


@dataclass
class Header:
    """The byline and date read from the short lines under the title."""

    date: dt.date | None = None
    authors: list[str] | None = None

    def __post_init__(self) -> None:
        self.authors = self.authors or []

    def read(
        self, lines: list[Line], page_language: Callable[[], str], before_title: bool = False
    ) -> list[Line]:
        """Read the byline and date at the start of LINES; return the lines after them.
        BEFORE_TITLE: the lines open the page ("by X", a date), and the first line that is
        neither a date nor a "by" line is the title, however much it reads like a name."""
        names: list[str] = []
        sure = False  # a date or a "By" stands beside the names
        date = None
        used = 0
        for line in lines[:HEADER_LINES]:
            text = line.text
            if line.kind not in {"p", "h"} or len(text) > HEADER_LINE_CHARS:
                break
            found = dates.parse_date_line(text)
            if found is not None:
                date = date or found
                sure = True
                used += 1
                continue
            prefixed = bylines.prefixed(text)
            if prefixed:
                names.append(prefixed)
                sure = True
                used += 1
                continue
            dateline = bylines.with_date(text)
            if dateline is not None:
                names.append(dateline.names)
                date = date or dateline.date
                sure = True
                used += 1
                continue
            if not before_title and bylines.name_like(text) and not ends_sentence(text):
                names.append(text)
                used += 1
                continue
            break
        if not used:
            return lines
        # The page's language is identified only when a name may hold its conjunction.
        lang = page_language() if any(bylines.has_conjunction(n) for n in names) else ""
        authors = [a for name in names for a in bylines.split_authors(name, lang)]
        if not sure:
            # A short line under a title, with no date or "By" beside it, is as likely a
            # subtitle or a slogan as a byline: it is one only when it names organizations,
            # two of them or more (on one line joined by "and", or one per line; one of two
            # may be named without a word like "party": "Opción Obrera").
            organizations = sum(1 for a in authors if bylines.is_organization(a))
            if len(authors) < 2 or organizations * 2 < len(authors):
                return lines
            if len(names) == 1 and organizations < len(authors):
                return lines  # "X and Y" on one line: both must be organizations
        self.date = self.date or date
        if not self.authors:
            self.authors = authors
        return lines[used:]
