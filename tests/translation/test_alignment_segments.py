"""The archive's plain bodies are segmented without parsing, into the same segments."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.translation import segmentation


def _parsed(markdown: str) -> list[segmentation.Block]:
    found: list[segmentation.Block] = []

    def record(_index: int, block: segmentation.Block) -> str:
        found.append(block)
        return ""

    segmentation._walk(markdown, record)
    return found


def test_archive_body_is_segmented_as_parsed():
    body = (
        "İşçiler 1917 grevi kararı aldı.\n\n"
        "> “Halkların kardeşliği için yürüyoruz.”\n\n"
        "Les travailleurs\u00a0: 4\u202f000 grévistes !\n\n"
        "يا عمال العالم اتحدوا ٢٠٢٤\n"
    )
    blocks = segmentation.segment(body)
    assert [b.kind for b in blocks] == ["paragraph", "quote", "paragraph", "paragraph"]
    assert blocks == _parsed(body)


def test_wordpress_body_with_headings_is_segmented_as_parsed():
    body = (
        "Grev 12 gündür sürüyor.\n\n## Dayanışma çağrısı\n\n"
        "> “Birlikte kazanacağız.”\n\n###### Altıncı düzey\n\nSon paragraf.\n"
    )
    blocks = segmentation.segment(body)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Grev 12 gündür sürüyor."),
        ("heading", "Dayanışma çağrısı"),
        ("quote", "“Birlikte kazanacağız.”"),
        ("heading", "Altıncı düzey"),
        ("paragraph", "Son paragraf."),
    ]
    assert blocks == _parsed(body)


@pytest.mark.parametrize(
    "body", ["## Closed ##\n", "##  Two spaces\n", "####### Seven\n", "## A\nB\n", "> ## Q\n"]
)
def test_headings_the_parser_reads_otherwise_are_parsed(body):
    assert segmentation.segment(body) == _parsed(body)


def test_markup_is_parsed():
    body = "A *word* and [a link](https://x.org).\n\n1. one\n2. two\n\n# Heading\n"
    blocks = segmentation.segment(body)
    assert [b.kind for b in blocks] == ["paragraph", "list_item", "list_item", "heading"]
    assert blocks[0].text == "A {1}word{/1} and {2}a link{/2}."


_PIECES = [
    *"ab c1.)\n>#-+*=`~_[]<&|\\\u00a0\t«“”يا٢",
    "> ",
    "\n\n",
    "word ",
    "# ",
    "## ",
    "\n\n## ",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_segments_are_those_of_the_parse(markdown):
    assert segmentation.segment(markdown) == _parsed(markdown)
