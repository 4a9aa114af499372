"""Inline Markdown <-> text with numbered placeholders, the form a translator edits.

``Read [the call](https://x.org) *now*`` becomes ``Read {1}the call{/1} {2}now{/2}``; a
self-contained piece (an image, inline code, a line break) becomes ``{3/}``. ``protect`` makes
the placeholder text from markdown-it's inline tokens, ``restore`` writes it back using the
original's markup, escaping everything the translator typed as text.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

PLACEHOLDER = re.compile(r"\{(/?)(\d+)(/?)\}")

# Emphasis is written back as HTML: "*" next to punctuation or spaces a translator typed may
# stop being emphasis, "<em>" always is (and the public HTML is the same).
_PAIRED_HTML = {
    "em": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
    "s": ("<s>", "</s>"),
}


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
    if "{" in text:  # most text has no placeholder: no regex pass over it
        text = PLACEHOLDER.sub(" ", text)
    return " ".join(text.split())
