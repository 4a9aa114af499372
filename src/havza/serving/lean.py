"""The public sign-on's busiest requests, answered past the middleware they have no use for.

Sending a signature (the form's POST, or the JSON endpoint's) and fetching a proof-of-work
challenge involve no session, no login, no CSRF cookie (the form is also posted from
exported pages: its view is exempt), no messages and no static files. They go through
Django with only the middleware that makes an answer safe: the security headers, the host
check and the frame policy, in the order the settings give them. Every other request goes
through the whole stack."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.urls import Resolver404, resolve
from django.utils.module_loading import import_string

# The middleware a sign-on's answer keeps (when the settings list it).
KEPT = frozenset(
    {
        "django.middleware.security.SecurityMiddleware",
        "havza.publishing.middleware.SecurityHeadersMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    }
)
# (method, namespace:name) of the views answered so.
LEAN_VIEWS = frozenset(
    {
        ("POST", "signatures:submit"),
        ("POST", "signatures:api_sign"),
        ("GET", "signatures:challenge"),
    }
)


class LeanHandler(WSGIHandler):
    """Django's WSGI handler with only the KEPT middleware."""

    def load_middleware(self, is_async: bool = False) -> None:
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        handler = convert_exception_to_response(self._get_response)
        for path in reversed([p for p in settings.MIDDLEWARE if p in KEPT]):
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
                return self.lean(environ, start_response)
        return self.app(environ, start_response)
