"""The translation memory as TMX 1.4, for other tools and other networks.

Export writes one <tu> per entry with who approved it (``x-approved-by``); import adds one
entry per pair of <tuv> in the asked languages, marked with the file's name as its origin.
"""

from __future__ import annotations

from lxml import etree

from havza.translation import memory
from havza.translation.models import MemoryEntry, MemoryKind

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def export(source_language: str, target_language: str | None = None) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="havza",
        creationtoolversion="1",
        segtype="block",
        datatype="plaintext",
        adminlang="en",
        srclang=source_language,
        **{"o-tmf": "havza"},
    )
    body = etree.SubElement(root, "body")
    entries = MemoryEntry.objects.filter(source_language=source_language).select_related(
        "approved_by"
    )
    if target_language:
        entries = entries.filter(target_language=target_language)
    for entry in entries.order_by("id").iterator(chunk_size=2000):
        tu = etree.SubElement(body, "tu", creationdate=entry.approved_at.strftime("%Y%m%dT%H%M%SZ"))
        if entry.approved_by:
            etree.SubElement(tu, "prop", type="x-approved-by").text = entry.approved_by.username
        if entry.origin:
            etree.SubElement(tu, "prop", type="x-origin").text = entry.origin
        for lang, text in (
            (entry.source_language, entry.source_text),
            (entry.target_language, entry.target_text),
        ):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def import_(data: bytes, source_language: str, target_language: str, origin: str = "TMX") -> int:
    """Add the SOURCE→TARGET pairs of a TMX file to the memory; returns how many."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    added = 0
    for tu in root.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = _base(tuv.get(XML_LANG) or tuv.get("lang") or "")
            seg = tuv.find("seg")
            if seg is not None:
                texts.setdefault(lang, "".join(seg.itertext()).strip())
        source, target = texts.get(source_language), texts.get(target_language)
        if source and target:
            memory.add(
                source, target, source_language, target_language, origin=origin,
                kind=MemoryKind.FILE,
            )  # fmt: skip
            added += 1
    return added
