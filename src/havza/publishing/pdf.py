"""A statement as a PDF in one language: title, date, issuers, text and signatories.

Rendered with fpdf2, its text shaped by HarfBuzz (uharfbuzz), so Arabic and Persian letters
join and Armenian and Greek are set with their own fonts; lines are ordered by the Unicode
bidirectional algorithm. The fonts are the site's own WOFF2 files (``static/havza/fonts``,
SIL OFL), subsetted into each PDF: a plain ``pip install`` has everything the PDF needs.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from lxml import html as lxml_html

from havza.publishing import pdf_fonts, pdf_text
from havza.publishing.pdf_text import Document as _Document

FONTS = Path(__file__).resolve().parent / "static" / "havza" / "fonts"
# Family -> its WOFF2 files (regular, bold). The page language's family comes first, the
# others stand in for characters it lacks (Latin names on an Arabic page, digits, dashes).
FAMILIES = {
    "latin": ("noto-sans-latin-400.woff2", "noto-sans-latin-700.woff2"),
    "latinext": ("noto-sans-latin-ext-400.woff2", "noto-sans-latin-ext-400.woff2"),
    "greek": ("noto-sans-greek-400.woff2", "noto-sans-greek-700.woff2"),
    "armenian": ("noto-sans-armenian-400.woff2", "noto-sans-armenian-700.woff2"),
    "arabic": ("vazirmatn-arabic-400.woff2", "vazirmatn-arabic-700.woff2"),
}

# Tables fpdf2 leaves out of every font it embeds (fpdf/output.py): the copy of a font that
# is subsetted for a PDF goes without them from the start, the same subset made sooner.
DROPPED_TABLES = ("FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta")


@functools.cache
def _digest(name: str) -> str:
    return hashlib.sha256((FONTS / name).read_bytes()).hexdigest()[:12]


def _truetype(name: str, shaped: bool = True) -> Path:
    """The site's WOFF2 font NAME as a TrueType file, made once per machine (fpdf2 reads
    TrueType some twenty times faster than it unpacks WOFF2): whole for HarfBuzz to shape
    with (SHAPED), or without the shaping tables for fpdf2 to subset. The font keeps its own
    date: the PDF embeds it, and a PDF is the same whichever machine renders it."""
    source = FONTS / name
    digest = _digest(name)
    kind = "" if shaped else "-unshaped"
    folder = Path(tempfile.gettempdir()) / f"havza-fonts-{os.getuid()}"
    target = folder / f"{digest}-{name}-v2{kind}.ttf"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        if shaped:
            font = TTFont(source, recalcTimestamp=False)
            font.flavor = None
        else:
            font = TTFont(_truetype(name), recalcTimestamp=False, recalcBBoxes=False)
            for tag in DROPPED_TABLES:
                if tag in font:
                    del font[tag]
        temporary = target.with_name(f".{target.name}.{os.getpid()}")
        font.save(temporary)
        temporary.replace(target)
    return target


@functools.cache
def _coverage(name: str) -> frozenset[int]:
    return frozenset(TTFont(FONTS / name, lazy=True).getBestCmap())


# Raised whenever a change here changes the bytes of a PDF (its layout, its fonts' use): the
# rendered PDFs kept by ``pdf_cache`` are found by it, with the fonts and libraries below.
LAYOUT_VERSION = 2

SCRIPT_FAMILIES = {"Arab": "arabic", "Armn": "armenian", "Grek": "greek"}
HARFBUZZ_SCRIPTS = {"Arab": "arab", "Armn": "armn", "Grek": "grek", "Latn": "latn"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"}


@functools.cache
def fingerprint() -> str:
    """What a PDF's bytes depend on besides its statement: the layout, the font files and the
    libraries that shape, lay out and subset the text."""
    digest = hashlib.sha256(f"layout {LAYOUT_VERSION}\n".encode())
    digest.update(Path(__file__).read_bytes())
    for module in (pdf_fonts, pdf_text):
        digest.update(Path(module.__file__).read_bytes())
    for name in sorted({name for pair in FAMILIES.values() for name in pair}):
        digest.update(f"{name}\n".encode())
        digest.update((FONTS / name).read_bytes())
    for library in ("fpdf2", "uharfbuzz", "fonttools", "lxml"):
        digest.update(f"{library} {metadata.version(library)}\n".encode())
    return digest.hexdigest()


@dataclass
class Statement:
    """What the PDF shows, already in the page's language."""

    lang_tag: str
    script: str  # ISO 15924
    direction: str  # ltr or rtl
    title: str
    subtitle: str
    meta: str  # kind, date, byline
    address: str  # the statement's web page
    body_html: str
    issuers_heading: str
    issuers: list[str]
    signatories_heading: str
    signatories: list[str]
    site_name: str
    updated: datetime.datetime  # the PDF's creation date: the same statement, the same bytes


def blocks(body_html: str) -> list[tuple[str, str]]:
    """(tag, plain text) of each block of BODY_HTML, in order; list items numbered or
    bulleted as the page shows them."""
    if not body_html.strip():
        return []
    found: list[tuple[str, str]] = []
    for root in lxml_html.fragments_fromstring(body_html):
        if isinstance(root, str):
            if root.strip():
                found.append(("p", " ".join(root.split())))
            continue
        for element in root.iter():
            if not isinstance(element.tag, str) or element.tag not in BLOCKS:
                continue
            if any(a.tag in BLOCKS for a in element.iterancestors() if isinstance(a.tag, str)):
                continue
            text = " ".join(element.text_content().split())
            if not text:
                continue
            if element.tag == "li":
                parent = element.getparent()
                if parent is not None and parent.tag == "ol":
                    text = f"{list(parent).index(element) + 1}. {text}"
                else:
                    text = f"• {text}"
            found.append((element.tag, text))
    return found


def _widths(pdf: FPDF):
    """PDF's get_string_width in its current font, remembered per word for the document
    (a statement repeats its words; shaping one again gives the same width)."""
    kept = pdf.__dict__.setdefault("_havza_widths", {})
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    known = kept.setdefault(font, {})

    def width(word: str) -> float:
        size = known.get(word)
        if size is None:
            size = known[word] = pdf.get_string_width(word)
        return size

    return width


def lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """TEXT broken into lines of at most WIDTH, at spaces, in logical order (each line is
    then ordered for display by itself, as the bidirectional algorithm does). Words are
    shaped and measured once each: fpdf2's own line breaking shapes the growing line again at
    every letter, some ten times slower on a long statement."""
    widths = _widths(pdf)
    space = widths(" ")
    found: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        size = widths(word)
        if current and used + space + size > width:
            found.append(" ".join(current))
            current, used = [], 0.0
        used += (space if current else 0.0) + size
        current.append(word)
    if current:
        found.append(" ".join(current))
    return found


def _all_text(statement: Statement) -> str:
    return "".join(
        [statement.title, statement.subtitle, statement.meta, statement.address,
         statement.body_html, statement.issuers_heading, statement.signatories_heading,
         *statement.issuers, *statement.signatories]
    )  # fmt: skip


def render(statement: Statement) -> bytes:
    """The PDF of STATEMENT."""
    pdf = _Document(format="A4")
    pdf.set_creation_date(statement.updated)
    pdf.set_title(statement.title)
    pdf.set_lang(statement.lang_tag)
    pdf.set_creator(statement.site_name)
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    main = SCRIPT_FAMILIES.get(statement.script, "latin")
    missing = {ord(c) for c in _all_text(statement) if not c.isspace()}
    missing -= _coverage(FAMILIES[main][0])
    order = [main]
    for family in FAMILIES:  # only the fonts of characters the ones before lack
        if family not in order and missing & _coverage(FAMILIES[family][0]):
            order.append(family)
            missing -= _coverage(FAMILIES[family][0])
    for family in order:
        regular, bold = FAMILIES[family]
        for style, name in (("", regular), ("B", bold)):
            shaped, unshaped = _truetype(name), _truetype(name, shaped=False)
            pdf_fonts.add_font(pdf, family, style, shaped, unshaped)
    pdf.set_fallback_fonts(order[1:], exact_match=False)
    rtl = statement.direction == "rtl"
    pdf.set_text_shaping(
        use_shaping_engine=True,
        direction="rtl" if rtl else "ltr",
        script=HARFBUZZ_SCRIPTS.get(statement.script),
        language=statement.lang_tag.split("-")[0],
    )
    align = "R" if rtl else "L"
    pdf.add_page()

    def write(text: str, size: float, bold: bool = False, gap: float = 2.5, color=0) -> None:
        pdf.set_font(main, "B" if bold else "", size)
        pdf.set_text_color(color)
        height = size * 0.55
        for line in lines(pdf, text, pdf.epw - 2 * pdf.c_margin):
            if pdf.get_string_width(line) > pdf.epw - 2 * pdf.c_margin:  # one long word
                pdf.multi_cell(0, height, line, align=align, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.cell(0, height, line, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    write(statement.title, 20, bold=True, gap=2)
    if statement.subtitle:
        write(statement.subtitle, 13, gap=2)
    if statement.meta:
        write(statement.meta, 10, color=90, gap=1)
    write(statement.address, 9, color=90, gap=5)
    if statement.issuers:
        write(statement.issuers_heading, 12, bold=True, gap=1)
        for name in statement.issuers:
            write(name, 10.5, gap=0.5)
        pdf.ln(4)
    for tag, text in blocks(statement.body_html):
        heading = re.fullmatch(r"h[1-6]", tag) is not None
        write(text, 13 if heading else 11, bold=heading, gap=2.5 if heading else 3)
    if statement.signatories:
        pdf.ln(3)
        write(statement.signatories_heading, 13, bold=True, gap=1.5)
        for name in statement.signatories:
            write(name, 10, gap=0.3)
    return bytes(pdf.output(output_producer_class=pdf_fonts.Producer))
