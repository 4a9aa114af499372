"""Storing checked uploads, and how a page shows an image (``<picture>`` with WebP and JPEG
sizes in ``srcset``). Views and the admin call these; ``processing`` does the checking."""

from __future__ import annotations

import re
from html import escape

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from havza.media import processing
from havza.media.models import Attachment, Image
from havza.slugs import slugify_for

# Bodies show images at most this wide (the reading column); lead images too.
SIZES = "(min-width: 46rem) 42rem, 100vw"
_ADDRESS = re.compile(r"^images/([0-9a-f]{32})/[^/]*$")


def url(path: str) -> str:
    return settings.MEDIA_URL + path


def _save(path: str, data: bytes) -> None:
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(data))


def store_image(upload, name: str, user=None) -> Image:
    """Check UPLOAD, write its renditions and record it (raises processing.Refused). The same
    file uploaded again is the image already stored."""
    prepared = processing.prepare_image(upload)
    existing = Image.objects.filter(key=prepared.key).first()
    if existing is not None:
        return existing
    renditions = []
    for r in prepared.renditions:
        path = f"images/{prepared.key}/{r.width}.{r.extension}"
        _save(path, r.data)
        renditions.append(
            {"width": r.width, "height": r.height, "extension": r.extension, "path": path}
        )
    with transaction.atomic():
        image, _created = Image.objects.get_or_create(
            key=prepared.key,
            defaults={"name": name or prepared.key, "width": prepared.width,
                      "height": prepared.height, "renditions": renditions, "uploaded_by": user},
        )  # fmt: skip
    return image


def store_attachment(upload, titles: dict[str, str], filename: str = "") -> Attachment:
    """Check an uploaded PDF, write it and record it (raises processing.Refused)."""
    data = processing.check_pdf(upload)
    key = processing.key_of(data)
    existing = Attachment.objects.filter(key=key).first()
    if existing is not None:
        return existing
    stem = slugify_for(filename.rsplit(".", 1)[0], "en", 80) if filename else ""
    path = f"files/{key}/{stem or 'document'}.pdf"
    _save(path, data)
    return Attachment.objects.create(key=key, titles=titles, path=path, size=len(data))


def image_at(address: str) -> Image | None:
    """The stored image an address in a body names (any of its renditions), or None."""
    if not address.startswith(settings.MEDIA_URL):
        return None
    found = _ADDRESS.match(address[len(settings.MEDIA_URL) :].split("?", 1)[0])
    return Image.objects.filter(key=found.group(1)).first() if found else None


def srcset(image: Image, extension: str) -> str:
    return ", ".join(f"{url(r['path'])} {r['width']}w" for r in image.sized(extension))


def picture(image: Image, alt: str, *, lazy: bool = True) -> str:
    """HTML showing IMAGE in the size the reader's screen needs, WebP where the browser
    takes it, JPEG otherwise."""
    jpeg = image.sized("jpg")
    default = next((r for r in jpeg if r["width"] >= 960), jpeg[-1])
    loading = ' loading="lazy"' if lazy else ""
    return (
        f'<picture><source type="image/webp" srcset="{escape(srcset(image, "webp"))}" '
        f'sizes="{SIZES}"><img src="{escape(url(default["path"]))}" '
        f'srcset="{escape(srcset(image, "jpg"))}" sizes="{SIZES}" alt="{escape(alt)}" '
        f'width="{image.width}" height="{image.height}"{loading}></picture>'
    )
