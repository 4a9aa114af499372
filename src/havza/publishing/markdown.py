"""Markdown bodies to safe HTML, once, when a translation is saved.

markdown-it-py parses CommonMark (with tables and strikethrough; pasted HTML is allowed in the
source) and nh3 then keeps only an allowlist of tags, attributes and URL schemes, so no body
can carry a script, an event handler, a ``javascript:`` URL or a style. Headings move one
level down, because the page title is the one ``<h1>``. Images from other hosts become links:
public pages make no request to any third-party host. An image uploaded to havza
(``![description](/media/images/…)``, its address as the admin shows it) is written as a
``<picture>`` of its WebP and JPEG sizes, so each reader loads the size their screen needs.

Whether a URL leaves the site is decided on the URL as a browser reads it (the WHATWG URL
standard, through Ada): browsers drop tabs and newlines anywhere in it, trim control
characters and read ``\\`` as ``/`` in web addresses, so ``\\\\host\\a.png`` and
``/\\host/a.png`` both load from another host although Python's ``urlsplit`` sees a path.
"""

from __future__ import annotations

import re

import nh3
from ada_url import URL
from markdown_it import MarkdownIt

from havza.media import services as media
from havza.multilingual import strip_bidi_controls

ALLOWED_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "small", "source",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "source": {"srcset", "sizes", "type"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "bdo": {"dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Attributes that hold a URL. A browser follows a link only when the reader clicks it, so a
# link may lead to another site; it fetches every other URL by itself as soon as it shows
# the page, so those must stay on the site's own host.
LINK_ATTRIBUTES = {"href", "cite", "longdesc"}
FETCHED_ATTRIBUTES = {
    "src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "action",
    "formaction", "ping", "xlink:href", "manifest", "icon", "imagesrcset",
}  # fmt: skip
_DIR_VALUES = {"ltr", "rtl", "auto"}
_ASCII_SPACE = " \t\n\f\r"
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
# The characters ``strip_bidi_controls`` removes: looking for them is much cheaper than
# translating a whole body that has none, as nearly every body has.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A relative URL is resolved against both an http and an https page of an invented host:
# it stays on the site only if it keeps that host under both ("http:x" is relative on an
# http page, another host on an https one).
_SITE_HOST = "site.invalid"
_BASES = ("http://site.invalid/a/b/", "https://site.invalid/a/b/")


def resolve(url: str) -> list[URL] | None:
    """URL as a browser resolves it on a page of the site (over http and https), or None
    when a browser would not load it at all."""
    try:
        return [URL(url, base) for base in _BASES]
    except ValueError:
        return None


def leaves_site(url: str) -> bool:
    """Whether a browser showing a page of the site would take URL to another host, or to
    a scheme other than http and https (data:, javascript:, file:, mailto: ...)."""
    resolved = resolve(url)
    if resolved is None:
        return True
    return any(u.protocol not in {"http:", "https:"} or u.hostname != _SITE_HOST for u in resolved)


def allowed_link(url: str) -> bool:
    """A link a reader may follow: to the site, or over http, https or mailto anywhere."""
    resolved = resolve(url)
    return resolved is not None and all(u.protocol[:-1] in URL_SCHEMES for u in resolved)


def web_address(url: str) -> str:
    """URL written as a browser reads it, if it is an http or https address with a host;
    else "" (an organization's website is shown as a link only then)."""
    try:
        parsed = URL(url)
    except ValueError:
        return ""
    return parsed.href if parsed.protocol in {"http:", "https:"} and parsed.hostname else ""


def _srcset_urls(value: str) -> list[str]:
    candidates = (c.strip(_ASCII_SPACE) for c in value.split(","))
    return [re.split(f"[{_ASCII_SPACE}]", c, maxsplit=1)[0] for c in candidates if c]


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    name = attribute.lower()
    if name == "dir" and value.lower() not in _DIR_VALUES:
        return None
    if name in LINK_ATTRIBUTES:
        return value if allowed_link(value) else None
    if name in {"srcset", "imagesrcset"}:
        urls = _srcset_urls(value)
        return value if urls and not any(leaves_site(u) for u in urls) else None
    if name in FETCHED_ATTRIBUTES:
        return None if leaves_site(value) else value
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
        if leaves_site(src):
            alt = md.renderer.renderInlineAsText(token.children or [], options, env) or src
            return f'<a href="{md.utils.escapeHtml(src)}">{md.utils.escapeHtml(alt)}</a>'
        uploaded = media.image_at(src)
        if uploaded is not None:
            alt = md.renderer.renderInlineAsText(token.children or [], options, env)
            return media.picture(uploaded, alt)
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
    # Bidi embeddings, overrides and isolates (typed, or written as character references)
    # could reorder the page around the body: the sanitized HTML holds none.
    clean = _IMG_WITHOUT_SRC.sub("", clean)
    return strip_bidi_controls(clean) if _BIDI_CONTROL.search(clean) else clean


def render(markdown: str) -> str:
    """Markdown (with any pasted HTML) to sanitized HTML."""
    return sanitize(_MD.render(markdown or ""))


_BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote|dd|dt|td|th|pre)>|<br\s*/?>", re.IGNORECASE)
# A block ending with one of these reads on into the next with a space; any other (a list
# item, a heading) is set off from it by a middle dot, so items do not run together.
_SENTENCE_ENDS = tuple('.!?:;…。؟؛։»"”’)')


def excerpt(html: str, length: int = 220) -> str:
    """Plain text of the first paragraphs, cut at a word boundary."""
    import html as html_lib

    blocks = (
        " ".join(html_lib.unescape(nh3.clean(part, tags=set())).split())
        for part in _BLOCK_END.split(html)
    )
    text = ""
    for block in filter(None, blocks):
        if text:
            text += " " if text.endswith(_SENTENCE_ENDS) else " · "
        text += block
        if len(text) > length:
            break  # what follows cannot change the cut: the rest is not read
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:–—-") + "…"
