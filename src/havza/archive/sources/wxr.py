"""WordPress exports (WXR), with the language and translation data of WPML and Polylang.

WPML's export writes each post's language and translation group as post meta
(``_wpml_import_language_code``, ``_wpml_import_translation_group``,
``_wpml_import_source_language_code``). Polylang writes the language as a ``language``
category of the post and the group as a ``post_translations`` term, whose description maps
languages to post ids (a PHP-serialized array). Either way the group is taken as stated:
the source knows which posts translate each other.

An export is read as a stream (``Export``): one item at a time is held in memory, whatever
the size of the file. Reading an item is cut in two: what the export states (``Fields``:
strings, read in the process that parses the XML) and the post's body read into lines
(``convert``, which may run in another process).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from havza.archive.dates import parse_iso
from havza.archive.page import Page
from havza.archive.sources.html import fragment_lines

# Post types that hold texts; attachments, menus, revisions and the like do not.
TEXT_TYPES = {"post", "page", "article", "statement", "news"}
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
# Statuses WordPress writes; only "publish" is published, the others are kept as drafts.
KNOWN_STATUSES = {"publish", "draft", "pending", "private", "future"}
LANGUAGE_ALIASES = {"kmr": "ku", "per": "fa", "pes": "fa", "arb": "ar", "gre": "el", "arm": "hy"}
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_SERIALIZED_ENTRY = re.compile(r's:\d+:"([^"]+)";i:(\d+);')
XML_PROBLEMS_SHOWN = 3
# An export the stream parser cannot read to its end (see ``Export._whole``) is read as one
# tree up to this size.
TREE_LIMIT_BYTES = 50 * 1000 * 1000


@dataclass
class Item:
    post_id: str
    page: Page
    links: list[str]
    digest: str
    status: str
    group: str = ""  # the translation group named by WPML or Polylang
    source_language: str = ""  # WPML: the language this post was translated from
    problems: list[str] = field(default_factory=list)


@dataclass
class Fields:
    """One post as the export states it, its body not read yet (plain strings: picklable)."""

    post_id: str
    title: str
    content: str
    language: str  # as the export writes it ("en_US", "Español" …); see ``language_code``
    group: str
    source_language: str
    status: str
    date: str  # ISO, or empty
    digest: str
    problems: list[str] = field(default_factory=list)


def is_wxr(data: bytes | IO[bytes]) -> bool:
    """Whether DATA (bytes, or a binary file read from where it is) is a WordPress export:
    an ``rss`` root declaring the WordPress namespace.

    Read as XML up to the root's start tag, whatever comes before it (a declaration, a
    DOCTYPE of any length, comments, processing instructions).
    """
    if isinstance(data, bytes):
        if b"<rss" not in data or b"wordpress.org/export" not in data:
            return False
        data = io.BytesIO(data)
    events = etree.iterparse(
        data,
        events=("start",),
        recover=True,
        huge_tree=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )
    try:
        for _, root in events:
            namespaces = root.nsmap.values()
            return _local(root) == "rss" and any("wordpress.org/export" in n for n in namespaces)
    except etree.LxmlError:
        return False
    return False


def language_code(value: str) -> str:
    """ "en_US", "pt-br", "kmr" to the site's code ("en", "pt", "ku")."""
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return LANGUAGE_ALIASES.get(code, code)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str, entities: dict[str, str] | None = None) -> str:
    for child in element:
        if _local(child) == name:
            return text_of(child, entities or {}).strip()
    return ""


def text_of(element: etree._Element, entities: dict[str, str]) -> str:
    """The text of ELEMENT: comments and processing instructions left out, entities the
    export declares put back (one it does not declare stays as written), and the text after
    each of them kept."""
    if not len(element):
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child, etree._Entity):
            parts.append(entities.get(child.name, child.text or ""))
        elif isinstance(child.tag, str):
            parts.append(text_of(child, entities))
        parts.append(child.tail or "")
    return "".join(parts)


def _entities(root: etree._Element) -> dict[str, str]:
    """Entities declared in the export's DOCTYPE whose value is plain text."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return {}
    return {
        e.name: e.content
        for e in dtd.iterentities()
        if e.content is not None and len(e.content) <= 1000 and not set(e.content) & set("&<")
    }


@dataclass
class _State:
    root: etree._Element | None = None
    channel: etree._Element | None = None
    entities: dict[str, str] = field(default_factory=dict)
    yielded: int = 0


class Export:
    """A WordPress export read as a stream: ``fields()`` yields its text items one by one.

    Only the item being read is held: each one is dropped from the tree once read. The
    translation groups Polylang states in its terms are remembered (they come before the
    posts in WordPress's exports). ``problems`` says what XML errors were repaired, once the
    whole file has been read.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.polylang_groups: dict[str, str] = {}
        self.problems: list[str] = []
        self.items = 0  # text items read so far

    def fields(self) -> Iterator[Fields | str]:
        """Each text item's fields, or for an item that cannot be read, why (a string)."""
        events = etree.iterparse(
            self.stream,
            events=("start", "end"),
            recover=True,
            huge_tree=True,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
        )
        state = _State()
        try:
            for event, element in events:
                yield from self._event(event, element, state)
        finally:
            errors = list(events.error_log)
            self.problems = [
                f"XML error repaired: {e.message}" for e in errors[:XML_PROBLEMS_SHOWN]
            ]
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in errors):
            # The parser stops reading a stream at an entity that would expand too much
            # (a "billion laughs"); the tree parser repairs it and goes on, within a limit.
            yield from self._whole(state.yielded)
            return
        if state.root is None:
            raise ValueError("not a readable WordPress export (XML)")

    def _event(self, event: str, element: etree._Element, state: _State) -> Iterator[Fields | str]:
        if event == "start":
            if state.root is None:
                state.root = element
                state.entities = _entities(element)
            elif state.channel is None and _local(element) == "channel":
                state.channel = element
            return
        parent = element.getparent()
        if parent is None or parent is not (
            state.channel if state.channel is not None else state.root
        ):
            return
        name = _local(element)
        if name == "term":
            self._term(element)
        elif name == "item":
            found = self._item(element, state.entities)
            if found is not None:
                state.yielded += 1
                yield found
        # Read: drop it and what came before it, so memory holds one item.
        element.clear()
        while element.getprevious() is not None:
            del parent[0]

    def _item(self, element: etree._Element, entities: dict[str, str]) -> Fields | str | None:
        try:
            found = _fields(element, self.polylang_groups, entities)
        except (ValueError, LookupError, TypeError, AttributeError) as error:
            found = f"cannot read this post: {type(error).__name__}: {error}"
        if found is not None:
            self.items += 1
        return found

    def _whole(self, skip: int) -> Iterator[Fields | str]:
        """The items after the first SKIP, from the whole file parsed as one tree."""
        self.stream.seek(0)
        data = self.stream.read(TREE_LIMIT_BYTES + 1)
        if len(data) > TREE_LIMIT_BYTES:
            self.problems.append("the export cannot be read past this error: later posts left out")
            return
        parser = etree.XMLParser(
            recover=True, huge_tree=True, resolve_entities=False, no_network=True
        )
        root = etree.fromstring(data, parser=parser)
        if root is None:
            raise ValueError("not a readable WordPress export (XML)")
        self.problems = _repaired(list(parser.error_log))
        channel = next((el for el in root.iter() if _local(el) == "channel"), root)
        entities = _entities(root)
        found = 0
        for element in channel:
            name = _local(element)
            if name == "term":
                self._term(element)
            elif name == "item":
                item = _fields(element, self.polylang_groups, entities)
                if item is not None:
                    found += 1
                    if found > skip:
                        self.items += 1
                        yield item

    def _term(self, term: etree._Element) -> None:
        if _child_text(term, "term_taxonomy") != "post_translations":
            return
        slug = _child_text(term, "term_slug")
        for _lang, post_id in _SERIALIZED_ENTRY.findall(_child_text(term, "term_description")):
            self.polylang_groups[post_id] = f"polylang:{slug}"


def _repaired(errors: list) -> list[str]:
    return [f"XML error repaired: {e.message}" for e in errors[:XML_PROBLEMS_SHOWN]]


def read(data: bytes) -> tuple[list[Item], list[str]]:
    """The text items of an export held in memory, and the problems of the file as a whole."""
    export = Export(io.BytesIO(data))
    found = list(export.fields())
    items = [convert(f) for f in found if not isinstance(f, str)]
    return items, export.problems


def _fields(
    element: etree._Element, polylang_groups: dict[str, str], entities: dict[str, str]
) -> Fields | None:
    post_type = _child_text(element, "post_type") or "post"
    status = _child_text(element, "status")
    if post_type not in TEXT_TYPES or status in SKIPPED_STATUSES:
        return None
    problems = []
    if status not in KNOWN_STATUSES:
        # Only a post the export says is published is published.
        said = f"status “{status}”" if status else "no status"
        problems.append(f"{said} in the export: saved as a draft")
    post_id = _child_text(element, "post_id") or _child_text(element, "guid")
    meta: dict[str, str] = {}
    language = group = ""
    content = None
    for child in element:
        name = _local(child)
        if name == "postmeta":
            meta[_child_text(child, "meta_key")] = _child_text(child, "meta_value")
        elif name == "category" and child.get("domain") == "language":
            language = child.get("nicename") or (child.text or "")
        elif name == "category" and child.get("domain") == "post_translations":
            group = f"polylang:{child.get('nicename')}"
        elif content is None and child.tag == f"{{{CONTENT_NS}}}encoded":
            content = text_of(child, entities)
    language = meta.get("_wpml_import_language_code") or meta.get("_wpml_language") or language
    wpml_group = meta.get("_wpml_import_translation_group") or meta.get("_icl_translation_trid")
    if wpml_group:
        group = f"wpml:{wpml_group}"
    group = group or polylang_groups.get(post_id, "")
    if content is None:
        content = _child_text(element, "encoded", entities)
    title = _child_text(element, "title", entities)
    date = parse_iso(_child_text(element, "post_date_gmt")) or parse_iso(
        _child_text(element, "post_date")
    )
    digest_source = "\x00".join([title, content, language, group, str(date), status])
    return Fields(
        post_id=post_id,
        title=title,
        content=content,
        language=language,
        group=group,
        source_language=meta.get("_wpml_import_source_language_code", ""),
        status=status,
        date=date.isoformat() if date else "",
        digest=hashlib.sha256(digest_source.encode("utf-8", "surrogatepass")).hexdigest(),
        problems=problems,
    )


def convert(fields: Fields) -> Item:
    """The post of FIELDS, its body read into lines."""
    lines, links = fragment_lines(fields.content)
    page = Page(
        lines=lines,
        title=fields.title,
        date=parse_iso(fields.date) if fields.date else None,
        language=language_code(fields.language),
        problems=list(fields.problems),
    )
    return Item(
        post_id=fields.post_id,
        page=page,
        links=links,
        digest=fields.digest,
        status=fields.status,
        group=fields.group,
        source_language=language_code(fields.source_language),
    )
