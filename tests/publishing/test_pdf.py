"""Statement PDFs: Arabic and Persian letters take their joined forms, every script's text
reads back from the file, and the body's blocks keep their text and order."""

from __future__ import annotations

import datetime as dt
import html
import io

import pytest
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from havza.publishing import pdf

UPDATED = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)


def statement(tag, script, direction, title, body="", signatories=()) -> pdf.Statement:
    return pdf.Statement(
        lang_tag=tag, script=script, direction=direction, title=title, subtitle="",
        meta="", address=f"https://shores.example/{tag}/", body_html=body,
        issuers_heading="", issuers=[], signatories_heading="Signatories",
        signatories=list(signatories), site_name="Many Shores", updated=UPDATED,
    )  # fmt: skip


def embedded_glyphs(data: bytes) -> dict[str, list[str]]:
    """Glyph names of each font embedded in the PDF's first page, by font name."""
    fonts = {}
    for font in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        fonts[str(font["/BaseFont"]).split("+", 1)[1]] = embedded.getGlyphOrder()
    return fonts


def test_persian_and_arabic_letters_are_joined():
    # کار: keheh at the start of a word, alef at its end, reh alone.
    glyphs = embedded_glyphs(pdf.render(statement("fa", "Arab", "rtl", "کار")))["VazirmatnBold"]
    assert {"uniFB90", "uniFE8E", "uni0631"} <= set(glyphs)  # initial keheh, final alef
    assert "uni06A9" not in glyphs  # no isolated keheh: the word was shaped
    # عمل: ain initial, meem medial, lam final.
    glyphs = embedded_glyphs(pdf.render(statement("ar", "Arab", "rtl", "عمل")))["VazirmatnBold"]
    assert {"uniFECB", "uniFEE4", "uniFEDE"} <= set(glyphs)
    assert not {"uni0639", "uni0645", "uni0644"} & set(glyphs)


def test_every_script_reads_back_from_the_file():
    cases = [
        ("fa", "Arab", "rtl", "بیانیهٔ مشترک کارگران", "اتحادیهٔ کارگران بندر"),
        ("ar", "Arab", "rtl", "نداء إلى مؤتمر الضفاف", "نقابة عمال الموانئ"),
        ("hy", "Armn", "ltr", "Համատեղ հայտարարություն", "Նավահանգստի աշխատողներ"),
        ("el", "Grek", "ltr", "Κοινή δήλωση", "Ένωση Λιμενεργατών"),
    ]
    for tag, script, direction, title, signatory in cases:
        data = pdf.render(
            statement(tag, script, direction, title, f"<p>{title}</p>", [f"1. {signatory}"])
        )
        text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        for word in [*title.split(), *signatory.split()]:
            assert word in text, (tag, word)
        assert pdf.render(statement(tag, script, direction, title)) == pdf.render(
            statement(tag, script, direction, title)
        )  # the same statement, the same bytes


def test_only_the_fonts_of_the_statement_s_scripts_are_embedded():
    names = embedded_glyphs(pdf.render(statement("hy", "Armn", "ltr", "Հայտարարություն")))
    assert "NotoSansArmenianBold" in names  # the title
    assert not [name for name in names if "Vazirmatn" in name]  # no Arabic letters
    assert set(names) <= {"NotoSansArmenian", "NotoSansArmenianBold", "NotoSans", "NotoSansBold"}


words = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=12
)
paragraphs = st.lists(st.lists(words, min_size=1, max_size=6).map(" ".join), max_size=6)


@settings(max_examples=60, deadline=None)
@given(paragraphs, paragraphs)
def test_blocks_keep_the_text_and_order_of_paragraphs_and_list_items(before, items):
    body = "".join(f"<p>{html.escape(p)}</p>" for p in before)
    if items:
        body += "<ol>" + "".join(f"<li><p>{html.escape(i)}</p></li>" for i in items) + "</ol>"
    found = pdf.blocks(body)
    assert [text for _tag, text in found] == [
        *before,
        *(f"{n}. {i}" for n, i in enumerate(items, start=1)),
    ]


class _FullBidi(pdf._Document):
    """The document with fpdf2's bidirectional algorithm run over every string."""

    _preload_bidirectional_text = pdf.FPDF._preload_bidirectional_text


mixed = st.text(
    alphabet=st.sampled_from(list("abz ÇğıŞ ΑβΓ Հայ عمل کار ١٢ 12 .,;:-–()«»[]/%+#\u200f\u200e")),
    min_size=1,
    max_size=40,
)


@settings(max_examples=25, deadline=None)
@given(mixed, mixed)
def test_left_to_right_text_is_set_as_the_bidirectional_algorithm_sets_it(title, name):
    s = statement("en", "Latn", "ltr", title, f"<p>{html.escape(name)}</p>", [f"1. {name}"])
    fast = pdf.render(s)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "_Document", _FullBidi)
        assert fast == pdf.render(s)
