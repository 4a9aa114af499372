"""WordPress exports (WXR), with the language and translation data of WPML and Polylang.

WPML's export writes each post's language and translation group as post meta
(``_wpml_import_language_code``, ``_wpml_import_translation_group``,
``_wpml_import_source_language_code``). Polylang writes the language as a ``language``
category of the post and the group as a ``post_translations`` term, whose description maps
languages to post ids (a PHP-serialized array). Either way the group is taken as stated:
the source knows which posts translate each other.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field

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


def is_wxr(data: bytes) -> bool:
    """Whether DATA is a WordPress export: an ``rss`` root declaring the WordPress namespace.

    Read as XML up to the root's start tag, whatever comes before it (a declaration, a
    DOCTYPE of any length, comments, processing instructions).
    """
    if b"<rss" not in data or b"wordpress.org/export" not in data:
        return False
    events = etree.iterparse(
        io.BytesIO(data),
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


def read(data: bytes) -> tuple[list[Item], list[str]]:
    """The text items of an export, and the problems of the file as a whole."""
    parser = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser=parser)
    if root is None:
        raise ValueError("not a readable WordPress export (XML)")
    problems = [f"XML error repaired: {e.message}" for e in list(parser.error_log)[:3]]
    channel = next((el for el in root.iter() if _local(el) == "channel"), root)
    polylang_groups = _polylang_terms(channel)
    entities = _entities(root)
    items = []
    for element in channel:
        if _local(element) == "item":
            item = _item(element, polylang_groups, entities)
            if item is not None:
                items.append(item)
    return items, problems


def _polylang_terms(channel: etree._Element) -> dict[str, str]:
    """Post id to translation group, from the post_translations terms of the export."""
    groups: dict[str, str] = {}
    for term in channel:
        if _local(term) != "term" or _child_text(term, "term_taxonomy") != "post_translations":
            continue
        slug = _child_text(term, "term_slug")
        for _lang, post_id in _SERIALIZED_ENTRY.findall(_child_text(term, "term_description")):
            groups[post_id] = f"polylang:{slug}"
    return groups


def _item(
    element: etree._Element, polylang_groups: dict[str, str], entities: dict[str, str]
) -> Item | None:
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
    for child in element:
        name = _local(child)
        if name == "postmeta":
            meta[_child_text(child, "meta_key")] = _child_text(child, "meta_value")
        elif name == "category" and child.get("domain") == "language":
            language = child.get("nicename") or (child.text or "")
        elif name == "category" and child.get("domain") == "post_translations":
            group = f"polylang:{child.get('nicename')}"
    language = meta.get("_wpml_import_language_code") or meta.get("_wpml_language") or language
    wpml_group = meta.get("_wpml_import_translation_group") or meta.get("_icl_translation_trid")
    if wpml_group:
        group = f"wpml:{wpml_group}"
    group = group or polylang_groups.get(post_id, "")
    content = next(
        (text_of(c, entities) for c in element if c.tag == f"{{{CONTENT_NS}}}encoded"),
        _child_text(element, "encoded", entities),
    )
    title = _child_text(element, "title", entities)
    lines, links = fragment_lines(content)
    date = parse_iso(_child_text(element, "post_date_gmt")) or parse_iso(
        _child_text(element, "post_date")
    )
    page = Page(
        lines=lines, title=title, date=date, language=language_code(language), problems=problems
    )
    digest_source = "\x00".join([title, content, language, group, str(date), status])
    return Item(
        post_id=post_id,
        page=page,
        links=links,
        digest=hashlib.sha256(digest_source.encode("utf-8", "surrogatepass")).hexdigest(),
        status=status,
        group=group,
        source_language=language_code(meta.get("_wpml_import_source_language_code", "")),
    )
