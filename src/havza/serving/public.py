"""Public pages asked by a reader who is not logged in, past the middleware they have no use for.

A page of the catalogue asked with GET or HEAD, with no session or CSRF cookie and no
Authorization header (``pages.PageCache.cacheable_request``), reads no session and no login,
sets no CSRF cookie (its forms are posted from exported pages too), shows no messages and is
no static file. ``PageCache`` has such requests rendered by ``PublicHandler``: Django with only
the middleware that makes an answer safe (the security headers, the host check, the frame
policy: those ``lean`` keeps for the sign-on) in the order the settings give them, and, in the
place of the sessions, ``AnonymousReader``, which answers as the whole stack answers a reader
without a session: the page sees an anonymous user, and a page that asked who reads it varies
on Cookie. The answer is the same, header for header (tests/serving/test_requests.py), for
less work: 0.1-0.2 ms of CPU a page of 3-5 (sessions, CSRF, login, messages, login
throttling, static files; `python -m bench.render`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.urls import ResolverMatch, get_resolver, set_urlconf
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject

from havza.serving.lean import KEPT, LeanHandler

SESSIONS = "django.contrib.sessions.middleware.SessionMiddleware"
READER = "havza.serving.public.AnonymousReader"


class AnonymousReader:
    """Sessions and logins for a request that carries no session: ``request.user`` is
    anonymous, and an answer that asked for it varies on Cookie (as the session middleware
    marks an answer that read the session)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        asked: list[bool] = []

        def user() -> AnonymousUser:
            asked.append(True)
            return AnonymousUser()

        request.user = SimpleLazyObject(user)
        response = self.get_response(request)
        if asked:
            patch_vary_headers(response, ("Cookie",))
        return response


def middleware() -> list[str]:
    """The middleware of a public page's request, in the settings' order."""
    chosen = [path for path in settings.MIDDLEWARE if path in KEPT or path == SESSIONS]
    return [READER if path == SESSIONS else path for path in chosen]


MAX_RESOLVED = 10_000  # addresses whose view is remembered


class PublicHandler(LeanHandler):
    """Django's WSGI handler with only ``middleware()``; the view of an address is looked up
    once (matching it against every route cost about a twentieth of a page's CPU time)."""

    def __init__(self) -> None:
        super().__init__()
        self._resolved: dict[tuple, ResolverMatch] = {}

    def middleware(self) -> list[str]:
        return middleware()

    def resolve_request(self, request: HttpRequest) -> ResolverMatch:
        urlconf = getattr(request, "urlconf", None)
        if urlconf is not None:
            set_urlconf(urlconf)
        resolver = get_resolver(urlconf)
        key = (resolver, request.path_info)
        found = self._resolved.get(key)
        if found is None:
            found = resolver.resolve(request.path_info)  # Resolver404 is not remembered
            if len(self._resolved) >= MAX_RESOLVED:
                self._resolved.clear()
            self._resolved[key] = found
        # Each request's own (a view's middleware may change its arguments).
        match = object.__new__(type(found))
        match.__dict__.update(found.__dict__, kwargs=dict(found.kwargs))
        request.resolver_match = match
        return match
