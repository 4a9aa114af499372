"""The fonts of a statement PDF (``publishing.pdf``): the site's WOFF2 files as TrueType, read
once per thread, shaped by HarfBuzz and subsetted into each PDF by fontTools.

A PDF costs mostly its fonts: shaping every line (three times: to break lines, to align them,
to set them) and subsetting each font it uses. What does not depend on the PDF is done once
per thread and remembered: a string's shaping in a font, size and direction; a glyph's packed
outline; a font's subset for a set of glyphs, with its compressed stream. Each PDF still picks
its glyphs in the order it uses them, so its bytes are those fpdf2 alone would give
(``tests/publishing/test_pdf_fonts.py`` compares them).
"""

from __future__ import annotations

import logging
import struct
import threading
import zlib
from io import BytesIO
from pathlib import Path

from fontTools import subset as ftsubset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.output import (
    CIDSystemInfo,
    OutputProducer,
    PDFFont,
    PDFFontStream,
    _build_cmap_blocks,
    _tt_font_widths,
)
from fpdf.syntax import Name, PDFArray, PDFContentStream, PDFObject

_loaded = threading.local()  # per thread: a font's HarfBuzz object is set to each size it shapes
# How many of each are remembered per thread, across PDFs, before starting again (some 25 MB
# in all): HarfBuzz's glyphs of a string (a line is measured, then set), a string's width, its
# glyphs to set, a font's subset and a CIDToGIDMap (some 6, 0.3, 10, 8 and 3 kB each).
KEPT = {"hb": 300, "width": 20_000, "glyphs": 1_000, "subsets": 500, "maps": 1_000}


def _kept(name: str) -> dict:
    kept = _loaded.__dict__.setdefault(name, {})
    if len(kept) >= KEPT[name]:
        kept.clear()
    return kept


def _remembered(name: str, key: tuple, make):
    """What MAKE() gives, kept under KEY among NAME's remembered results."""
    kept = _kept(name)
    found = kept.get(key)
    if found is None:
        found = kept[key] = make()
    return found


def _shaping_key(font: TTFFont, text: str, size: float, params: dict | None) -> tuple:
    if params is None:
        return (font.ttffile, text, size)
    features = params.get("features")
    return (
        font.ttffile, text, size, params.get("fragment_direction"), params.get("script"),
        params.get("language"), tuple(sorted(features.items())) if features else (),
    )  # fmt: skip


class _Font(TTFFont):
    """fpdf2's TrueType font, which shapes a string with HarfBuzz each time it measures or
    sets it (a line is shaped three times, a name or heading again in every PDF). What
    shaping gives depends only on the font file, the string, the size and the shaping
    parameters: it is remembered per thread, and the PDF's own subset of the font is
    filled in the same order as before."""

    __slots__ = ()

    def __deepcopy__(self, memo):
        font = super().__deepcopy__(memo)
        font.__class__ = _Font
        return font

    def perform_harfbuzz_shaping(self, text, font_size_pt, text_shaping_params):
        shape = super().perform_harfbuzz_shaping
        key = _shaping_key(self, text, font_size_pt, text_shaping_params)
        return _remembered("hb", key, lambda: shape(text, font_size_pt, text_shaping_params))

    def shaped_text_width(self, text, font_size_pt, text_shaping_params):
        width = super().shaped_text_width
        key = _shaping_key(self, text, font_size_pt, text_shaping_params)
        return _remembered("width", key, lambda: width(text, font_size_pt, text_shaping_params))

    def shape_text(self, text, font_size_pt, text_shaping_params):
        if len(text) == 0:
            return []
        key = _shaping_key(self, text, font_size_pt, text_shaping_params)
        glyphs = _remembered(
            "glyphs", key, lambda: self._glyphs(text, font_size_pt, text_shaping_params)
        )
        get_glyph, pick_glyph = self.subset.get_glyph, self.subset.pick_glyph
        found = []
        for (
            codepoint,
            unicode,
            name,
            width,
            x_advance,
            y_advance,
            x_offset,
            y_offset,
            forced,
        ) in glyphs:
            glyph = get_glyph(glyph=codepoint, unicode=unicode, glyph_name=name, glyph_width=width)
            if glyph is None:
                continue
            found.append(
                {"mapped_char": pick_glyph(glyph), "x_advance": x_advance,
                 "y_advance": y_advance, "x_offset": x_offset, "y_offset": y_offset,
                 "force_positioning": forced}
            )  # fmt: skip
        return found

    def _glyphs(self, text, font_size_pt, text_shaping_params) -> tuple:
        """TTFFont.shape_text's glyphs of TEXT before they are picked into the subset:
        (glyph, characters, name, width, x and y advance, x and y offset, positioned)."""
        infos, positions = self.perform_harfbuzz_shaping(text, font_size_pt, text_shaping_params)
        # Each character goes with the last cluster starting at or before it (the first
        # cluster if none does), as in TTFFont.shape_text; the cluster's first glyph has them.
        clusters = sorted({info.cluster for info in infos})
        ends = [*clusters[1:], len(text)]
        characters = {
            cluster: tuple(map(ord, text[0 if n == 0 else cluster : end]))
            for n, (cluster, end) in enumerate(zip(clusters, ends, strict=True))
        }
        names, widths = self._metrics()
        glyphs = []
        for info, position in zip(infos, positions, strict=True):
            glyph = info.codepoint
            unicode = characters.pop(info.cluster, ())
            if glyph < len(names):
                name, width = names[glyph], widths[glyph]
            else:
                name = self.ttfont.getGlyphName(glyph)
                width = round(self.scale * self.ttfont["hmtx"].metrics[name][0])
            forced = (
                width != position.x_advance or position.x_offset != 0
                or position.y_offset != 0 or position.y_advance != 0
            )  # fmt: skip
            glyphs.append(
                (glyph, unicode, name, width, position.x_advance,
                 position.y_advance, position.x_offset, position.y_offset, forced)
            )  # fmt: skip
        return tuple(glyphs)

    def _metrics(self) -> tuple[list[str], list[int]]:
        """The font's glyph names and widths by glyph id, as TTFFont.shape_text reads them."""
        kept = _loaded.__dict__.setdefault("metrics", {})
        found = kept.get(self.ttffile)
        if found is None:
            names = self.ttfont.getGlyphOrder()
            metrics = self.ttfont["hmtx"].metrics
            widths = [round(self.scale * metrics[name][0]) for name in names]
            found = kept[self.ttffile] = (list(names), widths)
        return found

    def copied(self) -> _Font:
        """A copy for one PDF: the maps of characters, glyphs and widths (filled when the
        font is read, never changed after) are shared, the list of missing glyphs is not."""
        font = _Font.__new__(_Font)
        for name in TTFFont.__slots__:
            if hasattr(self, name):
                setattr(font, name, getattr(self, name))
        font.missing_glyphs = list(self.missing_glyphs)
        return font


def add_font(pdf: FPDF, family: str, style: str, shaped: Path, unshaped: Path) -> None:
    """FPDF.add_font, the font's file (SHAPED: TrueType with its shaping tables) read once
    per thread: each PDF gets a copy of the font's maps (characters, glyphs, widths) and
    HarfBuzz object, and a font file of its own (UNSHAPED: the same without them) to subset
    when it is written (subsetting changes it in place)."""
    fonts = _loaded.__dict__.setdefault("fonts", {})
    template = fonts.get((shaped, style))
    if template is None:
        template = _Font(FPDF(), shaped, f"{family}{style}", style)
        fonts[shaped, style] = template
    font = template.copied()
    font.i = len(pdf.fonts) + 1
    font.fontkey = f"{family}{style}"
    font.ttfont = _Subset(unshaped, recalcTimestamp=False, lazy=True)
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font


GLYPHS_KEPT = 50_000  # compiled outlines remembered per thread, across PDFs


class _Outline(Glyph):
    """A glyph of a PDF's font subset. Saving the subset unpacks every glyph it keeps to
    measure its bounds and packs it again (half of writing a PDF's fonts); a simple glyph
    (contours, no components) packs to the same bytes and bounds whatever else the subset
    holds, so that work is remembered per thread, by the glyph's bytes."""

    def compile(self, glyfTable, recalcBBoxes=True, *, boundsDone=None, optimizeSize=True):
        data = self.__dict__.get("data")
        if not (recalcBBoxes and data and struct.unpack(">h", data[:2])[0] > 0):
            return super().compile(
                glyfTable, recalcBBoxes, boundsDone=boundsDone, optimizeSize=optimizeSize
            )
        kept = _loaded.__dict__.setdefault("outlines", {})
        key = (bytes(data), optimizeSize, glyfTable.extended)
        found = kept.get(key)
        if found is None:
            if len(kept) > GLYPHS_KEPT:
                kept.clear()
            packed = super().compile(
                glyfTable, recalcBBoxes, boundsDone=boundsDone, optimizeSize=optimizeSize
            )
            found = kept[key] = (packed, dict(self.__dict__))
        else:
            self.__dict__.clear()
            self.__dict__.update(found[1])
        return found[0]


class _Subset(TTFont):
    """The font file a PDF embeds, subsetted and saved when the PDF is written (``_subset``,
    unless a subset of the same glyphs is remembered); its glyphs are saved as ``_Outline``."""

    def save(self, file, reorderTables=True):
        if "glyf" in self:
            for glyph in self["glyf"].glyphs.values():
                if type(glyph) is Glyph:
                    glyph.__class__ = _Outline
        return super().save(file, reorderTables)


# fpdf2's subsetting options (fpdf/output.py, OutputProducer._add_fonts).
_DROP = ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "sbix", "CBDT", "CBLC", "EBDT",
         "EBLC", "EBSC", "SVG ", "CPAL", "COLR"]  # fmt: skip

log = logging.getLogger("fpdf.output")


class _Stream(PDFContentStream):
    """A stream compressed before, as PDFContentStream(..., compress=True) compresses it."""

    def __init__(self, compressed: bytes) -> None:
        PDFObject.__init__(self)
        self._contents = compressed
        self.filter = Name("FlateDecode")
        self.length = len(compressed)


class _FontStream(PDFFontStream):
    def __init__(self, compressed: bytes, length: int) -> None:
        PDFObject.__init__(self)
        self._contents = compressed
        self.filter = Name("FlateDecode")
        self.length = len(compressed)
        self.length1 = length


def _compressed(data: bytes) -> bytes:
    return zlib.compress(data, level=PDFContentStream._COMPRESSION_LEVEL)


def _subset(font: _Font, glyph_names: list[str]) -> tuple[bytes, int, dict[str, int]]:
    """The compressed font file of FONT with GLYPH_NAMES, its length and its glyphs' ids, as
    fpdf2 makes it; remembered per thread by the font file and the set of glyphs."""
    key = (font.ttfont.reader.file.name, frozenset(glyph_names))
    kept = _kept("subsets")
    found = kept.get(key)
    if found is None:
        options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True)
        options.drop_tables += _DROP
        subsetter = ftsubset.Subsetter(options)
        subsetter.populate(glyphs=glyph_names)
        subsetter.subset(font.ttfont)
        ids = {name: i for i, name in enumerate(font.ttfont.getGlyphOrder())}
        output = BytesIO()
        font.ttfont.save(output)
        data = output.getvalue()
        found = kept[key] = (_compressed(data), len(data), ids)
    return found


def _cid_to_gid(code_to_glyph: dict[int, int]) -> bytes:
    """fpdf2's CIDToGIDMap (two bytes per code, 65,536 codes), compressed."""
    key = tuple(sorted(code_to_glyph.items()))
    kept = _kept("maps")
    found = kept.get(key)
    if found is None:
        table = bytearray(256 * 256 * 2)
        for code, glyph in code_to_glyph.items():
            table[code * 2] = glyph >> 8
            table[code * 2 + 1] = glyph & 0xFF
        found = kept[key] = _compressed(bytes(table))
    return found


def _format_code(unicode: int) -> str:
    if unicode > 0xFFFF:  # a surrogate pair
        return f"{0xD800 | (unicode - 0x10000) >> 10:04X}{0xDC00 | (unicode & 0x3FF):04X}"
    return f"{unicode:04X}"


class Producer(OutputProducer):
    """fpdf2's output, its TrueType fonts embedded as fpdf2 embeds them (Type0 font, CID
    font, ToUnicode map, descriptor, CIDToGIDMap, subset font file), the subsets and their
    compressed streams made once per thread for each font and set of glyphs."""

    def _add_fonts(self, image_objects_per_index, gfxstate_objs_per_name, pattern_objs_per_name):
        fonts = sorted(self.fpdf.fonts.values(), key=lambda font: font.i)
        if self.fpdf._compliance or not all(
            isinstance(f, _Font) and isinstance(f.ttfont, _Subset) and not f.color_font
            and not (f.is_cff and f.is_cid_keyed)
            for f in fonts
        ):  # fmt: skip
            return super()._add_fonts(
                image_objects_per_index, gfxstate_objs_per_name, pattern_objs_per_name
            )
        found = {}
        for font in fonts:
            fontname = f"MPDFAA+{font.name}"
            if font.missing_glyphs:
                missing = ", ".join(
                    f"'{chr(x)}' ({chr(x).encode('unicode-escape').decode()})"
                    for x in font.missing_glyphs[:10]
                )
                if len(font.missing_glyphs) > 10:
                    missing += f", ... (and {len(font.missing_glyphs) - 10} others)"
                log.warning("Font %s is missing the following glyphs: %s", fontname, missing)
            stream, length, ids = _subset(font, font.subset.get_all_glyph_names())
            code_to_glyph = {
                code: ids[glyph.glyph_name]
                for glyph, code in font.subset.items()
                if glyph is not None
            }
            composite = PDFFont(subtype="Type0", base_font=fontname, encoding="Identity-H")
            self._add_pdf_obj(composite, "fonts")
            found[font.i] = composite
            cid_font = PDFFont(
                subtype="CIDFontType2", base_font=fontname, d_w=font.desc.missing_width,
                w=_tt_font_widths(font),
            )  # fmt: skip
            self._add_pdf_obj(cid_font, "fonts")
            composite.descendant_fonts = PDFArray([cid_font])
            characters = [
                f"<{code:04X}> <{''.join(_format_code(c) for c in glyph.unicode)}>\n"
                for glyph, code in font.subset.items()
                if glyph is not None and isinstance(glyph.unicode, tuple) and glyph.unicode
            ]
            to_unicode = PDFContentStream(
                (
                    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n"
                    ">> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                    f"{_build_cmap_blocks(characters, 'bfchar')}"
                    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
                ).encode("latin-1")
            )
            self._add_pdf_obj(to_unicode, "fonts")
            composite.to_unicode = to_unicode
            system_info = CIDSystemInfo()
            self._add_pdf_obj(system_info, "fonts")
            cid_font.c_i_d_system_info = system_info
            descriptor = font.desc
            descriptor.font_name = Name(fontname)
            self._add_pdf_obj(descriptor, "fonts")
            cid_font.font_descriptor = descriptor
            cid_to_gid = _Stream(_cid_to_gid(code_to_glyph))
            self._add_pdf_obj(cid_to_gid, "fonts")
            cid_font.c_i_d_to_g_i_d_map = cid_to_gid
            font_file = _FontStream(stream, length)
            self._add_pdf_obj(font_file, "fonts")
            descriptor.font_file2 = font_file
            font.subset.pick.cache_clear()
            font.subset.get_glyph.cache_clear()
            font.close()
        return found
