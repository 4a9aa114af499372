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
import re
from dataclasses import dataclass

from havza.archive import body, dates, language
from havza.archive.boilerplate import Boilerplate, trim
from havza.archive.page import Line, Page
from havza.archive.signatories import Signer, find_block, looks_like_name
from havza.archive.text import clean_line, ends_sentence, fingerprint

TITLE_MAX_CHARS = 300
# A first line ending with a full stop and longer than this is a sentence of the body.
TITLE_SENTENCE_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?؟։](?=[\s”»\"’)]*\s\S)")
HEADER_BLOCKS = 4  # short blocks under the title that may hold the byline and date
# "By ...", "Par ...", "Yazan: ..." and other ways of introducing a byline.
_BYLINE_PREFIX = re.compile(
    r"^(?:by|from|par|por|di|da|von|yazan|yazar|نویسنده|بقلم|كتبه|του|της|από|ji aliyê|հեղինակ)"
    r"\s*:?\s+",
    re.IGNORECASE,
)


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

    @property
    def markdown(self) -> str:
        return body.to_markdown(self.paragraphs)


def analyze(page: Page, boilerplate: Boilerplate | None = None) -> Parsed:
    boilerplate = boilerplate or Boilerplate()
    problems = list(page.problems)
    texts = [line.text for line in page.lines]
    edges = trim(texts, boilerplate)
    lines = page.lines[edges.start : edges.stop]

    issuers: list[Signer] = []
    signatories: list[Signer] = []
    plain = [i for i, line in enumerate(lines) if line.kind != "quote"]
    block = find_block([lines[i].text for i in plain]) if plain else None
    if block is not None:
        issuers, signatories = block.issuers, block.signatories
        lines = lines[: plain[block.start]]

    title, lines = _title(page, lines)
    if not title:
        problems.append("no title found")
    authors, date, lines = _header(page, lines)

    paragraphs = body.paragraphs(lines)
    texts = [p.text for p in paragraphs]
    guess, guesses = language.identify_paragraphs([title, *texts] if title else texts)
    if page.language and page.language != guess.code:
        declared = language.Guess(page.language, 1.0)
        if declared.is_site_language:
            guess = declared
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
    if first.kind == "h" or (first.kind == "p" and _reads_as_title(first.text)):
        return first.text[:TITLE_MAX_CHARS], lines[1:]
    # No title line: the first paragraph stays in the body ("no title found" is reported and
    # the title is made from its first sentence).
    return "", lines


def _reads_as_title(text: str) -> bool:
    """A heading-like line, not the first sentences of the text."""
    if len(text) > TITLE_MAX_CHARS:
        return False
    words = len(text.split())
    sentences = len(_SENTENCE_END.findall(text))
    ends_with_period = text.rstrip('”»"’) ').endswith((".", "։", "。"))
    return not ((ends_with_period and words > TITLE_SENTENCE_WORDS) or sentences >= 2)


def _header(page: Page, lines: list[Line]) -> tuple[list[str], dt.date | None, list[Line]]:
    """Byline and date from the short blocks right under the title; the rest is the body."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and blocks[-1][0].block == line.block:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    date: dt.date | None = page.date
    names: list[str] = []
    used = 0
    for block in blocks[:HEADER_BLOCKS]:
        if len(block) != 1 or block[0].kind not in {"p", "h"}:
            break
        text = block[0].text
        found = dates.parse_date_line(text)
        if found is not None:
            date = date or found
            used += 1
            continue
        stripped = _BYLINE_PREFIX.sub("", text)
        if looks_like_name(stripped) and not ends_sentence(text):
            names.append(stripped)
            used += 1
            continue
        break
    has_date = any(dates.parse_date_line(b[0].text) for b in blocks[:used])
    has_prefix = any(_BYLINE_PREFIX.match(b[0].text) for b in blocks[:used])
    if names and not (has_date or has_prefix):
        # A short line under a title, with no date or "By" beside it, is as likely a
        # subtitle or a slogan as a byline: it stays in the body.
        return list(page.authors), date, lines
    authors = list(page.authors) or [a for name in names for a in split_byline(name)]
    rest = [line for b in blocks[used:] for line in b]
    return authors, date, rest


def split_byline(text: str) -> list[str]:
    """ "A; B", "A & B", "A, B and C" to names; an organization's name stays whole."""
    parts = re.split(r"\s*(?:;|\s&\s|\s/\s)\s*", text)
    names: list[str] = []
    for part in parts:
        if "," in part and all(looks_like_name(p.strip()) for p in part.split(",") if p.strip()):
            names.extend(p.strip() for p in part.split(",") if p.strip())
        else:
            names.append(part.strip())
    return [n for n in names if n]
