"""The render cache of public pages, in front of the Django application (WSGI).

A page of the catalogue answered to a reader who is not logged in is kept (``store``) in
three encodings (Brotli, gzip, none), with the headers the application sent; the next
reader who asks for it is answered from there, 304 included, without entering Django.
Kept pages are invalidated when a change that affects them commits (``invalidation``).

Those pages are rendered past the middleware they have no use for (``public``), also when
the cache is off. Never from the cache, nor into it: requests other than GET and HEAD,
requests carrying a session or CSRF cookie or an Authorization header, hosts Django would
refuse, plain HTTP when the site redirects to HTTPS, and responses that are not a catalogue
page's 200 marked ``public`` (no Set-Cookie, varying on nothing but Accept-Encoding and
Cookie). The query string is ignored: a catalogue page is known by its path alone, as in
the export.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.cookies import SimpleCookie

import brotli
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.urls import Resolver404, resolve
from django.utils.http import parse_http_date_safe

from havza.export.files import BROTLI_QUALITY
from havza.publishing.pages import CATALOGUE
from havza.publishing.views import LIVE_ONLY
from havza.serving import store as stores
from havza.serving.store import Variant

# Headers a 304 repeats (RFC 9110 15.4.5).
NOT_MODIFIED_HEADERS = frozenset(
    {"cache-control", "content-location", "date", "etag", "expires", "vary", "last-modified"}
)
PER_VARIANT = frozenset({"content-length", "content-encoding", "etag"})
ALLOWED_VARY = frozenset({"accept-encoding", "cookie"})
ROUTE_NAMES = frozenset(
    name for kind in CATALOGUE.values() for name, _route in kind.routes if name not in LIVE_ONLY
)


def encoding_for(accept_encoding: str) -> str:
    """The variant to send: "br", "gzip" or "" (the encodings the reader accepts)."""
    if not accept_encoding:
        return ""
    accepted = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        accepted[name.strip()] = quality
    for name in ("br", "gzip"):
        if accepted.get(name, accepted.get("*", 0.0)) > 0:
            return name
    return ""


def variants_of(status: int, headers: list[tuple[str, str]], body: bytes) -> dict[str, Variant]:
    """The three encodings of a page to keep, each with its headers and validators."""
    common = tuple((k, v) for k, v in headers if k.lower() not in PER_VARIANT)
    etag = next((v for k, v in headers if k.lower() == "etag"), "")
    if not etag:
        etag = f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
    last_modified = next((v for k, v in headers if k.lower() == "last-modified"), "")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
        gz.write(body)
    bodies = {
        "br": brotli.compress(body, quality=BROTLI_QUALITY),
        "gzip": buffer.getvalue(),
        "": body,
    }
    variants = {}
    for encoding, data in bodies.items():
        if encoding and len(data) >= len(body):
            data, encoding_header, tag = body, (), etag
        elif encoding:
            # A compressed body has a weak ETag (RFC 9110 8.8.1), as Django's gzip sends.
            encoding_header, tag = (("Content-Encoding", encoding),), "W/" + etag.removeprefix("W/")
        else:
            encoding_header, tag = (), etag
        variants[encoding] = Variant(
            status=status,
            headers=(
                *common,
                *encoding_header,
                ("ETag", tag),
                ("Content-Length", str(len(data))),
            ),
            body=data,
            etag=tag,
            last_modified=last_modified,
        )
    return variants


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


def not_modified(variant: Variant, environ: dict) -> bool:
    """Whether the reader's copy is current (If-None-Match, else If-Modified-Since)."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        mine = _opaque(variant.etag)
        return any(_opaque(tag) == mine for tag in if_none_match.split(","))
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since and variant.last_modified:
        since_time = parse_http_date_safe(since)
        modified = parse_http_date_safe(variant.last_modified)
        return since_time is not None and modified is not None and modified <= since_time
    return False


class PageCache:
    """WSGI middleware: answers catalogue pages from the store, keeps those it renders."""

    def __init__(
        self, app: Callable, store: stores.Store | None = None, public: Callable | None = None
    ):
        self.app = app
        # What renders a catalogue page for a reader without a session (public.PublicHandler:
        # Django without the middleware such a page has no use for); APP when not given.
        self.public = public or app
        self._store = store
        self.hosts = list(settings.ALLOWED_HOSTS)
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.csrf_cookie = settings.CSRF_COOKIE_NAME
        self.https_only = getattr(settings, "SECURE_SSL_REDIRECT", False)
        self.proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self.enabled = settings.HAVZA_PAGE_CACHE
        self._eligible: dict[str, bool] = {}

    @property
    def store(self) -> stores.Store:
        return self._store or stores.get()

    # Which requests -----------------------------------------------------------------------

    def cacheable_request(self, environ: dict) -> bool:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return False
        if "HTTP_AUTHORIZATION" in environ:
            return False
        cookies = environ.get("HTTP_COOKIE")
        if cookies and self._has_private_cookie(cookies):
            return False
        if self.https_only and not self._secure(environ):
            return False
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        domain, _port = split_domain_port(host)
        return bool(domain) and validate_host(domain, self.hosts)

    def _has_private_cookie(self, header: str) -> bool:
        if self.session_cookie not in header and self.csrf_cookie not in header:
            return False
        try:
            jar = SimpleCookie()
            jar.load(header)
        except Exception:
            return True  # unreadable: Django decides
        return self.session_cookie in jar or self.csrf_cookie in jar or not jar

    def _secure(self, environ: dict) -> bool:
        if self.proxy_header:
            header, value = self.proxy_header
            if header in environ:
                return environ[header].split(",", 1)[0].strip() == value
        return environ.get("wsgi.url_scheme") == "https"

    def eligible_path(self, path: str) -> bool:
        """Whether PATH is a page of the catalogue (its view is a page view)."""
        known = self._eligible.get(path)
        if known is None:
            try:
                match = resolve(path)
                known = match.namespace == "publishing" and match.url_name in ROUTE_NAMES
            except Resolver404:
                known = False
            if len(self._eligible) < 100_000:
                self._eligible[path] = known
        return known

    # The WSGI application -----------------------------------------------------------------

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not self.cacheable_request(environ):
            return self.app(environ, start_response)
        path = environ.get("PATH_INFO") or "/"
        if not self.enabled:
            if self.public is not self.app and self.eligible_path(path):
                return self.public(environ, start_response)
            return self.app(environ, start_response)
        encoding = encoding_for(environ.get("HTTP_ACCEPT_ENCODING", ""))
        kept_store = self.store
        variant, token = kept_store.lookup(path, encoding)
        if variant is not None:
            return self.answer(variant, environ, start_response)
        if not self.eligible_path(path):
            return self.app(environ, start_response)
        variants = self.render(environ)
        if isinstance(variants, tuple):  # not to be kept: answered as Django answered
            status, headers, body = variants
            start_response(status, headers)
            return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        kept_store.put(path, variants, token)
        return self.answer(variants[encoding], environ, start_response)

    def render(self, environ: dict) -> dict[str, Variant] | tuple[str, list, bytes]:
        """The page from Django, uncompressed and unconditional (the cache negotiates)."""
        inner = {
            k: v
            for k, v in environ.items()
            if k not in ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
        }
        inner["REQUEST_METHOD"] = "GET"
        captured: list = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return lambda data: None

        result = self.public(inner, capture)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        status, headers = captured
        if not self.storable(status, headers):
            return status, headers, body
        return variants_of(int(status.split(" ", 1)[0]), headers, body)

    @staticmethod
    def storable(status: str, headers: list[tuple[str, str]]) -> bool:
        if not status.startswith("200"):
            return False
        names = {k.lower(): v for k, v in headers}
        if "set-cookie" in names or "content-encoding" in names:
            return False
        control = {d.strip().lower() for d in names.get("cache-control", "").split(",")}
        if "public" not in control or {"private", "no-store", "no-cache"} & control:
            return False
        vary = {v.strip().lower() for v in names.get("vary", "").split(",") if v.strip()}
        return vary <= ALLOWED_VARY

    @staticmethod
    def answer(variant: Variant, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not_modified(variant, environ):
            headers = [(k, v) for k, v in variant.headers if k.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", headers)
            return []
        phrase = HTTPStatus(variant.status).phrase
        start_response(f"{variant.status} {phrase}", list(variant.headers))
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [variant.body]
