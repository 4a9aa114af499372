"""Markdown bodies to safe HTML, once, when a translation is saved.

markdown-it-py parses CommonMark (with tables and strikethrough; pasted HTML is allowed in the
source) and nh3 then keeps only an allowlist of tags, attributes and URL schemes, so no body
can carry a script, an event handler, a ``javascript:`` URL or a style. Headings move one
level down, because the page title is the one ``<h1>``. Images from other hosts become links:
public pages make no request to any third-party host.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "bdo": {"dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_DIR_VALUES = {"ltr", "rtl", "auto"}
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "dir" and value.lower() not in _DIR_VALUES:
        return None
    if tag == "img" and attribute == "src" and _is_external(value):
        return None
    return value


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])

    def heading_open(renderer, tokens, idx, options, env):
        token = tokens[idx]
        level = min(int(token.tag[1]) + 1, 6)
        token.tag = f"h{level}"
        return md.renderer.renderToken(tokens, idx, options, env)

    def heading_close(renderer, tokens, idx, options, env):
        token = tokens[idx]
        token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
        return md.renderer.renderToken(tokens, idx, options, env)

    default_image = md.renderer.rules.get("image")

    def image(renderer, tokens, idx, options, env):
        token = tokens[idx]
        src = token.attrGet("src") or ""
        if _is_external(src):
            alt = md.renderer.renderInlineAsText(token.children or [], options, env) or src
            return f'<a href="{md.utils.escapeHtml(src)}">{md.utils.escapeHtml(alt)}</a>'
        return default_image(tokens, idx, options, env)

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    md.add_render_rule("image", image)
    return md


_MD = _parser()


def sanitize(html: str) -> str:
    """Keep only the allowlisted tags, attributes and URL schemes of HTML."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _IMG_WITHOUT_SRC.sub("", clean)


def render(markdown: str) -> str:
    """Markdown (with any pasted HTML) to sanitized HTML."""
    return sanitize(_MD.render(markdown or ""))


def excerpt(html: str, length: int = 220) -> str:
    """Plain text of the first paragraphs, cut at a word boundary."""
    text = nh3.clean(re.sub(r"</(p|h\d|li|blockquote)>", " ", html), tags=set())
    import html as html_lib

    text = " ".join(html_lib.unescape(text).split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:–—-") + "…"
