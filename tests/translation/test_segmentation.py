"""Segmentation: blocks out, the same structure back in, and markup no translator can break."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from havza.publishing.markdown import render
from havza.translation.segmentation import assemble, normalize, plain, segment

SAMPLE = """## A heading with [a link](https://example.org/a "Title")

A paragraph with *emphasis*, **strength**, `code` and a line\\
break.

> A quoted paragraph.
>
> Another one.

1. First item
2. Second item with ~~struck~~ text

- Bullet
  - Nested bullet

| Country | Members |
|:--|--:|
| Greece | 45 |
| Türkiye | |

```
code is not translated
```
"""


def squeeze(text: str) -> str:
    text = re.sub(r"\s*<br>\s*", "<br>", text)
    return re.sub(r"\s+", " ", text).replace("> <", "><").strip()


def test_blocks_kinds_and_placeholders():
    blocks = segment(SAMPLE)
    assert [b.kind for b in blocks] == [
        "heading", "paragraph", "quote", "quote", "list_item", "list_item", "list_item",
        "list_item", "table_cell", "table_cell", "table_cell", "table_cell", "table_cell",
    ]  # fmt: skip
    assert blocks[0].text == "A heading with {1}a link{/1}"
    assert blocks[0].markup["1"] == ["[", '](<https://example.org/a> "Title")']
    assert (
        blocks[1].text
        == "A paragraph with {1}emphasis{/1}, {2}strength{/2}, {3/} and a line{4/}break."
    )
    assert all("code is not translated" not in b.text for b in blocks)


def test_assembly_keeps_the_structure_and_escapes_the_translation():
    translations = {0: "Bir başlık {1}bağlantı{/1}", 1: "*Not emphasis* [not a link](x) <b>"}
    out = assemble(SAMPLE, lambda i, b: translations.get(i, b.text))
    rendered = render(out)
    assert '<h3>Bir başlık <a href="https://example.org/a" title="Title"' in rendered
    assert "<p>*Not emphasis* [not a link](x) &lt;b&gt;</p>" in rendered
    assert "<pre><code>code is not translated" in rendered
    assert squeeze(render(normalize(SAMPLE))) == squeeze(render(SAMPLE))


def test_untranslated_blocks_are_left_out():
    out = assemble("One.\n\nTwo.\n", lambda i, b: "Bir." if i == 0 else None)
    assert out == "Bir.\n"


# Properties ---------------------------------------------------------------------------------

words = (
    st.text(
        alphabet=st.sampled_from([*"abcdefxyz ςαβγ عربی", "ğ", "1", "9", ",", "."]),
        min_size=1,
        max_size=20,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: re.search(r"\w", s))
)


@st.composite
def inline(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(words)
        kind = draw(st.sampled_from(["plain", "plain", "em", "strong", "link", "code"]))
        parts.append(
            {
                "plain": text,
                "em": f"*{text}*",
                "strong": f"**{text}**",
                "link": f"[{text}](https://example.org/{len(text)})",
                "code": f"`{text}`",
            }[kind]
        )
    return " ".join(parts)


@st.composite
def document(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "h", "quote", "ul", "ol", "table", "fence"]))
        text = draw(inline())
        if kind == "p":
            blocks.append(text)
        elif kind == "h":
            blocks.append("#" * draw(st.integers(1, 4)) + " " + text)
        elif kind == "quote":
            blocks.append("> " + text)
        elif kind in ("ul", "ol"):
            items = draw(st.lists(inline(), min_size=1, max_size=3))
            blocks.append(
                "\n".join(("- " if kind == "ul" else f"{n + 1}. ") + i for n, i in enumerate(items))
            )
        elif kind == "table":
            blocks.append(f"| a | b |\n|---|---|\n| {text} | {draw(words)} |")
        else:
            blocks.append(f"```\n{text}\n```")
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_segment_assemble_round_trip(markdown):
    """Assembling the source's own segments gives the same page and the same segments."""
    rebuilt = normalize(markdown)
    assert squeeze(render(rebuilt)) == squeeze(render(markdown))
    assert [(b.kind, b.text, b.markup) for b in segment(rebuilt)] == [
        (b.kind, b.text, b.markup) for b in segment(markdown)
    ]
    assert normalize(rebuilt) == rebuilt


translator_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"),
        blacklist_characters="{}",
    ),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())


@settings(max_examples=200, deadline=None)
@given(document(), translator_text)
def test_no_translation_can_add_or_break_markup(markdown, typed):
    """Whatever a translator types, the page keeps exactly the original's tags, and shows
    the typed text as text."""
    source_blocks = segment(markdown)

    def fill(i, block):
        marks = re.findall(r"\{/?\d+/?\}", block.text)
        return typed + " " + " ".join(marks)  # the placeholders kept, the words replaced

    out = render(assemble(markdown, fill))
    original = render(markdown)

    def tags(h: str) -> list[str]:
        return sorted(re.findall(r"<([a-z0-9]+)[ >]", h))

    def kept(h: str) -> list[str]:
        return [t for t in tags(h) if t not in {"br"}]

    assert kept(out) == kept(original)
    shown = html.unescape(re.sub(r"<[^>]+>", " ", out))
    expected = " ".join(typed.split())
    if source_blocks:
        assert squeeze(expected) in squeeze(shown)


@given(document())
@settings(max_examples=50, deadline=None)
def test_plain_text_has_no_placeholders(markdown):
    for block in segment(markdown):
        assert not re.search(r"\{/?\d+/?\}", plain(block.text))
