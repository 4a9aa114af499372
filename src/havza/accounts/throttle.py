"""Logins that cannot be guessed at speed nor slow the site down.

Wrong passwords are counted per account and per address by django-axes (settings:
``HAVZA_LOGIN_ATTEMPTS``, ``HAVZA_LOGIN_LOCKOUT_MINUTES``). The address is kept only as a keyed
hash, written as an IPv6 address in the private fd00::/8 range so that it fits the library's
address column on every database. A password hash (argon2) takes a core for a moment: at most
``HAVZA_PASSWORD_CHECKS`` run at once, and at most as many more logins wait for a turn, so that
a burst of logins holds only a few of the server's threads and leaves the others free to serve
pages; a login that finds the queue full, or cannot get a turn soon, is asked to try again.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpResponse
from django.utils.translation import gettext as _

WAIT_SECONDS = 3.0  # how long a login waits for its turn before "try again"


def client_address(request) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()  # the one our proxy added
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hashed_address(request) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    minutes = settings.AXES_COOLOFF_TIME * 60
    message = _(
        "Too many wrong passwords. Logging in is locked for %(minutes)s minutes; ask an "
        "administrator if you need to log in sooner."
    ) % {"minutes": f"{minutes:g}"}
    return _page(message, 429, retry_after=int(minutes * 60))


def _page(message: str, status: int, retry_after: int) -> HttpResponse:
    from django.utils.html import escape

    body = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>havza</title></head>'
        f"<body><main><h1>havza</h1><p>{escape(message)}</p></main></body></html>"
    )
    response = HttpResponse(body, status=status)
    response["Retry-After"] = str(retry_after)
    return response


class PasswordChecksBusy(Exception):
    """Every turn to check a password is taken: the login is answered "try again"."""


class PasswordCheckPool:
    """At most SIZE password checks at once and QUEUE more waiting (SIZE unless told): a
    server thread never waits behind a long line of logins. Counts the most ever running,
    for tests."""

    def __init__(self, size: int, queue: int | None = None):
        self.size = size
        self.queue = size if queue is None else queue
        self._turns = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self.running = 0
        self.waiting = 0
        self.most = 0

    def run(self, check, *args, timeout: float | None = None, **kwargs):
        with self._lock:
            if self.waiting >= self.queue:
                raise PasswordChecksBusy  # the line is full: do not hold a thread in it
            self.waiting += 1
        try:
            turn = self._turns.acquire(timeout=WAIT_SECONDS if timeout is None else timeout)
        finally:
            with self._lock:
                self.waiting -= 1
        if not turn:
            raise PasswordChecksBusy
        try:
            with self._lock:
                self.running += 1
                self.most = max(self.most, self.running)
            return check(*args, **kwargs)
        finally:
            with self._lock:
                self.running -= 1
            self._turns.release()


_pool: PasswordCheckPool | None = None
_pool_lock = threading.Lock()


def pool() -> PasswordCheckPool:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = PasswordCheckPool(max(1, int(getattr(settings, "HAVZA_PASSWORD_CHECKS", 1))))
        return _pool


class BoundedModelBackend(ModelBackend):
    """Django's own backend, with the password check taking a turn from the pool."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        return pool().run(super().authenticate, request, username, password, **kwargs)


class BusyLoginMiddleware:
    """A login that found no turn gets a "try again" page (503), not an error, and is not
    counted as a wrong password."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PasswordChecksBusy):
            message = _("Many people are logging in right now. Please try again in a moment.")
            return _page(message, 503, retry_after=5)
        return None
