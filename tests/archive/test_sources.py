"""HTML pages and WordPress exports (WPML and Polylang) as sources."""

import pytest

from havza.archive import importer
from havza.archive.sources import SourceError, read_bytes
from havza.publishing.models import Work
from tests.archive.conftest import write

HTML_PAGE = """<!doctype html><html lang="en"><head><title>Strike at the port | Network</title>
<meta name="author" content="Port Workers Union">
<meta property="article:published_time" content="2023-05-09T10:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
<article><h1>Strike at the port</h1>
<p>The workers of the port went on strike for the third day, and 4,000 of them marched to
the city centre. They demand the release of the comrades arrested on 2 May 2023.</p>
<blockquote><p>We will not go back to work until every one of them is free.</p></blockquote>
<ul><li>Release the arrested workers</li><li>Higher wages for everyone</li></ul>
<p>Read the <a href="https://example.org/demands">full list of demands</a> of the union.</p>
</article><footer>© 2023 The Network. All rights reserved.</footer></body></html>"""


def test_html_page_main_content_and_metadata():
    [doc] = read_bytes(HTML_PAGE.encode(), "page.html")
    assert doc.format == "html"
    from havza.archive.structure import analyze

    parsed = analyze(doc.page)
    assert parsed.title == "Strike at the port"
    assert parsed.authors == ["Port Workers Union"]
    assert str(parsed.date) == "2023-05-09"
    md = parsed.markdown
    assert md.startswith("The workers of the port")
    assert "> We will not go back to work" in md
    assert "- Release the arrested workers\n- Higher wages for everyone" in md
    assert "About us" not in md and "All rights reserved" not in md
    assert "https://example.org/demands" in doc.links


def _wxr(items: str, terms: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Network</title>{terms}{items}</channel></rss>"""


def _item(post_id: int, title: str, body: str, extra: str = "", status: str = "publish") -> str:
    return f"""<item><title>{title}</title><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>2023-05-09 10:00:00</wp:post_date>
<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>{extra}</item>"""


def _meta(key: str, value: str) -> str:
    return (
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


EN = "The workers of the port went on strike.\n\nThey demand the release of their comrades."
FR = "Les travailleurs du port sont en grève.\n\nIls exigent la libération de leurs camarades."
TR = "Liman işçileri greve çıktı.\n\nTutuklanan arkadaşlarının serbest bırakılmasını istiyorlar."
ES = "Los trabajadores del puerto están en huelga.\n\nExigen la liberación de sus compañeros."


def wpml_export() -> str:
    def wpml(lang, group, source=""):
        meta = _meta("_wpml_import_language_code", lang)
        meta += _meta("_wpml_import_translation_group", group)
        return meta + (_meta("_wpml_import_source_language_code", source) if source else "")

    return _wxr(
        _item(10, "Strike at the port", EN, wpml("en", "7"))
        + _item(11, "Grève au port", FR, wpml("fr", "7", "en"))
        + _item(12, "Limanda grev", TR, wpml("tr", "7", "en"))
        + _item(20, "Another piece", "A different text about something else entirely.",
                wpml("en", "8"))
        + _item(21, "Draft", "Not finished.", wpml("en", "9"), status="draft")
        + '<item><title>logo</title><wp:post_id>30</wp:post_id>'
        "<wp:post_type>attachment</wp:post_type></item>"
    )  # fmt: skip


def polylang_export() -> str:
    def lang(code, group):
        return (
            f'<category domain="language" nicename="{code}"><![CDATA[{code}]]></category>'
            f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]>'
            "</category>"
        )

    term = (
        "<wp:term><wp:term_id>5</wp:term_id><wp:term_taxonomy>post_translations"
        "</wp:term_taxonomy><wp:term_slug>pll_abc</wp:term_slug><wp:term_description>"
        '<![CDATA[a:2:{s:2:"en";i:40;s:2:"es";i:41;}]]></wp:term_description></wp:term>'
    )
    return _wxr(
        _item(40, "Strike at the port", EN, lang("en", "pll_abc"))
        # Only the term says which group this one is in.
        + _item(41, "Huelga en el puerto", ES, '<category domain="language" nicename="es">'
                "<![CDATA[Español]]></category>"),
        term,
    )  # fmt: skip


@pytest.mark.django_db
def test_wpml_export_keeps_translation_groups(tmp_path):
    path = write(tmp_path, "export.xml", wpml_export())
    report = importer.run([str(path)], importer.Options(jobs=1))
    docs = {d["key"].rsplit("#", 1)[1]: d for d in report.documents}
    assert set(docs) == {"post-10", "post-11", "post-12", "post-20", "post-21"}
    assert docs["post-10"]["work"] == docs["post-11"]["work"] == docs["post-12"]["work"]
    assert docs["post-10"]["group_confidence"] == 1.0
    assert docs["post-20"]["work"] != docs["post-10"]["work"]
    work = Work.objects.get(pk=docs["post-10"]["work"])
    assert work.original_language == "en"
    assert sorted(work.translations.values_list("language", flat=True)) == ["en", "fr", "tr"]
    assert str(work.published_on) == "2023-05-09"
    assert Work.objects.get(pk=docs["post-21"]["work"]).translations.get().status == "draft"


@pytest.mark.django_db
def test_polylang_export_keeps_translation_groups(tmp_path):
    path = write(tmp_path, "export.xml", polylang_export())
    report = importer.run([str(path)], importer.Options(jobs=1))
    works = {d["language"]: d["work"] for d in report.documents}
    assert works["en"] == works["es"]
    assert Work.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\x00\x01\x02\x03" * 100, "binary"),
     (b'<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><chan', "")],
)  # fmt: skip
def test_unreadable_content_says_why(content, reason):
    try:
        docs = read_bytes(content, "x")
    except SourceError as error:
        assert reason in str(error)
    else:
        assert docs == []  # a truncated export with no items: nothing, and no crash


def test_mojibake_is_repaired():
    mangled = "Akdeniz: DÃ¼nya devriminin yeni havzasÄ±!\n\nBody text here.".encode()
    [doc] = read_bytes(mangled, "x.txt")
    assert doc.page.lines[0].text == "Akdeniz: Dünya devriminin yeni havzası!"
    assert any("mojibake" in p for p in doc.page.problems)


def test_legacy_encoding_is_decoded():
    text = "Yunanistan'da işçiler grev yaptı. Öğrenciler de katıldı, çünkü ücretler düşük."
    [doc] = read_bytes((text * 3).encode("cp1254"), "x.txt")
    assert "işçiler" in doc.page.lines[0].text
