"""Markdown bodies split into translatable segments, and put back together in any language.

A segment is one block of text: a heading, a paragraph, a list item's paragraph, a paragraph
of a quotation or a table cell. Code, pasted HTML blocks and rules are structure, not text,
and are copied from the original as they are.

Inline markup becomes numbered placeholders, so a translator moves a link or an emphasis
around in their sentence but cannot break it: ``Read [the call](https://x.org) *now*``
becomes ``Read {1}the call{/1} {2}now{/2}``; a self-contained piece (an image, inline code,
a line break) becomes ``{3/}``. What a placeholder stands for is taken from the original at
assembly, so a translation never carries a URL of its own. Everything else a translator
types is text: assembly escapes it, so no translation can add markup. The inline half lives
in ``havza.translation.inline``; its public names are importable from here too.

``segment`` and ``assemble`` walk the same tree, so a target body always has the original's
structure; assembly writes the same normalized Markdown for any language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from havza.translation.inline import (  # noqa: F401 (the public names of segments' text)
    PLACEHOLDER,
    escape_text,
    placeholders,
    plain,
    protect,
    restore,
)

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
TABLE_CELL = "table_cell"
KINDS = (HEADING, PARAGRAPH, LIST_ITEM, QUOTE, TABLE_CELL)


def kind_name(kind: str) -> str:
    """What a segment of KIND is called in the interface's language."""
    from django.utils.translation import gettext as _

    return {
        "title": _("title"),
        "subtitle": _("subtitle"),
        HEADING: _("heading"),
        PARAGRAPH: _("paragraph"),
        LIST_ITEM: _("list item"),
        QUOTE: _("quotation"),
        TABLE_CELL: _("table cell"),
    }.get(kind, kind)


_MD = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
    ["table", "strikethrough"]
)


@dataclass
class Block:
    """One segment of a body: its kind, its text with placeholders, what they stand for."""

    kind: str
    text: str
    markup: dict[str, list[str]] = field(default_factory=dict)  # "1": [open, close] or [whole]


# Blocks ------------------------------------------------------------------------------------


@dataclass
class _Node:
    token: Token
    children: list[_Node] = field(default_factory=list)


def _tree(tokens: list[Token]) -> list[_Node]:
    root: list[_Node] = []
    stack: list[_Node] = []
    for tok in tokens:
        if tok.nesting == -1:
            stack.pop()
            continue
        node = _Node(tok)
        (stack[-1].children if stack else root).append(node)
        if tok.nesting == 1:
            stack.append(node)
    return root


Fill = Callable[[int, Block], "str | None"]


class _Writer:
    """Writes a tree back to Markdown; FILL gives each segment's inline Markdown."""

    def __init__(self, fill: Fill):
        self.fill = fill
        self.index = 0

    def segment(self, inline: _Node, kind: str) -> str | None:
        text, markup = protect(inline.token.children or [])
        if not text.strip():
            return ""  # an empty cell or heading holds nothing to translate
        block = Block(kind, text.strip(), markup)
        result = self.fill(self.index, block)
        self.index += 1
        return result

    def blocks(self, nodes: list[_Node], context: str, tight: bool = False) -> list[str]:
        out: list[str] = []
        previous_bullet = ""
        for node in nodes:
            tok = node.token
            lines: list[str] | None
            if tok.type == "bullet_list_open":
                # Two lists in a row with the same bullet would merge into one list.
                marker = tok.markup or "-"
                if marker == previous_bullet:
                    marker = "*" if marker != "*" else "-"
                lines = self.list(node, marker)
                previous_bullet = marker
            else:
                lines = self.block(node, context, tight)
                previous_bullet = ""
            if lines is not None:
                out.append("\n".join(lines))
        return out

    def block(self, node: _Node, context: str, tight: bool) -> list[str] | None:
        tok = node.token
        t = tok.type
        if t == "paragraph_open":
            text = self.segment(node.children[0], context)
            return None if text is None else [text]
        if t == "heading_open":
            text = self.segment(node.children[0], HEADING)
            if text is None:
                return None
            return ["#" * int(tok.tag[1]) + " " + text]
        if t == "blockquote_open":
            inner = "\n\n".join(self.blocks(node.children, QUOTE))
            return [("> " + line).rstrip() for line in inner.split("\n")]
        if t == "ordered_list_open":
            return self.list(node, None)
        if t == "table_open":
            return self.table(node)
        if t == "fence":
            return [tok.markup + tok.info, *tok.content.rstrip("\n").split("\n"), tok.markup]
        if t == "code_block":
            return [("    " + line).rstrip() for line in tok.content.rstrip("\n").split("\n")]
        if t == "html_block":
            return tok.content.rstrip("\n").split("\n")
        if t == "hr":
            return ["***"]
        return None

    def list(self, node: _Node, bullet: str | None) -> list[str]:
        tok = node.token
        start = int(tok.attrGet("start") or 1) if bullet is None else 1
        tight = any(c.token.hidden for item in node.children for c in item.children)
        out: list[str] = []
        for n, item in enumerate(node.children):
            marker = bullet if bullet is not None else f"{start + n}{tok.markup or '.'}"
            parts = self.blocks(item.children, LIST_ITEM, tight)
            text = ("\n" if tight else "\n\n").join(parts)
            lines = text.split("\n") if text else [""]
            pad = " " * (len(marker) + 1)
            item_lines = [(marker + " " + lines[0]).rstrip()]
            item_lines += [(pad + line) if line else "" for line in lines[1:]]
            if out and not tight:
                out.append("")
            out.extend(item_lines)
        return out

    def table(self, node: _Node) -> list[str]:
        rows: list[list[str]] = []
        aligns: list[str] = []
        for section in node.children:  # thead, tbody
            for tr in section.children:
                cells = []
                for cell in tr.children:
                    if section.token.type == "thead_open":
                        aligns.append(str(cell.token.attrGet("style") or ""))
                    text = self.segment(cell.children[0], TABLE_CELL) if cell.children else ""
                    cells.append(text or "")
                rows.append(cells)
        delimiter = [
            {"text-align:left": ":--", "text-align:right": "--:", "text-align:center": ":-:"}.get(
                a, "---"
            )
            for a in aligns
        ]
        lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(delimiter) + " |"]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return [line.replace("|  |", "| |") for line in lines]


def _walk(markdown: str, fill: Fill) -> str:
    writer = _Writer(fill)
    blocks = writer.blocks(_tree(_MD.parse(markdown or "")), PARAGRAPH)
    return "\n\n".join(b for b in blocks if b != "") + ("\n" if blocks else "")


# Plain text with none of these is one text token for markdown-it: no escape, emphasis,
# code, link, image, HTML, entity, table or strikethrough.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>&|~\x00-\x1f\x7f\x85\u2028\u2029]")
# What starts another block than a paragraph at the start of a line (a heading, a list, a
# rule, a fence, a setext underline, a numbered list item).
_BLOCK_START = re.compile(r"[#>+\-=*`~]|\d{1,9}[.)]")
# An ATX heading as the import writes it: "## " and its text. A heading's text with a "#"
# in it is parsed (a closing sequence "##" is not part of the text).
_HEADING = re.compile(r"#{1,6} (?=[^#]+$)")


def _plain_blocks(markdown: str) -> list[Block] | None:
    """The segments of MARKDOWN when it is only one-line paragraphs, one-line quotations and
    one-line headings of plain text (what the archive and WordPress imports write), found
    without parsing; else None. ``segment`` gives the same blocks by parsing."""
    found: list[Block] = []
    open_block = False
    for line in markdown.split("\n"):
        if not line:
            open_block = False
            continue
        if open_block:
            return None  # two lines in one block: soft breaks, lists, setext headings
        kind = PARAGRAPH
        if line.startswith("> "):
            kind, line = QUOTE, line[2:]
        elif heading := _HEADING.match(line):
            kind, line = HEADING, line[heading.end() :]
        if (
            not line
            or line != line.strip()
            or _BLOCK_START.match(line)
            or _INLINE_MARKUP.search(line)
        ):
            return None
        found.append(Block(kind, line))
        open_block = True
    return found


def segment(markdown: str) -> list[Block]:
    """The segments of a Markdown body, in reading order."""
    if markdown and (simple := _plain_blocks(markdown)) is not None:
        return simple
    found: list[Block] = []

    def record(_index: int, block: Block) -> str:
        found.append(block)
        return ""

    _walk(markdown, record)
    return found


def assemble(markdown: str, texts: Callable[[int, Block], str | None]) -> str:
    """Markdown in the structure of MARKDOWN, each segment's text given by TEXTS.

    TEXTS gets the segment's position and its source block and returns the translation
    (with the source's placeholders), or None to leave the block out (a paragraph not yet
    translated is left out of a page rather than shown in the original language).
    """

    def fill(index: int, block: Block) -> str | None:
        text = texts(index, block)
        return None if text is None else restore(text, block.markup)

    return _walk(markdown, fill)


def normalize(markdown: str) -> str:
    """MARKDOWN written as assembly writes it (same segments, same rendering)."""
    return assemble(markdown, lambda _i, block: block.text)
