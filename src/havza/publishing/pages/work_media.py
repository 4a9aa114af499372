"""What a work's page shows of its images and files: the lead image with its description
and caption in the page's language, the attached files, and the image shared with the page
(OpenGraph)."""

from __future__ import annotations

from django.urls import get_script_prefix
from markupsafe import Markup

from havza.links import under_prefix
from havza.media import services as media
from havza.multilingual import pick
from havza.publishing.models import Work


def prefixed(address: str) -> str:
    """A root-relative media address under the site's script prefix (an export's path)."""
    return get_script_prefix() + address[1:] if address.startswith("/") else address


def work_media(work: Work, lang: str, site) -> dict:
    """The template's ``lead_image`` (HTML), ``lead_caption`` and ``attachments`` of WORK on
    its LANG page, and ``og`` (the OpenGraph image's properties, empty without an image)."""
    image = work.lead_image
    files = [
        {"title": f.title(lang), "href": prefixed(f.address), "size": f.size}
        for f in work.attachments.all()
    ]
    if image is None:
        return {"lead_image": None, "lead_caption": "", "attachments": files, "og": {}}
    alt = pick(work.lead_image_alt, lang, work.original_language)
    widest = image.sized("jpg")[-1]
    return {
        "lead_image": Markup(under_prefix(media.picture(image, alt, lazy=False))),
        "lead_caption": (work.lead_image_caption or {}).get(lang, ""),
        "attachments": files,
        "og": {
            "image": site.absolute(prefixed(image.address)),
            "image_width": widest["width"],
            "image_height": widest["height"],
            "image_alt": alt,
        },
    }
