"""The public site's assets under fingerprinted names.

Each file of the public static folders (stylesheet, fonts, icon, scripts; not the admin's)
also has a name that holds a hash of its content — ``havza/site.3f2a9c1b7e4d.css`` — and
pages link to that name, so browsers and proxies may keep it a year without asking again
(``immutable``): a changed file gets a new name. The stylesheet's ``url()`` references are
rewritten to the fonts' fingerprinted names first, so its hash covers them too.

The names are computed from the files themselves when first needed, in each process — there
is no collect step to forget: ``havza serve``, ``havza build`` and a plain ``pip install``
work as they are. The live server answers them (``serve``); the export writes them under
``static/`` beside the plain names.
"""

from __future__ import annotations

import functools
import hashlib
import mimetypes
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.signals import setting_changed
from django.http import Http404, HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

PRIVATE = ("admin/", "havza_admin/", "translation/")  # assets of the signed-in screens
IMMUTABLE = "public, max-age=31536000, immutable"
_URL = re.compile(rb"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")
_COMPRESSIBLE = (".css", ".js", ".svg", ".json")


@dataclass(frozen=True)
class Asset:
    name: str  # havza/site.css
    hashed: str  # havza/site.3f2a9c1b7e4d.css
    body: bytes


def _hashed_name(name: str, body: bytes) -> str:
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(body).hexdigest()[:12]
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


def _rewrite_urls(name: str, body: bytes, known: dict[str, Asset]) -> bytes:
    folder = posixpath.dirname(name)

    def replace(match: re.Match) -> bytes:
        quote, ref = match.group(1), match.group(2).decode()
        if ref.startswith(("data:", "/", "#")) or "://" in ref:
            return match.group(0)
        path, rest = re.fullmatch(r"([^?#]*)(.*)", ref).groups()
        asset = known.get(posixpath.normpath(posixpath.join(folder, path)))
        if asset is None:
            return match.group(0)
        new = posixpath.relpath(asset.hashed, folder or ".") + rest
        return b"url(" + quote + new.encode() + quote + b")"

    return _URL.sub(replace, body)


@functools.cache
def manifest() -> dict[str, Asset]:
    """Every public asset by its plain name."""
    sources: dict[str, bytes] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            if path.startswith(PRIVATE) or path in sources:
                continue
            with storage.open(path) as fh:
                sources[path] = fh.read()
    logo = _configured_logo()
    if logo is not None:
        sources[_logo_name(logo)] = logo.read_bytes()
    known: dict[str, Asset] = {}
    # Stylesheets last: they name the other files by their fingerprinted names.
    for name in sorted(sources, key=lambda n: (n.endswith(".css"), n)):
        body = sources[name]
        if name.endswith(".css"):
            body = _rewrite_urls(name, body, known)
        known[name] = Asset(name, _hashed_name(name, body), body)
    return known


DEFAULT_LOGO = "havza/favicon.svg"


def _configured_logo() -> Path | None:
    from django.conf import settings

    value = getattr(settings, "HAVZA_SITE_LOGO", "")
    return Path(value) if value else None


def _logo_name(path: Path) -> str:
    return f"havza/site-logo{path.suffix.lower()}"


def site_logo() -> str:
    """The static name of the network's logo (HAVZA_SITE_LOGO, or havza's own)."""
    logo = _configured_logo()
    return _logo_name(logo) if logo is not None else DEFAULT_LOGO


def _forget_logo(setting: str = "", **_kwargs) -> None:
    """A changed HAVZA_SITE_LOGO (tests) changes the assets."""
    if setting == "HAVZA_SITE_LOGO":
        manifest.cache_clear()
        _by_hashed_name.cache_clear()
        _gzipped.cache_clear()


setting_changed.connect(_forget_logo)


@functools.cache
def _by_hashed_name() -> dict[str, Asset]:
    return {asset.hashed: asset for asset in manifest().values()}


def url(name: str) -> str:
    """The address of the asset NAME under its fingerprinted name (its plain one if unknown)."""
    asset = manifest().get(name)
    return static(asset.hashed if asset else name)


def serve(request: HttpRequest, name: str) -> HttpResponse:
    """A fingerprinted asset, to be kept a year (compressed when the browser accepts it)."""
    asset = _by_hashed_name().get(name)
    if asset is None or request.method not in ("GET", "HEAD"):
        raise Http404(name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    body = asset.body
    response = HttpResponse(content_type=content_type)
    if name.endswith(_COMPRESSIBLE):
        patch_vary_headers(response, ("Accept-Encoding",))
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            body = _gzipped(name)
            response["Content-Encoding"] = "gzip"
    response.content = body
    response["Cache-Control"] = IMMUTABLE
    return response


@functools.cache
def _gzipped(name: str) -> bytes:
    return compress_string(_by_hashed_name()[name].body)


class FingerprintedFinder(BaseFinder):
    """Finds the fingerprinted names for Django's own static serving (``runserver``, the test
    server), from a content-addressed copy in the temporary folder. Lists nothing: collecting
    and the export take the plain names."""

    def check(self, **kwargs) -> list:
        return []

    def list(self, ignore_patterns):
        return []

    def find(self, path, find_all=False, **kwargs):
        asset = _by_hashed_name().get(path)
        if asset is None:
            return []
        found = str(_copy(asset))
        return [found] if find_all or kwargs.get("all") else found


def _copy(asset: Asset) -> Path:
    target = Path(tempfile.gettempdir()) / f"havza-assets-{os.getuid()}" / asset.hashed
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}")
        temporary.write_bytes(asset.body)
        temporary.replace(target)
    return target
