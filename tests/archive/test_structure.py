"""Boilerplate, header, body: how one page is taken apart."""

from havza.archive import body
from havza.archive.boilerplate import Boilerplate
from havza.archive.page import Page, from_text
from havza.archive.structure import analyze

TAGLINES = [
    "Kıyılar: mücadelenin ortak denizi!",
    "The shores: common sea of the struggle!",
    "الشواطئ: البحر المشترك للنضال",
    "Οι ακτές: κοινή θάλασσα του αγώνα!",
    "Ափերը՝ պայքարի ընդհանուր ծով։",
]
BODY = (
    "The workers of the port went on strike for the third day, and 4,000 of them marched "
    "to the city centre demanding the release of their arrested comrades and higher wages."
)


def page(*blocks: str) -> Page:
    return Page(lines=from_text("\n\n".join(blocks)))


def test_tagline_block_of_one_page_alone_is_dropped():
    parsed = analyze(page(*TAGLINES, "Strike at the port", BODY))
    assert parsed.title == "Strike at the port"
    assert parsed.markdown.startswith("The workers of the port")
    assert set(parsed.taglines) == {"tr", "en", "ar", "el", "hy"}


def test_title_in_a_language_the_taglines_lack_is_kept():
    german = "Die Arbeiter des Hafens streiken seit drei Tagen und fordern die Freilassung " * 3
    parsed = analyze(page(*TAGLINES, "Streik im Hafen", german))
    assert parsed.title == "Streik im Hafen"


def test_configured_tagline_is_dropped():
    parsed = analyze(page("Many shores, one struggle.", "Strike at the port", BODY))
    assert parsed.title == "Strike at the port"


def test_lines_repeated_across_the_archive_are_learned():
    footer = "Share this page with your friends:"
    pages = [page("Menu: Home", f"Title {n}", BODY + f" {n}", footer) for n in range(3)]
    learned = Boilerplate.learn([line.text for line in p.lines] for p in pages)
    parsed = analyze(pages[0], learned)
    assert parsed.title == "Title 0"
    assert "Share this page" not in parsed.markdown


def test_repeated_signatory_lines_are_kept_as_signatures():
    signature = ["EEK (Workers Revolutionary Party)- Greece", "Association “Soviet Union”"]
    pages = [page(f"Title {n}", BODY + f" {n}", *signature) for n in range(3)]
    learned = Boilerplate.learn([line.text for line in p.lines] for p in pages)
    parsed = analyze(pages[1], learned)
    assert [s.name for s in parsed.signatories] == [
        "Workers Revolutionary Party",
        "Association “Soviet Union”",
    ]


def test_byline_needs_a_date_or_a_by_beside_it():
    with_date = analyze(page("A title", "Jane Doe", "9 May 2023", BODY))
    assert with_date.authors == ["Jane Doe"]
    with_by = analyze(page("A title", "By Jane Doe", BODY))
    assert with_by.authors == ["Jane Doe"]
    subtitle = analyze(page("A title", "Down With War", BODY))
    assert subtitle.authors == []
    assert subtitle.markdown.startswith("Down With War")


def test_date_in_the_body_is_not_the_publication_date():
    parsed = analyze(page("A title", BODY + " It happened on 9 May 2023.", "9 May 2023"))
    assert parsed.date is None


def test_quotation_lists_and_escaping():
    parsed = analyze(
        page(
            "A title",
            "The declaration said:",
            "“First paragraph of the quotation, which goes on.",
            "Second and last paragraph of it.”",
            "- one demand\n- another demand",
            "1. Not a list but a *literal* star and <b>tag</b> [link]",
        )
    )
    md = parsed.markdown
    assert "> First paragraph of the quotation, which goes on.\n>\n> Second and last" in md
    assert "- one demand\n- another demand" in md
    assert "1\\. Not a list" in md
    assert "\\*literal\\*" in md and "\\<b>" in md


def test_paragraph_in_another_language_is_marked():
    turkish = "İşçiler bu sabah limanda greve çıktı ve tutuklanan arkadaşlarının serbest " * 2
    parsed = analyze(page("A title", BODY, turkish, BODY))
    assert [p.lang for p in parsed.paragraphs] == ["", "tr", ""]
    assert '<p lang="tr" dir="ltr">' in parsed.markdown


def test_escape_renders_back_to_the_text():
    from havza.publishing.markdown import render

    text = "# not a heading *nor* _emphasis_ `code` & [link](x) <script>"
    html = render(body.escape(text))
    assert "<h" not in html and "<em>" not in html and "<script>" not in html
    assert "# not a heading" in html
