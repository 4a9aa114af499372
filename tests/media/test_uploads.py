"""Uploads are judged by their content: an image is what Pillow reads in it, a PDF starts
with its magic; sizes and pixel counts have limits; camera data never reaches the site."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from havza.media import processing, services
from havza.media.models import Image
from tests.media.conftest import pdf, photo


def stored(path) -> PILImage.Image:
    from django.conf import settings as django_settings

    return PILImage.open(django_settings.MEDIA_ROOT / path)


@pytest.mark.django_db
def test_an_image_is_resized_into_webp_and_jpeg_without_its_camera_data():
    image = services.store_image(photo(120, 60), "Harbour strike")
    assert (image.width, image.height) == (120, 60)
    widths = {(r["extension"], r["width"]) for r in image.renditions}
    assert widths == {(ext, w) for ext in ("webp", "jpg") for w in (40, 80, 120)}  # never enlarged
    for r in image.renditions:
        opened = stored(r["path"])
        assert opened.format == {"webp": "WEBP", "jpg": "JPEG"}[r["extension"]]
        assert opened.size == (r["width"], r["height"])
        assert not opened.getexif() and "exif" not in opened.info
        assert b"PhoneMaker" not in (services.default_storage.open(r["path"]).read())


@pytest.mark.django_db
def test_a_turned_photo_is_stored_upright():
    image = services.store_image(photo(120, 60, orientation=6), "Turned")  # 90° clockwise
    assert (image.width, image.height) == (60, 120)
    top = stored(image.sized("jpg")[-1]["path"]).convert("RGB").getpixel((30, 5))
    assert top[2] > 150 and top[0] < 100  # the blue half is now on top


@pytest.mark.django_db
def test_the_same_file_twice_is_one_image():
    first = services.store_image(photo(), "One")
    again = services.store_image(photo(), "Other name")
    assert first.pk == again.pk and Image.objects.count() == 1


@pytest.mark.django_db
def test_a_png_named_like_a_pdf_is_an_image_and_text_named_like_an_image_is_refused():
    png = photo(90, 90, "PNG", name="letter.pdf", mode="RGBA")
    assert services.store_image(png, "Logo").width == 90
    with pytest.raises(processing.Refused):
        services.store_image(SimpleUploadedFile("x.png", b"<svg onload=alert(1)>"), "x")
    with pytest.raises(processing.Refused):
        services.store_attachment(photo(name="scan.pdf"), {"en": "Scan"}, "scan.pdf")


@pytest.mark.django_db
def test_limits_of_size_and_pixels(settings):
    with translation.override("en"), pytest.raises(processing.Refused, match="too large"):
        services.store_image(photo(2000, 600, "PNG"), "Wide")  # 1.2 million pixels
    settings.HAVZA_UPLOAD_MAX_BYTES = 500
    with translation.override("en"), pytest.raises(processing.Refused, match="larger than"):
        services.store_image(photo(), "Heavy")
    assert Image.objects.count() == 0


@pytest.mark.django_db
def test_a_pdf_is_kept_as_it_is_under_its_own_name():
    attachment = services.store_attachment(
        SimpleUploadedFile("Signed letter (final).pdf", pdf()), {"en": "The signed letter"},
        "Signed letter (final).pdf",
    )  # fmt: skip
    assert attachment.path.endswith("/signed-letter-final.pdf")
    assert services.default_storage.open(attachment.path).read() == pdf()
    with pytest.raises(processing.Refused):
        processing.check_pdf(io.BytesIO(b"%PDF-1.7 but cut short"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.binary(max_size=400),
    st.sampled_from(
        [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"RIFF\x00\x00\x00\x00WEBPVP8 "]
    ),
)
def test_any_bytes_are_an_image_or_refused_never_an_error(media_root, data, head):
    try:
        prepared = processing.prepare_image(io.BytesIO(head + data))
    except processing.Refused:
        return
    assert prepared.renditions and all(r.data for r in prepared.renditions)
