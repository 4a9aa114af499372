"""Statement PDFs remember across PDFs what does not depend on the PDF (shaping, packed
glyphs, font subsets, fragments of a line) and still give the bytes fpdf2 alone gives: a
re-export reuses PDFs byte for byte, so the renderer may get faster, never different."""

from __future__ import annotations

import copy
import html
import io

import pytest
from fontTools.ttLib import TTFont
from fpdf.fonts import TTFFont
from fpdf.output import OutputProducer
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from havza.publishing import pdf, pdf_fonts

from .test_pdf import statement


class _PlainDocument(pdf._Document):
    """The document as fpdf2 has it: every string measured or set is cut into fragments by
    fpdf2 itself, again each time."""

    get_string_width = pdf.FPDF.get_string_width
    _preload_bidirectional_text = pdf.FPDF._preload_bidirectional_text
    _parse_chars = pdf.FPDF._parse_chars


class _PlainFont(TTFFont):
    """fpdf2's font, copied for each PDF as fpdf2 copies it."""

    __slots__ = ()

    def copied(self) -> TTFFont:
        return copy.deepcopy(self)


def fpdf2_alone(s: pdf.Statement) -> bytes:
    """S's PDF as fpdf2 renders it with nothing remembered: its own fonts, shaping, line
    fragments, subsetting and output."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_fonts, "_loaded", type(pdf_fonts._loaded)())
        patch.setattr(pdf_fonts, "_Font", _PlainFont)
        patch.setattr(pdf_fonts, "_Subset", TTFont)
        patch.setattr(pdf_fonts, "Producer", OutputProducer)
        patch.setattr(pdf, "_Document", _PlainDocument)
        return pdf.render(s)


SCRIPTS = [
    ("fa", "Arab", "rtl", "بیانیهٔ مشترک کارگران بندر", "اتحادیهٔ کارگران – Iran"),
    ("ar", "Arab", "rtl", "نداء إلى مؤتمر الضفاف ٢٠٢٥", "نقابة عمال الموانئ"),
    ("hy", "Armn", "ltr", "Համատեղ հայտարարություն", "Նավահանգստի աշխատողներ"),
    ("el", "Grek", "ltr", "Κοινή δήλωση για τα λιμάνια", "Ένωση Λιμενεργατών – Ελλάδα"),
    ("tr", "Latn", "ltr", "Limanlar için ortak açıklama", "Liman İşçileri Sendikası"),
    ("en", "Latn", "ltr", "A joint call — ‘Shores’ 2025", "Harbour Workers, Ħamrun"),
]


def test_pdfs_in_every_script_are_the_bytes_fpdf2_alone_gives():
    for tag, script, direction, title, signatory in SCRIPTS:
        body = f"<p>{title} {signatory}</p><h2>{signatory}</h2><ul><li>{title}</li></ul>"
        s = statement(tag, script, direction, title, body, [f"1. {signatory}", "2. Ğ Ж ü"])
        expected = fpdf2_alone(s)
        assert pdf.render(s) == expected, tag
        assert pdf.render(s) == expected, tag  # all of it remembered by now
        assert signatory.split()[0] in PdfReader(io.BytesIO(expected)).pages[0].extract_text()


def test_a_font_subset_remembered_for_one_pdf_serves_another_alike():
    first = statement("en", "Latn", "ltr", "Shores", "<p>Harbour workers ask.</p>")
    second = statement("en", "Latn", "ltr", "Shores", "<p>Workers ask harbour.</p>")
    pdf.render(first)  # its fonts' subsets are remembered: the second uses the same glyphs
    assert pdf.render(second) == fpdf2_alone(second)
    assert pdf.render(second) != pdf.render(first)


mixed = st.text(
    alphabet=st.sampled_from(
        list("abz ÇğıŞ ΑβΓ Հայ عمل کار ١٢ 12 .,;:-–()«»[]/%+#{}nb\u200f\u200e\u0301ﬁ")
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=25, deadline=None)
@given(mixed, mixed, st.sampled_from(SCRIPTS))
def test_any_text_gives_the_bytes_fpdf2_alone_gives(title, name, language):
    tag, script, direction, *_ = language
    s = statement(tag, script, direction, title, f"<p>{html.escape(name)}</p>", [f"1. {name}"])
    assert pdf.render(s) == fpdf2_alone(s)
