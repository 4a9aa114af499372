"""The body of a page as Markdown: paragraphs, quotations as blockquotes, lists.

Scraped pages lose their markup: a quotation is only a paragraph that opens with a quotation
mark and another, some paragraphs later, that closes it; a list is lines that start with a
bullet or a number. Text is escaped so that nothing in it is taken for Markdown or HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from havza import languages

if TYPE_CHECKING:
    from havza.archive.language import Guess
    from havza.archive.page import Line

OPENING = '“«„"‘'
CLOSING = '”»"’“'
_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}
QUOTE_SPAN = 15  # paragraphs a quotation may run over before its closing mark
LONG_QUOTE = 150  # a paragraph in quotation marks this long is a quotation on its own
OTHER_LANGUAGE_MIN = 40  # letters a paragraph needs before it is marked as another language
OTHER_LANGUAGE_CONFIDENCE = 0.9
SHORT_LINE = 60  # characters: lines this short in one block are kept as separate lines
VERSE_LINE = 40  # lines up to this long, one under another, were broken by hand
ITEM_LINE = 140  # a line starting with a time, date or number is an item up to this long
# "10:00", "10.30", "9h30", "2024-03-03", "3 March": how schedule and chronology lines start.
_ITEM_START = re.compile(r"^(?:\d{1,2}[:.h]\d{2}|\d{1,4}(?:[./-]\d{1,2})*[\s.):–-])")
_BULLET = re.compile(r"^(?:[-•*·▪◦–—]|\d{1,2}[.)])\s+")
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+")
_LEAD_IN = re.compile(r"^(?P<lead>.*?:)\s*(?P<mark>[“«„\"])(?P<quote>[^“«„\"]\S.*)$")
_ESCAPE = re.compile(r"([\\`*_\[\]<~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=|-])|(\d+)([.)]))")


@dataclass
class Paragraph:
    kind: str  # p, quote, li, oli, h
    text: str
    lang: str = ""  # set when the paragraph is in another language than the page


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    result: list[Paragraph] = []
    block: list[Line] = []
    for line in lines:
        if block and line.block != block[0].block:
            result.extend(_block(block))
            block = []
        block.append(line)
    if block:
        result.extend(_block(block))
    return _quotations(result)


def _block(lines: list[Line]) -> list[Paragraph]:
    kind = lines[0].kind
    if kind in {"li", "oli", "h"}:
        return [Paragraph(kind, line.text) for line in lines]
    if sum(1 for line in lines if _BULLET.match(line.text)) >= 2:
        return [_item(line.text) for line in lines]
    if _hard_wrapped(lines):
        return [Paragraph(kind, " ".join(line.text for line in lines))]
    if _short_lines(lines):
        # A subtitle block, a schedule, a list of names: one item per line, as written.
        return [Paragraph(kind, "\n".join(line.text for line in lines))]
    out: list[Paragraph] = []
    for line in lines:
        # A sentence that ends on a line's end and a new one that starts on the next line is
        # the trace of two HTML paragraphs; a line cut mid-sentence continues the paragraph.
        if out and not _ends_sentence(out[-1].text):
            out[-1].text += " " + line.text
        else:
            out.append(Paragraph(kind, line.text))
    return out


def _item(text: str) -> Paragraph:
    numbered = _NUMBERED.match(text)
    return Paragraph("oli" if numbered else "li", _BULLET.sub("", text, count=1))


def _hard_wrapped(lines: list[Line]) -> bool:
    """Lines cut at a fixed width (e-mail, old text files) form one paragraph."""
    if len(lines) < 3:
        return False
    lengths = [len(line.text) for line in lines[:-1]]
    return max(lengths) <= 90 and min(lengths) >= 45


def _short_lines(lines: list[Line]) -> bool:
    """Short lines, none of them cut in the middle of a sentence, are items of their own.

    A line that starts with a time, a date or a number ("10:00 – Opening session …") is an
    item however long (up to ITEM_LINE). A line starting in lower case continues the
    sentence above ("The workers of the port" / "went on strike."), unless the lines were
    broken by hand: in three lines or more, where the next line's first word would have fit
    on the line above (verses, a slogan written one phrase per line), which is also what
    lines of at most VERSE_LINE characters are.
    """
    if len(lines) < 2:
        return False
    for line in lines:
        if len(line.text) > SHORT_LINE and not (
            len(line.text) <= ITEM_LINE and _ITEM_START.match(line.text)
        ):
            return False
    continued = [i for i in range(1, len(lines)) if lines[i].text[:1].islower()]
    if not continued:
        return True
    if len(lines) < 3:
        return False
    # No one wraps text at 40 characters: lines this short were broken by hand.
    width = max(VERSE_LINE, *(len(line.text) for line in lines))
    return all(
        len(lines[i - 1].text) + 1 + len(lines[i].text.split()[0]) <= width for i in continued
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSING + " )").endswith((".", "!", "?", "…", "։", "؟", ":"))


def _unclosed(text: str) -> bool:
    """Whether TEXT opens a quotation it does not close."""
    depth = 0
    for ch in text:
        if ch in "“«„‘":
            depth += 1
        elif ch in "”»’" and depth:
            depth -= 1
    straight = text.count('"') % 2 == 1 and text.lstrip().startswith('"')
    return depth > 0 or straight


def _quotations(paragraphs: list[Paragraph]) -> list[Paragraph]:
    out: list[Paragraph] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if para.kind != "p":
            out.append(para)
            i += 1
            continue
        lead = _LEAD_IN.match(para.text)
        opens_alone = para.text[:1] in OPENING and _unclosed(para.text)
        opens_after_lead = lead is not None and _unclosed(lead.group("mark") + lead.group("quote"))
        end = _closing_index(paragraphs, i) if opens_alone or opens_after_lead else None
        if end is not None:
            first = para.text[1:] if opens_alone else lead.group("quote")  # type: ignore[union-attr]
            if opens_after_lead and not opens_alone:
                out.append(Paragraph("p", lead.group("lead")))  # type: ignore[union-attr]
            span = [Paragraph("quote", first), *paragraphs[i + 1 : end + 1]]
            span[-1] = Paragraph("quote", span[-1].text.rstrip()[:-1].rstrip())
            out.extend(Paragraph("quote", p.text.strip()) for p in span if p.text.strip())
            i = end + 1
            continue
        text = para.text.strip()
        enclosed = text[:1] in _PAIRS and text.endswith(_PAIRS.get(text[:1], "\0"))
        if len(text) >= LONG_QUOTE and enclosed and not _unclosed(text[1:-1]):
            out.append(Paragraph("quote", text[1:-1].strip()))
            i += 1
            continue
        out.append(para)
        i += 1
    return out


def _closing_index(paragraphs: list[Paragraph], start: int) -> int | None:
    """The paragraph that closes the quotation opened at START (START itself excluded)."""
    for j in range(start + 1, min(len(paragraphs), start + 1 + QUOTE_SPAN)):
        if paragraphs[j].kind != "p":
            return None
        text = paragraphs[j].text.rstrip()
        if text.endswith(tuple('”»"')):
            return j
        if text[:1] in OPENING and _unclosed(text):
            return None  # another quotation starts: the first one was never closed
    return None


def mark_languages(paragraphs: list[Paragraph], guesses: Sequence[Guess], page: str) -> None:
    """Mark the paragraphs clearly written in another site language than the page."""
    for para, guess in zip(paragraphs, guesses, strict=False):
        if (
            guess.code != page
            and guess.is_site_language
            and guess.confidence >= OTHER_LANGUAGE_CONFIDENCE
            and sum(1 for ch in para.text if ch.isalpha()) >= OTHER_LANGUAGE_MIN
        ):
            para.lang = guess.code


def escape(text: str) -> str:
    """TEXT as Markdown that renders exactly TEXT (its line breaks as line breaks)."""
    if "\n" in text:
        return "\\\n".join(escape(line) for line in text.split("\n"))
    text = _ESCAPE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _BLOCK_START.sub(_escape_block_start, text, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    # "# x" would be a heading and "1. x" a list: the mark is escaped, digits are not.
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def _tagged(para: Paragraph, tag: str = "p") -> str:
    lang = languages.get(para.lang)
    direction = f' dir="{lang.direction}"' if lang else ""
    text = "<br>".join(html.escape(line, quote=False) for line in para.text.split("\n"))
    return f'<{tag} lang="{para.lang}"{direction}>{text}</{tag}>'


def to_markdown(paragraphs: Sequence[Paragraph]) -> str:
    chunks: list[str] = []
    previous = ""
    for para in paragraphs:
        text = _tagged(para) if para.lang else escape(para.text)
        if para.kind == "quote":
            chunk = "> " + text.replace("\n", "\n> ")
            if previous == "quote":
                chunks[-1] += "\n>\n" + chunk
                continue
        elif para.kind in {"li", "oli"}:
            marker = "-" if para.kind == "li" else "1."
            chunk = f"{marker} {_tagged(para, 'span') if para.lang else escape(para.text)}"
            if previous == para.kind:
                chunks[-1] += "\n" + chunk
                previous = para.kind
                continue
        elif para.kind == "h":
            chunk = "## " + text
        else:
            chunk = text
        chunks.append(chunk)
        previous = para.kind
    return "\n\n".join(chunks) + ("\n" if chunks else "")
