"""The three exchange formats, written and read with translate-toolkit.

Each unit carries the segment's key as its id (PO: msgctxt, which survives every PO tool)
and a note ``havza source=<hash> version=<n>``: the source text's version the translator
saw and the segment's version when the file was made, so an import can tell an outdated
file from a good one. The file names its work and language (XLIFF: ``<file original>``,
PO: the ``X-Havza-Work`` and ``Language`` headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from translate.storage import po, xliff, xliff2

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
NOTE = re.compile(r"havza source=([0-9a-f]+) version=(\d+)")


@dataclass
class Unit:
    key: str
    source: str
    target: str
    source_hash: str = ""
    version: int | None = None
    note: str = ""  # a human-readable hint for the translator (segment kind)
    approved: bool = False


@dataclass
class Document:
    work: str  # the work's uid
    source_language: str
    target_language: str
    units: list[Unit]


def note_for(unit: Unit) -> str:
    return f"havza source={unit.source_hash} version={unit.version}"


def read_note(text: str) -> tuple[str, int | None]:
    m = NOTE.search(text or "")
    return (m.group(1), int(m.group(2))) if m else ("", None)


def _origin(work: str) -> str:
    return f"havza:work/{work}"


def _work_of(origin: str) -> str:
    return origin.removeprefix("havza:work/") if origin.startswith("havza:work/") else ""


# XLIFF 2.0 ---------------------------------------------------------------------------------


def write_xliff2(doc: Document) -> bytes:
    store = xliff2.Xliff2File()
    store.setsourcelanguage(doc.source_language)
    store.settargetlanguage(doc.target_language)
    file_el = store.document.getroot().find(f"{{{XLIFF2_NS}}}file")
    file_el.set("original", _origin(doc.work))
    for u in doc.units:
        unit = store.addsourceunit(u.source)
        unit.setid(u.key)
        if u.target:
            unit.target = u.target
        # XLIFF 2.0 keeps notes in <unit>, before its segments (not in <segment>).
        unit_el = unit.xmlelement.getparent()
        notes = etree.Element(f"{{{XLIFF2_NS}}}notes")
        for text in (note_for(u), u.note):
            if text:
                etree.SubElement(notes, f"{{{XLIFF2_NS}}}note").text = text
        unit_el.insert(0, notes)
    return bytes(store)


def read_xliff2(data: bytes) -> Document:
    store = xliff2.Xliff2File.parsestring(data)
    root = store.document.getroot()
    file_el = root.find(f"{{{XLIFF2_NS}}}file")
    units = []
    for unit in store.units:
        unit_el = unit.xmlelement.getparent()
        notes = " ".join(n.text or "" for n in unit_el.iter(f"{{{XLIFF2_NS}}}note"))
        source_hash, version = read_note(notes)
        units.append(
            Unit(
                unit_el.get("id") or "", unit.source or "", unit.target or "", source_hash, version
            )
        )
    return Document(
        _work_of(file_el.get("original", "") if file_el is not None else ""),
        root.get("srcLang", ""),
        root.get("trgLang", ""),
        units,
    )


# XLIFF 1.2 ---------------------------------------------------------------------------------


def write_xliff12(doc: Document) -> bytes:
    # translate-toolkit writes XLIFF 1.1 from scratch; starting from a 1.2 skeleton makes it
    # keep 1.2 (and its namespace) throughout.
    origin = _origin(doc.work)
    skeleton = etree.Element(f"{{{XLIFF12_NS}}}xliff", nsmap={None: XLIFF12_NS})
    skeleton.set("version", "1.2")
    file_el = etree.SubElement(skeleton, f"{{{XLIFF12_NS}}}file")
    file_el.set("original", origin)
    file_el.set("source-language", doc.source_language)
    file_el.set("target-language", doc.target_language)
    file_el.set("datatype", "plaintext")
    etree.SubElement(file_el, f"{{{XLIFF12_NS}}}body")
    store = xliff.xlifffile.parsestring(
        etree.tostring(skeleton, xml_declaration=True, encoding="UTF-8")
    )
    for u in doc.units:
        unit = store.addsourceunit(u.source, filename=origin)
        unit.setid(u.key)
        if u.target:
            unit.target = u.target
        unit.addnote(note_for(u), origin="developer")
        if u.note:
            unit.addnote(u.note, origin="developer")
        unit.markapproved(u.approved)
    # Units are made in the 1.1 namespace and moved to 1.2; drop the leftover declaration.
    etree.cleanup_namespaces(store.document.getroot())
    return bytes(store)


def read_xliff12(data: bytes) -> Document:
    store = xliff.xlifffile.parsestring(data)
    root = store.document.getroot()
    file_el = next(iter(root.iter("{*}file")), None)
    units = []
    for unit in store.units:
        # getid() would prefix the file name; the element's own id is the segment key.
        source_hash, version = read_note(unit.getnotes())
        units.append(
            Unit(
                unit.xmlelement.get("id") or "",
                unit.source or "",
                unit.target or "",
                source_hash,
                version,
            )
        )
    return Document(
        _work_of(file_el.get("original", "") if file_el is not None else ""),
        file_el.get("source-language", "") if file_el is not None else "",
        file_el.get("target-language", "") if file_el is not None else "",
        units,
    )


# PO ------------------------------------------------------------------------------------------


def write_po(doc: Document) -> bytes:
    store = po.pofile()
    store.updateheader(
        add=True,
        Language=doc.target_language,
        X_Havza_Work=doc.work,
        X_Havza_Source_Language=doc.source_language,
    )
    for u in doc.units:
        unit = store.addsourceunit(u.source)
        unit.setcontext(u.key)  # msgctxt survives PO tools; it is the segment key
        if u.target:
            unit.target = u.target
        unit.addnote(note_for(u), origin="developer")
        if u.note:
            unit.addnote(u.note, origin="developer")
    return bytes(store)


def read_po(data: bytes) -> Document:
    store = po.pofile.parsestring(data)
    header = store.parseheader()
    units = []
    for unit in store.units:
        if unit.isheader():
            continue
        source_hash, version = read_note(unit.getnotes())
        target = "" if unit.isfuzzy() else (unit.target or "")
        units.append(Unit(unit.getcontext(), unit.source or "", target, source_hash, version))
    return Document(
        header.get("X-Havza-Work", ""),
        header.get("X-Havza-Source-Language", ""),
        header.get("Language", ""),
        units,
    )


WRITERS = {"xliff2": write_xliff2, "xliff12": write_xliff12, "po": write_po}
READERS = {"xliff2": read_xliff2, "xliff12": read_xliff12, "po": read_po}
EXTENSIONS = {"xliff2": "xlf", "xliff12": "xlf", "po": "po"}
CONTENT_TYPES = {
    "xliff2": "application/xliff+xml",
    "xliff12": "application/x-xliff+xml",
    "po": "text/x-gettext-translation",
}


def detect(data: bytes) -> str:
    head = data[:2000].lstrip()
    if head.startswith(b"<") or head.startswith(b"\xef\xbb\xbf<"):
        return "xliff2" if XLIFF2_NS.encode() in head or b'version="2.' in head else "xliff12"
    return "po"
