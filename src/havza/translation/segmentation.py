"""Markdown bodies split into translatable segments, and put back together in any language.

A segment is one block of text: a heading, a paragraph, a list item's paragraph, a paragraph
of a quotation or a table cell. Code, pasted HTML blocks and rules are structure, not text,
and are copied from the original as they are.

Inline markup becomes numbered placeholders, so a translator moves a link or an emphasis
around in their sentence but cannot break it: ``Read [the call](https://x.org) *now*``
becomes ``Read {1}the call{/1} {2}now{/2}``; a self-contained piece (an image, inline code,
a line break) becomes ``{3/}``. What a placeholder stands for is taken from the original at
assembly, so a translation never carries a URL of its own. Everything else a translator
types is text: assembly escapes it, so no translation can add markup.

``segment`` and ``assemble`` walk the same tree, so a target body always has the original's
structure; assembly writes the same normalized Markdown for any language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
TABLE_CELL = "table_cell"
KINDS = (HEADING, PARAGRAPH, LIST_ITEM, QUOTE, TABLE_CELL)

PLACEHOLDER = re.compile(r"\{(/?)(\d+)(/?)\}")

_MD = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
    ["table", "strikethrough"]
)

# Emphasis is written back as HTML: "*" next to punctuation or spaces a translator typed may
# stop being emphasis, "<em>" always is (and the public HTML is the same).
_PAIRED_HTML = {
    "em": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
    "s": ("<s>", "</s>"),
}


@dataclass
class Block:
    """One segment of a body: its kind, its text with placeholders, what they stand for."""

    kind: str
    text: str
    markup: dict[str, list[str]] = field(default_factory=dict)  # "1": [open, close] or [whole]


# Inline text <-> text with placeholders --------------------------------------------------


def _escape_href(href: str) -> str:
    if not href or re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href


def _link_close(token: Token) -> str:
    href = _escape_href(str(token.attrGet("href") or ""))
    title = str(token.attrGet("title") or "")
    if title:
        quoted = title.replace('"', '\\"')
        return f'](<{href.strip("<>")}> "{quoted}")'
    return f"]({href})"


def protect(children: list[Token]) -> tuple[str, dict[str, list[str]]]:
    """The text of inline tokens with their markup replaced by placeholders."""
    out: list[str] = []
    markup: dict[str, list[str]] = {}
    stack: list[str] = []
    counter = 0
    i = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return str(counter)

    html_pairs = _html_pairs(children)
    html_ids: dict[int, str] = {}
    while i < len(children):
        tok = children[i]
        kind = tok.type
        if i in html_pairs:
            # Pasted inline HTML with its closing tag: one paired placeholder, like emphasis.
            pid = new_id()
            html_ids[html_pairs[i]] = pid
            markup[pid] = [tok.content, children[html_pairs[i]].content]
            out.append(f"{{{pid}}}")
        elif i in html_ids:
            out.append(f"{{/{html_ids[i]}}}")
        elif kind == "text":
            out.append(tok.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            pid = new_id()
            markup[pid] = ["<br>"]
            out.append(f"{{{pid}/}}")
        elif kind == "link_open" and tok.markup == "autolink":
            # The whole <address> is one piece: its text is the address itself.
            text = []
            i += 1
            while i < len(children) and children[i].type != "link_close":
                text.append(children[i].content)
                i += 1
            pid = new_id()
            markup[pid] = ["<" + "".join(text) + ">"]
            out.append(f"{{{pid}/}}")
        elif kind.endswith("_open") and kind[:-5] in ("em", "strong", "s", "link"):
            pid = new_id()
            base = kind[:-5]
            if base == "link":
                markup[pid] = ["[", ""]
            else:
                markup[pid] = list(_PAIRED_HTML[base])
            stack.append(pid)
            out.append(f"{{{pid}}}")
        elif kind.endswith("_close") and kind[:-6] in ("em", "strong", "s", "link"):
            pid = stack.pop()
            if kind == "link_close":
                # The closing half carries the address, found on the opening token.
                opener = _find_opener(children, i)
                markup[pid][1] = _link_close(opener)
            out.append(f"{{/{pid}}}")
        else:
            pid = new_id()
            markup[pid] = [_inline_source(tok)]
            out.append(f"{{{pid}/}}")
        i += 1
    return "".join(out), markup


_HTML_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?(?<!/)>$")
_HTML_CLOSE = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>$")


def _html_pairs(children: list[Token]) -> dict[int, int]:
    """Index of each inline HTML opening tag -> index of its closing tag."""
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for i, tok in enumerate(children):
        if tok.type != "html_inline":
            continue
        if m := _HTML_OPEN.match(tok.content):
            stack.append((m.group(1).lower(), i))
        elif (m := _HTML_CLOSE.match(tok.content)) and stack and stack[-1][0] == m.group(1).lower():
            pairs[stack.pop()[1]] = i
    return pairs


def _find_opener(children: list[Token], close_index: int) -> Token:
    depth = 0
    for j in range(close_index - 1, -1, -1):
        if children[j].type == "link_close":
            depth += 1
        elif children[j].type == "link_open":
            if depth == 0:
                return children[j]
            depth -= 1
    raise ValueError("link without its opening")


def _inline_source(tok: Token) -> str:
    if tok.type == "code_inline":
        ticks = tok.markup or "`"
        pad = " " if tok.content.startswith("`") or tok.content.endswith("`") else ""
        return f"{ticks}{pad}{tok.content}{pad}{ticks}"
    if tok.type == "image":
        tok.attrSet("href", tok.attrGet("src") or "")
        return f"![{escape_text(tok.content)}{_link_close(tok)}"
    return tok.content  # html_inline and anything else: kept as written


_ESCAPE_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~!])")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BREAKS = re.compile(r"[ \t\r\n]+")  # not \s: a no-break space is the writer's choice
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders as exactly that text, on one line."""
    text = _BREAKS.sub(" ", text)
    text = _ESCAPE_ANYWHERE.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    return text


def restore(text: str, markup: dict[str, list[str]]) -> str:
    """Text with placeholders (the source's or a translation's) back to inline Markdown.

    Unknown placeholders stay as text; a paired placeholder whose other half is missing is
    dropped, so a translator's slip loses a link rather than the rest of the paragraph.
    """
    tokens = _placeholder_tokens(text, markup)
    opened = {pid for kind, pid in tokens if kind == "open"}
    closed = {pid for kind, pid in tokens if kind == "close"}
    parts: list[str] = []
    for kind, value in tokens:
        if kind == "text":
            parts.append(escape_text(value))
        elif kind == "single" or (kind == "open" and value in closed):
            parts.append(markup[value][0])
        elif kind == "close" and value in opened:
            parts.append(markup[value][1])
    out = "".join(parts).strip()
    # What would start a list or a rule at the start of a line must stay text.
    return _BLOCK_START.sub(_escape_block_start, out) if out else out


def _escape_block_start(m: re.Match) -> str:
    return "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3)


def _placeholder_tokens(text: str, markup: dict[str, list[str]]) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    buffer = ""
    for m in PLACEHOLDER.finditer(text):
        closing, pid, single = m.group(1), m.group(2), m.group(3)
        spec = markup.get(pid)
        valid = spec is not None and (
            (single and not closing and len(spec) == 1) or (not single and len(spec) == 2)
        )
        buffer += text[pos : m.start()]
        pos = m.end()
        if not valid:
            buffer += m.group(0)
            continue
        if buffer:
            tokens.append(("text", buffer))
            buffer = ""
        tokens.append(("single" if single else "close" if closing else "open", pid))
    buffer += text[pos:]
    if buffer:
        tokens.append(("text", buffer))
    return tokens


def placeholders(text: str) -> list[str]:
    """The placeholders of TEXT in order, as written: ["{1}", "{/1}", "{2/}"]."""
    return [m.group(0) for m in PLACEHOLDER.finditer(text)]


def plain(text: str) -> str:
    """TEXT without its placeholders (for checks, memory scores and machine translation)."""
    return " ".join(PLACEHOLDER.sub(" ", text).split())


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


def segment(markdown: str) -> list[Block]:
    """The segments of a Markdown body, in reading order."""
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
