"""Checking and preparing uploads, without the database: what a file is (read from its
content, never from its name or the browser's word), whether it is within the limits, and
the sizes an image is served in.

An image is decoded by Pillow only after its header says its format and pixel count are
allowed, then turned upright (EXIF orientation) and written again from its pixels alone: no
EXIF (camera, place, time), XMP or comments survive. Each size is written as WebP and JPEG.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
PDF_MAGIC = b"%PDF-"
# Encoders: (file extension, Pillow format, options).
ENCODINGS = (
    ("webp", "WEBP", {"quality": 80, "method": 4}),
    ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
)


class Refused(ValueError):
    """An upload that is not accepted (its message says why, for the editor)."""


@dataclass
class Rendition:
    width: int
    height: int
    extension: str
    data: bytes = field(repr=False)


@dataclass
class PreparedImage:
    key: str  # the hash of the upload: the same file uploaded twice is one image
    width: int
    height: int
    renditions: list[Rendition]


def read_limited(upload, limit: int) -> bytes:
    """The bytes of UPLOAD (a file object), refused past LIMIT bytes."""
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise Refused(
            _("The file is larger than %(limit)s MB.") % {"limit": round(limit / 1_000_000, 1)}
        )
    if not data:
        raise Refused(_("The file is empty."))
    return data


def key_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def widths_for(width: int) -> list[int]:
    """The widths an image WIDTH pixels wide is served in: the configured ones narrower
    than it, and its own width when it is narrower than the widest (never enlarged)."""
    wanted = sorted(settings.HAVZA_IMAGE_WIDTHS)
    chosen = [w for w in wanted if w < width]
    if width <= wanted[-1]:
        chosen.append(width)
    else:
        chosen.append(wanted[-1])
    return sorted(set(chosen))


def _open(data: bytes) -> PILImage.Image:
    try:
        image = PILImage.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError, PILImage.DecompressionBombError) as exc:
        raise Refused(_("This is not an image havza can read (JPEG, PNG, WebP or GIF).")) from exc
    if image.format not in IMAGE_FORMATS:
        raise Refused(_("This is not an image havza can read (JPEG, PNG, WebP or GIF)."))
    width, height = image.size
    if width < 1 or height < 1 or width * height > settings.HAVZA_IMAGE_MAX_PIXELS:
        raise Refused(
            _("The image is too large (%(width)s × %(height)s pixels); the limit is %(limit)s "
              "million.")
            % {"width": width, "height": height,
               "limit": round(settings.HAVZA_IMAGE_MAX_PIXELS / 1_000_000)}
        )  # fmt: skip
    return image


def _upright_pixels(image: PILImage.Image) -> PILImage.Image:
    """The first frame's pixels, turned as its EXIF orientation says, with nothing else."""
    try:
        image.seek(0)
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
        raise Refused(_("The image is damaged and cannot be read.")) from exc
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    clean = image.convert("RGBA" if has_alpha else "RGB")
    bare = PILImage.new(clean.mode, clean.size)
    bare.paste(clean)
    return bare


def _encode(image: PILImage.Image, fmt: str, options: dict) -> bytes:
    if fmt == "JPEG" and image.mode == "RGBA":
        flat = PILImage.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def prepare_image(upload) -> PreparedImage:
    """Check an uploaded image and make its renditions (raises Refused)."""
    data = read_limited(upload, settings.HAVZA_UPLOAD_MAX_BYTES)
    pixels = _upright_pixels(_open(data))
    width, height = pixels.size
    renditions = []
    for w in widths_for(width):
        h = max(1, round(height * w / width))
        sized = pixels if w == width else pixels.resize((w, h), PILImage.Resampling.LANCZOS)
        for extension, fmt, options in ENCODINGS:
            renditions.append(Rendition(w, h, extension, _encode(sized, fmt, options)))
    return PreparedImage(key_of(data), width, height, renditions)


def check_pdf(upload) -> bytes:
    """The bytes of an uploaded PDF (raises Refused if it is too large or no PDF)."""
    data = read_limited(upload, settings.HAVZA_UPLOAD_MAX_BYTES)
    if not data.startswith(PDF_MAGIC) or b"%%EOF" not in data[-1024:]:
        raise Refused(_("This is not a PDF file."))
    return data
