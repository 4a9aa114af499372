"""No body, however hostile, makes a reader's browser run code or contact another host.

The stored HTML is parsed as a browser parses it (Lexbor, an HTML5 engine) and every URL is
resolved as a browser resolves it, by a deliberately separate and simpler reading of the
WHATWG rules than the product's (trimmed controls, no tabs or newlines, ``\\`` read as ``/``,
any run of two or more slashes opening a host), so that one cannot hide the other's mistake.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from havza.publishing import markdown

SITE = "site.invalid"
BASES = (f"http://{SITE}/en/some-work/", f"https://{SITE}/en/some-work/")
SPECIAL = {"http", "https", "ftp", "ws", "wss", "file"}
# Attributes whose URL a browser loads by itself while showing the page.
FETCHED = {
    "src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "action",
    "formaction", "ping", "xlink:href", "manifest", "icon", "imagesrcset", "codebase",
}  # fmt: skip
LINKS = {"href", "cite", "longdesc"}


def browser_targets(url: str) -> list[tuple[str, str | None]]:
    """(scheme, host) a browser reaches from URL on an http and on an https page."""
    url = url.strip("".join(map(chr, range(0x21))))
    url = re.sub("[\t\n\r]", "", url)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme is None or scheme.group(1).lower() in SPECIAL:
        url = url.replace("\\", "/")
    targets = []
    for base in BASES:
        rest = url[scheme.end() :] if scheme else url
        same_scheme = scheme is None or scheme.group(1).lower() == urlsplit(base).scheme
        if re.match("//+", rest) and (same_scheme or scheme.group(1).lower() in SPECIAL):
            host = re.split("[/?#]", rest.lstrip("/"), maxsplit=1)[0].rsplit("@", 1)[-1]
            targets.append(((scheme.group(1) if scheme else urlsplit(base).scheme).lower(), host))
            continue
        parts = urlsplit(urljoin(base, url))
        targets.append((parts.scheme.lower(), parts.hostname))
    return targets


def stays_on_site(url: str) -> bool:
    return all(s in {"http", "https"} and h == SITE for s, h in browser_targets(url))


def srcset_urls(value: str) -> list[str]:
    """The URL of each candidate (split on ASCII whitespace only, as browsers do)."""
    candidates = (c.strip(" \t\n\f\r") for c in value.split(","))
    return [re.split("[ \t\n\f\r]", c, maxsplit=1)[0] for c in candidates if c]


def check(html: str) -> None:
    """What a browser would find in HTML: no script, handler, style, or outside fetch."""
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><body>{html}</body></html>")
    for node in tree.body.traverse(include_text=False):
        assert node.tag not in {"script", "style", "iframe", "object", "embed", "link", "meta"}
        if node.tag != "-undef":
            assert node.tag in markdown.ALLOWED_TAGS | {"body"}, node.tag
        for name, value in node.attributes.items():
            lowered = name.lower()
            assert not lowered.startswith("on"), (node.tag, name)
            assert lowered != "style", node.tag
            if lowered in FETCHED:
                for url in srcset_urls(value or "") if "srcset" in lowered else [value or ""]:
                    assert stays_on_site(url), (name, value)
            if lowered in LINKS:
                for s, _host in browser_targets(value or ""):
                    assert s in markdown.URL_SCHEMES, (name, value)


HOSTS = ["evil.example", "EVIL.example", "127.0.0.2", "[::1]", "xn--80ak6aa92e.com", "a@evil"]
URL_PIECES = [
    "\\\\", "\\", "/\\", "\\/", "//", "///", "/", "/%5C", "%5C%5C", "http:", "https:", "HtTpS:",
    "ht\ttp:", "h\nttps:", "java", "script:", "javascript:", "JaVaScRiPt:", "jav\tascript:",
    "vbscript:", "data:", "data:image/svg+xml,", "data:text/html,", "file:", "mailto:", "ftp:",
    "blob:", "\x00", "\x01", "\x1f", " ", "\t", "\n", "\r", "&#92;", "&#x5c;", "&bsol;",
    "&#47;", "&sol;", "&colon;", "&#58;", "&Tab;", "&NewLine;", "&#x09;", "%2F", "%2f%2f",
    "a.png", "/media/a.png", "?x", "#y", "../", "./", "@", ":80", "\u3000", "\u200b", "\ufeff",
    *HOSTS,
]  # fmt: skip
urls = st.lists(st.sampled_from(URL_PIECES), min_size=1, max_size=7).map("".join)
quotes = st.sampled_from(['"', "'", ""])
url_attribute = st.sampled_from(
    ["src", "SRC", "href", "srcset", "poster", "cite", "background", "data", "action",
     "formaction", "ping", "xlink:href", "longdesc", "lowsrc"]
)  # fmt: skip
tags = st.sampled_from(
    ["img", "IMG", "a", "video", "audio", "source", "iframe", "object", "embed", "script",
     "style", "link", "meta", "form", "input", "button", "svg", "image", "math", "table", "td",
     "blockquote", "q", "p", "span", "base", "body", "picture", "track", "frame"]
)  # fmt: skip
handlers = st.sampled_from(
    ["onerror", "onload", "ONCLICK", "onmouseover", "onfocus", "onanimationstart", "on",
     "style", "STYLE", "formaction", "autofocus", "srcdoc", "http-equiv", "content"]
)  # fmt: skip


@st.composite
def html_tags(draw) -> str:
    tag = draw(tags)
    q = draw(quotes)
    parts = [f"<{tag}"]
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            parts.append(f" {draw(url_attribute)}={q}{draw(urls)}{q}")
        else:
            parts.append(f" {draw(handlers)}={q}alert(1);color:red{q}")
    parts.append(draw(st.sampled_from([">", "/>", " >", ""])))
    if draw(st.booleans()):
        parts.append(draw(st.text(max_size=5)) + f"</{tag}>")
    return "".join(parts)


@st.composite
def markdown_links(draw) -> str:
    text = draw(st.sampled_from(["x", "![i](a.png)", "[in](b)", "", "**b**"]))
    url = draw(urls)
    if draw(st.booleans()):
        url = f"<{url}>"
    title = draw(st.sampled_from(["", ' "t"', " 'onerror=x'"]))
    bang = draw(st.sampled_from(["!", ""]))
    if draw(st.booleans()):
        return f"{bang}[{text}]({url}{title})"
    return f"{bang}[{text}][r]\n\n[r]: {url}{title}\n"


FRAGMENTS = [
    "<", ">", '"', "'", "=", "`", "<!--", "-->", "<![CDATA[", "]]>", "</", "\n\n", "> ", "- ",
    "# ", "    ", "```\n", "|a|b|\n|-|-|\n", "&", "&lt;", "&#60;", "&#x3C;", "&#0;", "&amp;",
    "\u202e", "\u2066", "\x00", "\x0b", "<noscript>", "<template>", "<svg><style>", "<math>",
    "<plaintext>", "<xmp>", "<textarea>", "<select>", "expression(", "url(", "@import",
]  # fmt: skip
bodies = st.lists(
    st.one_of(html_tags(), markdown_links(), st.sampled_from(FRAGMENTS), st.text(max_size=6)),
    max_size=12,
).map("".join)

EXAMPLES = 10_000


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies)
def test_no_generated_body_runs_code_or_fetches_from_another_host(body):
    check(markdown.render(body))


KNOWN = [
    '<img src="\\\\evil.example\\a.png">',
    '<img src="/\\evil.example/a.png">',
    '<img src="\\/evil.example/a.png">',
    '<img src="//evil.example/a.png">',
    '<img src="///evil.example/a.png">',
    '<img src="http:evil.example/a.png">',
    '<img src="https:evil.example/a.png">',
    '<img src="HtTpS://EVIL.example/a.png">',
    '<img src=" \x01//evil.example/a.png">',
    '<img src="/\t/evil.example/a.png">',
    '<img src="/\n/evil.example/a.png">',
    '<img src="&#92;&#92;evil.example&#92;a.png">',
    '<img src="&#x2F;&#x2F;evil.example/a.png">',
    '<img src="/&bsol;evil.example/a.png">',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<img srcset="//evil.example/a.png 2x">',
    '<video poster="//evil.example/p.png"></video>',
    "![x](//evil.example/a.png)",
    "![x](</\\evil.example/a.png>)",
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    "[x](vbscript:msgbox)",
]


@pytest.mark.parametrize("body", KNOWN)
def test_known_tricks_do_not_reach_another_host(body):
    check(markdown.render(body))


@pytest.mark.parametrize(
    "url", ["\\\\evil.example\\a.png", "/\\evil.example/a", "///evil", "http:evil", " //evil"]
)
def test_the_check_itself_sees_what_a_browser_sees(url):
    """The test's reading of URLs catches the tricks urlsplit misses."""
    assert not stays_on_site(url)
    with pytest.raises(AssertionError):
        check(f'<img src="{url}">')


def test_the_check_accepts_the_site_own_images():
    for url in ["/media/a.png", "a.png", "../a.png", "/%5Cevil", "?x"]:
        assert stays_on_site(url), url
    check('<p><img src="/media/a.png" alt="x"></p>')
