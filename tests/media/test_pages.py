"""A work's images and files on its pages: the lead image in responsive sizes with its
description and caption in the page's language, the OpenGraph image, images in bodies (only
the site's own), attached files; served with a long cache, and copied into the export."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from havza.media import services
from havza.publishing import markdown
from tests import factories as f
from tests.media.conftest import pdf, photo


@pytest.fixture
def illustrated(db):
    image = services.store_image(photo(200, 100), "Dockers")
    letter = services.store_attachment(
        SimpleUploadedFile("letter.pdf", pdf()),
        {"en": "The signed letter", "ar": "الرسالة الموقعة"},
        "letter.pdf",
    )
    work = f.WorkFactory(
        lead_image=image,
        lead_image_alt={"en": "Dockers on strike", "ar": "عمال الميناء في إضراب"},
        lead_image_caption={"ar": "ميناء بيرايوس"},
    )
    work.attachments.add(letter)
    body = f"Before.\n\n![Cranes at dawn]({image.address})\n\nAfter."
    pages = {
        lang: f.TranslationFactory(work=work, language=lang, title=title, body_markdown=body)
        for lang, title in (("en", "Ports against war"), ("ar", "الموانئ ضد الحرب"))
    }
    return image, letter, pages


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_lead_image_speaks_the_page_language_and_is_shared_with_the_page(
    client, illustrated, settings
):
    image, letter, pages = illustrated
    html = soup(client, pages["ar"].get_absolute_url())
    figure = html.select_one("figure.lead-image")
    img = figure.find("img")
    assert img["alt"] == "عمال الميناء في إضراب"
    assert (img["width"], img["height"]) == ("200", "100")
    assert figure.figcaption.get_text() == "ميناء بيرايوس"
    webp = figure.find("source", type="image/webp")["srcset"]
    assert webp == ", ".join(f"/media/images/{image.key}/{w}.webp {w}w" for w in (40, 80, 160))
    assert img["srcset"].endswith(f"/media/images/{image.key}/160.jpg 160w")
    og = {m["property"]: m["content"] for m in html.select("meta[property^='og:image']")}
    assert og["og:image"] == f"{settings.HAVZA_BASE_URL}/media/images/{image.key}/160.jpg"
    assert (og["og:image:width"], og["og:image:height"]) == ("160", "80")
    assert og["og:image:alt"] == "عمال الميناء في إضراب"
    english = soup(client, pages["en"].get_absolute_url()).select_one("figure.lead-image")
    assert english.find("img")["alt"] == "Dockers on strike" and english.figcaption is None
    [link] = html.select(".attachments a")
    assert (link["href"], link.get_text()) == (letter.address, "الرسالة الموقعة")


def test_a_page_without_an_image_shares_none(client, network):
    html = soup(client, network["translations"]["en"].get_absolute_url())
    assert not html.select("meta[property='og:image'], figure.lead-image, .attachments")


def test_an_uploaded_image_in_a_body_comes_in_every_size(illustrated):
    image, _letter, pages = illustrated
    body = BeautifulSoup(pages["ar"].body_html, "html.parser")
    picture = body.find("picture")
    assert picture.find("img")["alt"] == "Cranes at dawn"
    assert picture.find("img")["loading"] == "lazy"
    assert f"/media/images/{image.key}/80.webp 80w" in picture.find("source")["srcset"]


@given(
    st.sampled_from(["//evil.example/a.png", "https://evil.example/x.jpg", "/\\evil.example/a",
                     "javascript:alert(1)", "data:image/png;base64,AA", "\\\\evil\\a.png"]),
    st.text(max_size=20),
)  # fmt: skip
def test_images_from_elsewhere_never_load(src, noise):
    for text in (f"![{noise}]({src})", f'<picture><source srcset="{src} 1x"><img src="{src}" '
                 f'srcset="{src} 2x"></picture>'):  # fmt: skip
        html = BeautifulSoup(markdown.render(text), "html.parser")
        for element in html.find_all(["img", "source"]):
            for attribute in ("src", "srcset"):
                value = element.get(attribute)
                assert value is None or not any(
                    markdown.leaves_site(u) for u in markdown._srcset_urls(value)
                ), element


def test_stored_files_are_served_for_a_year(client, illustrated):
    image, letter, _pages = illustrated
    response = client.get(image.address)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    served = client.get(letter.address)
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Security-Policy"] == "sandbox"
    assert b"".join(served.streaming_content) == pdf()
    assert client.get("/media/images/../../settings.py").status_code in (400, 404)


def test_the_export_holds_the_images_and_files(illustrated, tmp_path):
    from havza.export.builder import build
    from havza.export.files import file_for

    image, letter, pages = illustrated
    out = tmp_path / "public"
    build(out, base_url="https://shores.example")
    for r in image.renditions:
        assert (out / "media" / r["path"]).read_bytes() == (
            services.default_storage.open(r["path"]).read()
        )
    assert (out / "media" / letter.path).read_bytes() == pdf()
    page = file_for(out, pages["ar"].get_absolute_url()).read_text()
    assert f'content="https://shores.example/media/images/{image.key}/160.jpg"' in page


def test_an_export_for_a_mirror_under_a_path_shows_its_images_and_files(illustrated, tmp_path):
    """A mirror at https://mirror.example/shores/ serves the folder at /shores/: every image,
    source set and file a page names is found in the export under that path."""
    from havza.export.builder import build
    from havza.export.files import file_for

    image, letter, pages = illustrated
    out = tmp_path / "public"
    build(out, base_url="https://mirror.example/shores")
    page = BeautifulSoup(file_for(out, pages["en"].get_absolute_url()).read_text(), "html.parser")
    addresses = [a["href"] for a in page.select("main a[href*='/media/']")]
    for element in page.select("main img, main source"):
        addresses += [element.get("src") or ""]
        addresses += [u.split()[0] for u in (element.get("srcset") or "").split(",") if u]
    addresses = [a for a in addresses if a]
    assert len(addresses) > 4 and letter.address[1:] in " ".join(addresses)
    for address in addresses:
        assert address.startswith("/shores/media/"), address
        assert (out / address.removeprefix("/shores/")).is_file(), address
    og = page.find("meta", property="og:image")["content"]
    assert og.startswith("https://mirror.example/shores/media/images/")
    feed = (out / "en" / "feed.xml").read_text()  # readers resolve no relative address there
    assert f"https://mirror.example/shores/media/images/{image.key}/" in feed
    assert "/media/" not in feed.replace("https://mirror.example/shores/media/", "")


def test_an_editor_uploads_an_image_and_sees_what_to_paste(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:media_image_add")
    response = client.post(url, {"name": "Dockers", "upload": photo(200, 100)})
    assert response.status_code == 302
    [image] = services.Image.objects.all()
    assert image.uploaded_by == admin_user
    listing = client.get(reverse("admin:media_image_changelist")).content.decode()
    assert f"![…]({image.address})" in listing
    refused = client.post(url, {"name": "Fake", "upload": SimpleUploadedFile("a.jpg", b"GIF8")})
    assert refused.status_code == 200 and services.Image.objects.count() == 1
