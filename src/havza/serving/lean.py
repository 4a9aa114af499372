"""The public sign-on's busiest requests, answered past the middleware they have no use for.

Sending a signature (the form's POST, or the JSON endpoint's) and fetching a proof-of-work
challenge involve no session, no login, no CSRF cookie (the form is also posted from
exported pages: its view is exempt), no messages and no static files. They go through
Django with only the middleware that makes an answer safe: the security headers, the host
check and the frame policy, in the order the settings give them. Every other request goes
through the whole stack.

The challenge, fetched before every signature, is answered by Django once per scheme (plain
or secure); later ones get a fresh challenge with the headers Django sent then (the date of
``Expires`` renewed), without building a request, when Django would surely answer them the
same: a host the site serves, no redirect to HTTPS due. Any other goes through Django."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.http.request import split_domain_port, validate_host
from django.urls import Resolver404, resolve
from django.utils.http import http_date
from django.utils.module_loading import import_string

from havza.signatures import challenge

# The middleware a sign-on's answer keeps (when the settings list it).
KEPT = frozenset(
    {
        "django.middleware.security.SecurityMiddleware",
        "havza.publishing.middleware.SecurityHeadersMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    }
)
CHALLENGE = "signatures:challenge"
# (method, namespace:name) of the views answered so.
LEAN_VIEWS = frozenset(
    {
        ("POST", "signatures:submit"),
        ("POST", "signatures:api_sign"),
        ("GET", "signatures:challenge"),
    }
)
# Headers of Django's answer to a challenge that differ from one answer to the next.
RENEWED = frozenset({"content-length", "expires", "date"})


class LeanHandler(WSGIHandler):
    """Django's WSGI handler with only the KEPT middleware (or what ``middleware()`` names,
    in a subclass)."""

    def middleware(self) -> list[str]:
        return [p for p in settings.MIDDLEWARE if p in KEPT]

    def load_middleware(self, is_async: bool = False) -> None:
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        handler = convert_exception_to_response(self._get_response)
        for path in reversed(self.middleware()):
            middleware = import_string(path)(handler)
            if hasattr(middleware, "process_view"):
                self._view_middleware.insert(0, middleware.process_view)
            if hasattr(middleware, "process_template_response"):
                self._template_response_middleware.append(middleware.process_template_response)
            if hasattr(middleware, "process_exception"):
                self._exception_middleware.append(middleware.process_exception)
            handler = convert_exception_to_response(middleware)
        self._middleware_chain = handler


class SignOnRoutes:
    """WSGI: the LEAN_VIEWS' requests to LeanHandler, the others to APP."""

    def __init__(self, app: Callable, lean: Callable | None = None):
        self.app = app
        self.lean = lean or LeanHandler()
        self._views: dict[str, str] = {}
        self._challenge_headers: dict[bool, tuple[tuple[str, str], ...]] = {}

    def view_of(self, path: str) -> str:
        known = self._views.get(path)
        if known is None:
            try:
                match = resolve(path)
                known = f"{match.namespace}:{match.url_name}"
            except Resolver404:
                known = ""
            if len(self._views) < 100_000:
                self._views[path] = known
        return known

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "")
        if method in ("POST", "GET"):
            view = self.view_of(environ.get("PATH_INFO") or "/")
            if (method, view) in LEAN_VIEWS:
                if view == CHALLENGE:
                    return self.challenge(environ, start_response)
                return self.lean(environ, start_response)
        return self.app(environ, start_response)

    # The challenge ------------------------------------------------------------------------

    def challenge(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        secure = self._secure(environ)
        headers = self._challenge_headers.get(secure)
        if headers is None or not self._answered_alike(environ, secure):
            return self._challenge_from_django(environ, start_response, secure)
        body = json.dumps(challenge.new_challenge()).encode()
        start_response(
            "200 OK",
            [*headers, ("Expires", http_date(time.time())), ("Content-Length", str(len(body)))],
        )
        return [body]

    def _challenge_from_django(self, environ, start_response, secure: bool) -> Iterable[bytes]:
        def keep(status: str, headers: list, exc_info=None):
            names = {name.lower() for name, _value in headers}
            if (
                status.startswith("200")
                and "set-cookie" not in names
                and self._answered_alike(environ, secure)
            ):
                self._challenge_headers[secure] = tuple(
                    (k, v) for k, v in headers if k.lower() not in RENEWED
                )
            return start_response(status, headers, exc_info)

        return self.lean(environ, keep)

    @staticmethod
    def _answered_alike(environ: dict, secure: bool) -> bool:
        """Whether Django answers ENVIRON's challenge as any other of its scheme: not when
        its answer depends on more than the host and the scheme (these settings), nor when it
        refuses the host or redirects to HTTPS."""
        if (
            settings.PREPEND_WWW
            or settings.USE_X_FORWARDED_HOST
            or getattr(settings, "DISALLOWED_USER_AGENTS", None)
            or (settings.SECURE_SSL_REDIRECT and not secure)
        ):
            return False
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        domain, _port = split_domain_port(host)
        return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)

    @staticmethod
    def _secure(environ: dict) -> bool:
        proxy_header = settings.SECURE_PROXY_SSL_HEADER
        if proxy_header:
            header, value = proxy_header
            if header in environ:
                return environ[header].split(",", 1)[0].strip() == value
        return environ.get("wsgi.url_scheme") == "https"
