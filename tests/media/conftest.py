"""Uploads into a folder of the test's own, with small sizes and limits so that images stay
tiny; images and PDFs made in memory, with the camera data a phone writes."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

# EXIF tags: Orientation, Make, GPS block.
ORIENTATION, MAKE, GPS = 0x0112, 0x010F, 0x8825


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.HAVZA_IMAGE_WIDTHS = (40, 80, 160)
    settings.HAVZA_IMAGE_MAX_PIXELS = 1_000_000
    settings.HAVZA_UPLOAD_MAX_BYTES = 200_000
    return settings.MEDIA_ROOT


def photo(width=120, height=60, fmt="JPEG", *, orientation=None, name="photo.jpg", mode="RGB"):
    """An image file as a phone writes it: with its maker and a GPS position in EXIF."""
    image = PILImage.new(mode, (width, height), (200, 30, 30) if mode == "RGB" else None)
    for x in range(width // 2):  # the left half blue, to see which way it is turned
        for y in range(height):
            image.putpixel((x, y), (30, 30, 200) if mode == "RGB" else (30, 30, 200, 255))
    exif = PILImage.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[GPS] = {1: "N", 2: (41.0, 1.0, 0.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    options = {"exif": exif.tobytes()} if fmt in ("JPEG", "WEBP", "PNG") else {}
    image.save(out, fmt, **options)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf(body: bytes = b"1 0 obj << /Type /Catalog >> endobj\n") -> bytes:
    return b"%PDF-1.7\n" + body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def make_photo():
    return photo
