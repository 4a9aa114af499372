"""HTML pages: trafilatura finds the main content and metadata; menus and footers fall away.

The same walker turns trafilatura's content tree (p, head, quote, list/item, lb) and plain
HTML fragments such as WordPress post bodies (p, h2, blockquote, ul/li, br) into the lines and
blocks every source hands to the analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from havza.archive import bylines, listing
from havza.archive.dates import parse_date_line, parse_iso
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
        self.anchors: list[tuple[str, str]] = []  # (text, href) of the run being read
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
                    self.lines.append(Line(part, self.block, kind, self.link_of(part)))
            self.new_block()
        self.anchors = []

    def link_of(self, line: str) -> str:
        """The address LINE links to when a link is most of it (a teaser's title)."""
        for text, href in self.anchors:
            if text and text in line and len(text) * 2 >= len(line):
                return href
        return ""

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
            text = self.text_of(element)
            if href and not href.startswith(("#", "javascript:", "mailto:")):
                self.anchors.append((clean_line(text), href))
            return text
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
                    text = clean_line(" ".join(self.text_of(child).split("\n")))
                    self.lines.append(Line(text, self.block, item_kind, self.link_of(text)))
                    self.anchors = []
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
    found = _listing(markup)
    if document is None or document.body is None:
        page = Page(lines=[], language=language, problems=["no main content found"])
        if found is not None:
            page.listing, page.problems = found, []
        return page, []
    walker = _Walker()
    walker.walk(document.body)
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    page = Page(
        lines=walker.lines,
        title=clean_line(document.title or ""),
        authors=authors,
        date=parse_iso(document.date),
        language=language,
        listing=found,
    )
    return page, walker.links


_MAY_LIST = re.compile(r"<(?:article|li)\b", re.IGNORECASE)


def _listing(markup: str) -> listing.Listing | None:
    """The listing the page's structure shows (teasers in <article>s, lists of titles)."""
    if len(_MAY_LIST.findall(markup, 0, 2_000_000)) < 2:
        return None  # most pages: no second parse
    try:
        root = lxml_html.document_fromstring(markup)
    except (ValueError, etree.ParserError):
        return None
    return listing_of(root)


# An <article> this long is a whole article (with teasers of related ones beside it).
ARTICLE_BODY_CHARS = 1500
_PAGER_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' pagination ')"
    " or contains(@class, 'page-numbers') or contains(@class, 'nav-links')"
    " or contains(@class, 'pager') or contains(@class, 'wp-pagenavi')]"
    " | //a[@rel='next'] | //link[@rel='next']"
)
_OUTSIDE = "nav", "header", "footer", "aside", "form"


def listing_of(root: etree._Element) -> listing.Listing | None:
    """The listing an HTML page is (repeated <article> teasers, or lists of linked titles)."""
    pager = bool(root.xpath(_PAGER_XPATH))
    articles = [a for a in root.iter("article") if not _inside(a, ("article", *_OUTSIDE))]
    if len(articles) >= 2:
        if any(_text(a) and len(_text(a)) > ARTICLE_BODY_CHARS for a in articles):
            return None  # an article page, with teasers of related ones beside it
        if _prose(root, ("article",)) > max(600, sum(len(_text(a)) for a in articles)):
            return None  # an article written outside <article>, the teasers beside it
        teasers = [t for a in articles if (t := _article_teaser(a)) is not None]
        if len(teasers) >= listing.MIN_TEASERS or (pager and len(teasers) >= 2):
            return listing.Listing(teasers, pager)
        return None
    teasers, item_chars = [], 0
    for item in root.iter("li"):
        if _inside(item, _OUTSIDE):
            continue
        teaser = _linked_item(item)
        if teaser is not None:
            teasers.append(teaser)
            item_chars += len(teaser.title)
    if len(teasers) < listing.MIN_TEASERS + 2 and not (
        len(teasers) >= listing.MIN_TEASERS and all(t.date for t in teasers)
    ):
        return None
    prose = _prose(root, ("li", "article"))
    return listing.Listing(teasers, pager) if prose < max(600, item_chars) else None


def _prose(root: etree._Element, besides: tuple[str, ...]) -> int:
    """Characters of the page's paragraphs outside menus, footers and the BESIDES tags."""
    return sum(len(_text(p)) for p in root.iter("p") if not _inside(p, (*_OUTSIDE, *besides)))


def _inside(element: etree._Element, tags: Iterable[str]) -> bool:
    wanted = set(tags)
    return any(
        isinstance(a.tag, str) and (a.tag.lower() in wanted or _has_class(a, wanted))
        for a in element.iterancestors()
    )


def _has_class(element: etree._Element, names: set[str]) -> bool:
    classes = (element.get("class") or "").lower().split()
    return any(c in names or c.startswith(("menu", "widget", "sidebar")) for c in classes)


def _text(element: etree._Element) -> str:
    return clean_line(" ".join(element.itertext()))


def _article_teaser(article: etree._Element) -> listing.Teaser | None:
    headings = article.xpath(".//h1|.//h2|.//h3|.//h4|.//*[contains(@class, 'entry-title')]")
    if not headings:
        return None
    heading = headings[0]
    title = _text(heading)
    if not title:
        return None
    anchors = heading.xpath(".//a[@href]") or article.xpath(".//a[@href]")
    link = anchors[0].get("href", "") if anchors else ""
    date = None
    for time in article.iter("time"):
        date = parse_iso(time.get("datetime")) or parse_date_line(_text(time))
        if date:
            break
    if date is None:
        for element in article.xpath(".//*[contains(@class, 'date')]"):
            date = parse_date_line(_text(element))
            if date:
                break
    author = ""
    for element in article.xpath(".//*[@rel='author'] | .//*[contains(@class, 'author')]"):
        name = _text(element)
        name = bylines.prefixed(name) or name
        if name and bylines.name_like(name):
            author = name
            break
    excerpt = ""
    for paragraph in article.iter("p"):
        text = listing.without_read_more(_text(paragraph))
        if len(text) >= listing.EXCERPT_MIN_CHARS and parse_date_line(text) is None:
            excerpt = text
            break
    return listing.Teaser(title, link, author, date, excerpt)


def _linked_item(item: etree._Element) -> listing.Teaser | None:
    text = _text(item)
    anchors = item.xpath(".//a[@href]")
    if not anchors or len(text) < listing.LINK_ITEM_MIN_CHARS or len(text) > 400:
        return None
    anchor = max(anchors, key=lambda a: len(_text(a)))
    if len(_text(anchor)) < 0.5 * len(text):
        return None
    teaser = listing.item_teaser(text, anchor.get("href", ""))
    if teaser is not None and len(_text(anchor)) >= listing.LINK_ITEM_MIN_CHARS:
        teaser.title = _text(anchor)
    return teaser
