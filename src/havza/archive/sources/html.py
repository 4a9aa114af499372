"""HTML pages: trafilatura finds the main content and metadata; menus and footers fall away.

The same walker turns trafilatura's content tree (p, head, quote, list/item, lb) and plain
HTML fragments such as WordPress post bodies (p, h2, blockquote, ul/li, br) into the lines and
blocks every source hands to the analysis.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from havza.archive.dates import parse_iso
from havza.archive.page import Line, Page
from havza.archive.text import clean_line

_SKIP = {"script", "style", "nav", "footer", "aside", "form", "noscript", "template", "figure"}
# Comments (WordPress writes its block editor's marks as comments) and processing
# instructions hold no text a reader sees.
_SKIP.add("#not-an-element")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "head"}
_LISTS = {"ul", "ol", "list"}
_ITEMS = {"li", "item"}
_QUOTES = {"blockquote", "quote"}
_BLOCKS = {"p", "div", "section", "article", "main", "pre", "table", "tr", "td", "body", "dl"}
_LINE_BREAKS = {"br", "lb"}
_HAS_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|blockquote|ul|ol|li|table)\b", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z-]+)", re.IGNORECASE)


_BLOCKISH = _BLOCKS | _HEADINGS | _LISTS | _QUOTES | _ITEMS


class _Walker:
    def __init__(self, newlines_are_breaks: bool = False) -> None:
        self.lines: list[Line] = []
        self.links: list[str] = []
        self.block = 0
        # WordPress bodies mean a line break by a newline and a paragraph by a blank line;
        # in an HTML page a newline is only a space.
        self.newlines_are_breaks = newlines_are_breaks

    def new_block(self) -> None:
        if self.lines and self.lines[-1].block == self.block:
            self.block += 1

    def emit(self, text: str, kind: str) -> None:
        paragraphs = re.split(r"\n\s*\n", text) if self.newlines_are_breaks else [text]
        for paragraph in paragraphs:
            for part in paragraph.split("\n"):
                part = clean_line(part)
                if part:
                    self.lines.append(Line(part, self.block, kind))
            self.new_block()

    def _text(self, text: str | None) -> str:
        text = text or ""
        return text if self.newlines_are_breaks else text.replace("\n", " ")

    def text_of(self, element: etree._Element) -> str:
        """Text of an inline run, line breaks kept, links remembered."""
        parts: list[str] = [self._text(element.text)]
        for child in element:
            tag = _tag(child)
            if tag in _LINE_BREAKS:
                parts.append("\n")
            elif tag not in _SKIP:
                parts.append(self._inline(child))
            parts.append(self._text(child.tail))
        return "".join(parts)

    def _inline(self, element: etree._Element) -> str:
        if _tag(element) in {"a", "ref"}:
            href = element.get("href") or element.get("target") or ""
            if href.startswith(("http://", "https://")):
                self.links.append(href)
        return self.text_of(element)

    def walk(self, element: etree._Element, kind: str = "p") -> None:
        tag = _tag(element)
        if tag in _SKIP:
            return
        self.new_block()
        if tag in _HEADINGS:
            self.emit(self.text_of(element), "h" if kind == "p" else kind)
        elif tag in _QUOTES:
            self._mixed(element, "quote")
        elif tag in _LISTS:
            item_kind = "oli" if tag == "ol" or element.get("rend") == "ol" else "li"
            for child in element:
                if _tag(child) in _ITEMS:
                    text = " ".join(self.text_of(child).split("\n"))
                    self.lines.append(Line(clean_line(text), self.block, item_kind))
            self.lines = [line for line in self.lines if line.text]
        else:
            self._mixed(element, kind)
        self.new_block()

    def _mixed(self, element: etree._Element, kind: str) -> None:
        """An element holding text, inline elements and block elements in any mix."""
        run: list[str] = [self._text(element.text)]
        for child in element:
            tag = _tag(child)
            if tag in _BLOCKISH:
                self.emit("".join(run), kind)
                run = []
                self.walk(child, kind)
            elif tag in _LINE_BREAKS:
                run.append("\n")
            elif tag not in _SKIP:
                run.append(self._inline(child))
            run.append(self._text(child.tail))
        self.emit("".join(run), kind)


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else "#not-an-element"


def fragment_lines(fragment: str) -> tuple[list[Line], list[str]]:
    """Lines of an HTML fragment (a WordPress post body), and the links in it."""
    if not _HAS_BLOCK_TAG.search(fragment):
        # WordPress stores paragraphs as blank-line-separated text and adds <p> on display.
        fragment = "".join(f"<p>{p}</p>" for p in re.split(r"\n\s*\n", fragment) if p.strip())
    fragment = re.sub(r"\[/?[a-z_]+[^\]]*\]", "", fragment)  # shortcodes: [caption], [embed]
    walker = _Walker(newlines_are_breaks=True)
    if fragment.strip():
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        walker.walk(root)
    return walker.lines, walker.links


def read_page(markup: str) -> tuple[Page, list[str]]:
    """A whole HTML page: main content and metadata, and the links in the content."""
    document = trafilatura.bare_extraction(
        markup,
        include_formatting=True,
        include_links=True,
        include_comments=False,
        with_metadata=True,
        # Only the page's metadata may give the date, never a date in its text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    declared = _HTML_LANG.search(markup[:5000])
    language = declared.group(1).split("-")[0].lower() if declared else ""
    if document is None or document.body is None:
        return Page(lines=[], language=language, problems=["no main content found"]), []
    walker = _Walker()
    walker.walk(document.body)
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    page = Page(
        lines=walker.lines,
        title=clean_line(document.title or ""),
        authors=authors,
        date=parse_iso(document.date),
        language=language,
    )
    return page, walker.links
