"""The images and files in the static export: ``havza build`` copies them under the same
addresses as the site serves them (``settings.HAVZA_BUILD_STEPS``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings


def copy_media(folder: Path) -> int:
    """Copy every stored image and file into FOLDER/media/ (those already there, with the
    same size, are left: their names never change). Returns how many were copied."""
    source = Path(settings.MEDIA_ROOT)
    target = Path(folder) / settings.MEDIA_URL.strip("/")
    copied = 0
    if not source.is_dir():
        return copied
    for path in source.rglob("*"):
        if not path.is_file():
            continue
        destination = target / path.relative_to(source)
        if destination.exists() and destination.stat().st_size == path.stat().st_size:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        copied += 1
    return copied


def build_step(folder: Path, site, write) -> str:
    return f"images and files: {copy_media(folder)} copied"
