"""How a statement PDF's strings are measured and set (``publishing.pdf``): fpdf2's document
and its fragments of a line, doing less for the same result.

fpdf2 runs the bidirectional algorithm and its search for fallback fonts over every string it
measures or sets, and sets each glyph of a shaped string through a handful of small calls. Here
a left-to-right run skips the algorithm, a line measured then set is cut once, in one pass over
its characters, and a fragment sets its glyphs in one loop; the bytes are those fpdf2 gives
(``tests/publishing/test_pdf_fonts.py`` compares them).
"""

from __future__ import annotations

import functools
import unicodedata

from fpdf import FPDF
from fpdf.enums import TextDirection
from fpdf.errors import FPDFException
from fpdf.line_break import Fragment
from fpdf.unicode_script import UnicodeScript, get_unicode_script

# Bidirectional classes that can make a left-to-right line anything but one left-to-right run.
_NOT_LEFT_TO_RIGHT = {
    "R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"
}  # fmt: skip


@functools.cache
def _script(char: str) -> UnicodeScript:
    return get_unicode_script(char)


@functools.cache
def _left_to_right(char: str) -> bool:
    return unicodedata.bidirectional(char) not in _NOT_LEFT_TO_RIGHT


class _Fragment(Fragment):
    """A fragment of a line set as Fragment.render_with_text_shaping sets it: each glyph's
    position computed by the same operations in the same order, each glyph code escaped
    once per fragment."""

    def render_with_text_shaping(self, pos_x, pos_y, h, word_spacing):
        font, k, size = self.font, self.k, self.font_size_pt
        scale, stretching = font.scale, self.font_stretching / 100
        char_spacing = self.char_spacing * (self.font_stretching / 100) / self.k
        space = font.subset.pick(ord(" "))
        escaped: dict[int, str] = {}
        parts: list[str] = []
        text: list[str] = []
        for glyph in font.shape_text(self.string, size, self.text_shaping_parameters):
            code = glyph["mapped_char"]
            if code is None:  # a missing glyph
                continue
            char = escaped.get(code)
            if char is None:
                char = escaped[code] = font.escape_text(chr(code))
            if glyph["x_offset"] != 0 or glyph["y_offset"] != 0:
                if text:
                    parts.append(f"({''.join(text)}) Tj ")
                    text = []
                offset_x = pos_x + glyph["x_offset"] * scale * size * stretching / 1000 / k
                offset_y = pos_y - glyph["y_offset"] * scale * size * stretching / 1000 / k
                parts.append(f"1 0 0 1 {(offset_x) * k:.2f} {(h - offset_y) * k:.2f} Tm ")
            text.append(char)
            pos_x += glyph["x_advance"] * scale * size * stretching / 1000 / k + char_spacing
            pos_y += glyph["y_advance"] * scale * size * stretching / 1000 / k
            spaced = word_spacing and code == space
            if spaced:
                pos_x += word_spacing
            if glyph["force_positioning"] or spaced:
                if text:
                    parts.append(f"({''.join(text)}) Tj ")
                    text = []
                parts.append(f"1 0 0 1 {(pos_x) * k:.2f} {(h - pos_y) * k:.2f} Tm ")
        if text:
            parts.append(f"({''.join(text)}) Tj")
        return "".join(parts)


class Document(FPDF):
    """fpdf2's document, which runs the bidirectional algorithm over every string it measures
    or sets (a third of a PDF's time). In a left-to-right paragraph, text without
    right-to-left letters, Arabic digits or explicit direction marks is one left-to-right
    run, which is what the algorithm would give: it is passed on as that run directly."""

    _measured = None  # (text, markdown, graphics state, fragments) of the last string measured

    def get_string_width(self, s, normalized=False, markdown=False):
        """FPDF.get_string_width, its fragments kept for the cell that sets the same string
        next (``render`` measures each line, then sets it)."""
        if not self.font_family:
            raise FPDFException("No font set, you need to call set_font() beforehand")
        s = s if normalized else self.normalize_text(s)
        fragments = self._preload_bidirectional_text(s, markdown)
        self._measured = (s, markdown, self._get_current_graphics_state(), fragments)
        return sum(fragment.get_width() for fragment in fragments)

    def _preload_bidirectional_text(self, text, markdown):
        measured, self._measured = self._measured, None
        if (
            measured is not None
            and measured[0] == text
            and measured[1] == markdown
            and measured[2] == self._GraphicsStateMixin__statestack[-1]
        ):  # the same string in the same state: the fragments measuring left as they were
            return measured[3]
        shaping = self.text_shaping
        if (
            shaping
            and shaping["direction"] == TextDirection.LTR
            and text
            and all(_left_to_right(c) for c in text)
        ):
            shaping["paragraph_direction"] = TextDirection.LTR
            shaping["fragment_direction"] = TextDirection.LTR
            emphasis = ("B" in self.font_style, "I" in self.font_style, self.strikethrough,
                        self.underline)  # fmt: skip
            return tuple(self._preload_font_styles(text, markdown, _initial_emphasis=emphasis))
        return super()._preload_bidirectional_text(text, markdown)

    def _parse_chars(self, text, markdown, *, _initial_emphasis=None):
        """FPDF._parse_chars without Markdown: TEXT cut into fragments where its script
        changes and where a fallback font takes over, in one pass over its characters (fpdf2
        copies the rest of the string at each character)."""
        alias = self.str_alias_nb_pages
        if markdown or not self.text_shaping or not self.is_ttf_font or (alias and alias in text):
            yield from super()._parse_chars(text, markdown, _initial_emphasis=_initial_emphasis)
            return
        if _initial_emphasis is None:
            _initial_emphasis = ("B" in self.font_style, "I" in self.font_style,
                                 bool(self.strikethrough), bool(self.underline))  # fmt: skip
        bold, italics, strikethrough, underline = _initial_emphasis
        style = ("B" if bold else "") + ("I" if italics else "")
        characters: list[str] = []
        fallback = script = None
        glyphs = self.current_font.cmap

        def fragment() -> Fragment:
            nonlocal characters, fallback, script
            state = self._get_current_graphics_state()
            state.font_style = style
            state.strikethrough = strikethrough
            state.underline = underline
            if fallback:
                state.font_family = fallback.replace("B", "").replace("I", "")
                state.font_style = "".join(c for c in fallback if c in ("BI"))
                state.current_font = self.fonts[fallback]
                fallback = script = None
            made = _Fragment(characters, state, self.k)
            characters = []
            return made

        for char in text:
            char_script = _script(char)
            if char_script not in (UnicodeScript.COMMON, UnicodeScript.UNKNOWN, script):
                if characters and script:
                    yield fragment()
                script = char_script
            if char != "\n" and ord(char) not in glyphs:
                font = self.get_fallback_font(char, style)
                if font:
                    if font != fallback:
                        if characters:
                            yield fragment()
                        fallback = font
                    characters.append(char)
                    continue
            if fallback:
                if characters:
                    yield fragment()
                fallback = None
            characters.append(char)
        if characters:
            yield fragment()
        self._markdown_emphasis = (bold, italics, strikethrough, underline)
