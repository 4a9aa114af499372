"""Bodies can never carry script, event handlers, javascript: URLs or styles."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.publishing import markdown

DANGEROUS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<p style="position:fixed">x</p>',
    "<style>body{display:none}</style>",
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://example.com"></iframe>',
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '<div onclick="alert(1)">x</div>',
    "<object data=x></object>",
    '<form action="https://example.com"><input></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
]


def assert_safe(html: str) -> None:
    """Parsed as a browser would: only allowlisted tags, no handlers, no styles, safe URLs."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in markdown.ALLOWED_TAGS, tag.name
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), (tag.name, attribute)
            assert attribute.lower() != "style"
            if attribute in {"href", "src"}:
                scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                assert scheme is None or scheme.group(1).lower() in {"http", "https", "mailto"}, (
                    value
                )
    assert "<script" not in html.lower() and "<style" not in html.lower()


def test_known_attacks_are_neutralized():
    for attack in DANGEROUS:
        assert_safe(markdown.render(attack))


fragments = st.sampled_from(
    [
        *DANGEROUS,
        "<", ">", '"', "'", "=", "`", "<a href=", "<img ", "on", "load", "error", "java", "script",
       ":", "&#106;", "&#x6A;", "\n\n", "> ", "- ", "# ", "[", "](", ")", "<p ", "style", "/>",
       "<!--", "-->", "\x00", "<svg", "<math"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(fragments, st.text(max_size=8)), max_size=30).map("".join))
def test_no_input_produces_active_content(source):
    assert_safe(markdown.render(source))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_rendering_is_stable(source):
    once = markdown.render(source)
    assert markdown.sanitize(once) == once


def test_structure_is_kept():
    html = markdown.render(
        "# Title\n\nA *b* [c](https://example.org).\n\n> quote\n\n1. one\n2. two"
    )
    assert "<h2>Title</h2>" in html  # the page title is the only <h1>
    assert "<em>b</em>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">c</a>' in html
    assert "<blockquote>\n<p>quote</p>\n</blockquote>" in html
    assert "<ol>" in html


def test_images_from_other_hosts_become_links():
    html = markdown.render("![a map](https://tracker.example/map.png)")
    assert "<img" not in html
    assert '<a href="https://tracker.example/map.png"' in html
    local = markdown.render("![a map](/media/map.png)")
    assert '<img src="/media/map.png" alt="a map">' in local
    pasted = markdown.render('<img src="https://tracker.example/p.gif" alt="x">')
    assert "<img" not in pasted


def test_lang_and_dir_survive_for_quotations_in_other_languages():
    html = markdown.render('<p lang="ar" dir="rtl">نص</p><p dir="evil">x</p>')
    assert '<p lang="ar" dir="rtl">نص</p>' in html
    assert 'dir="evil"' not in html


def test_excerpt_is_plain_text_cut_at_a_word():
    html = markdown.render("First *paragraph* here.\n\n" + "word " * 100)
    text = markdown.excerpt(html, length=40)
    assert text.startswith("First paragraph here. word")
    assert text.endswith("…") and len(text) <= 41 and "<" not in text


def test_images_addressed_with_backslashes_do_not_load_from_another_host():
    """Browsers read "\\" as "/" in web addresses: these images would load from evil.example."""
    for src in ["\\\\evil.example\\a.png", "/\\evil.example/a.png", "/\t/evil.example/a.png"]:
        assert "<img" not in markdown.render(f'<p><img src="{src}" alt="x"></p>'), src
    assert "<img" not in markdown.render('<img src="&#92;&#92;evil.example&#92;a.png">')
    assert markdown.leaves_site("http:evil.example") and markdown.leaves_site("///evil.example")
    assert not markdown.leaves_site("/%5Cevil.example/a.png")  # a path on the site
    assert '<img src="/%5Cx.png"' in markdown.render('<img src="/%5Cx.png">')


def test_links_to_other_sites_stay_followable_but_not_scripts():
    html = markdown.render('<a href="java\tscript:alert(1)">a</a> <a href="//example.org/">b</a>')
    assert "script" not in html
    assert '<a href="//example.org/"' in html


def test_body_html_holds_no_bidi_override_even_as_a_character_reference():
    html = markdown.render("price \u202e01$ and &#x202E;reversed and &#8238;again")
    assert not {"\u202e", "\u202a", "\u2066"} & set(html)
    assert "\u200f" in markdown.render("a\u200fb")  # marks (RLM) are kept
